//! TEMPORARY STUB by the lead so the crate compiles; helper-3 replaces this
//! file with the real deadline engine.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    EnglandWales,
    Scotland,
    NorthernIreland,
}

impl std::str::FromStr for Region {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "england-wales" => Ok(Region::EnglandWales),
            "scotland" => Ok(Region::Scotland),
            "northern-ireland" => Ok(Region::NorthernIreland),
            _ => Err(format!("unknown region {s}")),
        }
    }
}

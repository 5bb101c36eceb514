//! One module per command area; each parses its arguments, calls the engine
//! and prints.

pub mod audit;
pub mod case;
pub mod deadline;
pub mod decide;
pub mod demo;
pub mod detect;
pub mod export;
pub mod holidays;
pub mod import;
pub mod items;
pub mod redact;
pub mod render;
pub mod search;
pub mod staff;

use disclose_core::case::{CaseFolder, Home};

use crate::output::Output;

pub struct Context {
    pub home: Home,
    pub out: Output,
}

impl Context {
    pub fn open(&self, reference: &str) -> anyhow::Result<CaseFolder> {
        Ok(CaseFolder::open(&self.home, reference)?)
    }
}

/// Now, as recorded in the case (RFC 3339, UTC).
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Who is at the keyboard, for the chain of custody.
pub fn user() -> String {
    disclose_core::case::os_user()
}

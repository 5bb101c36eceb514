//! Cases: the request being answered, who it is about, and where its folder
//! lives. A case is stored in its own folder under `<home>/cases/<ref>/`
//! (see `docs/case-folder.md`); this module owns the case's fields and the
//! home directory.

pub mod due;
mod folder;
mod home;
mod overview;
mod uses;
mod validate;

pub use folder::os_user;

pub use folder::CaseFolder;
pub use home::Home;
pub use overview::{all_cases, CaseOverview};
pub use validate::{refuse, CaseField, Problem};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::clock::{Calendar, Deadline, DeadlineInput, Pause, Region};
use crate::error::{Error, Result};

/// What the requester asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Subject access (UK GDPR Art. 15).
    #[default]
    Access,
    /// Data portability (Art. 20).
    Portability,
    /// Both at once.
    Both,
}

impl std::str::FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "access" => Ok(Kind::Access),
            "portability" => Ok(Kind::Portability),
            "both" => Ok(Kind::Both),
            _ => Err(Error::Invalid(format!(
                "unknown case kind '{s}' (expected access, portability or both)"
            ))),
        }
    }
}

/// Everything that identifies the data subject in the organisation's
/// records. Each list may be empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Subject {
    /// Full name as the subject gives it, e.g. "Jane Anne Smith".
    pub name: String,
    /// Other names: former names, nicknames, spellings.
    pub aliases: Vec<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub addresses: Vec<String>,
    pub postcodes: Vec<String>,
    /// Tenancy, rent account, UPRN and other reference numbers.
    pub account_refs: Vec<String>,
    pub ni_number: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
}

/// Someone who lives with the subject: their data is not the subject's to
/// have, but they are not strangers either.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct HouseholdMember {
    pub name: String,
    pub relationship: String,
}

/// A subject access or portability request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Case {
    /// The organisation's reference, also the case folder's name.
    pub reference: String,
    pub kind: Kind,
    /// Who made the request: the subject, or a representative.
    pub requester: String,
    pub subject: Subject,
    #[serde(default)]
    pub household: Vec<HouseholdMember>,
    pub received: NaiveDate,
    pub region: Region,
    /// Times the clock stopped while waiting for ID or clarification.
    #[serde(default)]
    pub pauses: Vec<Pause>,
    /// Extended by two months (complex or numerous requests).
    #[serde(default)]
    pub extended: bool,
    #[serde(default)]
    pub notes: String,
    /// Whether staff acting in their role are disclosed (the usual answer)
    /// rather than suggested for redaction as third parties.
    #[serde(default = "disclosed_by_default")]
    pub disclose_staff_in_role: bool,
}

fn disclosed_by_default() -> bool {
    true
}

impl Case {
    /// A new case with just a reference and the subject's name.
    pub fn new(reference: &str, subject_name: &str, received: NaiveDate) -> Result<Case> {
        let case = Case {
            reference: reference.to_string(),
            kind: Kind::Access,
            requester: subject_name.to_string(),
            subject: Subject {
                name: subject_name.to_string(),
                ..Subject::default()
            },
            household: Vec::new(),
            received,
            region: Region::EnglandWales,
            pauses: Vec::new(),
            extended: false,
            notes: String::new(),
            disclose_staff_in_role: true,
        };
        case.validate()?;
        Ok(case)
    }

    /// What the clock needs from the case.
    pub fn deadline_input(&self) -> DeadlineInput {
        DeadlineInput {
            received: self.received,
            region: self.region,
            pauses: self.pauses.clone(),
            extended: self.extended,
        }
    }

    /// The statutory deadline from the case's own dates and the holidays
    /// of `calendar` (`CaseFolder::deadline` uses the home's).
    pub fn deadline(&self, calendar: &Calendar) -> Result<Deadline> {
        Ok(crate::clock::compute(&self.deadline_input(), calendar)?)
    }
}

/// A case reference names a folder, so it is kept to letters, digits, `-`,
/// `_` and `.`, not starting with a dot.
pub fn validate_reference(reference: &str) -> Result<()> {
    let ok = !reference.is_empty()
        && reference.len() <= 64
        && !reference.starts_with('.')
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "case reference '{reference}' must be 1-64 letters, digits, '-', '_' or '.', not starting with '.'"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_cannot_escape_the_cases_folder() {
        for bad in ["", "../x", "a/b", ".hidden", "a b", "x\\y"] {
            assert!(validate_reference(bad).is_err(), "{bad}");
        }
        for good in ["SAR-2026-001", "sar_1.2"] {
            assert!(validate_reference(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn invalid_identifiers_are_refused() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut case = Case::new("SAR-1", "Jane Smith", date).unwrap();
        case.subject.ni_number = Some("QQ 12 34 56 Z".into());
        assert!(case.validate().is_err());
        case.subject.ni_number = Some("AB 12 34 56 C".into());
        assert!(case.validate().is_ok());
    }
}

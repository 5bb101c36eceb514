//! The organisation profile: the controller's details and the facts of its
//! privacy notice that every response letter must give (UK GDPR Art.
//! 15(1)(a)–(h) and 15(2)): purposes, categories, recipients, retention,
//! sources, automated decision-making, safeguards for transfers, rights and
//! the complaint route. It belongs to the organisation, so it lives in the
//! Disclose home as `organisation.json` (documented in
//! `docs/organisation-profile.md`); a built-in profile describes the demo's
//! fictional landlord.

use serde::{Deserialize, Serialize};

use crate::case::Home;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct Profile {
    /// The controller's legal name.
    pub name: String,
    /// Postal address, one line per entry.
    pub address: Vec<String>,
    /// The ICO registration number: `Z` and seven digits, or `ZA`/`ZB` and six.
    pub ico_registration: String,
    /// How to reach the Data Protection Officer (name, email, address).
    pub dpo_contact: String,
    /// Who signs the response letter, and their role.
    pub signatory: String,
    /// Art. 15(1)(a): why the data is processed, with the lawful basis.
    pub purposes: Vec<String>,
    /// Art. 15(1)(b): the categories of personal data held.
    pub categories: Vec<String>,
    /// Art. 15(1)(c): who the data is shared with.
    pub recipients: Vec<String>,
    /// Art. 15(1)(d): how long data is kept, or the criteria.
    pub retention: Vec<String>,
    /// Art. 15(1)(g): where the data came from when not from the person.
    pub sources: Vec<String>,
    /// Art. 15(1)(h): automated decision-making, including profiling.
    pub automated_decisions: String,
    /// Art. 15(2): safeguards for transfers outside the UK.
    pub international_transfers: String,
    /// Art. 15(1)(e): the person's rights, in plain words.
    pub rights: Vec<String>,
    /// Art. 15(1)(f): how to complain to the ICO.
    pub complaint_route: String,
}

const FILE: &str = "organisation.json";

/// The profile saved in `home`.
pub fn load(home: &Home) -> Result<Profile> {
    let path = home.root().join(FILE);
    if !path.exists() {
        return Err(Error::Invalid(format!(
            "no organisation profile yet: write one (`disclose profile template > org.json`, edit it, then `disclose profile set org.json`); it is kept in {}",
            path.display()
        )));
    }
    let json = std::fs::read_to_string(&path)?;
    serde_json::from_str(&json)
        .map_err(|e| Error::Invalid(format!("{} is unreadable: {e}", path.display())))
}

/// Saves the demo landlord's profile unless a profile exists already.
pub fn ensure_demo(home: &Home) -> Result<()> {
    if home.root().join(FILE).exists() {
        return Ok(());
    }
    save(home, &demo())
}

/// Validates and saves the profile.
pub fn save(home: &Home, profile: &Profile) -> Result<()> {
    let problems = problems(profile);
    if !problems.is_empty() {
        return Err(Error::Invalid(format!(
            "the organisation profile is incomplete: {}",
            problems.join("; ")
        )));
    }
    let json = serde_json::to_string_pretty(profile).map_err(|e| Error::Invalid(e.to_string()))?;
    crate::private::write_file(&home.root().join(FILE), json.as_bytes())?;
    Ok(())
}

/// What is missing or wrong, in words; empty when the profile is usable.
pub fn problems(p: &Profile) -> Vec<String> {
    let mut out = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            out.push(what.to_string());
        }
    };
    need(
        !p.name.trim().is_empty(),
        "the organisation's name is missing",
    );
    need(!p.address.is_empty(), "the address is missing");
    need(
        valid_ico_registration(&p.ico_registration),
        "the ICO registration number must be Z and 7 digits, or ZA/ZB and 6 digits",
    );
    need(
        !p.dpo_contact.trim().is_empty(),
        "the DPO contact is missing",
    );
    need(
        !p.purposes.is_empty(),
        "the purposes (Art. 15(1)(a)) are missing",
    );
    need(
        !p.categories.is_empty(),
        "the categories (Art. 15(1)(b)) are missing",
    );
    need(
        !p.recipients.is_empty(),
        "the recipients (Art. 15(1)(c)) are missing",
    );
    need(
        !p.retention.is_empty(),
        "the retention (Art. 15(1)(d)) is missing",
    );
    need(
        !p.rights.is_empty(),
        "the rights (Art. 15(1)(e)) are missing",
    );
    need(
        !p.complaint_route.trim().is_empty(),
        "the complaint route (Art. 15(1)(f)) is missing",
    );
    need(
        !p.sources.is_empty(),
        "the sources (Art. 15(1)(g)) are missing",
    );
    need(
        !p.automated_decisions.trim().is_empty(),
        "the automated decision-making statement (Art. 15(1)(h)) is missing",
    );
    out
}

pub fn valid_ico_registration(s: &str) -> bool {
    let s = s.trim();
    let digits = |rest: &str, n: usize| rest.len() == n && rest.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = s.strip_prefix("ZA").or_else(|| s.strip_prefix("ZB")) {
        digits(rest, 6)
    } else if let Some(rest) = s.strip_prefix('Z') {
        digits(rest, 7)
    } else {
        false
    }
}

fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The demo's fictional landlord, written after what real social landlords
/// publish in their privacy notices.
pub fn demo() -> Profile {
    Profile {
        name: "Northgate Homes".into(),
        address: lines(&["1 Civic Way", "Stockport", "SK1 3XE"]),
        ico_registration: "Z9876543".into(),
        dpo_contact: "Data Protection Officer, Northgate Homes, 1 Civic Way, Stockport SK1 3XE — dpo@northgate-homes.example".into(),
        signatory: "Data Protection Officer, Northgate Homes".into(),
        purposes: lines(&[
            "Managing your tenancy and collecting rent (contract, UK GDPR Art. 6(1)(b))",
            "Repairs, maintenance and safety checks of your home (contract; legal obligation, Art. 6(1)(c))",
            "Dealing with anti-social behaviour and neighbour disputes (public task, Art. 6(1)(e))",
            "Support for vulnerable residents and safeguarding (vital interests, Art. 6(1)(d); substantial public interest, Art. 9(2)(g))",
            "Complaints and improving our services (legitimate interests, Art. 6(1)(f))",
        ]),
        categories: lines(&[
            "Identity and contact details",
            "Tenancy, rent account and payment records",
            "Household members",
            "Repairs history and home visit notes",
            "Anti-social behaviour case records",
            "Health and support needs you told us about (special category)",
            "Correspondence, calls and complaints",
        ]),
        recipients: lines(&[
            "Stockport Council (housing benefit, allocations)",
            "Our repair contractors, only what they need to do the work",
            "The police, where the law allows, to prevent or detect crime",
            "Support and advice agencies, with your consent",
            "Debt advice and collection agencies for former tenants' arrears",
        ]),
        retention: lines(&[
            "Tenancy records: 6 years after the tenancy ends",
            "Rent and payment records: 6 years after the end of the financial year",
            "Anti-social behaviour cases: 6 years after the case is closed",
            "Repairs records: 6 years after the work, 40 years for asbestos records",
        ]),
        sources: lines(&[
            "You and your household",
            "Stockport Council and other landlords (referrals, nominations)",
            "Neighbours and witnesses who report concerns",
            "The police and other agencies working with us",
        ]),
        automated_decisions: "We do not make decisions about you by automated means alone, and we do not profile you.".into(),
        international_transfers: "We do not send your personal data outside the UK.".into(),
        rights: lines(&[
            "To be told what we hold and to have a copy (this response)",
            "To have wrong or incomplete information corrected",
            "To have information erased where we no longer need it",
            "To restrict or object to how we use it",
            "To receive the information you gave us in a machine-readable form and have it sent to another organisation (portability)",
            "To withdraw consent where we rely on it",
        ]),
        complaint_route: "If you are unhappy with how we handled your request, contact our DPO first. You can also complain to the Information Commissioner's Office: Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; 0303 123 1113; ico.org.uk/make-a-complaint.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_profile_is_complete() {
        assert!(problems(&demo()).is_empty(), "{:?}", problems(&demo()));
    }

    #[test]
    fn ico_numbers_and_missing_facts_are_checked() {
        for good in ["Z1234567", "ZA123456", "ZB654321"] {
            assert!(valid_ico_registration(good), "{good}");
        }
        for bad in ["", "Z123456", "ZC123456", "A1234567", "Z12345678"] {
            assert!(!valid_ico_registration(bad), "{bad}");
        }
        let mut p = demo();
        p.purposes.clear();
        p.ico_registration = "123".into();
        let found = problems(&p);
        assert_eq!(found.len(), 2, "{found:?}");
        let dir = tempfile::tempdir().unwrap();
        assert!(save(&Home::new(dir.path()), &p).is_err());
        save(&Home::new(dir.path()), &demo()).unwrap();
        assert_eq!(load(&Home::new(dir.path())).unwrap(), demo());
    }
}

//! Detection of personal data in text: the identifiers the engine already
//! recognises (NI numbers, postcodes, UK phones, emails), NHS numbers,
//! payment cards, sort codes, account numbers, dates of birth (and the ages
//! and birth years after a name, `ages`), vehicle
//! registrations, passport and driving licence numbers (`documents`),
//! social media handles and profile addresses (`social`), the numbers a
//! register gives one person, read from its table (`register`),
//! but not an organisation's service numbers and role mailboxes (`shared`),
//! foreign phone numbers, address lines and neighbours'
//! house references (`numbers`, `address`, `labelled`, `house`), identifiers written
//! loosely (`loose`: "jo@ example.org", "fax 7135550199"), login names in
//! paths, after "Username:" and in Exchange addresses (`logins`, found as
//! person names), officers' collar numbers and workers' registration
//! numbers (`collar`, found as person names), the codes a record's key
//! gives its staff (`keys`), a name again in its own script (`scripts`),
//! initials standing for a name the text gives in full (`initials`)
//! and person names (`names`, with the word lists in
//! `lexicon`); with [`findings_knowing`],
//! also the names a case already knows (`known`); beside the name rules, a
//! token model trained by us (`names::model`, re-exported as [`ner`]). Each finding is a byte
//! range of the text with its kind and a confidence; findings do not
//! overlap, and numbers that the text calls a job, invoice or order
//! reference are left out. `person_key` groups the ways one person's name
//! is written.

mod address;
mod ages;
mod collar;
mod documents;
mod handles;
mod house;
mod initials;
mod keys;
mod known;
mod labelled;
mod lexicon;
mod logins;
mod loose;
mod names;
mod numbers;
mod register;
mod scripts;
mod shared;
mod social;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::identifiers::{self, IdKind};

crate::vocab::vocabulary! {
    /// What a piece of personal data is: the kinds detection finds, and the
    /// two a mark can have besides (`manual`, `term`).
    pub enum DataKind ("kind") {
        NiNumber = "ni_number",
        Postcode = "postcode",
        Phone = "phone",
        Email = "email",
        NhsNumber = "nhs_number",
        CardNumber = "card_number",
        SortCode = "sort_code",
        AccountNumber = "account_number",
        DateOfBirth = "date_of_birth",
        VehicleReg = "vehicle_reg",
        PassportNumber = "passport_number",
        DrivingLicence = "driving_licence",
        SocialHandle = "social_handle",
        RegisterNumber = "register_number",
        AddressLine = "address_line",
        PersonName = "person_name",
        /// A mark a reviewer made by hand (never a finding).
        Manual = "manual",
        /// A mark of "redact this everywhere" (never a finding).
        Term = "term",
        /// A face in a video, to blur (never a text finding).
        Face = "face",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub start: usize,
    pub end: usize,
    pub kind: DataKind,
    pub text: String,
    /// 0 to 1: how sure the recogniser is that this is personal data.
    pub confidence: f32,
}

impl Finding {
    /// A person's name at `start..end` of `text`.
    fn person(text: &str, start: usize, end: usize, confidence: f32) -> Finding {
        Finding {
            start,
            end,
            kind: DataKind::PersonName,
            text: text[start..end].to_string(),
            confidence,
        }
    }
}

pub use known::KnownNames;
pub use names::person_key;
pub use numbers::{luhn, valid_nhs};

/// Kinds that a job, invoice or order reference can look like.
const NUMBER_KINDS: &[DataKind] = &[
    DataKind::Phone,
    DataKind::NhsNumber,
    DataKind::CardNumber,
    DataKind::SortCode,
    DataKind::AccountNumber,
];

/// Which kind wins when two findings overlap: earlier in the list first.
const PRECEDENCE: &[DataKind] = &[
    DataKind::Email,
    DataKind::NiNumber,
    DataKind::RegisterNumber,
    DataKind::DrivingLicence,
    DataKind::PassportNumber,
    DataKind::DateOfBirth,
    DataKind::SortCode,
    DataKind::AccountNumber,
    DataKind::Phone,
    DataKind::NhsNumber,
    DataKind::CardNumber,
    DataKind::VehicleReg,
    DataKind::Postcode,
    DataKind::AddressLine,
    DataKind::PersonName,
    // "@Dave" in a chat is a person's name found.
    DataKind::SocialHandle,
];

/// Every finding in `text`, in text order.
pub fn findings(text: &str) -> Vec<Finding> {
    resolve(text, collect(text, &names::model::BUILT_IN))
}

/// Every finding in `text`, with `model` in place of the built-in name
/// model: what training and evaluating a new model use.
pub fn findings_with_model(text: &str, model: &ner::Model) -> Vec<Finding> {
    resolve(text, collect(text, model))
}

/// The statistical name model: its weights, its features (for training it)
/// and the built-in one.
pub mod ner {
    pub use super::names::candidate_features;
    pub use super::names::model::BUILT_IN;
    pub use super::names::Model;
}

/// Every finding in `text` and every occurrence of a name the case knows,
/// in text order.
pub fn findings_knowing(text: &str, known: &KnownNames) -> Vec<Finding> {
    let mut all = collect(text, &names::model::BUILT_IN);
    all.extend(known.find(text));
    resolve(text, all)
}

/// What every recogniser found, overlaps and references included.
fn collect(text: &str, model: &ner::Model) -> Vec<Finding> {
    // The lines holding a digit, found once for every number search.
    let lines = crate::scan::DigitLines::new(text);
    let mut all: Vec<Finding> = identifiers::find_all_in(text, &lines)
        .into_iter()
        .map(|f| Finding {
            start: f.start,
            end: f.end,
            kind: match f.kind {
                IdKind::NiNumber => DataKind::NiNumber,
                IdKind::Postcode => DataKind::Postcode,
                IdKind::Phone => DataKind::Phone,
                IdKind::Email => DataKind::Email,
            },
            text: text[f.start..f.end].to_string(),
            confidence: match f.kind {
                IdKind::Postcode => 0.8,
                _ => 0.95,
            },
        })
        .collect();
    all.extend(numbers::find(text, &lines));
    all.extend(documents::find(&lines));
    all.extend(loose::find(text, &lines));
    let addresses = address::find(text);
    all.extend(house::find_joined(text, &addresses));
    all.extend(addresses);
    all.extend(labelled::find(text));
    // "no. 4 Orchard Court": a house reference runs on into the street
    // line that starts inside it.
    let mut houses = house::find(text, &lines);
    for h in &mut houses {
        let street = all.iter().find(|a| {
            a.kind == DataKind::AddressLine && a.start > h.start && a.start < h.end && a.end > h.end
        });
        if let Some(end) = street.map(|a| a.end) {
            h.end = end;
            h.text = text[h.start..end].to_string();
        }
    }
    all.extend(houses);
    all.extend(logins::find(text));
    all.extend(handles::find(text));
    all.extend(social::find(text));
    let collars = collar::find(text);
    let mut names = names::find_with(text, model);
    collar::run_on(text, &mut names, &collars);
    let keyed = keys::codes(text, &names);
    names.extend(keyed);
    let lettered = keys::speaker_letters(text, &names);
    names.extend(lettered);
    let written_again = scripts::find(text, &names);
    names.extend(written_again);
    let initials = initials::of_names(text, &names);
    names.extend(initials);
    all.extend(collars);
    all.extend(house::find_bare(text, &names));
    all.extend(house::after_names(text, &names));
    all.extend(house::in_brackets_after_names(text, &names));
    all.extend(house::find_spoken(text, &names));
    let ages = ages::after_names(text, &names, &all);
    all.extend(ages);
    all.extend(register::find(text, &names));
    let again = house::found_again(text, &all);
    all.extend(again);
    all.extend(logins::of_names(text, &names));
    all.extend(names);
    all
}

/// Findings without references and overlaps: where two overlap, the kind
/// earlier in `PRECEDENCE` wins, then the longer one.
fn resolve(text: &str, mut all: Vec<Finding>) -> Vec<Finding> {
    // A reference, and any number inside it ("Order +44 (0)161 496 0054"
    // holds an NHS-valid "161 496 0054"), is not personal data.
    let references: Vec<(usize, usize)> = all
        .iter()
        .filter(|f| NUMBER_KINDS.contains(&f.kind) && numbers::is_reference(text, f.start))
        .map(|f| (f.start, f.end))
        .collect();
    // An organisation's service number or role mailbox names no one, nor
    // does any number inside it.
    let shared: Vec<(usize, usize)> = all
        .iter()
        .filter(|f| shared::organisation_contact(text, f, &all))
        .map(|f| (f.start, f.end))
        .collect();
    all.retain(|f| {
        let inside =
            |spans: &[(usize, usize)]| spans.iter().any(|&(s, e)| s < f.end && f.start < e);
        !(NUMBER_KINDS.contains(&f.kind) && inside(&references))
            && !((NUMBER_KINDS.contains(&f.kind)
                || matches!(
                    f.kind,
                    DataKind::Email | DataKind::Postcode | DataKind::AddressLine
                ))
                && inside(&shared))
    });
    // A name inside a handle that holds more than it ("jmilner" of
    // "@jmilner_88") is the handle's; "@Dave" in a chat is the name.
    let handles: Vec<(usize, usize)> = all
        .iter()
        .filter(|f| f.kind == DataKind::SocialHandle)
        .map(|f| (f.start, f.end))
        .collect();
    all.retain(|f| {
        f.kind != DataKind::PersonName
            || !handles
                .iter()
                .any(|&(s, e)| s <= f.start && f.end <= e && e - s > f.end - f.start + 1)
    });
    all.sort_by_key(|f| {
        // A number the text calls an NHS number is one, even if it could
        // be dialled.
        let rank = if f.kind == DataKind::NhsNumber && f.confidence >= 0.9 {
            Some(0)
        } else {
            PRECEDENCE.iter().position(|k| *k == f.kind)
        };
        (rank, std::cmp::Reverse(f.end - f.start), f.start)
    });
    // Kept findings by start; they never overlap, so only the last one
    // starting before a new finding ends can overlap it.
    let mut kept: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in all {
        let clash = kept
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > f.start);
        if !clash {
            kept.insert(f.start, f);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests;

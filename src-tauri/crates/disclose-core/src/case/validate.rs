//! The checks of a case, each problem reported with the field it is about,
//! so a form can show every one beside its field and the CLI can list them
//! all at once. These are the only rules: the window shows what they find
//! and keeps none of its own.

use chrono::NaiveDate;
use serde::Serialize;

use super::{validate_reference, Case};
use crate::clock::Calendar;
use crate::error::{Error, Result};

crate::vocab::vocabulary! {
    /// A field of a case a problem is about.
    pub enum CaseField ("case field") {
        Reference = "reference",
        Received = "received",
        Pauses = "pauses",
        SubjectName = "subject.name",
        DateOfBirth = "subject.date_of_birth",
        NiNumber = "subject.ni_number",
        Emails = "subject.emails",
        Postcodes = "subject.postcodes",
        Phones = "subject.phones",
    }
}

/// One thing wrong with a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    pub field: CaseField,
    pub message: String,
}

impl Case {
    /// Every problem with the case, in form order. With `today`, dates are
    /// also checked against it (a request received in the future, a date of
    /// birth not in the past), as when a case is created; without, dates are
    /// left free (a case already made keeps its dates when edited later).
    pub fn problems(&self, today: Option<NaiveDate>) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |field: CaseField, message: String| out.push(Problem { field, message });
        if let Err(e) = validate_reference(&self.reference) {
            add(CaseField::Reference, e.to_string());
        }
        if today.is_some_and(|t| self.received > t) {
            add(
                CaseField::Received,
                "the request cannot be received in the future".into(),
            );
        }
        if let Err(e) = self.deadline(&Calendar::built_in()) {
            let field = if self.pauses.is_empty() {
                CaseField::Received
            } else {
                CaseField::Pauses
            };
            add(field, e.to_string());
        }
        let subject = &self.subject;
        if subject.name.trim().is_empty() {
            add(
                CaseField::SubjectName,
                "the subject's name is required".into(),
            );
        }
        if let (Some(born), Some(today)) = (subject.date_of_birth, today) {
            if born >= today {
                add(
                    CaseField::DateOfBirth,
                    "a date of birth must be in the past".into(),
                );
            }
        }
        if let Some(ni) = &subject.ni_number {
            if crate::identifiers::normalise_ni(ni).is_none() {
                add(
                    CaseField::NiNumber,
                    format!("'{ni}' is not a valid National Insurance number"),
                );
            }
        }
        for email in &subject.emails {
            if !email.contains('@') {
                add(
                    CaseField::Emails,
                    format!("'{email}' is not an email address"),
                );
            }
        }
        for postcode in &subject.postcodes {
            if crate::identifiers::normalise_postcode(postcode).is_none() {
                add(
                    CaseField::Postcodes,
                    format!("'{postcode}' is not a UK postcode"),
                );
            }
        }
        for phone in &subject.phones {
            if crate::identifiers::normalise_phone(phone).is_none() {
                add(
                    CaseField::Phones,
                    format!("'{phone}' is not a UK phone number"),
                );
            }
        }
        out
    }

    /// The case's problems (dates left free) as one `invalid` error listing
    /// them all, or `Ok`.
    pub fn validate(&self) -> Result<()> {
        refuse(self.problems(None))
    }
}

/// `problems` as one `invalid` error, or `Ok` when there are none.
pub fn refuse(problems: Vec<Problem>) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
    Err(Error::Invalid(messages.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Pause;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let mut case = Case::new("SAR-1", "Ada Okafor", d("2026-11-02")).unwrap();
        assert!(case.problems(Some(d("2026-11-30"))).is_empty());
        case.reference = ".hidden".into();
        case.received = d("2027-01-01");
        case.subject.name = " ".into();
        case.subject.date_of_birth = Some(d("2030-01-01"));
        case.subject.ni_number = Some("QQ123456Z".into());
        case.subject.emails = vec!["ada.example".into(), "ada@example.org".into()];
        case.subject.phones = vec!["0161".into(), "123".into()];
        case.subject.postcodes = vec!["SK1 3XE".into(), "nowhere".into()];
        case.pauses = vec![Pause {
            from: d("2027-01-10"),
            to: d("2027-01-05"),
        }];
        let fields =
            |today| -> Vec<CaseField> { case.problems(today).iter().map(|p| p.field).collect() };
        use CaseField::*;
        assert_eq!(
            fields(Some(d("2026-11-30"))),
            [
                Reference,
                Received,
                Pauses,
                SubjectName,
                DateOfBirth,
                NiNumber,
                Emails,
                Postcodes,
                Phones,
                Phones
            ]
        );
        // Without today, dates ahead are allowed; the rest is the same.
        assert_eq!(
            fields(None),
            [
                Reference,
                Pauses,
                SubjectName,
                NiNumber,
                Emails,
                Postcodes,
                Phones,
                Phones
            ]
        );
        let err = case.validate().unwrap_err();
        assert_eq!(err.code(), "invalid");
        assert!(
            err.to_string().contains("'0161'") && err.to_string().contains("'123'"),
            "{err}"
        );
    }
}

//! Redaction suggestions for a whole case (`disclose detect --case`): runs
//! detection over every item's text and decides whose data each finding
//! is — the **subject**'s (matches the case's identifiers: never
//! suggested), a **household** member's, **staff** (from the staff
//! directory; suggested only when the case does not disclose staff acting
//! in role), the **organisation**'s own (its postcode, phone or email from
//! its profile: never suggested), or a **third party**'s. A neighbour's
//! house reference ("no. 21") is the subject's only when it is the number
//! of the subject's own address. Suggestions are stored as marks with
//! status `suggested`; running it again adds only what is new, and never
//! brings back a suggestion a reviewer rejected.
//!
//! Names travel across the case: a name found with a strong cue in one item
//! (a title, a role, a household list, a full name) is looked for in every
//! item in any letter case, and so is every name a reviewer accepted for
//! redaction ("Accept for this person", "Redact everywhere"): a run after a
//! new import finds those people in the new items.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::Ordering;

use serde::Serialize;

use crate::case::{Case, CaseFolder};
use crate::detect::{self, DataKind, Finding, KnownNames};
use crate::error::Result;
use crate::identifiers;
use crate::marks::{self, MarkSource, MarkStatus, NewMark, Target, Whose};
use crate::profile::Profile;
use crate::spread;
use crate::staff::StaffMember;
use crate::store::Status;
use crate::variants::TITLES;
use crate::verify::{CheckProgress, Watch};

/// What a run found and stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestSummary {
    pub items: u64,
    pub findings: u64,
    /// Findings by whose data they are.
    pub by_whose: BTreeMap<Whose, u64>,
    /// New suggestions stored by this run.
    pub suggested: u64,
    /// Face tracks found in videos not looked at before (each suggested
    /// for blurring as one mark a sampled frame; see `crate::cctv`).
    pub face_tracks: u64,
    /// Videos whose faces could not be looked for, with the reason.
    pub not_looked_at: Vec<String>,
    /// Stopped before the end: the suggestions found so far are stored,
    /// and the next run looks at everything again, adding only what is new.
    pub cancelled: bool,
}

/// The people a finding can belong to, as name-token sets and normalised
/// identifiers.
pub struct People {
    subject_names: Vec<Vec<String>>,
    subject_values: Vec<String>,
    /// House and flat numbers of the subject's addresses.
    subject_house_numbers: HashSet<String>,
    household: Vec<Vec<String>>,
    staff_names: Vec<Vec<String>>,
    staff_emails: HashSet<String>,
    /// The organisation's own postcodes, phones and emails (from its profile).
    organisation_values: HashSet<String>,
    /// Its name, address and DPO contact as lower-case letters and digits.
    organisation_text: String,
    /// The domains of its email addresses: mail at them that is not a
    /// listed member of staff is a team mailbox, not a person.
    organisation_domains: HashSet<String>,
}

impl People {
    pub fn new(case: &Case, staff: &[StaffMember], organisation: Option<&Profile>) -> People {
        let organisation_text = organisation
            .map(|p| format!("{}\n{}\n{}", p.name, p.address.join("\n"), p.dpo_contact))
            .unwrap_or_default();
        let organisation_ids = identifiers::find_all(&organisation_text);
        let s = &case.subject;
        let mut subject_values: Vec<String> = Vec::new();
        subject_values.extend(
            s.ni_number
                .iter()
                .filter_map(|v| identifiers::normalise_ni(v)),
        );
        subject_values.extend(
            s.postcodes
                .iter()
                .filter_map(|v| identifiers::normalise_postcode(v)),
        );
        subject_values.extend(
            s.phones
                .iter()
                .filter_map(|v| identifiers::normalise_phone(v)),
        );
        subject_values.extend(
            s.emails
                .iter()
                .filter_map(|v| identifiers::normalise_email(v)),
        );
        subject_values.extend(
            s.addresses
                .iter()
                .chain(&s.account_refs)
                .map(|v| alphanumeric(v)),
        );
        if let Some(dob) = s.date_of_birth {
            subject_values.extend(
                [
                    "%d/%m/%Y",
                    "%d.%m.%Y",
                    "%d-%m-%Y",
                    "%Y-%m-%d",
                    "%-d %B %Y",
                    "%d %b %Y",
                ]
                .iter()
                .map(|f| alphanumeric(&dob.format(f).to_string())),
            );
        }
        subject_values.retain(|v| !v.is_empty());
        let subject_house_numbers = s.addresses.iter().flat_map(|a| house_numbers(a)).collect();
        People {
            subject_house_numbers,
            subject_names: std::iter::once(&s.name)
                .chain(&s.aliases)
                .map(|n| name_tokens(n))
                .filter(|t| !t.is_empty())
                .collect(),
            subject_values,
            household: case
                .household
                .iter()
                .map(|m| name_tokens(&m.name))
                .collect(),
            staff_names: staff.iter().map(|m| name_tokens(&m.name)).collect(),
            staff_emails: staff
                .iter()
                .map(|m| m.email.to_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
            organisation_values: organisation_ids.iter().map(|f| f.normal.clone()).collect(),
            organisation_domains: organisation_ids
                .iter()
                .filter(|f| f.kind == identifiers::IdKind::Email)
                .filter_map(|f| f.normal.split_once('@').map(|(_, d)| d.to_string()))
                .collect(),
            organisation_text: alphanumeric(&organisation_text),
        }
    }

    /// Whether a finding is the organisation's own: its address, postcode,
    /// phone, or a team mailbox at its domain.
    fn is_organisations(&self, finding: &Finding) -> bool {
        if self
            .normal_form(finding)
            .is_some_and(|n| self.organisation_values.contains(&n))
        {
            return true;
        }
        match finding.kind {
            DataKind::AddressLine | DataKind::Postcode => {
                let value = alphanumeric(&finding.text);
                !value.is_empty() && self.organisation_text.contains(&value)
            }
            DataKind::Email => finding
                .text
                .to_lowercase()
                .split_once('@')
                .is_some_and(|(_, domain)| self.organisation_domains.contains(domain)),
            _ => false,
        }
    }

    /// `subject`, `household`, `staff`, `organisation` or `third_party`.
    pub fn whose(&self, finding: &Finding) -> Whose {
        if finding.kind == DataKind::PersonName {
            let tokens = name_tokens(&finding.text);
            let is = |people: &[Vec<String>]| people.iter().any(|p| same_person(&tokens, p));
            let (subject, household, staff) = (
                is(&self.subject_names),
                is(&self.household),
                is(&self.staff_names),
            );
            // A name that could be the subject's or someone else's is
            // suggested: a reviewer can keep it, but a leak cannot be taken
            // back.
            let whole = tokens.iter().filter(|w| w.chars().count() > 1).count() > 1;
            // "Mrs Smith" in a household of Smiths is the requester, the
            // person written to; a lone given name shared with a household
            // member or colleague is not.
            let by_surname = self
                .subject_names
                .iter()
                .any(|p| p.last().is_some_and(|last| tokens.contains(last)));
            if subject && (whole || by_surname || !(household || staff)) {
                Whose::Subject
            } else if household {
                Whose::Household
            } else if staff {
                Whose::Staff
            } else if subject {
                Whose::Subject
            } else {
                Whose::ThirdParty
            }
        } else if self.is_subjects(finding) {
            Whose::Subject
        } else if finding.kind == DataKind::Email
            && self.staff_emails.contains(&finding.text.to_lowercase())
        {
            Whose::Staff
        } else if self.is_organisations(finding) {
            Whose::Organisation
        } else {
            Whose::ThirdParty
        }
    }

    fn normal_form(&self, finding: &Finding) -> Option<String> {
        let text = &finding.text;
        match finding.kind {
            DataKind::NiNumber => identifiers::normalise_ni(text),
            DataKind::Postcode => identifiers::normalise_postcode(text),
            DataKind::Phone => identifiers::normalise_phone(text),
            DataKind::Email => identifiers::normalise_email(text),
            _ => None,
        }
    }

    fn is_subjects(&self, finding: &Finding) -> bool {
        let text = &finding.text;
        if finding.kind == DataKind::AddressLine && is_house_reference(text) {
            return house_numbers(text)
                .iter()
                .any(|n| self.subject_house_numbers.contains(n));
        }
        match self.normal_form(finding) {
            Some(n) => self.subject_values.contains(&n),
            None => {
                let value = alphanumeric(text);
                !value.is_empty() && self.subject_values.iter().any(|v| v.contains(&value))
            }
        }
    }
}

/// Lower-case name words without titles or a possessive: "Mrs Okafor's" →
/// ["okafor"]; "Smith, John" → ["smith", "john"].
pub fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(|c| c == '\'' || c == '’' || c == '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()))
        .collect()
}

/// Whether a name as found could be `person`'s: every full word is one of
/// theirs and every initial starts one of theirs.
fn same_person(found: &[String], person: &[String]) -> bool {
    let full: Vec<&String> = found.iter().filter(|w| w.chars().count() > 1).collect();
    !full.is_empty()
        && full.iter().all(|w| person.contains(w))
        && found
            .iter()
            .filter(|w| w.chars().count() == 1)
            .all(|i| person.iter().any(|p| p.starts_with(i.as_str())))
}

/// "no. 21", "number 47", "Flat 3", a bare "27": a house reference without
/// a street.
fn is_house_reference(text: &str) -> bool {
    let lower = text.to_lowercase();
    let worded = [
        "no",
        "num",
        "number",
        "flat",
        "apartment",
        "apt",
        "maisonette",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
        && !lower.chars().any(|c| c == ',')
        && lower.split_whitespace().count() <= 2;
    // a bare number found after a person: "the woman at 27"
    let bare =
        lower.starts_with(|c: char| c.is_ascii_digit()) && !lower.contains(char::is_whitespace);
    worded || bare
}

/// The house and flat numbers in an address: "Flat 3, 22 Mill Lane" →
/// "3", "22" (digits and a letter, lower case).
fn house_numbers(address: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in address.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || !current.is_empty() && c.is_ascii_alphabetic() {
            current.push(c.to_ascii_lowercase());
        } else if !current.is_empty() {
            // "22a" is kept; "22nd" or a postcode's "1AB" part is not a house.
            if current.chars().filter(char::is_ascii_alphabetic).count() <= 1 {
                out.push(current.clone());
            }
            current.clear();
        }
    }
    out
}

fn alphanumeric(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Detects over every readable item and stores the new suggestions.
pub fn run(
    folder: &mut CaseFolder,
    staff: &[StaffMember],
    organisation: Option<&Profile>,
) -> Result<SuggestSummary> {
    run_watched(folder, staff, organisation, &Watch::none())
}

/// As [`run`], telling `watch` after each item (every item is read twice:
/// once for the names to look for everywhere, once for the findings; each
/// time the items are searched over every core, `spread`) and stopping
/// between items when it asks, storing what was found so far.
pub fn run_watched(
    folder: &mut CaseFolder,
    staff: &[StaffMember],
    organisation: Option<&Profile>,
    watch: &Watch,
) -> Result<SuggestSummary> {
    run_over(folder, staff, organisation, watch, Scope::All)
}

/// The video part of a run: the face tracks of every video, and the
/// number plates read in its frames followed as plate tracks, all
/// suggested; no other suggestion is made. The demo case is made with it,
/// so its clip shows its tracks before anyone runs detection.
pub fn videos(
    folder: &mut CaseFolder,
    staff: &[StaffMember],
    organisation: Option<&Profile>,
) -> Result<SuggestSummary> {
    run_over(folder, staff, organisation, &Watch::none(), Scope::Videos)
}

/// What a run suggests for.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// Every item's text, and the videos' faces and plates.
    All,
    /// The videos' faces and plates only.
    Videos,
}

fn run_over(
    folder: &mut CaseFolder,
    staff: &[StaffMember],
    organisation: Option<&Profile>,
    watch: &Watch,
    scope: Scope,
) -> Result<SuggestSummary> {
    let case = folder.case()?;
    let people = People::new(&case, staff, organisation);
    let items: Vec<i64> = folder
        .store
        .items(None)?
        .into_iter()
        .filter(|item| item.status != Status::Failed)
        .map(|item| item.id)
        .collect();
    let total = items.len() as u64 * 2;
    let step = |done: u64| (watch.progress)(CheckProgress { done, total });
    let stopped = || watch.cancel.load(Ordering::SeqCst);
    let mut summary = SuggestSummary::default();
    let Some((known, learned)) = known_names(folder, &items, &step, &stopped)? else {
        summary.cancelled = true;
        return Ok(summary);
    };
    let videos: HashMap<i64, f64> = folder
        .store
        .items(None)?
        .into_iter()
        .filter(|item| item.file_type == crate::cctv::VIDEO)
        .map(|item| {
            let duration = item.metadata.get("duration").and_then(|d| d.parse().ok());
            (item.id, duration.unwrap_or(0.0))
        })
        .collect();
    let mut new_marks = Vec::new();
    let mut done = 0;
    let shared: &CaseFolder = folder;
    let texts = items.iter().map(|&item_id| -> Result<_> {
        let wanted = scope == Scope::All || videos.contains_key(&item_id);
        Ok((
            item_id,
            wanted.then(|| shared.store.text(item_id)).transpose()?,
        ))
    });
    let find = |(_, text): &(i64, Option<String>)| {
        text.as_deref()
            .map(|text| detect::findings_knowing(text, &known))
    };
    spread::map_in_order(texts, find, |(item_id, _), found| {
        if stopped() {
            summary.cancelled = true;
            return Ok(false);
        }
        step(items.len() as u64 + done);
        done += 1;
        let Some(found) = found else {
            return Ok(true);
        };
        let existing = shared.store.marks_of(Some(item_id))?;
        // A video's plates are followed on its frames once; after that
        // the caseworker's choices stand.
        let video = videos.get(&item_id).copied().filter(|_| {
            !existing.iter().any(|m| {
                m.kind == crate::cctv::plates::PLATE && matches!(m.target, Target::Area { .. })
            })
        });
        let mut plates: Vec<(Finding, Whose)> = Vec::new();
        let marked: HashSet<(usize, usize)> = existing
            .into_iter()
            .filter_map(|m| match m.target {
                Target::Text { start, end } => Some((start, end)),
                Target::Area { .. } => None,
            })
            .collect();
        summary.items += 1;
        for finding in found {
            summary.findings += 1;
            let mut whose = people.whose(&finding);
            // A person a reviewer chose to redact stays redacted.
            if matches!(whose, Whose::Subject | Whose::Organisation)
                && finding.kind == DataKind::PersonName
                && learned.contains(&detect::person_key(&finding.text))
            {
                whose = Whose::ThirdParty;
            }
            *summary.by_whose.entry(whose).or_default() += 1;
            let disclosed = matches!(whose, Whose::Subject | Whose::Organisation)
                || (whose == Whose::Staff && case.disclose_staff_in_role);
            if disclosed {
                continue;
            }
            if videos.contains_key(&item_id) && finding.kind == crate::cctv::plates::PLATE {
                // A plate in a video is hidden in its frames, not its text.
                plates.push((finding, whose));
                continue;
            }
            if scope == Scope::Videos || marked.contains(&(finding.start, finding.end)) {
                continue;
            }
            new_marks.push(suggestion(item_id, &finding, whose));
        }
        if let Some(duration) = video {
            new_marks.extend(plate_marks(shared, item_id, &plates, duration)?);
        }
        Ok(true)
    })?;
    if summary.cancelled {
        let added = marks::add(folder, &new_marks, MarkStatus::Suggested)?;
        summary.suggested = added.len() as u64;
        return Ok(summary);
    }
    step(total);
    let faces = crate::cctv::suggest(folder)?;
    summary.face_tracks = faces.tracks;
    if faces.tracks > 0 {
        *summary.by_whose.entry(Whose::ThirdParty).or_default() += faces.tracks;
    }
    summary.not_looked_at = faces
        .problems
        .iter()
        .map(|(item, why)| format!("item {item}: {why}"))
        .collect();
    new_marks.extend(faces.marks);
    let added = marks::add(folder, &new_marks, MarkStatus::Suggested)?;
    summary.suggested = added.len() as u64;
    Ok(summary)
}

/// The suggested marks of the plates `found` in video `item_id`'s text,
/// followed over its frames: one track each (see `crate::cctv::plates`).
fn plate_marks(
    folder: &CaseFolder,
    item_id: i64,
    found: &[(Finding, Whose)],
    duration: f64,
) -> Result<Vec<NewMark>> {
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let pages = folder.store.pages(item_id)?;
    let interval = crate::media::video::ocr_interval(duration);
    let mut out = Vec::new();
    let mut numbered = 0;
    for whose in [
        Whose::ThirdParty,
        Whose::Household,
        Whose::Staff,
        Whose::Unknown,
    ] {
        let of_whom: Vec<Finding> = found
            .iter()
            .filter(|(_, w)| *w == whose)
            .map(|(f, _)| f.clone())
            .collect();
        let mut tracks = crate::cctv::plates::tracks(&of_whom, &pages, interval);
        for track in &mut tracks {
            numbered += 1;
            track.number = numbered;
        }
        out.extend(crate::cctv::plates::marks_of(item_id, &tracks, whose));
    }
    Ok(out)
}

/// The names to look for in every item: those found with a strong cue in
/// any item of the case, and those a reviewer accepted for redaction (the
/// second set also by person key, to keep their attribution); `None`
/// when `stopped` said stop first.
fn known_names(
    folder: &CaseFolder,
    items: &[i64],
    step: &dyn Fn(u64),
    stopped: &dyn Fn() -> bool,
) -> Result<Option<(KnownNames, HashSet<String>)>> {
    let mut known = KnownNames::new();
    let mut learned = HashSet::new();
    for mark in folder.store.accepted_marks()? {
        let name_like = mark.kind == DataKind::PersonName
            || mark.source == MarkSource::Everywhere
                && !mark.text.is_empty()
                && mark
                    .text
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'));
        if name_like {
            known.add(&mark.text);
            learned.insert(detect::person_key(&mark.text));
        }
    }
    let texts = items.iter().map(|&item_id| folder.store.text(item_id));
    let mut done = 0;
    let mut stopped_early = false;
    spread::map_in_order(
        texts,
        |text| detect::findings(text),
        |_, found| {
            if stopped() {
                stopped_early = true;
                return Ok(false);
            }
            step(done);
            done += 1;
            for f in found {
                if f.kind == DataKind::PersonName && f.confidence >= STRONG_NAME {
                    known.add(&f.text);
                }
            }
            Ok(true)
        },
    )?;
    if stopped_early {
        return Ok(None);
    }
    Ok(Some((known, learned)))
}

/// Names found with at least this confidence (a title, a cue, a role, a
/// household list, a known given name and surname) are looked for in every
/// item of the case.
const STRONG_NAME: f32 = 0.85;

fn suggestion(item_id: i64, finding: &Finding, whose: Whose) -> NewMark {
    NewMark {
        item_id,
        target: Target::Text {
            start: finding.start,
            end: finding.end,
        },
        text: finding.text.clone(),
        kind: finding.kind,
        whose,
        person: if finding.kind == DataKind::PersonName {
            detect::person_key(&finding.text)
        } else {
            String::new()
        },
        reason: "third-party".into(),
        confidence: Some(finding.confidence),
        source: MarkSource::Detect,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::HouseholdMember;
    use chrono::NaiveDate;

    fn people() -> People {
        let mut case = Case::new(
            "T-1",
            "Jane Anne Smith",
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        )
        .unwrap();
        case.subject.phones = vec!["0161 496 0000".into()];
        case.household = vec![HouseholdMember {
            name: "Daniel Smith".into(),
            relationship: "son".into(),
        }];
        let staff = [StaffMember {
            name: "Priya Patel".into(),
            role: "Housing Officer".into(),
            email: "p.patel@landlord.example".into(),
        }];
        People::new(&case, &staff, Some(&crate::profile::demo()))
    }

    fn found(kind: &'static str, text: &str) -> Finding {
        Finding {
            start: 0,
            end: text.len(),
            kind: DataKind::parse(kind).unwrap(),
            text: text.into(),
            confidence: 0.9,
        }
    }

    #[test]
    fn each_finding_is_attributed_to_its_owner() {
        let p = people();
        for (kind, text, want) in [
            ("person_name", "Mrs Smith", "subject"),
            ("person_name", "J. Smith", "subject"),
            ("person_name", "SMITH, JANE", "subject"),
            ("person_name", "Daniel Smith", "household"),
            ("person_name", "Daniel's", "household"),
            ("person_name", "Ms Patel", "staff"),
            ("person_name", "Mrs Okafor", "third_party"),
            ("person_name", "D. Okafor", "third_party"),
            ("person_name", "Dr Jane Smith", "subject"),
            ("person_name", "Daniel", "household"),
            ("phone", "+44 161 496 0000", "subject"),
            ("phone", "0161 496 0999", "third_party"),
            ("email", "P.Patel@landlord.example", "staff"),
            ("postcode", "SK1 3XE", "organisation"),
            ("postcode", "SK1 3XF", "third_party"),
            ("address_line", "1 Civic Way", "organisation"),
            ("email", "repairs@northgate-homes.example", "organisation"),
            ("email", "repairs@elsewhere.example", "third_party"),
        ] {
            assert_eq!(p.whose(&found(kind, text)), want, "{text}");
        }
    }
}

//! The subject sweep: every identifier of the data subject, each expanded
//! into the ways it is written in practice ("Smith, Jane", "J. Smith",
//! "Mrs Smith", "AB 12 34 56 C" / "AB123456C", "0161 496 0000" /
//! "+44 161 4960000", dates of birth in numeric and written forms), run
//! against the case, with which items hit and where. Each identifier's
//! search is logged. A window asks for the sweep on every visit to a
//! case's overview, so `sweep_unless_unchanged` keeps the last result
//! until the subject's identifiers or the index change.

use serde::Serialize;

use crate::case::{CaseFolder, Subject};
use crate::error::Result;
use crate::identifiers::{self, IdKind};
use crate::search::matching_ids;
use crate::variants;

/// Most locations listed per item.
const MAX_LOCATIONS: usize = 20;

crate::vocab::vocabulary! {
    /// Which of the subject's identifiers a sweep probe looked for.
    pub enum SubjectField ("subject field") {
        Name = "name",
        Alias = "alias",
        DateOfBirth = "date_of_birth",
        Address = "address",
        Postcode = "postcode",
        AccountRef = "account_ref",
        NiNumber = "ni_number",
        Phone = "phone",
        Email = "email",
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SweepReport {
    pub identifiers: Vec<IdentifierHits>,
    /// Distinct items hit by any identifier.
    pub items_hit: u64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IdentifierHits {
    pub kind: SubjectField,
    pub value: String,
    /// The query actually run.
    pub query: String,
    pub items: Vec<ItemHits>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemHits {
    pub item: i64,
    pub path: String,
    /// Occurrences found in the item's text (0 when the hit was only in
    /// metadata such as a file name or header).
    pub count: usize,
    /// Byte ranges in the item's text.
    pub locations: Vec<(usize, usize)>,
    pub snippet: String,
}

/// A search the sweep runs: a tantivy query plus how to find the same
/// thing in an item's text.
struct Probe {
    kind: SubjectField,
    value: String,
    query: String,
    matcher: Matcher,
}

enum Matcher {
    /// Any of these word sequences (lower-case words).
    Phrases(Vec<Vec<String>>),
    /// A structured identifier with this normal form.
    Identifier(IdKind, String),
}

/// The last sweep of this open case when neither the subject's identifiers
/// nor the index have changed since (a search would find the same items);
/// otherwise a new sweep, logged as any other.
pub fn sweep_unless_unchanged(folder: &mut CaseFolder) -> Result<SweepReport> {
    let state = case_state(folder)?;
    if let Some((swept, report)) = &folder.sweep_cache {
        if *swept == state {
            return Ok(report.clone());
        }
    }
    let report = sweep(folder)?;
    folder.sweep_cache = Some((state, report.clone()));
    Ok(report)
}

/// What a sweep's result depends on: the subject and the index's segments
/// (each commit, deletion or rebuild makes new ones).
fn case_state(folder: &CaseFolder) -> Result<String> {
    let subject = folder.case()?.subject;
    let searcher = folder.index.reader()?.searcher();
    Ok(format!(
        "{subject:?}\n{:?}",
        searcher.generation().segments()
    ))
}

pub fn sweep(folder: &CaseFolder) -> Result<SweepReport> {
    let now = &folder.now();
    let case = folder.case()?;
    let probes = probes_for(&case.subject);
    let mut all_items = std::collections::BTreeSet::new();
    let mut identifiers = Vec::new();
    for probe in probes {
        let ids = matching_ids(folder, &probe.query)?;
        folder
            .store
            .log_search(now, "sweep", &probe.query, ids.len() as u64)?;
        let mut items = Vec::new();
        for id in ids {
            all_items.insert(id);
            let item = folder.store.item(id)?;
            let text = folder.store.text(id)?;
            let locations = locate(&probe.matcher, &text);
            let snippet = locations
                .first()
                .map(|&(s, e)| around(&text, s, e))
                .unwrap_or_default();
            items.push(ItemHits {
                item: id,
                path: item.path,
                count: locations.len(),
                locations: locations.into_iter().take(MAX_LOCATIONS).collect(),
                snippet,
            });
        }
        identifiers.push(IdentifierHits {
            kind: probe.kind,
            value: probe.value,
            query: probe.query,
            items,
        });
    }
    folder.store.audit(
        now,
        folder.actor(),
        crate::audit::Action::Sweep,
        &serde_json::json!({ "identifiers": identifiers.len(), "items_hit": all_items.len() }),
    )?;
    Ok(SweepReport {
        identifiers,
        items_hit: all_items.len() as u64,
    })
}

fn probes_for(subject: &Subject) -> Vec<Probe> {
    let mut probes = Vec::new();
    let names = std::iter::once((SubjectField::Name, &subject.name))
        .chain(subject.aliases.iter().map(|a| (SubjectField::Alias, a)));
    for (kind, name) in names {
        let phrases = variants::name_forms(name);
        if !phrases.is_empty() {
            probes.push(phrase_probe(kind, name, phrases));
        }
    }
    if let Some(dob) = subject.date_of_birth {
        probes.push(phrase_probe(
            SubjectField::DateOfBirth,
            &dob.to_string(),
            variants::date_forms(dob),
        ));
    }
    for address in &subject.addresses {
        let first_line = address.split([',', '\n']).next().unwrap_or(address).trim();
        let mut phrases = vec![variants::words(first_line)];
        let abbreviated = variants::street_forms(first_line);
        if abbreviated != phrases[0] {
            phrases.push(abbreviated);
        }
        probes.push(phrase_probe(SubjectField::Address, address, phrases));
    }
    for reference in &subject.account_refs {
        probes.push(phrase_probe(
            SubjectField::AccountRef,
            reference,
            vec![variants::words(reference)],
        ));
    }
    let structured = [
        (
            IdKind::Postcode,
            SubjectField::Postcode,
            subject
                .postcodes
                .iter()
                .filter_map(|p| identifiers::normalise_postcode(p))
                .collect::<Vec<_>>(),
        ),
        (
            IdKind::NiNumber,
            SubjectField::NiNumber,
            subject
                .ni_number
                .iter()
                .filter_map(|n| identifiers::normalise_ni(n))
                .collect(),
        ),
        (
            IdKind::Phone,
            SubjectField::Phone,
            subject
                .phones
                .iter()
                .filter_map(|p| identifiers::normalise_phone(p))
                .collect(),
        ),
        (
            IdKind::Email,
            SubjectField::Email,
            subject
                .emails
                .iter()
                .filter_map(|e| identifiers::normalise_email(e))
                .collect(),
        ),
    ];
    for (id_kind, kind, values) in structured {
        for normal in values {
            let token = identifiers::token(id_kind, &normal);
            let mut query = format!("ids:\"{token}\"");
            if id_kind == IdKind::Email {
                // Headers keep display names and addresses as words too.
                query.push_str(&format!(" OR from:\"{normal}\" OR to:\"{normal}\""));
            }
            probes.push(Probe {
                kind,
                value: normal.clone(),
                query,
                matcher: Matcher::Identifier(id_kind, normal),
            });
        }
    }
    probes
}

fn phrase_probe(kind: SubjectField, value: &str, phrases: Vec<Vec<String>>) -> Probe {
    let mut phrases: Vec<Vec<String>> = phrases.into_iter().filter(|p| !p.is_empty()).collect();
    phrases.dedup();
    let query = phrases
        .iter()
        .map(|p| format!("\"{}\"", p.join(" ")))
        .collect::<Vec<_>>()
        .join(" OR ");
    Probe {
        kind,
        value: value.to_string(),
        query,
        matcher: Matcher::Phrases(phrases),
    }
}

/// Byte ranges in `text` where the probe's thing is written.
fn locate(matcher: &Matcher, text: &str) -> Vec<(usize, usize)> {
    match matcher {
        Matcher::Identifier(kind, normal) => identifiers::find_all(text)
            .into_iter()
            .filter(|f| f.kind == *kind && f.normal == *normal)
            .map(|f| (f.start, f.end))
            .collect(),
        Matcher::Phrases(phrases) => {
            let tokens = tokens_with_offsets(text);
            let mut found = Vec::new();
            for phrase in phrases {
                if phrase.is_empty() {
                    continue;
                }
                for window in tokens.windows(phrase.len()) {
                    if window.iter().zip(phrase).all(|((w, _, _), p)| w == p) {
                        found.push((window[0].1, window[window.len() - 1].2));
                    }
                }
            }
            found.sort_unstable();
            found.dedup();
            // Keep the longest match where phrases overlap ("jane anne smith"
            // over "anne smith").
            let mut merged: Vec<(usize, usize)> = Vec::new();
            for (s, e) in found {
                match merged.last_mut() {
                    Some(last) if s < last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            merged
        }
    }
}

fn tokens_with_offsets(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((text[s..i].to_lowercase(), s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((text[s..].to_lowercase(), s, text.len()));
    }
    out
}

/// A short passage around `start..end`.
fn around(text: &str, start: usize, end: usize) -> String {
    use crate::extract::text::floor_char_boundary;
    let from = floor_char_boundary(text, start.saturating_sub(60));
    let to = floor_char_boundary(text, (end + 60).min(text.len()));
    text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms_cover_common_forms() {
        let text = "Dear Mrs Smith, re: Smith, Jane. J. Smith called; Jane A. Smith signed. Jane Anne Smith.";
        let v = variants::name_forms("Jane Anne Smith");
        let found: Vec<&str> = locate(&Matcher::Phrases(v), text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            found,
            [
                "Mrs Smith",
                "Smith, Jane",
                "J. Smith",
                "Jane A. Smith",
                "Jane Anne Smith"
            ]
        );
    }

    #[test]
    fn dates_of_birth_in_many_forms() {
        let d = chrono::NaiveDate::from_ymd_opt(1985, 3, 4).unwrap();
        let text = "born 04/03/1985; DOB 4th March 1985; 4.3.1985; 1985-03-04; 04-03-85";
        let found = locate(&Matcher::Phrases(variants::date_forms(d)), text);
        assert_eq!(found.len(), 5, "{found:?}");
    }
}

//! The bank-holidays file GOV.UK publishes (`bank-holidays.json`): one
//! object per division — `england-and-wales`, `scotland`,
//! `northern-ireland` — each with `division` and `events` of `{title,
//! date, notes, bunting}`. Read here as untrusted input: size, counts and
//! text lengths are limited, and anything malformed is refused with what
//! was wrong, never half-read.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::Region;
use crate::error::{Error, Result};

/// Larger than any real file (GOV.UK's is about 20 KB).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
const MAX_EVENTS: usize = 5_000;
const MAX_TITLE: usize = 200;

#[derive(Deserialize)]
struct Division {
    division: String,
    events: Vec<Event>,
}

/// An event's `notes` and `bunting` say nothing about the deadline and
/// are not read.
#[derive(Deserialize)]
struct Event {
    title: String,
    date: String,
}

/// The days a GOV.UK file lists, per region and year.
pub type Events = BTreeMap<Region, BTreeMap<i32, Vec<(NaiveDate, String)>>>;

fn region_of(division: &str) -> Option<Region> {
    match division {
        "england-and-wales" => Some(Region::EnglandWales),
        "scotland" => Some(Region::Scotland),
        "northern-ireland" => Some(Region::NorthernIreland),
        _ => None,
    }
}

/// Reads a GOV.UK bank-holidays file. Divisions other than the three UK
/// ones are refused, as are files with none of them.
pub fn parse(bytes: &[u8]) -> Result<Events> {
    let bad = |why: String| Error::Invalid(format!("not a GOV.UK bank-holidays file: {why}"));
    if bytes.len() > MAX_BYTES {
        return Err(bad(format!(
            "{} bytes is more than the {MAX_BYTES} allowed",
            bytes.len()
        )));
    }
    let divisions: BTreeMap<String, Division> =
        serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let mut events = Events::new();
    let mut count = 0;
    for (key, division) in divisions {
        let region = region_of(&division.division).ok_or_else(|| {
            bad(format!(
                "unknown division '{}' (expected england-and-wales, scotland or northern-ireland)",
                clean(&division.division)
            ))
        })?;
        if key != division.division {
            return Err(bad(format!(
                "the entry '{}' holds the division '{}'",
                clean(&key),
                clean(&division.division)
            )));
        }
        let years = events.entry(region).or_default();
        for event in division.events {
            count += 1;
            if count > MAX_EVENTS {
                return Err(bad(format!("more than {MAX_EVENTS} events")));
            }
            let date = NaiveDate::parse_from_str(&event.date, "%Y-%m-%d")
                .ok()
                .filter(|d| super::SUPPORTED.contains(d))
                .ok_or_else(|| {
                    bad(format!(
                        "'{}' in {} is not a date from 1900 to 9999 written YYYY-MM-DD",
                        clean(&event.date),
                        division.division
                    ))
                })?;
            let title = clean(&event.title);
            if title.is_empty() {
                return Err(bad(format!("the event on {date} has no title")));
            }
            years.entry(date.year()).or_default().push((date, title));
        }
    }
    if events.is_empty() {
        return Err(bad("it holds no divisions".into()));
    }
    for years in events.values_mut() {
        for days in years.values_mut() {
            days.sort();
            days.dedup_by_key(|(d, _)| *d);
        }
    }
    Ok(events)
}

/// Text from the file, without control characters and cut to a sane length.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .take(MAX_TITLE)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_divisions() {
        let json = br#"{
          "england-and-wales": {"division": "england-and-wales", "events": [
            {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true},
            {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true}]},
          "scotland": {"division": "scotland", "events": [
            {"title": "Extra day", "date": "2027-06-14", "notes": "", "bunting": false}]}
        }"#;
        let events = parse(json).unwrap();
        let ew = &events[&Region::EnglandWales][&2026];
        assert_eq!(ew[0].0.to_string(), "2026-12-25");
        assert_eq!(ew[1].1, "Boxing Day");
        assert_eq!(events[&Region::Scotland][&2027].len(), 1);
        assert!(!events.contains_key(&Region::NorthernIreland));
    }

    #[test]
    fn refuses_what_is_not_a_bank_holidays_file() {
        for bad in [
            &b"not json"[..],
            b"[]",
            b"{}",
            br#"{"wales": {"division": "wales", "events": []}}"#,
            br#"{"scotland": {"division": "england-and-wales", "events": []}}"#,
            br#"{"scotland": {"division": "scotland", "events": [{"title": "x", "date": "2026-02-30"}]}}"#,
            br#"{"scotland": {"division": "scotland", "events": [{"title": "x", "date": "+262143-01-01"}]}}"#,
            br#"{"scotland": {"division": "scotland", "events": [{"title": " ", "date": "2026-02-03"}]}}"#,
            br#"{"scotland": {"division": "scotland"}}"#,
        ] {
            let err = parse(bad).unwrap_err();
            assert_eq!(err.code(), "invalid", "{}", String::from_utf8_lossy(bad));
            assert!(err.to_string().contains("GOV.UK"), "{err}");
        }
        let huge = vec![b' '; MAX_BYTES + 1];
        assert!(parse(&huge).is_err());
    }
}

//! The bank holidays in force. The yearly rules and the built-in one-off
//! days cover every year; once a GOV.UK bank-holidays file has been
//! imported into the Disclose home (`bank-holidays.json`), it replaces
//! them for each region and year it lists. A built-in one-off day is kept
//! even when a file leaves it out, so an old file cannot take back a day
//! announced later.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::govuk::{self, Events};
use super::holidays::{computed, is_weekend, Change, Holiday, OneOff, Source, ONE_OFFS};
use super::Region;
use crate::case::Home;
use crate::error::{Error, Result};

/// The file's name in the Disclose home.
pub const FILE: &str = "bank-holidays.json";

/// The holidays of every region and year.
#[derive(Debug, Clone)]
pub struct Calendar {
    one_offs: &'static [OneOff],
    imported: Events,
}

impl Calendar {
    /// The rules and every built-in one-off day.
    pub fn built_in() -> Calendar {
        Calendar {
            one_offs: ONE_OFFS,
            imported: Events::new(),
        }
    }

    /// The rules with only the first `n` built-in one-off days: the
    /// calendar of an earlier release.
    pub fn with_one_offs(n: usize) -> Calendar {
        Calendar {
            one_offs: &ONE_OFFS[..n.min(ONE_OFFS.len())],
            imported: Events::new(),
        }
    }

    /// The built-in calendar with a GOV.UK file's days.
    pub fn with_imported(events: Events) -> Calendar {
        Calendar {
            imported: events,
            ..Calendar::built_in()
        }
    }

    /// The calendar of `home`: built in, plus its imported file if any.
    pub fn load(home: &Home) -> Result<Calendar> {
        let path = file_path(home);
        match std::fs::read(&path) {
            Ok(bytes) => govuk::parse(&bytes)
                .map(Calendar::with_imported)
                .map_err(|e| {
                    Error::Invalid(format!(
                        "{}: {e} (import a GOV.UK file again, or delete it to use the built-in holidays)",
                        path.display()
                    ))
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Calendar::built_in()),
            Err(e) => Err(e.into()),
        }
    }

    /// The bank holidays of `region` in `year`, in date order.
    pub fn holidays(&self, region: Region, year: i32) -> Vec<Holiday> {
        let Some(listed) = self.imported.get(&region).and_then(|y| y.get(&year)) else {
            return computed(region, year, self.one_offs);
        };
        let mut days: Vec<Holiday> = listed
            .iter()
            .map(|(date, name)| Holiday {
                date: *date,
                name: name.clone(),
                source: Source::Imported,
            })
            .collect();
        for one_off in self.one_offs.iter().filter(|o| {
            o.change == Change::Added && o.date.0 == year && o.regions.contains(&region)
        }) {
            if !days.iter().any(|h| h.date == one_off.day()) {
                days.push(one_off.holiday());
            }
        }
        days.sort();
        days
    }

    /// The holiday on `day` in `region`, if any.
    pub fn holiday_on(&self, region: Region, day: NaiveDate) -> Option<Holiday> {
        self.holidays(region, day.year())
            .into_iter()
            .find(|h| h.date == day)
    }

    /// Not a weekend and not a bank holiday of the region.
    pub fn is_working_day(&self, day: NaiveDate, region: Region) -> bool {
        !is_weekend(day) && self.holiday_on(region, day).is_none()
    }

    /// The years the imported file lists for `region`.
    pub fn imported_years(&self, region: Region) -> Vec<i32> {
        self.imported
            .get(&region)
            .map(|y| y.keys().copied().collect())
            .unwrap_or_default()
    }
}

fn file_path(home: &Home) -> PathBuf {
    home.root().join(FILE)
}

/// What an imported file holds for one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedRegion {
    pub region: Region,
    pub days: u64,
    /// The first and last years listed.
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

/// The state of the home's holidays: where the file is, what it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HolidaysFile {
    /// Where the imported file is kept; `None` when none was imported.
    pub path: Option<String>,
    pub regions: Vec<ImportedRegion>,
}

/// What `home` holds: the imported file's coverage per region.
pub fn describe(home: &Home) -> Result<HolidaysFile> {
    let calendar = Calendar::load(home)?;
    let path = file_path(home);
    Ok(HolidaysFile {
        path: path.is_file().then(|| path.display().to_string()),
        regions: calendar
            .imported
            .iter()
            .map(|(region, years)| ImportedRegion {
                region: *region,
                days: years.values().map(|d| d.len() as u64).sum(),
                first_year: years.keys().next().copied(),
                last_year: years.keys().next_back().copied(),
            })
            .collect(),
    })
}

/// Checks a GOV.UK file and saves it in `home`, replacing any earlier one.
pub fn import(home: &Home, file: &Path) -> Result<HolidaysFile> {
    let size = std::fs::metadata(file)
        .map_err(|e| Error::Invalid(format!("cannot read {}: {e}", file.display())))?
        .len();
    if size > govuk::MAX_BYTES as u64 {
        return Err(Error::Invalid(format!(
            "{} is {size} bytes: not a GOV.UK bank-holidays file",
            file.display()
        )));
    }
    let bytes = std::fs::read(file)
        .map_err(|e| Error::Invalid(format!("cannot read {}: {e}", file.display())))?;
    govuk::parse(&bytes)?;
    crate::private::write_file(&file_path(home), &bytes)?;
    describe(home)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn file_with(days: &[(&str, &str)]) -> Calendar {
        let events: Vec<String> = days
            .iter()
            .map(|(date, title)| {
                format!(r#"{{"title":"{title}","date":"{date}","notes":"","bunting":true}}"#)
            })
            .collect();
        let json = format!(
            r#"{{"scotland":{{"division":"scotland","events":[{}]}}}}"#,
            events.join(",")
        );
        Calendar::with_imported(govuk::parse(json.as_bytes()).unwrap())
    }

    #[test]
    fn the_file_replaces_the_rules_for_the_years_it_lists() {
        let calendar = file_with(&[("2027-01-01", "New Year's Day"), ("2027-06-14", "Extra")]);
        let extra = calendar
            .holiday_on(Region::Scotland, d("2027-06-14"))
            .unwrap();
        assert_eq!(
            (extra.name.as_str(), extra.source),
            ("Extra", Source::Imported)
        );
        // 2 January 2027 is a rule day, but the file's 2027 leaves it out.
        assert!(calendar.is_working_day(d("2027-01-04"), Region::Scotland));
        // Years and regions the file does not list keep the rules.
        let rule = calendar
            .holiday_on(Region::Scotland, d("2028-01-03"))
            .unwrap();
        assert_eq!(rule.source, Source::Rule);
        assert_eq!(
            calendar
                .holiday_on(Region::EnglandWales, d("2027-01-01"))
                .unwrap()
                .source,
            Source::Rule
        );
        assert_eq!(calendar.imported_years(Region::Scotland), [2027]);
    }

    #[test]
    fn a_file_cannot_take_back_a_built_in_one_off_day() {
        let calendar = file_with(&[("2026-01-01", "New Year's Day")]);
        let day = calendar
            .holiday_on(Region::Scotland, d("2026-06-15"))
            .unwrap();
        assert_eq!(day.source, Source::OneOff);
        let before = Calendar::with_one_offs(ONE_OFFS.len() - 1);
        assert!(before.is_working_day(d("2026-06-15"), Region::Scotland));
    }

    #[test]
    fn import_saves_a_good_file_and_refuses_a_bad_one() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        assert_eq!(describe(&home).unwrap().path, None);
        let good = dir.path().join("good.json");
        std::fs::write(
            &good,
            r#"{"northern-ireland":{"division":"northern-ireland","events":[
                {"title":"A","date":"2030-03-18","notes":"","bunting":true},
                {"title":"B","date":"2031-03-17","notes":"","bunting":true}]}}"#,
        )
        .unwrap();
        let state = import(&home, &good).unwrap();
        assert!(state.path.unwrap().ends_with(FILE));
        assert_eq!(
            state.regions,
            [ImportedRegion {
                region: Region::NorthernIreland,
                days: 2,
                first_year: Some(2030),
                last_year: Some(2031)
            }]
        );
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{").unwrap();
        assert!(import(&home, &bad).is_err());
        // The earlier file is still in force.
        let calendar = Calendar::load(&home).unwrap();
        assert_eq!(
            calendar.imported_years(Region::NorthernIreland),
            [2030, 2031]
        );
    }
}

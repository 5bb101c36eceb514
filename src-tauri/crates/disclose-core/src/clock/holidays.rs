//! UK bank holidays by region, computed from the rules (fixed dates with
//! substitute days, Easter, "first/last Monday of") plus the one-off days
//! proclaimed for royal and national events, which Disclose carries as a
//! table. Each day says where it came from (`Source`), so an explanation
//! can say why a date counts as a holiday.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::Region;

/// Where a bank holiday in force came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The yearly rules (fixed dates, Easter, Mondays of a month).
    Rule,
    /// A one-off day proclaimed for an event, built into Disclose.
    OneOff,
    /// The GOV.UK bank-holidays file imported into the Disclose home.
    Imported,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::Rule => "computed from the yearly rules",
            Source::OneOff => "a one-off day built into Disclose",
            Source::Imported => "from the imported GOV.UK bank-holidays file",
        }
    }
}

/// One bank holiday in force in a region.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    pub source: Source,
}

/// What a proclamation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A new day.
    Added,
    /// A yearly holiday moved here from the given date.
    MovedFrom(NaiveDate),
}

/// A day proclaimed for an event.
#[derive(Debug, Clone, Copy)]
pub struct OneOff {
    pub date: (i32, u32, u32),
    pub name: &'static str,
    pub change: Change,
    /// The regions it applies to.
    pub regions: &'static [Region],
}

const ALL: &[Region] = &[
    Region::EnglandWales,
    Region::Scotland,
    Region::NorthernIreland,
];

/// Every one-off day Disclose knows, oldest first. New days are appended.
pub const ONE_OFFS: &[OneOff] = &[
    OneOff {
        date: (2011, 4, 29),
        name: "Royal wedding",
        change: Change::Added,
        regions: ALL,
    },
    OneOff {
        date: (2012, 6, 4),
        name: "Spring bank holiday (moved for the Diamond Jubilee)",
        change: Change::MovedFrom(date(2012, 5, 28)),
        regions: ALL,
    },
    OneOff {
        date: (2012, 6, 5),
        name: "Queen's Diamond Jubilee",
        change: Change::Added,
        regions: ALL,
    },
    OneOff {
        date: (2020, 5, 8),
        name: "Early May bank holiday (VE Day)",
        change: Change::MovedFrom(date(2020, 5, 4)),
        regions: ALL,
    },
    OneOff {
        date: (2022, 6, 2),
        name: "Spring bank holiday (moved for the Platinum Jubilee)",
        change: Change::MovedFrom(date(2022, 5, 30)),
        regions: ALL,
    },
    OneOff {
        date: (2022, 6, 3),
        name: "Platinum Jubilee bank holiday",
        change: Change::Added,
        regions: ALL,
    },
    OneOff {
        date: (2022, 9, 19),
        name: "State Funeral of Queen Elizabeth II",
        change: Change::Added,
        regions: ALL,
    },
    OneOff {
        date: (2023, 5, 8),
        name: "Bank holiday for the coronation of King Charles III",
        change: Change::Added,
        regions: ALL,
    },
    OneOff {
        date: (2026, 6, 15),
        name: "Scotland at the FIFA World Cup",
        change: Change::Added,
        regions: &[Region::Scotland],
    },
];

impl OneOff {
    pub fn day(&self) -> NaiveDate {
        let (y, m, d) = self.date;
        date(y, m, d)
    }

    /// The day as a holiday of the calendar.
    pub fn holiday(&self) -> Holiday {
        Holiday {
            date: self.day(),
            name: self.name.to_string(),
            source: Source::OneOff,
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous computus).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a calendar date"),
    }
}

pub(crate) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
        .expect("every month has a Monday")
}

fn last_monday(year: i32, month: u32) -> NaiveDate {
    let mut d = first_monday(year, month);
    while let Some(next) = d
        .checked_add_days(Days::new(7))
        .filter(|n| n.month() == month)
    {
        d = next;
    }
    d
}

/// Fixed-date holidays with substitute days: a day on a weekday keeps its
/// date; a day on a weekend moves to the next weekday not already a
/// holiday (so Christmas on a Saturday moves to Monday and Boxing Day to
/// Tuesday).
fn with_substitutes(days: &[(NaiveDate, &'static str)]) -> Vec<(NaiveDate, &'static str)> {
    let mut out: Vec<(NaiveDate, &'static str)> = days
        .iter()
        .copied()
        .filter(|(d, _)| !is_weekend(*d))
        .collect();
    for &(day, name) in days.iter().filter(|(d, _)| is_weekend(*d)) {
        let mut substitute = day;
        while is_weekend(substitute) || out.iter().any(|(d, _)| *d == substitute) {
            substitute = substitute + Days::new(1);
        }
        out.push((substitute, name));
    }
    out
}

/// The holidays the yearly rules give `region` in `year`.
fn by_rule(region: Region, year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let mut days = Vec::new();
    let new_year: &[(NaiveDate, &'static str)] = match region {
        Region::Scotland => &[
            (date(year, 1, 1), "New Year's Day"),
            (date(year, 1, 2), "2nd January"),
        ],
        _ => &[(date(year, 1, 1), "New Year's Day")],
    };
    days.extend(with_substitutes(new_year));
    if region == Region::NorthernIreland {
        days.extend(with_substitutes(&[(date(year, 3, 17), "St Patrick's Day")]));
    }
    days.push((easter - Days::new(2), "Good Friday"));
    if region != Region::Scotland {
        days.push((easter + Days::new(1), "Easter Monday"));
    }
    days.push((first_monday(year, 5), "Early May bank holiday"));
    days.push((last_monday(year, 5), "Spring bank holiday"));
    if region == Region::NorthernIreland {
        days.extend(with_substitutes(&[(
            date(year, 7, 12),
            "Battle of the Boyne (Orangemen's Day)",
        )]));
    }
    days.push(match region {
        Region::Scotland => (first_monday(year, 8), "Summer bank holiday"),
        _ => (last_monday(year, 8), "Summer bank holiday"),
    });
    if region == Region::Scotland {
        days.extend(with_substitutes(&[(date(year, 11, 30), "St Andrew's Day")]));
    }
    days.extend(with_substitutes(&[
        (date(year, 12, 25), "Christmas Day"),
        (date(year, 12, 26), "Boxing Day"),
    ]));
    days
}

/// The bank holidays of `region` in `year` from the rules and the given
/// one-off days, in date order.
pub fn computed(region: Region, year: i32, one_offs: &[OneOff]) -> Vec<Holiday> {
    let mut days: Vec<Holiday> = by_rule(region, year)
        .into_iter()
        .map(|(date, name)| Holiday {
            date,
            name: name.to_string(),
            source: Source::Rule,
        })
        .collect();
    for one_off in one_offs
        .iter()
        .filter(|o| o.date.0 == year && o.regions.contains(&region))
    {
        if let Change::MovedFrom(from) = one_off.change {
            days.retain(|h| h.date != from);
        }
        days.push(one_off.holiday());
    }
    days.sort();
    days
}

/// The bank holidays of `region` in `year` from the rules and every
/// built-in one-off day (no imported file).
pub fn bank_holidays(region: Region, year: i32) -> Vec<Holiday> {
    computed(region, year, ONE_OFFS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(region: Region, year: i32) -> Vec<String> {
        bank_holidays(region, year)
            .iter()
            .map(|h| h.date.format("%m-%d").to_string())
            .collect()
    }

    fn named(region: Region, day: NaiveDate) -> Option<(String, Source)> {
        bank_holidays(region, day.year())
            .into_iter()
            .find(|h| h.date == day)
            .map(|h| (h.name, h.source))
    }

    #[test]
    fn easter() {
        for (year, m, d) in [
            (2020, 4, 12),
            (2022, 4, 17),
            (2023, 4, 9),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(year), date(year, m, d), "{year}");
        }
    }

    #[test]
    fn england_and_wales_2022_and_2023() {
        assert_eq!(
            dates(Region::EnglandWales, 2022),
            [
                "01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26",
                "12-27"
            ]
        );
        assert_eq!(
            dates(Region::EnglandWales, 2023),
            ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"]
        );
    }

    #[test]
    fn scotland_2024_and_2026() {
        assert_eq!(
            dates(Region::Scotland, 2024),
            ["01-01", "01-02", "03-29", "05-06", "05-27", "08-05", "12-02", "12-25", "12-26"]
        );
        assert_eq!(
            dates(Region::Scotland, 2026),
            [
                "01-01", "01-02", "04-03", "05-04", "05-25", "06-15", "08-03", "11-30", "12-25",
                "12-28"
            ]
        );
        assert_eq!(
            named(Region::Scotland, date(2026, 6, 15)).map(|n| n.1),
            Some(Source::OneOff)
        );
        assert_eq!(named(Region::EnglandWales, date(2026, 6, 15)), None);
    }

    #[test]
    fn northern_ireland_2025() {
        assert_eq!(
            dates(Region::NorthernIreland, 2025),
            [
                "01-01", "03-17", "04-18", "04-21", "05-05", "05-26", "07-14", "08-25", "12-25",
                "12-26"
            ]
        );
    }

    #[test]
    fn substitute_days_keep_their_names() {
        // 2021: Christmas on Saturday, Boxing Day on Sunday.
        let christmas = named(Region::EnglandWales, date(2021, 12, 27));
        assert_eq!(christmas, Some(("Christmas Day".into(), Source::Rule)));
        let boxing = named(Region::EnglandWales, date(2021, 12, 28));
        assert_eq!(boxing, Some(("Boxing Day".into(), Source::Rule)));
        // 2022: Christmas on Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
        let boxing = named(Region::EnglandWales, date(2022, 12, 26));
        assert_eq!(boxing.unwrap().0, "Boxing Day");
        // 2020 VE day: early May moved to Friday 8 May.
        let ve = named(Region::Scotland, date(2020, 5, 8)).unwrap();
        assert_eq!(
            ve,
            ("Early May bank holiday (VE Day)".into(), Source::OneOff)
        );
        assert_eq!(named(Region::Scotland, date(2020, 5, 4)), None);
    }
}

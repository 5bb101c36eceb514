//! The statutory clock of a subject access request (UK GDPR Art. 12(3),
//! with the pause of Art. 12A and DPA 2018 s.54(3A)-(3C) as the Data (Use
//! and Access) Act 2025 wrote them), read as follows — `docs/deadlines.md`
//! quotes the sources and has the worked examples:
//!
//! 1. **Start.** The day the request is received is day one.
//! 2. **One month.** The response is due on the corresponding calendar date
//!    of the next month (received 3 March → due 3 April). When the next
//!    month has no such date, it is due on that month's last day (31 January
//!    → 28 or 29 February).
//! 3. **Pauses.** While the organisation waits for ID or clarification it
//!    asked for, the clock stops. A pause counts both its ends: from the day
//!    the question was sent to the day the answer arrived, both included
//!    (3 to 10 December is 8 days). The due date moves later by the paused
//!    days; a day inside two pauses counts once.
//! 4. **Working day.** If the date reached is a weekend or a bank holiday
//!    of the case's region, the response is due on the next working day.
//! 5. **Extension.** For complex or numerous requests the period may be
//!    extended by two further months: three calendar months from the day of
//!    receipt, then the paused days, then the working-day rule — applied
//!    once, to the final date. The requester must be told within the first
//!    month, paused the same way: by the one-month due date.

pub mod calendar;
#[cfg(test)]
mod crosscheck;
pub mod govuk;
pub mod holidays;
pub mod v1;

use std::ops::RangeInclusive;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

pub use calendar::Calendar;
pub use holidays::{bank_holidays, easter_sunday, Holiday, Source};

/// The dates the clock works with: wide enough for any real request, and
/// far enough from chrono's limits that no step can overflow.
pub const SUPPORTED: RangeInclusive<NaiveDate> = match (
    NaiveDate::from_ymd_opt(1900, 1, 1),
    NaiveDate::from_ymd_opt(9999, 12, 31),
) {
    (Some(first), Some(last)) => first..=last,
    _ => panic!("valid bounds"),
};

/// The UK jurisdictions, whose bank holidays differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    EnglandWales,
    Scotland,
    NorthernIreland,
}

impl Region {
    pub const ALL: [Region; 3] = [
        Region::EnglandWales,
        Region::Scotland,
        Region::NorthernIreland,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Region::EnglandWales => "england-wales",
            Region::Scotland => "scotland",
            Region::NorthernIreland => "northern-ireland",
        }
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Region {
    type Err = ClockError;
    fn from_str(s: &str) -> Result<Self, ClockError> {
        match s {
            "england-wales" => Ok(Region::EnglandWales),
            "scotland" => Ok(Region::Scotland),
            "northern-ireland" => Ok(Region::NorthernIreland),
            _ => Err(ClockError::UnknownRegion(s.to_string())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ClockError {
    #[error("unknown region '{0}' (expected england-wales, scotland or northern-ireland)")]
    UnknownRegion(String),
    #[error("a pause must end on or after the day it starts ({from} to {to})")]
    PauseBackwards { from: NaiveDate, to: NaiveDate },
    #[error("a pause cannot start before the request was received ({from} is before {received})")]
    PauseBeforeReceipt {
        from: NaiveDate,
        received: NaiveDate,
    },
    #[error("'{0}' is not a pause: write FROM:TO as YYYY-MM-DD:YYYY-MM-DD")]
    BadPause(String),
    #[error("{0} is outside the dates the clock works with (1900 to 9999)")]
    OutOfRange(NaiveDate),
}

impl From<ClockError> for crate::Error {
    fn from(e: ClockError) -> Self {
        crate::Error::Invalid(e.to_string())
    }
}

/// The clock stopped from `from` (a question sent) to `to` (answer
/// received), both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pause {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl std::str::FromStr for Pause {
    type Err = ClockError;
    fn from_str(s: &str) -> Result<Self, ClockError> {
        let bad = || ClockError::BadPause(s.to_string());
        let (from, to) = s.split_once(':').ok_or_else(bad)?;
        let parse = |d: &str| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| bad());
        Ok(Pause {
            from: parse(from)?,
            to: parse(to)?,
        })
    }
}

/// What the clock needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineInput {
    pub received: NaiveDate,
    pub region: Region,
    pub pauses: Vec<Pause>,
    pub extended: bool,
}

/// The computed deadline, with the reasoning that led to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Deadline {
    /// When the response is due (the extended date when extended).
    pub due: NaiveDate,
    /// The one-month due date, after pauses and the working-day roll.
    pub original_due: NaiveDate,
    /// The extended due date, when extended.
    pub extended_due: Option<NaiveDate>,
    /// By when an extension must be notified: the one-month due date.
    pub extension_notice_by: NaiveDate,
    /// Days the clock stood still, each pause counting both its ends.
    pub paused_days: i64,
    /// The due date before it was moved past a weekend or bank holiday.
    pub rolled_from: Option<NaiveDate>,
    pub region: Region,
    /// The steps, in plain words.
    pub explanation: Vec<String>,
}

/// The corresponding date `months` later; the month's last day when there
/// is none (chrono clamps: 31 Jan + 1 month = 28/29 Feb). Dates in
/// `SUPPORTED` never overflow.
fn add_months(date: NaiveDate, months: u32, explanation: &mut Vec<String>) -> NaiveDate {
    let later = date + Months::new(months);
    if later.day() != date.day() {
        explanation.push(format!(
            "{} has no day {}: its last day counts",
            later.format("%B %Y"),
            date.day()
        ));
    }
    later
}

/// The first working day on or after `date`, and the reasons it moved.
fn roll(
    date: NaiveDate,
    region: Region,
    calendar: &Calendar,
    explanation: &mut Vec<String>,
) -> NaiveDate {
    let mut day = date;
    loop {
        let why = match (calendar.holiday_on(region, day), day.weekday()) {
            (Some(h), _) => format!("{} ({})", h.name, h.source.describe()),
            (None, chrono::Weekday::Sat) => "a Saturday".to_string(),
            (None, chrono::Weekday::Sun) => "a Sunday".to_string(),
            (None, _) => return day,
        };
        explanation.push(format!("{} is {why}: next day", fmt(day)));
        day = day + Days::new(1);
    }
}

fn fmt(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// Checks the pauses and counts the days they cover, each pause both its
/// ends, a day in two pauses once.
fn count_paused_days(
    input: &DeadlineInput,
    explanation: &mut Vec<String>,
) -> Result<i64, ClockError> {
    let mut spans = Vec::new();
    let mut listed = 0;
    for pause in &input.pauses {
        for day in [pause.from, pause.to] {
            if !SUPPORTED.contains(&day) {
                return Err(ClockError::OutOfRange(day));
            }
        }
        if pause.to < pause.from {
            return Err(ClockError::PauseBackwards {
                from: pause.from,
                to: pause.to,
            });
        }
        if pause.from < input.received {
            return Err(ClockError::PauseBeforeReceipt {
                from: pause.from,
                received: input.received,
            });
        }
        let days = (pause.to - pause.from).num_days() + 1;
        listed += days;
        explanation.push(format!(
            "Paused {} to {}: {days} day{} (both days count)",
            fmt(pause.from),
            fmt(pause.to),
            if days == 1 { "" } else { "s" }
        ));
        spans.push((pause.from, pause.to));
    }
    spans.sort();
    let mut total = 0;
    let mut covered_to: Option<NaiveDate> = None;
    for (from, to) in spans {
        let start = match covered_to {
            Some(end) if end >= from => end + Days::new(1),
            _ => from,
        };
        if start <= to {
            total += (to - start).num_days() + 1;
        }
        covered_to = Some(covered_to.map_or(to, |end| end.max(to)));
    }
    if total != listed {
        explanation.push(format!(
            "The pauses overlap: {total} paused days in all (a day counts once)"
        ));
    }
    Ok(total)
}

/// The deadline for `input` with the holidays of `calendar`.
pub fn compute(input: &DeadlineInput, calendar: &Calendar) -> Result<Deadline, ClockError> {
    if !SUPPORTED.contains(&input.received) {
        return Err(ClockError::OutOfRange(input.received));
    }
    let mut explanation = vec![format!("Received {} (day one)", fmt(input.received))];
    let paused_days = count_paused_days(input, &mut explanation)?;
    let plus_pauses = |date: NaiveDate, explanation: &mut Vec<String>| {
        let later = date + Days::new(paused_days as u64);
        if paused_days > 0 {
            explanation.push(format!("Plus {paused_days} paused days: {}", fmt(later)));
        }
        later
    };
    let month = add_months(input.received, 1, &mut explanation);
    explanation.push(format!("One calendar month: {}", fmt(month)));
    let unrolled = plus_pauses(month, &mut explanation);
    let original_due = roll(unrolled, input.region, calendar, &mut explanation);
    let mut rolled_from = (original_due != unrolled).then_some(unrolled);
    let mut due = original_due;
    let extended_due = if input.extended {
        explanation.push(format!(
            "An extension must be notified by {}",
            fmt(original_due)
        ));
        let three = add_months(input.received, 3, &mut explanation);
        explanation.push(format!(
            "Extended: three calendar months from receipt: {}",
            fmt(three)
        ));
        let unrolled = plus_pauses(three, &mut explanation);
        due = roll(unrolled, input.region, calendar, &mut explanation);
        rolled_from = (due != unrolled).then_some(unrolled);
        Some(due)
    } else {
        None
    };
    explanation.push(format!("Due {}", fmt(due)));
    Ok(Deadline {
        due,
        original_due,
        extended_due,
        extension_notice_by: original_due,
        paused_days,
        rolled_from,
        region: input.region,
        explanation,
    })
}

/// Days from `today` to the due date: negative when overdue.
pub fn days_left(deadline: &Deadline, today: NaiveDate) -> i64 {
    (deadline.due - today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn due(received: &str, region: Region, pauses: &[(&str, &str)], extended: bool) -> String {
        let input = DeadlineInput {
            received: d(received),
            region,
            pauses: pauses
                .iter()
                .map(|(f, t)| Pause {
                    from: d(f),
                    to: d(t),
                })
                .collect(),
            extended,
        };
        compute(&input, &Calendar::built_in())
            .unwrap()
            .due
            .to_string()
    }

    use Region::{EnglandWales as EW, NorthernIreland as NI, Scotland as SC};

    /// received, region, pauses, extended, expected due date, why.
    type Case<'a> = (
        &'a str,
        Region,
        &'a [(&'a str, &'a str)],
        bool,
        &'a str,
        &'a str,
    );

    /// Hand-checked against a calendar.
    #[test]
    fn the_table() {
        let table: &[Case] = &[
            (
                "2026-03-03",
                EW,
                &[],
                false,
                "2026-04-07",
                "3 Apr 2026 is Good Friday, 6 Apr Easter Monday",
            ),
            (
                "2026-03-03",
                SC,
                &[],
                false,
                "2026-04-06",
                "Scotland has no Easter Monday holiday",
            ),
            (
                "2026-09-03",
                EW,
                &[],
                false,
                "2026-10-05",
                "3 Oct 2026 is a Saturday",
            ),
            (
                "2026-01-31",
                EW,
                &[],
                false,
                "2026-03-02",
                "no 31 Feb: 28 Feb, a Saturday -> Monday",
            ),
            (
                "2024-01-31",
                EW,
                &[],
                false,
                "2024-02-29",
                "leap year: 29 Feb 2024 is a Thursday",
            ),
            (
                "2023-01-31",
                EW,
                &[],
                false,
                "2023-02-28",
                "28 Feb 2023 is a Tuesday",
            ),
            ("2026-08-31", EW, &[], false, "2026-09-30", "no 31 Sep"),
            (
                "2026-11-25",
                EW,
                &[],
                false,
                "2026-12-29",
                "25 Dec Fri, 26 Sat (Boxing substitute Mon 28)",
            ),
            (
                "2026-11-30",
                SC,
                &[],
                false,
                "2026-12-30",
                "30 Dec 2026, a Wednesday",
            ),
            (
                "2026-12-01",
                SC,
                &[],
                false,
                "2027-01-05",
                "1 Jan Fri; 2 Jan Sat -> substitute Mon 4 Jan",
            ),
            (
                "2026-12-02",
                EW,
                &[],
                false,
                "2027-01-04",
                "2 Jan 2027 Sat -> Mon 4",
            ),
            (
                "2022-05-03",
                EW,
                &[],
                false,
                "2022-06-06",
                "3 Jun 2022 Platinum Jubilee, then a weekend",
            ),
            (
                "2022-08-19",
                NI,
                &[],
                false,
                "2022-09-20",
                "19 Sep 2022 State Funeral",
            ),
            (
                "2023-04-08",
                SC,
                &[],
                false,
                "2023-05-09",
                "8 May 2023 Coronation",
            ),
            (
                "2026-02-17",
                NI,
                &[],
                false,
                "2026-03-18",
                "17 Mar St Patrick's Day (NI only)",
            ),
            (
                "2026-02-17",
                EW,
                &[],
                false,
                "2026-03-17",
                "an ordinary Tuesday in England",
            ),
            (
                "2026-06-12",
                NI,
                &[],
                false,
                "2026-07-14",
                "12 Jul 2026 a Sunday: Boyne holiday Mon 13",
            ),
            (
                "2026-10-30",
                SC,
                &[],
                false,
                "2026-12-01",
                "30 Nov 2026, a Monday, is St Andrew's Day",
            ),
            (
                "2026-03-03",
                EW,
                &[("2026-03-05", "2026-03-12")],
                false,
                "2026-04-13",
                "3 Apr + 8 paused days = Sat 11 Apr -> Mon 13",
            ),
            (
                "2026-03-03",
                EW,
                &[("2026-03-05", "2026-03-06"), ("2026-03-10", "2026-03-11")],
                false,
                "2026-04-07",
                "3 Apr + 2 + 2 = 7 Apr",
            ),
            (
                "2026-03-03",
                EW,
                &[("2026-03-03", "2026-03-03")],
                false,
                "2026-04-07",
                "a one-day pause on the day of receipt: Sat 4 Apr, Sun 5, Easter Mon 6",
            ),
            (
                "2026-01-20",
                EW,
                &[("2026-01-28", "2026-02-03")],
                false,
                "2026-02-27",
                "a pause across a month end: 7 days; 20 Feb + 7",
            ),
            (
                "2026-03-20",
                EW,
                &[("2026-04-02", "2026-04-07")],
                false,
                "2026-04-27",
                "bank holidays inside a pause count: 6 days; 20 Apr + 6 = Sun 26",
            ),
            (
                "2026-03-03",
                EW,
                &[("2026-03-05", "2026-03-12"), ("2026-03-10", "2026-03-16")],
                false,
                "2026-04-15",
                "overlapping pauses: 5 to 16 Mar, 12 days",
            ),
            (
                "2026-03-03",
                EW,
                &[("2026-03-10", "2026-03-12"), ("2026-03-05", "2026-03-20")],
                false,
                "2026-04-20",
                "a pause inside another, listed out of order: 16 days; Sun 19 Apr",
            ),
            (
                "2026-11-20",
                SC,
                &[("2026-11-23", "2026-11-27")],
                false,
                "2026-12-29",
                "20 Dec + 5 = Christmas Fri, weekend, Boxing Day substitute Mon 28",
            ),
            (
                "2026-03-03",
                EW,
                &[],
                true,
                "2026-06-03",
                "three months from 3 Mar = 3 Jun 2026 (Wednesday)",
            ),
            (
                "2026-01-31",
                EW,
                &[],
                true,
                "2026-04-30",
                "three months from 31 Jan = 30 Apr",
            ),
            (
                "2019-01-31",
                EW,
                &[],
                true,
                "2019-04-30",
                "ICO: three months from receipt, not two from 28 Feb",
            ),
            (
                "2019-05-31",
                EW,
                &[],
                true,
                "2019-09-02",
                "31 Aug 2019 is a Saturday",
            ),
            (
                "2025-10-27",
                EW,
                &[],
                true,
                "2026-01-27",
                "three months from 27 Oct = 27 Jan 2026",
            ),
            (
                "2026-12-01",
                SC,
                &[("2026-12-03", "2026-12-10")],
                true,
                "2027-03-09",
                "1 Mar 2027 + 8 paused days",
            ),
            (
                "2026-01-31",
                EW,
                &[("2026-02-27", "2026-03-02")],
                true,
                "2026-05-05",
                "30 Apr + 4 = Mon 4 May, early May bank holiday",
            ),
            (
                "2026-05-13",
                SC,
                &[],
                false,
                "2026-06-16",
                "13 Jun Sat, 14 Sun, 15 Scottish one-off day",
            ),
            (
                "2026-05-14",
                SC,
                &[],
                false,
                "2026-06-16",
                "14 Jun Sun, 15 Scottish one-off day",
            ),
            (
                "2026-05-15",
                SC,
                &[],
                false,
                "2026-06-16",
                "15 Jun 2026 is a bank holiday in Scotland",
            ),
            (
                "2026-05-15",
                EW,
                &[],
                false,
                "2026-06-15",
                "but not in England",
            ),
            (
                "2025-11-26",
                EW,
                &[],
                false,
                "2025-12-29",
                "26 Dec Boxing Day Fri, 27-28 weekend",
            ),
            (
                "2025-11-26",
                SC,
                &[],
                false,
                "2025-12-29",
                "same in Scotland",
            ),
            (
                "2020-04-04",
                EW,
                &[],
                false,
                "2020-05-04",
                "Mon 4 May 2020 was no holiday: moved to 8 May",
            ),
            (
                "2020-04-08",
                EW,
                &[],
                false,
                "2020-05-11",
                "8 May 2020 VE day, then weekend",
            ),
            (
                "2012-05-04",
                EW,
                &[],
                false,
                "2012-06-06",
                "4 and 5 Jun 2012 holidays",
            ),
            (
                "2027-02-28",
                EW,
                &[],
                false,
                "2027-03-30",
                "28 Mar 2027 Easter Sunday, 29 Easter Monday",
            ),
            (
                "2028-01-31",
                SC,
                &[],
                false,
                "2028-02-29",
                "leap year 2028, Tuesday",
            ),
        ];
        let mut wrong = Vec::new();
        for (received, region, pauses, extended, want, note) in table {
            let got = due(received, *region, pauses, *extended);
            if got != *want {
                wrong.push(format!("{received} {region} {pauses:?} ext={extended}: got {got}, want {want} ({note})"));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn extension_must_be_notified_by_the_one_month_date_paused_the_same_way() {
        let mut input = DeadlineInput {
            received: d("2026-03-03"),
            region: EW,
            pauses: vec![],
            extended: true,
        };
        let deadline = compute(&input, &Calendar::built_in()).unwrap();
        assert_eq!(deadline.extension_notice_by, d("2026-04-07"));
        assert_eq!(deadline.extended_due, Some(d("2026-06-03")));
        assert_eq!(days_left(&deadline, d("2026-06-01")), 2);
        assert_eq!(days_left(&deadline, d("2026-06-05")), -2);
        input.received = d("2026-12-01");
        input.region = SC;
        input.pauses = vec!["2026-12-03:2026-12-10".parse().unwrap()];
        let deadline = compute(&input, &Calendar::built_in()).unwrap();
        assert_eq!(deadline.paused_days, 8);
        assert_eq!(
            deadline.extension_notice_by,
            d("2027-01-11"),
            "9 Jan + weekend"
        );
        assert_eq!(deadline.due, d("2027-03-09"));
        assert!(deadline
            .explanation
            .iter()
            .any(|s| s == "Paused Thu 3 Dec 2026 to Thu 10 Dec 2026: 8 days (both days count)"));
    }

    #[test]
    fn the_explanation_says_where_a_holiday_came_from() {
        let input = DeadlineInput {
            received: d("2026-05-15"),
            region: SC,
            pauses: vec![],
            extended: false,
        };
        let deadline = compute(&input, &Calendar::built_in()).unwrap();
        assert!(
            deadline.explanation.contains(
                &"Mon 15 Jun 2026 is Scotland at the FIFA World Cup (a one-off day built into Disclose): next day"
                    .to_string()
            ),
            "{:?}",
            deadline.explanation
        );
        let input = DeadlineInput {
            received: d("2026-01-31"),
            region: EW,
            pauses: vec![],
            extended: false,
        };
        let deadline = compute(&input, &Calendar::built_in()).unwrap();
        assert_eq!(
            deadline.explanation[1..],
            [
                "February 2026 has no day 31: its last day counts",
                "One calendar month: Sat 28 Feb 2026",
                "Sat 28 Feb 2026 is a Saturday: next day",
                "Sun 1 Mar 2026 is a Sunday: next day",
                "Due Mon 2 Mar 2026",
            ]
        );
        assert_eq!(deadline.rolled_from, Some(d("2026-02-28")));
    }

    #[test]
    fn bad_input_is_refused() {
        let calendar = Calendar::built_in();
        let mut input = DeadlineInput {
            received: d("2026-03-03"),
            region: EW,
            pauses: vec![],
            extended: false,
        };
        input.pauses = vec![Pause {
            from: d("2026-03-10"),
            to: d("2026-03-05"),
        }];
        assert!(matches!(
            compute(&input, &calendar),
            Err(ClockError::PauseBackwards { .. })
        ));
        input.pauses = vec![Pause {
            from: d("2026-03-01"),
            to: d("2026-03-05"),
        }];
        assert!(matches!(
            compute(&input, &calendar),
            Err(ClockError::PauseBeforeReceipt { .. })
        ));
        input.pauses = vec![Pause {
            from: d("2026-03-05"),
            to: NaiveDate::MAX,
        }];
        assert!(matches!(
            compute(&input, &calendar),
            Err(ClockError::OutOfRange(_))
        ));
        input.pauses = vec![];
        input.extended = true;
        let after = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        for far in [NaiveDate::MAX, NaiveDate::MIN, d("1899-12-31"), after] {
            input.received = far;
            assert_eq!(compute(&input, &calendar), Err(ClockError::OutOfRange(far)));
        }
        input.received = d("9999-12-31");
        assert!(compute(&input, &calendar).unwrap().due > input.received);
        assert!("2026-03-01".parse::<Pause>().is_err());
        assert_eq!(
            "2026-03-05:2026-03-09".parse::<Pause>().unwrap().to,
            d("2026-03-09")
        );
    }
}

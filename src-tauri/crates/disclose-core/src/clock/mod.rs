//! The statutory clock of a subject access request (UK GDPR Art. 12(3),
//! with the Data (Use and Access) Act 2025's Art. 12A pause), read as
//! follows — `docs/deadlines.md` has the worked examples:
//!
//! 1. **Start.** The clock starts on the day the request is received (or,
//!    when ID, clarification or a fee was asked for, see pauses). The day of
//!    receipt is day one.
//! 2. **One month.** The response is due on the corresponding calendar date
//!    of the next month (received 3 March → due 3 April). When the next
//!    month has no such date, it is due on that month's last day (31 January
//!    → 28 or 29 February).
//! 3. **Pauses.** While the organisation waits for ID or clarification it
//!    asked for, the clock stops: each pause runs from the day the question
//!    was sent to the day the answer arrived, and the due date moves later
//!    by that many days (the day the answer arrives counts again).
//! 4. **Working day.** If the date reached is a weekend or a bank holiday
//!    of the case's region, the response is due on the next working day.
//! 5. **Extension.** For complex or numerous requests the period may be
//!    extended by two further months: the extended date is two calendar
//!    months after the (unrolled) one-month date, with the same month-end
//!    and working-day rules. The requester must be told of the extension,
//!    with reasons, within the first month — by the one-month due date.

pub mod holidays;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

pub use holidays::{bank_holidays, easter_sunday, holiday_on, is_working_day};

/// The UK jurisdictions, whose bank holidays differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    EnglandWales,
    Scotland,
    NorthernIreland,
}

impl Region {
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
}

/// The clock stopped from `from` (a question sent) to `to` (answer received).
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
    pub paused_days: i64,
    /// The date before it was moved past a weekend or bank holiday.
    pub rolled_from: Option<NaiveDate>,
    pub region: Region,
    /// The steps, in plain words.
    pub explanation: Vec<String>,
}

/// The corresponding date `months` later; the month's last day when there
/// is none.
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono already clamps to the month's end (31 Jan + 1 month = 28/29 Feb).
    date.checked_add_months(Months::new(months))
        .expect("date in range")
}

/// The first working day on or after `date`, and the reasons it moved.
fn roll(date: NaiveDate, region: Region, explanation: &mut Vec<String>) -> NaiveDate {
    let mut day = date;
    while !is_working_day(day, region) {
        let why = holiday_on(region, day).unwrap_or(if day.weekday() == chrono::Weekday::Sat {
            "a Saturday"
        } else {
            "a Sunday"
        });
        explanation.push(format!("{} is {why}: next day", fmt(day)));
        day = day.succ_opt().expect("date in range");
    }
    day
}

fn fmt(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

pub fn compute(input: &DeadlineInput) -> Result<Deadline, ClockError> {
    let mut explanation = vec![format!("Received {} (day one)", fmt(input.received))];
    let mut paused_days = 0;
    for pause in &input.pauses {
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
        let days = (pause.to - pause.from).num_days();
        paused_days += days;
        explanation.push(format!(
            "Paused {} to {}: {days} days",
            fmt(pause.from),
            fmt(pause.to)
        ));
    }
    let month = add_months(input.received, 1);
    explanation.push(format!("One calendar month: {}", fmt(month)));
    let unrolled = month + chrono::Days::new(paused_days as u64);
    if paused_days > 0 {
        explanation.push(format!("Plus {paused_days} paused days: {}", fmt(unrolled)));
    }
    let original_due = roll(unrolled, input.region, &mut explanation);
    let mut rolled_from = (original_due != unrolled).then_some(unrolled);
    let mut due = original_due;
    let extended_due = if input.extended {
        let extended = add_months(unrolled, 2);
        explanation.push(format!("Extended by two months: {}", fmt(extended)));
        let rolled = roll(extended, input.region, &mut explanation);
        rolled_from = (rolled != extended).then_some(extended);
        due = rolled;
        Some(rolled)
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
        compute(&input).unwrap().due.to_string()
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
                "2026-04-10",
                "3 Apr + 7 paused = 10 Apr",
            ),
            (
                "2026-03-03",
                EW,
                &[("2026-03-05", "2026-03-06"), ("2026-03-10", "2026-03-11")],
                false,
                "2026-04-07",
                "5 Apr Sun, 6 Easter Mon",
            ),
            (
                "2026-03-03",
                EW,
                &[],
                true,
                "2026-06-03",
                "3 Apr + 2 months = 3 Jun 2026 (Wednesday)",
            ),
            (
                "2026-01-31",
                EW,
                &[],
                true,
                "2026-04-28",
                "28 Feb + 2 months = 28 Apr",
            ),
            (
                "2025-10-27",
                EW,
                &[],
                true,
                "2026-01-27",
                "27 Nov + 2 months = 27 Jan 2026",
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
    fn extension_must_be_notified_by_the_one_month_date() {
        let input = DeadlineInput {
            received: d("2026-03-03"),
            region: EW,
            pauses: vec![],
            extended: true,
        };
        let deadline = compute(&input).unwrap();
        assert_eq!(deadline.extension_notice_by, d("2026-04-07"));
        assert_eq!(deadline.extended_due, Some(d("2026-06-03")));
        assert_eq!(days_left(&deadline, d("2026-06-01")), 2);
        assert_eq!(days_left(&deadline, d("2026-06-05")), -2);
    }

    #[test]
    fn bad_pauses_are_refused() {
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
            compute(&input),
            Err(ClockError::PauseBackwards { .. })
        ));
        input.pauses = vec![Pause {
            from: d("2026-03-01"),
            to: d("2026-03-05"),
        }];
        assert!(matches!(
            compute(&input),
            Err(ClockError::PauseBeforeReceipt { .. })
        ));
        assert!("2026-03-01".parse::<Pause>().is_err());
        assert_eq!(
            "2026-03-05:2026-03-09".parse::<Pause>().unwrap().to,
            d("2026-03-09")
        );
    }
}

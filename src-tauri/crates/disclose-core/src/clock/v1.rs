//! The due date as Disclose computed it before pauses counted both their
//! ends and extensions ran three months from receipt (and before the
//! one-off day of 15 June 2026 in Scotland). Kept only so that a case
//! recorded before that fix can say how its date moved; nothing else uses
//! it.

use chrono::{Days, Months, NaiveDate};

use super::{Calendar, DeadlineInput};

/// How many built-in one-off days that release knew.
const ONE_OFFS_KNOWN: usize = 8;

/// The old due date of `input`, or `None` where it cannot be computed.
pub fn due(input: &DeadlineInput) -> Option<NaiveDate> {
    if !super::SUPPORTED.contains(&input.received)
        || input.pauses.iter().any(|p| {
            p.to < p.from
                || !super::SUPPORTED.contains(&p.from)
                || !super::SUPPORTED.contains(&p.to)
        })
    {
        return None;
    }
    let calendar = Calendar::with_one_offs(ONE_OFFS_KNOWN);
    let paused: i64 = input
        .pauses
        .iter()
        .map(|p| (p.to - p.from).num_days())
        .sum();
    let unrolled = input.received.checked_add_months(Months::new(1))? + Days::new(paused as u64);
    let target = if input.extended {
        unrolled.checked_add_months(Months::new(2))?
    } else {
        unrolled
    };
    let mut day = target;
    while !calendar.is_working_day(day, input.region) {
        day = day.succ_opt()?;
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Pause, Region};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_old_rules() {
        let mut input = DeadlineInput {
            received: d("2019-01-31"),
            region: Region::EnglandWales,
            pauses: vec![],
            extended: true,
        };
        assert_eq!(due(&input), Some(d("2019-04-29")));
        input.received = d("2026-05-14");
        input.region = Region::Scotland;
        input.extended = false;
        assert_eq!(due(&input), Some(d("2026-06-15")));
        input.received = d("2026-12-01");
        input.pauses = vec![Pause {
            from: d("2026-12-03"),
            to: d("2026-12-10"),
        }];
        assert_eq!(due(&input), Some(d("2027-01-08")));
    }
}

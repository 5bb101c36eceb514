//! UK bank holidays by region, computed from the rules (fixed dates with
//! substitute days, Easter, "first/last Monday of") plus the one-off days
//! proclaimed for royal and national events.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::Region;

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

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid calendar date")
}

fn is_weekend(d: NaiveDate) -> bool {
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
            substitute = substitute.succ_opt().expect("date in range");
        }
        out.push((substitute, name));
    }
    out
}

/// The bank holidays of `region` in `year`, in date order, with names.
pub fn bank_holidays(region: Region, year: i32) -> Vec<(NaiveDate, &'static str)> {
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
    apply_one_offs(year, &mut days);
    days.sort();
    days
}

/// Days moved or added by proclamation, the same in every region.
fn apply_one_offs(year: i32, days: &mut Vec<(NaiveDate, &'static str)>) {
    let mut moved = |from: NaiveDate, to: NaiveDate| {
        if let Some(day) = days.iter_mut().find(|(d, _)| *d == from) {
            day.0 = to;
        }
    };
    match year {
        2011 => days.push((date(2011, 4, 29), "Royal wedding")),
        2012 => {
            moved(date(2012, 5, 28), date(2012, 6, 4));
            days.push((date(2012, 6, 5), "Queen's Diamond Jubilee"));
        }
        2020 => moved(date(2020, 5, 4), date(2020, 5, 8)),
        2022 => {
            moved(date(2022, 5, 30), date(2022, 6, 2));
            days.push((date(2022, 6, 3), "Platinum Jubilee bank holiday"));
            days.push((date(2022, 9, 19), "State Funeral of Queen Elizabeth II"));
        }
        2023 => days.push((
            date(2023, 5, 8),
            "Bank holiday for the coronation of King Charles III",
        )),
        _ => {}
    }
}

/// The holiday on `day` in `region`, if any.
pub fn holiday_on(region: Region, day: NaiveDate) -> Option<&'static str> {
    bank_holidays(region, day.year())
        .into_iter()
        .find(|(d, _)| *d == day)
        .map(|(_, name)| name)
}

/// Not a weekend and not a bank holiday of the region.
pub fn is_working_day(day: NaiveDate, region: Region) -> bool {
    !is_weekend(day) && holiday_on(region, day).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(region: Region, year: i32) -> Vec<String> {
        bank_holidays(region, year)
            .iter()
            .map(|(d, _)| d.format("%m-%d").to_string())
            .collect()
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
    fn scotland_2024() {
        assert_eq!(
            dates(Region::Scotland, 2024),
            ["01-01", "01-02", "03-29", "05-06", "05-27", "08-05", "12-02", "12-25", "12-26"]
        );
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
        let h = bank_holidays(Region::EnglandWales, 2021);
        assert!(h.contains(&(date(2021, 12, 27), "Christmas Day")));
        assert!(h.contains(&(date(2021, 12, 28), "Boxing Day")));
        // 2022: Christmas on Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
        let h = bank_holidays(Region::EnglandWales, 2022);
        assert!(h.contains(&(date(2022, 12, 26), "Boxing Day")));
        assert!(h.contains(&(date(2022, 12, 27), "Christmas Day")));
        // 2020 VE day: early May moved to Friday 8 May.
        assert_eq!(
            holiday_on(Region::Scotland, date(2020, 5, 8)),
            Some("Early May bank holiday")
        );
        assert_eq!(holiday_on(Region::Scotland, date(2020, 5, 4)), None);
    }
}

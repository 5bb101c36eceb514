//! Self-made bank-holidays files in the shape GOV.UK publishes them: one
//! object per division (`england-and-wales`, `scotland`,
//! `northern-ireland`) with `division` and `events` of `{title, date,
//! notes, bunting}`. The usual days come from the yearly rules; tests add
//! the one-off days they need.

use disclose_core::clock::{Calendar, Region};

/// A one-off day to add: division, date (YYYY-MM-DD), title.
pub type Extra<'a> = (&'a str, &'a str, &'a str);

fn division(region: Region) -> &'static str {
    match region {
        Region::EnglandWales => "england-and-wales",
        Region::Scotland => "scotland",
        Region::NorthernIreland => "northern-ireland",
    }
}

/// The file for `years`, every division, with `extra` days added.
pub fn bank_holidays_json(years: std::ops::RangeInclusive<i32>, extra: &[Extra]) -> String {
    let calendar = Calendar::built_in();
    let mut file = serde_json::Map::new();
    for region in Region::ALL {
        let name = division(region);
        let mut events: Vec<serde_json::Value> = years
            .clone()
            .flat_map(|year| calendar.holidays(region, year))
            .map(|h| {
                serde_json::json!({
                    "title": h.name, "date": h.date.to_string(), "notes": "", "bunting": true,
                })
            })
            .collect();
        for (_, date, title) in extra.iter().filter(|(d, _, _)| *d == name) {
            events.push(serde_json::json!({
                "title": title, "date": date, "notes": "", "bunting": true,
            }));
        }
        file.insert(
            name.to_string(),
            serde_json::json!({ "division": name, "events": events }),
        );
    }
    serde_json::Value::Object(file).to_string()
}

//! Every way a name, a title, a date, a phone number or an address is
//! written, in one place, so that what the subject sweep looks for, what
//! detection takes for a title, what "redact this everywhere" marks and
//! what the leak check looks for agree:
//!
//! - [`TITLES`], the one list of titles (the first [`COURTESY_TITLES`]
//!   of them are those put before a surname alone: "Mrs Smith");
//! - [`words`], text as the index splits it into lower-case words;
//! - the written forms as word sequences, which the sweep runs as phrase
//!   searches: [`name_forms`], [`date_forms`], [`street_forms`];
//! - [`Variants`] (in `pattern`), one pattern for every form of a term in
//!   running text — phones, NI numbers, postcodes, e-mail addresses,
//!   references and dates by what they are, names across spacing, quote
//!   markers, hyphens, soft hyphens and possessives —
//!   and [`Variants::everywhere`], which adds the name forms of
//!   [`name_forms`], for "redact everywhere";
//! - [`VariantSet`], many terms' variants looked for in one pass (the
//!   leak check's), from the literals every form of a term holds
//!   (`literals`).

mod literals;
mod pattern;
mod set;

pub use pattern::{Prepared, Variants};
pub use set::VariantSet;

/// Titles, lower case, without a full stop. The first
/// [`COURTESY_TITLES`] are the ones a surname is often written with alone.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "revd", "cllr", "sgt", "pc", "dc",
    "insp", "sir", "dame", "pcso",
];

/// The courtesy titles: "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr".
pub const COURTESY_TITLES: &[&str] = TITLES.split_at(6).0;

/// Whether `word` (any case, with or without a full stop) is a title.
pub fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Lower-case words as the index splits them.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// "Jane Anne Smith" → jane anne smith, jane smith, smith jane (as in
/// "Smith, Jane"), j smith (as in "J. Smith"), jane a smith, and each title
/// with the surname ("Mrs Smith").
pub fn name_forms(name: &str) -> Vec<Vec<String>> {
    let mut w = words(name);
    w.retain(|t| !TITLES.contains(&t.as_str()));
    let mut out = vec![w.clone()];
    if w.len() < 2 {
        return out;
    }
    let first = w[0].clone();
    let last = w[w.len() - 1].clone();
    let initial: String = first.chars().take(1).collect();
    out.push(vec![first.clone(), last.clone()]);
    out.push(vec![last.clone(), first.clone()]);
    out.push(vec![initial, last.clone()]);
    if w.len() > 2 {
        let middle_initials: Vec<String> = w[1..w.len() - 1]
            .iter()
            .map(|m| m.chars().take(1).collect())
            .collect();
        let mut v = vec![first];
        v.extend(middle_initials);
        v.push(last.clone());
        out.push(v);
    }
    for title in COURTESY_TITLES {
        out.push(vec![title.to_string(), last.clone()]);
    }
    out
}

/// 1985-03-04 → 04 03 1985 (any separator), 4 3 1985, 04 03 85,
/// 4 march 1985, 4th march 1985, 4 mar 1985, march 4 1985, 1985 03 04.
pub fn date_forms(d: chrono::NaiveDate) -> Vec<Vec<String>> {
    use chrono::Datelike;
    let (day, month, year) = (d.day(), d.month(), d.year());
    let long = d.format("%B").to_string().to_lowercase();
    let short = d.format("%b").to_string().to_lowercase();
    let suffix = match day {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    };
    let s = |v: &[String]| v.to_vec();
    let mut out = vec![
        s(&[format!("{day:02}"), format!("{month:02}"), year.to_string()]),
        s(&[day.to_string(), month.to_string(), year.to_string()]),
        s(&[
            format!("{day:02}"),
            format!("{month:02}"),
            format!("{:02}", year % 100),
        ]),
        s(&[day.to_string(), long.clone(), year.to_string()]),
        s(&[format!("{day}{suffix}"), long.clone(), year.to_string()]),
        s(&[day.to_string(), short, year.to_string()]),
        s(&[long, day.to_string(), year.to_string()]),
        s(&[year.to_string(), format!("{month:02}"), format!("{day:02}")]),
    ];
    out.dedup();
    out
}

/// "12 Acacia Avenue" → 12 acacia ave (and Road → rd, Street → st, ...).
pub fn street_forms(line: &str) -> Vec<String> {
    const ABBREVIATIONS: [(&str, &str); 10] = [
        ("avenue", "ave"),
        ("road", "rd"),
        ("street", "st"),
        ("close", "cl"),
        ("lane", "ln"),
        ("drive", "dr"),
        ("court", "ct"),
        ("crescent", "cres"),
        ("gardens", "gdns"),
        ("place", "pl"),
    ];
    words(line)
        .into_iter()
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(long, _)| *long == w)
                .map(|(_, a)| a.to_string())
                .unwrap_or(w)
        })
        .collect()
}

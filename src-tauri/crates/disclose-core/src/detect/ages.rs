//! A person's age or birth year written just after their name: "Tia (13)",
//! "Lincoln (18 months)", "Daniel (age 9)", "Kai (about 9)", "Aoife Devlin
//! (APPROX 17)", "(Clement Baptiste, 81)", "Mohamed (aged 19)", "Stacey
//! Kerr (b. 1990)". An age tells when someone was born, so it is reported
//! as `date_of_birth`: the `detect --json` contract keeps its kinds.
//! A number with a letter ("(12C)"), a reference or a count of things
//! ("(3 children)") is none; a number the house references took ("Mrs Rees
//! (12)") stays theirs.

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// An age in brackets after a name, or after its comma inside the brackets
/// the name opened ("(Lacey, 11)"); group 1 is what is reported: the age
/// with the words that qualify it ("about 9", "18 mths").
static AGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[ \t]?\(|,[ \t]*)((?:(?:aged?|about|approx\.?|approximately|roughly|around|c\.|est\.?)[ \t]+)?\d{1,3}(?:[ \t]?(?:yrs?|years?(?:[ \t]+old)?|y/?o|mths?|months?|wks|weeks)\.?)?)\)",
    )
    .expect("valid regex")
});

/// "aged 15" after a name's comma or space, outside brackets: "Sky
/// Ramsden, aged 15,"; group 1 as `AGE_AFTER`'s.
static AGED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^,?[ \t]+(aged[ \t]+\d{1,3})(?-u:\b)").expect("valid regex"));

/// A birth year in brackets after a name: "(b. 1961)", "(b.1911, d. 1970)",
/// "(born 1945)"; group 1 is the year.
static BORN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]?\((?:b\.|born)[ \t]*((?:1[89]|20)\d\d)(?-u:\b)").expect("valid regex")
});

/// The ages and birth years after the person names among `names`, where
/// no finding of `found` holds them already.
pub fn after_names(text: &str, names: &[Finding], found: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        let after = &text[n.end..];
        // A comma's age belongs to the brackets the name stands in.
        let bracketed = AGE_AFTER.captures(after).filter(|c| {
            plausible(c.get(1).expect("group 1").as_str())
                && (!after.starts_with(',') || inside_brackets(text, n.start))
        });
        let Some(age) = bracketed
            .or_else(|| AGED_AFTER.captures(after))
            .or_else(|| BORN_AFTER.captures(after))
            .and_then(|c| c.get(1))
        else {
            continue;
        };
        let (start, end) = (n.end + age.start(), n.end + age.end());
        if found.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        out.push(Finding {
            start,
            end,
            kind: DataKind::DateOfBirth,
            text: text[start..end].to_string(),
            confidence: 0.7,
        });
    }
    out
}

/// Whether the number of `age` can be a person's age in years (a baby's in
/// months or weeks may be more).
fn plausible(age: &str) -> bool {
    let digits: String = age.chars().filter(char::is_ascii_digit).collect();
    let years = digits.parse::<u32>().unwrap_or(u32::MAX);
    let counted_short = age.contains(['m', 'M', 'w', 'W']);
    years <= 110 || counted_short && years <= 200
}

/// Whether an open bracket stands just before `at` on its line, the
/// name's own ("(Lacey, 11)", "(Imran, about 20)").
fn inside_brackets(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let before = &text[line_start..at];
    before
        .rfind('(')
        .is_some_and(|open| !before[open..].contains(')'))
}

//! Numbers of identity documents, as a landlord records them at sign-up or
//! in a right-to-rent check: UK driving licence numbers ("MORGA753116SM9IJ",
//! the surname's first five letters, the birth date folded into six digits,
//! the initials), told by their shape and the date inside them; and
//! passport numbers (nine digits in the UK; six to nine letters and digits,
//! at least five of them digits, elsewhere), only after the word "passport",
//! and a biometric residence permit's number after "BRP" ("his BRP is
//! ZU6618239"), found as a passport's.

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};
use crate::scan::DigitLines;

static LICENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Z][A-Z9]{4} ?\d{6} ?[A-Z][A-Z9]\d[A-Z0-9]{2}(?-u:\b)")
        .expect("valid regex")
});

static PASSPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:passport|brp|biometric[ \t]+residence[ \t]+permit),?(?:[ \t]+(?i:no\.?|number|num\.?|#))?(?:[ \t]+(?i:is|was))?[ \t]*[:.#-]?[ \t]*(?-u:\b)[A-Z0-9]{6,9}(?-u:\b)",
    )
    .expect("valid regex")
});

/// Passport and driving licence numbers in the lines of a text that hold a
/// digit (`lines`, found once by the caller for every number search).
pub fn find(lines: &DigitLines<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in lines.find(&LICENCE) {
        // The sixth to eleventh characters, spaces aside.
        let compact: String = m.as_str().chars().filter(|c| *c != ' ').collect();
        if licence_date(&compact[5..11]) {
            out.push(Finding {
                start: m.start(),
                end: m.end(),
                kind: DataKind::DrivingLicence,
                text: m.as_str().to_string(),
                confidence: 0.9,
            });
        }
    }
    for m in lines.find(&PASSPORT) {
        // The number is the match's last word.
        let number = m
            .as_str()
            .rsplit([' ', '\t', ':', '.', '#', '-'])
            .next()
            .unwrap_or("");
        if number.bytes().filter(u8::is_ascii_digit).count() < 5 {
            continue;
        }
        out.push(Finding {
            start: m.end() - number.len(),
            end: m.end(),
            kind: DataKind::PassportNumber,
            text: number.to_string(),
            confidence: 0.9,
        });
    }
    out
}

/// The six digits of a licence number hold a birth date: the decade, the
/// month (plus 50 for a woman), the day and the year within the decade.
fn licence_date(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let month = d[1] * 10 + d[2];
    let day = d[3] * 10 + d[4];
    (1..=12).contains(&(month % 50)) && month / 50 <= 1 && (1..=31).contains(&day)
}

//! Detection of personal data in text: the identifiers the engine already
//! recognises (NI numbers, postcodes, UK phones, emails) plus NHS numbers
//! (mod-11 check digit) and payment card numbers (Luhn). Each finding is a
//! byte range of the text with its kind and a confidence. Person names are
//! not recognised yet.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::identifiers::{self, IdKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub start: usize,
    pub end: usize,
    /// `ni_number`, `postcode`, `phone`, `email`, `nhs_number`, `card_number`.
    pub kind: &'static str,
    pub text: String,
    /// 0 to 1: how sure the recogniser is that this is personal data.
    pub confidence: f32,
}

static NHS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b").expect("valid regex"));
static CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d(?:[ -]?\d){12,18}\b").expect("valid regex"));

/// Every finding in `text`, in text order.
pub fn findings(text: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = identifiers::find_all(text)
        .into_iter()
        .map(|f| Finding {
            start: f.start,
            end: f.end,
            kind: match f.kind {
                IdKind::NiNumber => "ni_number",
                IdKind::Postcode => "postcode",
                IdKind::Phone => "phone",
                IdKind::Email => "email",
            },
            text: text[f.start..f.end].to_string(),
            confidence: match f.kind {
                IdKind::Postcode => 0.8,
                _ => 0.95,
            },
        })
        .collect();
    for m in NHS.find_iter(text) {
        let taken = out.iter().any(|f| f.start < m.end() && m.start() < f.end);
        if !taken && valid_nhs(m.as_str()) {
            out.push(finding(m, "nhs_number", 0.9));
        }
    }
    for m in CARD.find_iter(text) {
        let taken = out.iter().any(|f| f.start < m.end() && m.start() < f.end);
        if !taken && luhn(m.as_str()) {
            out.push(finding(m, "card_number", 0.85));
        }
    }
    out.sort_by_key(|f| (f.start, f.end));
    out
}

fn finding(m: regex::Match<'_>, kind: &'static str, confidence: f32) -> Finding {
    Finding {
        start: m.start(),
        end: m.end(),
        kind,
        text: m.as_str().to_string(),
        confidence,
    }
}

fn digits(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// NHS numbers: ten digits, the last a mod-11 check of the first nine.
pub fn valid_nhs(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 10 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    match 11 - sum % 11 {
        11 => d[9] == 0,
        10 => false,
        check => d[9] == check,
    }
}

/// Card numbers: 13 to 19 digits passing the Luhn check.
pub fn luhn(s: &str) -> bool {
    let d = digits(s);
    if !(13..=19).contains(&d.len()) || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        assert!(valid_nhs("943 476 5919"));
        assert!(!valid_nhs("943 476 5918"));
        assert!(!valid_nhs("000 000 0000"));
        assert!(luhn("4111 1111 1111 1111"));
        assert!(!luhn("4111 1111 1111 1112"));
    }

    #[test]
    fn findings_carry_byte_ranges_of_the_text() {
        let text = "Zoë's NHS no. 943 476 5919, card 4111-1111-1111-1111, ring 07700 900123 or e-mail zoe@example.com. Job ref 123 456 7890.";
        let found = findings(text);
        let kinds: Vec<&str> = found.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            ["nhs_number", "card_number", "phone", "email"],
            "{found:?}"
        );
        for f in &found {
            assert_eq!(&text[f.start..f.end], f.text);
        }
    }
}

//! Structured UK identifiers — National Insurance numbers, postcodes, phone
//! numbers, email addresses: finding them in text (with byte ranges) and
//! reducing each to one normal form, so "AB 12 34 56 C" and "ab123456c", or
//! "0161 496 0000" and "+44 (0)161 4960000", are the same identifier.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// The kinds of structured identifier this module knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    NiNumber,
    Postcode,
    Phone,
    Email,
}

impl IdKind {
    /// Prefix of the normal form in the index's `ids` field.
    pub fn tag(self) -> &'static str {
        match self {
            IdKind::NiNumber => "ni",
            IdKind::Postcode => "pc",
            IdKind::Phone => "tel",
            IdKind::Email => "email",
        }
    }
}

/// One identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Found {
    pub kind: IdKind,
    pub start: usize,
    pub end: usize,
    /// Normal form: `AB123456C`, `SK1 1AA`, `+441614960000`, `jane@example.com`.
    pub normal: String,
}

impl Found {
    /// The token stored in the index: `tel:+441614960000`.
    pub fn token(&self) -> String {
        token(self.kind, &self.normal)
    }
}

pub fn token(kind: IdKind, normal: &str) -> String {
    format!("{}:{}", kind.tag(), normal.to_lowercase().replace(' ', ""))
}

static NI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)[A-Z]{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}[ \-]?[A-D](?-u:\b)")
        .expect("valid regex")
});
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})(?-u:\b)")
        .expect("valid regex")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+44[ \-]?(?:\(0\)[ \-]?)?|(?-u:\b)0044[ \-]?|\(0|(?-u:\b)0)\d[\d \-\(\)]{7,13}\d(?-u:\b)")
        .expect("valid regex")
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)[A-Z0-9][A-Z0-9._%+\-]*@[A-Z0-9\-]+(?:\.[A-Z0-9\-]+)*\.[A-Z]{2,}(?-u:\b)",
    )
    .expect("valid regex")
});

/// `AB 12 34 56 C` → `AB123456C`, if it is a valid NI number: first letter
/// not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V; not the prefixes
/// BG, GB, KN, NK, NT, TN, ZZ; suffix A–D.
pub fn normalise_ni(s: &str) -> Option<String> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let b = compact.as_bytes();
    if b.len() != 9 {
        return None;
    }
    let (first, second) = (b[0], b[1]);
    let letters_ok = first.is_ascii_uppercase()
        && second.is_ascii_uppercase()
        && !b"DFIQUV".contains(&first)
        && !b"DFIOQUV".contains(&second)
        && !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&&compact[..2]);
    let digits_ok = b[2..8].iter().all(u8::is_ascii_digit);
    let suffix_ok = matches!(b[8], b'A'..=b'D');
    (letters_ok && digits_ok && suffix_ok).then_some(compact)
}

/// `sk11aa` → `SK1 1AA`, if it has the shape of a UK postcode.
pub fn normalise_postcode(s: &str) -> Option<String> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let whole = format!("{outward} {inward}");
    let m = POSTCODE.find(&whole)?;
    (m.start() == 0 && m.end() == whole.len()).then_some(whole)
}

/// Any common way of writing a UK number → E.164 (`+441614960000`). The
/// national number must have 9 or 10 digits and start 1, 2, 3, 5, 7 or 8.
pub fn normalise_phone(s: &str) -> Option<String> {
    let trimmed = s.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = if trimmed.starts_with('+') {
        let rest = digits.strip_prefix("44")?;
        // "+44 (0)161 ..." writes the trunk zero too.
        if trimmed.contains("(0)") {
            rest.strip_prefix('0')?
        } else {
            rest
        }
    } else if let Some(rest) = digits.strip_prefix("0044") {
        rest
    } else {
        digits.strip_prefix('0')?
    };
    let ok =
        (9..=10).contains(&national.len()) && national.starts_with(['1', '2', '3', '5', '7', '8']);
    ok.then(|| format!("+44{national}"))
}

pub fn normalise_email(s: &str) -> Option<String> {
    let m = EMAIL.find(s.trim())?;
    (m.as_str().len() == s.trim().len()).then(|| s.trim().to_lowercase())
}

/// Every structured identifier in `text`, in order of position.
pub fn find_all(text: &str) -> Vec<Found> {
    find_all_in(text, &crate::scan::DigitLines::new(text))
}

/// `find_all` with the lines of `text` that hold a digit already found.
pub fn find_all_in(text: &str, lines: &crate::scan::DigitLines<'_>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut push = |kind, re: &Regex, normalise: fn(&str) -> Option<String>| {
        // NI numbers and postcodes hold a digit and no line break.
        let hits: Vec<crate::scan::Hit<'_>> = if matches!(kind, IdKind::NiNumber | IdKind::Postcode)
        {
            lines.find(re)
        } else {
            re.find_iter(text).map(Into::into).collect()
        };
        for m in hits {
            // "Wi11ow", "ca11ed": OCR's words with digits for letters are
            // no postcode; one in small letters is written with its space.
            let misread = kind == IdKind::Postcode
                && !m.as_str().contains(' ')
                && m.as_str().bytes().any(|b| b.is_ascii_lowercase());
            if misread {
                continue;
            }
            if let Some(normal) = normalise(m.as_str()) {
                found.push(Found {
                    kind,
                    start: m.start(),
                    end: m.end(),
                    normal,
                });
            }
        }
    };
    push(IdKind::NiNumber, &NI, normalise_ni);
    push(IdKind::Postcode, &POSTCODE, normalise_postcode);
    push(IdKind::Phone, &PHONE, normalise_phone);
    push(IdKind::Email, &EMAIL, normalise_email);
    found.sort_by_key(|f| (f.start, f.end));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ni_numbers() {
        assert_eq!(normalise_ni("ab 12 34 56 c").as_deref(), Some("AB123456C"));
        assert_eq!(normalise_ni("AB123456C").as_deref(), Some("AB123456C"));
        for bad in [
            "QQ123456C",
            "GB123456A",
            "AB123456E",
            "DA123456A",
            "AO123456A",
            "AB12345C",
        ] {
            assert_eq!(normalise_ni(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones_in_any_uk_format() {
        let want = Some("+441614960000".to_string());
        for s in [
            "0161 496 0000",
            "01614960000",
            "+44 161 496 0000",
            "+44 (0)161 496 0000",
            "0044 161 4960000",
            "(0161) 496-0000",
        ] {
            assert_eq!(normalise_phone(s), want, "{s}");
        }
        assert_eq!(
            normalise_phone("07700 900123").as_deref(),
            Some("+447700900123")
        );
        assert_eq!(normalise_phone("12345"), None);
        assert_eq!(normalise_phone("0900 123"), None);
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode("sk11aa").as_deref(), Some("SK1 1AA"));
        assert_eq!(normalise_postcode("M1 1AE").as_deref(), Some("M1 1AE"));
        assert_eq!(normalise_postcode("EC1A 1BB").as_deref(), Some("EC1A 1BB"));
        assert_eq!(normalise_postcode("HELLO"), None);
    }

    #[test]
    fn finds_with_ranges() {
        let text =
            "Call Jane on 07700 900123 or jane.smith@Example.com; NI AB 12 34 56 C, SK1 1AA.";
        let found = find_all(text);
        let kinds: Vec<_> = found
            .iter()
            .map(|f| (f.kind, &text[f.start..f.end]))
            .collect();
        assert_eq!(
            kinds,
            [
                (IdKind::Phone, "07700 900123"),
                (IdKind::Email, "jane.smith@Example.com"),
                (IdKind::NiNumber, "AB 12 34 56 C"),
                (IdKind::Postcode, "SK1 1AA"),
            ]
        );
        assert_eq!(found[1].normal, "jane.smith@example.com");
    }
}

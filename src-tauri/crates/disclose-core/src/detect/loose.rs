//! Identifiers written loosely, which the strict patterns of `identifiers`
//! and `numbers` pass over: an e-mail address broken by a space after the
//! "@" ("susan.bailey@ example.com", as text converted from HTML writes
//! them) and phone numbers written without separators or in a foreign
//! grouping ("7138536744", "55-11-5503-1347"), taken only where a contact
//! word ("phone", "fax", "contact") stands before them on their line (or
//! on the line before, for an indented list of contacts); internal
//! extensions ("x30569", "ext. 5-3861", and "5-3861" after a contact word or
//! alone on its line in a signature), and a phone number or an e-mail
//! address said in words ("oh seven seven double oh …", "sandra dot jones
//! at gmail dot com").

use std::sync::LazyLock;

use regex::Regex;

use super::numbers::finding;
use super::{DataKind, Finding};
use crate::scan::{DigitLines, Hit};

static BROKEN_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Za-z0-9][A-Za-z0-9._%+-]*@ [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?-u:\b)")
        .expect("valid regex")
});
/// A phone number said in words, as a voicemail's note writes it: "oh
/// seven seven double oh, nine double oh, one two three", over a line's
/// end too ("oh one six\nthree two, …").
static SPOKEN_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)(?:[ \t]*[,-]?(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)){7,15}(?-u:\b)")
        .expect("valid regex")
});
/// An e-mail address said in words: "sandra dot jones at gmail dot com".
static SPOKEN_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)[a-z0-9][a-z0-9_-]*(?:[ \t]+dot[ \t]+[a-z0-9_-]+)*[ \t]+at[ \t]+[a-z0-9-]+(?:[ \t]+dot[ \t]+[a-z0-9-]+)*[ \t]+dot[ \t]+(?:com|co|uk|org|net|gov|ac|nhs|io|info|me)(?-u:\b)")
        .expect("valid regex")
});
/// What every match of [`SPOKEN_EMAIL`] holds, " dot ", searched without a
/// word boundary so that a text without it is passed over quickly.
static SPOKEN_EMAIL_HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[ \t]dot[ \t]").expect("valid regex"));
static BARE_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[2-9]\d{2}[2-9]\d{6}|\d{1,3}-\d{1,3}-\d{3,4}-\d{4})(?-u:\b)")
        .expect("valid regex")
});
/// An extension with its mark: "x30569", "X58826", "ext. 5-3861".
static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(/,;:])(?:[xX]|[Ee]xt\.?|[Ee]xtension)[ \t]?(\d-\d{4}|\d{4,5})(?-u:\b)")
        .expect("valid regex")
});
/// What every match of [`EXTENSION`] holds, searched without a word
/// boundary and only in the lines holding a digit, so that a text without
/// it is passed over quickly (see `logins::PATH_HINT`).
static EXTENSION_HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[xX]|[Ee]xt\.?|[Ee]xtension)[ \t]?\d").expect("valid regex"));

/// A short internal number: "5-3861".
static SHORT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d-\d{4}(?-u:\b)").expect("valid regex"));
static CONTACT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:phone|tel|telephone|fax|cell|mobile|mob|ph|contacts?|contact\(s\)|call|ring)(?-u:\b)",
    )
    .expect("valid regex")
});

/// The loosely written identifiers of `text`; `lines` are its lines that
/// hold a digit, found once by the caller for every number search.
pub fn find(text: &str, lines: &DigitLines<'_>) -> Vec<Finding> {
    let mut out: Vec<Finding> = BROKEN_EMAIL
        .find_iter(text)
        .map(|m| finding(m.into(), DataKind::Email, 0.8))
        .collect();
    for m in SPOKEN_PHONE.find_iter(text) {
        if (10..=12).contains(&spoken_digits(m.as_str())) {
            out.push(finding(m.into(), DataKind::Phone, 0.7));
        }
    }
    if SPOKEN_EMAIL_HINT.is_match(text) {
        out.extend(
            SPOKEN_EMAIL
                .find_iter(text)
                .map(|m| finding(m.into(), DataKind::Email, 0.7)),
        );
    }
    for m in lines.find(&BARE_PHONE) {
        if contact_before(text, m.start()) {
            out.push(finding(m, DataKind::Phone, 0.75));
        }
    }
    let mut extensions: Vec<Finding> = lines
        .is_match(&EXTENSION_HINT)
        .then(|| EXTENSION.captures_iter(text))
        .into_iter()
        .flatten()
        .filter_map(|c| c.get(0).zip(c.get(1)))
        .map(|(whole, number)| {
            // The mark and the number, without the space or bracket before.
            let start = whole.start() + whole.as_str().len()
                - whole
                    .as_str()
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            let mut f = finding(number.into(), DataKind::Phone, 0.7);
            f.text = text[start..f.end].to_string();
            f.start = start;
            f
        })
        .collect();
    for m in SHORT_NUMBER.find_iter(text).map(Hit::from) {
        let inside = extensions
            .iter()
            .any(|f| f.start < m.end() && m.start() < f.end);
        let dashed_on =
            text[m.end()..].starts_with(['-', '/']) || text[..m.start()].ends_with(['-', '/', '.']);
        if !inside
            && !dashed_on
            && (contact_before(text, m.start()) || signed(text, m.start(), m.end()))
        {
            extensions.push(finding(m, DataKind::Phone, 0.7));
        }
    }
    out.extend(extensions);
    out
}

/// A closing of a message: "Regards,", "Thanks", "Yours sincerely".
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*(?:(?:kind|best|warm)[ \t]+)?(?:regards|thanks|thank you|cheers|best|many thanks|yours(?:[ \t]+(?:sincerely|faithfully|truly))?)[ \t]*[,.!]?[ \t]*\r?$")
        .expect("valid regex")
});

/// A short number alone on its line in a signature: a closing within the
/// three lines before ("Regards,\nSusan Ellery\n5-9981").
fn signed(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let alone = text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
    let mut from = line_start;
    for _ in 0..3 {
        from = text[..from.saturating_sub(1)]
            .rfind('\n')
            .map_or(0, |i| i + 1);
    }
    alone && line_start > 0 && CLOSING.is_match(&text[from..line_start])
}

/// A contact word earlier on the line of `start`, or on the line before
/// when this line continues an indented list ("Contact(s): Ana Souza
/// 0161…\n\tRay, Ed 7135550199").
fn contact_before(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..start];
    if CONTACT_CUE.is_match(line) {
        return true;
    }
    let indented = line.starts_with([' ', '\t']);
    let previous_start = text[..line_start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    indented && line_start > 0 && CONTACT_CUE.is_match(&text[previous_start..line_start])
}

/// How many digits a number said in words has: "double oh" is two,
/// "triple five" three.
fn spoken_digits(words: &str) -> usize {
    let mut count = 0;
    let mut times = 1;
    for w in words
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        match w.to_ascii_lowercase().as_str() {
            "double" => times = 2,
            "triple" => times = 3,
            _ => {
                count += times;
                times = 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&'static str, String)> {
        find(text, &DigitLines::new(text))
            .into_iter()
            .map(|f| (f.kind.as_str(), f.text))
            .collect()
    }

    #[test]
    fn broken_addresses_and_bare_numbers_near_a_contact_word() {
        assert_eq!(
            texts("email: jo.ward@ example.org\nfax: 7135550199\n"),
            [
                ("email", "jo.ward@ example.org".to_string()),
                ("phone", "7135550199".to_string())
            ]
        );
        assert_eq!(
            texts("Contact(s):   Ana Souza  55-11-5503-1347\n"),
            [("phone", "55-11-5503-1347".to_string())]
        );
        assert_eq!(
            texts("Thanks,\nSBR x30569\nor ring ext. 5-3861 (Pat, X58826); call me on 5-3861.\n"),
            [
                ("phone", "x30569".to_string()),
                ("phone", "ext. 5-3861".to_string()),
                ("phone", "X58826".to_string()),
                ("phone", "5-3861".to_string())
            ]
        );
        // Without a mark or a contact word a short number is anything.
        assert!(
            texts("Rooms 3x3 and 4-1234 of 2-2002-0001; Box 1-2345-6; xylophone 12345").is_empty()
        );
        // Without a contact word a ten-digit number is anything.
        assert!(texts("Batch 7135550199 was posted; meet @ 10 am.").is_empty());
    }
}

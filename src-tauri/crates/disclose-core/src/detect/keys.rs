//! Codes a record's key gives its staff: "USER CODES JBK=J.B.KENYON
//! MPH=M.P.HIBBERT", "Operator 114 = D. Stobart", "PO-318 = Callum Bright".
//! A code set equal to a person's name stands for that person, so it is
//! their name wherever the text uses it ("50.00 26.38- JBK", "officer
//! PO-318, shift 18:00–02:00"). A name in a key written as initials and a
//! surname run together ("J.B.KENYON") is found with its code. A
//! transcript's key of speakers by one letter ("Gaynor (G), Lyndon (L),
//! Aisha (A)") makes each letter that person where it stands as a speaker
//! ("G: Terrible.") and in the key itself.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// A code, "=", and where its value starts: initials in capitals ("JBK"),
/// a word and a number ("Operator 114", "PO-318", "TS1").
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[ \t;,(\[:])([A-Z]{2,4}|[A-Z][A-Za-z]{0,11}[ -]?[0-9]{1,5})[ \t]*=[ \t]*")
        .expect("valid regex")
});

/// A key's value of initials joined to a surname: "J.B.KENYON", "D. Stobart".
static DOTTED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]\.[ ]?){1,3}[A-Z][A-Za-z'’-]+(?-u:\b)").expect("valid regex")
});

/// Codes that are no one's: a system's batch user, a key's "N/A".
const NOT_CODES: &[&str] = &["SYS", "NA", "TBC", "ALL", "VAT", "REF", "KEY", "CODE"];

/// The names a key's codes stand for, wherever the text uses the codes,
/// and the keys' values that `names` did not find.
pub fn codes(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut found_codes: Vec<&str> = Vec::new();
    let name_starts: HashSet<usize> = names
        .iter()
        .filter(|n| n.kind == DataKind::PersonName)
        .map(|n| n.start)
        .collect();
    for caps in KEYED.captures_iter(text) {
        let (Some(code), Some(whole)) = (caps.get(1), caps.get(0)) else {
            continue;
        };
        let value = whole.end();
        let named = name_starts.contains(&value);
        let dotted = DOTTED_NAME.find(&text[value..]);
        // "PC = PC Jordan Hewitt": a title is no code.
        let no_code = NOT_CODES.contains(&code.as_str()) || super::lexicon::is_title(code.as_str());
        if !named && dotted.is_none() || no_code {
            continue;
        }
        if let Some(d) = dotted.filter(|_| !named) {
            out.push(Finding::person(text, value, value + d.end(), 0.75));
        }
        if !found_codes.contains(&code.as_str()) {
            found_codes.push(code.as_str());
        }
    }
    for code in found_codes {
        let mut from = 0;
        while let Some(k) = text[from..].find(code) {
            let (start, end) = (from + k, from + k + code.len());
            from = end;
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let apart =
                |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
            if apart(before) && apart(after) {
                out.push(Finding::person(text, start, end, 0.7));
            }
        }
    }
    out
}

/// A person's letter in brackets after their name: " (G)".
static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?\(([A-Z])\)").expect("valid regex"));

/// A speaker's letter opening a transcript's line, after a time stamp
/// perhaps: "G: Terrible.", "[00:04:40] A: For me". Group 1 is the letter.
static SPEAKER_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:\[[0-9:.]+\][ \t]*)?([A-Z]):[ \t]").expect("valid regex")
});

/// The letters a key of speakers gives the person names `names` ("Gaynor
/// (G), Lyndon (L)"), in the key and where each opens a speaker's line;
/// only where two names or more are given letters, as a key gives them.
pub fn speaker_letters(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut letters: HashSet<&str> = HashSet::new();
    for n in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        if let Some(letter) = LETTERED.captures(&text[n.end..]).and_then(|c| c.get(1)) {
            letters.insert(letter.as_str());
            out.push(Finding::person(
                text,
                n.end + letter.start(),
                n.end + letter.end(),
                0.7,
            ));
        }
    }
    if letters.len() < 2 {
        return Vec::new();
    }
    for caps in SPEAKER_LETTER.captures_iter(text) {
        let letter = caps.get(1).expect("group 1");
        if letters.contains(letter.as_str()) {
            out.push(Finding::person(text, letter.start(), letter.end(), 0.7));
        }
    }
    out
}

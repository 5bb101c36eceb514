//! The people a claim is against, as a court's daily list or a title of
//! proceedings writes them: "IRWELL & MEDLOCK HOMES LTD v KOWALCZYK",
//! "Salford City Council v Al-Jabouri", "… v PETROVA, Yana & PETROV, Ivo",
//! "HUSSAIN, Javed v OYELARAN-SMITH". After a landlord, a council or a
//! bank and "v", a party is a person: a surname (in capitals, or any
//! word that is not an organisation's), and the given names after a comma.
//! "Persons unknown" and another organisation are not.

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{gap, Shape, Tok};
use crate::extract::text::floor_char_boundary;

/// What the line holds before a party: an organisation's last word, or a
/// person as registers write one ("HUSSAIN, Javed"), then "v", and
/// perhaps a first party and "&" ("… v PETROVA, Yana & ").
static PARTY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?i:ltd|limited|council|homes|housing|trust|association|plc|group|partnership|authority|llp|borough|society|properties)|[A-Z][A-Z'’-]+, [A-Z][a-z'’-]+)[ \t]+(?:v|vs|v\.)[ \t]+(?:[A-Z][\w'’-]*(?:,? [A-Z][\w'’-]*){0,4}[ \t]+(?:&|and)[ \t]+)?$",
    )
    .expect("valid regex")
});

/// A company's ending later in the party's entry: "… v Marks & Spencer plc".
static COMPANY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\n(\[{]*?(?-u:\b)(?:ltd|limited|plc|llp|co|company|group|inc)(?-u:\b)")
        .expect("valid regex")
});

/// Words that stand for no one in particular, or for the court's parties
/// as a whole.
const NOT_A_PARTY: &[&str] = &[
    "persons",
    "person",
    "unknown",
    "others",
    "ors",
    "another",
    "the",
    "secretary",
    "state",
];

/// A party to a claim starting at token `i`: its last token.
pub(super) fn party(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if !matches!(t.shape, Shape::Upper | Shape::Cap) {
        return None;
    }
    // Most words have no "v" or "&" just before them: asked first, and the
    // line before read back no further than a party's title runs.
    let before = text[..t.start].trim_end_matches([' ', '\t']);
    let joined = [" v", " vs", " v.", "&", " and"]
        .iter()
        .any(|j| before.ends_with(j));
    if !joined || before.len() == t.start {
        return None;
    }
    let window = &text[floor_char_boundary(text, t.start.saturating_sub(160))..t.start];
    let line = window.rfind('\n').map_or(window, |n| &window[n + 1..]);
    if !PARTY_BEFORE.is_match(line) {
        return None;
    }
    // The surname: up to three words ("DA SILVA", "ST CLAIR").
    let mut last = i;
    while last - i < 2
        && toks.get(last + 1).is_some_and(|n| n.shape == t.shape)
        && gap(text, toks, last) == " "
        && toks[last].end == toks[last].full_end
    {
        last += 1;
    }
    // The given names after a comma: "ABDI, Hodan", "NGUYEN, Thi Lan".
    if gap(text, toks, last) == ", " && toks.get(last + 1).is_some_and(|n| n.shape == Shape::Cap) {
        last += 1;
        while last - i < 5
            && toks.get(last + 1).is_some_and(|n| n.shape == Shape::Cap)
            && gap(text, toks, last) == " "
        {
            last += 1;
        }
    }
    let someone = toks[i..=last].iter().all(|w| {
        !w.lex.is_org()
            && !w.lex.is_job_word()
            && !w.lex.is_title()
            && !w.lex.is_town()
            && !NOT_A_PARTY.iter().any(|n| n.eq_ignore_ascii_case(w.word))
            // In mixed case a word that is no name is no party's.
            && (w.shape == Shape::Upper || !w.lex.is_common() || w.lex.is_surname() || w.lex.is_given())
    });
    // The entry's rest, up to aligned spaces or the line's end, read no
    // further than an entry runs.
    let near = floor_char_boundary(text, toks[last].full_end + 80);
    let entry = text[toks[last].full_end..near]
        .split(['\n', '\t'])
        .next()
        .and_then(|e| e.split("  ").next())
        .unwrap_or_default();
    (someone && !COMPANY_AFTER.is_match(entry)).then_some((last, 0.8))
}

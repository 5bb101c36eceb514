//! Initials that stand for a person the same text names in full: a note
//! signed "GP" in a file where "Gemma Price" sits on the panel, "MAIREAD
//! DUNNE (MD)", "Checked w/ TM". Two or three capitals
//! alone are found when a name found in the text has them as its words'
//! first letters (all of them, or the first and the last). They are not
//! found inside a reference ("Our ref: GP/HSG/1187"), right after a
//! capitalised word ("AltaGas CW"), as a title before a name ("PC
//! Varley"), as a word of a line in capitals ("TO THE"), or as one of the
//! abbreviations a record uses for other things ("DOB", "AM"). Beside
//! `names::stamps`, which finds the initials of the names its rules found
//! when no office uses the same capitals, this pass reads every name found
//! (the model's and the fields' too) and takes "GP" or "PC" when the text
//! names a Gemma Price or a Paul Cole.

use std::collections::HashSet;

use super::lexicon;
use super::{DataKind, Finding};

/// Capitals that are a record's abbreviations far more often than anyone's
/// initials.
const NOT_INITIALS: &[&str] = &[
    "RE", "DOB", "NI", "CO", "AM", "PM", "OK", "TV", "ID", "UK", "HR", "IT", "MB", "NHS", "TR",
    "PS",
];

/// Every lone run of two or three capitals that spells the initials of a
/// name in `names`.
pub fn of_names(text: &str, names: &[Finding]) -> Vec<Finding> {
    let initials = initials_of(names);
    if initials.is_empty() {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_uppercase() {
            at += 1;
            continue;
        }
        let end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_uppercase())
                .count();
        let run = &text[at..end];
        if (2..=3).contains(&run.len()) && initials.contains(run) && stands_alone(text, at, end) {
            out.push(Finding::person(text, at, end, 0.7));
        }
        at = end;
    }
    out
}

/// The initials of each name of two or more words (titles left out): all
/// the words' first letters, and the first's and the last's.
fn initials_of(names: &[Finding]) -> HashSet<String> {
    let mut out = HashSet::new();
    for name in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        let firsts: Vec<char> = name
            .text
            .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty() && !lexicon::is_title(w))
            .filter_map(|w| w.chars().next())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if firsts.len() < 2 || !firsts.iter().all(char::is_ascii_uppercase) {
            continue;
        }
        out.insert(firsts.iter().collect());
        out.insert([firsts[0], firsts[firsts.len() - 1]].iter().collect());
    }
    out.retain(|i: &String| !NOT_INITIALS.contains(&i.as_str()));
    out
}

/// Whether the capitals at `start..end` are a word of their own: not part
/// of a reference or an address, not a title before a name, not an English
/// word among capitals.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if before.is_some_and(|c| c.is_alphanumeric() || "/-_.@&'’".contains(c))
        || after.is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    // "GP/HSG/1187", "RD-001-A", "J.B.": joined on to more.
    let mut rest = text[end..].chars();
    if matches!(rest.next(), Some('/' | '-' | '.' | '_' | '@'))
        && rest.next().is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    // "AltaGas CW": after a capitalised word on its line, a deal's or a
    // product's letters.
    let previous = text[..start].trim_end_matches([' ', '\t']);
    if previous.len() < start
        && previous
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let word = &text[start..end];
    let next_word = text[end..]
        .trim_start_matches([' ', '\t'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // "PC Varley", "DS Hollins": a title before a name.
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if lexicon::is_title(word) && capitalised(next_word) {
        return false;
    }
    // "TO THE", "AN ORDER": a word in a line of capitals.
    let previous_word = previous
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let in_capitals = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase());
    !(lexicon::is_english(&word.to_lowercase())
        && (in_capitals(previous_word) || in_capitals(next_word)))
}

//! Capitalised words that look like names in this text and are not:
//! abbreviations the text spells out ("Data Protection Officer (DPO)" makes
//! every "DPO" an abbreviation), nationalities and languages ("English Data
//! Protection laws"), and towns on rivers ("Stoke on Trent", "Newcastle
//! upon Tyne": both the town and the river), and a holiday's eve
//! ("Christmas Eve"). A title or given name before one still makes it
//! a name ("Mr English"), since the name is read from its first word.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{gap, linked, Shape, Tok};
use crate::detect::lexicon;
use crate::extract::text::floor_char_boundary;

/// An abbreviation in brackets: "(DPO)", "(ALMOs)".
static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z][A-Z0-9&]{1,9})s?\)").expect("valid regex"));

/// Small words an abbreviation leaves out: "Ministry of Housing (MoH)".
const LEFT_OUT: &[&str] = &["of", "and", "for", "the", "on", "in", "to", "&"];

pub(super) struct Lookalikes {
    abbreviations: HashSet<String>,
}

impl Lookalikes {
    pub(super) fn new(text: &str) -> Lookalikes {
        let mut abbreviations = HashSet::new();
        if text.contains('(') {
            for c in BRACKETED.captures_iter(text) {
                let (Some(all), Some(short)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                let before =
                    &text[floor_char_boundary(text, all.start().saturating_sub(120))..all.start()];
                let before = before.trim_end_matches([' ', '\t']);
                if spells(before, short.as_str()) && !a_persons(before, short.as_str()) {
                    abbreviations.insert(short.as_str().to_string());
                }
            }
        }
        Lookalikes { abbreviations }
    }

    /// Whether token `i` is one of these words.
    pub(super) fn at(&self, text: &str, toks: &[Tok<'_>], i: usize) -> bool {
        let t = &toks[i];
        // "my irish mate": a nationality in lower case too.
        if t.shape == Shape::Lower {
            return t.lex.is_nationality();
        }
        if !matches!(t.shape, Shape::Cap | Shape::Upper) {
            return false;
        }
        let river = i >= 2 && on_a_river(text, toks, i - 2);
        let town = on_a_river(text, toks, i);
        // "Christmas Eve", "New Year's Eve": a holiday's eve.
        let eve = t.word == "Eve"
            && i > 0
            && gap(text, toks, i - 1) == " "
            && matches!(
                toks[i - 1].word.to_lowercase().as_str(),
                "christmas" | "xmas" | "year" | "years" | "year's" | "years'"
            );
        // "Chris Germany", "Germany, Chris": a country or nationality next
        // to a given name is a surname.
        let given = |k: usize| {
            toks.get(k)
                .is_some_and(|g| g.shape == t.shape && g.lex.is_given() && !g.lex.is_nationality())
        };
        let surname = i > 0 && linked(text, toks, i - 1) && given(i - 1)
            || gap(text, toks, i) == ", " && given(i + 1);
        // "Shona Kirkwood": a language that is a given name, before a
        // surname.
        let given_first = t.lex.is_given()
            && linked(text, toks, i)
            && toks.get(i + 1).is_some_and(|s| {
                s.shape == t.shape && s.lex.is_surname() && !s.lex.is_nationality()
            });
        // "my neighbour Shona", "Craig and Shona": a given name the words
        // before give as a person's, or one after a name and "and".
        // (Asked only of a nationality's word: the cue's search is not
        // free.)
        let cued_given = || {
            t.lex.is_given()
                && (super::forms::cue_before(text, t.start)
                    || i >= 2
                        && toks[i - 1].word == "and"
                        && toks[i - 2].lex.is_given()
                        && toks[i - 2].shape == t.shape)
        };
        let nationality = t.lex.is_nationality() && !surname && !given_first && !cued_given();
        self.abbreviations.contains(t.word) || nationality || river || town || eve
    }
}

/// "Stoke on Trent", "Burton upon Trent": token `i`, "on" or "upon", and
/// a river.
fn on_a_river(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let (Some(on), Some(river)) = (toks.get(i + 1), toks.get(i + 2)) else {
        return false;
    };
    river.lex.is_river()
        && matches!(toks[i].shape, Shape::Cap | Shape::Upper)
        && (on.word.eq_ignore_ascii_case("on") || on.word.eq_ignore_ascii_case("upon"))
        && matches!(gap(text, toks, i), " " | "-")
        && matches!(gap(text, toks, i + 1), " " | "-")
}

/// Whether the words `abbreviation` spells at the end of `words` are a
/// person's name, so it stands for the person: "Chen Jian (CJ)", "Marta
/// Kowal (MK)"; not "Data Protection Officer (DPO)" nor "Hannah Kelly
/// Solicitors (HKS)". Two or three capitalised words, none an English word
/// but a given name or a surname, or a known given name first ("Dave
/// Kettle (DK)").
fn a_persons(words: &str, abbreviation: &str) -> bool {
    let letters = abbreviation.len();
    if !(2..=3).contains(&letters) || !abbreviation.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let named: Vec<&str> = words
        .rsplit([' ', '\t', '\n', '\r'])
        .take(letters)
        .collect();
    let person = |w: &str| lexicon::is_given(w) || lexicon::is_surname(w);
    // (`named` runs from the last word back: a known given name first
    // makes a word after it a surname, "Dave Kettle (DK)".)
    let given_first = named.last().is_some_and(|w| lexicon::is_given(w));
    named.len() == letters
        && named.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && (person(w) || !lexicon::is_english(w) || given_first)
        })
}

/// Whether the last words of `words` start with the letters of
/// `abbreviation`, small words left out: "Arms Length Management
/// Organisation" spells "ALMO".
fn spells(words: &str, abbreviation: &str) -> bool {
    let line = words
        .rsplit(['\n', '.', '(', ')', ';', ':'])
        .next()
        .unwrap_or(words);
    let initials: Vec<char> = line
        .split([' ', '\t', ',', '-'])
        .filter(|w| !w.is_empty() && !LEFT_OUT.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let letters: Vec<char> = abbreviation
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    letters.len() >= 2 && initials.ends_with(&letters)
}

//! A given name after a word that nicknames someone by size or temper, as
//! tenants write it: "big dave", "Big Lou", "lil kyle", "mad Tony", "wee
//! Tam". The word is part of what names the person, so the name runs from
//! it. A word-name that is also an English word stays a word after it in
//! lower case ("a little grace"), and "the", "a" or "so" before the word
//! make it a description ("the big will", "so little hope").

use super::tokens::{gap, Shape, Tok};

/// Words that nickname someone before a given name.
const EPITHETS: &[&str] = &["big", "little", "lil", "fat", "mad", "wee"];

/// Words before the epithet that make it describe, not name.
const DESCRIBING: &[&str] = &[
    "a", "an", "the", "so", "too", "very", "bit", "quite", "this", "that",
];

/// A nickname of an epithet and a given name starting at token `i`.
pub(super) fn epithet_name(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // The first letter first: most words stop there.
    let first = t.word.as_bytes().first().map_or(0, |b| b | 0x20);
    if !matches!(first, b'b' | b'l' | b'f' | b'm' | b'w')
        || !(3..=6).contains(&t.word.len())
        || !EPITHETS.iter().any(|e| e.eq_ignore_ascii_case(t.word))
        || t.shape == Shape::Upper
    {
        return None;
    }
    let next = toks.get(i + 1)?;
    if gap(text, toks, i) != " " || !next.lex.is_given() || next.shape == Shape::Upper {
        return None;
    }
    // "a little grace", "big will power": a word-name in lower case is a word.
    if next.shape == Shape::Lower && next.lex.is_english() {
        return None;
    }
    let described = i > 0
        && DESCRIBING
            .iter()
            .any(|w| w.eq_ignore_ascii_case(toks[i - 1].word))
        && gap(text, toks, i - 1).trim_matches([' ', '\t']).is_empty();
    (!described).then_some((i + 1, 0.7))
}

//! Person names: titles ("Mrs Okafor", "Dr J. Patel"), initials ("J. Smith"),
//! given name + surname in any case ("John Smith", "JOHN SMITH", "john
//! smith"), "Smith, John", email display names ("Jane Doe <jane@x.org>"),
//! names after a context cue ("my neighbour Sam", "Alleged perpetrator:
//! GRAHAM WHITLOCK", a sign-off), names before a relation or role ("Kieran
//! Moss - son", "Derek Pryce (PCSO)"), salutations ("Raj,"), lower-case
//! names after a title or joined by "and" ("pc dawson", "kelly and shane")
//! and lone known names. A name found once is found again in the text in
//! any letter case. A possessive "'s" is left out of the finding. Streets,
//! buildings and organisations named after people ("Victoria Road", "Smith
//! & Co Ltd") are not names; names that are also words ("May", "Will",
//! "Grace") need a title, a surname or a cue.

mod context;
mod forms;
mod tokens;

use std::collections::HashSet;

use super::lexicon as lex;
use super::Finding;
use context::{described, lower_pair, salutation};
use forms::{
    cued, email_display, full_name, initials, lone, place, surname_comma_given, titled, vetoed,
};
use tokens::{sentence_start, tokens, Shape, Tok};

/// Every person name in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    let toks = tokens(text);
    let mut out = Vec::new();
    // Token by token: part of a place (`Some(None)`) or of a name found with
    // this confidence.
    let mut taken: Vec<Option<Option<f32>>> = vec![None; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        if let Some(last) = place(text, &toks, i) {
            taken[i..=last].fill(Some(None));
            i = last + 1;
            continue;
        }
        let hit = titled(text, &toks, i)
            .or_else(|| described(text, &toks, i))
            .or_else(|| email_display(text, &toks, i))
            .or_else(|| surname_comma_given(text, &toks, i))
            .or_else(|| initials(text, &toks, i))
            .or_else(|| full_name(text, &toks, i))
            .or_else(|| cued(text, &toks, i))
            .or_else(|| salutation(text, &toks, i))
            .or_else(|| lone(text, &toks, i))
            .or_else(|| lower_pair(text, &toks, i));
        match hit {
            Some((last, confidence)) => {
                out.push(name_finding(text, &toks, i, last, confidence));
                taken[i..=last].fill(Some(Some(confidence)));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out.extend(repeated(text, &toks, &taken));
    out.sort_by_key(|f| f.start);
    out
}

fn name_finding(text: &str, toks: &[Tok<'_>], i: usize, last: usize, confidence: f32) -> Finding {
    let (start, end) = (toks[i].start, toks[last].end);
    Finding {
        start,
        end,
        kind: "person_name",
        text: text[start..end].to_string(),
        confidence,
    }
}

/// Words after which a name that is also a word is the word: "a Grace
/// period", "due in May".
const NOT_BEFORE_A_NAME: &[&str] = &[
    "a", "an", "the", "in", "of", "since", "from", "until", "till", "by", "during", "before",
    "after", "early", "late", "mid", "end", "next", "last", "this", "every",
];

/// Once a word is a name in a text it is a name elsewhere in it, in any
/// letter case: "Her son Temitope … shouting at Temitope", "Stephanie Panus
/// … STEPHANIE … stephanie". A name that is also a word ("Hope") must be
/// capitalised and must not start a sentence or stand next to a number
/// ("4 May 2025") unless it is possessive.
fn repeated(text: &str, toks: &[Tok<'_>], taken: &[Option<Option<f32>>]) -> Vec<Finding> {
    let names: HashSet<String> = toks
        .iter()
        .zip(taken)
        .filter(|(t, found)| {
            matches!(found, Some(Some(c)) if *c >= 0.7)
                && t.shape != Shape::Initial
                && !lex::is_title(t.word)
        })
        .map(|(t, _)| t.word.to_lowercase())
        .collect();
    let mut out = Vec::new();
    if names.is_empty() {
        return out;
    }
    for (k, t) in toks.iter().enumerate() {
        if taken[k].is_some()
            || t.shape == Shape::Initial
            || !names.contains(&t.word.to_lowercase())
            || vetoed(text, toks, k, k)
        {
            continue;
        }
        // "susan" of "susan.bailey@example.com" is part of an address.
        let joined_before = text[..t.start].ends_with(['.', '@', '_', '/']);
        let joined_after = text[t.full_end..]
            .strip_prefix(['.', '@', '_', '/'])
            .is_some_and(|r| r.starts_with(|c: char| c.is_alphanumeric()));
        if joined_before || joined_after {
            continue;
        }
        let possessive = t.end != t.full_end;
        let digit_before = text[..t.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        let digit_after = text[t.full_end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        let after_article_or_time =
            k > 0 && NOT_BEFORE_A_NAME.contains(&toks[k - 1].word.to_lowercase().as_str());
        let word_like = lex::is_ambiguous(t.word) || lex::is_common(t.word);
        if t.shape != Shape::Cap && (word_like || lex::is_english(t.word)) {
            continue;
        }
        // "Leanne Fields" is a name, "Mill Fields" a place.
        let in_place = lex::is_street(t.word)
            && k > 0
            && tokens::linked(text, toks, k - 1)
            && matches!(toks[k - 1].shape, Shape::Cap | Shape::Upper);
        if in_place {
            continue;
        }
        let doubtful =
            sentence_start(text, t.start) || digit_before || digit_after || after_article_or_time;
        if word_like && !possessive && doubtful {
            continue;
        }
        out.push(name_finding(text, toks, k, k, 0.65));
    }
    out
}

/// Whether `pos` opens a sentence or a line.
pub(super) fn opens_sentence(text: &str, pos: usize) -> bool {
    sentence_start(text, pos)
}

/// The words of `text` with their byte ranges (a possessive "'s" left out)
/// and whether only spaces or one line break stand before the next word.
pub(super) fn words(text: &str) -> Vec<(usize, usize, bool)> {
    let toks = tokens(text);
    (0..toks.len())
        .map(|i| {
            let g = tokens::gap(text, &toks, i);
            let close = toks[i].end == toks[i].full_end
                && g.len() <= 3
                && g.chars().all(char::is_whitespace)
                && g.matches('\n').count() <= 1;
            (toks[i].start, toks[i].end, close)
        })
        .collect()
}

/// A key that groups the ways one person's name is written: titles and a
/// possessive dropped, lower case, "Smith, John" read as "John Smith".
/// "Mrs Okafor's" → "okafor"; "SMITH, John" → "john smith".
pub fn person_key(name: &str) -> String {
    let (head, tail) = match name.split_once(',') {
        Some((surname, given)) => (given, surname),
        None => (name, ""),
    };
    let words: Vec<String> = tokens(head)
        .into_iter()
        .chain(tokens(tail))
        .filter(|t| !lex::is_title(t.word))
        .map(|t| t.word.to_lowercase())
        .collect();
    words.join(" ")
}

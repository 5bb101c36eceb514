//! What the leak check looks for, built from the case's accepted marks,
//! and how it is found in a text:
//!
//! - every redacted string in any of its forms ([`Variants`]: letter case,
//!   spacing, hyphens, quote markers, "Surname, Given", initials, and for
//!   identifiers every written form of the same number or address) — a
//!   `whole` finding, which can never be waived; a bare house number
//!   ("27") is looked for in its place, with the unredacted words beside
//!   it in its text ("woman at 27 was"), not wherever "27" stands;
//! - any single word of a redacted string — a `word` finding;
//! - fragments: a piece of three or more letters from the start or end of
//!   a redacted name's word (the `ith` of `John Smith`) standing as a word
//!   — a `fragment` finding, except where the piece is an ordinary English
//!   word ("any" from "Tiffany");
//! - in text read by OCR, a word within OCR error of a redacted word — a
//!   `near` finding.
//!
//! Words and fragments that the case's own unredacted text uses elsewhere,
//! and Disclose's own wording (letter, schedule, stamps, reason codes), are
//! not looked for, so "Road" in a redacted "14 Victoria Road" does not trip
//! it. Word, fragment and near findings are ambiguous: the caseworker can
//! redact them or record that they are not the person (see `waivers`).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ordinary::is_ordinary;
use crate::case::CaseFolder;
use crate::error::Result;
use crate::marks::{self, Mark, Variants};
pub(super) use crate::variants::words;
use crate::variants::VariantSet;

/// What kind of trace of a redaction a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A redacted string, in any of its forms.
    Whole,
    /// One word of a redacted string.
    Word,
    /// The start or end of a redacted word.
    Fragment,
    /// A word read by OCR within its error of a redacted word.
    Near,
    /// A marked area that is not solid black in the produced pixels.
    Pixels,
    /// A file that could not be read (so could not be checked).
    Unreadable,
}

impl FindingKind {
    /// Whether a caseworker may record it as "not this person".
    pub fn waivable(self) -> bool {
        matches!(
            self,
            FindingKind::Word | FindingKind::Fragment | FindingKind::Near
        )
    }
}

#[derive(Debug, Clone)]
pub(super) struct Needle {
    pub redacted: String,
    pub item_id: i64,
}

/// One trace found in a text.
pub(super) struct Found<'n> {
    pub kind: FindingKind,
    pub range: Range<usize>,
    pub needle: &'n Needle,
}

/// What to look for, built from the case's redactions: one pattern per
/// distinct way of finding a string (tens of thousands of marks of a few
/// thousand names cost a few thousand patterns), all searched in one pass
/// ([`VariantSet`]), and one entry per word and fragment.
#[derive(Clone)]
pub struct Needles {
    phrases: VariantSet,
    /// What each phrase is the pattern of.
    phrase_needles: Vec<Needle>,
    words: HashMap<String, Needle>,
    fragments: HashMap<String, Needle>,
    /// Words known to be innocent: the case's unredacted text, Disclose's
    /// own wording. OCR near matches are not looked for among them.
    allowed: HashSet<String>,
    /// The SHA-256 of the redacted strings, in the order they were read.
    digest: String,
    /// How many distinct redacted strings (by letter case) there are.
    strings: usize,
}

const SHORTEST_WORD: usize = 3;
/// OCR near matches are looked for only for words this long or longer.
const SHORTEST_NEAR: usize = 5;

impl Needles {
    /// The case's redacted strings alone — what stored checks are made
    /// with (see `stored`), since the innocent words change with every
    /// import while these change only with the marks — and the same with
    /// the case's unredacted words set aside, which judges each finding.
    /// The patterns are built once and shared.
    pub fn from_case_and_terms(folder: &CaseFolder) -> Result<(Needles, Needles)> {
        let marks = accepted(folder)?;
        let raw = Needles::build(&in_place(folder, &marks)?);
        // With nothing redacted nothing is set aside: the case's texts
        // are not read.
        let allowed = if marks.is_empty() {
            HashSet::new()
        } else {
            unredacted_words(folder, &marks)?
        };
        let mut judged = raw.clone();
        judged.set_aside(allowed);
        Ok((raw, judged))
    }

    fn build(marks: &[(Mark, bool)]) -> Needles {
        let mut phrases = Vec::new();
        let mut needles = Needles {
            phrases: VariantSet::new(Vec::new()),
            phrase_needles: Vec::new(),
            words: HashMap::new(),
            fragments: HashMap::new(),
            allowed: HashSet::new(),
            digest: String::new(),
            strings: 0,
        };
        let mut digest = Sha256::new();
        let mut seen = HashSet::new();
        let mut patterns = HashSet::new();
        for (mark, in_place) in marks {
            if !seen.insert(mark.text.to_lowercase()) {
                continue;
            }
            digest.update(mark.text.as_bytes());
            digest.update([0]);
            let needle = || Needle {
                redacted: mark.text.clone(),
                item_id: mark.item_id,
            };
            // A string found the same way as one before it would only be
            // found where that one is, and a finding names the first.
            if Variants::key(&mark.text).is_ok_and(|key| patterns.insert(key)) {
                if let Ok(prepared) = Variants::prepare(&mark.text) {
                    phrases.push(prepared);
                    needles.phrase_needles.push(needle());
                }
            }
            // The words around a bare number are the text's, not what
            // was redacted.
            if *in_place {
                continue;
            }
            for word in words(&mark.text) {
                let length = word.chars().count();
                if length >= SHORTEST_WORD {
                    needles.words.entry(word.clone()).or_insert_with(needle);
                }
                if length > SHORTEST_WORD
                    && is_name_like(&mark.text)
                    && word.chars().all(char::is_alphabetic)
                {
                    for piece in ends(&word) {
                        if !is_ordinary(&piece) {
                            needles.fragments.entry(piece).or_insert_with(needle);
                        }
                    }
                }
            }
        }
        needles.phrases = VariantSet::new(phrases);
        needles.strings = seen.len();
        needles.digest = hex::encode(digest.finalize());
        needles
    }

    /// Stops looking for the words and fragments in `allowed` (innocent
    /// words), and remembers them as innocent.
    fn set_aside(&mut self, allowed: HashSet<String>) {
        self.words.retain(|word, _| !allowed.contains(word));
        self.fragments.retain(|piece, _| !allowed.contains(piece));
        self.allowed = allowed;
    }

    /// The SHA-256 of the redacted strings looked for.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// What a trace found with the redacted strings alone is to these needles:
    /// `found` looked for again, alone, as it was looked for where it was
    /// found. `None` when it is no longer a finding (an innocent word).
    pub(super) fn again<'n>(&'n self, found: &str, words: bool, near: bool) -> Option<Found<'n>> {
        let mut all = self.find(found, words, near);
        let whole = all.iter().position(|f| f.range == (0..found.len()));
        match whole {
            Some(at) => Some(all.swap_remove(at)),
            None => all.into_iter().next(),
        }
    }

    /// Stops counting the words of `text` (text Disclose wrote from trusted
    /// sources: the organisation profile, its own fixed wording) as words
    /// or fragments of redactions. Whole redacted strings are still looked
    /// for.
    pub fn allow(&mut self, text: &str) {
        for (word, _) in words_at(text) {
            self.words.remove(&word);
            self.fragments.remove(&word);
            self.allowed.insert(word);
        }
    }

    /// How many distinct redacted strings are looked for.
    pub fn count(&self) -> usize {
        self.strings
    }

    /// Whether nothing at all is looked for: no redacted string, word or
    /// fragment.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.words.is_empty() && self.fragments.is_empty()
    }

    /// Every redacted string's forms in `haystack`; with `words`, also
    /// their words and fragments; with `near` (text read by OCR), also
    /// words within OCR error of a redacted word.
    pub(super) fn find<'n>(&'n self, haystack: &str, words: bool, near: bool) -> Vec<Found<'n>> {
        let mut out: Vec<Found> = self
            .phrases
            .find_iter(haystack)
            .into_iter()
            .map(|(phrase, range)| Found {
                kind: FindingKind::Whole,
                range,
                needle: &self.phrase_needles[phrase],
            })
            .collect();
        if !words {
            return out;
        }
        for (word, at) in words_at(haystack) {
            let range = at..at + word_len(haystack, at);
            if out.iter().any(|f| f.range.start <= at && at < f.range.end) {
                continue;
            }
            if let Some(needle) = self.words.get(&word) {
                out.push(Found {
                    kind: FindingKind::Word,
                    range,
                    needle,
                });
            } else if let Some(needle) = self.fragments.get(&word) {
                out.push(Found {
                    kind: FindingKind::Fragment,
                    range,
                    needle,
                });
            } else if near
                && word.chars().count() >= SHORTEST_NEAR
                && !self.allowed.contains(&word)
                && !is_ordinary(&word)
            {
                if let Some(needle) = self.near(&word) {
                    out.push(Found {
                        kind: FindingKind::Near,
                        range,
                        needle,
                    });
                }
            }
        }
        out
    }

    /// A redacted word that `word` could be, misread by OCR: one edit
    /// away, or two for words of eight letters or more.
    fn near(&self, word: &str) -> Option<&Needle> {
        let length = word.chars().count();
        let allowed_edits = if length >= 8 { 2 } else { 1 };
        self.words
            .iter()
            .filter(|(w, _)| {
                w.chars().count() >= SHORTEST_NEAR && w.chars().all(char::is_alphabetic)
            })
            .find(|(w, _)| edit_distance(w, word) <= allowed_edits)
            .map(|(_, n)| n)
    }
}

/// Levenshtein distance between two words, by characters.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// Whether pieces of the text's words are worth looking for: names and
/// words, not addresses or numbers, whose pieces are ordinary words.
fn is_name_like(text: &str) -> bool {
    !text.contains('@') && !text.chars().any(|c| c.is_ascii_digit())
}

/// Lower-case words of letters and digits, with where each starts.
fn words_at(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((text[s..i].to_lowercase(), s));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn word_len(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len() - at, |(i, _)| i)
}

/// The starts and ends of a word, three letters or longer, short of the
/// whole word.
fn ends(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (SHORTEST_WORD..chars.len())
        .flat_map(|n| {
            [
                chars[..n].iter().collect::<String>(),
                chars[chars.len() - n..].iter().collect::<String>(),
            ]
        })
        .collect()
}

/// A bare house number ("27", "4B"), which alone would be found in every
/// other "27" of a bundle.
fn bare_number(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 4
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The marks to look for, each with whether it is looked for in its place:
/// a bare number on an item's text becomes the number with the unredacted
/// words beside it ("woman at 27 was"), so the check finds it where it was
/// redacted and not in every "27" of the bundle. A bare number with no
/// unredacted word beside it, or marked as an area (whose box must be
/// black), is left to the rendition, which cuts it out.
fn in_place(folder: &CaseFolder, marks: &[Mark]) -> Result<Vec<(Mark, bool)>> {
    let mut texts: HashMap<i64, (String, Vec<Range<usize>>)> = HashMap::new();
    let mut out = Vec::with_capacity(marks.len());
    for mark in marks {
        if !bare_number(&mark.text) {
            out.push((mark.clone(), false));
            continue;
        }
        let marks::Target::Text { start, end } = mark.target else {
            continue;
        };
        let (text, hidden) = match texts.entry(mark.item_id) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(slot) => {
                let text = folder.store.text(mark.item_id)?;
                let mut hidden = Vec::new();
                for m in marks.iter().filter(|m| m.item_id == mark.item_id) {
                    hidden.extend(folder.store.hidden_ranges(m)?);
                }
                slot.insert((text, marks::merge_ranges(hidden)))
            }
        };
        if let Some(phrase) = beside(text, hidden, start..end) {
            let mut placed = mark.clone();
            placed.text = phrase;
            out.push((placed, true));
        }
    }
    Ok(out)
}

/// `range` of `text` with up to two words before it and one after, each
/// apart from it by spaces only and under no redaction; `None` when no
/// word qualifies.
fn beside(text: &str, hidden: &[Range<usize>], range: Range<usize>) -> Option<String> {
    let free = |r: &Range<usize>| !hidden.iter().any(|h| h.start < r.end && r.start < h.end);
    let spaces = |s: &str| !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\t');
    let core = text.get(range.clone())?;
    let mut before: Vec<&str> = Vec::new();
    let mut at = range.start;
    while before.len() < 2 {
        let head = &text[..at];
        let word_end = head.trim_end_matches([' ', '\t']).len();
        if !spaces(&head[word_end..]) {
            break;
        }
        let word_start = head[..word_end]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word_start == word_end || !free(&(word_start..word_end)) {
            break;
        }
        before.insert(0, &text[word_start..word_end]);
        at = word_start;
    }
    let tail = &text[range.end..];
    let word_start = range.end + (tail.len() - tail.trim_start_matches([' ', '\t']).len());
    let word_end = text[word_start..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| word_start + i);
    let after = (word_start > range.end && word_end > word_start && free(&(word_start..word_end)))
        .then(|| &text[word_start..word_end]);
    if before.is_empty() && after.is_none() {
        return None;
    }
    let mut words = before;
    words.push(core);
    words.extend(after);
    Some(words.join(" "))
}

/// The case's accepted marks that hide some text.
fn accepted(folder: &CaseFolder) -> Result<Vec<Mark>> {
    Ok(folder
        .store
        .accepted_marks()?
        .into_iter()
        .filter(|m| !m.text.trim().is_empty())
        .collect())
}

/// Every word the case's texts use outside the redactions, and the words
/// Disclose prints itself.
fn unredacted_words(folder: &CaseFolder, marks: &[Mark]) -> Result<HashSet<String>> {
    let mut allowed: HashSet<String> = HashSet::new();
    let case = folder.case()?;
    let own = format!(
        "{} item page of attachments {}",
        case.reference,
        folder
            .reasons()?
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    allowed.extend(words(&own));
    let mut by_item: HashMap<i64, Vec<&Mark>> = HashMap::new();
    for mark in marks {
        by_item.entry(mark.item_id).or_default().push(mark);
    }
    for item in folder.store.items(None)? {
        let text = folder.store.text(item.id)?;
        let mut hidden = Vec::new();
        for mark in by_item.get(&item.id).into_iter().flatten() {
            hidden.extend(folder.store.hidden_ranges(mark)?);
        }
        let ranges = marks::merge_ranges(hidden);
        let mut at = 0;
        for range in ranges
            .iter()
            .chain(std::iter::once(&(text.len()..text.len())))
        {
            if let Some(piece) = text.get(at..range.start) {
                allowed.extend(words(piece));
            }
            at = range.end.max(at);
        }
    }
    Ok(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_number_is_looked_for_with_the_unredacted_words_beside_it() {
        let text = "Mr Singh from 29 came out, the woman at 27, then\n4 was quiet";
        let at = |s: &str| text.find(s).unwrap();
        let singh = at("Singh")..at("Singh") + 5;
        let phrase = |n: &str| beside(text, std::slice::from_ref(&singh), at(n)..at(n) + 2);
        assert_eq!(phrase("29").as_deref(), Some("from 29 came"));
        assert_eq!(phrase("27").as_deref(), Some("woman at 27"));
        assert_eq!(
            beside(text, &[], at("\n4") + 1..at("\n4") + 2).as_deref(),
            Some("4 was")
        );
        assert_eq!(beside("27", &[], 0..2), None);
        assert!(
            bare_number("4B") && bare_number("27") && !bare_number("2745 1") && !bare_number("B4")
        );
    }

    #[test]
    fn word_ends_are_the_fragments_looked_for() {
        assert_eq!(ends("smith"), ["smi", "ith", "smit", "mith"]);
        assert!(ends("abc").is_empty());
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("okafor", "okafor"), 0);
        assert_eq!(edit_distance("okafor", "0kafor"), 1);
        assert_eq!(edit_distance("okafor", "okfor"), 1);
        assert_eq!(edit_distance("fairbairn", "fairbaim"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn words_know_where_they_start() {
        assert_eq!(
            words_at("Mrs Łukasz, 12b"),
            [
                ("mrs".to_string(), 0),
                ("łukasz".to_string(), 4),
                ("12b".to_string(), 13)
            ]
        );
    }
}

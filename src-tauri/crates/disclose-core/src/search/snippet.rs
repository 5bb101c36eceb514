//! Highlighted snippets cut from a window of an item's text. The index
//! keeps where each word of an item stands (its position), so where the
//! query's words fall is read from the index rather than found by
//! analysing the whole text: the snippet is cut around the densest run of
//! them, and only that window is analysed, with the field's own analyser,
//! so a highlight shows the form that matched ("complaints" for
//! `complaint`). A text of a megabyte then costs a scan for the start of
//! one word, not the analysis and stemming of every word.

use tantivy::postings::Postings;
use tantivy::query::Query;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::{DocAddress, DocSet, Searcher, Term};

use crate::error::Result;
use crate::extract::text::floor_char_boundary;

/// The longest snippet, in characters.
const MAX_CHARS: usize = 200;
/// How many positions a run of matched words may span: about the words of
/// one snippet.
const SPAN: u32 = 24;
/// Words shown before the run's first matched word.
const BEFORE: u32 = 6;
/// Bytes of text analysed for one snippet: a few snippets' worth, so the
/// best passage near the run is chosen as before.
const WINDOW: usize = 1_000;

/// A snippet: the passage, where it starts in the item's text, and the
/// byte ranges of the matched words within it.
pub(super) struct Cut {
    pub text: String,
    pub offset: usize,
    pub highlights: Vec<(usize, usize)>,
}

/// Cuts snippets for one text field (as written, or stemmed).
pub(super) struct Maker {
    field: Field,
    /// The query's words in the field that the index holds, each with the
    /// weight tantivy's snippets give it (rarer words weigh more).
    terms: Vec<(Term, f32)>,
    generator: SnippetGenerator,
}

impl Maker {
    /// A maker for `field`, or none when the query has no word in it that
    /// the index holds (`type:pdf`, a quoted phrase's stems): such a maker
    /// could only give an empty snippet.
    pub fn create(searcher: &Searcher, query: &dyn Query, field: Field) -> Result<Option<Maker>> {
        let mut words = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field && term.value().as_str().is_some() {
                words.push(term.clone());
            }
        });
        words.sort();
        words.dedup();
        let mut terms = Vec::new();
        for term in words {
            let in_items = searcher.doc_freq(&term)?;
            if in_items > 0 {
                terms.push((term, 1.0 / (1.0 + in_items as f32)));
            }
        }
        if terms.is_empty() {
            return Ok(None);
        }
        let mut generator = SnippetGenerator::create(searcher, query, field)?;
        generator.set_max_num_chars(MAX_CHARS);
        Ok(Some(Maker {
            field,
            terms,
            generator,
        }))
    }

    /// The snippet of the document at `address`, whose stored text is
    /// `text`; none when no word of the query is in the text.
    pub fn cut(&self, searcher: &Searcher, address: DocAddress, text: &str) -> Result<Option<Cut>> {
        let found = self.positions(searcher, address)?;
        let Some(run) = densest_run(&found) else {
            return Ok(None);
        };
        let from = run.saturating_sub(BEFORE);
        let start = if from == 0 {
            Some(0)
        } else {
            word_start(text, from)
        };
        let window = start.map(|start| {
            let end = word_boundary_before(text, floor_char_boundary(text, start + WINDOW));
            (start, end.max(start))
        });
        if let Some((start, end)) = window {
            let snippet = self.generator.snippet(&text[start..end]);
            if !snippet.highlighted().is_empty() {
                return Ok(Some(cut_of(&snippet, start)));
            }
        }
        // The index and the stored text disagree (the index is older than
        // the text): the whole text is analysed, as it always was.
        let snippet = self.generator.snippet(text);
        Ok((!snippet.highlighted().is_empty()).then(|| cut_of(&snippet, 0)))
    }

    /// Positions of the query's words in the document, in order, each
    /// with its word's weight.
    fn positions(&self, searcher: &Searcher, address: DocAddress) -> Result<Vec<(u32, f32)>> {
        let segment = searcher.segment_reader(address.segment_ord);
        let inverted = segment.inverted_index(self.field)?;
        let mut found = Vec::new();
        let mut positions = Vec::new();
        for (term, weight) in &self.terms {
            let Some(mut postings) =
                inverted.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
            else {
                continue;
            };
            // A fresh list stands on its first document, and may only seek forward.
            if postings.doc() > address.doc_id || postings.seek(address.doc_id) != address.doc_id {
                continue;
            }
            postings.positions(&mut positions);
            found.extend(positions.iter().map(|&p| (p, *weight)));
        }
        found.sort_by_key(|&(position, _)| position);
        Ok(found)
    }
}

fn cut_of(snippet: &Snippet, start: usize) -> Cut {
    Cut {
        text: snippet.fragment().to_string(),
        offset: start + snippet.fragment_range().start,
        highlights: snippet
            .highlighted()
            .iter()
            .map(|r| (r.start, r.end))
            .collect(),
    }
}

/// The first position of the run of matched words, within [`SPAN`]
/// positions of each other, of the greatest weight (the earliest of
/// equals), as tantivy scores a passage.
fn densest_run(found: &[(u32, f32)]) -> Option<u32> {
    let mut best: Option<(f32, u32)> = None;
    let (mut end, mut weight) = (0, 0.0);
    for &(first, first_weight) in found {
        while end < found.len() && found[end].0 < first.saturating_add(SPAN) {
            weight += found[end].1;
            end += 1;
        }
        // Sums kept by adding and taking away drift by a rounding error.
        if best.is_none_or(|(most, _)| weight > most + 1e-6) {
            best = Some((weight, first));
        }
        weight -= first_weight;
    }
    best.map(|(_, position)| position)
}

/// Where the word at `position` starts, counting words as the index's
/// tokenizer does (runs of letters and digits, from 0); none past the end.
fn word_start(text: &str, position: u32) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut words = 0u32;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let (alphanumeric, width) = if bytes[i] < 0x80 {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("at a char boundary");
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alphanumeric && !in_word {
            if words == position {
                return Some(i);
            }
            words += 1;
        }
        in_word = alphanumeric;
        i += width;
    }
    None
}

/// `end`, moved back to the start of the word it would cut in two, so a
/// word cut short ("complaint" of "complaints") is never highlighted.
fn word_boundary_before(text: &str, end: usize) -> usize {
    let cuts_a_word = |at: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().next();
        matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
    };
    let mut end = end;
    while end > 0 && cuts_a_word(end) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_the_tokenizer_counts_them() {
        let text = "Dear Ms Okafor, — your complaint (ref 12-B) about Renée's damp";
        let mut tokenizer = tantivy::tokenizer::SimpleTokenizer::default();
        let mut stream = tantivy::tokenizer::Tokenizer::token_stream(&mut tokenizer, text);
        let mut position = 0;
        while let Some(token) = tantivy::tokenizer::TokenStream::next(&mut stream) {
            assert_eq!(word_start(text, position), Some(token.offset_from));
            position += 1;
        }
        assert_eq!(word_start(text, position), None);
    }

    #[test]
    fn the_densest_run_wins_and_the_earliest_of_equals() {
        assert_eq!(densest_run(&[]), None);
        assert_eq!(densest_run(&[(5, 0.5), (100, 0.5), (110, 0.5)]), Some(100));
        assert_eq!(densest_run(&[(5, 0.5), (100, 0.5)]), Some(5));
        assert_eq!(densest_run(&[(5, 0.1), (100, 0.5)]), Some(100));
    }

    #[test]
    fn a_window_never_ends_inside_a_word() {
        let text = "the complaints were";
        assert_eq!(word_boundary_before(text, 13), 4);
        assert_eq!(word_boundary_before(text, 14), 14);
        assert_eq!(word_boundary_before(text, text.len()), text.len());
    }
}

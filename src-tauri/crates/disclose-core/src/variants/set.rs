//! Many terms' [`Variants`] looked for in one text at once: what the leak
//! check does with every string a case redacted, in every text of every
//! rendition.
//!
//! One Aho-Corasick automaton holds every term's literals (see
//! [`super::literals`]) and is built once. A text is folded and searched
//! with it in one pass, overlapping matches included (a term inside
//! another's literal is still seen); only the terms one of whose literals
//! it holds — and those that have none — have their own pattern run, with
//! its exact rules (letter case, word edges, every form). What is found is
//! therefore what running every term's pattern would find, in the same
//! order. A term's pattern is compiled the first time a text may hold it,
//! once for all threads and all clones of the set.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};

use super::literals::fold;
use super::{Prepared, Variants};

/// Terms' variants, searched together.
#[derive(Clone)]
pub struct VariantSet {
    terms: Arc<[Term]>,
    /// Every distinct literal, in the automaton's order.
    automaton: Option<AhoCorasick>,
    /// For each literal, the terms that hold it.
    holders: Vec<Vec<usize>>,
    /// The terms with no literal, run on every text.
    always: Vec<usize>,
}

/// A term, and its pattern once compiled (`None` when it cannot be: it
/// then finds nothing, as a term left out would).
struct Term {
    prepared: Prepared,
    compiled: OnceLock<Option<Variants>>,
}

impl VariantSet {
    pub fn new(terms: Vec<Prepared>) -> VariantSet {
        let mut literals: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut holders: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (term, variants) in terms.iter().enumerate() {
            let Some(own) = variants.literals() else {
                always.push(term);
                continue;
            };
            for literal in own {
                let at = *index.entry(literal.clone()).or_insert_with(|| {
                    literals.push(literal.clone());
                    holders.push(Vec::new());
                    literals.len() - 1
                });
                holders[at].push(term);
            }
        }
        let automaton = (!literals.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&literals)
                .expect("literals make an automaton")
        });
        VariantSet {
            terms: terms
                .into_iter()
                .map(|prepared| Term {
                    prepared,
                    compiled: OnceLock::new(),
                })
                .collect(),
            automaton,
            holders,
            always,
        }
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms `text` may hold, in order: those one of whose literals
    /// its folded form holds, and those with none.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let mut wanted = vec![false; self.terms.len()];
        for &term in &self.always {
            wanted[term] = true;
        }
        if let Some(automaton) = &self.automaton {
            for found in automaton.find_overlapping_iter(&fold(text)) {
                for &term in &self.holders[found.pattern().as_usize()] {
                    wanted[term] = true;
                }
            }
        }
        (0..self.terms.len()).filter(|&t| wanted[t]).collect()
    }

    /// Where each term occurs in `text`: the term's index and the range,
    /// term by term in order, each term's places in order — as running
    /// [`Variants::find_iter`] of each term in turn would give.
    pub fn find_iter(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        for index in self.candidates(text) {
            let term = &self.terms[index];
            let compiled = term.compiled.get_or_init(|| term.prepared.compile().ok());
            if let Some(variants) = compiled {
                out.extend(variants.find_iter(text).map(|range| (index, range)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TERMS: &[&str] = &[
        "John Smith",
        "Smith",
        "Jo",
        "Anne-Marie Fairbairn",
        "Fairbairn",
        "Zoë Okafor",
        "Zoë",
        "0113 496 0123",
        "AB 12 34 56 C",
        "LS1 4AP",
        "tiffany@example.org",
        "TEN-004417",
        "04/03/1985",
        "3 March 2026",
        "Parent",
        "PDF",
        "Ł",
        "O'Brien",
        "woman at 27",
    ];

    const TEXTS: &[&str] = &[
        "JOHN SMITH; john\n smith; John-Smith; Smith, John; J. Smith; John Smith's dog; Johnny Smithers",
        "spoke to Tiffany\n> Okonjo; Anne\u{2011}Marie Fairbairn; Fair\u{ad}bairn; Anne\u{a0}Marie; O’Brien; Fair-\n> bairn",
        "Zoë Okafor · zoë okafor's flat; ZoëOkafor; Okaforé; xJo Jo Jo; Zoë.",
        "a 0113 496 0123 b +44 113 496 0123 c 01134960123 d +44 (0)113 496-0123 e (0113) 4960123",
        "ni AB123456C or ab 12 34 56 c, not XAB123456C; LS1 4AP and ls14ap",
        "mailto:tiffany@example.org; tiffany%40example.org; ref TEN004417, ten 004417",
        "born 4.3.85, 4th March 1985, March 4, 1985, 1985-03-04, 3rd Mar 26, 03/03/26",
        "%PDF-1.7 /Parent 2 0 R ſmith \u{212A}ay Łódź, the woman at  27 said",
        "",
    ];

    /// Each term's own variants, and the set of all of them.
    fn each_and_together(terms: &[&str]) -> (Vec<Variants>, VariantSet) {
        let each = terms.iter().map(|t| Variants::new(t).unwrap()).collect();
        let together = VariantSet::new(
            terms
                .iter()
                .map(|t| Variants::prepare(t).unwrap())
                .collect(),
        );
        (each, together)
    }

    /// What each term finds in `text` on its own, term by term.
    fn alone(terms: &[Variants], text: &str) -> Vec<(usize, Range<usize>)> {
        terms
            .iter()
            .enumerate()
            .flat_map(|(i, v)| v.find_iter(text).map(move |r| (i, r)))
            .collect()
    }

    #[test]
    fn finds_what_each_term_alone_finds() {
        let (terms, set) = each_and_together(TERMS);
        for text in TEXTS {
            assert_eq!(set.find_iter(text), alone(&terms, text), "in {text:?}");
        }
    }

    #[test]
    fn finds_what_each_term_alone_finds_in_texts_made_of_their_pieces() {
        let (terms, set) = each_and_together(TERMS);
        let mut pieces: Vec<&str> = TEXTS.iter().flat_map(|t| t.split(' ')).collect();
        pieces.extend(TERMS.iter().flat_map(|t| t.split(' ')));
        pieces.extend([
            " ", "\u{AD}", "-\n> ", "\u{17F}", "\u{212A}", "ë", ",", ".", "'", "@", "%40", "th",
        ]);
        // A fixed sequence of picks (a linear congruential generator).
        let mut state: u64 = 18;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let mut with_finds = 0;
        for _ in 0..3000 {
            let length = 1 + next(8);
            let text: String = (0..length).map(|_| pieces[next(pieces.len())]).collect();
            let alone = alone(&terms, &text);
            with_finds += usize::from(!alone.is_empty());
            assert_eq!(set.find_iter(&text), alone, "in {text:?}");
        }
        assert!(with_finds > 300, "only {with_finds} texts hold a term");
    }

    #[test]
    fn a_term_inside_another_and_overlapping_terms_are_both_found() {
        let terms = ["Anne Marie", "Marie Fairbairn", "Fairbairn", "Marie"];
        let set = VariantSet::new(
            terms
                .iter()
                .map(|t| Variants::prepare(t).unwrap())
                .collect(),
        );
        let text = "Anne Marie Fairbairn";
        let found: Vec<(usize, &str)> = set
            .find_iter(text)
            .into_iter()
            .map(|(term, range)| (term, &text[range]))
            .collect();
        assert_eq!(
            found,
            [
                (0, "Anne Marie"),
                (1, "Marie Fairbairn"),
                (2, "Fairbairn"),
                (3, "Marie")
            ]
        );
    }
}

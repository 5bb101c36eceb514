//! The statistical half of name detection: a linear token classifier (an
//! averaged perceptron, trained by us: `cargo bench --bench train_ner`)
//! that scores each word the rules left alone by hashed features — the
//! word, its shape and suffix, its neighbours, which word lists hold it,
//! what stands before and after it on the line, and what the rules found
//! elsewhere in the same text. It earns recall where the rules have no list
//! entry and no cue ("delivered to Raj", a lower-case sign-off); the rules
//! keep precision, since places, organisations and titles never reach it.
//! The weights are `model.bin` next to this module: a header, two
//! thresholds (words in no English list; ordinary words) and (feature
//! hash, weight) pairs, little-endian.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::tokens::{gap, sentence_start, Shape, Tok};
use crate::detect::lexicon as lex;

const MAGIC: &[u8; 8] = b"DSCNER02";

/// The weights shipped with Disclose.
pub static BUILT_IN: LazyLock<Model> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("model.bin")).unwrap_or_default());

/// Feature weights and the scores above which a word is a name: one for
/// words in no English list, a higher one for words that are also
/// ordinary words ("mark", "Grace", "Room") or stand in a shouted clause.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: HashMap<u32, f32, BuildHasherDefault<lex::Fnv>>,
    threshold: f32,
    word_threshold: f32,
}

impl Model {
    pub fn new(weights: impl IntoIterator<Item = (u32, f32)>, threshold: f32) -> Model {
        Model {
            weights: weights.into_iter().filter(|(_, w)| *w != 0.0).collect(),
            threshold,
            word_threshold: threshold,
        }
    }

    /// The same model with another threshold for words that are also
    /// ordinary words.
    pub fn with_word_threshold(mut self, word_threshold: f32) -> Model {
        self.word_threshold = word_threshold;
        self
    }

    /// Reads the file format written by [`Model::to_bytes`]; `None` when it
    /// is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC.as_slice())?;
        let (threshold, rest) = rest.split_first_chunk::<4>()?;
        let (word_threshold, rest) = rest.split_first_chunk::<4>()?;
        if rest.len() % 8 != 0 {
            return None;
        }
        let weights = rest.chunks_exact(8).map(|c| {
            let (h, w) = c.split_at(4);
            (
                u32::from_le_bytes(h.try_into().unwrap_or_default()),
                f32::from_le_bytes(w.try_into().unwrap_or_default()),
            )
        });
        Some(
            Model::new(weights, f32::from_le_bytes(*threshold))
                .with_word_threshold(f32::from_le_bytes(*word_threshold)),
        )
    }

    /// The weights as a file: sorted, so the same model is the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut pairs: Vec<(u32, f32)> = self.weights.iter().map(|(h, w)| (*h, *w)).collect();
        pairs.sort_by_key(|p| p.0);
        let mut out = MAGIC.to_vec();
        out.extend(self.threshold.to_le_bytes());
        out.extend(self.word_threshold.to_le_bytes());
        for (h, w) in pairs {
            out.extend(h.to_le_bytes());
            out.extend(w.to_le_bytes());
        }
        out
    }

    pub fn score(&self, features: &[u32]) -> f32 {
        features
            .iter()
            .map(|f| self.weights.get(f).copied().unwrap_or(0.0))
            .sum()
    }

    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    pub fn word_threshold(&self) -> f32 {
        self.word_threshold
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// What the rules found in the whole text, as the model sees it.
pub(super) struct Context {
    /// Every word of a name the rules found, lower case.
    pub(super) name_words: HashSet<String>,
    /// The first words of names of two or more words: given names.
    pub(super) given_words: HashSet<String>,
}

/// Whether the model looks at token `k` at all: a word the rules left
/// alone that could be a name. A word in lower case only when a list holds
/// it as a name ("mark", "bob"): lower-case words in no list are more often
/// typing slips, abbreviations and codes than names. The common words of
/// housing records only when they are also names.
pub(super) fn candidate(t: &Tok<'_>) -> bool {
    // "don't", "I'll"; not "O'Brien".
    let contraction = || {
        t.word
            .char_indices()
            .any(|(i, c)| i > 1 && matches!(c, '\'' | '’'))
    };
    // "SIGN-UP", "CHECK-IN": words of a form's heading joined by a hyphen.
    let compound = || {
        t.word.contains('-')
            && t.word.split('-').all(|part| {
                let b = lex::Bits::of(part);
                !part.is_empty()
                    && (b.is_english() || b.is_common())
                    && !b.is_given()
                    && !b.is_surname()
            })
    };
    !t.lex.is_title()
        && !t.lex.is_job_word()
        && (t.shape != Shape::Lower || t.lex.is_given() || t.lex.is_surname())
        && (!t.lex.is_common() || t.lex.is_given() || t.lex.is_surname())
        && !compound()
        && t.word.chars().nth(1).is_some()
        && !contraction()
        && t.glued().is_none()
}

fn hash(tag: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(tag);
    for p in parts {
        for &b in *p {
            eat(b);
        }
        eat(0xff);
    }
    h
}

fn lists(word: lex::Bits) -> u16 {
    let flags = [
        word.is_given(),
        word.is_surname(),
        word.is_english(),
        word.is_common(),
        word.is_ambiguous(),
        word.is_street(),
        word.is_org(),
        word.is_month_or_day(),
        word.is_word_surname(),
        word.is_title(),
    ];
    flags
        .iter()
        .enumerate()
        .fold(0, |acc, (i, f)| acc | (u16::from(*f) << i))
}

fn shape_code(t: Option<&Tok<'_>>) -> u8 {
    match t.map(|t| t.shape) {
        None => 0,
        Some(Shape::Initial) => 1,
        Some(Shape::Cap) => 2,
        Some(Shape::Upper) => 3,
        Some(Shape::Lower) => 4,
    }
}

/// The punctuation class of the text between two words, or of the edge
/// of a line.
fn gap_class(g: &str) -> u8 {
    let g = g.trim_matches([' ', '\t']);
    if g.is_empty() {
        return 0;
    }
    if g.contains('\n') {
        return if g.trim().is_empty() { 1 } else { 2 };
    }
    match g.chars().next().unwrap_or(' ') {
        ',' => 3,
        '.' => 4,
        ':' => 5,
        ';' => 6,
        '<' | '>' => 7,
        '@' => 8,
        '(' | ')' | '[' | ']' => 9,
        '"' | '\'' => 10,
        '-' | '–' | '/' => 11,
        c if c.is_ascii_digit() => 12,
        _ => 13,
    }
}

/// Per-token facts the features share, computed once per token and only
/// for the tokens the model looks at and their neighbours; and the first
/// word of the line last asked about.
pub(super) struct Words {
    cache: Vec<Option<(String, u16)>>,
    /// Where a line starts, where its first word ends, the word.
    line: Option<(usize, usize, String)>,
    scratch: String,
}

impl Words {
    pub(super) fn new(n: usize) -> Words {
        Words {
            cache: vec![None; n],
            line: None,
            scratch: String::new(),
        }
    }

    /// Works out token `k` in lower case and the word lists that hold it.
    fn fill(&mut self, toks: &[Tok<'_>], k: usize) {
        self.cache[k].get_or_insert_with(|| (toks[k].word.to_lowercase(), lists(toks[k].lex)));
    }

    /// Token `k` as [`Words::fill`] worked it out.
    fn at(&self, k: usize) -> (&str, u16) {
        self.cache[k]
            .as_ref()
            .map_or(("", 0), |(w, l)| (w.as_str(), *l))
    }

    /// The first word of the line before byte `pos` (the line starts at
    /// `line_start`), lower case: "to" of "To:", "cc" of "cc:". Worked out
    /// once a line: a word with a separator after it is the same for every
    /// later word of the line.
    fn line_head(&mut self, text: &str, line_start: usize, pos: usize) -> &str {
        let known = self
            .line
            .as_ref()
            .is_some_and(|(from, end, _)| *from == line_start && *end < pos);
        if !known {
            let line = &text[line_start..pos];
            let (a, b) = match line.find(char::is_alphanumeric) {
                Some(a) => {
                    let rest = &line[a..];
                    (
                        a,
                        a + rest
                            .find(|c: char| !c.is_alphanumeric())
                            .unwrap_or(rest.len()),
                    )
                }
                None => (line.len(), line.len()),
            };
            let (head, end) = (line[a..b].to_lowercase(), line_start + b);
            // Kept only when the word ends before `pos`: then it is whole.
            if end < pos {
                self.line = Some((line_start, end, head));
            } else {
                self.line = None;
                self.scratch = head;
                return &self.scratch;
            }
        }
        self.line.as_ref().map_or("", |(_, _, h)| h.as_str())
    }
}

/// The hashed features of token `k`.
pub(super) fn features(
    text: &str,
    toks: &[Tok<'_>],
    k: usize,
    ctx: &Context,
    words: &mut Words,
    out: &mut Vec<u32>,
) {
    out.clear();
    let t = &toks[k];
    let s0 = shape_code(Some(t));
    let line_from = text[..t.start].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_from..t.start];
    // The first word of the line: "To:", "cc:", "From:" headers.
    let line_head = hash(
        14,
        &[words.line_head(text, line_from, t.start).as_bytes(), &[s0]],
    );
    for j in k.saturating_sub(2)..(k + 2).min(toks.len()) {
        words.fill(toks, j);
    }
    let (w, l0) = words.at(k);
    let prev = k.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(k + 1);
    let (pw, lp) = match k.checked_sub(1) {
        Some(p) => words.at(p),
        None => ("", 0xffff),
    };
    let (nw, ln) = if k + 1 < toks.len() {
        words.at(k + 1)
    } else {
        ("", 0xffff)
    };
    let pw2 = match k.checked_sub(2) {
        Some(p) => words.at(p).0,
        None => "",
    };
    let (sp, sn) = (shape_code(prev), shape_code(next));
    let flags = l0;
    let (l0, lp, ln) = (l0.to_le_bytes(), lp.to_le_bytes(), ln.to_le_bytes());
    let before = match prev {
        Some(p) => &text[p.full_end..t.start],
        None => &text[..t.start],
    };
    let line_start = line.trim().is_empty();
    let gb = if line_start { 1 } else { gap_class(before) };
    let ga = gap_class(gap(text, toks, k));
    let possessive = u8::from(t.end != t.full_end);
    let opens = u8::from(sentence_start(text, t.start));
    let n = w.chars().count();
    let tail = |c: usize| {
        w.char_indices()
            .nth(n.saturating_sub(c))
            .map_or(0, |(i, _)| i)
    };
    let (suffix3, suffix2) = (&w[tail(3)..], &w[tail(2)..]);
    let len = n.min(12) as u8;
    let in_doc = u8::from(ctx.name_words.contains(w));
    let given_in_doc = u8::from(ctx.given_words.contains(w));

    out.push(hash(0, &[]));
    out.push(hash(1, &[w.as_bytes()]));
    out.push(hash(2, &[&[s0], &l0]));
    out.push(hash(3, &[&[s0], suffix3.as_bytes()]));
    out.push(hash(4, &[&[s0], suffix2.as_bytes()]));
    out.push(hash(5, &[pw.as_bytes()]));
    out.push(hash(6, &[nw.as_bytes()]));
    out.push(hash(7, &[&[sp, s0, sn]]));
    out.push(hash(8, &[&lp, &[s0]]));
    out.push(hash(9, &[&ln, &[s0]]));
    out.push(hash(10, &[&[gb, s0, ga]]));
    out.push(hash(11, &[&[s0, opens, possessive]]));
    out.push(hash(12, &[&[s0, len]]));
    out.push(hash(13, &[&[s0, in_doc, given_in_doc], &l0]));
    out.push(line_head);
    out.push(hash(15, &[pw2.as_bytes(), pw.as_bytes()]));
    out.push(hash(16, &[pw.as_bytes(), &[s0]]));
    out.push(hash(17, &[nw.as_bytes(), &[s0]]));
    out.push(hash(18, &[&[gb], &lp, &[s0]]));
    out.push(hash(19, &[&[ga], &ln, &[s0]]));
    for bit in 0..10u8 {
        if flags & (1 << bit) != 0 {
            out.push(hash(20, &[&[bit, s0, gb, ga]]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_and_other_bytes_are_no_model() {
        let model = Model::new([(7, 1.5), (3, -0.25), (9, 0.0)], 2.0).with_word_threshold(3.5);
        let bytes = model.to_bytes();
        let again = Model::from_bytes(&bytes).expect("a model");
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(again.score(&[7, 3, 9, 11]), 1.25);
        assert_eq!(again.threshold(), 2.0);
        assert_eq!(again.word_threshold(), 3.5);
        for bad in [
            &b""[..],
            b"DSCNER02",
            b"DSCNER02\0\0\0\0",
            b"DSCNER02\0\0\0\0\0\0\0\0\x01",
            b"DSCNER01\0\0\0\0",
            b"NOTAMODEL\0\0\0",
        ] {
            assert!(Model::from_bytes(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn the_built_in_model_is_trained() {
        assert!(!BUILT_IN.is_empty());
        assert!(BUILT_IN.threshold().is_finite());
    }
}

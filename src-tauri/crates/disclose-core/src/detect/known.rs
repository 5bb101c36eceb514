//! Names a case already knows, found again in any text in any letter case:
//! names detected with a strong cue elsewhere in the case ("PC Dawson" in
//! one item finds "dawson" in another) and names a reviewer accepted for
//! redaction ("Accept for this person", "Redact everywhere"), so a later
//! detection run finds that person in items imported since.

use std::collections::HashMap;

use super::lexicon as lex;
use super::names::words;
use super::Finding;

/// Names as lower-case word sequences, by their first word.
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl KnownNames {
    pub fn new() -> KnownNames {
        KnownNames::default()
    }

    /// Adds a name as written ("Mrs Okafor", "Kelly Shane"), titles left
    /// out. A single word is added only when it is no English word, so
    /// "Mrs Brown" does not make every "brown" a name.
    pub fn add(&mut self, name: &str) {
        let phrase: Vec<String> = words(name)
            .into_iter()
            .map(|(s, e, _)| name[s..e].to_lowercase())
            .filter(|w| !lex::is_title(w))
            .collect();
        let Some(first) = phrase.first() else {
            return;
        };
        if phrase.len() == 1
            && (first.chars().count() < 3
                || lex::is_english(first)
                || lex::is_common(first)
                || lex::is_ambiguous(first))
        {
            return;
        }
        let list = self.by_first.entry(first.clone()).or_default();
        if !list.contains(&phrase) {
            list.push(phrase);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Every occurrence of a known name in `text`, the longest at each word.
    pub fn find(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let ws = words(text);
        let lower: Vec<String> = ws
            .iter()
            .map(|&(s, e, _)| text[s..e].to_lowercase())
            .collect();
        let mut i = 0;
        while i < ws.len() {
            let matched = self
                .by_first
                .get(&lower[i])
                .into_iter()
                .flatten()
                .filter(|phrase| {
                    i + phrase.len() <= ws.len()
                        && phrase.iter().zip(&lower[i..]).all(|(a, b)| a == b)
                        && ws[i..i + phrase.len() - 1].iter().all(|w| w.2)
                })
                .map(Vec::len)
                .max();
            match matched {
                Some(n) => {
                    let (start, end) = (ws[i].0, ws[i + n - 1].1);
                    out.push(Finding::person(text, start, end, 0.8));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

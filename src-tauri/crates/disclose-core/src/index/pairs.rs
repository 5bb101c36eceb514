//! Adjacent word pairs, so that a two-word phrase is one term. A phrase
//! query reads where each of its words stands in every item holding both,
//! which is most of a case for common words ("housing file"); a term of
//! the pair's own is counted and ranked from its list of items alone.
//! The pairs are made from the same words as the fields as written, and
//! only from words that stand next to each other there (a word too long
//! to index breaks a pair, as it breaks a phrase).
//!
//! Only ordinary English words (the leak check's list, see
//! [`crate::verify::ordinary`]) and words of one or two letters or digits
//! are paired: the words a phrase found in much of a case is made of. A
//! name, a reference ("00412", "ab12cd"), a number of three digits or
//! more or a rare word is not. A phrase holding one is in few items, so it
//! reads few positions and needs no pair, and every distinct pair costs
//! the import's last commit its share: on the shared corpus such words
//! made 45% of the distinct pairs and 39% of the pairs written.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::verify::ordinary;

/// Joins each word to the one after it: "rent arrears letter" gives
/// "rent arrears" and "arrears letter". The words hold no spaces (the
/// tokenizer splits on them), so a space joins them.
#[derive(Clone)]
pub struct WordPairs;

/// The pair term of two words as the tokenizer gives them, or `None`
/// when the two are not paired in the index (see [`pairs_with`]). A
/// search asks about one pair, so the word list is read, not loaded.
pub fn pair_term(first: &str, second: &str) -> Option<String> {
    let paired = |word| pairs_with(word, ordinary::is_ordinary_uncached);
    (paired(first) && paired(second)).then(|| format!("{first} {second}"))
}

/// Whether a word is paired with its neighbours: an ordinary word (as
/// `is_ordinary` says), or one of one or two letters or of one or two
/// digits.
fn pairs_with(word: &str, is_ordinary: fn(&str) -> bool) -> bool {
    let short = word.len() <= 2 && {
        let digits = word.bytes().filter(u8::is_ascii_digit).count();
        digits == 0 || digits == word.len()
    };
    short || is_ordinary(word)
}

impl TokenFilter for WordPairs {
    type Tokenizer<T: Tokenizer> = WordPairsOf<T>;

    fn transform<T: Tokenizer>(self, words: T) -> WordPairsOf<T> {
        WordPairsOf { words }
    }
}

#[derive(Clone)]
pub struct WordPairsOf<T> {
    words: T,
}

impl<T: Tokenizer> Tokenizer for WordPairsOf<T> {
    type TokenStream<'a> = WordPairStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordPairStream {
            words: self.words.token_stream(text),
            previous: None,
            pair: Token::default(),
        }
    }
}

pub struct WordPairStream<S> {
    words: S,
    previous: Option<Token>,
    pair: Token,
}

impl<S: TokenStream> TokenStream for WordPairStream<S> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let word = self.words.token();
            let joined = match &self.previous {
                Some(before)
                    if before.position + 1 == word.position
                        && pairs_with(&before.text, ordinary::is_ordinary)
                        && pairs_with(&word.text, ordinary::is_ordinary) =>
                {
                    self.pair.text.clear();
                    self.pair.text.push_str(&before.text);
                    self.pair.text.push(' ');
                    self.pair.text.push_str(&word.text);
                    self.pair.offset_from = before.offset_from;
                    self.pair.offset_to = word.offset_to;
                    self.pair.position = before.position;
                    self.pair.position_length = 2;
                    true
                }
                _ => false,
            };
            match &mut self.previous {
                Some(before) => before.clone_from(word),
                None => self.previous = Some(word.clone()),
            }
            if joined {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.pair
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.pair
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

    fn pairs(text: &str) -> Vec<String> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(8))
            .filter(LowerCaser)
            .filter(WordPairs)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn each_word_is_paired_with_the_next_and_a_dropped_word_breaks_the_pair() {
        assert_eq!(
            pairs("Rent arrears, letter sent."),
            ["rent arrears", "arrears letter", "letter sent"]
        );
        assert_eq!(pairs("rent"), Vec::<String>::new());
        // "unbelievably" is too long for this analyser: no pair spans it.
        assert_eq!(pairs("mill unbelievably lane here"), ["lane here"]);
    }

    #[test]
    fn names_references_and_longer_numbers_are_not_paired() {
        assert_eq!(
            pairs("flat 3 in ab12 on 2026 0412345 here a1 of okafor rent"),
            ["flat 3", "3 in"]
        );
        assert_eq!(
            pairs("the rent of 12 months"),
            ["the rent", "rent of", "of 12", "12 months"]
        );
        assert_eq!(pair_term("flat", "3").as_deref(), Some("flat 3"));
        assert_eq!(pair_term("ref", "ab12"), None);
        assert_eq!(pair_term("0412345", "here"), None);
        assert_eq!(pair_term("mrs", "okafor"), None);
        assert_eq!(pair_term("on", "a1"), None);
    }
}

//! Adjacent word pairs, so that a two-word phrase is one term. A phrase
//! query reads where each of its words stands in every item holding both,
//! which is most of a case for common words ("housing file"); a term of
//! the pair's own is counted and ranked from its list of items alone.
//! The pairs are made from the same words as the fields as written, and
//! only from words that stand next to each other there (a word too long
//! to index breaks a pair, as it breaks a phrase).

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Joins each word to the one after it: "rent arrears letter" gives
/// "rent arrears" and "arrears letter". The words hold no spaces (the
/// tokenizer splits on them), so a space joins them.
#[derive(Clone)]
pub struct WordPairs;

/// The pair term of two words as the tokenizer gives them.
pub fn pair_term(first: &str, second: &str) -> String {
    format!("{first} {second}")
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
                Some(before) if before.position + 1 == word.position => {
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
}

//! The query language: tantivy's syntax (terms, "phrases", AND/OR/NOT, +/-,
//! field:value, ranges, prefix*) plus what reviewers need that it lacks:
//! fuzzy terms (`smyth~1`, `okafor~`), plain dates (`date:2026-03-01`,
//! `date:[2026-01-01 TO 2026-03-31]`), and stemming: a plain word also
//! matches its inflected forms through the stemmed fields, while a quoted
//! phrase or `exact:word` matches only as written. Space means AND. A
//! two-word phrase is searched as one term of the word-pair field; the
//! snippets still want its words, so they are cut with the query as
//! written ([`parse_query_as_written`]).

use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::{CaseIndex, Fields};
use crate::error::{Error, Result};

pub const QUERY_HELP: &str = "\
Query syntax
  complaint             a word and its forms: complaints, complained (case and
                        accents ignored; English stemming)
  exact:complaint       the word only as written (no other forms)
  jane smith            both words (space means AND)
  jane OR janet         either word
  smith -council        smith but not council  (also: NOT council)
  \"jane smith\"          the exact phrase, words only as written
  \"jane smith\"~2        the words within 2 positions of each other (proximity)
  okaf*                 words starting with okaf (prefix)
  okafor~  okafor~2     fuzzy: up to 1 (or 2) letters different (misspellings)
  (rent OR arrears) AND eviction     grouping
Fields
  from:  to:  subject:  name:  path:  type:  date:  text:
  from:smith  to:\"jane smith\"  subject:repairs  type:pdf  path:housing
  date:2026-03-01  date:[2026-01-01 TO 2026-03-31]  date:>=2026-01-01
  ids:tel:+441614960000  ids:ni:ab123456c  ids:pc:sk11aa   normalised identifiers
Types: email msg mbox pdf docx doc odt xlsx xls ods ppt pptx csv json html rtf text zip image";

/// The pseudo-field that asks for a word only as written.
const EXACT: &str = "exact";

/// Parses `query` for the case's index, to search with.
pub fn parse_query(index: &CaseIndex, query: &str) -> Result<Box<dyn Query>> {
    parse(index, query, true)
}

/// Parses `query` with every phrase as its words in their fields, as the
/// snippets want them; it finds the same items as [`parse_query`].
pub fn parse_query_as_written(index: &CaseIndex, query: &str) -> Result<Box<dyn Query>> {
    parse(index, query, false)
}

fn parse(index: &CaseIndex, query: &str, pairs: bool) -> Result<Box<dyn Query>> {
    let f = index.fields;
    let defaults = vec![f.text, f.subject, f.from, f.to, f.name];
    let mut parser = QueryParser::for_index(&index.index, defaults.clone());
    parser.set_conjunction_by_default();
    let mut with_stems = defaults.clone();
    with_stems.extend([f.text_stemmed, f.subject_stemmed]);
    let mut stemming = QueryParser::for_index(&index.index, with_stems);
    stemming.set_conjunction_by_default();
    let ast = tantivy::query_grammar::parse_query(query).map_err(|_| {
        Error::Query(format!(
            "cannot parse '{query}': check quotes, brackets and field names"
        ))
    })?;
    let builder = Builder {
        parser: &parser,
        stemming: &stemming,
        fields: f,
        defaults: &defaults,
        index,
        pairs,
    };
    builder.build(ast)
}

struct Builder<'a> {
    /// Words as written, in the default fields or the one named.
    parser: &'a QueryParser,
    /// Plain words of no named field: also their stems.
    stemming: &'a QueryParser,
    fields: Fields,
    defaults: &'a [tantivy::schema::Field],
    index: &'a CaseIndex,
    /// Two-word phrases of the default fields as one word-pair term.
    pairs: bool,
}

impl Builder<'_> {
    fn build(&self, ast: UserInputAst) -> Result<Box<dyn Query>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subqueries = Vec::new();
                let all_negative = clauses
                    .iter()
                    .all(|(o, _)| matches!(o, Some(AstOccur::MustNot)));
                for (occur, sub) in clauses {
                    let occur = match occur {
                        Some(AstOccur::Should) => Occur::Should,
                        Some(AstOccur::MustNot) => Occur::MustNot,
                        Some(AstOccur::Must) | None => Occur::Must,
                    };
                    subqueries.push((occur, self.build(sub)?));
                }
                if all_negative {
                    subqueries.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(subqueries)))
            }
            UserInputAst::Boost(inner, boost) => Ok(Box::new(BoostQuery::new(
                self.build(*inner)?,
                boost.0 as f32,
            ))),
            UserInputAst::Leaf(leaf) => self.leaf(*leaf),
        }
    }

    fn leaf(&self, leaf: UserInputLeaf) -> Result<Box<dyn Query>> {
        if let UserInputLeaf::Literal(lit) = &leaf {
            if let Some(pair) = self.as_pair(lit) {
                return Ok(pair);
            }
        }
        match leaf {
            UserInputLeaf::Literal(lit)
                if lit.delimiter == Delimiter::None && fuzzy_term(&lit.phrase).is_some() =>
            {
                let (word, distance) = fuzzy_term(&lit.phrase).expect("checked in the guard");
                self.per_term(lit.field_name.as_deref(), word, |term| {
                    Box::new(FuzzyTermQuery::new(term, distance, true))
                })
            }
            UserInputLeaf::Literal(lit) if is_single_word_prefix(&lit.phrase, lit.prefix) => {
                let word = lit.phrase.trim_end_matches('*');
                self.per_term(lit.field_name.as_deref(), word, |term| {
                    Box::new(FuzzyTermQuery::new_prefix(term, 0, false))
                })
            }
            UserInputLeaf::Literal(lit) if lit.field_name.as_deref() == Some("date") => {
                let (lower, upper) = date_bounds_for_literal(&lit.phrase)?;
                self.via_parser(UserInputLeaf::Range {
                    field: Some("date".into()),
                    lower,
                    upper,
                })
            }
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } if field.as_deref() == Some("date") => self.via_parser(UserInputLeaf::Range {
                field,
                lower: widen_date(lower, false)?,
                upper: widen_date(upper, true)?,
            }),
            UserInputLeaf::Literal(mut lit) if lit.field_name.as_deref() == Some(EXACT) => {
                lit.field_name = None;
                self.via_parser(UserInputLeaf::Literal(lit))
            }
            UserInputLeaf::Literal(lit)
                if lit.field_name.is_none() && lit.delimiter == Delimiter::None =>
            {
                let leaf = UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit)));
                Ok(self.stemming.build_query_from_user_input_ast(leaf)?)
            }
            other => self.via_parser(other),
        }
    }

    /// `"housing file"` (or `exact:"housing file"`): a quoted phrase of
    /// two adjacent words in the default fields, as the one term of the
    /// word-pair field that means the same (when both words are paired
    /// there; otherwise a phrase as usual).
    fn as_pair(&self, lit: &UserInputLiteral) -> Option<Box<dyn Query>> {
        let plain_phrase = lit.delimiter != Delimiter::None
            && lit.slop == 0
            && !lit.prefix
            && matches!(lit.field_name.as_deref(), None | Some(EXACT));
        if !self.pairs || !plain_phrase {
            return None;
        }
        let words = self.words(&lit.phrase);
        let [first, second] = words.as_slice() else {
            return None;
        };
        if first.position + 1 != second.position {
            return None;
        }
        let term = Term::from_field_text(
            self.fields.pairs,
            &super::pairs::pair_term(&first.text, &second.text)?,
        );
        Some(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)))
    }

    /// The words of `text` as the fields as written hold them.
    fn words(&self, text: &str) -> Vec<tantivy::tokenizer::Token> {
        let mut analyzer = self
            .index
            .index
            .tokenizers()
            .get(super::TOKENIZER)
            .expect("tokenizer is registered");
        let mut words = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            words.push(token.clone());
        }
        words
    }

    fn via_parser(&self, leaf: UserInputLeaf) -> Result<Box<dyn Query>> {
        Ok(self
            .parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))?)
    }

    /// A query per word of `word`, in the named field or the default
    /// fields, any of which may match (`okafor~`, `okaf*`).
    fn per_term(
        &self,
        field: Option<&str>,
        word: &str,
        make: impl Fn(Term) -> Box<dyn Query>,
    ) -> Result<Box<dyn Query>> {
        let fields = match field.filter(|name| *name != EXACT) {
            Some(name) => vec![self
                .index
                .index
                .schema()
                .get_field(name)
                .map_err(|_| Error::Query(format!("unknown field '{name}'")))?],
            None => self.defaults.to_vec(),
        };
        let terms: Vec<String> = self.words(word).into_iter().map(|w| w.text).collect();
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in fields {
            if field == self.fields.ids || field == self.fields.file_type {
                continue;
            }
            for t in &terms {
                should.push((Occur::Should, make(Term::from_field_text(field, t))));
            }
        }
        Ok(Box::new(BooleanQuery::new(should)))
    }
}

/// `okafor~` (one edit) or `okafor~2` (two): the grammar leaves the tilde
/// in the word.
fn fuzzy_term(word: &str) -> Option<(&str, u8)> {
    let (stem, distance) = word.rsplit_once('~')?;
    let distance = match distance {
        "" => 1,
        d => d.parse::<u8>().ok()?.clamp(1, 2),
    };
    (!stem.is_empty()).then_some((stem, distance))
}

/// `okaf*` (or `"okaf"*`): one word and a trailing star.
fn is_single_word_prefix(phrase: &str, prefix_flag: bool) -> bool {
    let word = phrase.trim_end_matches('*');
    (prefix_flag || phrase.ends_with('*'))
        && !word.is_empty()
        && word.chars().all(char::is_alphanumeric)
}

fn parse_day(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn day_start(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

/// `date:2026-03-01` means that whole day; `date:2026-03` that month;
/// `date:2026` that year.
fn date_bounds_for_literal(s: &str) -> Result<(UserInputBound, UserInputBound)> {
    let bad = || {
        Error::Query(format!(
            "'{s}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
        ))
    };
    let (from, to) = if let Some(d) = parse_day(s) {
        (d, d.succ_opt().ok_or_else(bad)?)
    } else if let Some(d) = parse_day(&format!("{s}-01")) {
        (
            d,
            d.checked_add_months(chrono::Months::new(1))
                .ok_or_else(bad)?,
        )
    } else if let Some(d) = parse_day(&format!("{s}-01-01")) {
        (
            d,
            d.checked_add_months(chrono::Months::new(12))
                .ok_or_else(bad)?,
        )
    } else {
        return Err(bad());
    };
    Ok((
        UserInputBound::Inclusive(day_start(from)),
        UserInputBound::Exclusive(day_start(to)),
    ))
}

/// A plain day as a range bound: an upper bound includes the whole day.
fn widen_date(bound: UserInputBound, upper: bool) -> Result<UserInputBound> {
    let fix = |s: String, inclusive: bool| -> UserInputBound {
        match parse_day(&s) {
            Some(d) if upper && inclusive => {
                d.succ_opt().map_or(UserInputBound::Inclusive(s), |n| {
                    UserInputBound::Exclusive(day_start(n))
                })
            }
            Some(d) => {
                if inclusive {
                    UserInputBound::Inclusive(day_start(d))
                } else if upper {
                    UserInputBound::Exclusive(day_start(d))
                } else {
                    d.succ_opt().map_or(UserInputBound::Exclusive(s), |n| {
                        UserInputBound::Inclusive(day_start(n))
                    })
                }
            }
            None => {
                if inclusive {
                    UserInputBound::Inclusive(s)
                } else {
                    UserInputBound::Exclusive(s)
                }
            }
        }
    };
    Ok(match bound {
        UserInputBound::Inclusive(s) => fix(s, true),
        UserInputBound::Exclusive(s) => fix(s, false),
        UserInputBound::Unbounded => UserInputBound::Unbounded,
    })
}

//! Every way a redacted term can be written, as one pattern: what the leak
//! check looks for ([`Variants::new`]) and, with the shorter forms of a
//! name the subject sweep also looks for, what "redact this everywhere"
//! marks ([`Variants::everywhere`]).
//!
//! - Structured identifiers are matched by what they are, not how they
//!   were typed: a UK phone in any format (`0113 496 0123`,
//!   `+44 (0)113 4960123`, `01134960123`), an NI number or postcode with
//!   or without spaces, an e-mail address also inside `mailto:` or with
//!   `%40`, an account reference with or without separators, a date in
//!   numeric and written forms.
//! - Names and other words match in any letter case, with the words
//!   separated by any run of spaces (non-breaking too), line breaks, e-mail
//!   quote markers (`>`) or hyphens (non-breaking and typographic too);
//!   soft hyphens and zero-width characters inside a word, and a word
//!   hyphenated across a line break; an optional possessive; and for two
//!   words or more "Surname, Given" and "G. Surname".

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use regex::{Regex, RegexBuilder};

use super::literals::{self, Literals};
use crate::error::{Error, Result};
use crate::identifiers::{normalise_email, normalise_ni, normalise_phone, normalise_postcode};

/// The forms a term takes in text.
#[derive(Clone)]
pub struct Variants {
    regex: Regex,
    edges: Edges,
}

/// A term's pattern made but not yet compiled: what [`super::VariantSet`]
/// holds, compiling each the first time a text may hold its term (a
/// compiled pattern of a name costs far more memory than its text, and a
/// case's thousands of redacted strings are mostly never met again).
pub struct Prepared {
    term: String,
    pattern: String,
    edges: Edges,
    literals: Literals,
}

impl Prepared {
    /// What every match holds once folded: one of these (see
    /// [`literals`]); `None` when a text cannot be ruled out that way.
    pub fn literals(&self) -> Option<&[String]> {
        self.literals.as_deref()
    }

    /// The term's [`Variants`], as [`Variants::new`] makes them.
    pub fn compile(&self) -> Result<Variants> {
        Variants::compile(&self.term, &self.pattern, self.edges)
    }
}

/// What may not stand right before or after a match.
#[derive(Clone, Copy, Debug)]
enum Edges {
    /// Word boundaries: no word character before the match, and the
    /// pattern ends in a non-word character or the end of the text, which
    /// is then left out of the match. Not written as `\b`: a Unicode word
    /// boundary makes the regex engine's fast automaton give up on any text
    /// holding a character beyond ASCII (every rendition's stamp has a
    /// "·"), and a case with thousands of redacted strings then searched
    /// every text with the slowest engine, once per string.
    Word,
    /// No letter or digit either side.
    Alphanumeric,
    /// No digit either side (a phone number).
    Digits,
    /// No character of an e-mail address either side.
    Address,
}

/// Between the words of a name: spaces of any kind, line breaks, quote
/// markers, hyphens and dashes.
const WORD_GAP: &str = r"[\s\-\u{2010}-\u{2015}\u{2212}>]+";
/// Inside a word: soft hyphens, zero-width characters, or a hyphen at the
/// end of a line (with the next line's quote markers).
const JOINER: &str = r"(?:[\u{AD}\u{200B}-\u{200D}\u{2060}\u{FEFF}]|-[ \t]*\r?\n[\s>]*)*";
/// Between the characters of an identifier.
const ID_GAP: &str = r"[\s\-\u{2010}-\u{2015}./()]*";

impl Variants {
    /// The forms of `term` in running text.
    pub fn new(term: &str) -> Result<Variants> {
        Variants::build(term, false)
    }

    /// [`Variants::new`] made ready but not compiled.
    pub fn prepare(term: &str) -> Result<Prepared> {
        let (pattern, edges, literals) = Variants::pattern(term, false)?;
        Ok(Prepared {
            term: term.to_string(),
            pattern,
            edges,
            literals,
        })
    }

    /// [`Variants::new`], and for a name of two words or more also the
    /// shorter forms [`super::name_forms`] gives the subject sweep: the
    /// given name and surname alone, middle names as initials, and a
    /// courtesy title with the surname ("Mrs Smith"). What "redact
    /// everywhere" marks, so it takes out every form the sweep finds.
    pub fn everywhere(term: &str) -> Result<Variants> {
        Variants::build(term, true)
    }

    fn build(term: &str, short_names: bool) -> Result<Variants> {
        let (pattern, edges, _) = Variants::pattern(term, short_names)?;
        Variants::compile(term, &pattern, edges)
    }

    /// What `term`'s forms are searched with: terms that give the same
    /// key find the same things (the same name spaced or hyphenated
    /// otherwise, the same number written otherwise).
    pub fn key(term: &str) -> Result<String> {
        let (pattern, edges, _) = Variants::pattern(term, false)?;
        Ok(format!("{edges:?} {pattern}"))
    }

    fn compile(term: &str, pattern: &str, edges: Edges) -> Result<Variants> {
        let regex = RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(1 << 24)
            .build()
            .map_err(|e| Error::Invalid(format!("cannot search for {term:?}: {e}")))?;
        Ok(Variants { regex, edges })
    }

    fn pattern(term: &str, short_names: bool) -> Result<(String, Edges, Literals)> {
        let trimmed = term.trim();
        if trimmed.is_empty() {
            return Err(Error::Invalid("the term to redact is empty".into()));
        }
        Ok(if let Some(email) = normalise_email(trimmed) {
            let (local, domain) = email.rsplit_once('@').unwrap_or((&email, ""));
            let literals = literals::any_form(&[vec![local.to_string(), domain.to_string()]]);
            (email_pattern(&email), Edges::Address, literals)
        } else if let Some(phone) = normalise_phone(trimmed).filter(|_| digits(trimmed) >= 9) {
            let literals = literals::holding(phone.trim_start_matches("+44"));
            (phone_pattern(&phone), Edges::Digits, literals)
        } else if let Some(ni) = normalise_ni(trimmed) {
            let literals = literals::holding(&ni);
            (spaced(&ni, r"[\s\-]*"), Edges::Alphanumeric, literals)
        } else if let Some(postcode) = normalise_postcode(trimmed) {
            let (outward, inward) = postcode.split_once(' ').unwrap_or((postcode.as_str(), ""));
            (
                format!("{}\\s*{}", regex::escape(outward), regex::escape(inward)),
                Edges::Alphanumeric,
                literals::holding(&postcode),
            )
        } else if let Some(date) = parse_date(trimmed) {
            (date_pattern(date), Edges::Word, date_literals(date))
        } else if is_reference(trimmed) {
            let compact: String = trimmed.chars().filter(|c| c.is_alphanumeric()).collect();
            let literals = literals::holding(&compact);
            (spaced(&compact, ID_GAP), Edges::Alphanumeric, literals)
        } else {
            let literals = if short_names {
                None
            } else {
                name_literals(trimmed)
            };
            (name_pattern(trimmed, short_names)?, Edges::Word, literals)
        })
    }

    /// Where the term occurs in `text`. After a match that does not stand
    /// alone the search goes on from the match's next character: a form
    /// that does may start inside it ("xJo Jo Jo").
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        let mut from = 0;
        std::iter::from_fn(move || {
            while from <= text.len() {
                let mut range = self.regex.find_at(text, from)?.range();
                if matches!(self.edges, Edges::Word) {
                    // The non-word character that ended the match.
                    let last = text[range.clone()].chars().next_back();
                    if let Some(c) = last.filter(|&c| !is_word(c)) {
                        range.end -= c.len_utf8();
                    }
                }
                if !range.is_empty() && self.stands_alone(text, &range) {
                    from = range.end;
                    return Some(range);
                }
                from = range.start + text[range.start..].chars().next().map_or(1, char::len_utf8);
            }
            None
        })
    }

    fn stands_alone(&self, text: &str, range: &Range<usize>) -> bool {
        let before = text[..range.start].chars().next_back();
        let mut after = text[range.end..].chars();
        let next = after.next();
        let clash: fn(char) -> bool = match self.edges {
            // The pattern saw to the end.
            Edges::Word => return !before.is_some_and(is_word),
            Edges::Alphanumeric => char::is_alphanumeric,
            Edges::Digits => |c| c.is_ascii_digit(),
            Edges::Address => |c| c.is_alphanumeric() || "._%+-".contains(c),
        };
        // A full stop after an address ends the sentence, not the address.
        let next_clashes = match next {
            Some('.') if matches!(self.edges, Edges::Address) => {
                after.next().is_some_and(char::is_alphanumeric)
            }
            Some(c) => clash(c),
            None => false,
        };
        !before.is_some_and(clash) && !next_clashes
    }
}

/// A word character as the regex engine's `\w` has it.
fn is_word(c: char) -> bool {
    static WORD: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"^\w$").expect("valid regex"));
    c.is_ascii_alphanumeric()
        || c == '_'
        || !c.is_ascii() && WORD.is_match(c.encode_utf8(&mut [0; 4]))
}

/// What ends a name or a date: a non-word character, or the end of the text.
const WORD_END: &str = r"(?:\W|$)";

fn digits(s: &str) -> usize {
    s.chars().filter(char::is_ascii_digit).count()
}

/// The characters of `s`, each escaped, with `gap` allowed between them.
fn spaced(s: &str, gap: &str) -> String {
    s.chars()
        .map(|c| regex::escape(&c.to_string()))
        .collect::<Vec<_>>()
        .join(gap)
}

/// `+441134960123` in any UK writing: `+44 113 ...`, `+44 (0)113 ...`,
/// `0044 113 ...`, `(0113) ...`, `0113 ...`, any separators.
fn phone_pattern(normal: &str) -> String {
    let national = normal.trim_start_matches("+44");
    format!(
        r"(?:(?:\+|00)[\s\-]*44[\s\-]*(?:\(0\)[\s\-]*)?|\(?0{ID_GAP}){}",
        spaced(national, ID_GAP)
    )
}

/// An address, also with its `@` percent-encoded or spelt out.
fn email_pattern(normal: &str) -> String {
    let (local, domain) = normal.rsplit_once('@').unwrap_or((normal, ""));
    format!(
        r"{}(?:@|%40|&#0*64;|\s*[\[(]at[\])]\s*){}",
        regex::escape(local),
        regex::escape(domain)
    )
}

/// Whether a term looks like an account, tenancy or case reference: one
/// to three pieces of letters and digits, mostly digits.
fn is_reference(term: &str) -> bool {
    let alphanumeric = term.chars().filter(|c| c.is_alphanumeric()).count();
    term.chars()
        .all(|c| c.is_ascii_alphanumeric() || " -/.".contains(c))
        && term.split_whitespace().count() <= 3
        && digits(term) >= 4
        && digits(term) * 2 >= alphanumeric
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date written `04/03/1985`, `4.3.85`, `1985-03-04`, `4 March 1985`,
/// `4th Mar 1985` or `March 4, 1985`.
fn parse_date(term: &str) -> Option<NaiveDate> {
    let cleaned: String = term
        .to_lowercase()
        .replace(',', " ")
        .split(|c: char| c.is_whitespace() || "/.-".contains(c))
        .filter(|p| !p.is_empty() && *p != "of")
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = cleaned.split(' ').collect();
    if parts.len() != 3 {
        return None;
    }
    let (a, b, c) = (parts[0], parts[1], parts[2]);
    let number = |s: &str| -> Option<u32> {
        let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!s.is_empty() && s.len() <= 4)
            .then(|| s.parse().ok())
            .flatten()
    };
    let month = |s: &str| -> Option<u32> {
        MONTHS
            .iter()
            .position(|m| s.len() >= 3 && m.starts_with(s))
            .map(|i| i as u32 + 1)
            .or_else(|| s.parse().ok())
    };
    let year = |s: &str| -> Option<i32> {
        let y: i32 = s.parse().ok()?;
        match s.len() {
            4 => Some(y),
            2 if y >= 30 => Some(1900 + y),
            2 => Some(2000 + y),
            _ => None,
        }
    };
    if a.len() == 4 && a.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::from_ymd_opt(year(a)?, month(b)?, number(c)?);
    }
    if a.chars().next()?.is_alphabetic() {
        return NaiveDate::from_ymd_opt(year(c)?, month(a)?, number(b)?);
    }
    NaiveDate::from_ymd_opt(year(c)?, month(b)?, number(a)?)
}

/// Every common writing of `date`.
fn date_pattern(date: NaiveDate) -> String {
    let (day, month, year) = (date.day(), date.month(), date.year());
    let name = MONTHS[month as usize - 1];
    let month_name = format!("(?:{}|{}\\.?)", name, &name[..3]);
    let day_n = format!("0?{day}(?:st|nd|rd|th)?");
    let month_n = format!("0?{month}");
    let year_n = format!("(?:{}|{:02})", year, year % 100);
    let sep = r"[\s/.\-]+";
    let alternatives = [
        format!(r"{day_n}{sep}{month_n}{sep}{year_n}"),
        format!(r"{year}{sep}{month_n}{sep}0?{day}"),
        format!(r"{day_n}\s*(?:of\s+)?{month_name},?\s*{year_n}"),
        format!(r"{month_name}\s*{day_n},?\s*{year_n}"),
    ]
    .join("|");
    format!("(?:{alternatives}){WORD_END}")
}

/// A name or other words; with `short_names`, also the shorter forms of a
/// name (see [`Variants::everywhere`]).
fn name_pattern(term: &str, short_names: bool) -> Result<String> {
    let words = name_words(term);
    if words.is_empty() {
        return Err(Error::Invalid("the term to redact is empty".into()));
    }
    let quoted: Vec<String> = words.iter().map(|w| word_pattern(w)).collect();
    let mut forms = vec![quoted.join(WORD_GAP)];
    if let [first, .., last] = quoted.as_slice() {
        forms.push(format!(r"{last}[\s>]*,[\s>]*{first}"));
        let initial = regex::escape(&words[0].chars().take(1).collect::<String>());
        forms.push(format!(r"{initial}\.?[\s>]+{last}"));
    }
    if short_names {
        forms.extend(short_name_forms(&words));
    }
    Ok(format!(r"(?:{})(?:['’]s)?{WORD_END}", forms.join("|")))
}

/// The words of a name as its pattern has them.
fn name_words(term: &str) -> Vec<&str> {
    term.split(|c: char| c.is_whitespace() || c == ',' || is_hyphen(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// What each form of [`name_pattern`] (without the short names) holds
/// once folded: the words in order, "Surname Given", "G Surname".
fn name_literals(term: &str) -> Literals {
    let words = name_words(term);
    let mut forms = vec![vec![words.concat()]];
    if let [first, .., last] = words.as_slice() {
        let initial: String = first.chars().take(1).collect();
        forms.push(vec![format!("{last}{first}")]);
        forms.push(vec![format!("{initial}{last}")]);
    }
    literals::any_form(&forms)
}

/// What each form of [`date_pattern`] holds once folded: the four-digit
/// year, or with a two-digit year what stands just before it (the month's
/// number, its name, the day's number or the day's suffix).
fn date_literals(date: NaiveDate) -> Literals {
    let (day, month, year) = (date.day(), date.month(), date.year());
    let yy = format!("{:02}", year % 100);
    let name = MONTHS[month as usize - 1];
    let mut forms = vec![
        year.to_string(),
        format!("{month}{yy}"),
        format!("{name}{yy}"),
        format!("{}{yy}", &name[..3]),
        format!("{day}{yy}"),
    ];
    forms.extend(["st", "nd", "rd", "th"].map(|suffix| format!("{suffix}{yy}")));
    literals::any_form(&forms.into_iter().map(|f| vec![f]).collect::<Vec<_>>())
}

/// "Jane Anne Smith" → "Smith Jane", "Jane Smith", "Jane A. Smith", and
/// "Mrs Smith" for each courtesy title: the forms of [`super::name_forms`]
/// that the patterns above do not already cover.
fn short_name_forms(words: &[&str]) -> Vec<String> {
    let named: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !super::is_title(w))
        .collect();
    let [first, .., last] = named.as_slice() else {
        return Vec::new();
    };
    let (given, surname) = (word_pattern(first), word_pattern(last));
    let mut forms = vec![format!(r"{surname}[\s>]+{given}")];
    if named.len() > 2 {
        forms.push(format!("{given}{WORD_GAP}{surname}"));
        let mut initials = vec![given.clone()];
        initials.extend(named[1..named.len() - 1].iter().map(|middle| {
            let initial: String = middle.chars().take(1).collect();
            format!(r"{}\.?", regex::escape(&initial))
        }));
        initials.push(surname.clone());
        forms.push(initials.join(WORD_GAP));
    }
    let titles = super::COURTESY_TITLES.join("|");
    forms.push(format!(r"(?:{titles})\.?{WORD_GAP}{surname}"));
    forms
}

fn is_hyphen(c: char) -> bool {
    c == '-' || ('\u{2010}'..='\u{2015}').contains(&c) || c == '\u{2212}'
}

/// One word, letter by letter, with soft hyphens and the like allowed
/// between letters and any apostrophe for an apostrophe.
fn word_pattern(word: &str) -> String {
    word.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
        })
        .map(|c| match c {
            '\'' | '’' | '‘' | '`' => "['’‘`]".to_string(),
            c => regex::escape(&c.to_string()),
        })
        .collect::<Vec<_>>()
        .join(JOINER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(term: &str, text: &'t str) -> Vec<&'t str> {
        let v = Variants::new(term).unwrap();
        v.find_iter(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn word_edges_hold_beside_letters_beyond_ascii_and_inside_a_refused_match() {
        let text = "Zoë Okafor · zoë okafor's flat; ZoëOkafor; Okaforé; xJo Jo Jo; Zoë.";
        assert_eq!(found("Zoë Okafor", text), ["Zoë Okafor", "zoë okafor's"]);
        assert_eq!(found("Zoë", text), ["Zoë", "zoë", "Zoë"]);
        assert_eq!(found("Jo Jo", text), ["Jo Jo"]);
        assert_eq!(
            found(
                "3 March 2026",
                "on 3 March 2026, not 13 March 2026 nor 3 March 20261; 03/03/26"
            ),
            ["3 March 2026", "03/03/26"]
        );
    }

    #[test]
    fn everywhere_also_takes_the_short_forms_of_a_name() {
        let text = "Mrs Smith; SMITH Jane; Jane Smith; Jane A. Smith; Mr. Smith; Smithers; Jane Anne Smith";
        let wide = Variants::everywhere("Jane Anne Smith").unwrap();
        let wide_found: Vec<&str> = wide.find_iter(text).map(|r| &text[r]).collect();
        assert_eq!(
            wide_found,
            [
                "Mrs Smith",
                "SMITH Jane",
                "Jane Smith",
                "Jane A. Smith",
                "Mr. Smith",
                "Jane Anne Smith"
            ]
        );
        assert_eq!(
            found("Jane Anne Smith", text),
            ["Jane Anne Smith"],
            "the leak check looks for the name as it was marked"
        );
        let one_word = Variants::everywhere("Smith").unwrap();
        assert_eq!(one_word.find_iter("Mrs Smith").count(), 1);
    }

    #[test]
    fn names_in_case_spacing_order_initials_and_possessives() {
        let text = "JOHN SMITH; john\n smith; John-Smith; Smith, John; J. Smith; John Smith's dog; Johnny Smithers";
        assert_eq!(
            found("John Smith", text),
            [
                "JOHN SMITH",
                "john\n smith",
                "John-Smith",
                "Smith, John",
                "J. Smith",
                "John Smith's"
            ]
        );
        assert!(Variants::new("  ").is_err());
    }

    #[test]
    fn names_across_quote_markers_soft_and_non_breaking_hyphens() {
        let text = "spoke to Tiffany\n> Okonjo; Anne\u{2011}Marie Fairbairn; Fair\u{ad}bairn; Anne\u{a0}Marie; O’Brien; Fair-\n> bairn";
        assert_eq!(found("Tiffany Okonjo", text), ["Tiffany\n> Okonjo"]);
        assert_eq!(
            found("Anne-Marie Fairbairn", text),
            ["Anne\u{2011}Marie Fairbairn"]
        );
        assert_eq!(
            found("Fairbairn", text),
            ["Fairbairn", "Fair\u{ad}bairn", "Fair-\n> bairn"]
        );
        assert_eq!(
            found("Anne Marie", text),
            ["Anne\u{2011}Marie", "Anne\u{a0}Marie"]
        );
        assert_eq!(found("O'Brien", text), ["O’Brien"]);
    }

    #[test]
    fn phones_in_every_uk_writing() {
        let text = "a 0113 496 0123 b +44 113 496 0123 c 01134960123 d +44 (0)113 496-0123 e (0113) 4960123 f 011349601234 g 0113 496 0124";
        assert_eq!(
            found("0113 496 0123", text),
            [
                "0113 496 0123",
                "+44 113 496 0123",
                "01134960123",
                "+44 (0)113 496-0123",
                "(0113) 4960123"
            ]
        );
        assert_eq!(found("+441134960123", "tel:01134960123").len(), 1);
    }

    #[test]
    fn ni_numbers_postcodes_emails_references_and_dates() {
        assert_eq!(
            found(
                "AB 12 34 56 C",
                "ni AB123456C or ab 12 34 56 c, not XAB123456C"
            ),
            ["AB123456C", "ab 12 34 56 c"]
        );
        assert_eq!(
            found("LS1 4AP", "LS1 4AP and ls14ap, not LS1 4APX"),
            ["LS1 4AP", "ls14ap"]
        );
        assert_eq!(
            found(
                "tiffany@example.org",
                "mailto:tiffany@example.org; x.tiffany@example.org; tiffany%40example.org."
            ),
            ["tiffany@example.org", "tiffany%40example.org"]
        );
        assert_eq!(
            found("TEN-004417", "ref TEN004417, ten 004417 and TEN-0044170"),
            ["TEN004417", "ten 004417"]
        );
        assert_eq!(
            found(
                "04/03/1985",
                "born 4.3.85, 4th March 1985, March 4, 1985, 1985-03-04, 14/03/1985"
            ),
            ["4.3.85", "4th March 1985", "March 4, 1985", "1985-03-04"]
        );
    }
}

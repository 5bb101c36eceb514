//! The words of a text as a name recogniser sees them: byte ranges, the
//! possessive "'s" set apart, the shape of each word (initial, capitalised,
//! capitals, lower case) and what lies between two words.

use crate::detect::lexicon as lex;

/// A word of the text. `end` leaves out a possessive "'s"; `full_end` does not.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) full_end: usize,
    pub(super) word: &'a str,
    pub(super) shape: Shape,
    /// What the word lists say of the word.
    pub(super) lex: lex::Bits,
    /// Whether this word and the next are words of one name (`linked`),
    /// worked out once: the rules ask it of every word many times.
    next_linked: bool,
    /// Where a second word run on into this one starts (`glued`), worked
    /// out once for the same reason; 0 for none.
    glued_at: u16,
}

impl Tok<'_> {
    /// `glued(self.word)`, worked out when the text was split.
    pub(super) fn glued(&self) -> Option<usize> {
        (self.glued_at != 0).then_some(usize::from(self.glued_at))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Shape {
    /// One capital letter: "J".
    Initial,
    /// "Smith", "McDonald", "O'Brien".
    Cap,
    /// "SMITH".
    Upper,
    /// "smith".
    Lower,
}

pub(super) fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut full_end = start + c.len_utf8();
        while let Some(&(pos, c)) = chars.peek() {
            if c.is_alphabetic() {
                full_end = pos + c.len_utf8();
                chars.next();
                continue;
            }
            // Apostrophes and hyphens inside a word: "O'Brien", "Smith-Jones".
            let joins = matches!(c, '\'' | '’' | '-')
                && text[pos + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if !joins {
                break;
            }
            chars.next();
        }
        let full = &text[start..full_end];
        // "KASIE'S" in capitals too, but not "IT'S" of a lower-case word.
        let upper_possessive = |w: &&str| w.len() > 1 && shape(w) == Shape::Upper;
        let word = full
            .strip_suffix("'s")
            .or_else(|| full.strip_suffix("’s"))
            .or_else(|| full.strip_suffix("'S").filter(upper_possessive))
            .or_else(|| full.strip_suffix("’S").filter(upper_possessive))
            .filter(|w| !w.is_empty())
            .unwrap_or(full);
        toks.push(Tok {
            start,
            end: start + word.len(),
            full_end,
            word,
            shape: shape(word),
            lex: lex::Bits::of(word),
            next_linked: false,
            // Only a capital after the first letter can start a second word.
            glued_at: if word.bytes().skip(1).any(|b| !b.is_ascii_lowercase()) {
                glued(word).and_then(|k| u16::try_from(k).ok()).unwrap_or(0)
            } else {
                0
            },
        });
    }
    for i in 0..toks.len() {
        toks[i].next_linked = linked_at(text, &toks, i);
    }
    toks
}

/// Where the second of two words run together by PDF extraction starts: a
/// lower-case letter then a capital ("StreetStockport", "ManchesterSK"),
/// but not after a surname prefix ("McDonald", "MacKenzie", "DeShawn").
pub(super) fn glued(word: &str) -> Option<usize> {
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "Jo", "Mary", "Ann",
    ];
    let mut prev = ' ';
    for (k, c) in word.char_indices() {
        if prev.is_lowercase() && c.is_uppercase() && !PREFIXES.contains(&&word[..k]) {
            return Some(k);
        }
        prev = c;
    }
    None
}

pub(super) fn shape(word: &str) -> Shape {
    // "McGRATH", "MacDONALD": a surname's prefix keeps its small letters in
    // a name written in capitals.
    let prefixed = ["Mc", "Mac"].iter().any(|p| {
        word.strip_prefix(p).is_some_and(|rest| {
            let mut letters = rest.chars().filter(|c| c.is_alphabetic());
            letters.clone().count() >= 2 && letters.all(char::is_uppercase)
        })
    });
    if prefixed {
        return Shape::Upper;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = letters.next().unwrap_or('a');
    if !first.is_uppercase() {
        return Shape::Lower;
    }
    let mut rest = letters.peekable();
    if rest.peek().is_none() {
        Shape::Initial
    } else if rest.all(char::is_uppercase) {
        Shape::Upper
    } else {
        Shape::Cap
    }
}

/// The text between token `i` and the next one.
pub(super) fn gap<'a>(text: &'a str, toks: &[Tok<'_>], i: usize) -> &'a str {
    match toks.get(i + 1) {
        Some(next) => &text[toks[i].full_end..next.start],
        None => &text[toks[i].full_end..],
    }
}

/// Token `i` and the next are words of one name: a space or two between
/// them, or a full stop after an initial or title ("J. Smith", "Mr. Smith").
pub(super) fn linked(_text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.next_linked)
}

fn linked_at(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    if i + 1 >= toks.len() || toks[i].end != toks[i].full_end {
        return false;
    }
    let g = gap(text, toks, i);
    let spaces = |s: &str| (1..=2).contains(&s.len()) && s.chars().all(|c| c == ' ');
    spaces(g)
        || (matches!(toks[i].shape, Shape::Initial) || toks[i].lex.is_title())
            && (g == "." || g.strip_prefix('.').is_some_and(spaces))
}

/// Nothing but spaces and tabs between `pos` and the start of the text or
/// of a line.
pub(super) fn line_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n')
}

/// Nothing but spaces between `pos` and the start of the text or the end
/// of a sentence or line.
pub(super) fn sentence_start(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

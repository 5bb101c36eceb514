//! Person names: titles ("Mrs Okafor", "Dr J. Patel"), initials ("J. Smith"),
//! given name + surname in any case ("John Smith", "JOHN SMITH", "john
//! smith"), "Smith, John", email display names ("Jane Doe <jane@x.org>"),
//! names after a context cue ("my neighbour Sam", a sign-off) and lone known
//! names. A possessive "'s" is left out of the finding. Streets, buildings
//! and organisations named after people ("Victoria Road", "Smith & Co Ltd")
//! are not names; names that are also words ("May", "Will", "Grace") need a
//! title, a surname or a cue.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon as lex;
use super::Finding;

/// A word of the text. `end` leaves out a possessive "'s"; `full_end` does not.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    full_end: usize,
    word: &'a str,
    shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// One capital letter: "J".
    Initial,
    /// "Smith", "McDonald", "O'Brien".
    Cap,
    /// "SMITH".
    Upper,
    /// "smith".
    Lower,
}

static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let cues = lex::CUES.split_whitespace().collect::<Vec<_>>().join("|");
    let roles = lex::ROLE_CUES
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i)(?:\b(?:{cues}) ?[:,]? |\b(?:{roles})(?: to| with| by)? |(?:regards|wishes|thanks|sincerely|faithfully|cheers)[ \t]*,?[ \t]*\r?\n[ \t]*)$"
    ))
    .expect("valid regex")
});
static EMAIL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^[ \t]*"?[ \t]*<[^<>\s@]+@[^<>\s]+>"#).expect("valid regex"));

/// Every person name in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    let toks = tokens(text);
    let mut out = Vec::new();
    // Token by token: part of a place (`Some(None)`) or of a name found with
    // this confidence.
    let mut taken: Vec<Option<Option<f32>>> = vec![None; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        if let Some(last) = place(text, &toks, i) {
            taken[i..=last].fill(Some(None));
            i = last + 1;
            continue;
        }
        let hit = titled(text, &toks, i)
            .or_else(|| email_display(text, &toks, i))
            .or_else(|| surname_comma_given(text, &toks, i))
            .or_else(|| initials(text, &toks, i))
            .or_else(|| full_name(text, &toks, i))
            .or_else(|| cued(text, &toks, i))
            .or_else(|| lone(text, &toks, i));
        match hit {
            Some((last, confidence)) => {
                out.push(name_finding(text, &toks, i, last, confidence));
                taken[i..=last].fill(Some(Some(confidence)));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out.extend(repeated(text, &toks, &taken));
    out.sort_by_key(|f| f.start);
    out
}

fn name_finding(text: &str, toks: &[Tok<'_>], i: usize, last: usize, confidence: f32) -> Finding {
    let (start, end) = (toks[i].start, toks[last].end);
    Finding {
        start,
        end,
        kind: "person_name",
        text: text[start..end].to_string(),
        confidence,
    }
}

/// Once a word is a name in a text it is a name elsewhere in it: "Her son
/// Temitope … shouting at Temitope". A name that is also a word ("Hope")
/// must not start a sentence or stand next to a number ("4 May 2025")
/// unless it is possessive.
fn repeated(text: &str, toks: &[Tok<'_>], taken: &[Option<Option<f32>>]) -> Vec<Finding> {
    let names: HashSet<String> = toks
        .iter()
        .zip(taken)
        .filter(|(t, found)| {
            matches!(found, Some(Some(c)) if *c >= 0.7)
                && matches!(t.shape, Shape::Cap | Shape::Upper)
                && !lex::is_title(t.word)
        })
        .map(|(t, _)| t.word.to_lowercase())
        .collect();
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if taken[k].is_some()
            || t.shape != Shape::Cap
            || !names.contains(&t.word.to_lowercase())
            || vetoed(text, toks, k, k)
        {
            continue;
        }
        let possessive = t.end != t.full_end;
        let digit_before = text[..t.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        let digit_after = text[t.full_end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        let after_article_or_time = k > 0
            && matches!(
                toks[k - 1].word.to_lowercase().as_str(),
                "a" | "an"
                    | "the"
                    | "in"
                    | "of"
                    | "since"
                    | "from"
                    | "until"
                    | "till"
                    | "by"
                    | "during"
                    | "before"
                    | "after"
                    | "early"
                    | "late"
                    | "mid"
                    | "end"
                    | "next"
                    | "last"
                    | "this"
                    | "every"
            );
        let word_like = lex::is_ambiguous(t.word) || lex::is_common(t.word);
        let doubtful =
            sentence_start(text, t.start) || digit_before || digit_after || after_article_or_time;
        if word_like && !possessive && doubtful {
            continue;
        }
        out.push(name_finding(text, toks, k, k, 0.65));
    }
    out
}

/// Nothing but spaces between `pos` and the start of the text or the end
/// of a sentence or line.
fn sentence_start(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
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
        let word = full
            .strip_suffix("'s")
            .or_else(|| full.strip_suffix("’s"))
            .filter(|w| !w.is_empty())
            .unwrap_or(full);
        toks.push(Tok {
            start,
            end: start + word.len(),
            full_end,
            word,
            shape: shape(word),
        });
    }
    toks
}

fn shape(word: &str) -> Shape {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first = letters.next().unwrap_or('a');
    let rest: Vec<char> = letters.collect();
    if !first.is_uppercase() {
        Shape::Lower
    } else if rest.is_empty() {
        Shape::Initial
    } else if rest.iter().all(|c| c.is_uppercase()) {
        Shape::Upper
    } else {
        Shape::Cap
    }
}

/// The text between token `i` and the next one.
fn gap<'a>(text: &'a str, toks: &[Tok<'_>], i: usize) -> &'a str {
    match toks.get(i + 1) {
        Some(next) => &text[toks[i].full_end..next.start],
        None => &text[toks[i].full_end..],
    }
}

/// Token `i` and the next are words of one name: a space or two between
/// them, or a full stop after an initial or title ("J. Smith", "Mr. Smith").
fn linked(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    if i + 1 >= toks.len() || toks[i].end != toks[i].full_end {
        return false;
    }
    let g = gap(text, toks, i);
    let spaces = |s: &str| (1..=2).contains(&s.len()) && s.chars().all(|c| c == ' ');
    spaces(g)
        || (matches!(toks[i].shape, Shape::Initial) || lex::is_title(toks[i].word))
            && (g == "." || g.strip_prefix('.').is_some_and(spaces))
}

/// A capitalised word that can be part of a name: not a common word (unless
/// it is a known name), not a street, organisation, month or title word.
fn namey(t: &Tok<'_>) -> bool {
    if !matches!(t.shape, Shape::Cap | Shape::Upper) || lex::is_title(t.word) {
        return false;
    }
    // "Hall", "Green": surnames that are also street words.
    lex::is_surname(t.word)
        || !lex::is_street(t.word)
            && !lex::is_org(t.word)
            && (!lex::is_month_or_day(t.word) || lex::is_given(t.word))
            && (!lex::is_common(t.word) || lex::is_given(t.word))
}

fn known(t: &Tok<'_>) -> bool {
    lex::is_given(t.word) || lex::is_surname(t.word)
}

/// What follows token `last` makes the name part of a street, building or
/// organisation ("Victoria Road", "Smith & Co", "Jones Housing Association"),
/// or what precedes token `first` does ("St John's").
fn vetoed(text: &str, toks: &[Tok<'_>], first: usize, last: usize) -> bool {
    let after = linked(text, toks, last)
        && (lex::is_street(toks[last + 1].word) || lex::is_org(toks[last + 1].word));
    let ampersand = gap(text, toks, last).trim_start().starts_with('&');
    let saint = first > 0
        && linked(text, toks, first - 1)
        && matches!(toks[first - 1].word, "St" | "Saint" | "ST");
    after || ampersand || saint
}

/// Capitalised words naming a street, building or organisation: "Mary
/// Seacole Close", "Victoria Wine Ltd", "Smith & Co". The last word before
/// the street or organisation word.
fn place(text: &str, toks: &[Tok<'_>], i: usize) -> Option<usize> {
    if lex::is_title(toks[i].word) || !namey(&toks[i]) && !lex::is_ambiguous(toks[i].word) {
        return None;
    }
    let mut last = i;
    while last - i < 3 && linked(text, toks, last) && namey(&toks[last + 1]) {
        last += 1;
    }
    vetoed(text, toks, i, last).then_some(last)
}

/// "Mrs Okafor", "Mr J. Smith", "DR PATEL".
fn titled(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if !lex::is_title(t.word) || t.shape == Shape::Lower || t.shape == Shape::Initial {
        return None;
    }
    let mut last = None;
    let mut j = i;
    while linked(text, toks, j) && j - i < 4 {
        let next = &toks[j + 1];
        let initial = next.shape == Shape::Initial;
        if !(namey(next) || initial && linked(text, toks, j + 1)) {
            break;
        }
        j += 1;
        if next.shape != Shape::Initial {
            last = Some(j);
        }
        if next.end != next.full_end {
            break;
        }
    }
    let last = last?;
    (!vetoed(text, toks, i + 1, last)).then_some((last, 0.95))
}

/// "Jane Doe <jane@x.org>", "\"Doe, Jane\" <jane@x.org>".
fn email_display(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let mut last = i;
    loop {
        if !namey(&toks[last]) && toks[last].shape != Shape::Initial {
            return None;
        }
        if EMAIL_AFTER.is_match(&text[toks[last].full_end..]) {
            break;
        }
        let comma = gap(text, toks, last) == ", " && last + 1 < toks.len();
        if last - i >= 3 || !(linked(text, toks, last) || comma) {
            return None;
        }
        last += 1;
    }
    let any_known = toks[i..=last].iter().any(known);
    let all_unknown_namey = toks[i..=last]
        .iter()
        .all(|t| !lex::is_common(t.word) || known(t));
    (any_known || all_unknown_namey && last > i).then_some((last, 0.9))
}

/// "Smith, John": a surname, a comma, a given name, one of them known and
/// the other not a word.
fn surname_comma_given(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (s, g) = (&toks[i], toks.get(i + 1)?);
    let shaped = matches!(s.shape, Shape::Cap | Shape::Upper) && s.shape == g.shape;
    if !(shaped && gap(text, toks, i) == ", " && namey(s) && namey(g)) {
        return None;
    }
    let confidence = if lex::is_surname(s.word) && lex::is_given(g.word) {
        0.85
    } else if lex::is_surname(s.word) && !lex::is_common(g.word) && !lex::is_surname(g.word)
        || lex::is_given(g.word) && !lex::is_ambiguous(g.word) && !lex::is_common(s.word)
    {
        0.75
    } else {
        return None;
    };
    // "Okafor, Will you…" is not a name.
    let then_word = linked(text, toks, i + 1)
        && matches!(
            toks[i + 2].word,
            "you"
                | "we"
                | "i"
                | "he"
                | "she"
                | "they"
                | "it"
                | "this"
                | "that"
                | "the"
                | "be"
                | "is"
                | "are"
                | "was"
                | "do"
                | "have"
                | "your"
                | "our"
                | "not"
        );
    if lex::is_ambiguous(g.word) && then_word {
        return None;
    }
    // A middle initial: "Smith, John A."
    let last = if linked(text, toks, i + 1) && toks[i + 2].shape == Shape::Initial {
        i + 2
    } else {
        i + 1
    };
    (!vetoed(text, toks, i, last)).then_some((last, confidence))
}

/// "J. Smith", "J Smith", "J. R. Smith".
fn initials(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    // The "K" of "U.K.".
    if i > 0 && toks[i - 1].shape == Shape::Initial && gap(text, toks, i - 1) == "." {
        return None;
    }
    let mut j = i;
    let mut dotted = false;
    while toks[j].shape == Shape::Initial && linked(text, toks, j) {
        dotted |= gap(text, toks, j).starts_with('.');
        j += 1;
    }
    if j == i || j - i > 3 {
        return None;
    }
    let surname = &toks[j];
    if !namey(surname) {
        return None;
    }
    // "U.K. Enron" is an abbreviation, "J. Enron" may be a name.
    let single_dotted = j == i + 1 && gap(text, toks, i) == ". ";
    // "She says O Adeyinka": one bare initial inside a sentence.
    let single_bare = j == i + 1
        && !dotted
        && i > 0
        && toks[i - 1].shape == Shape::Lower
        && text[toks[i - 1].full_end..toks[i].start] == *" ";
    let confidence = if lex::is_surname(surname.word) {
        0.85
    } else if single_dotted && !lex::is_common(surname.word) {
        0.75
    } else if single_bare && !lex::is_common(surname.word) {
        0.7
    } else {
        return None;
    };
    // "A Smith" or "I Patel" without a full stop may be a word, unless it is
    // inside a sentence and the surname is known.
    let article = !dotted && matches!(toks[i].word, "A" | "I");
    if article
        && (sentence_start(text, toks[i].start)
            || confidence < 0.85
            || lex::is_ambiguous(surname.word))
    {
        return None;
    }
    (!vetoed(text, toks, i, j)).then_some((j, confidence))
}

/// Given name(s) + surname in one case: "John Smith", "Jane Anne Smith",
/// "JOHN SMITH", "john smith".
fn full_name(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let first = &toks[i];
    let mut run = i;
    // A middle initial may come between: "Timothy B. Hardwicke".
    while run - i < 3
        && linked(text, toks, run)
        && (toks[run + 1].shape == first.shape || toks[run + 1].shape == Shape::Initial)
    {
        if toks[run].end != toks[run].full_end {
            break;
        }
        run += 1;
    }
    // Lower-case names are read as two words only: "saw john smith".
    if first.shape == Shape::Lower {
        run = run.min(i + 1);
    }
    for last in (i + 1..=run).rev() {
        let middles_ok = toks[i + 1..last].iter().all(|t| {
            t.shape == Shape::Initial
                || lex::is_given(t.word)
                || namey(t) && !lex::is_common(t.word)
        });
        if !middles_ok {
            continue;
        }
        let Some(confidence) = pair(first, &toks[last]) else {
            continue;
        };
        if vetoed(text, toks, i, last) {
            return None;
        }
        return Some((last, confidence));
    }
    None
}

/// How sure "first … last" is a given name and a surname.
fn pair(first: &Tok<'_>, last: &Tok<'_>) -> Option<f32> {
    let given = lex::is_given(first.word);
    let plain_given = given && !lex::is_ambiguous(first.word);
    let surname = lex::is_surname(last.word);
    match first.shape {
        Shape::Cap => {
            if !namey(first) && !given || !namey(last) {
                return None;
            }
            if plain_given && surname {
                Some(0.9)
            } else if plain_given && !lex::is_common(last.word) || given && surname {
                Some(0.8)
            } else if given && !lex::is_common(last.word) {
                // "Bill Quinlan", not "Bill Payments".
                Some(0.7)
            } else if !lex::is_common(first.word)
                && !lex::is_ambiguous(last.word)
                && surname
                && !lex::is_given(last.word)
            {
                Some(0.75)
            } else {
                None
            }
        }
        Shape::Upper => {
            if given && surname {
                Some(0.85)
            } else if plain_given && namey(last) && !lex::is_common(last.word) {
                Some(0.75)
            } else if !lex::is_common(first.word)
                && namey(first)
                && surname
                && !lex::is_ambiguous(last.word)
            {
                Some(0.7)
            } else {
                None
            }
        }
        Shape::Lower => {
            let plain_surname = surname && !lex::is_ambiguous(last.word);
            if plain_given && surname && !lex::is_common(first.word) {
                Some(0.7)
            } else if given && plain_surname && !lex::is_common(last.word) {
                Some(0.6)
            } else if plain_surname
                && !lex::is_common(first.word)
                && !lex::is_ambiguous(first.word)
                && !lex::is_common(last.word)
            {
                // "leanne patel": a surname that is no English word.
                Some(0.55)
            } else {
                None
            }
        }
        Shape::Initial => None,
    }
}

/// A capitalised word after a cue ("my neighbour Sam", "Signed: Sam
/// Jones", a sign-off), with a following surname-like word if there is one.
fn cued(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // "Operative A Quinlan": an initial and a surname.
    let initial = t.shape == Shape::Initial
        && linked(text, toks, i)
        && toks[i + 1].shape == Shape::Cap
        && namey(&toks[i + 1]);
    if !initial && (t.shape != Shape::Cap || !(namey(t) || lex::is_ambiguous(t.word))) {
        return None;
    }
    let from = floor_boundary(text, t.start.saturating_sub(48));
    if !CUE_BEFORE.is_match(&text[from..t.start]) {
        return None;
    }
    let mut last = i + usize::from(initial);
    if !initial
        && linked(text, toks, i)
        && toks[i + 1].shape == Shape::Cap
        && namey(&toks[i + 1])
        && (!lex::is_common(toks[i + 1].word) || lex::is_surname(toks[i + 1].word))
    {
        last = i + 1;
    }
    if vetoed(text, toks, i, last) {
        return None;
    }
    let confidence = if toks[i..=last].iter().any(known) {
        0.85
    } else {
        0.7
    };
    Some((last, confidence))
}

/// A known given name or surname on its own that is not also a word:
/// "Daniel has asthma", "Okafor's dog".
fn lone(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let ok = t.shape == Shape::Cap
        && known(t)
        // "Smith-Jones", not "Knight-Ridder".
        && t.word.split('-').all(|part| lex::is_surname(part) || lex::is_given(part))
        && !lex::is_ambiguous(t.word)
        && !lex::is_common(t.word)
        && namey(t);
    (ok && !vetoed(text, toks, i, i)).then_some((i, 0.6))
}

fn floor_boundary(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// A key that groups the ways one person's name is written: titles and a
/// possessive dropped, lower case, "Smith, John" read as "John Smith".
/// "Mrs Okafor's" → "okafor"; "SMITH, John" → "john smith".
pub fn person_key(name: &str) -> String {
    let (head, tail) = match name.split_once(',') {
        Some((surname, given)) => (given, surname),
        None => (name, ""),
    };
    let words: Vec<String> = tokens(head)
        .into_iter()
        .chain(tokens(tail))
        .filter(|t| !lex::is_title(t.word))
        .map(|t| t.word.to_lowercase())
        .collect();
    words.join(" ")
}

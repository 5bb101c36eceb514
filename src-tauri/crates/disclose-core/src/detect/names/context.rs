//! Names told by what stands around them rather than by their own shape:
//! a relation or role after the name ("Kieran Moss - son - DOB …", "Derek
//! Pryce (Police Community Support Officer)", "Heather Field (Income
//! Officer)"), a salutation alone on its line ("Raj,"), a chat's speaker
//! after a time stamp ("[10:47] Aisling: …"), a given name before where
//! the person lives ("sue from next door"), and lower-case given names
//! joined by "and" ("kelly and shane were shouting").

use std::sync::LazyLock;

use regex::Regex;

use super::forms::{given_then_street_surname, plain_lower_name, sentence_around, vetoed};
use super::tokens::{gap, line_start, linked, sentence_start, Shape, Tok};
use crate::detect::lexicon as lex;

/// A dash, comma, colon or bracket, then a relation or a role.
static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let mut roles: Vec<String> = lex::RELATIONS_AND_ROLES
        .split_whitespace()
        .map(|r| r.replace('_', r"[ \t]+"))
        .collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
    // "(Income Officer)", "- Senior Tenancy Sustainment Officer": a job
    // title of capitalised words in brackets or after a dash (after a
    // comma it may be a place's: "State of Texas, First Assistant").
    let jobs = lex::JOB_WORDS
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i)^[ \t]*(?:(?:[-–—,:(\[]|(?-u:\b)is(?-u:\b)|(?-u:\b)was(?-u:\b))[ \t]*\(?[ \t]*(?:(?:his|her|my|their|the|our|a|an|local|named)[ \t]+)?(?:{})|[-–—(\[][ \t]*(?:(?-i:[A-Z])[A-Za-z'’-]*[ \t]+){{1,3}}(?:{jobs}))(?-u:\b)",
        roles.join("|")
    ))
    .expect("valid regex")
});

/// Whether `after`, the text after a name, starts with a relation or a
/// role: " - son", " (Income Officer)", a table's next cell ("  | Wife").
pub(super) fn role_after(after: &str) -> bool {
    // A table's next cell holding only a relation or a role.
    if let Some(row) = after.trim_start_matches([' ', '\t']).strip_prefix('|') {
        let cell = row.split(['|', '\n']).next().unwrap_or_default().trim();
        return !cell.contains(' ') && super::cues::role_word(cell);
    }
    after
        .trim_start_matches([' ', '\t'])
        .starts_with(['-', '–', '—', ',', ':', '(', '[', 'i', 'w'])
        && ROLE_AFTER
            .find(after)
            .is_some_and(|m| !titles_the_next_name(m.as_str(), &after[m.end()..]))
}

/// A chat's time stamp at the start of a line, before the speaker's name:
/// "[10:47] ", "22:15 ", "12/03/2025, 22:15 - ", "12/08 09:10 ", "(9.05pm) ".
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*(?:\[[^\]\n]{0,25}\d[:.]\d\d[^\]\n]{0,12}\]|\(?(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?,?[ \t]+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ \t]?[ap]\.?m\.?)?\)?)[ \t]*(?:[-–][ \t]*)?$",
    )
    .expect("valid regex")
});

/// A speaker in a chat transcript: one to three name words at the start of a
/// line after a time stamp, before a colon: "[10:47] Aisling: they were at
/// it again", "12/03/2025, 22:15 - Tomasz Nowak: i rang them". Not an
/// ordinary word ("Me:", "Admin:").
pub(super) fn speaker(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let before = text[..toks[i].start].trim_end_matches([' ', '\t']);
    let stamped = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, ']' | ')' | '-' | '–' | 'm' | 'M'));
    if !stamped {
        return headed_speaker(text, toks, i).or_else(|| repeated_speaker(text, toks, i));
    }
    // "Grandma Pat:": a relation before the speaker's name.
    let first = if linked(text, toks, i)
        && KIN_OF_ONE
            .split_whitespace()
            .any(|k| k.eq_ignore_ascii_case(toks[i].word))
    {
        i + 1
    } else {
        i
    };
    let mut last = first;
    // "Bev No.6:": a house's number after the name, as a contact is saved.
    while !gap(text, toks, last).starts_with(':') && !HOUSE_AFTER.is_match(gap(text, toks, last)) {
        if last - first >= 2 || !linked(text, toks, last) {
            return None;
        }
        last += 1;
    }
    let label_word = |t: &Tok<'_>| {
        t.lex.is_common()
            || t.lex.is_title()
            || t.lex.is_street()
            || t.lex.is_org()
            || t.lex.is_month_or_day()
            || t.lex.is_job_word()
    };
    let named = |t: &Tok<'_>| {
        let word = label_word(t);
        match t.shape {
            Shape::Cap | Shape::Upper => {
                t.lex.is_given() && !t.lex.is_common()
                    || t.lex.is_surname() && !word
                    || !t.lex.is_english() && !word
            }
            Shape::Lower => t.lex.is_given() && !t.lex.is_english() && !word,
            Shape::Initial => false,
        }
    };
    let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    // After a relation, a name that is also a word: "Grandma Pat:".
    // "12/08 09:10 Will: Hi …" and again "12/08 09:47 Will: …": a name
    // that is also a word, speaking on more than one line.
    let speaks_again = |t: &Tok<'_>| {
        t.shape == Shape::Cap
            && (t.lex.is_ambiguous() || t.lex.is_given())
            && !t.lex.is_month_or_day()
            && !t.lex.is_title()
            && first == last
            && text[t.end..].starts_with(':')
            && text.match_indices(&text[t.start..=t.end]).count() >= 2
    };
    // "[00:00:58] Abi Kettle: Noted.": after a name, a surname that is
    // also a word.
    let word_surname = |k: usize| {
        k > first
            && toks[k].shape == Shape::Cap
            && toks[first].shape == Shape::Cap
            && named(&toks[first])
            && !label_word(&toks[k])
    };
    let found = (first..=last).all(|k| {
        let t = &toks[k];
        named(t)
            || first > i && t.shape == Shape::Cap && t.lex.is_ambiguous()
            || speaks_again(t)
            || word_surname(k)
    }) && toks[i].end == toks[i].full_end
        && line.len() <= 40
        && STAMP.is_match(line);
    found.then_some((last, 0.8))
}

/// A house's number between a chat speaker's name and the colon, as a
/// contact is saved: " No.6:", " no 12:".
static HOUSE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]+(?:no\.?|#)[ \t]?\d{1,3}[a-z]?[ \t]*:").expect("valid regex")
});

/// A name and a time alone on a line, as a chat export heads each message:
/// "Suki Bhamra 09:11". One to three name words that are no common words.
fn headed_speaker(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || !line_start(text, t.start) {
        return None;
    }
    let mut last = i;
    while last - i < 2 && linked(text, toks, last) && toks[last + 1].shape == Shape::Cap {
        last += 1;
    }
    let rest = text[toks[last].full_end..]
        .split('\n')
        .next()
        .unwrap_or_default();
    if last == i || !CHAT_TIME.is_match(rest) {
        return None;
    }
    let named = toks[i..=last].iter().all(|t| {
        !speakers_word(t) && (t.lex.is_given() || t.lex.is_surname() || !t.lex.is_english())
    });
    named.then_some((last, 0.75))
}

/// The rest of a chat export's heading line after the name: " 09:11".
static CHAT_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]+\d{1,2}:\d\d(?:[ \t]?[ap]m)?[ \t]*\r?$").expect("valid regex")
});

/// A word that, heading a chat's line, is a label or a role rather than
/// who speaks: a common word, a title, a street, an organisation, a month
/// or day, a cue or a job ("Note:", "Housing Officer 09:11").
fn speakers_word(t: &Tok<'_>) -> bool {
    t.lex.is_common()
        || t.lex.is_title()
        || t.lex.is_street()
        || t.lex.is_org()
        || t.lex.is_month_or_day()
        || t.lex.is_cue_word()
        || t.lex.is_job_word()
}

/// A speaker of a chat copied without time stamps: a name alone at the
/// start of a line before a colon and words, as at the start of another
/// line ("Jade: u better keep ur mouth shut … Jade: go on then"), one of
/// them going on in lower case. Not a word ("Note:", "Action:").
fn repeated_speaker(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || t.end != t.full_end {
        return None;
    }
    let spoken = text[t.full_end..]
        .strip_prefix(": ")
        .is_some_and(|r| r.starts_with(char::is_alphabetic));
    if !spoken || !line_start(text, t.start) {
        return None;
    }
    let named =
        t.lex.is_given() || t.lex.is_ambiguous() || t.lex.is_surname() || !t.lex.is_english();
    if speakers_word(t) || !named {
        return None;
    }
    // Speech, not a form's field: one of the two lines goes on in lower
    // case ("Outage: Monthly Exercise …" twice is a field).
    let lower_after = |at: usize| {
        text[at..]
            .split_once(": ")
            .is_some_and(|(_, r)| r.starts_with(char::is_lowercase))
    };
    let label = &text[t.start..t.full_end + 1];
    let again = text.match_indices(label).any(|(at, _)| {
        at != t.start && line_start(text, at) && (lower_after(at) || lower_after(t.start))
    });
    again.then_some((i, 0.75))
}

/// A word that may be part of a name in a household list or a signature:
/// capitalised or in capitals, not a title, street, organisation or month.
fn name_word(t: &Tok<'_>) -> bool {
    matches!(t.shape, Shape::Cap | Shape::Upper)
        && !t.lex.is_title()
        && !t.lex.is_street()
        && !t.lex.is_org()
        && !t.lex.is_month_or_day()
        && (!t.lex.is_common() || t.lex.is_given() || t.lex.is_surname())
}

/// One to three name words followed by a relation or a role: "Kieran Moss
/// - son", "DEREK PRYCE (PCSO)", "Leanne, his partner".
pub(super) fn described(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    if !name_word(&toks[i]) {
        return None;
    }
    let mut last = i;
    while last - i < 2
        && linked(text, toks, last)
        && toks[last + 1].shape == toks[i].shape
        && (name_word(&toks[last + 1]) || given_then_street_surname(text, toks, last))
    {
        last += 1;
    }
    // "Later Robin Hill (…)": an ordinary word opening the sentence before
    // two name words is not part of the name.
    let t = &toks[i];
    let opening_word = last - i == 2
        && t.lex.is_english()
        && !t.lex.is_given()
        && !t.lex.is_surname()
        && sentence_start(text, t.start);
    if opening_word {
        return None;
    }
    // The longest run first: "Kieran Moss - son", not "Moss - son".
    let words = &toks[i..=last];
    let namelike = words
        .iter()
        .any(|t| t.lex.is_given() || t.lex.is_surname() || !t.lex.is_english());
    let after = &text[toks[last].full_end..];
    // "Attendees: tenant and …": a form's label, unless a name list holds it.
    let label = i == last
        && after.trim_start_matches([' ', '\t']).starts_with(':')
        && !toks[i].lex.is_given()
        && !toks[i].lex.is_surname();
    // "Sienna Oduya-Reid Relationship: daughter": a column form's next
    // label after the name, not a word of it.
    let next_label = i < last
        && super::forms::label_after(text, toks[last].full_end)
        && !toks[last].lex.is_given()
        && !toks[last].lex.is_surname()
        && !toks[last].lex.is_word_surname();
    if label || next_label {
        return None;
    }
    (namelike && role_after(after) && !vetoed(text, toks, i, last)).then_some((last, 0.85))
}

/// "GP is Dr Pillai", "the officer was PC Dawson": after "is" or "was" the
/// role is the title of the name after it, not a description of the word
/// before.
fn titles_the_next_name(role: &str, rest: &str) -> bool {
    let linked_by_verb = role
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("is") || w.eq_ignore_ascii_case("was"));
    let next = rest.trim_start_matches('.').trim_start_matches([' ', '\t']);
    linked_by_verb && rest.len() > next.len() && next.starts_with(|c: char| c.is_uppercase())
}

/// Family and friends after a possessive: "Jaxon's dad", "Kayleigh's
/// boyfriend".
const KIN: &str = "mum mam mom mother dad father son daughter brother sister boyfriend \
    girlfriend husband wife nan nana nanna gran grandma grandad granddad grandmother \
    grandfather kids kid children child baby cousin uncle aunt auntie mate mates fella missus \
    stepdad stepmum";

/// In lower case, a given name that is also a word, or a name in no list,
/// after a possessive and a word for family or friends ("his mum dawn", "my
/// mate rocky", "his brother kade"), and each name of a pair after a word
/// for children ("her kids summer and river"). Not a word that goes on the
/// sentence ("my dad will").
pub(super) fn kin_named(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Lower || t.end != t.full_end || i < 2 {
        return None;
    }
    let spaced = |k: usize| gap(text, toks, k) == " ";
    let owner = |k: usize| {
        matches!(toks[k].word, "my" | "his" | "her" | "their" | "our" | "ur")
            || toks[k].end != toks[k].full_end
    };
    // A possessive and a word, or "and" after a name, just before: looked
    // at first, as most words have neither.
    let after_and = i >= 4 && toks[i - 1].word == "and";
    let after_owner = spaced(i - 1) && spaced(i - 2) && owner(i - 2);
    if !after_and && !after_owner {
        return None;
    }
    let unlisted = unlisted_word(t);
    let word_name = (t.lex.is_given() || t.lex.is_ambiguous())
        && !t.lex.is_month_or_day()
        && !t.lex.is_title()
        && !t.lex.is_cue_word()
        && !matches!(
            t.word,
            "will" | "may" | "can" | "must" | "did" | "does" | "do" | "is" | "was" | "has" | "had"
        );
    // After a word for children, the first of a pair: "summer and …".
    let pair_after = || {
        toks.get(i + 1).is_some_and(|n| n.word == "and")
            && spaced(i)
            && toks.get(i + 2).is_some_and(|n| n.shape == Shape::Lower)
    };
    let after_kin = !after_and
        && (word_name || unlisted)
        && (listed(KIN_OF_ONE, toks[i - 1].word)
            || word_name && listed(KIN_OF_MANY, toks[i - 1].word) && pair_after());
    // "her kids summer and river": the second of the pair, a word too, but
    // not one that goes on the sentence ("her kids jay and then …").
    let word = || {
        !t.lex.is_month_or_day()
            && !t.lex.is_title()
            && !t.lex.is_cue_word()
            && !t.lex.is_street()
            && t.word.len() >= 3
            && !listed(GOES_ON, t.word)
    };
    let second = after_and
        && (1..=4).all(|d| spaced(i - d))
        && toks[i - 2].shape == Shape::Lower
        && (toks[i - 2].lex.is_given() || toks[i - 2].lex.is_ambiguous())
        && listed(KIN_OF_MANY, toks[i - 3].word)
        && owner(i - 4)
        && (word_name || unlisted || word());
    ((after_kin || second) && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// A word of three letters or more, ASCII letters only, that no list
/// holds: a name the lists do not know ("rocky", "amir").
fn unlisted_word(t: &Tok<'_>) -> bool {
    t.lex == lex::Bits::default()
        && t.word.len() >= 3
        && t.word.chars().all(|c| c.is_ascii_alphabetic())
}

/// Words for one member of a family or a friend before their name, the
/// ones texts shorten too ("her bf jordz", "my cuz rayray").
const KIN_OF_ONE: &str = "mum mam mom dad nan nana nanna gran grandma grandad granddad uncle \
    aunt auntie cousin mate pal ex stepdad stepmum stepson stepdaughter brother sister son \
    daughter nephew niece boyfriend girlfriend husband wife partner fella missus hubby bf gf \
    cuz bro sis bestie fiance fiancee";

/// Words that go on a sentence after "and": "her kids jay and then …".
const GOES_ON: &str = "the then now also still they you them their his her its were are was \
    is have has had will would can could should and but not never always this that these \
    those some all both any our your who what when where why how every each other others \
    two three four more most just even only been being get got going gone went come came \
    she him own too very";

/// Words for children before the given names of a pair of them.
const KIN_OF_MANY: &str = "kids children sons daughters grandkids grandchildren";

/// Whether `word` is a word for family or friends: "mum", "girlfriend".
pub(super) fn kin(word: &str) -> bool {
    listed(KIN, word)
}

/// Words for family used before a name as a title is: "Auntie Grace",
/// "Nanna Pat", "uncle Bill".
const KIN_TITLES: &str = "auntie aunty aunt uncle nan nana nanna nanny gran granny grandma \
    grandad granddad grandpa nain taid";

/// A capitalised name after a word for family used as its title ("Auntie
/// Grace", "Nanna Pat", "my uncle Bill Moss"), even a word-name; the word
/// for family stays out of the name. Not a street or an organisation the
/// words after it make of it (`vetoed`), nor a word in capitals.
pub(super) fn kin_titled(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || i == 0 || gap(text, toks, i - 1) != " " {
        return None;
    }
    let before = &toks[i - 1];
    // The first letter first: most words stop there.
    let first = before.word.as_bytes().first().map_or(0, |b| b | 0x20);
    let kin = matches!(first, b'a' | b'u' | b'n' | b'g' | b't')
        && KIN_TITLES
            .split_whitespace()
            .any(|k| k.eq_ignore_ascii_case(before.word));
    if before.end != before.full_end || !kin {
        return None;
    }
    // "Auntie Grace Moss": a surname after the given name goes with it.
    let last = match toks.get(i + 1) {
        Some(n) if n.shape == Shape::Cap && n.lex.is_surname() && gap(text, toks, i) == " " => {
            i + 1
        }
        _ => i,
    };
    (!vetoed(text, toks, i, last)).then_some((last, 0.7))
}

/// A name in brackets after a relation, in no list or a word: "his wife
/// (Hodan)", "her ex-husband (Abdirizak)", "the lodger (Tomasz Nowak)".
/// Not a title, a month, a street or a word no list holds as a name ("the
/// tenant (Deceased)"); up to three capitalised words closed by the bracket.
pub(super) fn kin_bracketed(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || i == 0 || !text[..t.start].ends_with('(') {
        return None;
    }
    let relation = &toks[i - 1];
    let before = &text[relation.full_end..t.start];
    let lowered = relation.shape == Shape::Lower;
    if before != " (" || !lowered || !(kin(relation.word) || super::cues::role_word(relation.word))
    {
        return None;
    }
    let plain = |k: &Tok<'_>| {
        k.shape == Shape::Cap
            && !k.lex.is_title()
            && !k.lex.is_month_or_day()
            && !k.lex.is_street()
            // "the tenant (Deceased)", "partner (Unknown)".
            && (!k.lex.is_english() || k.lex.is_given() || k.lex.is_surname())
    };
    let mut last = i;
    while last < i + 3 && plain(&toks[last]) {
        if text[toks[last].end..].starts_with(')') {
            return Some((last, 0.7));
        }
        if gap(text, toks, last) != " " || !toks.get(last + 1).is_some_and(plain) {
            break;
        }
        last += 1;
    }
    None
}

/// A capitalised word that is no ordinary word (or a known given name)
/// before "'s" and a word for family or friends: "Jaxon's dad",
/// "Kayleigh's boyfriend". Not a title, a cue word ("Mother's"), a street,
/// an organisation or a month.
pub(super) fn possessive_kin(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let next = toks.get(i + 1)?;
    if t.end == t.full_end {
        return None;
    }
    // "CHELSEA'S BROTHER KICKED MY DOOR": in a sentence in capitals, the
    // same.
    let shouted = t.shape == Shape::Upper
        && next.shape == Shape::Upper
        && super::forms::upper_sentence(text, t.start);
    let kin = t.end != t.full_end
        && &text[t.full_end..next.start] == " "
        && (next.shape == Shape::Lower && listed(KIN, next.word)
            || shouted && listed(KIN, &next.word.to_lowercase()));
    // "amir's cousin": in lower case, a given name that is no word, or a
    // word in no list.
    let unlisted = unlisted_word(t);
    let lower = t.shape == Shape::Lower && (plain_lower_name(t) && t.lex.is_given() || unlisted);
    let namelike = lower
        || (t.shape == Shape::Cap || shouted)
            && name_word(t)
            && !t.lex.is_cue_word()
            && (t.lex.is_given()
                || t.lex.is_ambiguous()
                || !t.lex.is_english() && !t.lex.is_common());
    (kin && namelike && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// A given name, or a word in no list, before an age or a date of birth in
/// brackets, as a list of children gives them: "Mason (7), Evie-Grace (4)",
/// "Lincoln (18 months)", "Sagal (4)", "Rudo (DOB 19/10/2019)", "Skye, aged
/// 2". Not a month or an English word ("May (2)", "Section (3)").
pub(super) fn aged(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || t.end != t.full_end {
        return None;
    }
    let bracket = text[t.full_end..].strip_prefix(" (");
    // "Lincoln (18 months)", "Ava (6 wks)": a baby's age in months or weeks.
    let age = bracket
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(n, _)| {
            let n = ["months", "month", "mths", "weeks", "wks"]
                .iter()
                .find_map(|u| n.strip_suffix(u).map(str::trim_end))
                .unwrap_or(n);
            (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
        });
    // "Rudo (DOB 19/10/2019)", "Kai (born 2019)": a date of birth.
    let born = bracket.is_some_and(|r| {
        let r = r.trim_start().to_ascii_lowercase();
        ["dob ", "dob:", "d.o.b", "born "]
            .iter()
            .any(|p| r.starts_with(p))
    });
    // "Skye, aged 2", "Cody aged 7", "Ellis (aged 4)": the word "aged".
    let said = text[t.full_end..]
        .trim_start_matches([',', ' ', '('])
        .strip_prefix("aged ")
        .map(|r| r.trim_start_matches(' '))
        .is_some_and(|r| {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&digits)
                && !r[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '/')
        });
    let age = age || born || said;
    // "Sagal (4)": a name in no list, no English word either.
    let unlisted = !t.lex.is_english() && !t.lex.is_common() && !t.lex.is_surname();
    let given = t.shape == Shape::Cap
        && (t.lex.is_given() || unlisted)
        && name_word(t)
        && t.end == t.full_end;
    (age && given && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// A given name or a word that is no English word, alone on its line and
/// followed by a comma: the salutation "Raj," or "Mark,"; or a known given
/// name in capitals alone on its line: the signature "LEONARD".
pub(super) fn salutation(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if !matches!(t.shape, Shape::Cap | Shape::Upper)
        || t.end != t.full_end
        || !line_start(text, t.start)
    {
        return None;
    }
    let rest = text[t.full_end..].split('\n').next().unwrap_or_default();
    let comma_alone = rest.trim_end() == ",";
    // "Don, the above is …": a given name opening the message's line,
    // then a comma and the sentence going on in lower case.
    let addressed = rest
        .strip_prefix(", ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()) || r.starts_with("I "))
        && (t.lex.is_given() || t.lex.is_ambiguous() && !t.lex.is_surname())
        && t.shape == Shape::Cap
        && !t.lex.is_common()
        && !t.lex.is_month_or_day()
        && !t.lex.is_cue_word()
        && !matches!(t.word, "Will" | "May" | "Bill" | "Hope" | "Sure" | "Well");
    let signature = t.shape == Shape::Upper
        && matches!(rest.trim_end(), "" | ".")
        && t.lex.is_given()
        && !t.lex.is_ambiguous();
    let word = t.lex.is_common()
        || t.lex.is_street()
        || t.lex.is_org()
        || t.lex.is_title()
        || t.lex.is_month_or_day();
    let name = t.lex.is_given() || !t.lex.is_english() && !word;
    let shaped = comma_alone && name || signature || addressed;
    (shaped && t.word.chars().count() > 1).then_some((i, 0.75))
}

/// What a chat's message says to someone just before their name in small
/// letters: "thanks mike x", "sorry shanice.", "thank u grace".
static TO_SOMEONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^a-z'])(?:thanks|thank[ \t]+(?:you|u)|thanku|thx|cheers|sorry|hi|hiya|hey|ta|bye|night|morning|love[ \t]+(?:you|u))[ \t]*,?[ \t]+$")
        .expect("valid regex")
});

/// A given name in small letters after thanks, sorry or a greeting, ending
/// the message or its clause ("thanks mike x", "lol sorry shanice.",
/// "thank you dawn you were very kind"); not a verb after it ("thanks will
/// do").
pub(super) fn thanked_lower(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let name = t.shape == Shape::Lower
        && t.end == t.full_end
        && t.lex.is_given()
        && !t.lex.is_common()
        && !t.lex.is_cue_word()
        && t.word.len() > 2;
    if !name {
        return None;
    }
    let line_from = text[..t.start].rfind('\n').map_or(0, |k| k + 1);
    if !TO_SOMEONE.is_match(&text[line_from..t.start]) {
        return None;
    }
    let after = &text[t.end..];
    let ends = after.is_empty()
        || after.starts_with(['.', ',', '!', '?', '\n', '\r', ')', ':'])
        || [" x", " you", " u ", " u\n", " :)", " lol"]
            .iter()
            .any(|w| after.starts_with(w));
    ends.then_some((i, 0.7))
}

/// Lower-case given names joined by "and", "&" or a comma: "kelly and shane
/// were shouting". Each is a known name that is no English word.
pub(super) fn lower_pair(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if !plain_lower_name(t) || !t.lex.is_given() {
        return None;
    }
    let joins = |g: &str| matches!(g.trim(), "and" | "&" | ",") && g.len() <= 6;
    let joined_to = |k: usize| plain_lower_name(&toks[k]) && toks[k].lex.is_given();
    let next = i + 2 < toks.len()
        && joins(&text[t.full_end..toks[i + 2].start])
        && toks[i + 1].word == "and"
        && joined_to(i + 2)
        || i + 1 < toks.len() && joins(gap(text, toks, i)) && joined_to(i + 1);
    let before = i >= 2
        && toks[i - 1].word == "and"
        && joins(&text[toks[i - 2].full_end..t.start])
        && joined_to(i - 2)
        || i >= 1 && joins(gap(text, toks, i - 1)) && joined_to(i - 1);
    (next || before).then_some((i, 0.65))
}

/// Words after which informal writing puts a person's given name in lower
/// case: "told darren", "saw her with lee", "his m8 callum", "tell ur kev".
const BEFORE_A_LOWER_NAME: &str = "told tell tells telling asked ask asking texted text rang \
    ring ringing called call calling phoned messaged saw see seen met blamed hit punched kicked \
    threatened with mate m8 lad bro fella bloke missus hubby n and to from by at our ur yer";

/// Of those, the ones a bare noun seldom follows, so that a given name that
/// is also a word ("lee", "mark") after them is the name.
const STRONG_BEFORE_A_LOWER_NAME: &str = "told tell tells telling asked ask asking texted rang \
    ringing phoned messaged blamed punched kicked threatened with mate m8 lad bro fella bloke \
    missus hubby";

/// Words of telling after a lower-case name: "when jessie gets home",
/// "rhys said". A given name that is no word before one is the name.
const AFTER_A_LOWER_NAME: &str =
    "said says saying lets let was is has had came comes went goes told \
    asked shouted screamed rang rings called calls texted wants wanted gets got kept keeps \
    will would can could did does included isnt wasnt aint doesnt didnt dont cant wont hasnt \
    hadnt";

/// The words of `BEFORE_A_LOWER_NAME` that are no verb or word for a
/// friend: "to jack", "and carol" may be the word.
const PREPOSITIONS: &str = "n and to from by at with";

const ARTICLES: &str = "a an the this that my his her our their your";

/// Given names that are also words, but seldom bare nouns after those.
const NAMES_BEFORE_WORDS: &str = "lee dean jay rob sue ray mark pat";

/// One of the given names that are also words but seldom bare nouns
/// after a strong cue: "dean", "lee", "jay".
pub(super) fn name_and_word(word: &str) -> bool {
    listed(NAMES_BEFORE_WORDS, word)
}

/// Whether `word` (in lower case) is one after which informal writing puts
/// a person's given name: "told", "with", "by".
pub(super) fn before_a_lower_name(word: &str) -> bool {
    listed(BEFORE_A_LOWER_NAME, word)
}

fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// A lower-case given name in informal writing: after a verb or a word for a
/// friend ("told darren", "his m8 callum", "with lee"), before a word of
/// telling ("when jessie gets home"), or in a sentence
/// written wholly in lower case ("dazza and his mate were on the grass").
pub(super) fn informal(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Lower || !t.lex.is_given() || t.lex.is_common() {
        return None;
    }
    // Part of an address or a file name: "susan.bailey@", "/forms/".
    let joined = text[..t.start].ends_with(['.', '@', '_', '/', '\\', '-'])
        || text[t.full_end..]
            .strip_prefix(['.', '@', '_', '/', '\\'])
            .is_some_and(|r| r.starts_with(char::is_alphanumeric));
    if joined {
        return None;
    }
    let plain = !t.lex.is_ambiguous() && !t.lex.is_english();
    let before = i
        .checked_sub(1)
        .filter(|&k| gap(text, toks, k).chars().all(|c| c == ' '))
        .map(|k| toks[k].word.to_lowercase());
    let after = |list: &str| before.as_deref().is_some_and(|w| listed(list, w));
    let word_name = listed(NAMES_BEFORE_WORDS, &t.word.to_lowercase());
    let telling = toks.get(i + 1).is_some_and(|n| {
        gap(text, toks, i) == " " && n.shape == Shape::Lower && listed(AFTER_A_LOWER_NAME, n.word)
    });
    // "saw maria outside": a given name the word list holds as a rare word
    // ("maria", "sally", "harry"), after a verb or a word for a friend, or
    // before a word of telling.
    let rare_word = !t.lex.is_ambiguous() && t.lex.is_english();
    let verb_before = after(BEFORE_A_LOWER_NAME) && !after(PREPOSITIONS);
    let found = plain && (after(BEFORE_A_LOWER_NAME) || telling || lower_sentence(text, t.start))
        || word_name && after(STRONG_BEFORE_A_LOWER_NAME)
        || rare_word && (verb_before || telling && !after(ARTICLES));
    (found && !vetoed(text, toks, i, i)).then_some((i, 0.6))
}

/// Where a neighbour lives, said right after their name: "sue from next
/// door", "Mark upstairs", "kev at number 4".
static NEIGHBOUR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]+(?:from[ \t]+)?(?:next[ \t]+door|upstairs|downstairs|across[ \t]+the[ \t]+(?:road|street|landing|hall)|(?:at|from|in)[ \t]+(?:no\.?|number|flat)[ \t]*\d)",
    )
    .expect("valid regex")
});

/// A given name, also one that is a word, before where the person lives:
/// "sue from next door", "Dawn upstairs", "kev at number 4".
pub(super) fn neighbour(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let named = (t.lex.is_given() || t.lex.is_ambiguous())
        && !t.lex.is_common()
        && !t.lex.is_title()
        && !t.lex.is_month_or_day()
        && t.end == t.full_end;
    let after = &text[t.full_end..];
    let not_before = i > 0 && NOT_BEFORE.contains(&toks[i - 1].word.to_lowercase().as_str());
    let found =
        named && after.starts_with([' ', '\t']) && NEIGHBOUR_AFTER.is_match(after) && !not_before;
    // "says Rose at 17 has been …": a capitalised given name, also one
    // that is a common word, before a bare house number, not opening a
    // sentence.
    let at_house = || {
        t.shape == Shape::Cap
            && t.end == t.full_end
            && (t.lex.is_given() || t.lex.is_ambiguous())
            && !t.lex.is_title()
            && !t.lex.is_month_or_day()
            && !t.lex.is_street()
            && !not_before
            && !sentence_start(text, t.start)
            && bare_house_after(after)
    };
    ((found || at_house()) && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// " at 17 has been", " at 3b,": a house's number alone after "at", not a
/// time, an age or a count ("at 10:30", "at 12 years old", "at 6 pm").
fn bare_house_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" at ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let rest = &rest[digits..];
    let rest = rest
        .strip_prefix(|c: char| matches!(c, 'a'..='f'))
        .filter(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric()))
        .unwrap_or(rest);
    let closed = rest.is_empty() || rest.starts_with([' ', ',', ';', ')', '\n', '\r']);
    let next = rest
        .trim_start_matches([' ', ','])
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    closed
        && !matches!(
            next.as_str(),
            "am" | "pm"
                | "o'clock"
                | "oclock"
                | "years"
                | "yrs"
                | "year"
                | "weeks"
                | "months"
                | "days"
                | "mins"
                | "minutes"
                | "hours"
                | "hrs"
                | "percent"
                | "per"
                | "and"
                | "or"
                | "to"
                | "till"
                | "until"
        )
}

/// The person a note is left for: "Note for Mark: please …", "Message for
/// Grace -", "FAO Will:". A given name, also one that is a word, capitalised.
pub(super) fn note_for(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || t.end != t.full_end || i == 0 || gap(text, toks, i - 1) != " " {
        return None;
    }
    let prev = toks[i - 1].word.to_ascii_lowercase();
    let cued = prev == "fao"
        || prev == "for"
            && i >= 2
            && gap(text, toks, i - 2) == " "
            && matches!(
                toks[i - 2].word.to_ascii_lowercase().as_str(),
                "note" | "message" | "msg" | "memo" | "reminder" | "handover" | "query"
            );
    let named = (t.lex.is_given() || t.lex.is_ambiguous())
        && !t.lex.is_month_or_day()
        && !t.lex.is_title()
        && !t.lex.is_org()
        && !t.lex.is_street();
    let ends = gap(text, toks, i).starts_with([':', ',', ' ', '-', '\n']);
    (cued && named && ends && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// A name set beside the person it names, after a comma: "shouting at the
/// girl, Skye.", "the young lad, Tyler, …". A given name, one that is a
/// word or a capitalised word in no list; the clause ends or goes on after
/// it.
pub(super) fn apposed(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || t.end != t.full_end || i < 2 || gap(text, toks, i - 1) != ", " {
        return None;
    }
    let person = |w: &str| {
        matches!(
            w,
            "girl"
                | "boy"
                | "lad"
                | "lass"
                | "man"
                | "woman"
                | "lady"
                | "child"
                | "baby"
                | "toddler"
                | "teenager"
                | "youth"
                | "gentleman"
                | "bloke"
                | "fella"
                | "chap"
                | "kid"
                | "girlfriend"
                | "boyfriend"
        )
    };
    let article = |k: usize| {
        gap(text, toks, k) == " "
            && matches!(
                toks[k].word.to_lowercase().as_str(),
                "the" | "a" | "this" | "that"
            )
    };
    let adjective = |k: usize| {
        gap(text, toks, k) == " "
            && matches!(
                toks[k].word,
                "young" | "little" | "older" | "old" | "other" | "teenage"
            )
    };
    let cued = person(toks[i - 1].word)
        && (article(i - 2) || i >= 3 && adjective(i - 2) && article(i - 3));
    if !cued {
        return None;
    }
    let g = gap(text, toks, i);
    let ends =
        i + 1 == toks.len() || g.starts_with(['.', ',', ';', '!', '?', '\n']) || g == " and ";
    let named = (t.lex.is_given() || t.lex.is_ambiguous() || unlisted_word(t))
        && !t.lex.is_month_or_day()
        && !t.lex.is_title()
        && !t.lex.is_street()
        && !t.lex.is_org()
        && !t.lex.is_cue_word();
    (ends && named && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// Words before which a given name that is also a word is the word: "the
/// rose from next door".
const NOT_BEFORE: &[&str] = &[
    "a", "an", "the", "this", "their", "his", "her", "my", "our", "your",
];

/// Whether the sentence around `pos` has no capital letter but a lone "I":
/// a tenant's diary, a text message.
pub(super) fn lower_sentence(text: &str, pos: usize) -> bool {
    let sentence = sentence_around(text, pos);
    // "Dionne Kerr: kev aint even here": a chat's message after its
    // speaker and a colon is a sentence of its own.
    let before = &text[..pos];
    let start = before.rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1);
    let sentence = match before[start..].rfind(": ") {
        Some(k) => &sentence[k + 2..],
        None => sentence,
    };
    let words = sentence.split_whitespace().count();
    words >= 4
        && sentence
            .split(|c: char| !c.is_alphabetic())
            .all(|w| w == "I" || !w.chars().any(char::is_uppercase))
}

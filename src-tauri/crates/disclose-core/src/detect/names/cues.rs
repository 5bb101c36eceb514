//! Names a word list alone cannot tell from words, streets or codes, told
//! by a person cue around them: a given name and a surname that are both
//! words ("I spoke to Frank Lane", "Grant Heath and his brother"), a given
//! name before the team the person works in ("Mark from Compliance", "sue
//! from housing"), a given name alone on the last line of a message (its
//! sign-off), a possessive written without its apostrophe ("connors mum"),
//! a name that is also a word before what a person does, after a verb of
//! telling someone, before a phone number or joined by "and" to a name
//! found ("Frank rang", "Texted Jade", "call Heather at Ext.33278", "Chase
//! and Jordan", "bill and sue are coming") and a member of staff's initials
//! closing a case note ("Spoke to tenant. JB", "– KM 14/03").

use std::sync::LazyLock;

use regex::Regex;

use super::context::{kin, role_after};
use super::forms::{cue_before, vetoed};
use super::tokens::{gap, linked, sentence_start, Shape, Tok};
use crate::extract::text::floor_char_boundary;

/// Just before a name: a verb of speaking to, meeting or asking someone, a
/// word of signing or approving by someone or a message from someone
/// ("spoke to ", "asked ", "approved by ", "an email from ").
static PERSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:e-?mail|letter|call|message|text|visit|complaint|statement|voicemail|referral)[ \t]+from|(?:spoke|speak|speaking|spoken|talked|talking|wrote|writing|explained|apologised|complained|reported[ \t]+it|handed[ \t]+it|passed[ \t]+it|gave[ \t]+it)[ \t]+to|told|asked|rang|phoned|emailed|e-mailed|texted|messaged|contacted|informed|thanked|reminded|interviewed|met|(?:approved|authorised|signed|sent|written|reported|witnessed|seen|checked|completed|attended|raised|logged|inspected|visited|accompanied)[ \t]+by)[ \t]+$",
    )
    .expect("valid regex")
});

/// Just after a name: what only a person does or has ("said", "approved",
/// "and his brother", ", who", "himself").
static PERSON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[ \t]+(?:and|&)[ \t]+(?:his|her|their)[ \t]|,?[ \t]+(?:who|whom|whose)(?-u:\b)|[ \t]+(?:said|says|told|asked|approved|authorised|agreed|rang|phoned|emailed|replied|explained|confirmed|stated|shouted|threatened|admitted|denied|refused|promised|apologised|arrived|turned[ \t]+up|wants|wanted|thinks|thought|knows|knew|himself|herself|has[ \t]+(?:agreed|asked|said|confirmed|approved)|will[ \t]+(?:call|ring|phone|email|contact|visit))(?-u:\b))",
    )
    .expect("valid regex")
});

/// A given name (or a word that may be one) and a surname that is a word
/// or a street word — "Frank Lane", "Grant Heath" — read as a person only
/// with a cue: a verb of speaking to or meeting before, a title, job title
/// or relation just before ("Supervisor Frank Lane"), a cue word ("my
/// neighbour"), a mail header's label or a name just before and a comma or
/// "and" (`after_name`: "Cc: Ray Lane, Jay Brook"), or what a person does
/// or has after ("said", "and his brother", "- son"). A house
/// number before, or a capitalised word after that carries on a street's
/// name, keeps it a street.
pub(super) fn cued_pair(
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
    after_name: bool,
) -> Option<(usize, f32)> {
    let (first, second) = (&toks[i], toks.get(i + 1)?);
    let shaped = matches!(first.shape, Shape::Cap | Shape::Upper) && second.shape == first.shape;
    let given = (first.lex.is_given() || first.lex.is_ambiguous())
        && !first.lex.is_title()
        && !first.lex.is_month_or_day()
        && !first.lex.is_cue_word()
        && !first.lex.is_common();
    let surname = second.lex.is_surname() || second.lex.is_word_surname();
    if !(shaped && given && surname && linked(text, toks, i)) {
        return None;
    }
    // "Frank Lane Surgery", "Frank Lane Medical Centre".
    let more = linked(text, toks, i + 1) && matches!(toks[i + 2].shape, Shape::Cap | Shape::Upper);
    let number_before = text[..first.start]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit());
    if more || number_before {
        return None;
    }
    let from = floor_char_boundary(text, first.start.saturating_sub(40));
    let job_before = i > 0 && linked(text, toks, i - 1) && {
        let b = &toks[i - 1];
        b.lex.is_job_word() || b.lex.is_title() || role_word(b.word)
    };
    let before = after_name
        || PERSON_BEFORE.is_match(&text[from..first.start])
        || cue_before(text, first.start)
        || header_before(text, first.start)
        || job_before;
    let after = &text[second.full_end..];
    let possessive_kin = second.end != second.full_end && kin_after(text, toks, i + 1);
    let person_after = PERSON_AFTER.is_match(after) || role_after(after) || possessive_kin;
    (before || person_after).then_some((i + 1, 0.8))
}

/// Whether a mail header or a meeting note's label for people opens the
/// line before `pos`: "cc: ", "To: ", "Attendees: ".
fn header_before(text: &str, pos: usize) -> bool {
    let line = &text[text[..pos].rfind('\n').map_or(0, |k| k + 1)..pos];
    line.trim_end_matches([' ', '\t'])
        .strip_suffix(':')
        .is_some_and(|label| {
            matches!(
                label.trim().to_lowercase().as_str(),
                "cc" | "bcc" | "to" | "from" | "attendees" | "present" | "invitees" | "apologies"
            )
        })
}

/// A relation or a role of one word ("caretaker", "nephew"), of
/// `RELATIONS_AND_ROLES`, also a former or in-law one ("ex-partner",
/// "brother-in-law").
pub(super) fn role_word(word: &str) -> bool {
    super::lex::with_lower(word, |w| {
        let w = w.strip_prefix("ex-").unwrap_or(w);
        let w = w.strip_suffix("-in-law").unwrap_or(w);
        super::lex::RELATIONS_AND_ROLES
            .split_whitespace()
            .any(|r| r == w)
    })
}

/// Whether a word for family or friends follows token `k` after one space:
/// "Grant's girlfriend", "connors mum".
pub(super) fn kin_after(text: &str, toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k + 1).is_some_and(|n| {
        &text[toks[k].full_end..n.start] == " " && n.shape == Shape::Lower && kin(n.word)
    })
}

/// Teams and departments a member of staff is "from": "Mark from
/// Compliance", "sue from housing", "Jo from the council".
static TEAM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]+(?:from|at|in)[ \t]+(?:(?:the|our)[ \t]+)?(?:housing|compliance|repairs|income|rents?|finance|legal|(?-i:HR|IT)|lettings|allocations|estates|asb|anti-social[ \t]+behaviour|safeguarding|customer[ \t]+services|council|office|team|planning|environmental[ \t]+health|maintenance|tenancy[ \t]+services|neighbourhoods?|complaints|accounts|payroll|facilities|reception|admin|contact[ \t]+centre|call[ \t]+centre|social[ \t]+services|children'?s[ \t]+services|adult[ \t]+social[ \t]+care|police|data[ \t]+protection|information[ \t]+governance|probation|audit|procurement|welfare[ \t]+benefits|money[ \t]+advice|tenancy[ \t]+sustainment|(?:tenants?|residents?)['’]?[ \t]+as+ociation|(?:(?-i:[A-Z])[a-z]+[ \t]+){1,3}(?:Homes|Housing|Council|Services|Team|Department|Police))(?-u:\b)",
    )
    .expect("valid regex")
});

/// Names that are words, before "from" as the word: "a bill from", "a will
/// from", "hope from".
const WORDS_BEFORE_FROM: &[&str] = &[
    "bill", "will", "may", "hope", "art", "grace", "faith", "joy",
];

/// A given name, also one that is a word, or a capitalised word in no list,
/// before the team the person works in: "Mark from Compliance", "sue from
/// housing", "Shola from the estates team", "Ishbel in tenancy services".
/// Not after an article or a possessive ("the rose from …").
pub(super) fn from_team(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // "Shola from the estates team": a capitalised word no list holds will do.
    let unlisted = t.shape == Shape::Cap
        && !t.lex.is_english()
        && !t.lex.is_surname()
        && !t.lex.is_org()
        && !t.lex.is_street()
        && !t.lex.is_nationality();
    let named = (t.lex.is_given() || t.lex.is_ambiguous() || unlisted && from_the_team(text, t))
        && !t.lex.is_common()
        && !t.lex.is_title()
        && !t.lex.is_month_or_day()
        && !t.lex.is_cue_word()
        && t.end == t.full_end
        && t.shape != Shape::Initial
        && !WORDS_BEFORE_FROM.contains(&t.word.to_lowercase().as_str());
    let found = named && !after_article(toks, i) && TEAM_AFTER.is_match(&text[t.full_end..]);
    (found && !vetoed(text, toks, i, i)).then_some((i, 0.75))
}

/// " from the estates team", " in tenancy services", " in our Income
/// team": a team of the writer's own organisation after a word in no list.
fn from_the_team(text: &str, t: &Tok<'_>) -> bool {
    static TEAM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]+(?:from[ \t]+the|in[ \t]+our|in)[ \t]+(?:[A-Za-z]+[ \t]+){0,3}(?:team|services)(?-u:\b)")
            .expect("valid regex")
    });
    let after = &text[t.full_end..];
    (after.starts_with(" from the ") || after.starts_with(" in ")) && TEAM.is_match(after)
}

/// A lower-case given name with an "s" and no apostrophe before a word for
/// family or friends: "connors mum", "jaydens dad", "jordans mum". The stem
/// is a known given name that is no English word (a place will do), and the
/// word with its "s" is no word either ("lees" is one).
///
/// Capitalised too, before family, friends or something of theirs ("Debs
/// bay", "Micks dog"), when the word with its "s" is no name itself
/// ("Williams", "Evans").
pub(super) fn bare_possessive(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let cap = t.shape == Shape::Cap && !t.lex.is_given() && !t.lex.is_surname();
    if !(t.shape == Shape::Lower || cap)
        || t.end != t.full_end
        || t.lex.is_english()
        || t.lex.is_common()
    {
        return None;
    }
    let stem = t.word.strip_suffix('s')?;
    let bits = super::lex::Bits::of(stem);
    let named =
        stem.chars().count() >= 3 && bits.is_given() && !bits.is_english() && !bits.is_common();
    let after = kin_after(text, toks, i)
        || cap && !sentence_start(text, t.start) && super::owned_after(text, toks, i);
    (named && after && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// A word with a capital and small letters only: "Inaya", not "iPhone" or
/// "McDonalds" in capitals inside.
fn title_case_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase())
}

/// A whole capitalised word ("Frank", not "FRANK" or "frank") that no list holds as
/// a common word, a title, a month or day, or a cue word: a name when its
/// lists and a cue around it say so.
pub(super) fn plain_capitalised(t: &Tok<'_>) -> bool {
    t.shape == Shape::Cap
        && t.end == t.full_end
        && !t.lex.is_common()
        && !t.lex.is_title()
        && !t.lex.is_month_or_day()
        && !t.lex.is_cue_word()
}

/// A given name alone on the last line of a message, as its sign-off:
/// "…ring me back.\nMark", "Thanks\n\nDeb". The line before holds words and
/// ends a sentence or is a closing; nothing but blank lines, a kiss or a
/// quoted message's header follows.
pub(super) fn last_line_name(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let named = plain_capitalised(t) && (t.lex.is_given() || t.lex.is_ambiguous());
    if !named {
        return None;
    }
    let line_before = text[..t.start].trim_end_matches([' ', '\t']);
    let before = line_before.strip_suffix('\n')?;
    let rest_of_line = text[t.full_end..].split('\n').next().unwrap_or_default();
    let alone = matches!(
        rest_of_line.trim_end_matches('\r').trim(),
        "" | "." | "," | "x" | "xx" | "x."
    );
    let last_words = before.trim_end();
    let closing = last_words.rsplit('\n').next().is_some_and(|l| {
        let l = l.trim().to_lowercase();
        [
            "thanks",
            "thank you",
            "many thanks",
            "cheers",
            "regards",
            "best wishes",
            "love",
            "ta",
        ]
        .iter()
        .any(|c| l.starts_with(c))
    });
    let closed = last_words.ends_with(['.', '!', '?', ',']) || closing;
    let after = text[t.full_end..]
        .split_once('\n')
        .map_or("", |(_, r)| r)
        .trim_start();
    let ends = after.is_empty()
        || after.starts_with('>')
        || after.starts_with("-----")
        || after.starts_with("From:")
        || after.starts_with("Sent from")
        || after.starts_with("On ") && after.lines().next().is_some_and(|l| l.ends_with("wrote:"));
    (alone && closed && ends && !last_words.is_empty()).then_some((i, 0.7))
}

/// Names that are words which, capitalised before a verb, are as often
/// the word: "Bill approved", "Will said".
const WORDS_BEFORE_VERBS: &[&str] = &["bill", "will", "may", "hope", "art", "faith", "many"];

/// A capitalised given name or surname that is also a word, before what
/// only a person does or after a verb of telling or asking someone: "Frank
/// rang again", "Holly said", "phoned Ruby back", in a sentence in capitals
/// "ASKED DEAN TO", in one in lower case "jordan and his mate". Not after an
/// article or a possessive ("the Bill approved").
pub(super) fn acting(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // "I ASKED DEAN TO TURN IT DOWN", "DEAN AND HIS MATES": in a sentence
    // written wholly in capitals, the same.
    let shouted = t.shape == Shape::Upper
        && t.word.chars().count() > 2
        && t.end == t.full_end
        && !t.lex.is_common()
        && !t.lex.is_title()
        && !t.lex.is_month_or_day()
        && !t.lex.is_cue_word()
        && super::forms::upper_sentence(text, t.start);
    // "jordan and his mate were fighting": in a sentence written wholly in
    // lower case, a given name that is also a word or a place.
    let lower = t.shape == Shape::Lower
        && t.end == t.full_end
        && t.lex.is_given()
        && !t.lex.is_common()
        && !t.lex.is_title()
        && !t.lex.is_month_or_day()
        && !t.lex.is_cue_word()
        && super::context::lower_sentence(text, t.start)
        // "we flew to florence and her dad paid": a place after a word of
        // going or being somewhere.
        && !(i > 0 && PLACE_WORDS.contains(&toks[i - 1].word));
    let named = (plain_capitalised(t) || shouted || lower)
        && t.lex.is_ambiguous()
        && (t.lex.is_given() || t.lex.is_surname())
        && !WORDS_BEFORE_VERBS.contains(&t.word.to_lowercase().as_str());
    let from = floor_char_boundary(text, t.start.saturating_sub(40));
    let found = named
        && !after_article(toks, i)
        && (PERSON_AFTER.is_match(&text[t.full_end..])
            || PERSON_BEFORE.is_match(&text[from..t.start]))
        && !vetoed(text, toks, i, i);
    found.then_some((i, 0.7))
}

/// A capitalised word no list holds, before "is", "was" or "has" and a
/// sentence that goes on about a person: "Strawnie is out of hospital and
/// in his own room", "Tavi was moved and she is fine". Not a word of any
/// list (a firm's name goes on with "its").
pub(super) fn pronoun_subject(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap
        || t.end != t.full_end
        || t.lex != super::lex::Bits::default()
        || t.word.len() < 4
        || !title_case_word(t.word)
    {
        return None;
    }
    let verb = toks.get(i + 1).is_some_and(|n| {
        gap(text, toks, i) == " " && matches!(n.word, "is" | "was" | "has" | "had")
    });
    if !verb {
        return None;
    }
    // A person's pronoun later in the same sentence, within a dozen words.
    let person = toks[i + 2..]
        .iter()
        .take(12)
        .take_while(|n| !text[t.full_end..n.start].contains(['.', '!', '?', '\n']))
        .any(|n| {
            matches!(
                n.word,
                "he" | "she" | "his" | "her" | "him" | "himself" | "herself"
            )
        });
    (person && !vetoed(text, toks, i, i)).then_some((i, 0.7))
}

/// Words before a place: "to", "in", "from".
const PLACE_WORDS: &[&str] = &[
    "to", "in", "into", "from", "at", "near", "of", "visit", "visiting", "visited", "via",
];

/// A phone number or an extension just after a name: " at Ext.33278",
/// " on 0161 496 0000".
static PHONE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]+(?:at|on)[ \t]+(?:(?:ext|extension|x)[ \t.:]*\d|\+?\d[\d \t()-]{5,})")
        .expect("valid regex")
});

/// A capitalised given name that is also a word, before the number to
/// reach the person on: "call Heather at Ext.33278", "ring Holly on 0161
/// 496 0000".
pub(super) fn reachable(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let named = plain_capitalised(t)
        && (t.lex.is_given() || t.lex.is_ambiguous())
        && !WORDS_BEFORE_VERBS.contains(&t.word.to_lowercase().as_str());
    let found = named
        && !after_article(toks, i)
        && PHONE_AFTER.is_match(&text[t.full_end..])
        && !vetoed(text, toks, i, i);
    found.then_some((i, 0.7))
}

fn after_article(toks: &[Tok<'_>], i: usize) -> bool {
    i > 0
        && matches!(
            toks[i - 1].word.to_lowercase().as_str(),
            "a" | "an" | "the" | "this" | "that" | "their" | "his" | "her" | "my" | "our" | "your"
        )
}

/// Capitalised words that are also names, joined by "and" to a name found
/// with some confidence: "Chase and Jordan", "Jordan and Holly". Not after
/// an article or a possessive, not one of `WORDS_BEFORE_VERBS`.
pub(super) fn joined_to_names(
    text: &str,
    toks: &[Tok<'_>],
    taken: &[Option<Option<f32>>],
) -> Vec<usize> {
    let found = |k: usize| matches!(taken.get(k), Some(Some(Some(c))) if *c >= 0.7);
    let and_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.word == "and" || t.word == "AND" || t.word == "&")
            && linked(text, toks, k - 1)
            && linked(text, toks, k)
    };
    // "Herbie & Freddie": an ampersand is no word of its own.
    let amp_after = |k: usize| k + 1 < toks.len() && matches!(gap(text, toks, k), " & " | "&");
    let amp_before = |k: usize| k >= 1 && matches!(gap(text, toks, k - 1), " & " | "&");
    (0..toks.len())
        .filter(|&k| {
            let t = &toks[k];
            // Both ways below need a word in capitals the rules left alone.
            if !matches!(t.shape, Shape::Cap | Shape::Upper) || taken[k].is_some() {
                return false;
            }
            let named = plain_capitalised(t)
                && (t.lex.is_ambiguous() || t.lex.is_given())
                && !WORDS_BEFORE_VERBS.contains(&t.word.to_lowercase().as_str());
            let joined = k + 2 < toks.len() && and_at(k + 1) && found(k + 2)
                || k >= 2 && and_at(k - 1) && found(k - 2) && toks[k - 2].shape == Shape::Cap
                || amp_after(k) && found(k + 1) && toks[k + 1].shape == Shape::Cap
                || amp_before(k) && found(k - 1) && toks[k - 1].shape == Shape::Cap;
            // "My children Ayaan and Inaya": a word in no list after "and"
            // and a given name found alone, ending the list.
            // In capitals too: "DAUGHTERS DAMILOLA AND ARAOLUWA".
            let shouted = t.shape == Shape::Upper
                && t.end == t.full_end
                && !t.lex.is_common()
                && !t.lex.is_title()
                && !t.lex.is_month_or_day()
                && !t.lex.is_cue_word()
                && k >= 2
                && toks[k - 2].shape == Shape::Upper
                && toks[k - 1].word == "AND";
            let unlisted = (plain_capitalised(t) && title_case_word(t.word) || shouted)
                && !t.lex.is_english()
                && !t.lex.is_surname()
                && !t.lex.is_street()
                && !t.lex.is_org()
                && !t.lex.is_job_word()
                && k >= 2
                && and_at(k - 1)
                && found(k - 2)
                && toks[k - 2].shape == t.shape
                && (toks[k - 2].lex.is_given() || shouted)
                && (k < 3 || !matches!(taken[k - 3], Some(Some(_))))
                && toks
                    .get(k + 1)
                    .is_none_or(|n| !linked(text, toks, k) || n.shape != t.shape);
            (named && joined || unlisted) && !after_article(toks, k) && !vetoed(text, toks, k, k)
        })
        .collect()
}

/// Words after two people joined by "and": "bill and sue are coming".
const PLURAL_VERBS: &str =
    "are were have had came come went go said keep kept both aint arent werent dont havent";

/// Two lower-case given names that are also words, joined by "and" before a
/// verb of the two of them: "bill and sue are coming round". Each is found
/// on its own.
pub(super) fn lower_word_pair(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let given = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.shape == Shape::Lower
                && t.end == t.full_end
                && t.lex.is_given()
                && !t.lex.is_common()
                && !t.lex.is_month_or_day()
                && !t.lex.is_title()
        })
    };
    let spaced = |k: usize| gap(text, toks, k) == " ";
    let pair_at = |a: usize| {
        given(a)
            && toks.get(a + 1).is_some_and(|t| t.word == "and")
            && given(a + 2)
            && spaced(a)
            && spaced(a + 1)
            && spaced(a + 2)
            && toks
                .get(a + 3)
                .is_some_and(|v| PLURAL_VERBS.split_whitespace().any(|w| w == v.word))
            && !after_article(toks, a)
    };
    let found = pair_at(i) || i >= 2 && pair_at(i - 2);
    (found && !vetoed(text, toks, i, i)).then_some((i, 0.65))
}

/// Two or three capitals closing a case note as the writer's initials: at
/// the end of a line after a full stop ("Spoke to tenant. JB"), or after a
/// dash, perhaps with a date ("– KM 14/03"), or after "by" ("Closed by
/// KB."). Not a word, an abbreviation a list holds or one in
/// `stamps::NOT_INITIALS`; initials after a note's date are `stamps`'.
pub(super) fn note_initials(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // Shape first: counting the letters of every word cost more than the rule.
    let capitals = t.shape == Shape::Upper && t.word.is_ascii() && (2..=3).contains(&t.word.len());
    if !capitals || t.end != t.full_end || t.lex != super::lex::Bits::default() {
        return None;
    }
    let before = text[..t.start].trim_end_matches([' ', '\t']);
    // After a sentence ending in a lower-case word, or in a date after one
    // ("Next review 28/02. PM"): "U.S. EPA" and "Comm. Aff. JLH" end in
    // abbreviations.
    let after_stop = before.ends_with('.') && i > 0 && toks[i - 1].shape == Shape::Lower && {
        let g = gap(text, toks, i - 1);
        let dated = g
            .strip_prefix(' ')
            .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()));
        g.starts_with(". ")
            || dated.is_some_and(|d| {
                d.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/')
                    .starts_with(". ")
            })
    };
    // "Closed by KB.": after a word of doing and "by", ending the line.
    let after_by = i >= 2
        && toks[i - 1].word == "by"
        && gap(text, toks, i - 1) == " "
        && gap(text, toks, i - 2) == " "
        && toks[i - 2].word.ends_with("ed");
    // A time's "AM" or "PM" never comes after a full stop.
    let time = matches!(t.word, "AM" | "PM");
    if super::stamps::NOT_INITIALS.contains(&t.word) && !(time && after_stop) {
        return None;
    }
    let after_dash = before.ends_with(['–', '—', '-'])
        && before[..before.len() - before.chars().next_back().map_or(0, char::len_utf8)]
            .ends_with([' ', '\t']);
    let rest = text[t.full_end..].split('\n').next().unwrap_or_default();
    let rest = rest.trim_end_matches('\r').trim();
    let dated = rest.is_empty()
        || rest.len() <= 10
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ':' | ' '));
    let found = (after_stop || after_dash) && dated && before.len() > 1
        || after_by && matches!(rest, "" | ".");
    found.then_some((i, 0.7))
}

/// Just before a name, words that give someone's name: "a lady called ",
/// "his name is ", "a lad known as ", "they only know as ", "everyone calls
/// him ", "the lad they call ", "only gave his name as ", "goes by the name
/// of ", "nickname ", and before a name in quotes ", known as \"",
/// "known on the estate as \"", "aka \"" (not "the estate known as ", nor
/// "aka" or ", known as" before a word without quotes); the name may be on
/// the next line.
static NAMING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:(?-u:\b)(?:someone|somebody|lady|man|woman|girl|boy|lad|bloke|fella|guy|kid|one|person|chap|geezer|youth|teenager|friend|mate|brother|sister|son|daughter|partner|boyfriend|girlfriend|male|female|he|she|who)[ \t]+(?:is[ \t]+|was[ \t]+|only[ \t]+)?(?:called|known[ \t]+(?:locally[ \t]+)?as|goes[ \t]+by)|(?-u:\b)(?:i|we|they|you|everyone|people)[ \t]+(?:only[ \t]+)?(?:know|knew)[ \t]+(?:(?:him|her|them)[ \t]+)?as|(?-u:\b)(?:his|her|their|whose|first|real|nick)[ \t]?name[ \t]+(?:is|was)|(?-u:\b)(?:his|her)[ \t]+name['’]s|(?-u:\b)(?:gave|gives|give|giving|gave[ \t]+us|gave[ \t]+me)[ \t]+(?:his|her|their|a)[ \t]+(?:nick)?name[ \t]+as|(?-u:\b)by[ \t]+the[ \t]+(?:nick)?name[ \t]+of|(?-u:\b)calls?[ \t]+(?:him|her|them)(?:self)?|(?-u:\b)(?:they|we|people|everyone|everybody|you|u|others|lads|kids)[ \t]+(?:all[ \t]+)?call|(?-u:\b)(?:nicknamed|nickname)[ \t]*:?)\s*["“‘']?$|(?:(?:,|\()[ \t]*(?:also[ \t]+)?known(?:\s+(?:on|round|around|in)\s+(?:the\s+)?[a-z]+)?\s+as|(?-u:\b)(?:is|was|are|were|he's|she's)[ \t]+known\s+(?:on|round|around|in)\s+(?:the\s+)?[a-z]+\s+as|(?-u:\b)(?:alias|aka)|(?:^|[.!?:][ \t]+|\n)known(?:[ \t]+locally)?[ \t]+as)\s*["“‘]$"#,
    )
    .expect("valid regex")
});

/// Whether words that give someone's name end just before `start`.
fn named_before(text: &str, start: usize) -> bool {
    // Every match ends in a word of `NAMING_ENDS` (or the "s" of "name's")
    // before its spaces and quote: looked at first, so most words cost no
    // regex search.
    let before = &text[..start];
    let before = before
        .strip_suffix(['"', '“', '‘', '\''])
        .unwrap_or(before)
        .trim_end_matches([' ', '\t', '\n', '\r', ':'])
        .as_bytes();
    let run = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let at = before.len() - run;
    let mut word = [0u8; 9];
    let ends = run <= word.len() && {
        word[..run].copy_from_slice(&before[at..]);
        word[..run].make_ascii_lowercase();
        NAMING_ENDS.contains(&&word[..run])
            || &word[..run] == b"s" && at > 0 && before[at - 1] == b'\''
            // "by the name of": "of" after "name" only, as "of" is common.
            || &word[..run] == b"of" && {
                let head = before[..at].trim_ascii_end();
                head.len() >= 4 && head[head.len() - 4..].eq_ignore_ascii_case(b"name")
            }
    };
    // A letter beyond ASCII before the word: case folding is the regex's
    // ("ſ" is an "s"), and "’s" is one.
    let beyond_ascii = at > 0 && !before[at - 1].is_ascii();
    if !ends && !beyond_ascii {
        return false;
    }
    let from = floor_char_boundary(text, start.saturating_sub(48));
    NAMING_BEFORE.is_match(&text[from..start])
}

/// The last word of every match of `NAMING_BEFORE` but "name's" and "name
/// of": "called", "known as", "goes by", "name is", "calls him", "calls
/// herself", "they call", "gave his name as".
const NAMING_ENDS: &[&[u8]] = &[
    b"aka",
    b"nickname",
    b"nicknamed",
    b"alias",
    b"called",
    b"as",
    b"by",
    b"is",
    b"was",
    b"him",
    b"her",
    b"them",
    b"himself",
    b"herself",
    b"themself",
    b"call",
];

/// A nickname in quotes that the words after it say is one: "\"Jakey\"
/// (believed Jake Ellison)", "\"Skinny\" (known locally", "\"Tiny\" (real
/// name not known)".
pub(super) fn quoted_alias(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap && t.shape != Shape::Upper || t.end != t.full_end {
        return None;
    }
    let opened = text[..t.start].ends_with(['"', '“']);
    let after = text[t.end..]
        .strip_prefix(['"', '”'])
        .and_then(|r| r.strip_prefix(" ("))?
        .to_ascii_lowercase();
    let said = [
        "believed",
        "known locally",
        "known on",
        "known as",
        "real name",
        "aka",
        "thought to be",
        "nickname",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    (opened && said).then_some((i, 0.7))
}

/// A name after words that give someone's name, in any letter case and
/// even when it is a word ("someone called gill", "everyone calls him
/// tank", "think his name is Arkadiusz or Arek"); a second name after "or"
/// is an alias. Not a word that no name is ("called round", "known as the
/// estate").
pub(super) fn named_by(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let listed = |t: &Tok<'_>| {
        t.shape != Shape::Initial
            && !t.lex.is_title()
            && !t.lex.is_cue_word()
            && !t.lex.is_month_or_day()
            && !t.lex.is_street()
            && !t.lex.is_org()
            && (!t.lex.is_common() || t.lex.is_given() && t.shape != Shape::Lower)
    };
    let word = |t: &Tok<'_>| listed(t) && !NOT_A_NICKNAME.contains(&t.word.to_lowercase().as_str());
    // What the lists say first, then the words before, then the word.
    if !listed(t) || !named_before(text, t.start) || !word(t) {
        return None;
    }
    let mut last = i;
    // "Connor Whitby", "jordan whitfield": a surname after the given name.
    if linked(text, toks, i) && toks[i + 1].shape == t.shape {
        let next = &toks[i + 1];
        let surname = if t.shape == Shape::Lower {
            next.lex.is_surname() && !next.lex.is_english() && !next.lex.is_ambiguous()
        } else {
            next.lex.is_surname() || !next.lex.is_english()
        };
        // "a lad called Ryan Hill": a surname that is a street word too.
        let fits = word(next) || next.lex.is_street() && next.lex.is_surname();
        // "they call him big dave", "a lad called little j": a nickname's
        // word before a given name or a letter.
        let nickname = NICKNAME_WORDS.contains(&t.word.to_lowercase().as_str())
            && (next.lex.is_given() || next.word.chars().count() == 1);
        if fits && surname || nickname {
            last = i + 1;
        }
    }
    if vetoed(text, toks, i, last) {
        return None;
    }
    // "call him Joel Ward": a full name the shape rules read is longer.
    if let Some((longer, c)) = super::forms::full_name(text, toks, i).filter(|&(l, _)| l > last) {
        return Some((longer, c.max(0.8)));
    }
    Some((last, 0.8))
}

/// Words that open a nickname before a given name or a letter: "big dave",
/// "little j".
const NICKNAME_WORDS: &[&str] = &[
    "big", "little", "lil", "young", "old", "mad", "fat", "skinny", "wee",
];

/// Words after "called" or "known as" that name no one: "called round",
/// "known as the Crescent".
const NOT_A_NICKNAME: &[&str] = &[
    "round",
    "back",
    "over",
    "out",
    "in",
    "up",
    "off",
    "by",
    "for",
    "me",
    "him",
    "her",
    "them",
    "us",
    "it",
    "names",
    "again",
    "later",
    "today",
    "yesterday",
    "tonight",
    "twice",
    "once",
    "a",
    "an",
    "the",
    "that",
    "this",
    "something",
    "everything",
    "anything",
    "nothing",
    "because",
    "when",
    "after",
    "before",
    "about",
    "all",
    "too",
    "just",
    "not",
    "on",
    "at",
    "to",
    "and",
    "or",
    "but",
    "so",
    "if",
    "as",
    "police",
    "council",
    "ambulance",
    "stupid",
    "scum",
    "liar",
    "slag",
    "rubbish",
    "disgusting",
    "horrible",
    "nasty",
    "useless",
];

/// Whether token `i` is one word in quotes: `"Spud"`, `“T-Bone”`.
pub(super) fn quoted_word(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    text[..t.start].ends_with(['"', '“'])
        && text[t.full_end..].starts_with(['"', '”'])
        && matches!(t.shape, Shape::Cap | Shape::Upper)
}

/// A nickname in quotes beside the person's name: `"Spider" (Dominic
/// Reyes)`, `"Chippy" (Mr Carl Chipperfield)`, `"Taz" - believed Tariq
/// Azam`, `Jason "JJ" Stead`. Not a word any name list calls a place or an
/// organisation, a title or a cue.
pub(super) fn nickname_beside(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if nickname_between(text, toks, i) {
        return Some((i, 0.8));
    }
    if !quoted_word(text, toks, i)
        || t.lex.is_title()
        || t.lex.is_cue_word()
        || t.lex.is_street()
        || t.lex.is_org()
        || t.lex.is_month_or_day()
    {
        return None;
    }
    // After the closing quote.
    let after = text[t.full_end..]
        .strip_prefix(['"', '”'])
        .unwrap_or_default();
    let name_at = |k: usize| {
        toks.get(k).is_some_and(|n| {
            n.lex.is_title()
                || matches!(n.shape, Shape::Cap | Shape::Upper)
                    && (n.lex.is_given() || n.lex.is_surname())
        })
    };
    // `"Spider" (Dominic Reyes)`.
    let bracketed = after.starts_with(" (") && name_at(i + 1);
    // `"Taz" - believed Tariq Azam`, `"Taz" - real name Tariq Azam`.
    let dashed = ["believed ", "real name ", "actually ", "probably ", "aka "]
        .iter()
        .any(|w| {
            after
                .strip_prefix(" - ")
                .or_else(|| after.strip_prefix(" – "))
                .is_some_and(|r| r.to_lowercase().starts_with(w))
        });
    (bracketed || dashed).then_some((i, 0.8))
}

/// A nickname in quotes between a given name and a surname: `Jason "JJ"
/// Stead`, `Derek 'Del' Sayer`, `Mihai ("Mişu") Stanciu` — the given name
/// one a list holds (or a word that may be one), the surname a capitalised
/// word that is no street's or organisation's.
pub(super) fn nickname_between(text: &str, toks: &[Tok<'_>], k: usize) -> bool {
    const OPENINGS: &[&str] = &[" \"", " “", " '", " ‘", " (\"", " (“", " ('", " (‘"];
    const CLOSINGS: &[&str] = &["\" ", "” ", "' ", "’ ", "\") ", "”) ", "') ", "’) "];
    let (Some(given), Some(nick), Some(surname)) = (
        k.checked_sub(1).map(|g| &toks[g]),
        toks.get(k),
        toks.get(k + 1),
    ) else {
        return false;
    };
    OPENINGS.contains(&gap(text, toks, k - 1))
        && CLOSINGS.contains(&gap(text, toks, k))
        && matches!(nick.shape, Shape::Cap | Shape::Upper)
        && !nick.lex.is_title()
        && given.shape == Shape::Cap
        && (given.lex.is_given() || given.lex.is_ambiguous())
        && surname.shape == Shape::Cap
        && !surname.lex.is_street()
        && !surname.lex.is_org()
}

/// The given name and the surname around a nickname in quotes: `Rob
/// "Robbo" Kinsella`, `Sukhdev "Sukhi" Dhillon` (the given name a list
/// holds, also one that is a word, "Rob"; the surname any capitalised word
/// but a street's or an organisation's).
pub(super) fn around_nickname(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.shape != Shape::Cap || t.end != t.full_end {
        return None;
    }
    // `given "nick" surname`, with `nick` at token `k`.
    let given = nickname_between(text, toks, i + 1);
    let surname = i > 0 && nickname_between(text, toks, i - 1);
    (given || surname).then_some((i, 0.8))
}

/// The alias after a name that words giving someone's name announce, and
/// "or": "his name is Arkadiusz or Arek" (the name from token `first` to
/// `last`).
pub(super) fn alias_after(
    text: &str,
    toks: &[Tok<'_>],
    first: usize,
    last: usize,
) -> Option<usize> {
    if !named_before(text, toks[first].start) {
        return None;
    }
    let or = toks.get(last + 1)?;
    let alias = toks.get(last + 2)?;
    // "known as "JP" or "Jordy"": both in quotes, in any shape.
    let quoted = matches!(gap(text, toks, last), "\" " | "” " | "' ")
        && matches!(gap(text, toks, last + 1), " \"" | " “" | " '");
    let ok = or.word == "or"
        && (linked(text, toks, last)
            && linked(text, toks, last + 1)
            && alias.shape == toks[last].shape
            || quoted)
        && alias.shape != Shape::Initial
        && !alias.lex.is_common()
        && !alias.lex.is_english()
        && !alias.lex.is_title();
    ok.then_some(last + 2)
}

/// A name the person goes by, in brackets after their name: "Mr Iqbal
/// (Mo)", "Temitope Adeyemi (Temi)". One capitalised word of letters that
/// is a given name of the lists or a short word no list holds, and no
/// English word, title, role or language (not "(Chair)", "(Mandarin)",
/// "(London)", "(E-mail)"), after a name of two words or more (the name
/// from `first` to `last`). In quotes too it is a nickname, even a word
/// ("Mrs Chiamaka Obi (\"Chi\")").
pub(super) fn bracketed_alias(
    text: &str,
    toks: &[Tok<'_>],
    first: usize,
    last: usize,
) -> Option<usize> {
    let alias = toks.get(last + 1)?;
    let (opening, closing) = (gap(text, toks, last), gap(text, toks, last + 1));
    let bare = opening == " (" && closing.starts_with(')');
    let quoted = matches!(opening, " (\"" | " (“" | " ('" | " (‘")
        && ["\")", "”)", "')", "’)"]
            .iter()
            .any(|q| closing.starts_with(q));
    let ok = last > first
        && (bare || quoted)
        && alias.end == alias.full_end
        && alias.shape == Shape::Cap
        && alias.word.chars().all(char::is_alphabetic)
        && (alias.lex.is_given() || alias.word.chars().count() <= 4)
        && !alias.lex.is_common()
        && (quoted || !alias.lex.is_english())
        && !alias.lex.is_title()
        && !alias.lex.is_job_word()
        && !alias.lex.is_org()
        && !alias.lex.is_nationality();
    ok.then_some(last + 1)
}

/// A witness statement's or a certificate's opening: "I, Radostina
/// Kirova-Bell, MCIL, certify", "I, Tomasz Wójcik, of 14 …, say": two to
/// four capitalised words between "I, " at a sentence's start and a comma.
pub(super) fn declarant(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let opens = text[..toks[i].start]
        .strip_suffix("I, ")
        .is_some_and(|before| before.is_empty() || before.ends_with(['\n', ' ', '\t', '.', '"']));
    if !opens || !sentence_start(text, toks[i].start - 3) {
        return None;
    }
    let mut last = i;
    while last - i < 3 && linked(text, toks, last) && toks[last + 1].shape == Shape::Cap {
        last += 1;
    }
    let closed = text[toks[last].full_end..].starts_with(',');
    let named = toks[i..=last].iter().all(|t| {
        t.shape == Shape::Cap && !t.lex.is_title() && !t.lex.is_org() && !t.lex.is_month_or_day()
    });
    (last > i && closed && named).then_some((last, 0.85))
}

/// A register's entries "Surname, Given" joined by "+", "&" or ";" to one
/// found ("Begum, Rahima + Uddin, Shafiq", "BROWN, Summer & KHAN, Rich",
/// "OKWUOSA, Adaobi; OKWUOSA, Chinedu; …"), written as the found one is,
/// and so on along the list: the first and last tokens of each. The
/// surname may have been found alone, the given name not.
pub(super) fn paired_entries(
    text: &str,
    toks: &[Tok<'_>],
    taken: &[Option<Option<f32>>],
    spans: &[(usize, usize, f32)],
) -> Vec<(usize, usize)> {
    let entry = |i: usize, shape: Shape| {
        toks.get(i + 1).is_some_and(|given| {
            toks[i].shape == shape
                && toks[i].end == toks[i].full_end
                && gap(text, toks, i) == ", "
                && given.shape == Shape::Cap
                && !matches!(taken[i + 1], Some(Some(_)))
        })
    };
    let joined = |k: usize| matches!(gap(text, toks, k), " + " | " & " | "; ");
    let mut found: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(i, last, c)| c >= 0.7 && last == i + 1 && gap(text, toks, i) == ", ")
        .map(|&(i, last, _)| (i, last))
        .collect();
    let from = found.len();
    let mut k = 0;
    while k < found.len() {
        let (i, last) = found[k];
        k += 1;
        let shape = toks[i].shape;
        let mut next = Vec::new();
        if last + 2 < toks.len() && joined(last) && entry(last + 1, shape) {
            next.push((last + 1, last + 2));
        }
        if i >= 2 && joined(i - 1) && entry(i - 2, shape) {
            next.push((i - 2, i - 1));
        }
        for pair in next {
            if !found.contains(&pair) {
                found.push(pair);
            }
        }
    }
    found.split_off(from)
}

#[cfg(test)]
mod tests {
    use super::super::find_with;
    use super::super::Model;

    fn names(text: &str) -> Vec<String> {
        find_with(text, &Model::default())
            .into_iter()
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn given_name_and_surname_around_a_nickname() {
        assert_eq!(
            names("Seen by Rob \"Robbo\" Kinsella on the green."),
            ["Rob", "Robbo", "Kinsella"]
        );
    }

    #[test]
    fn pairs_of_words_with_a_person_cue() {
        assert_eq!(names("I spoke to Frank Lane about it."), ["Frank Lane"]);
        assert_eq!(names("Her son Harry Lane was arrested."), ["Harry Lane"]);
        assert_eq!(
            names("cc: Pat Lane, Robin Field"),
            ["Pat Lane", "Robin Field"]
        );
        assert_eq!(names("Grant Heath and his brother came."), ["Grant Heath"]);
        assert_eq!(names("Supervisor Frank Lane approved it."), ["Frank Lane"]);
        assert_eq!(names("The GP is Dr Frank Lane."), ["Dr Frank Lane"]);
        assert!(names("She lives on Frank Lane now.").is_empty());
        assert!(names("14 Frank Lane, Stockport").is_empty());
    }

    #[test]
    fn staff_from_a_team() {
        assert_eq!(names("Mark from Compliance rang."), ["Mark"]);
        assert_eq!(names("spoke to sue from housing today"), ["sue"]);
        assert!(names("A bill from the council came.").is_empty());
    }

    #[test]
    fn initials_closing_a_note() {
        assert_eq!(names("Spoke to tenant. JB"), ["JB"]);
        assert_eq!(names("Visited the property – KM 14/03"), ["KM"]);
        assert!(names("Moved back to the UK").is_empty());
    }
}

//! The forms a person's name takes in a text, each a function that says
//! whether a name starts at a word, where it ends and how sure it is: a
//! title, "Surname, Given", initials, given name + surname, a context cue,
//! an email display name, a lone known name. Streets, buildings and
//! organisations named after people are recognised here too, to be skipped.

use std::sync::LazyLock;

use regex::Regex;

use super::context::role_after;
use super::tokens::{gap, linked, sentence_start, Shape, Tok};
use crate::detect::lexicon as lex;
use crate::extract::text::floor_char_boundary;

/// The text just before a name says a person follows: a cue word ("my
/// neighbour ", "Signed: "), a job title ("Operative "), or a sign-off line
/// ("Kind regards,\n"; a letter's "Yours sincerely\n\n", with the blank line
/// a signature leaves), or a relation closing a line ("her daughter\n").
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let cues = alternatives(lex::CUES.split_whitespace());
    // "her daughter\nYetunde": a relation at a line's end, the name on the
    // next line.
    let kin = "son|sons|daughter|daughters|partner|husband|wife|child|children|kids|brother|brothers|sister|sisters|mother|mum|father|dad|boyfriend|girlfriend|grandson|granddaughter|grandchildren|grandkids|nephew|niece|cousin|uncle|aunt|baby";
    let roles = lex::ROLE_CUES
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r#"(?i)(?:(?-u:\b)(?:{cues}) ?[:,]? ["“‘]?|(?-u:\b)(?:my|his|her|their)[ \t]+(?:(?:two|three|four|five|\d)[ \t]+)?(?:{kin}),?[ \t]*\r?\n[ \t]*|(?-u:\b)(?:{roles})(?: to| with| by|:)? ["“‘]?|(?:regards|wishes|thanks|thank you|thx|sincerely|faithfully|cheers)[ \t]*,?[ \t]*\r?\n[ \t]*|(?:sincerely|faithfully)[ \t]*,?[ \t]*\r?\n[ \t]*\r?\n[ \t]*|(?-u:\b)best[ \t]*,[ \t]*\r?\n[ \t]*|(?-u:\b)(?:thanks|thank you|cheers|love)[ \t]*[,.!]?[ \t]+)$"#
    ))
    .expect("valid regex")
});
/// A form's label for a person and its colon, its value aligned with
/// spaces or a tab after it: "Witness:    ".
static ALIGNED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    let cues = alternatives(lex::CUES.split_whitespace());
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{cues})[ \t]*:(?:[ \t]{{2,}}|\t)$"
    ))
    .expect("valid regex")
});
/// A form's label for a person, with its colon, just before a name:
/// "Witness: ", "CONTACT: ", "Reported by: ", "WITNESS 2: ".
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternatives(
        lex::CUES
            .split_whitespace()
            .chain(lex::LABELS.split_whitespace()),
    );
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{labels})[ \t]*(?:\d{{1,2}}[ \t]*)?:[ \t]*$"
    ))
    .expect("valid regex")
});
/// Cue words as a regex's alternatives, the words of one joined by "_"
/// ("reported_by") parted by spaces or tabs.
fn alternatives<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words
        .map(|c| c.replace('_', r"[ \t]+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// An email address in angle brackets just after a display name.
static EMAIL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\.?[ \t]*"?[ \t]*<[^<>\s@]+@[^<>\s]+>"#).expect("valid regex"));

/// A capitalised word that can be part of a name: not a common word (unless
/// it is a known name), not a street, organisation, month or title word.
fn namey(t: &Tok<'_>) -> bool {
    if !matches!(t.shape, Shape::Cap | Shape::Upper) || t.lex.is_title() || t.glued().is_some() {
        return false;
    }
    // "Hall", "Green": surnames that are also street words.
    t.lex.is_surname()
        || !t.lex.is_street()
            && !t.lex.is_org()
            && (!t.lex.is_month_or_day() || t.lex.is_given())
            && (!t.lex.is_common() || t.lex.is_given())
}

fn known(t: &Tok<'_>) -> bool {
    t.lex.is_given() || t.lex.is_surname()
}

/// What follows token `last` makes the name part of a street, building or
/// organisation ("Victoria Road", "Smith & Co", "Jones Housing Association",
/// "Lum Head Primary"),
/// or what precedes token `first` does ("St John's").
pub(super) fn vetoed(text: &str, toks: &[Tok<'_>], first: usize, last: usize) -> bool {
    // "Edward StreetStockport": the first of two words run together counts.
    // ("Declan O'Shea Housing Officer", "Kevin Jones  Gas Safe ID": a job's
    // title or an engineer's register after a name is no organisation's
    // name.)
    let after = linked(text, toks, last) && {
        let next = &toks[last + 1];
        let bits = match next.glued() {
            Some(k) => lex::Bits::of(&next.word[..k]),
            None => next.lex,
        };
        let job = linked(text, toks, last + 1)
            && toks.get(last + 2).is_some_and(|t| {
                t.lex.is_job_word() && t.shape != Shape::Lower
                    || next.word.eq_ignore_ascii_case("gas") && t.word.eq_ignore_ascii_case("safe")
            });
        // "his son Kevin lets crew in": the verb, not a letting agent's
        // "Lets" ("Parkside estate", "Citizen housing" stay places).
        let verb_after = next.word == "lets" && toks[last].shape != Shape::Lower;
        (bits.is_street() || bits.is_org() && !job) && !verb_after
    };
    // "Lum Head Primary", "Arden Park Tenants", "Hatton Children's
    // Services": one or two capitalised
    // words that are no given name, then an organisation's word (not in
    // capitals: "MRS HALLORAN CALLED POLICE").
    let later = (1..=2).any(|d| {
        let words = last + 1..=last + d;
        toks.get(last + d + 1).is_some_and(|org| {
            words.clone().all(|k| {
                linked(text, toks, k - 1)
                    && toks[k].shape == Shape::Cap
                    && !toks[k].lex.is_given()
                    && !toks[k].lex.is_title()
            }) && (linked(text, toks, last + d)
                // "Hatton Children's Services".
                || toks[last + d].end != toks[last + d].full_end && gap(text, toks, last + d) == " ")
                && org.shape == Shape::Cap
                && org.lex.is_org()
        })
    });
    // "Smith & Co", not "Jim Fallon & will be working", "Dan & Leonard" or
    // "PC Ahmed & PC Rowe"; "Hargreaves & Quinn", a surname alone and
    // one word after, is a firm.
    let surname_alone = first == last && !toks[first].lex.is_given();
    let ampersand = gap(text, toks, last).trim_start().starts_with('&')
        && toks.get(last + 1).is_none_or(|t| {
            t.shape != Shape::Lower
                && !t.lex.is_title()
                && (!(t.shape == Shape::Cap && t.lex.is_given() && !t.lex.is_ambiguous())
                    || surname_alone && !linked(text, toks, last + 1))
        });
    // "St John's", "St. Peter's Square".
    let saint = first > 0
        && (linked(text, toks, first - 1) || gap(text, toks, first - 1) == ". ")
        && matches!(toks[first - 1].word, "St" | "Saint" | "ST");
    // "Dr Gray's Surgery", "DR GRAY'S SURGERY": a possessive name before a
    // building's or an organisation's word.
    let owned_place = toks[last].end != toks[last].full_end
        && gap(text, toks, last) == " "
        && toks.get(last + 1).is_some_and(|n| {
            matches!(n.shape, Shape::Cap | Shape::Upper)
                && INSTITUTIONS.contains(&n.word.to_lowercase().as_str())
        });
    // "Age UK Ashby", "Citizens Advice Bolton": a charity's branch by its
    // town.
    let branch = first >= 2
        && linked(text, toks, first - 1)
        && linked(text, toks, first - 2)
        && matches!(
            (toks[first - 2].word, toks[first - 1].word),
            ("Age", "UK") | ("Citizens", "Advice") | ("Victim", "Support") | ("Women's", "Aid")
        );
    after || later || ampersand || saint || owned_place || branch
}

/// Capitalised words naming a street, building or organisation: "Mary
/// Seacole Close", "Victoria Wine Ltd", "Smith & Co". The last word before
/// the street or organisation word.
pub(super) fn place(text: &str, toks: &[Tok<'_>], i: usize) -> Option<usize> {
    if let Some(last) = firm(text, toks, i) {
        return Some(last);
    }
    // "Hargreaves & Quinn | DX 12044": a surname alone, "&" and one more
    // capitalised word, then no word in small letters, is a firm.
    let firm_pair = toks[i].shape == Shape::Cap
        && !toks[i].lex.is_given()
        && !toks[i].lex.is_title()
        && gap(text, toks, i).trim() == "&"
        && toks.get(i + 1).is_some_and(|n| {
            n.shape == Shape::Cap
                && n.end == n.full_end
                && !text[n.end..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(|c: char| c.is_lowercase())
        })
        && !(i > 0 && (linked(text, toks, i - 1) || gap(text, toks, i - 1).trim() == "&"));
    if firm_pair {
        return Some(i + 1);
    }
    // "St Thomas Church Hall", "the Market Hall": a street or building word
    // after another that is no given name.
    let t = &toks[i];
    let building = |b: &Tok<'_>| {
        b.shape == Shape::Cap && (b.lex.is_street() || b.lex.is_org()) && !b.lex.is_given()
    };
    if i > 0 && linked(text, toks, i - 1) && building(&toks[i - 1]) && building(t) {
        return Some(i);
    }
    // "a lock change requested via Mears": a capitalised word that is no
    // given name after "via" is the firm or the channel it went through.
    let via =
        i > 0 && toks[i - 1].word.eq_ignore_ascii_case("via") && gap(text, toks, i - 1) == " ";
    if via && t.shape == Shape::Cap && !t.lex.is_given() && !t.lex.is_title() {
        return Some(i);
    }
    // "Witness: Ray Church", "Heather Field (Income Officer)": a label or a
    // role says the street word is a surname.
    if given_then_street_surname(text, toks, i)
        && (labelled(text, toks[i].start) || role_after(&text[toks[i + 1].full_end..]))
    {
        return None;
    }
    if toks[i].lex.is_title() || !namey(&toks[i]) && !toks[i].lex.is_ambiguous() {
        return None;
    }
    // "To: Mark Taylor, Carol St Clair, …": an entry of an address list
    // that is a person's name is no "Carol St".
    if super::headers::addressed(text, toks, i).is_some() {
        return None;
    }
    // "Lancashire Hill", "Cheshire Green": a county before a street word.
    let county = toks[i].shape == Shape::Cap
        && toks[i].word.len() > 6
        && toks[i].word.ends_with("shire")
        && linked(text, toks, i)
        && toks[i + 1].lex.is_street();
    if county {
        return Some(i + 1);
    }
    if given_and_word_surname(text, toks, i) {
        return None;
    }
    let mut last = i;
    while last - i < 3 && linked(text, toks, last) && namey(&toks[last + 1]) {
        last += 1;
    }
    // "Later Dennis Field rang": a word opening the sentence, then a given
    // name and a surname that is a street word, is no place.
    if last > i && given_and_word_surname(text, toks, last) {
        return None;
    }
    // "Health Center", "Enron Center North", "COST CENTRE": words after
    // the first holding a building's word that the name lists also hold
    // as a surname.
    let building = toks[i + 1..=last]
        .iter()
        .any(|t| INSTITUTIONS.contains(&t.word.to_lowercase().as_str()));
    if building {
        return Some(last);
    }
    vetoed(text, toks, i, last).then_some(last)
}

/// Last words of a building's or an institution's name that the name lists
/// also hold as surnames ("Center").
const INSTITUTIONS: &[&str] = &[
    "centre", "center", "hospital", "surgery", "station", "library", "school", "academy",
    "college", "tower", "towers", "practice", "pharmacy",
];

/// A firm named after people: "Morgan Stanley Capital Group", "Ernst/Young",
/// "Rand-Whitney Container Board". The last word of the firm's name.
fn firm(text: &str, toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let t = &toks[i];
    if !matches!(t.shape, Shape::Cap | Shape::Upper) {
        return None;
    }
    let hyphened = t
        .word
        .split_once('-')
        .is_some_and(|(a, b)| lex::is_firm(a, b));
    let mut last = if hyphened {
        i
    } else {
        let next = toks.get(i + 1)?;
        let g = gap(text, toks, i);
        let joined = matches!(g, " " | "  " | "/" | " & " | "&" | " and ");
        if !(joined && t.end == t.full_end && lex::is_firm(t.word, next.word)) {
            return None;
        }
        i + 1
    };
    // The rest of the firm's name: "Capital Group", "National Life".
    while last - i < 4
        && linked(text, toks, last)
        && matches!(toks[last + 1].shape, Shape::Cap | Shape::Upper)
        && !toks[last + 1].lex.is_given()
    {
        last += 1;
    }
    Some(last)
}

/// "McMichael Jr., Ed", "Hearn III  Ed B.", "Hlopak Sr, Edward": a surname,
/// a generational suffix, then the given name (and an initial), as Outlook
/// writes display names surname first.
pub(super) fn suffixed(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (surname, suffix, given) = (&toks[i], toks.get(i + 1)?, toks.get(i + 2)?);
    let short_gap = |g: &str| {
        g.len() <= 4 && !g.is_empty() && g.chars().all(|c| matches!(c, ' ' | '\t' | '.' | ','))
    };
    let ok = surname.shape == Shape::Cap
        && namey(surname)
        && matches!(suffix.word, "Jr" | "JR" | "Sr" | "SR" | "II" | "III" | "IV")
        && surname.end == surname.full_end
        && short_gap(gap(text, toks, i))
        && short_gap(gap(text, toks, i + 1))
        && given.shape == Shape::Cap
        && namey(given)
        && !given.lex.is_common();
    if !ok {
        return None;
    }
    let last = if toks.get(i + 3).is_some_and(|t| t.shape == Shape::Initial)
        && linked(text, toks, i + 2)
    {
        i + 3
    } else {
        i + 2
    };
    Some((last, 0.85))
}

/// A given name (or a word that may be one), then a street word that is
/// also a surname ("Ray Church", "HEATHER FIELD"), with no capitalised word after them that could carry
/// on a street's name.
pub(super) fn given_then_street_surname(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let (first, Some(second)) = (&toks[i], toks.get(i + 1)) else {
        return false;
    };
    matches!(first.shape, Shape::Cap | Shape::Upper)
        && second.shape == first.shape
        && (first.lex.is_given() || first.lex.is_ambiguous())
        && second.lex.is_street()
        && (second.lex.is_word_surname() || second.lex.is_surname())
        && linked(text, toks, i)
        && (!linked(text, toks, i + 1) || toks[i + 2].shape == Shape::Lower)
}

/// Whether a cue word, a job title of `ROLE_CUES` or a sign-off stands just
/// before `pos`: "my neighbour ", "spoke to ", "Kind regards,\n".
pub(super) fn cue_before(text: &str, pos: usize) -> bool {
    let from = floor_char_boundary(text, pos.saturating_sub(48));
    CUE_BEFORE.is_match(&text[from..pos])
}

/// Whether a form's label for a person, with its colon, stands just before
/// `pos`: "Witness: ", "Reported by: ".
pub(super) fn labelled(text: &str, pos: usize) -> bool {
    let from = floor_char_boundary(text, pos.saturating_sub(40));
    LABEL_BEFORE.is_match(&text[from..pos])
}

/// "Leanne Fields", "Trevor Hill": a given name that is no word, then a
/// surname that is also a street word seldom naming a whole street, with no
/// house number before and no street or organisation word after.
fn given_and_word_surname(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let (first, Some(second)) = (&toks[i], toks.get(i + 1)) else {
        return false;
    };
    let number_before = || {
        text[..first.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
    };
    let street_after =
        || linked(text, toks, i + 1) && (toks[i + 2].lex.is_street() || toks[i + 2].lex.is_org());
    matches!(first.shape, Shape::Cap | Shape::Upper)
        && second.shape == first.shape
        && first.lex.is_given()
        && !first.lex.is_ambiguous()
        && linked(text, toks, i)
        && second.lex.is_soft_street()
        && (second.lex.is_word_surname() || second.lex.is_surname())
        && !number_before()
        && !street_after()
}

/// "Mrs Okafor", "Mr J. Smith", "DR PATEL", "Mr Sunday Eboh"; in lower case,
/// "pc dawson".
pub(super) fn titled(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if !t.lex.is_title() || t.shape == Shape::Initial {
        return None;
    }
    if t.shape == Shape::Lower {
        return lower_titled(text, toks, i);
    }
    let mut last = None;
    let mut j = i;
    // "PC 1123 Wragg": a collar number between a rank and the name.
    let collar = matches!(t.word.to_lowercase().as_str(), "pc" | "pcso" | "sgt" | "dc") && {
        let g = gap(text, toks, i);
        let digits = g.trim_matches(' ');
        g.starts_with(' ')
            && g.ends_with(' ')
            && (1..=6).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
    };
    while (linked(text, toks, j) || j == i && collar) && j - i < 4 {
        let next = &toks[j + 1];
        let initial = next.shape == Shape::Initial;
        // "Mr Sunday Eboh": a day's or a month's name given as a name, a
        // surname after it.
        let day_given = j == i
            && next.shape == Shape::Cap
            && next.lex.is_month_or_day()
            && crate::variants::COURTESY_TITLES
                .contains(&t.word.to_lowercase().trim_end_matches('.'))
            && linked(text, toks, j + 1)
            && toks[j + 2].shape == Shape::Cap
            && namey(&toks[j + 2])
            && !toks[j + 2].lex.is_common();
        if !(namey(next) || initial && linked(text, toks, j + 1) || day_given) {
            // "Mr Lane", "Mrs Eileen Chase", "Miss Chase", "Mrs J Fields": a
            // surname that is a word ends the name.
            let after_given = j == i + 1 && toks[j].lex.is_given() && toks[j].shape == t.shape;
            let after_initial = j > i && toks[j].shape == Shape::Initial;
            // "Ms Jodie FIELDS": a form's surname in capitals after the
            // given name.
            let upper_after_given = j == i + 1
                && toks[j].lex.is_given()
                && toks[j].shape == Shape::Cap
                && next.shape == Shape::Upper
                && next.word.chars().count() > 2
                && (next.lex.is_surname() || next.lex.is_word_surname() || !next.lex.is_english())
                && word_fits_title(t, next);
            if (j == i || after_given || after_initial) && word_after_title(t, next)
                || upper_after_given
            {
                last = Some(j + 1);
            }
            break;
        }
        // "MR DUNWOODY SHOUTED ABUSE": in capitals, a word that is no name
        // after the name ends it.
        let word_after_name = last.is_some()
            && next.shape == Shape::Upper
            && (next.lex.is_english() || next.lex.is_common())
            && !next.lex.is_given()
            && !next.lex.is_surname();
        if word_after_name {
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
    let bare_initial = || {
        let next = toks.get(i + 1)?;
        (next.shape == Shape::Initial && initial_for_a_name(text, t, next)).then_some(i + 1)
    };
    let last = last.or_else(bare_initial)?;
    let sure = if toks[last].shape == Shape::Initial {
        0.8
    } else {
        0.95
    };
    (!vetoed(text, toks, i + 1, last)).then_some((last, sure))
}

/// A courtesy title and one capital standing for the surname, as a
/// neighbour is called by one who will not spell it or does not know it:
/// "Mrs P said", "\"Mr V\" at Flat 1", "Mr S's number", "spoke to Mrs P.".
/// Not a title run on as "Mr J-" nor a code's "Mr B/C".
fn initial_for_a_name(text: &str, title: &Tok<'_>, initial: &Tok<'_>) -> bool {
    let courtesy = matches!(
        title.word.to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx"
    );
    let after = &text[initial.full_end..];
    // "spoke to Mrs P." closes its sentence.
    let after = after
        .strip_prefix('.')
        .filter(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        .unwrap_or(after);
    let ends = after.chars().next().is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '’' | '”' | ',' | ';' | ')' | ':' | '?' | '!'
            )
    });
    let joined_on = after
        .trim_start_matches([' ', '\t'])
        .starts_with(['&', '+', '/']);
    courtesy
        && matches!(title.shape, Shape::Cap | Shape::Upper)
        && matches!(&text[title.end..initial.start], " " | ". ")
        && ends
        && !joined_on
}

/// A capitalised word that is a name after title `title` though it is
/// also a word: after "Mr", "Mrs", "Ms", "Miss" or "Mx" any
/// word but a month, a day or an organisation's ("Mr Lane", "Mr Said",
/// "Miss Chase"); after another title ("PCSO", "Dr", "Sir"), only a word
/// a name list holds too ("PCSO Hope", not "PC World" or "Dr. Houston").
/// In capitals after a title in capitals ("MR LANE"); "MS Word" is no name.
fn word_after_title(title: &Tok<'_>, next: &Tok<'_>) -> bool {
    let cased = match title.shape {
        Shape::Cap => next.shape == Shape::Cap,
        Shape::Upper => next.shape == Shape::Upper && next.word.chars().count() > 2,
        _ => false,
    };
    cased && word_fits_title(title, next)
}

/// Whether `next`, whatever its letter case, can be a name after title
/// `title` though it is also a word (see `word_after_title`).
fn word_fits_title(title: &Tok<'_>, next: &Tok<'_>) -> bool {
    // Any English word only after the courtesy titles of everyday letters.
    let courtesy = matches!(
        title.word.to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx"
    );
    let listed = next.lex.is_word_surname()
        || next.lex.is_ambiguous()
        || next.lex.is_surname()
        || next.lex.is_given();
    next.glued().is_none()
        && !next.lex.is_title()
        && !next.lex.is_org()
        && !next.lex.is_cue_word()
        && (!next.lex.is_month_or_day() || next.lex.is_given())
        && (listed || courtesy && next.lex.is_english())
}

/// A lower-case title and a known name that is no English word: "pc
/// dawson", "mrs okafor", "spoke to sgt kelly ward"; or a surname in no
/// list that is no word ("pcso lomax"); a surname that is a word closing
/// its clause ("(pc wood)", "ring mrs bell (our housing officer)").
fn lower_titled(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    if !linked(text, toks, i) {
        return None;
    }
    // "pc hargreaves": after a rank or a courtesy title, a surname in no
    // list will do if it is no word.
    let next = &toks[i + 1];
    let unlisted = next.shape == Shape::Lower
        && next.word.chars().count() >= 3
        && !next.lex.is_english()
        && !next.lex.is_common()
        && !next.lex.is_ambiguous()
        && !next.lex.is_title()
        && !matches!(toks[i].word, "dr" | "dc");
    // "(pc wood)", "mr jonathan pike (director)": a surname that is also a
    // word, closing its clause after a rank or a given name.
    let word_surname = |k: usize| {
        let t = &toks[k];
        let after = &text[t.full_end..];
        t.shape == Shape::Lower
            && (t.lex.is_word_surname() || t.lex.is_surname())
            && (after.is_empty()
                || after.starts_with([')', ',', '.', ';', '\n'])
                || after.starts_with(" ("))
    };
    // "ring mrs bell (our housing officer)": after a courtesy title too.
    let rank = matches!(toks[i].word, "pc" | "pcso" | "sgt" | "mr" | "mrs" | "ms");
    if !(plain_lower_name(next) || unlisted || rank && word_surname(i + 1)) {
        return None;
    }
    let mut last = i + 1;
    if linked(text, toks, last)
        && (plain_lower_name(&toks[last + 1]) && toks[last + 1].lex.is_surname()
            || next.lex.is_given() && word_surname(last + 1))
    {
        last += 1;
    }
    (!vetoed(text, toks, i + 1, last)).then_some((last, 0.8))
}

/// A lower-case word that is a known given name or surname and nothing
/// else: not an English word, not a word of housing records.
pub(super) fn plain_lower_name(t: &Tok<'_>) -> bool {
    t.shape == Shape::Lower
        && known(t)
        && !t.lex.is_ambiguous()
        && !t.lex.is_common()
        && !t.lex.is_english()
}

/// "Jane Doe <jane@x.org>", "\"Doe, Jane\" <jane@x.org>".
pub(super) fn email_display(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let mut last = i;
    loop {
        if !namey(&toks[last]) && toks[last].shape != Shape::Initial {
            return None;
        }
        if EMAIL_AFTER.is_match(&text[toks[last].full_end..]) {
            break;
        }
        let comma = gap(text, toks, last) == ", " && last + 1 < toks.len();
        // Outlook exports write "Panus\t Stephanie <...>".
        let g = gap(text, toks, last);
        let tabbed = last + 1 < toks.len()
            && g.contains('\t')
            && g.len() <= 4
            && g.chars().all(|c| c == ' ' || c == '\t');
        if last - i >= 3 || !(linked(text, toks, last) || comma || tabbed) {
            return None;
        }
        last += 1;
    }
    let any_known = toks[i..=last].iter().any(known);
    let all_unknown_namey = toks[i..=last]
        .iter()
        .all(|t| !t.lex.is_common() || known(t));
    (any_known || all_unknown_namey && last > i).then_some((last, 0.9))
}

/// "Smith, John": a surname, a comma, a given name, one of them known and
/// the other not a word; "HALL, Margaret", "O'SULLIVAN, Bridget", as
/// registers write a surname in capitals before a given name.
pub(super) fn surname_comma_given(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (s, g) = (&toks[i], toks.get(i + 1)?);
    let given = (g.lex.is_given() || g.lex.is_given_abroad()) && !g.lex.is_ambiguous();
    // "ABDI, Hodan", "DAS, Anirban": a surname no list holds, in capitals,
    // before a given name one does.
    let unlisted = given
        && s.word.chars().count() > 1
        && !s.lex.is_common()
        && !s.lex.is_english()
        && !s.lex.is_town()
        && !s.lex.is_org()
        && !s.lex.is_street();
    let registered = s.shape == Shape::Upper
        && g.shape == Shape::Cap
        && (s.lex.is_surname() || s.word.starts_with("O'") || s.word.starts_with("O’") || unlisted)
        && (given || !g.lex.is_common());
    let shaped = matches!(s.shape, Shape::Cap | Shape::Upper) && s.shape == g.shape || registered;
    // "From: Lane, Frank": in a mail header's list, a street word that is
    // also a surname, before a given name.
    let street_surname = || {
        s.lex.is_street()
            && (s.lex.is_word_surname() || s.lex.is_surname())
            && g.lex.is_given()
            && in_address_list(text, toks, i)
    };
    if !(shaped
        && gap(text, toks, i) == ", "
        && namey(g)
        && (namey(s) || street_surname() || registered))
    {
        return None;
    }
    // "ASB Caseworker, Julie Ashton": a job title before the comma; "Civic
    // Hall, Leeds LS1 1UR": a town after it.
    if s.lex.is_job_word() || s.lex.is_cue_word() || town(text, toks, i + 1) {
        return None;
    }
    // "Deb Korkmas, Elizabeth Lauterbach, …", "Panel members: Gareth
    // Tandy, Hibaq Farah, Louise Pike.": a list of given names and
    // surnames, where the word after the comma has its own surname.
    let own_surname = linked(text, toks, i + 1)
        && toks[i + 2].shape == g.shape
        && namey(&toks[i + 2])
        && gap(text, toks, i + 2)
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | ';' | '.' | '\n' | '\r'));
    if own_surname && i > 0 && linked(text, toks, i - 1) && namey(&toks[i - 1]) {
        return None;
    }
    let confidence = if s.lex.is_surname() && g.lex.is_given() {
        0.85
    } else if registered {
        0.8
    } else if s.lex.is_surname() && !g.lex.is_common() && !g.lex.is_surname()
        || g.lex.is_given() && !g.lex.is_ambiguous() && !s.lex.is_common()
    {
        0.75
    } else if in_address_list(text, toks, i) && (known(s) || known(g)) {
        // "To: Farrell, Keegan; Okafor, Jane": an entry of an address list.
        0.8
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
    if g.lex.is_ambiguous() && then_word {
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

/// Whether "Surname, Given" at token `i` is an entry of an address list:
/// after "To:", "Cc:" or "; ", and before ";", an address in angle brackets
/// or the end of the line.
fn in_address_list(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let before = text[..toks[i].start].trim_end_matches([' ', '\t']);
    let opened = before.ends_with(';')
        || ["To:", "Cc:", "CC:", "From:", "Bcc:"]
            .iter()
            .any(|h| before.ends_with(h));
    let after = gap(text, toks, i + 1).trim_start_matches([' ', '\t']);
    let closed = after.is_empty() || after.starts_with([';', '<', '\n', '\r']);
    opened && closed
}

/// "J. Smith", "J Smith", "J. R. Smith".
pub(super) fn initials(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
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
    // "R. ap Gwilym", "J. de Souza": a surname's particle after the
    // initials.
    let with_particle = small_particle(toks, j)
        && linked(text, toks, j)
        && toks
            .get(j + 1)
            .is_some_and(|t| t.shape == Shape::Cap && namey(t) && !t.lex.is_common());
    if with_particle {
        return (!vetoed(text, toks, i, j + 1)).then_some((j + 1, 0.85));
    }
    let surname = &toks[j];
    if !namey(surname) && !slotted(text, toks, i, j) {
        return None;
    }
    // "U.K. Enron" is an abbreviation, "J. Enron" may be a name, and so
    // may "F. Z. Bennani", each initial with its full stop and a space.
    let spaced_dots = (i..j).all(|k| gap(text, toks, k) == ". ");
    // "She says O Adeyinka": one bare initial inside a sentence.
    let single_bare = j == i + 1
        && !dotted
        && i > 0
        && toks[i - 1].shape == Shape::Lower
        && text[toks[i - 1].full_end..toks[i].start] == *" ";
    let confidence = if surname.lex.is_surname() {
        0.85
    } else if spaced_dots && !surname.lex.is_common() {
        0.75
    } else if single_bare && !surname.lex.is_common() || slotted(text, toks, i, j) {
        0.7
    } else {
        return None;
    };
    // "A Smith" or "I Patel" without a full stop may be a word, unless it is
    // inside a sentence and the surname is known.
    // Not so a second initial after one ("Signed A J Price") inside a
    // sentence.
    let article = !dotted && matches!(toks[i].word, "A" | "I");
    let second = j > i + 1 && !sentence_start(text, toks[i].start) && confidence >= 0.85;
    if article
        && !second
        && (sentence_start(text, toks[i].start) || confidence < 0.85 || surname.lex.is_ambiguous())
    {
        return None;
    }
    (!vetoed(text, toks, i, j)).then_some((j, confidence))
}

/// An initial and a surname filling a slot of their own, where a list or
/// a note puts a person: "(R Moss)", "Disc w/ R Moss.", "Signature: C
/// Mowat", "2025-08-17,H Rahimi,K Rook,", "HO N Rice.", "(W. Church)", "-
/// G. Fields\n", "approval: D Rice 14/06", a table's "  P Shepherd  " —
/// the surname may be a word a list holds as a surname ("Moss", "Rook",
/// "Fields"), not another word ("(B Block)"), a month, a day, a title or a
/// street's word that is no surname.
fn slotted(text: &str, toks: &[Tok<'_>], i: usize, j: usize) -> bool {
    let surname = &toks[j];
    let named = surname.lex.is_word_surname() || surname.lex.is_surname();
    if j != i + 1
        || surname.shape != Shape::Cap
        || surname.lex.is_month_or_day()
        || surname.lex.is_title()
        || surname.lex.is_street() && !named
        || surname.lex.is_org()
        || surname.lex.is_job_word()
        || surname.lex.is_english() && !surname.lex.is_word_surname() && !surname.lex.is_surname()
        || !matches!(gap(text, toks, i), " " | ". ")
    {
        return false;
    }
    let dotted = gap(text, toks, i) == ". ";
    let whole_before = &text[..toks[i].start];
    let before = whole_before.trim_end_matches([' ', '\t']);
    // A table's cell: a column's gap or a line's start before it.
    let cell = before.is_empty()
        || before.ends_with('\n')
        || whole_before.ends_with("  ")
        || whole_before.ends_with('\t');
    let opens = before.ends_with(['(', ',', ':', '/', '|', ';'])
        || before.ends_with(" by")
        || before.ends_with(" to")
        || named && (cell || before.ends_with(" -") || before.ends_with(" ="));
    let after = text[surname.full_end..].trim_start_matches([' ', '\t']);
    let closes = after.is_empty()
        || after.starts_with([')', ',', '.', ';', '=', '\n', '\r', '|'])
        || after.starts_with("- ")
        || named && (after.starts_with('(') || after.starts_with(|c: char| c.is_ascii_digit()));
    // Without a full stop, "(C Block)", "(B Wing)": a part of a building,
    // and a street's word, are no surnames.
    let part = !dotted
        && (surname.lex.is_street() && !surname.lex.is_surname()
            || BUILDING_PARTS.contains(&surname.word.to_lowercase().as_str()));
    !part && opens && closes
}

/// Words for a part of a building or a site, after a letter naming it:
/// "C Block", "B Wing", "A Stair".
const BUILDING_PARTS: &[&str] = &[
    "block", "wing", "tower", "towers", "house", "floor", "unit", "bay", "gate", "stair", "level",
    "deck", "phase", "side", "end", "row", "site", "zone", "shift", "team", "ward", "grade",
    "band",
];

/// Words after which a lower-case given name and a surname that is also a
/// word end: "gary marsh about the fence", "leanne fields and her kids".
static AFTER_A_LOWER_FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[ \t]*(?:[.,;:!?)]|\r?\n|$)|[ \t]+(?:and|about|from|said|says|is|was|has|had|who|told|rang|came|owns|kept|keeps|at|in|with|to|again|too|shouted|swore|says|lives|lived)(?-u:\b))")
        .expect("valid regex")
});

/// "gary marsh", "leanne fields": in lower case, a given name that is no
/// word, then a surname that is a word, before the end of the clause or a
/// word a name is followed by ("about", "and", "said").
fn lower_word_surname(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (first, second) = (&toks[i], toks.get(i + 1)?);
    let given = first.lex.is_given()
        && !first.lex.is_ambiguous()
        && !first.lex.is_english()
        && !first.lex.is_common()
        && !first.lex.is_cue_word();
    let surname = second.shape == Shape::Lower
        && (second.lex.is_word_surname() || second.lex.is_soft_street())
        && !second.lex.is_common();
    let found = given
        && surname
        && first.end == first.full_end
        && linked(text, toks, i)
        && AFTER_A_LOWER_FULL_NAME.is_match(&text[second.end..])
        && !vetoed(text, toks, i, i + 1);
    found.then_some((i + 1, 0.6))
}

/// Given name(s) + surname in one case: "John Smith", "Jane Anne Smith",
/// "JOHN SMITH", "john smith".
pub(super) fn full_name(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let first = &toks[i];
    if let Some(found) = with_particle(text, toks, i).or_else(|| vietnamese(text, toks, i)) {
        return Some(found);
    }
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
        if let Some(found) = lower_word_surname(text, toks, i) {
            return Some(found);
        }
    }
    for last in (i + 1..=run).rev() {
        let middles_ok = toks[i + 1..last].iter().all(|t| {
            t.shape == Shape::Initial || t.lex.is_given() || namey(t) && !t.lex.is_common()
        });
        // "Liam Doyle Role: carer", "… Relationship to tenant: partner": a
        // column form's next label ends no name.
        let next_label = last > i + 1
            && label_after(text, toks[last].full_end)
            && !toks[last].lex.is_surname()
            && !toks[last].lex.is_word_surname();
        if !middles_ok || next_label {
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

/// A surname and an initial as a register or a log lists people: "HAMID
/// A,511", "GILL, M  flat 23", "Akins, T |", "OGUNDIPE F A,", a CSV's
/// ",MARSH D & MARSH R,": a surname of the lists or a word no list holds
/// (not a given name in small letters; in capitals opening a cell, a
/// surname that is a word too), then one or two capitals, then the row's
/// next cell (a comma, a tab, two spaces, a bar, a quote or the line's
/// end) or "&" and the next entry.
pub(super) fn surname_initial(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let initial = toks.get(i + 1)?;
    if initial.shape != Shape::Initial || !initial.word.is_ascii() || t.end != t.full_end {
        return None;
    }
    let before = text[..t.start].trim_end_matches([' ', '\t']);
    let opens_cell = before.is_empty() || before.ends_with([',', '|', '\n', '"', '&']);
    let word_surname = t.shape == Shape::Upper
        && opens_cell
        && t.lex.is_word_surname()
        && !BUILDING_PARTS.contains(&t.word.to_lowercase().as_str());
    let named = t.lex.is_surname() || !t.lex.is_english() && !t.lex.is_common() || word_surname;
    let surname = match t.shape {
        Shape::Upper => {
            t.word.len() >= 3 && named && !super::stamps::NOT_INITIALS.contains(&t.word)
        }
        Shape::Cap => named && !t.lex.is_given(),
        _ => false,
    };
    let plain = |b: lex::Bits| {
        !b.is_title() && !b.is_org() && (!b.is_street() || word_surname) && !b.is_month_or_day()
    };
    if !surname || !plain(t.lex) || !matches!(gap(text, toks, i), " " | ", ") {
        return None;
    }
    // "OGUNDIPE F A": a second initial after a space.
    let last = match toks.get(i + 2) {
        Some(second)
            if t.shape == Shape::Upper
                && second.shape == Shape::Initial
                && second.word.is_ascii()
                && gap(text, toks, i + 1) == " " =>
        {
            i + 2
        }
        _ => i + 1,
    };
    let after = &text[toks[last].full_end..];
    // "MacLeod, A. - emp no …": a field after a dash.
    let dashed = after
        .strip_prefix('.')
        .is_some_and(|a| a.starts_with(" - ") || a.starts_with(" – "));
    let next_cell = dashed
        || after.is_empty()
        || after.starts_with([',', '\t', '|', '\n', '\r', '"'])
        || after.starts_with("  ")
        || after.starts_with(" |")
        || t.shape == Shape::Upper && after.starts_with(" & ");
    next_cell.then_some((last, 0.7))
}

/// A surname written first in capitals, then the given name, as Chinese
/// and Vietnamese names are often listed: "LIU Mei", "ZHANG Hao", "NGUYEN
/// Bao". The surname from the lists (no English word), then one
/// capitalised word that is no English, street or organisation's word.
pub(super) fn surname_first(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (t, given) = (&toks[i], toks.get(i + 1)?);
    let surname = t.shape == Shape::Upper
        && t.word.len() >= 2
        && t.lex.is_surname()
        && !t.lex.is_english()
        && !t.lex.is_common()
        && !t.lex.is_ambiguous();
    let given_ok = given.shape == Shape::Cap
        && (given.lex.is_given() || !given.lex.is_english())
        && !given.lex.is_common()
        && !given.lex.is_street()
        && !given.lex.is_org()
        && given.end == given.full_end;
    // One name alone: no third word of it after ("ZHANG Hao Lin" is read
    // another way).
    let alone =
        !linked(text, toks, i + 1) || toks.get(i + 2).is_some_and(|n| n.shape == Shape::Lower);
    (surname && given_ok && linked(text, toks, i) && alone).then_some((i + 1, 0.75))
}

/// A register's cell holding a surname in capitals and a known given name
/// after it, with or without a comma: "| NAZIR, Shabana |", "| OKONJO,
/// Grace |", ",FIELDS Leanne,", ",McDONAGH Bridget,", "| NAZIR, Mohammed
/// Idrees |", a quoted CSV cell's "PIKE, Jonathan; PIKE, Callum", in
/// capitals after a comma "FIELDS, MARGARET".
/// The cell opens the line or follows a column's mark (a comma, a bar, a
/// tab, a label's colon, a quote, a list's semicolon or an aligned
/// column's two spaces) and ends after the name (or one more
/// capitalised word of it); the surname is no office's capitals nor a
/// word of place, job or organisation.
pub(super) fn register_entry(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (s, g) = (&toks[i], toks.get(i + 1)?);
    let capitals = s.shape == Shape::Upper
        || ["Mc", "Mac", "O'", "O’"].iter().any(|p| {
            s.word.strip_prefix(p).is_some_and(|rest| {
                rest.chars().count() >= 2 && rest.chars().all(|c| c.is_uppercase())
            })
        });
    let surname_like = capitals
        && s.word.chars().count() >= 3
        && s.end == s.full_end
        && !super::stamps::NOT_INITIALS.contains(&s.word)
        && (!s.lex.is_street() || s.lex.is_word_surname() || s.lex.is_surname())
        && !s.lex.is_org()
        && !s.lex.is_job_word()
        && !s.lex.is_cue_word()
        && !s.lex.is_title()
        && !s.lex.is_month_or_day()
        && (s.lex.is_surname() || s.lex.is_word_surname() || !s.lex.is_common());
    // After a comma, a given name that is also a word ("BROWN, Summer"),
    // or one in capitals ("FIELDS, MARGARET").
    let comma = gap(text, toks, i) == ", ";
    let given = (g.shape == Shape::Cap && (g.lex.is_given() || comma && g.lex.is_ambiguous())
        || comma && s.shape == Shape::Upper && g.shape == Shape::Upper && g.lex.is_given())
        && !g.lex.is_title();
    if !(surname_like && given && (comma || gap(text, toks, i) == " ")) {
        return None;
    }
    let line_start = text[..s.start].rfind('\n').map_or(0, |k| k + 1);
    let before = text[line_start..s.start].trim_end_matches([' ', '\t']);
    // A column aligned with spaces opens and closes its cell with two.
    let opens = before.is_empty()
        || before.ends_with([',', '|', '\t', ':', '"', ';'])
        || text[..s.start].ends_with('\t')
        || text[..s.start].ends_with("  ");
    let closes = |k: usize| {
        let after = &text[toks[k].full_end..];
        after.starts_with("  ")
            || after
                .trim_start_matches(' ')
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ',' | '|' | '\t' | '\n' | '\r' | '(' | '&' | '"' | ';'))
    };
    // "NAZIR, Mohammed Idrees": one more word of the name in the cell.
    let last = if closes(i + 1) {
        i + 1
    } else if linked(text, toks, i + 1) && toks[i + 2].shape == Shape::Cap && closes(i + 2) {
        i + 2
    } else {
        return None;
    };
    (opens && !vetoed(text, toks, i, last)).then_some((last, 0.8))
}

/// Small words inside a surname: "Hannah de Souza", "Jan van der Berg",
/// "Omar bin Rashid".
const PARTICLES: &[&str] = &[
    "de", "da", "das", "dos", "do", "di", "du", "del", "della", "der", "den", "van", "von", "ter",
    "ten", "le", "la", "bin", "binti", "al", "el",
];

/// Welsh patronymics' small words: "Rhys ap Gwilym", "Gwen ferch Ifan";
/// in lower case only, as "AB" in capitals is someone's initials.
const WELSH_PARTICLES: &[&str] = &["ap", "ab", "ferch", "verch"];

/// Whether the word at `k` is a surname's small word written in lower
/// case: "de", "van", "ap".
fn small_particle(toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.shape == Shape::Lower
            && (PARTICLES.contains(&t.word) || WELSH_PARTICLES.contains(&t.word))
    })
}

/// Whether `word` is one of those small words, in any letter case: alone
/// it names no one ("[00:01] De").
pub(super) fn particle(word: &str) -> bool {
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word)) || WELSH_PARTICLES.contains(&word)
}

/// The capitalised particles of Irish and Scottish surnames: "Ciarán Ó
/// Dónaill", "Aoife Ní Bhriain", "Gráinne Mc Cafferty" (the prefix written
/// apart).
const IRISH_PARTICLES: &[&str] = &["Ó", "Ní", "Nic", "Uí", "Mhic", "Mc", "Mac"];

/// Vietnamese family names, written first.
const VIETNAMESE_FAMILY_NAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "trinh", "dinh", "lam", "truong", "luong", "doan", "vuong",
];

/// A Vietnamese name, family name first, "Van" or "Thi" in the middle and
/// a capitalised given name: "Tran Van Hung", "NGUYEN Van Long", "Pham
/// Thi Hoa".
fn vietnamese(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let (family, middle, given) = (&toks[i], toks.get(i + 1)?, toks.get(i + 2)?);
    let known = matches!(family.shape, Shape::Cap | Shape::Upper)
        && VIETNAMESE_FAMILY_NAMES.contains(&family.word.to_lowercase().as_str());
    let found = known
        && matches!(middle.word, "Van" | "Thi" | "Văn" | "Thị")
        && matches!(given.shape, Shape::Cap | Shape::Upper)
        && linked(text, toks, i)
        && linked(text, toks, i + 1)
        && !vetoed(text, toks, i, i + 2);
    found.then_some((i + 2, 0.85))
}

/// A known given name, one or two lower-case particles (or an Irish one)
/// and a capitalised surname: "Hannah de Souza", "Pieter van der Merwe",
/// "Ciarán Ó Dónaill".
fn with_particle(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let first = &toks[i];
    let particle = |k: usize| {
        small_particle(toks, k)
            || toks
                .get(k)
                .is_some_and(|t| IRISH_PARTICLES.contains(&t.word))
    };
    // An Irish particle ("Ó", "Ní") says a name even where the given name
    // before it is in no list ("Ciarán Ó Dónaill").
    let irish = toks
        .get(i + 1)
        .is_some_and(|t| IRISH_PARTICLES.contains(&t.word));
    let given = first.lex.is_given() || irish && !first.lex.is_english();
    if first.shape != Shape::Cap
        || !given
        || first.lex.is_ambiguous()
        || first.lex.is_common()
        || !linked(text, toks, i)
        || !particle(i + 1)
    {
        return None;
    }
    let mut k = i + 1;
    if linked(text, toks, k) && particle(k + 1) {
        k += 1;
    }
    if !linked(text, toks, k) {
        return None;
    }
    let surname = &toks[k + 1];
    let ok = surname.shape == Shape::Cap && namey(surname) && !surname.lex.is_common();
    (ok && !vetoed(text, toks, i, k + 1)).then_some((k + 1, 0.85))
}

/// Whether a form's label goes on from `pos` to its colon: ":" at once, or
/// up to three short words of letters first (" to tenant:").
pub(super) fn label_after(text: &str, pos: usize) -> bool {
    let rest = &text[pos..floor_char_boundary(text, (pos + 30).min(text.len()))];
    rest.split_once(':').is_some_and(|(words, _)| {
        words.is_empty()
            || words.starts_with(' ')
                && words.split_whitespace().count() <= 3
                && words.chars().all(|c| c.is_alphabetic() || c == ' ')
    })
}

/// How sure "first … last" is a given name and a surname.
fn pair(first: &Tok<'_>, last: &Tok<'_>) -> Option<f32> {
    // "her husband gary", "BROTHER RYAN": a cue word is not the name it
    // announces.
    if first.lex.is_cue_word() {
        return None;
    }
    let given = first.lex.is_given();
    let plain_given = given && !first.lex.is_ambiguous();
    let surname = last.lex.is_surname();
    // "Trevor Marsh", "Leanne Fields": a surname that is also a word.
    let word_surname = (last.lex.is_word_surname() || last.lex.is_soft_street())
        && last.shape == first.shape
        && matches!(first.shape, Shape::Cap | Shape::Upper);
    if plain_given && word_surname && !first.lex.is_common() {
        return Some(0.75);
    }
    match first.shape {
        Shape::Cap => {
            if !namey(first) && !given || !namey(last) {
                return None;
            }
            if plain_given && surname {
                Some(0.9)
            } else if plain_given && !last.lex.is_common() || given && surname {
                Some(0.8)
            } else if given && !last.lex.is_common() {
                // "Bill Quinlan", not "Bill Payments".
                Some(0.7)
            } else if !first.lex.is_common()
                && !last.lex.is_ambiguous()
                && surname
                && (!last.lex.is_given() || last.lex.is_given_abroad())
            {
                Some(0.75)
            } else {
                None
            }
        }
        Shape::Upper => {
            if given && surname {
                Some(0.85)
            } else if plain_given
                && namey(last)
                && !last.lex.is_common()
                // "RYAN KICKED": in capitals, a word after a given name
                // is no surname for being capitalised.
                && (!last.lex.is_english() || last.lex.is_surname())
            {
                Some(0.75)
            } else if !first.lex.is_common() && namey(first) && surname && !last.lex.is_ambiguous()
            {
                Some(0.7)
            } else {
                None
            }
        }
        // "we will foster good relations", "you may rush": in small
        // letters, a given name that is a verb before an English word is
        // the verb ("this is will pearson" is a name).
        Shape::Lower if matches!(first.word, "will" | "may") && last.lex.is_english() => None,
        Shape::Lower => {
            let plain_surname = surname && !last.lex.is_ambiguous();
            if plain_given && surname && !first.lex.is_common() {
                Some(0.7)
            } else if given && plain_surname && !last.lex.is_common() {
                Some(0.6)
            } else if plain_surname
                && !first.lex.is_common()
                && !first.lex.is_ambiguous()
                && (!first.lex.is_english() || given)
                && !last.lex.is_common()
            {
                // "leanne patel": a surname that is no English word (not
                // "i think patrick": "think" is a word and no name).
                Some(0.55)
            } else if plain_given && !first.lex.is_common() && unlisted(last)
                || first.lex.is_ambiguous()
                    && plain_surname
                    && !last.lex.is_english()
                    && !last.lex.is_given()
                    && !last.lex.is_common()
            {
                // "patrick mulvaney": a given name, then a word in no list;
                // "ray wilkinson": a name that is also a word, then a
                // surname that is none.
                Some(0.55)
            } else {
                None
            }
        }
        Shape::Initial => None,
    }
}

/// A word of four letters or more in no list and no English word: a
/// surname the lists do not know ("mulvaney").
fn unlisted(t: &Tok<'_>) -> bool {
    t.lex == lex::Bits::default()
        && t.word.chars().count() >= 4
        && t.word.chars().all(char::is_alphabetic)
}

/// Words that are given names too but, after "her partner" or "my son",
/// go on the sentence: "my son will", "her partner may". Other common words
/// there are the name ("her partner rob", "my dad bill").
const NOT_A_NAME_AFTER_KIN: &[&str] = &[
    "will", "may", "can", "must", "shall", "did", "does", "do", "is", "was", "has", "had",
];

/// Relations after which a possessive's next word is the person's name,
/// even when it is a word: "her daughter summer", "my son mason",
/// "mrs dixon's grandson mason".
const KIN_BEFORE_A_WORD_NAME: &[&str] = &[
    "son",
    "daughter",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "brother",
    "sister",
    "boyfriend",
    "girlfriend",
    "husband",
    "wife",
    "partner",
    "fella",
    "missus",
    "hubby",
];

/// A capitalised word after a cue ("my neighbour Sam", "Signed: Sam
/// Jones", a sign-off), with a following surname-like word if there is one.
pub(super) fn cued(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // "Operative A Quinlan": an initial and a surname.
    let initial = t.shape == Shape::Initial
        && linked(text, toks, i)
        && toks[i + 1].shape == Shape::Cap
        && namey(&toks[i + 1]);
    // "Alleged perpetrator: GRAHAM WHITLOCK", "my neighbour kelly".
    let fits = |t: &Tok<'_>| match t.shape {
        // "(carer, Helping Hands)": a word of doing names a firm, not a
        // person, unless a name list holds it ("Fleming").
        Shape::Cap => {
            let doing = t.word.ends_with("ing")
                && t.lex.is_english()
                && !t.lex.is_given()
                && !t.lex.is_surname();
            (namey(t) || t.lex.is_ambiguous()) && !doing
        }
        // "HER BROTHER KICKED MY DOOR": in capitals, an English word no
        // name list holds is no name for standing after a cue.
        // ("interviewer ID AIR-2219": capitals that are no one's initials.)
        Shape::Upper => {
            (namey(t) || t.lex.is_ambiguous())
                && !super::stamps::NOT_INITIALS.contains(&t.word)
                && (!t.lex.is_english()
                    || t.lex.is_given()
                    || t.lex.is_surname()
                    || t.lex.is_ambiguous())
        }
        // "her daughter summer", "my son mason": after a relation, a given
        // name that is also a word.
        Shape::Lower => {
            plain_lower_name(t)
                || (t.lex.is_given() || t.lex.is_ambiguous())
                    && (!t.lex.is_common() || !NOT_A_NAME_AFTER_KIN.contains(&t.word))
                    && !t.lex.is_month_or_day()
                    && i > 0
                    && gap(text, toks, i - 1) == " "
                    && KIN_BEFORE_A_WORD_NAME.contains(&toks[i - 1].word)
                    && i >= 2
                    && (matches!(
                        toks[i - 2].word,
                        "my" | "his" | "her" | "their" | "our" | "ur"
                    ) || toks[i - 2].end != toks[i - 2].full_end
                        && gap(text, toks, i - 2) == " ")
        }
        Shape::Initial => false,
    };
    // "Thanks  bob" closing a message: a given name that is also a word,
    // alone at the end of its line.
    let signed_off = t.shape == Shape::Lower
        && (t.lex.is_given() || t.lex.is_ambiguous())
        && t.end == t.full_end
        && text[t.end..]
            .trim_start_matches([' ', '\t', '.', '!'])
            .chars()
            .next()
            .is_none_or(|c| c == '\n' || c == '\r');
    // `ALLEGED PERPETRATOR: "SPUD"`: one word in quotes after a cue is
    // a nickname, even a word.
    // (`Signed "Approved"`: no word of doing.)
    let doing = || {
        let lower = t.word.to_ascii_lowercase();
        lower.ends_with("ed") || lower.ends_with("ing")
    };
    let nickname = super::cues::quoted_word(text, toks, i)
        && !t.lex.is_title()
        && !t.lex.is_org()
        && !t.lex.is_street()
        && !t.lex.is_common()
        && (!t.lex.is_english() || !doing());
    // "ALLEGED PERPETRATOR: …": a cue after a cue is a label; "Caretaker
    // Supervisor": a job's word after a job's word is the job;
    // "Interviewer IDs", "COORDINATOR FOLLOW-UP": no names either.
    if !initial && !fits(t) && !signed_off && !nickname
        || t.lex.is_cue_word()
        || t.lex.is_job_word()
        || code_or_heading(t.word)
    {
        return None;
    }
    // "a tenant Liaison Officer": a job title after the cue, not a name.
    let job_title =
        linked(text, toks, i) && toks[i + 1].lex.is_job_word() && toks[i + 1].shape == t.shape;
    if job_title {
        return None;
    }
    let from = floor_char_boundary(text, t.start.saturating_sub(48));
    // "Contact: SUE": a form's label names a person when a known name
    // follows it.
    // "Witness:    Rob Feather": a form's value aligned with spaces is a
    // name when the lists hold its first word as one, and no next label
    // ("Partner:      Relationship:").
    let aligned = || {
        (known(t) || t.lex.is_ambiguous())
            && !label_after(text, t.full_end)
            && ALIGNED_CUE.is_match(&text[from..t.start])
    };
    let cue = CUE_BEFORE.is_match(&text[from..t.start]) || aligned();
    let label = || {
        let named = known(t) || initial && known(&toks[i + 1]);
        named && t.shape != Shape::Lower && labelled(text, t.start)
            || nickname && {
                let quote = text[..t.start]
                    .chars()
                    .next_back()
                    .map_or(0, char::len_utf8);
                labelled(text, t.start - quote)
            }
    };
    if !cue && !label() {
        return None;
    }
    let mut last = i + usize::from(initial);
    if !initial && linked(text, toks, i) {
        let next = &toks[i + 1];
        let follows = match t.shape {
            Shape::Lower => plain_lower_name(next),
            // "GIRLFRIEND CHELSEA SWORE": in capitals, an English word
            // after the name is no surname.
            shape => {
                next.shape == shape
                    && namey(next)
                    && (!next.lex.is_common() || next.lex.is_surname())
                    && (shape != Shape::Upper
                        || !next.lex.is_english()
                        || next.lex.is_surname()
                        || next.lex.is_given())
            }
        };
        // "Witness: Ray Church": after a label, a street word that is a
        // surname.
        let street_surname = given_then_street_surname(text, toks, i) && labelled(text, t.start);
        if follows || street_surname {
            last = i + 1;
        }
    }
    // "neighbour: Quinlan, Marek" at the end of a line or sentence.
    let surname_first = !initial
        && last == i
        && i + 1 < toks.len()
        && gap(text, toks, i) == ", "
        && toks[i + 1].shape == Shape::Cap
        && namey(&toks[i + 1])
        && !toks[i + 1].lex.is_common()
        && gap(text, toks, i + 1)
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '\n' | '\r' | '.' | ';' | ')'));
    if surname_first {
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

/// Capitals that are a plural of letters ("IDs", "PCs") or a heading's
/// hyphened word ("FOLLOW-UP", "CALL-BACK").
fn code_or_heading(word: &str) -> bool {
    let plural = word
        .strip_suffix('s')
        .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
    let hyphened = word.contains('-')
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '-')
        && word.split('-').all(lex::is_english);
    plural || hyphened
}

/// A known given name or surname on its own that is not also a word:
/// "Daniel has asthma", "Okafor's dog"; a family by its surname, "the
/// Nowaks".
pub(super) fn lone(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    // "the Nowaks": a family by its surname.
    let family = i > 0
        && toks[i - 1].word.eq_ignore_ascii_case("the")
        && t.shape == Shape::Cap
        && t.word.strip_suffix('s').is_some_and(|stem| {
            lex::is_surname(stem) && !lex::is_english(stem) && !lex::is_common(stem)
        })
        && !t.lex.is_english()
        && !t.lex.is_common();
    if family && !vetoed(text, toks, i, i) {
        return Some((i, 0.65));
    }
    // "WENT TO SEE GLENDA AT NO 14": a given name in a sentence written
    // wholly in capitals.
    let shouted = t.shape == Shape::Upper
        && t.word.chars().count() > 2
        && t.lex.is_given()
        && !t.lex.is_ambiguous()
        && !t.lex.is_common()
        && !t.lex.is_english()
        && upper_sentence(text, t.start);
    if shouted && !vetoed(text, toks, i, i) {
        return Some((i, 0.6));
    }
    let ok = t.shape == Shape::Cap
        && title_case(t.word)
        && known(t)
        // "Smith-Jones", not "Knight-Ridder".
        && t.word.split('-').all(|part| lex::is_surname(part) || lex::is_given(part))
        && !t.lex.is_ambiguous()
        && !t.lex.is_common()
        // "Trade: Joiner": a trade that is also a surname, alone.
        && !t.lex.is_job_word()
        && namey(t);
    // "St Thomas Church Hall", "the Village Hall": a surname after a
    // capitalised street or building word is the rest of a place's name.
    let in_place = i > 0
        && linked(text, toks, i - 1)
        && toks[i - 1].shape == Shape::Cap
        && (toks[i - 1].lex.is_street() || toks[i - 1].lex.is_org())
        && !toks[i - 1].lex.is_given();
    // "the Greenway case", "the Holt estate": a surname alone between "the"
    // and what it names.
    let named_thing = i > 0
        && toks[i - 1].word.eq_ignore_ascii_case("the")
        && toks.get(i + 1).is_some_and(|n| {
            gap(text, toks, i) == " " && n.shape == Shape::Lower && NAMED_THINGS.contains(&n.word)
        });
    (ok && !in_place
        && !named_thing
        && !town(text, toks, i)
        && !pet(text, toks, i)
        && !vetoed(text, toks, i, i))
    .then_some((i, 0.6))
}

/// "a dog called Bella", "Staffie named Tyson", "our dog Bruno", "guide
/// dog (Barney)", "a collie cross called \"Bear\"", "a bull breed he calls
/// \"Tyson\"", "the dog, Bailey, …", "Dog (\"Bruno\")", "(Staffie,
/// \"Bruno\")", "Tyson (staffy)", "Tyson their staffy", "the dog's name is
/// bella": an animal's name.
pub(super) fn pet(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let pet_word = |k: usize| PETS.contains(&toks[k].word.to_lowercase().as_str());
    // "staff" and "lab" are other words more often than animals.
    let plainly_pet =
        |k: usize| pet_word(k) && !matches!(toks[k].word.to_lowercase().as_str(), "staff" | "lab");
    // ("a German Shepherd cross called \"Bear\"": the animal's word up to
    // three words before.)
    let called = i >= 2
        && matches!(toks[i - 1].word, "called" | "named" | "calls" | "call")
        && (i.saturating_sub(4)..i - 1).any(pet_word);
    // Capitalised, only the plainest animal words: "Shepherd", "Collie"
    // or "Husky" are surnames too.
    let plain_capital = |k: usize| {
        matches!(
            toks[k].word,
            "Dog" | "Cat" | "Puppy" | "Kitten" | "Staffie" | "Staffy" | "Terrier"
        )
    };
    // Right after the animal's word ("staff", "lab" and "bully" before a
    // name are other words; of capitalised ones only the plainest).
    let beside = i >= 1
        && !matches!(toks[i - 1].word, "staff" | "lab" | "bully")
        && (toks[i - 1].shape == Shape::Lower && PETS.contains(&toks[i - 1].word)
            || plain_capital(i - 1))
        && match gap(text, toks, i - 1) {
            " " | " (" | " \"" | " “" | " '" | " (\"" | " (“" | " - \"" | " – \"" => true,
            // "the dog, Bailey, will …": set off by commas on both sides.
            ", " => gap(text, toks, i).starts_with(','),
            _ => false,
        };
    // Quoted after the animal's word in the same bracket: "a dog
    // (\"Tyson\", an XL bully)", "(Staffordshire bull terrier, \"Tyson\")".
    let quoted = i >= 1
        && gap(text, toks, i - 1).ends_with(['"', '“'])
        && (i.saturating_sub(5)..i)
            .any(|k| plainly_pet(k) && toks[k].shape != Shape::Cap || plain_capital(k))
        && !text[toks[i.saturating_sub(5)].start..toks[i].start].contains('\n');
    // The animal's word just after: "Tyson (staffy)", "Tyson their
    // staffy", "\"lola\" – staffie x".
    let small_pet = |k: usize| k < toks.len() && toks[k].shape == Shape::Lower && plainly_pet(k);
    let after = small_pet(i + 1) && matches!(gap(text, toks, i), " (" | "\" - " | "\" – " | "” – ")
        || small_pet(i + 2)
            && matches!(toks[i + 1].word, "their" | "his" | "her" | "our" | "my")
            && gap(text, toks, i) == " "
            && gap(text, toks, i + 1) == " ";
    // "the dog's name is bella", "Dog name is \"Rocky\"".
    let name_is = i >= 3
        && toks[i - 1].word == "is"
        && toks[i - 2].word.eq_ignore_ascii_case("name")
        && (i.saturating_sub(5)..i - 2).any(plainly_pet);
    called || beside || quoted || after || name_is
}

/// Animals a household keeps, as a text names them before their names.
const PETS: &[&str] = &[
    "dog",
    "dogs",
    "puppy",
    "pup",
    "cat",
    "kitten",
    "staffie",
    "staffy",
    "staff",
    "bully",
    "breed",
    "husky",
    "terrier",
    "collie",
    "spaniel",
    "labrador",
    "lab",
    "poodle",
    "bulldog",
    "rottweiler",
    "alsatian",
    "shepherd",
    "greyhound",
    "lurcher",
    "jackrussell",
    "parrot",
    "budgie",
    "rabbit",
    "hamster",
    "pony",
    "horse",
    "snake",
    "tortoise",
];

/// "lives in Shipley", "near Morley": a word alone after "in" or "near",
/// not possessive, is a town, not a person. So is a word between a comma
/// and a postcode ("Willow Lane, Ashby KH6 1WW"), a word alone after a
/// building or street and a comma ("Lanchester House, Sunderland") and a
/// constituency
/// ("Member of Parliament for Kingsholme and Ashby"); and a month after a
/// word of time or a day's number is no person ("since April", "on 24
/// April").
pub(super) fn town(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    if i == 0 {
        return false;
    }
    let prev = toks[i - 1].word;
    // "lives in\nPadiham": a letter's line may break between them.
    let after_in = matches!(prev, "in" | "near") && matches!(gap(text, toks, i - 1), " " | "\n");
    if after_in && t.end == t.full_end {
        return true;
    }
    if t.shape == Shape::Lower {
        return false;
    }
    let after_comma = t.end == t.full_end && gap(text, toks, i - 1) == ", ";
    let before_postcode =
        after_comma && text[t.end..].strip_prefix(' ').is_some_and(postcode_first);
    // "Venue: Lanchester House, Sunderland (hybrid)": a word alone after a
    // building's or street's name and a comma, no given name.
    let after_building = after_comma
        && i >= 2
        && toks[i - 1].shape == Shape::Cap
        && toks[i - 1].lex.is_street()
        && linked(text, toks, i - 2)
        && toks[i - 2].shape == Shape::Cap
        && !t.lex.is_given()
        && !t.lex.is_ambiguous()
        && !(linked(text, toks, i) && matches!(toks[i + 1].shape, Shape::Cap | Shape::Upper));
    before_postcode
        || after_building
        || constituency(text, toks, i)
        || month_of_a_date(text, toks, i)
}

/// Whether `rest` opens with a UK postcode: "KH6 1WW", "SW1A 0AA", "M1 1AA".
fn postcode_first(rest: &str) -> bool {
    let b = rest.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    let mut k = letters;
    if !b.get(k).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    k += 1;
    if b.get(k)
        .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        k += 1;
    }
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    b.get(k).is_some_and(u8::is_ascii_digit)
        && b.get(k + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(k + 2).is_some_and(u8::is_ascii_uppercase)
        && !b.get(k + 3).is_some_and(u8::is_ascii_alphanumeric)
}

/// "Member of Parliament for Kingsholme and Ashby", "MP for Ashby": the
/// places a member stands for.
fn constituency(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let stands_for = |k: usize| {
        k >= 1
            && toks[k].word == "for"
            && matches!(toks[k - 1].word, "Parliament" | "MP" | "Member")
            && gap(text, toks, k) == " "
    };
    stands_for(i - 1)
        || i >= 3
            && toks[i - 1].word == "and"
            && toks[i - 2].shape == Shape::Cap
            && stands_for(i - 3)
}

/// "since April", "until May", "on 24 April", "in early June": a month
/// (that the lists also hold as a given name) where a date's month goes.
fn month_of_a_date(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    if !t.lex.is_month_or_day() || t.end != t.full_end {
        return false;
    }
    let before = text[..t.start].trim_end_matches(' ');
    let stem = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| before.strip_suffix(s))
        .unwrap_or(before);
    let day = before.len() + 1 == t.start && stem.ends_with(|c: char| c.is_ascii_digit());
    let word = gap(text, toks, i - 1) == " "
        && matches!(
            toks[i - 1].word.to_ascii_lowercase().as_str(),
            "since"
                | "until"
                | "till"
                | "from"
                | "by"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "before"
                | "after"
        );
    // Not "since April Jones moved in": no surname after it ("On 24 April
    // Mr Stead …" has a title).
    let named_after = linked(text, toks, i)
        && toks[i + 1].shape == Shape::Cap
        && toks[i + 1].lex.is_surname()
        && !toks[i + 1].lex.is_title();
    (day || word) && !named_after
}

/// What a surname after "the" names when it is no person: "the Greenway
/// case", "the Holt estate".
const NAMED_THINGS: &[&str] = &[
    "case",
    "cases",
    "estate",
    "scheme",
    "project",
    "site",
    "contract",
    "programme",
    "report",
    "development",
    "building",
    "account",
    "file",
    "review",
    "inquiry",
    "enquiry",
];

/// What ends a sentence (or a line).
const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', '\n'];

/// The sentence (or line) of `text` that holds byte `pos`.
pub(super) fn sentence_around(text: &str, pos: usize) -> &str {
    part_around(text, pos, &SENTENCE_ENDS)
}

/// How far either side of a word its sentence is read: a run of text with
/// no full stop or line break (a PDF's page as one line) would otherwise
/// be read whole again for each of its words.
const SENTENCE_REACH: usize = 500;

/// The part of `text` holding byte `pos` from the last of `opens` before it
/// to the sentence's end, no further than `SENTENCE_REACH` either side.
fn part_around<'t>(text: &'t str, pos: usize, opens: &[char]) -> &'t str {
    let from = floor_char_boundary(text, pos.saturating_sub(SENTENCE_REACH));
    let to = floor_char_boundary(text, (pos + SENTENCE_REACH).min(text.len()));
    let start = text[from..pos].rfind(opens).map_or(from, |k| from + k + 1);
    let end = text[pos..to].find(SENTENCE_ENDS).map_or(to, |k| pos + k);
    &text[start..end]
}

/// Whether the sentence around `pos` has at least four words and no lower-case
/// letter.
pub(super) fn upper_sentence(text: &str, pos: usize) -> bool {
    let sentence = sentence_around(text, pos);
    sentence.split_whitespace().count() >= 4 && !sentence.chars().any(char::is_lowercase)
}

/// Whether the clause around `pos` (its sentence from a colon before it
/// on) is three words or more with no lower-case letter: "I AM FED UP OF
/// IT ALL, FB IS A JOKE" after "Reply from tenant:", not "Present: JP, SR".
pub(super) fn upper_clause(text: &str, pos: usize) -> bool {
    let clause = part_around(text, pos, &['.', '!', '?', '\n', ':']);
    !clause.chars().any(char::is_lowercase)
        && clause
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 3
}

/// "Smith", "McDonald", "O'Brien", "Smith-Jones"; not "MiA" (a capital inside
/// a word is a code or a fragment of one).
fn title_case(word: &str) -> bool {
    let mut prev = ' ';
    let mut after_mc = false;
    for (k, c) in word.chars().enumerate() {
        if k > 0 && c.is_uppercase() && !(after_mc || matches!(prev, '\'' | '’' | '-')) {
            return false;
        }
        after_mc = (k == 1 && word.starts_with("Mc")) || (k == 2 && word.starts_with("Mac"));
        prev = c;
    }
    true
}

//! House references that point at a neighbour's home: "the kids from no.
//! 21", "number 47 were shouting", "Flat 3", "flat 12a", "fl 18", "21's dog", "at
//! #23", a Scottish tenement's "flat 0/1", "2/R" and "the neighbour at
//! 1/2", a block's "Flat 3.11", a pitch on a site ("Pitch 8"), a room of a hostel or
//! a shared house ("Room 5", not "Meeting Room 2"; "rm 9" after a word of
//! place), the Welsh "rhif 6".
//! Found as address data (`address_line`); attribution keeps the subject's
//! own house number.
//! A number the text calls a tab, page, item, invoice or other reference is
//! not a house. A bare number is a house only where a person stands before
//! it: "the woman at 27", "Mr Singh from 29 came out", "Mrs Patel in 7".

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon as lex;
use super::{DataKind, Finding};
use crate::extract::text::floor_char_boundary;
use crate::scan::DigitLines;

static HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:no\.|num\.|nos\.|no:|n0\.)[ \t]?|(?:no|nos|number|numbers|num|nurnber|nomber|rhif)[ \t]|no|(?:flat|flats|flt\.?|f1at|apartment|apt\.?|maisonette|pitch|room|rm)[ \t]?|(?-i:fl)(?:\.[ \t]?|[ \t]))(?:\d{1,3}[a-z]?(?:/\d(?-u:\b)|\.\d{1,2}(?-u:\b))?)(?-u:\b)(?:'s|’s)?",
    )
    .expect("valid regex")
});
/// "from no 21", "at number 47", "Brinnington Road, number 44", "the house
/// opposite, number 7", "Alleged perp flat 5", "visit no 9", "ur flat 4c",
/// "the gutter shared with number 14", "the lady next door no 6":
/// the bare forms need a word of place or of a person, someone else's
/// "his", "their" or "ur", or a street and a comma, before.
static PLACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:at|from|of|to|into|in|yn|by|outside|opposite|next|near|past|behind|above|below|round|visit|visits|visiting|visited|his|their|ur|lives|living|moved|kids|family|neighbours?|tenants?|residents?|occupants?|perps?|perpetrators?|suspects?|victims?|witness|witnesses|towards?|and|or|&|with|door|re|regarding|concerning|against)(?:[ \t]*,)?[ \t]+|(?-u:\b)(?:road|street|lane|avenue|close|drive|court|crescent|grove|terrace|gardens|place|way|house|home|bungalow|cottage)[ \t]*,[ \t]*)$")
        .expect("valid regex")
});
/// A postcode just after a flat's number: "flat 3, M14 5RT".
static POSTCODE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*,?[ \t]*[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}(?-u:\b)").expect("valid regex")
});

/// "Flat C", "Apartment B": a flat by a capital letter.
static LETTERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:flat|apartment)[ \t]+[A-H](?-u:\b)").expect("valid regex")
});
/// A house number and "and", "&", "or" or a comma just before another:
/// "9 and " of "9 and 11 Thornfield Road".
static JOINED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{1,3}[a-z]?)[ \t]*(?:,|and|&|or)[ \t]*$").expect("valid regex")
});

/// Another house number after one: " and 5" of "Nos. 3 and 5", ", 23" of
/// "no. 21, 23".
static JOINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:,|and|&|or)[ \t]*(\d{1,3}[a-z]?)(?-u:\b)").expect("valid regex")
});

/// A Scottish tenement flat's floor and position, "1/2" (first floor,
/// second door), with a word of where someone lives before it: "the
/// neighbour at 1/2", "she lives in 2/1".
static POSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)(?-u:\b)(?:at|from|to|in|above|below|opposite|neighbours?:?|lives[ \t]+(?:at|in)|living[ \t]+(?:at|in)|downstairs[ \t]+in|upstairs[ \t]+in)[ \t]+([0-4]/[1-4])(?:[ \t]*[,.;()-]|[ \t]*$|[ \t]+(?-i:[a-z]))")
        .expect("valid regex")
});

/// A tenement flat's position before who lives there, in a list of
/// neighbours: "3/2 - Mrs Kerr; 2/1 - Mr Rashid".
static POSITION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^|[;,:][ \t]*)([0-4]/[1-4])[ \t]+[-–][ \t]+(?:Mr|Mrs|Ms|Miss|Mx|Dr)(?-u:\b)",
    )
    .expect("valid regex")
});

/// A number alone in brackets just after a name: "(18)", "(1504)", "(12a)",
/// "(12C)".
static BRACKETED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?\((\d{1,4}[a-zA-Z]?)\)").expect("valid regex"));

/// A tenement flat's position in brackets after who lives there: "Mr
/// Gallacher (3/2)".
static POSITION_NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Z][a-z'’-]+[ \t]+\(([0-4]/[1-4])\)").expect("valid regex"));

/// A tenement flat's position before what its household does: "3/2
/// still has the water coming through", "2/1 says it is not them".
static POSITION_DOING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-4]/[1-4])[ \t]+(?:still[ \t]+)?(?:has|have|had|is|are|was|were|says|said|complained|reported|keeps|refuses|refused)(?-u:\b)")
        .expect("valid regex")
});

/// A tenement flat's position opening its address: "1/2, " of "1/2, 8
/// Thornwood Drive".
static POSITION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[ \t(])([0-4]/[1-4]),?[ \t]+$").expect("valid regex"));

/// A tenement flat by its floor and side, which no other thing is written
/// as: "2/R", "G/L", "the lassie in 3/L" (floor 2 right, ground left).
static SIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[ \t(\[,;:])((?:G|[0-9])/[LRM])(?:$|[ \t)\],.;:?!'’])")
        .expect("valid regex")
});

/// What a number counts: "2 children", "3 bedrooms".
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]+(?:children|kids|people|persons|adults|dogs|cats|pets|bedrooms?|beds?|rooms?|cars|vans|bags|boxes|complaints|calls|visits|of)(?-u:\b)").expect("valid regex")
});

/// A house's number with a possessive before someone or something of
/// theirs: "21's dog", "27s kids", "number 4's lad" is found above.
static POSSESSIVE_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\w£$.,:/#-])(\d{1,3}[a-z]?)(?:'s|’s|s)[ \t]+(?:dogs?|kids|children|son|sons|daughters?|mum|dad|lad|lads|boyfriend|girlfriend|husband|wife|partner|fella|missus|visitors|tenants?|family|garden|bins?|car|van|cat)(?-u:\b)")
        .expect("valid regex")
});
/// A length of time after a number: "flat 5 years ago".
static LASTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:%|percent|per|years?|yrs?|months?|weeks?|days?|hours?|hrs?|mins?|minutes?)(?-u:\b)")
        .expect("valid regex")
});

/// A home's size after its number: "a flat 2 bed", "flat 3 bedroomed".
static SIZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t-]*(?:bed|beds|bedroom|bedroomed|bedded|storey|floor)(?-u:\b)")
        .expect("valid regex")
});

/// "at #23": a house's number after a hash, with a word of place before.
static HASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:at|from|in|of|to|next[ \t]+door[ \t]+to)[ \t]+#[ \t]?(\d{1,3}[a-z]?)(?-u:\b)").expect("valid regex")
});

/// Words after a house's bare number that go on the sentence, not count
/// something: "access gained to 16 via Mrs Haque".
const AFTER_A_HOUSE: &[&str] = &[
    "via", "and", "but", "with", "again", "because", "so", "yet", "as", "when", "while", "where",
    "which", "who", "to", "for", "about",
];

/// "Tab No. 3", "page no. 2", "invoice number 12": not a house.
static NOT_A_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tab|page|item|invoice|inv|order|job|ref|reference|case|account|policy|section|para|paragraph|clause|deal|claim|ticket|room|bus|route|platform|gate|seat|table|list|point|question|step|option|version|issue|unit|week|year|size|phone|tel|tracking|serial|model|part|contract|appendix|schedule|annex|exhibit|count|rule|track|box|lot)[ \t.:]*$")
        .expect("valid regex")
});

/// "at 27", "from 4B", "in 7", a tower's "from 1106": a bare number that
/// may be a house.
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:at|from|in)[ \t]+(\d{1,4}[a-z]?)(?-u:\b)").expect("valid regex")
});
/// "the woman at", "the lads upstairs from": a person just before.
static PERSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:man|woman|lady|male|female|males|females|youths?|teenagers?|bloke|fella|guy|girl|boy|lads?|kids|children|family|couple|people|neighbou?rs?|neighb0urs?|tenants?|occupants?|ones?|lot)(?:[ \t]+(?:upstairs|downstairs|opposite|across|next[ \t]+door))?[ \t]+$")
        .expect("valid regex")
});
/// A word of living somewhere or calling at a door just before "at" or
/// "in": "lives at", "is staying in", "moved in at", "knocked at".
static LIVES_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:lives?|lived|living|stays|stayed|staying|moved[ \t]+in|knocked|knocking)[ \t]+$")
        .expect("valid regex")
});
/// People by a pronoun just before: "them at", "him from".
static PRONOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:them|him|her|they|those)[ \t]+$").expect("valid regex")
});
/// A noise or a smell just before "from": "loud music from 14".
static NOISE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:music|noise|shouting|screaming|banging|bass|arguing|fighting|yelling|drilling|barking|smoke|smell|stench|party|thumping|crying)[ \t]+(?:coming[ \t]+)?$")
        .expect("valid regex")
});
/// The end of a time range after a number: "from 11 till 2", "from 9-5".
static RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:(?:till|til|until|to|and|or)(?-u:\b)|[-–—])").expect("valid regex")
});
/// Words after a number that measure or order it: a length of time, an
/// age, a distance, a weight, an amount, a count or an ordinal.
const MEASURES: &str = r"%|hrs?|hours?|mins?|minutes?|secs?|seconds?|days?|weeks?|months?|years?|yrs?|y/?o|mph|miles?|metres?|meters?|feet|ft|yards?|kg|stone|lbs?|pounds?|pence|quid|percent|per|times|x|st|nd|rd|th|of";

/// A time, an age, an amount, a date or a count after the number ("at 7
/// this morning", "at 12 years old", "in 3 weeks"): not a house.
static NOT_A_HOUSE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:[:./,\-]\d|[ \t]*(?:{MEASURES}|am|pm|a\.m|p\.m|o'?clock|this|tonight|today|tomorrow|yesterday|last|next|in|on|every|each|sharp|ish|out|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?-u:\b))"))
        .expect("valid regex")
});

/// What a number above any hour on a clock may not be followed by and
/// be a house: a measure ("at 30 mph", "at 45 years old"); a time of day
/// after it ("Mrs Grant at 47 tomorrow") is when, not what.
static MEASURED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:[:./,\-]\d|[ \t]*(?:{MEASURES})(?-u:\b))"
    ))
    .expect("valid regex")
});

/// Bare house numbers: after a word for a person ("the woman at 27") or a
/// name found in `names` ending just before ("Mr Singh from 29", "Mrs
/// Patel in 7").
pub fn find_bare(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let ends = name_ends(names);
    for caps in BARE.captures_iter(text) {
        let (whole, number) = (caps.get(0).expect("match"), caps.get(1).expect("group"));
        // "from 1106" is a tower's flat; "in 2019" a year.
        let year = number
            .as_str()
            .parse::<u32>()
            .is_ok_and(|n| (1900..2100).contains(&n));
        if year {
            continue;
        }
        // "the family at 17b next door": "next" is no time there.
        let next_door = text[number.end()..]
            .trim_start_matches([' ', '\t'])
            .get(..9)
            .is_some_and(|w| w.eq_ignore_ascii_case("next door"));
        // No clock shows 25 to 999, nor a number with a letter ("12b").
        let clock = number.as_str().parse::<u32>().is_ok_and(|n| n < 25);
        let after = &text[number.end()..];
        let not_a_house = if clock {
            NOT_A_HOUSE_AFTER.is_match(after)
        } else {
            MEASURED_AFTER.is_match(after)
        };
        if not_a_house && !next_door {
            continue;
        }
        // "a male from 9 till 5": hours, not a house (but "the lads from 7
        // and 9" are two).
        let from = whole.as_str()[..4].eq_ignore_ascii_case("from");
        let hours = from && {
            let rest = text[number.end()..].trim_start_matches([' ', '\t']);
            ["till", "til ", "until", "to ", "-", "–"].iter().any(|w| {
                rest.as_bytes()
                    .get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
            })
        };
        if hours {
            continue;
        }
        let before = words_before(text, whole.start());
        let after_name = name_just_before(text, &ends, whole.start(), &[' ', '\t']);
        // "music from 14 again", "Shouting from 12 at 3am", "shouting from
        // 1106 and a woman crying": a noise from a house, not from a time
        // ("music from 11 till 2").
        let noise = whole.as_str()[..4].eq_ignore_ascii_case("from")
            && NOISE_BEFORE.is_match(before)
            && !(clock && RANGE_AFTER.is_match(&text[number.end()..]));
        // "the noise from them at 29": people by a pronoun, before a number
        // no clock shows (a time "at 10" is as likely).
        let hour = number
            .as_str()
            .parse::<u32>()
            .is_ok_and(|n| (1..=12).contains(&n));
        let pronoun = PRONOUN_BEFORE.is_match(before) && !hour;
        // "their mum ellie live at 12", "who lives in 7": where someone lives.
        // (Not "live from 7", a broadcast's time.)
        let lives =
            !whole.as_str()[..4].eq_ignore_ascii_case("from") && LIVES_BEFORE.is_match(before);
        if !after_name && !noise && !pronoun && !lives && !PERSON_BEFORE.is_match(before) {
            continue;
        }
        out.push(house(text, number.start(), number.end()));
        // "the lads from 7 and 9": the numbers joined after it.
        out.extend(joined_after(text, number.end()));
    }
    out
}

/// A house's number said in words, as a voicemail's or a call's transcript
/// writes it: "flat one", "at number six", "next door at fifty four".
static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(flat|number|no\.?|at|from)[ \t]+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t-](?:one|two|three|four|five|six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?-u:\b)")
        .expect("valid regex")
});

/// After a number said in words, what makes it a time, an amount or a
/// count: "at twenty past", "at fifty quid", "at ninety miles an hour".
static SPOKEN_NOT_A_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[ \t]*(?:past|to|till|until|o'?clock|am|pm|quid|pounds?|pence|p|percent|per|years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|mph|miles?|degrees?|hundred|thousand|million|odd|ish|something|of|times|people|children|kids)(?-u:\b)|-ish)")
        .expect("valid regex")
});

/// Where each person's name of `names` ends, in order, for
/// `name_just_before`.
fn name_ends(names: &[Finding]) -> Vec<usize> {
    let mut ends: Vec<usize> = names
        .iter()
        .filter(|n| n.kind == DataKind::PersonName)
        .map(|n| n.end)
        .collect();
    ends.sort_unstable();
    ends
}

/// Whether a person's name ends just before `at`, only `between` standing
/// between them. `ends` are the names' ends in order: only the last one
/// before `at` can be so near (any earlier one has the text after the
/// last one between it and `at` too).
fn name_just_before(text: &str, ends: &[usize], at: usize, between: &[char]) -> bool {
    let before = ends.partition_point(|&end| end <= at);
    before > 0 && text[ends[before - 1]..at].trim_matches(between).is_empty()
}

/// House numbers said in words: after "flat" ("flat one"), after "number"
/// with a word of place before or a name ("at number six", "Sajid Hussain
/// number eighty six"), or a number no clock says after "at" or "from"
/// ("the dogs at fifty four"; not "at six", "at twenty past").
pub fn find_spoken(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let ends = name_ends(names);
    for caps in SPOKEN.captures_iter(text) {
        let (head, number) = (caps.get(1).expect("group"), caps.get(2).expect("group"));
        let after = &text[number.end()..];
        if SPOKEN_NOT_A_HOUSE.is_match(after) {
            continue;
        }
        let word = head.as_str().to_ascii_lowercase();
        let before = words_before(text, head.start());
        let found = match word.as_str() {
            "flat" => {
                !LASTING.is_match(after) && !COUNTED.is_match(after) && !SIZED.is_match(after)
            }
            "at" | "from" => {
                // Of the words `SPOKEN` takes, only the tens hold "ty".
                let said = number.as_str().to_ascii_lowercase();
                said.contains("ty") || said.ends_with("teen")
            }
            _ => {
                name_just_before(text, &ends, head.start(), &[' ', '\t', ','])
                    || PLACE_BEFORE.is_match(before)
                    || VERB_AFTER.is_match(after)
            }
        };
        if !found {
            continue;
        }
        // "flat one", "number six": the whole of it; "at fifty four": the number.
        let start = if matches!(word.as_str(), "at" | "from") {
            number.start()
        } else {
            head.start()
        };
        out.push(house(text, start, number.end()));
    }
    out
}

/// House references just after a person's name found in `names`:
/// "Witness H. Baptiste no 12", "Mr Popa, flat 3".
pub fn after_names(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        let gap = text[n.end..].len() - text[n.end..].trim_start_matches([' ', '\t', ',']).len();
        let at = n.end + gap;
        if gap == 0 || gap > 3 {
            continue;
        }
        // Only the words just after the name ("no 12", "flat 3c's").
        let window = &text[at..floor_char_boundary(text, (at + 24).min(text.len()))];
        let whole = |m: &regex::Match<'_>| {
            m.start() == 0 && !text[at + m.end()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        };
        if let Some(m) = HOUSE.find(window).filter(whole) {
            let end = at + m.end()
                - ["'s", "’s"]
                    .iter()
                    .find(|p| m.as_str().ends_with(*p))
                    .map_or(0, |p| p.len());
            if !NOT_A_HOUSE_AFTER.is_match(&text[end..]) {
                out.push(house(text, at, end));
            }
        }
    }
    out
}

/// A flat's number in brackets after who lives there: "Mr Okoro (18)",
/// "Abdul Karim Sheikh (1504)", "Precious Okoro (0907)". Two digits or
/// fewer only after a title and a surname ("Mr Okoro (18)"), as "Tobi
/// (8)", "Ellie-Mae Wright (13)" and "Mrs Doreen Platt (92)" are ages, but
/// not with a letter after them ("Parveen Akhtar (12C)"); a year
/// ("(2004)") is none.
pub fn in_brackets_after_names(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        let Some(caps) = BRACKETED.captures(&text[n.end..]) else {
            continue;
        };
        let number = caps.get(1).expect("group");
        let digits = number
            .as_str()
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let long = digits.len() >= 3 && !super::collar::a_year(digits);
        // The title may be the name's own first word or stand before it.
        let mut words: Vec<&str> = n.text.split([' ', '.']).filter(|w| !w.is_empty()).collect();
        let word_before = text[..n.start]
            .trim_end_matches([' ', '.'])
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // "PC Okoro (4471)": an officer's number is their collar's.
        let ranks = super::collar::RANKS;
        if ranks.contains(&word_before) || words.first().is_some_and(|w| ranks.contains(w)) {
            continue;
        }
        let title_before = lex::is_title(word_before);
        let title_within = words.len() > 1 && lex::is_title(words[0]);
        if title_within {
            words.remove(0);
        }
        let titled_surname = (title_before || title_within) && words.len() == 1;
        // "Parveen Akhtar (12C)": a number with a letter is no age.
        let lettered = digits.len() < number.as_str().len();
        if long || (digits.len() <= 2 && (titled_surname || lettered)) {
            out.push(house(text, n.end + number.start(), n.end + number.end()));
        }
    }
    out
}

/// The house numbers joined after one that ends at `at`: " and 5" of "Nos.
/// 3 and 5", ", 4 and 6" of "flats 2, 4 and 6"; up to a time or a count
/// ("flat 3 and 2 children").
fn joined_after(text: &str, mut at: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    while let Some(caps) = JOINED_AFTER.captures(&text[at..]) {
        let number = caps.get(1).expect("group");
        let (start, end) = (at + number.start(), at + number.end());
        if NOT_A_HOUSE_AFTER.is_match(&text[end..]) || COUNTED.is_match(&text[end..]) {
            break;
        }
        out.push(house(text, start, end));
        at = end;
    }
    out
}

/// House numbers joined to an address line's number before it: "9" of
/// "residents of 9 and 11 Thornfield Road", "4" and "6" of "4, 6 and 8 Mill
/// Lane"; a tenement flat's position before it, "1/2" of "1/2, 8 Thornwood
/// Drive".
pub fn find_joined(text: &str, addresses: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in addresses {
        if a.kind != DataKind::AddressLine || !a.text.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let offset = floor_char_boundary(text, a.start.saturating_sub(8));
        if let Some(caps) = POSITION_BEFORE.captures(&text[offset..a.start]) {
            let position = caps.get(1).expect("group");
            out.push(house(
                text,
                offset + position.start(),
                offset + position.end(),
            ));
        }
        let mut at = a.start;
        loop {
            let offset = floor_char_boundary(text, at.saturating_sub(16));
            let Some(caps) = JOINED_BEFORE.captures(&text[offset..at]) else {
                break;
            };
            let number = caps.get(1).expect("group");
            let (start, end) = (offset + number.start(), offset + number.end());
            // "between 2 and 4 Mill Lane" is a house too; "page 2 and …" not.
            let before = words_before(text, start);
            if NOT_A_HOUSE.is_match(before)
                || text[..start].ends_with(['/', '.', ':', '-', '£', '$'])
            {
                break;
            }
            out.push(house(text, start, end));
            at = start;
        }
    }
    out
}

/// Up to 40 bytes of `text` before `at`: where the words that make a
/// number a house, or not, stand.
fn words_before(text: &str, at: usize) -> &str {
    &text[floor_char_boundary(text, at.saturating_sub(40))..at]
}

/// A house reference found at `start..end`, a little less sure than one
/// that names itself ("no. 21", "Flat 3").
fn house(text: &str, start: usize, end: usize) -> Finding {
    Finding {
        start,
        end,
        kind: DataKind::AddressLine,
        text: text[start..end].to_string(),
        confidence: 0.6,
    }
}

/// House references in `text`. The numbered ones are looked for only in
/// `lines`, the lines holding a digit (every match of theirs holds one and
/// stays on its line; a possessive house's leading character may be the
/// line break before, which the start of a run stands for).
pub fn find(text: &str, lines: &DigitLines<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let numbers = |re: &Regex| lines.groups(re).into_iter().map(|m| (m.start(), m.end()));
    for (start, end) in numbers(&POSSESSIVE_HOUSE).chain(numbers(&HASHED)) {
        // "the 80s kids" is a decade, "page 3s kids" a page.
        let before = words_before(text, start);
        let decade = before
            .trim_end_matches([' ', '\t'])
            .to_ascii_lowercase()
            .ends_with("the")
            && !before.ends_with('#');
        if decade || NOT_A_HOUSE.is_match(before) {
            continue;
        }
        out.push(house(text, start, end));
    }
    for (start, end) in numbers(&POSITION)
        .chain(numbers(&POSITION_OF))
        .chain(numbers(&POSITION_NAMED))
        .chain(numbers(&POSITION_DOING))
    {
        // "at 1/2 past", "at 1/2 price": a half, not a flat.
        let next = text[end..].trim_start_matches([' ', '\t']);
        let half = [
            "past", "price", "off", "hour", "an ", "a ", "mile", "time", "way",
        ]
        .iter()
        .any(|w| next.starts_with(w));
        if !half {
            out.push(house(text, start, end));
        }
    }
    for side in SIDE.captures_iter(text).filter_map(|caps| caps.get(1)) {
        out.push(house(text, side.start(), side.end()));
    }
    for m in LETTERED.find_iter(text) {
        let before = words_before(text, m.start());
        if NOT_A_HOUSE.is_match(before) {
            continue;
        }
        out.push(house(text, m.start(), m.end()));
    }
    for m in lines.find(&HOUSE) {
        let before = words_before(text, m.start());
        if NOT_A_HOUSE.is_match(before) {
            continue;
        }
        // "Flat 3", "flat 3", "Flt 5", "No. 21" and "Number 7" (not opening
        // its line, as a list's item may) stand alone; "number 47" and "no
        // 21" need a word of place before, to open a sentence or a verb
        // after ("whether number 7 is sublet"). A flat in lower case before
        // a postcode ("flat 3, M14 5RT") is an address written short, the
        // address lines' to judge.
        let head = m.as_str();
        // A room's number is a home after a word of place or in brackets
        // ("a man in Room 5", "rm 9"), before its occupant's name, or as
        // "Room 5" mid-sentence, and
        // never a room of a home rated or measured ("living room 7,
        // kitchen 6") nor one another capitalised word names ("Meeting Room
        // 2"); a pitch's, on a site, is one as a flat's is.
        let room = head.starts_with(['r', 'R']);
        let word = last_word(before);
        if room && word.is_some_and(|w| ROOMS_OF_A_HOME.contains(&w.to_ascii_lowercase().as_str()))
        {
            continue;
        }
        // Mid-sentence after a word in small letters ("a man Room 5"): not
        // opening a sentence ("paid. Room 27 booked.") nor after a name.
        let named_room = head.starts_with('R')
            && word.is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && !w.ends_with('.'));
        let lower_flat =
            head.starts_with(['f', 'a', 'm', 'p']) && !POSTCODE_AFTER.is_match(&text[m.end()..]);
        let numbered = (head.starts_with("Number") || head.starts_with("NUMBER"))
            && !text[..m.start()]
                .rsplit('\n')
                .next()
                .is_none_or(|line| line.trim().is_empty())
            && !text[m.end()..].starts_with(':');
        let standalone =
            head.starts_with(['F', 'A', 'M', 'P']) || head.contains('.') || lower_flat || numbered;
        let opens = super::names::opens_sentence(text, m.start()) || opens_cell(text, m.start());
        // "Mr Popa (flat 3c)": alone in brackets.
        let bracketed = before.ends_with('(');
        let after = &text[m.end()..];
        let placed = bracketed || PLACE_BEFORE.is_match(before);
        // "Room 5 - Brendan has a staffy": a room by its occupant's name.
        let occupied = after
            .trim_start_matches([' ', '\t'])
            .strip_prefix(['-', '–'])
            .is_some_and(|r| {
                r.trim_start_matches([' ', '\t'])
                    .starts_with(|c: char| c.is_uppercase())
            });
        if room && !(named_room || placed || occupied)
            || !standalone && !opens && !placed && !VERB_AFTER.is_match(after)
        {
            continue;
        }
        // "a flat 2 bed", "flat 5 years ago": a size or a time, not a home.
        if lower_flat
            && (LASTING.is_match(after) || COUNTED.is_match(after) || SIZED.is_match(after))
        {
            continue;
        }
        let end = m.end()
            - ["'s", "’s"]
                .iter()
                .find(|p| m.as_str().ends_with(*p))
                .map_or(0, |p| p.len());
        out.push(Finding {
            start: m.start(),
            end,
            kind: DataKind::AddressLine,
            text: text[m.start()..end].to_string(),
            confidence: 0.7,
        });
        out.extend(joined_after(text, m.end()));
    }
    out
}

/// Words before "room" that name a room of a home or an office, not a
/// home of its own: "living room 7", "Meeting Room 2".
const ROOMS_OF_A_HOME: &[&str] = &[
    "living",
    "dining",
    "sitting",
    "bed",
    "bath",
    "front",
    "back",
    "spare",
    "box",
    "utility",
    "store",
    "plant",
    "bin",
    "meeting",
    "waiting",
    "interview",
    "common",
    "day",
    "tv",
];

/// A note's time or a table's cell just before: "11.55 no 9 - Mr
/// Blackwood", "| no 25 saw it", a quoted CSV field's `,"no 25 complains`.
static CELL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:(?:^|[ \t\n])\d{1,2}[.:]\d{2}|\||,")[ \t]*$"#).expect("valid regex")
});

/// Whether `at` opens a table's cell or follows a note's time on its line.
fn opens_cell(text: &str, at: usize) -> bool {
    CELL_BEFORE.is_match(words_before(text, at))
}

/// The last word of `before`, if any.
fn last_word(before: &str) -> Option<&str> {
    before
        .trim_end_matches([' ', '\t'])
        .rsplit([' ', '\t', '\n'])
        .next()
        .filter(|w| !w.is_empty())
}

/// A word or mark before a house's number said again: "at 46", "NB 46",
/// "To be clear, 47".
static AGAIN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:at|to|from|access|into|visited|outside|opposite|behind|above|below|near|nb|of)|[,:;]|^)[ \t]*$")
        .expect("valid regex")
});

/// A word of reaching or being at a place before a house's number said
/// again: "unable to access 16", "gained entry to 3".
static REACHED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:at|to|from|access|into|visited|outside|opposite|behind|above|below|near)[ \t]+$")
        .expect("valid regex")
});

/// A verb after a house's number, as after someone: "47 is privately
/// owned", "47 are building an extension".
static VERB_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]+(?:is|are|was|were|has|have|had)(?-u:\b)").expect("valid regex")
});

/// The numbers of neighbours' houses found anywhere in the text, found
/// again bare: "upstairs neighbour at 46 … NB 46 is leasehold … bath waste
/// at 46", "no. 47 … To be clear, 47 is privately owned", "the leak is from
/// no. 3 … unable to access 3 - no answer". Not inside a time, a date, a
/// reference or a longer number, nor before a time, a count or an amount; a
/// number under 25 (as likely an hour) only before a verb or the end of its
/// clause, or after a word of reaching it before a word that goes on the
/// sentence ("to 16 via Mrs Haque"); a single digit, which stands
/// everywhere, only after a word of reaching it and from a house named
/// surely. `found` is every finding so far; only its address lines and a
/// register's short numbers are read.
pub fn found_again(text: &str, found: &[Finding]) -> Vec<Finding> {
    // A register's flat number ("12" of "Flat | Resident") is a house's
    // too.
    let houses = || {
        found.iter().filter(|f| {
            f.kind == DataKind::AddressLine
                || f.kind == DataKind::RegisterNumber
                    && f.text.len() <= 3
                    && f.text.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let mut numbers: Vec<(&str, bool)> = houses()
        .filter_map(|f| {
            let digits = f.text.find(|c: char| c.is_ascii_digit())?;
            let number = &f.text[digits..];
            let len = number
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(number.len());
            let number = &number[..len];
            let single = number.bytes().filter(u8::is_ascii_digit).count() == 1;
            let kept = number.len() <= 4 && (!single || f.confidence >= 0.7);
            kept.then_some((number, single))
        })
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut out = Vec::new();
    for (number, single) in numbers {
        let small = number
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .map_or(true, |n| n < 25);
        for (start, _) in text.match_indices(number) {
            let end = start + number.len();
            let glued_before = text[..start].chars().next_back().is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, ':' | '/' | '.' | '-' | '£' | '$' | '#')
            });
            let glued_after = text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '/' | '-' | '%'))
                || text[end..].starts_with('.')
                    && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
            let taken = houses().any(|f| f.start <= start && start < f.end);
            if glued_before || glued_after || taken {
                continue;
            }
            let before = words_before(text, start);
            let after = &text[end..];
            if !AGAIN_BEFORE.is_match(before)
                || NOT_A_HOUSE.is_match(before)
                || NOT_A_HOUSE_AFTER.is_match(after)
                || COUNTED.is_match(after)
            {
                continue;
            }
            let rest = after.trim_start_matches([' ', '\t']);
            let closes = rest.is_empty() || rest.starts_with(['.', ',', ';', ')', '\n', '\r']);
            // "access 16 - no answer", "to 16 via Mrs Haque"; not "to 3
            // meetings".
            let reached = REACHED_BEFORE.is_match(before)
                && (closes
                    || rest.starts_with([':', '!', '?', '-', '–'])
                    || rest
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .is_some_and(|w| AFTER_A_HOUSE.contains(&w.to_lowercase().as_str())));
            if single && !reached || small && !closes && !reached && !VERB_AFTER.is_match(after) {
                continue;
            }
            out.push(house(text, start, end));
        }
    }
    out
}

//! Address lines: a house number and a street with a street word at its end
//! ("14 Victoria Road", "Flat 3, 22 Mill Lane", "7a St John's Close", "2
//! Willow Cottages", "6 Churchill Gdns", in capitals "14 ACACIA AVENUE"), a
//! Welsh street with its word first ("25 Heol Glas", "5 Heol y Felin"), a
//! flat before it, perhaps with its block ("Apartment 14, Quay House, 3 Quay
//! Street", "Flat 6 Ashworth Court"),
//! a flat in a named block alone ("Flat 1, Baker House"), a street broken
//! over two lines ("19 Manningham\nLane"),
//! with a suite, floor or unit after it ("1301 Fannin St #2400", "12 Ash
//! Grove, Suite 4B"); American streets with a direction or a number ("1719
//! E. 19th Ave."). The places after a street on its line are part of the
//! address when a postcode or the line's end closes them ("9 Orchard Close,
//! Heaton Mersey, Stockport SK4 3QT" gives "9 Orchard Close, Heaton Mersey,
//! Stockport"), unless the words before it in its sentence, or on the line
//! above a letterhead's street, say it is an office's address ("our head
//! office is based at …", "Acme Ltd, …"): a town alone names no one, a
//! person's street with its town does. A town, state and ZIP code ("Houston,
//! Texas 77002") are left alone: a firm's address names them as often as a
//! person's does. Nor are the lines of places under a street, unless the
//! words before announce someone's address ("Her new address is:", "Sam's
//! hotel address …", then "14 Mill Lane / Heaton Mersey / Stockport SK4
//! 3QT" or "1719 E. 19th Ave. / Denver, CO  80218").

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};
use crate::extract::text::floor_char_boundary;

pub(super) const STREET_END: &str =
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Court|Drive|Way|Place|Crescent|\
    Gardens|Terrace|Grove|Walk|Park|Square|Mews|Row|View|Rise|Parade|Green|Hill|Vale|Fold|Brow|\
    Croft|Meadows?|Wharf|Heights|Mount|Boulevard|Estate|Bank|Cottages?|Gate|Yard|Fields?|Chase|\
    End|Side|Quay|Gdns|Cres|Terr|Ln|Hollow|Glade|Orchard|Paddock|Ridge|Spinney|Approach|\
    Grange|Nook|Path|Promenade|Wynd|Brae|Circus|Copse|Pastures|Leys|Garth|Dene|Reach|Woods?|\
    House|Tower|Lodge|Mansions";

/// Court and Close as lists shorten them, "7 Brindle Ct": in this
/// letter case only, as "5:00 PM CT" is a time.
const SHORT_STREET_END: &str = "Ct|Cl";

/// Last words of a block's name between a flat and its street: "Flat 3,
/// Beech House, 22 Mill Lane".
const BUILDING: &str =
    "House|Court|Lodge|Mansions|Buildings|Tower|Point|Heights|Place|Chambers|Hall";

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?-u:\b)(?:Flat|FLAT|flat|Apartment|Apt|Unit|Room)\s+\d{{1,4}}[A-Za-z]?,?\s+(?:(?:[A-Z][A-Za-z'’]*[ \t]+){{0,2}}(?:{BUILDING}),?[ \t]+)?|(?-u:\b)(?:Flat|FLAT|flat|Apartment)[ \t]+)?(?-u:\b)\d{{1,4}}[A-Za-z]?,?[ \t]+(?:(?:[NSEW]\.|[A-Z][A-Za-z'’]*(?:-[A-Z][a-z]+)?|\d{{1,3}}(?:st|nd|rd|th))(?:[ \t]+|[ \t]*\r?\n[ \t]*)){{1,3}}(?:{STREET_END}|{SHORT_STREET_END})(?-u:\b)(?:\.?,?[ \t]*(?:#[ \t]?\d{{1,5}}[A-Za-z]?(?-u:\b)|(?:Suite|Ste\.?|Floor|Fl\.?|Room|Unit|Apt\.?)[ \t]+#?\d{{1,5}}[A-Za-z]?(?-u:\b)))?"
    ))
    .expect("valid regex")
});

/// A Welsh street, its word first: "25 Heol Glas", "5 Heol y Felin", "3
/// Maes yr Haf", "12 Ffordd Las".
static WELSH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{1,4}[A-Za-z]?,?[ \t]+(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Maes|Clos|Teras|Cilgant)(?:[ \t]+(?:y|yr|'r))?[ \t]+[A-Z][\w'’-]+")
        .expect("valid regex")
});

/// A flat in a named block with no street after it: "Flat 1, Baker
/// House", "Flat 9, Carver House, Hulme" (the places after are taken in as
/// for a street).
static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:Flat|FLAT|flat|Apartment)[ \t]+\d{{1,4}}[A-Za-z]?,?[ \t]+(?:[A-Z][A-Za-z'’]*[ \t]+){{1,2}}(?:{BUILDING})(?-u:\b)"
    ))
    .expect("valid regex")
});

/// A street's house number opening the text after a block: "19 Mill
/// Lane".
static HOUSE_NUMBER_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,4}[A-Za-z]?,?[ \t]+[A-Z]").expect("valid regex"));

/// A street word in capitals: whether a text may hold a street line in
/// capitals at all (a search for a few words, fast next to the pattern).
static CAPITAL_STREET_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:{})(?-u:\b)",
        STREET_END.to_uppercase()
    ))
    .expect("valid regex")
});

/// A street line in capitals, as forms and shouting diaries write it: "14
/// ACACIA AVENUE", "FLAT 2, 7 MILL LANE".
static CAPITALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?-u:\b)(?:FLAT|APARTMENT|APT|UNIT)[ \t]+\d{{1,4}}[A-Z]?,?[ \t]+)?(?-u:\b)\d{{1,4}}[A-Z]?,?[ \t]+(?:[A-Z][A-Z'’]*(?:-[A-Z]+)?[ \t]+){{1,3}}(?:{})(?-u:\b)",
        STREET_END.to_uppercase()
    ))
    .expect("valid regex")
});

/// A place's name: one to three capitalised words, maybe joined by "on",
/// "upon", "le", … ("Heaton Mersey", "Stoke on Trent", "REDDISH").
fn place() -> String {
    let word = r"[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)*";
    format!(r"{word}(?:[ \t]+(?:(?:on|upon|under|le|in|by|the)[ \t]+)?{word}){{0,2}}")
}

/// The places after a street on its line: comma-separated runs of one to
/// three capitalised words ("Heaton Mersey", "Stoke on Trent", "REDDISH"),
/// closed by a postcode, the sentence's end, a table cell's end or the
/// line's end; group 1 is the places.
static PLACES: LazyLock<Regex> = LazyLock::new(|| {
    let place = place();
    Regex::new(&format!(
        r"^((?:,[ \t]*{place}){{1,3}})(?:[ \t]*[.,]?[ \t]*(?:\r?\n|$)|\.[ \t]|[ \t]*\||[ \t]{{2,}}|\t|(,?[ \t]+)(?:[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}})(?-u:\b))"
    ))
    .expect("valid regex")
});

/// Words before a street line that make it an office's address, not a
/// home's: "our head office is based at", "registered office:", "Acme Ltd,"
/// (not a car's "Registered keeper:").
static OFFICE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:office|offices|based|registered[ \t]+(?:office|address)|headquarters|HQ|ltd|limited|plc|inc|llc|corp|corporation|company|co|group|council|homes|housing|association|society|trust|bank|surgery|centre|center|hospital|school|college|university|church|station|clinic|hotel|shop|store|pub|depot|team|department|dept|write|writing|post|visit)(?-u:\b)")
        .expect("valid regex")
});

/// A town the lists hold, or a postcode's first half, after a street's
/// comma where the sentence runs on: "4 Rose Gardens, Harlow with your
/// daughter", "12 Hope Court, Enfield 02/24", "41 Hope Avenue, Leicester
/// LE3)", "Flat 3, Marsh Court, N19 and". Group 1 is the town, 2 or 3
/// the postcode's first half.
static TOWN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,[ \t]*(?:([A-Z][a-z]+)(?:[ \t]+([A-Z]{1,2}\d[A-Z\d]?))?|([A-Z]{1,2}\d{1,2}[A-Z]?))(?-u:\b)")
        .expect("valid regex")
});

/// More of a code after a postcode's first half: its second half (" 3QT"
/// of "SK4 3QT"), or a car's letters (",KX68 TFN" is a registration).
static INWARD_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]?[A-Z0-9]").expect("valid regex"));

/// Where the address ending at `end` ends with the places after it on its
/// line: `end` itself if there are none or the address is an office's.
fn with_places(text: &str, start: usize, end: usize) -> usize {
    let Some(caps) = PLACES.captures(&text[end..]) else {
        return with_town(text, start, end);
    };
    let places = caps.get(1).expect("group 1 always takes part");
    // "14 Mill Lane, Tuesday.": a day or a month is no place.
    if places
        .as_str()
        .split([',', ' ', '\t'])
        .any(|w| WHEN.contains(&w.to_lowercase().as_str()))
    {
        return end;
    }
    if OFFICE_BEFORE.is_match(words_before(text, start)) {
        return end;
    }
    end + places.end()
}

/// A place or a postcode's first half after a street with no comma
/// between: a town before a whole postcode ("4 Trelowarren Close Camborne
/// TR14 8QD"; group 1 is the town), or a postcode's first half closing the
/// line, a cell or a clause ("22 Dawlish Drive ST2", "41 Ash Tree Grove
/// LS14 ---"; group 2 is the code).
static SPACED_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]+(?:([A-Z][a-z]+)[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}(?-u:\b)|([A-Z]{1,2}\d{1,2}[A-Z]?)(?:[ \t]*(?:\r?\n|$|[),;|]|[-–][ \t-])|[ \t]{2,}|\t))")
        .expect("valid regex")
});

/// Where the address ending at `end` ends with the place or the code of
/// `SPACED_TAIL` after it.
fn with_spaced_tail(text: &str, start: usize, end: usize) -> usize {
    let Some(caps) = SPACED_TAIL.captures(&text[end..]) else {
        return end;
    };
    if OFFICE_BEFORE.is_match(words_before(text, start)) {
        return end;
    }
    let tail = caps
        .get(1)
        .or_else(|| caps.get(2))
        .expect("one group takes part");
    // "14 Mill Lane Tuesday TR14 …" would be no town.
    if WHEN.contains(&tail.as_str().to_lowercase().as_str()) {
        return end;
    }
    end + tail.end()
}

/// Where the address ending at `end` ends with a town the lists hold or
/// a postcode's first half after it (see `TOWN_AFTER`, `SPACED_TAIL`).
fn with_town(text: &str, start: usize, end: usize) -> usize {
    let Some(caps) = TOWN_AFTER.captures(&text[end..]) else {
        return with_spaced_tail(text, start, end);
    };
    let town = caps
        .get(1)
        .is_none_or(|t| super::lexicon::Bits::of(t.as_str()).is_town());
    let through = end + caps.get(0).expect("whole").end();
    // A whole postcode after is `PLACES`' or the postcode's own.
    let outward = caps.get(2).or_else(|| caps.get(3)).is_some();
    let inward = outward && INWARD_NEXT.is_match(&text[through..]);
    if !town || inward || OFFICE_BEFORE.is_match(words_before(text, start)) {
        return end;
    }
    through
}

/// How far back along its line the words that make an address an
/// office's are looked for.
const OFFICE_REACH: usize = 80;

/// The words that say whose the address at `start` is. When a few
/// capitalised words at most stand before it on its line ("Unit 7, …",
/// "Aylesham House, 14 …"), the line above too: a letterhead's firm ("Warmhome
/// Services Ltd"). Otherwise those of its own sentence, up to
/// `OFFICE_REACH` bytes ("Acme Ltd, 14 Mill Lane"): not a long paragraph's
/// earlier sentences ("…through Martin & Co lettings. … lives at 9 Coombe
/// Terrace, Lewes") nor a heading above a keeper's address.
fn words_before(text: &str, start: usize) -> &str {
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let on_line = &text[line_start..start];
    let letterhead = on_line.len() <= 40
        && !on_line.contains(':')
        && on_line
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()));
    if letterhead {
        let above = text[..line_start.saturating_sub(1)]
            .rfind('\n')
            .map_or(0, |k| k + 1);
        return &text[above..start];
    }
    let from = floor_char_boundary(text, start.saturating_sub(OFFICE_REACH)).max(line_start);
    let before = &text[from..start];
    before.rfind(". ").map_or(before, |k| &before[k + 2..])
}

/// Days and months, in full and short: no place.
const WHEN: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
];

/// A line of places under a street line: "Heaton Mersey", "Stockport SK4
/// 3QT", "Denver, CO  80218"; group 1 is the places, without a UK postcode.
static PLACE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = place();
    Regex::new(&format!(
        r"^[ \t]*({place}(?:,[ \t]*[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?)?)(?:,?[ \t]+[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}})?[ \t]*\r?$"
    ))
    .expect("valid regex")
});

/// Someone's address announced before it: "his address", "Sam's hotel
/// address", "new address:" at a line's end; group 1 the words between.
static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:(?-u:\b)(?:his|her|their|my|your)|[a-z]['’]s)[ \t]+((?:[a-z]+[ \t]+){0,2})address(?-u:\b)|address(?:[ \t]+is)?[ \t]*:[ \t]*\r?\n)")
        .expect("valid regex")
});

/// Where the address ending at `end`, the last thing on its line, ends
/// with the lines of places under it, when the words before it announce
/// someone's address (even a hospital's or a hotel's: it says where that
/// person is).
fn with_place_lines(text: &str, start: usize, end: usize) -> usize {
    if !text[end..]
        .trim_start_matches([' ', '\t', '.', ',', '\r'])
        .starts_with('\n')
    {
        return end;
    }
    let before = &text[floor_char_boundary(text, start.saturating_sub(400))..start];
    // The last announcement before, of a home, with no other street
    // between: an announcement is of the next address only.
    let announced = ANNOUNCED.captures_iter(before).last().is_some_and(|caps| {
        let home = caps.get(1).is_none_or(|words| {
            !words
                .as_str()
                .split_whitespace()
                .any(|w| super::labelled::NOT_A_HOME.contains(&w.to_lowercase().as_str()))
        });
        let whole = caps.get(0).expect("match");
        home && !ADDRESS.is_match(&before[whole.end()..])
    });
    if !announced {
        return end;
    }
    let mut last = end;
    let mut at = end + text[end..].find('\n').expect("a line break after") + 1;
    for _ in 0..3 {
        let line = text[at..].split('\n').next().unwrap_or("");
        match PLACE_LINE.captures(line) {
            Some(caps) if !line.trim().is_empty() => {
                last = at + caps.get(1).expect("group 1 always takes part").end();
                at += line.len() + 1;
                if at > text.len() {
                    break;
                }
            }
            _ => break,
        }
    }
    last
}

/// Every address line in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    let capitals = CAPITAL_STREET_WORD
        .is_match(text)
        .then(|| CAPITALS.find_iter(text))
        .into_iter()
        .flatten();
    // "Flat 2, Carver House, 19 Mill Lane" is the street's; a block alone
    // is an address too.
    // ("Flat 9 Sycamore House,07700 900704": a phone after it is no
    // street's number.)
    let blocks = BLOCK.find_iter(text).filter(|m| {
        !HOUSE_NUMBER_NEXT.is_match(text[m.end()..].trim_start_matches([',', ' ', '\t']))
    });
    ADDRESS
        .find_iter(text)
        // "on 14 March\nDrive …": a date is no house number, a street
        // broken over two lines needs no month or day in it.
        .filter(|m| {
            !m.as_str().contains('\n')
                || !m
                    .as_str()
                    .split_whitespace()
                    .any(|w| WHEN.contains(&w.to_lowercase().as_str()))
        })
        .chain(capitals)
        .chain(blocks)
        .chain(WELSH.find_iter(text))
        .map(|m| {
            let end = match with_places(text, m.start(), m.end()) {
                end if end > m.end() => end,
                _ => with_place_lines(text, m.start(), m.end()),
            };
            Finding {
                start: m.start(),
                end,
                kind: DataKind::AddressLine,
                text: text[m.start()..end].to_string(),
                confidence: 0.85,
            }
        })
        .collect()
}

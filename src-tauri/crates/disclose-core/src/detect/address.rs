//! Address lines: a house number and a street with a street word at its end
//! ("14 Victoria Road", "Flat 3, 22 Mill Lane", "7a St John's Close", in
//! capitals "14 ACACIA AVENUE"), a flat before it, perhaps with its block
//! ("Apartment 14, Quay House, 3 Quay Street", "Flat 6 Ashworth Court"),
//! with a suite, floor or unit after it ("1301 Fannin St #2400", "12 Ash
//! Grove, Suite 4B"); American streets with a direction or a number ("1719
//! E. 19th Ave."). The town after a street is left alone: a firm's address
//! names a town as often as a person's does ("Houston, Texas 77002").

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

pub(super) const STREET_END: &str =
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Court|Drive|Way|Place|Crescent|\
    Gardens|Terrace|Grove|Walk|Park|Square|Mews|Row|View|Rise|Parade|Green|Hill|Vale|Fold|Brow|\
    Croft|Meadows?|Wharf|Heights|Mount|Boulevard|Estate";

/// Last words of a block's name between a flat and its street: "Flat 3,
/// Beech House, 22 Mill Lane".
const BUILDING: &str =
    "House|Court|Lodge|Mansions|Buildings|Tower|Point|Heights|Place|Chambers|Hall";

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?-u:\b)(?:Flat|FLAT|flat|Apartment|Apt|Unit|Room)\s+\d{{1,4}}[A-Za-z]?,?\s+(?:(?:[A-Z][A-Za-z'’]*[ \t]+){{0,2}}(?:{BUILDING}),?[ \t]+)?|(?-u:\b)(?:Flat|FLAT|flat|Apartment)[ \t]+)?(?-u:\b)\d{{1,4}}[A-Za-z]?,?[ \t]+(?:(?:[NSEW]\.|[A-Z][A-Za-z'’]*(?:-[A-Z][a-z]+)?|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,3}}(?:{STREET_END})(?-u:\b)(?:\.?,?[ \t]*(?:#[ \t]?\d{{1,5}}[A-Za-z]?(?-u:\b)|(?:Suite|Ste\.?|Floor|Fl\.?|Room|Unit|Apt\.?)[ \t]+#?\d{{1,5}}[A-Za-z]?(?-u:\b)))?"
    ))
    .expect("valid regex")
});

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

/// Every address line in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    let capitals = CAPITAL_STREET_WORD
        .is_match(text)
        .then(|| CAPITALS.find_iter(text))
        .into_iter()
        .flatten();
    ADDRESS
        .find_iter(text)
        .chain(capitals)
        .map(|m| Finding {
            start: m.start(),
            end: m.end(),
            kind: DataKind::AddressLine,
            text: m.as_str().to_string(),
            confidence: 0.85,
        })
        .collect()
}

//! Addresses the words around them announce. A form's label: "Address: 5
//! Holly Bank, Stockport", "Address of perpetrator: 19 BROOK HOUSE",
//! "Previous address: Flat 3, Beech House, Mill Street"; or a sentence:
//! "her address is 5 Holly Bank". The words say what follows, so the
//! street needs no street word the address rule knows and may be in
//! capitals; the postcode is left to the postcode rule, and an e-mail, IP
//! or web address is not a home. And a street without a house number
//! after a word of living there: "she now lives on Mill Lane", "they moved
//! to Brook Street".

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// A line opening with up to three words and "address", perhaps "of
/// someone", then a colon; group 1 is the label, group 2 the value.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^[ \t]*((?:[a-z][a-z'’-]*[ \t]+){0,3}?address(?:[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]+)?)?)[ \t]*:[ \t]*([^\r\n]+)",
    )
    .expect("valid regex")
});

/// "her address is …", "his new address is …": group 1 the words before
/// "address", group 2 the value, up to the sentence's end.
static TOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)((?-u:\b)(?:[a-z]+[ \t]+){0,2}?)address[ \t]+(?:is|was|will[ \t]+be)[ \t]+(?:now[ \t]+)?([^\r\n;]+?)(?:\.(?:[ \t]|$)|[ \t]+(?:and|but|so|which)[ \t]|[;\r\n]|$)",
    )
    .expect("valid regex")
});

/// A street named after a word of living or moving there: group 1. The
/// verbs are spelt out in both cases of their first letter, not matched
/// case-insensitively, so the search can skip to them.
static LIVES_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:[Ll]ive[sd]?|[Ll]iving|[Mm]ov(?:ed|ing)|[Rr]esid(?:es|ing)|[Ss]tay(?:s|ing)|[Ss]topping|(?:[Rr]e)?housed)[ \t]+(?:on|in|at|to|into|round)[ \t]+(?:(?i:the)[ \t]+)?((?:[A-Z][a-z'’]+[ \t]+){{1,3}}(?:{}))(?-u:\b)",
        super::address::STREET_END
    ))
    .expect("valid regex")
});

/// Where the value stops: a tab, a run of spaces, or the next label ("Tel:").
static VALUE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\t| {2,}|[ ,;]+[A-Za-z][A-Za-z .]{0,20}:").expect("valid regex"));

static STREET_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{}|House|Bank|Fields?|Lodge|Cottages?|Buildings|Yard)(?-u:\b)",
        super::address::STREET_END
    ))
    .expect("valid regex")
});

/// Label words that name an address of something other than a home.
pub(super) const NOT_A_HOME: &[&str] = &[
    "email", "e-mail", "mail", "ip", "web", "website", "internet", "mac", "url", "wallet",
    "bitcoin", "memory", "return",
];

pub fn find(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    // Only the lines holding the word "address" are searched for labels.
    let mut from = 0;
    for line in text.split('\n') {
        let at = from;
        from += line.len() + 1;
        if !(line.contains("ddress") || line.contains("DDRESS")) {
            continue;
        }
        for caps in LABELLED.captures_iter(line).chain(TOLD.captures_iter(line)) {
            let (label, value) = (&caps[1], caps.get(2).expect("group 2 always takes part"));
            let label = label.to_lowercase();
            if !label
                .split(|c: char| c.is_whitespace())
                .any(|w| NOT_A_HOME.contains(&w))
            {
                out.extend(address_in(value, at));
            }
        }
    }
    for caps in LIVES_ON.captures_iter(text) {
        let street = caps.get(1).expect("group 1 always takes part");
        out.push(Finding {
            start: street.start(),
            end: street.end(),
            kind: DataKind::AddressLine,
            text: street.as_str().to_string(),
            confidence: 0.7,
        });
    }
    out
}

/// The address at the start of a label's value, if it looks like one; the
/// value's line starts at byte `at` of the text.
fn address_in(value: regex::Match<'_>, at: usize) -> Option<Finding> {
    let mut line = value.as_str();
    if let Some(end) = VALUE_END.find(line) {
        line = &line[..end.start()];
    }
    // The postcode is the postcode rule's: the address ends before it.
    if let Some(postcode) = crate::identifiers::find_all(line)
        .into_iter()
        .find(|f| f.kind == crate::identifiers::IdKind::Postcode)
    {
        line = &line[..postcode.start];
    }
    let line = line.trim_end_matches(|c: char| c.is_whitespace() || ",;.".contains(c));
    let home = !line.contains('@')
        && !line.contains("://")
        && (line.chars().any(|c| c.is_ascii_digit()) || STREET_WORD.is_match(line));
    (home && line.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| Finding {
        start: at + value.start(),
        end: at + value.start() + line.len(),
        kind: DataKind::AddressLine,
        text: line.to_string(),
        confidence: 0.8,
    })
}

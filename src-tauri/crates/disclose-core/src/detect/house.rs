//! House references that point at a neighbour's home: "the kids from no.
//! 21", "number 47 were shouting", "Flat 3", "flat 12a". Found as address
//! data (`address_line`); attribution keeps the subject's own house number.
//! A number the text calls a tab, page, item, invoice or other reference is
//! not a house.

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

static HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:no\.|num\.|nos\.)[ \t]?|(?:no|number|num)[ \t]|(?:flat|apartment|apt\.?|maisonette)[ \t]?)(?:\d{1,3}[a-z]?)(?-u:\b)(?:'s|’s)?",
    )
    .expect("valid regex")
});
/// "from no 21", "at number 47": the bare forms need a word of place before.
static PLACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:at|from|of|to|into|in|by|outside|opposite|next|near|past|behind|above|below|round|visited|lives|living|moved|kids|family|neighbours?|tenants?|residents?|occupants?|and|or|&)[ \t]+$")
        .expect("valid regex")
});
/// "Tab No. 3", "page no. 2", "invoice number 12": not a house.
static NOT_A_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tab|page|item|invoice|inv|order|job|ref|reference|case|account|policy|section|para|paragraph|clause|deal|claim|ticket|room|bus|route|platform|gate|seat|table|list|point|question|step|option|version|issue|unit|week|year|size|phone|tel|tracking|serial|model|part|contract|appendix|schedule|annex|exhibit|count|rule|track|box|lot)[ \t.:]*$")
        .expect("valid regex")
});

pub fn find(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in HOUSE.find_iter(text) {
        let before = &text[floor(text, m.start().saturating_sub(40))..m.start()];
        if NOT_A_HOUSE.is_match(before) {
            continue;
        }
        // "Flat 3" and "No. 21" stand alone; "flat 3", "number 47" and "no
        // 21" need a word of place before or to open a sentence.
        let head = m.as_str();
        let standalone = head.starts_with(['F', 'A', 'M']) || head.contains('.');
        let opens = super::names::opens_sentence(text, m.start());
        if !standalone && !opens && !PLACE_BEFORE.is_match(before) {
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
    }
    out
}

fn floor(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

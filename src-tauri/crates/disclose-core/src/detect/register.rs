//! Numbers a register gives one person, read from the register's table: a
//! fob, permit, key, badge or parking number, or the flat, door, room or
//! tenancy a list gives its resident, in a row that names its holder
//! ("SVH-0582 | 58 | L Fraser-Reid", "RD-004-A | Kenneth Ivy | 4 Rook
//! Drive"), and the same number wherever the text says it again
//! ("fob SVH-0612 - ACCESS GRANTED"). A table is a header line naming a
//! column of such numbers and a column of holders, its cells parted by "|",
//! tabs, commas or aligned spaces, and the rows under it up to a blank
//! line. Only a row whose holder's cell holds a person's name found gives
//! its number: not a contractor's fob ("Cleaning contractor") nor an empty
//! one.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// Whether a text, or a line, may hold a register's header at all: most
/// do not.
static HEADED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)fob|permit|key|badge|tag|garage|register|card|flat|door|unit|room|tenancy|account",
    )
    .expect("valid regex")
});

/// What a header names a column of numbers a register gives one person
/// by, once "no", "number", "id" and marks are taken off ("Fob no.",
/// "Permit number", "Key fob ID"), the likelier first.
const NUMBER_HEADERS: &[&str] = &[
    "fob",
    "key fob",
    "door fob",
    "fob/tag",
    "tag",
    "permit",
    "parking permit",
    "bay permit",
    "key",
    "badge",
    "garage",
    "register",
    "card",
    "flat",
    "door",
    "unit",
    "room",
    "apartment",
    "tenancy",
    "rent account",
    "account",
];

/// Words of a header over a column of the people holding them ("Holder",
/// "Resident name", "Issued to").
const HOLDER_WORDS: &[&str] = &[
    "holder",
    "name",
    "resident",
    "tenant",
    "occupant",
    "keeper",
    "applicant",
    "issued",
    "registered",
    "occupier",
    "occupiers",
    "residents",
    "tenants",
    "names",
];

/// How a table's line parts its cells.
#[derive(Clone, Copy, PartialEq)]
enum Parting {
    By(char),
    /// Two spaces or more, as aligned columns are written.
    Spaces,
}

/// How `line` parts its cells, if it is a table's line.
fn parting(line: &str) -> Option<Parting> {
    ['|', '\t', ',']
        .into_iter()
        .find(|c| line.contains(*c))
        .map(Parting::By)
        .or_else(|| line.trim().contains("  ").then_some(Parting::Spaces))
}

/// Byte ranges of `line`'s cells, trimmed (an empty cell keeps its
/// column's place where a mark parts them).
fn cells(line: &str, parting: Parting) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    let (parts, width): (Vec<&str>, usize) = match parting {
        Parting::By(c) => (line.split(c).collect(), c.len_utf8()),
        Parting::Spaces => (line.split("  ").collect(), 2),
    };
    for part in parts {
        let lead = part.len() - part.trim_start().len();
        let cell = (from + lead, from + lead + part.trim().len());
        // Runs of spaces part once, whatever their length.
        if matches!(parting, Parting::By(_)) || cell.0 < cell.1 {
            out.push(cell);
        }
        from += part.len() + width;
    }
    out
}

/// A header cell with "no", "number", "id" and marks taken off (an
/// export's "fob_id" is "fob").
fn header(cell: &str) -> String {
    let lower = cell.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | '#' | ':' | '(' | ')' | '_'))
        .filter(|w| !w.is_empty() && !matches!(*w, "no" | "number" | "num" | "id" | "ref"))
        .collect();
    words.join(" ")
}

/// Whether `cell` is written as a register's number: letters, digits and
/// dashes or slashes with a digit among them, one word.
fn number_like(cell: &str) -> bool {
    (2..=20).contains(&cell.len())
        && cell.bytes().any(|b| b.is_ascii_digit())
        && cell
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/'))
}

/// Every register number in `text`; `names` are the person names found.
pub fn find(text: &str, names: &[Finding]) -> Vec<Finding> {
    if names.is_empty() || !HEADED.is_match(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut lines = text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.trim_end_matches(['\n', '\r'])))
    });
    while let Some((_, line)) = lines.next() {
        // A header names a column of such numbers: most lines cannot be one.
        if !HEADED.is_match(line) {
            continue;
        }
        let Some(parted) = parting(line) else {
            continue;
        };
        let heads: Vec<String> = cells(line, parted)
            .iter()
            .map(|&(s, e)| header(&line[s..e]))
            .collect();
        // The first kind of number the list names that a column holds: a
        // fob's before the door it opened or the flat it belongs to.
        let number = NUMBER_HEADERS
            .iter()
            .find_map(|n| heads.iter().position(|h| h == n));
        let holder = heads
            .iter()
            .position(|h| h.split(' ').any(|w| HOLDER_WORDS.contains(&w)));
        let (Some(number), Some(holder)) = (number, holder) else {
            continue;
        };
        for (start, row) in lines.by_ref() {
            if row.trim().is_empty() || parting(row) != Some(parted) {
                break;
            }
            let row_cells = cells(row, parted);
            let (Some(&(ns, ne)), Some(&(hs, he))) = (row_cells.get(number), row_cells.get(holder))
            else {
                continue;
            };
            let (hs, he) = (start + hs, start + he);
            let held = names.iter().any(|n| n.start < he && hs < n.end);
            if held && number_like(&row[ns..ne]) {
                out.push(Finding {
                    start: start + ns,
                    end: start + ne,
                    kind: DataKind::RegisterNumber,
                    text: row[ns..ne].to_string(),
                    confidence: 0.8,
                });
            }
        }
    }
    let again = said_again(text, &out);
    out.extend(again);
    out
}

/// The numbers of `found` wherever the text says them again, as a word.
fn said_again(text: &str, found: &[Finding]) -> Vec<Finding> {
    let numbers: HashSet<&str> = found.iter().map(|f| f.text.as_str()).collect();
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '/';
    let mut out = Vec::new();
    for number in numbers {
        for (start, _) in text.match_indices(number) {
            let end = start + number.len();
            // Not inside a word, nor an amount ("£702", "702.50").
            let glued = text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| word(c) || matches!(c, '£' | '$' | '€'))
                || text[end..].chars().next().is_some_and(word)
                || text[end..].starts_with('.')
                    && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
            let taken = found.iter().any(|f| f.start == start);
            if !glued && !taken {
                out.push(Finding {
                    start,
                    end,
                    kind: DataKind::RegisterNumber,
                    text: number.to_string(),
                    confidence: 0.7,
                });
            }
        }
    }
    out
}

//! Initials in a table's column that says who did each thing: "| Issued
//! by |" of a key register, "Viewed by" of a CCTV log, "Who" of a plan,
//! "Officer" of a contact sheet. A row's cell there holding initials alone
//! ("| JB |") names the member of staff, as a stamp does in a note. Names
//! in an export's column of forenames or surnames ("forename,surname").

use super::stamps::{initials_word, NOT_INITIALS};
use super::tokens::{Shape, Tok};
use crate::detect::register::{cells, Parting, MARKS};

/// Headers of a column of who did it, in small letters.
const WHO_HEADERS: &[&str] = &[
    "by",
    "who",
    "initials",
    "officer",
    "staff",
    "operator",
    "agent",
    "issued by",
    "viewed by",
    "checked by",
    "signed by",
    "entered by",
    "logged by",
    "recorded by",
    "done by",
    "completed by",
    "raised by",
    "received by",
    "taken by",
    "actioned by",
    "action by",
    "approved by",
    "authorised by",
    "updated by",
];

/// Headers of a column of people's names, in small letters, an export's
/// "_" read as a space.
const NAME_HEADERS: &[&str] = &[
    "forename",
    "forenames",
    "first name",
    "firstname",
    "given name",
    "given names",
    "surname",
    "last name",
    "lastname",
    "family name",
    "full name",
    "fullname",
];

/// The tokens of `toks` that are initials alone in a who-did-it column.
pub(super) fn who(text: &str, toks: &[Tok<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    for (start, end) in column_cells(text, WHO_HEADERS) {
        let word = &text[start..end];
        if initials_word(word) && !NOT_INITIALS.contains(&word) {
            if let Ok(k) = toks.binary_search_by_key(&start, |t| t.start) {
                out.push(k);
            }
        }
    }
    out
}

/// The first and last tokens of the names in an export's column of
/// forenames or surnames ("forename,surname" then "\"Danylo\",\"Melnyk\""):
/// one to four capitalised words, none a word of English that no list
/// holds as a name ("Vacant", "Unknown").
pub(super) fn named(text: &str, toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    column_cells(text, NAME_HEADERS)
        .into_iter()
        .filter_map(|(start, end)| name_within(toks, start, end))
        .collect()
}

/// The first and last tokens of `start..end` when it holds one to four
/// capitalised words (or initials), none a word of English that no list
/// holds as a name.
pub(super) fn name_within(toks: &[Tok<'_>], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.partition_point(|t| t.start < start);
    let last = toks.partition_point(|t| t.start < end);
    let namey = |t: &Tok<'_>| {
        matches!(t.shape, Shape::Cap | Shape::Upper | Shape::Initial)
            && t.full_end <= end
            && !(t.lex.is_english()
                && !t.lex.is_given()
                && !t.lex.is_surname()
                && !t.lex.is_word_surname())
    };
    let words = &toks[first..last];
    ((1..=4).contains(&words.len()) && words.iter().all(namey)).then(|| (first, last - 1))
}

/// Byte ranges of the cells, quotes taken off, in the columns under a
/// header of `headers`, row by row until a blank line.
fn column_cells(text: &str, headers: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut columns: Option<(Parting, Vec<usize>)> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_start = offset;
        offset += line.len() + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            columns = None;
            continue;
        }
        if let Some((parting, indexes)) = &columns {
            let row = cells(line, *parting);
            for &(start, end) in indexes.iter().filter_map(|&k| row.get(k)) {
                let cell = &line[start..end];
                let unquoted = cell.trim_start_matches('"');
                let start = start + cell.len() - unquoted.len();
                let end = start + unquoted.trim_end_matches('"').len();
                if start < end {
                    out.push((line_start + start, line_start + end));
                }
            }
            continue;
        }
        for delimiter in MARKS {
            if !line.contains(delimiter) {
                continue;
            }
            let parting = Parting::By(delimiter);
            let indexes: Vec<usize> = cells(line, parting)
                .iter()
                .enumerate()
                .filter(|&(_, &(start, end))| {
                    let header = line[start..end]
                        .trim_matches(['"', ':'])
                        .replace('_', " ")
                        .to_ascii_lowercase();
                    headers.contains(&header.as_str())
                })
                .map(|(k, _)| k)
                .collect();
            if !indexes.is_empty() {
                columns = Some((parting, indexes));
                break;
            }
        }
    }
    out
}

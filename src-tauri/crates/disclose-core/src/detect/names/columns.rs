//! Initials in a table's column that says who did each thing: "| Issued
//! by |" of a key register, "Viewed by" of a CCTV log, "Who" of a plan,
//! "Officer" of a contact sheet. A row's cell there holding initials alone
//! ("| JB |") names the member of staff, as a stamp does in a note.

use super::stamps::{initials_word, NOT_INITIALS};
use super::tokens::Tok;
use crate::detect::register::{cells, Parting};

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

/// The tokens of `toks` that are initials alone in a who-did-it column.
pub(super) fn who(text: &str, toks: &[Tok<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut column: Option<(Parting, usize)> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_start = offset;
        offset += line.len() + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            column = None;
            continue;
        }
        if let Some((parting, index)) = column {
            let Some(&(start, end)) = cells(line, parting).get(index) else {
                continue;
            };
            let word = &line[start..end];
            if initials_word(word) && !NOT_INITIALS.contains(&word) {
                if let Ok(k) = toks.binary_search_by_key(&(line_start + start), |t| t.start) {
                    out.push(k);
                }
            }
            continue;
        }
        for delimiter in ['|', '\t', ','] {
            if !line.contains(delimiter) {
                continue;
            }
            let parting = Parting::By(delimiter);
            let index = cells(line, parting).iter().position(|&(start, end)| {
                let header = line[start..end].trim_end_matches(':').to_ascii_lowercase();
                WHO_HEADERS.contains(&header.as_str())
            });
            if let Some(index) = index {
                column = Some((parting, index));
                break;
            }
        }
    }
    out
}

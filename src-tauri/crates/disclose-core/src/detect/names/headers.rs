//! Names as entries of an e-mail address list: the value of a "From:",
//! "To:", "Cc:" or "Bcc:" line (and the lines it wraps onto), where each
//! entry between ";", "," or an address in angle brackets is one person or
//! one mailbox. Outlook writes people there surname first, often with the
//! comma lost ("Barto  Brian D.", "Van Hooser  Steve"), or as "Bailey,
//! Susan", "Gray, \"Barbara N.\"", or plainly ("Sally Williams", "'Susan'",
//! in lower case "gracie balzer"). A whole entry of name-like words is a
//! name; a mailbox ("Enron General Announcements", "MAILER-DAEMON",
//! "Livelink Admin Users") has words no name has and is left alone.

use super::tokens::{gap, Shape, Tok};

/// The header names whose values are address lists.
const HEADERS: &[&str] = &["from", "to", "cc", "bcc", "reply-to", "sent to"];

/// The name entry of an address list starting at token `i`: its last token
/// and how sure it is.
pub(super) fn addressed(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if !entry_starts(text, t.start) || !in_address_header(text, t.start) {
        return None;
    }
    let lower = t.shape == Shape::Lower;
    // The longest run of words one entry can hold.
    let mut run = i;
    let mut comma = false;
    while run - i < 4 && run + 1 < toks.len() {
        let g = gap(text, toks, run);
        let next = &toks[run + 1];
        let inner = match g {
            " " | "  " | "\t" => true,
            // "Bailey, Susan", "Gray, \"Barbara N.\"": only after the first word.
            ", " | ", \"" | ", '" => run == i && !comma && !lower && next.shape != Shape::Initial,
            // "Brian D." and "Callie E. Moody".
            ". " => toks[run].shape == Shape::Initial || toks[run].word == "St",
            // Outlook's "Shackleton\t  Sara" and a list wrapped in the middle
            // of a name ("Cara \n Beckcom").
            g => {
                g.len() <= 6
                    && g.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                    && g.matches('\n').count() <= 1
                    && !text[next.full_end..].starts_with(':')
            }
        };
        if !inner || !word_fits(next, lower) || toks[run].end != toks[run].full_end {
            break;
        }
        comma |= g.starts_with(',');
        run += 1;
    }
    if !word_fits(t, lower) {
        return None;
    }
    (i..=run)
        .rev()
        .find(|&last| entry_ends(text, toks, last) && accepted(text, toks, i, last, lower))
        .map(|last| {
            let known = toks[i..=last].iter().any(known);
            (last, if known { 0.85 } else { 0.8 })
        })
}

fn known(t: &Tok<'_>) -> bool {
    t.lex.is_given() || t.lex.is_surname()
}

/// Words that begin surnames: "Van Hooser", "De Luca", "St. Clair".
const PARTICLES: &[&str] = &[
    "Van", "Von", "De", "Del", "Della", "Di", "Da", "Du", "La", "Le", "St", "Ste",
];

/// A word that can be part of a name in an address list.
fn word_fits(t: &Tok<'_>, lower: bool) -> bool {
    if !lower && PARTICLES.contains(&t.word) {
        return true;
    }
    match t.shape {
        Shape::Initial => !lower,
        Shape::Lower => lower && !t.lex.is_title(),
        Shape::Cap | Shape::Upper => {
            !lower
                && !t.lex.is_title()
                && !t.lex.is_org()
                && (!t.lex.is_street() || t.lex.is_surname())
                && (!t.lex.is_month_or_day() || t.lex.is_given())
                && (!t.lex.is_common() || known(t))
        }
    }
}

/// Whether the words `i..=last` make a person's name: one known name, two
/// words or more of no dictionary, or a comma or an initial between words
/// that are not common words.
fn accepted(text: &str, toks: &[Tok<'_>], i: usize, last: usize, lower: bool) -> bool {
    let words: Vec<&Tok<'_>> = toks[i..=last]
        .iter()
        .filter(|t| t.shape != Shape::Initial)
        .collect();
    if words.is_empty() || toks[i].shape == Shape::Initial {
        return false;
    }
    if lower {
        // "gracie balzer": a known given name and a word of no dictionary.
        return words.len() >= 2
            && words.len() <= 3
            && words[0].lex.is_given()
            && !words[0].lex.is_ambiguous()
            && words[1..]
                .iter()
                .all(|t| !t.lex.is_english() && !t.lex.is_common() && !t.lex.is_ambiguous());
    }
    if words.len() == 1 {
        // "To: 'Susan'": one given name that is nothing else.
        let w = words[0].lex;
        return last == i
            && words[0].shape == Shape::Cap
            && w.is_given()
            && !w.is_ambiguous()
            && !w.is_common()
            && !w.is_english();
    }
    let any_known = words.iter().any(|t| known(t));
    // Words of no dictionary: "Tresize  Philippa".
    let strange = words
        .iter()
        .all(|t| !t.lex.is_english() && !t.lex.is_common());
    // The shapes only a person's entry has: "Penhallow, Kit J.".
    let shaped = (gap(text, toks, i).starts_with(',')
        || toks[i..=last].iter().any(|t| t.shape == Shape::Initial))
        && words.iter().all(|t| !t.lex.is_common());
    any_known || strange || shaped
}

/// Only a header's colon, a separator, a quote or the start of a wrapped
/// line stand before `pos`.
fn entry_starts(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t', '"', '\'']);
    before.is_empty() || before.ends_with([':', ';', ',', '>', '\n', ']'])
}

/// Only a separator, a quote, an address, a bracketed remark ("(E-mail)",
/// "(Legal)") or the end of the line follow token `last`.
fn entry_ends(text: &str, toks: &[Tok<'_>], last: usize) -> bool {
    if toks[last].end != toks[last].full_end {
        return false;
    }
    let mut after = &text[toks[last].full_end..];
    if toks[last].shape == Shape::Initial {
        after = after.strip_prefix('.').unwrap_or(after);
    }
    let after = after.trim_start_matches([' ', '\t', '"', '\'']);
    after.is_empty() || after.starts_with([';', ',', '<', '[', '(', '\n', '\r'])
}

/// How far back an address header's line is looked for: a header line
/// longer than this (a page as one line) is no header's.
const HEADER_REACH: usize = 16 * 1024;

/// Whether `pos` lies in the value of an address header, on its own line or
/// on one of the lines it wraps onto.
fn in_address_header(text: &str, pos: usize) -> bool {
    let from = crate::extract::text::floor_char_boundary(text, pos.saturating_sub(HEADER_REACH));
    let mut line_start = match text[from..pos].rfind('\n') {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return false,
    };
    for _ in 0..12 {
        let line = text[line_start..].trim_start_matches([' ', '\t', '>']);
        if let Some(name) = header_name(line) {
            return HEADERS.contains(&name.to_lowercase().as_str());
        }
        if line_start == 0 || text[..line_start - 1].ends_with('\n') {
            return false;
        }
        line_start = text[..line_start - 1].rfind('\n').map_or(0, |k| k + 1);
    }
    false
}

/// "To" of "To:\tBailey, Susan": the name of a header opening `line`.
fn header_name(line: &str) -> Option<&str> {
    // A header's name is short: look for its colon only in the first bytes,
    // not through the rest of the text.
    let head = &line.as_bytes()[..line.len().min(13)];
    let colon = head.iter().position(|&b| b == b':')?;
    let name = &line[..colon];
    let ok = !name.is_empty()
        && name.len() <= 12
        && name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == ' ');
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn entries(text: &str) -> Vec<&str> {
        let toks = tokens(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match addressed(text, &toks, i) {
                Some((last, _)) => {
                    out.push(&text[toks[i].start..toks[last].end]);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn outlook_entries_surname_first_with_the_comma_lost() {
        assert_eq!(
            entries("To: Quarmby  Oswin T. <o.t.quarmby@example.com>, Van Tassel  Dorcas <d@x.org>\nSubject: rota\n"),
            ["Quarmby  Oswin T", "Van Tassel  Dorcas"]
        );
        assert_eq!(
            entries("From: \tTresize, Philippa  \nSent:\tMonday\nTo:\tMarsh, Ida; Penhallow, \"Kit J.\"\n"),
            ["Tresize, Philippa", "Marsh, Ida", "Penhallow, \"Kit J"]
        );
    }

    #[test]
    fn plain_and_lower_case_entries_and_wrapped_lines() {
        assert_eq!(
            entries("To:\tOrla Fennimore; Bartholomew \n Quigg; 'Rosalind'\ncc: gracie wetherall, tilda ormsby\n"),
            ["Orla Fennimore", "Bartholomew \n Quigg", "Rosalind", "gracie wetherall", "tilda ormsby"]
        );
    }

    #[test]
    fn mailboxes_and_text_outside_headers_are_left_alone() {
        assert!(entries(
            "From: Enron General Announcements <mbx@example.com>\nTo: DL-GA-all_houston\n"
        )
        .is_empty());
        assert!(entries(
            "From: MAILER-DAEMON\nTo: Livelink Admin Users; Office of the Chief Executive\n"
        )
        .is_empty());
        assert!(entries("Subject: Quarmby  Oswin\n\nQuarmby  Oswin T. wrote this.\n").is_empty());
        assert!(entries("To: Facilities; Payroll Team\n").is_empty());
    }
}

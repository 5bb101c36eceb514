//! Writers' initials where case notes and minutes put them: after the date
//! and time that open a note ("04/08/25 10:12 SMc", "01/11 AS - Referred"),
//! beside a date or after "BY:" ("rec'd 29/09/25 DH.", "[Note on file, DH
//! 19/11:", "BY: LMT"), after a word of doing or checking it
//! ("Countersigned SG", "Logged by DS.", "typed up by JB"), two in brackets
//! or after a date ("(IK/MS)", "01/10/2024 YB/DG"), in brackets after a
//! given name they begin with ("Rachel (RW)"), before a note's colon
//! ("[Note LM: …"), in brackets after a note's heading or date ("CASE
//! NOTES (MD)", "file note 11/03/2025 (SK)"), after an agency in minutes
//! ("Police (GN): known"), in a note's key ("SMc = Sinead McAllister"), in
//! a letter's copy list ("cc: KD; RB"), joined by slashes to others
//! ("Action: SB/KM", "KS / MK / SB"), after "per" ("Per AMcG belongs
//! to…"), after minutes' "ACTION" ("ACTION: TM to email"), alone on the
//! line that closes a paragraph ("…logged on Orchard.\nDM\n"), and again
//! wherever the same initials stand once one of these has named them
//! ("Passed to SMc.").
//! Initials are two to four capitals, or a capital and "Mc" or "Mac" with a
//! capital perhaps after ("SMc", "PMcA", "IMcL").

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{Shape, Tok};

/// What opens a stamped note: a date, perhaps a time ("04/08/25 10:12",
/// "01/11", "12-03-2025", "2025-11-18 09:31"), perhaps a call log's way
/// in capitals ("02/09/24 10:14  OUT"), nothing else.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{4}-\d{2}-\d{2})(?:[ \t]+\d{1,2}:\d{2})?(?:[ \t]+(?:IN|OUT|NOTE|CALL|EMAIL|TEXT|SMS|VISIT|LETTER))?[ \t]*[-–]?$")
        .expect("valid regex")
});

/// A date just before: "rec'd 29/09/25 ", "14/10/2025 - ".
static DATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[ \t(\[])\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+(?:-[ \t]+)?$")
        .expect("valid regex")
});

/// A note's heading or date before a bracket that names who wrote it:
/// "INVESTIGATOR NOTES (", "file note 11/03/2025 (", "Officer reflection (".
static HEADED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\d{1,2}/\d{1,2}/\d{2,4}|(?-u:\b)(?:notes?|reflection|addendum|review|summary|update|comments?|record|entry|log|observations?|assessment)) \($")
        .expect("valid regex")
});

/// A date just after: " 19/11:", " 14/03", ", 14/05/2024)".
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:[ \t:.,)\]]|$)").expect("valid regex")
});

/// A label of who did it just before: "BY: ", "Checked by ".
static BY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[ \t])(?:by|initials|officer|signed)[ \t]*:[ \t]*$").expect("valid regex")
});

/// A word of doing or checking just before, no colon: "Countersigned ",
/// "Logged by ", "Typed up by ", "Task to ", "Checked ", "by" after a
/// date ("Raised: 15/10/2024 by "), "Reviewed ", "Transcribed for SAR by ".
static DONE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[ \t(\[])(?:checked|countersigned|signed|reviewed|verified|transcribed(?:[ \t]+for(?:[ \t]+[a-z]+){1,2})?[ \t]+by|(?:logged|received|done|completed|reviewed|visited|seen|typed|typed[ \t]+up|prepared|written|entered|updated|printed|compiled|recorded|approved|authorised|actioned) by|task(?:ed)? to|allocated to|assigned to|\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+by)[ \t]+$")
        .expect("valid regex")
});

/// Minutes' action before whose it is: "- ACTION SA.", "ACTION: TM to
/// email".
static ACTION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[ \t(\[])action[ \t]*:?[ \t]+$").expect("valid regex"));

/// Two people's initials in brackets, joined by a slash: "(IK/MS)",
/// "visit (AB/TJ).": the other's, before or after this one.
static PAIRED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z]{2,3})/$").expect("valid regex"));
static PAIRED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^/([A-Z]{2,3})\)").expect("valid regex"));

/// Two people's initials after a date, joined by a slash: "Last audit:
/// 01/10/2024 YB/DG": the other's, before or after this one.
static DATED_PAIR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+([A-Z]{2,3})/$").expect("valid regex")
});
static DATED_PAIR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^/([A-Z]{2,3})(?:[ \t.,;)]|$)").expect("valid regex"));

/// A letter's copy list up to a word: "cc: ", "Cc KD; ", "cc: AN, "; a
/// meeting's list of who came: "Present: SAB, ", "(panel 10/04: OB, ",
/// "Attendees: JB, KM and ".
static COPIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:^|[ \t])cc[ \t]*:?|(?:^|[ \t(])(?:present|attendees|attending|in[ \t]+attendance|apologies|invitees|panel(?:[ \t]+members)?)(?:[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?[ \t]*:)[ \t]+(?-i:[A-Z]{2,3}[ \t]*(?:[;,&]|(?i:and))[ \t]*)*$")
        .expect("valid regex")
});

/// Initials joined by slashes up to a word, and from it: "Action: SB/",
/// "KS / MK / " before; "/KM –", " / SB |" after.
static SLASHED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(|:,;\[])((?:[A-Z]{2,3}[ \t]?/[ \t]?)*)$").expect("valid regex")
});
static SLASHED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[ \t]?/[ \t]?[A-Z]{2,3})*)(?:[\s)|:,;.\]–]|$)").expect("valid regex")
});

/// Capitals that stand where initials go as often as initials do and are
/// no person: "… in the UK", "- ASAP", "04/08 ASB -", "Police (CID):", a
/// bank statement's "05/08 DD", "from EH 11/03" (environmental health).
pub(super) const NOT_INITIALS: &[&str] = &[
    "UK", "US", "USA", "EU", "HR", "IT", "GP", "PC", "ASB", "NHS", "ID", "TV", "PS", "NB", "AM",
    "PM", "OK", "CC", "BCC", "RE", "FW", "FYI", "TBC", "TBA", "ETA", "CEO", "CFO", "MP", "QC",
    "KC", "DWP", "CAB", "GMP", "PCSO", "BST", "GMT", "UTC", "EST", "CST", "PST", "CET", "ASAP",
    "LOL", "VAT", "ROI", "PDF", "DOC", "XLS", "RSVP", "FAQ", "IOU", "TX", "CA", "NY", "DC", "DS",
    "SGT", "CID", "CAD", "QA", "IG", "PNC", "LP", "LLC", "INC", "LTD", "PLC", "CO", "AG", "SA",
    "NV", "BV", "ECT", "HOU", "ENA", "EES", "EOL", "EBS", "DV", "DA", "ASC", "CMHT", "IDVA",
    "MARAC", "MASH", "UC", "HB", "HO", "TL", "CSA", "OT", "SW", "HV", "NFA", "CPW", "IN", "OUT",
    "TO", "RD", "ST", "ND", "TH", "NO", "AND", "THE", "FOR", "SYS", "AUTO", "BOT", "SMS", "TXT",
    "CRM", "WEB", "APP", "EH", "DD", "SO", "CARD", "BGC", "FPI", "FPO", "TFR", "ATM", "POS", "CHQ",
    "DEB", "PIP", "DLA", "ESA", "JSA", "DHP", "CTR", "CTS", "DFG", "HMO", "RSL", "LA", "TA", "YES",
    "AKA", "DOB", "WME", "RH", "DPO", "CPN", "EHO", "SAR", "FOI", "MHA", "ME", "ABC", "PCN", "CSC",
    "NTQ", "NSP", "NOSP", "IUC", "RTB", "HRA", "PHP", "DPA", "CBO", "PSPO", "CCTV", "ASBO", "LPA",
];

/// Letters written with full stops that are no one's initials: "P.S.",
/// "U.K.", "D.C.", "V.P.", a firm's "L.L.P." and a degree's "B.A.".
const NOT_DOTTED: &[&str] = &[
    "PS", "NB", "UK", "US", "USA", "DC", "LA", "NY", "AM", "PM", "IE", "EG", "RIP", "VP", "PA",
    "MP", "GP", "PC", "QC", "KC", "TV", "ID", "OK", "CV", "PO", "BSC", "MSC", "OBE", "MBE", "CBE",
    "PTO", "BBC", "NHS", "EU", "UN", "AD", "BC", "CEO", "LP", "LLP", "LLC", "INC", "CO", "PLC",
    "LTD", "NA", "SA", "AG", "NV", "BV", "SC", "NC", "NJ", "NM", "ND", "SD", "LLB", "BBA", "MBA",
    "JD", "MD", "BA", "BS", "MA", "MS", "DDS", "RN", "CPA", "ESQ", "DOB", "DOD", "AKA", "NI",
    "ASB", "DWP", "TBC", "FYI", "ATM",
];

/// Whether `word` is written as a person's initials are.
pub(super) fn initials_word(word: &str) -> bool {
    let b = word.as_bytes();
    if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    if b.iter().all(u8::is_ascii_uppercase) {
        return true;
    }
    // "SMc", "PMcA", "IMcL", "JMac".
    let Some(at) = word.find("Mc").or_else(|| word.find("Mac")) else {
        return false;
    };
    let tail = &word[at + if word[at..].starts_with("Mac") { 3 } else { 2 }..];
    at >= 1
        && word[..at].bytes().all(|c| c.is_ascii_uppercase())
        && tail.len() <= 1
        && tail.bytes().all(|c| c.is_ascii_uppercase())
}

/// How far around a word its line is looked at: a stamp, an agency's
/// name or a key's name is shorter.
const NEAR: usize = 48;

/// The line of `text` around `start..end`, up to `NEAR` bytes each side:
/// before it, after it, and whether the part before reaches the line's
/// start.
fn line_around(text: &str, start: usize, end: usize) -> (&str, &str, bool) {
    let from = crate::extract::text::floor_char_boundary(text, start.saturating_sub(NEAR));
    let to = crate::extract::text::floor_char_boundary(text, (end + NEAR).min(text.len()));
    let before = &text[from..start];
    let (before, whole) = match before.rfind('\n') {
        Some(k) => (&before[k + 1..], true),
        None => (before, from == 0),
    };
    let after = &text[end..to];
    let after = after.find('\n').map_or(after, |k| &after[..k]);
    (before, after.trim_end_matches('\r'), whole)
}

/// Initials at token `i` that a case note's stamp, a date beside them,
/// "BY:", minutes' agency or a note's key puts there.
pub(super) fn stamped(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    if t.end != t.full_end || !initials_word(t.word) {
        return None;
    }
    let plain = t.lex == super::lex::Bits::default();
    let (before, after, whole) = line_around(text, t.start, t.end);
    let rest = after.trim();
    // "04/08/25 10:12 SMc" ending its line; "01/11 AS - Referred"; a care
    // app's message, "03/06 08:31 HP > Scheme manager";
    // "02/08 KP  DHP form sent", the note in a column of its own.
    let column = (after.starts_with("  ") || after.starts_with('\t')) && !rest.is_empty();
    // "12/10/23 CMcC Phone.": no office's capitals hold "Mc".
    let mc = t.word.contains("Mc") || t.word.contains("Mac");
    // "12/03 CH Rec received.", "30/08/23 BF (HO) Note for": one space,
    // then the note's first word in small letters after its first, or a
    // bracket (not "02/08 FP IN", a statement's way in capitals).
    let note_opens = |s: &str| {
        let mut c = s.chars();
        match (c.next(), c.next()) {
            (Some('('), _) => true,
            (Some(a), Some(b)) => a.is_alphabetic() && b.is_lowercase(),
            _ => false,
        }
    };
    let after_stamp = whole
        && STAMP.is_match(before.trim())
        && (rest.is_empty()
            || column
            || mc
            || rest.starts_with(['-', '–', ':', '>']) && (plain || rest.len() > 2)
            || after.strip_prefix(' ').is_some_and(note_opens));
    // "Police (GN): known", "Probation (IMcL): not on licence": a word
    // of the line's head before, in brackets, a colon after.
    let agency = plain
        && whole
        && before.ends_with(" (")
        && after.starts_with("):")
        && before.len() <= 40
        && before.starts_with(|c: char| c.is_ascii_uppercase());
    // "rec'd 29/09/25 DH.", "[Note on file, DH 19/11:", "- PMcA]": beside a
    // date, closing its clause after one (not "14/03 CPN visit"), or after
    // "by:".
    let closes = rest.is_empty() || rest.starts_with(['.', ',', ')', ']', ':', ';']);
    let dated = plain
        && (DATE_BEFORE.is_match(before) && closes
            || DATE_AFTER.is_match(after)
            || BY_BEFORE.is_match(before));
    // "SMc = Sinead McAllister (HO)": a note's key.
    let keyed = plain
        && after.starts_with(" = ")
        && after[3..].starts_with(|c: char| c.is_ascii_uppercase())
        && toks.get(i + 1).is_some_and(|n| n.shape == Shape::Cap);
    // "Countersigned SG (Team Leader)", "Logged by DS.", "Task to GMcC."
    let done = plain
        && DONE_BY.is_match(before)
        && (closes || rest.starts_with('(') || after.starts_with(" /"));
    // "Clinical (IK/MS)", "01/10/2024 YB/DG": both initials, neither an
    // office's capitals.
    let other = |m: Option<regex::Captures<'_>>| {
        m.and_then(|c| c.get(1))
            .is_some_and(|w| !NOT_INITIALS.contains(&w.as_str()))
    };
    let paired = plain
        && t.word.bytes().all(|b| b.is_ascii_uppercase())
        && (before.ends_with('(') && other(PAIRED_AFTER.captures(after))
            || after.starts_with(')') && other(PAIRED_BEFORE.captures(before))
            || DATE_BEFORE.is_match(before) && other(DATED_PAIR_AFTER.captures(after))
            || other(DATED_PAIR_BEFORE.captures(before))
                && (rest.is_empty() || rest.starts_with(['.', ',', ';', ')'])));
    // "Rachel (RW)": in brackets after a given name they begin with;
    // "[Note LM: …": a note's writer before its colon.
    let own = plain
        && i > 0
        && before.ends_with(" (")
        && after.starts_with(')')
        && toks[i - 1].shape == Shape::Cap
        && toks[i - 1].full_end + 2 == t.start
        && toks[i - 1].lex.is_given()
        && toks[i - 1].word.as_bytes()[0] == t.word.as_bytes()[0];
    let noted = plain
        && after.starts_with(':')
        && before
            .get(before.len().saturating_sub(5)..)
            .is_some_and(|w| w.eq_ignore_ascii_case("note "));
    // "INVESTIGATOR NOTES (MD)", "file note 11/03/2025 (SK)", "Officer
    // note (NB, 19/03/2024):": the writer of a note under its heading.
    let headed = plain && HEADED.is_match(before) && after.starts_with([')', ',']);
    // "Per AMcG belongs to", "decorations per AO": whose word it is.
    let per = plain
        && !rest.starts_with(|c: char| c.is_ascii_digit())
        && before
            .get(before.len().saturating_sub(4)..)
            .is_some_and(|w| w.eq_ignore_ascii_case("per "))
        && before[..before.len() - 4]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
    // "ACTION SA.", "ACTION: TM to email Lisa".
    let action = plain
        && ACTION_BEFORE.is_match(before)
        && (closes || rest.starts_with("to ") || rest.starts_with('-'));
    let capitals = t.word.len() <= 3 && t.word.bytes().all(|b| b.is_ascii_uppercase());
    // "cc: KD; RB": a letter's copy list of initials, or a meeting's.
    let listed_on =
        rest.is_empty() || rest.starts_with([';', ',', '&', ')']) || rest.starts_with("and ");
    let copied = capitals && COPIED.is_match(before) && listed_on;
    let found = after_stamp
        || rest.is_empty() && closes_column(text, t.word, before)
        || signed_off(text, toks, i, before, rest, whole)
        || agency
        || dated
        || keyed
        || done
        || paired
        || own
        || noted
        || headed
        || per
        || action
        || copied
        || capitals && slashed(before, after);
    (found && !NOT_INITIALS.contains(&t.word)).then_some((i, 0.7))
}

/// Capitals a table's last column holds as often as initials: "UP",
/// "ON", a job's state ("WIP", "CMP", "CLS").
const COLUMN_WORDS: &[&str] = &[
    "ON", "UP", "OF", "OR", "IS", "GO", "DO", "AT", "BY", "IF", "AS", "WIP", "CMP", "CLS", "OPN",
    "INP", "CNL", "CXL", "REF", "ACK", "NEW", "VAR",
];

/// Whether initials ending their line close a table's row, as a log's
/// last column names who did each thing ("… 56.1  14.2  Y     DR"): an
/// aligned column before them (three spaces or a tab) after a row's
/// text, and the same initials closing another row so. Two or three
/// capitals, not a word ("LOW", "PAID") nor a job's state ("COMP").
fn closes_column(text: &str, word: &str, before: &str) -> bool {
    let aligned = before.ends_with("   ") || before.ends_with('\t');
    if !aligned || before.trim().is_empty() || word.len() > 3 || COLUMN_WORDS.contains(&word) {
        return false;
    }
    if word.len() > 2 && (super::lex::is_english(word) || super::lex::is_common(word)) {
        return false;
    }
    let rows = text.match_indices(word).filter(|&(at, _)| {
        let line_end = text[at + word.len()..]
            .split('\n')
            .next()
            .is_some_and(|rest| rest.trim().is_empty());
        let head = &text[..at];
        let spaced = head.ends_with("   ") || head.ends_with('\t');
        let row = head
            .rsplit('\n')
            .next()
            .is_some_and(|line| !line.trim().is_empty());
        line_end && spaced && row
    });
    rows.take(2).count() == 2
}

/// Initials alone on the line that closes a paragraph, as its writer's
/// sign-off: "…logged on Orchard.\nDM\n\nTUES", "…with you.\nDN\nService
/// Charge Accountant". The paragraph before is written in small letters
/// too (not a printout's capitals wrapping on to a word of their own) and
/// does not end in a colon (not a form's answer), and a blank line, the
/// end, or the writer's job title follows. Initials no heading is written
/// as (no vowel, or a "Mc") may stand after a blank line too.
fn signed_off(
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
    before: &str,
    rest: &str,
    whole: bool,
) -> bool {
    let t = &toks[i];
    if !(whole && before.trim().is_empty() && rest.is_empty()) || t.word == "END" {
        return false;
    }
    let line_start = t.start - before.len();
    let mut lines_above = text[..line_start.saturating_sub(1)].rsplit('\n');
    let mut above = lines_above.next().unwrap_or("").trim();
    // "…Rukhsana Akhtar.\n\nBMcL\n": a blank line between, where the
    // initials have no vowel or a "Mc" (no heading is written so).
    let vowelless = t.word.contains("Mc") || !t.word.contains(['A', 'E', 'I', 'O', 'U', 'Y']);
    if above.is_empty() && vowelless {
        above = lines_above.next().unwrap_or("").trim();
    }
    let paragraph = above.contains(|c: char| c.is_lowercase()) && !above.ends_with(':');
    let below_start = text[t.end..]
        .find('\n')
        .map_or(text.len(), |k| t.end + k + 1);
    let below = text[below_start..].split('\n').next().unwrap_or("").trim();
    let titled = toks[i + 1..]
        .iter()
        .skip_while(|n| n.start < below_start)
        .take_while(|n| n.start < below_start + below.len())
        .take(4)
        .any(|n| n.lex.is_job_word());
    paragraph && (below.is_empty() || titled)
}

/// Initials of a name with an Irish "O'" or a "Mc", which no word is
/// written as: "CO'D" (Colm O'Driscoll), "MO'B", "G.O'N", "T.McK" (not
/// "DO'S" of "DO'S AND DON'TS").
pub(super) fn irish(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let closed = |w: &str, head: &str| {
        w.strip_prefix(head).is_some_and(|rest| {
            let mut c = rest.chars();
            matches!((c.next(), c.next()), (Some(l), None) if l.is_ascii_uppercase() && l != 'S')
        })
    };
    let o = |w: &str| closed(w, "O'") || closed(w, "O’");
    let t = &toks[i];
    if t.end != t.full_end {
        return None;
    }
    let joined = t.word.find('O').is_some_and(|k| {
        (1..=2).contains(&k)
            && t.word[..k].bytes().all(|c| c.is_ascii_uppercase())
            && o(&t.word[k..])
    });
    if joined {
        return Some((i, 0.7));
    }
    let next = toks.get(i + 1)?;
    let dotted = t.shape == Shape::Initial
        && t.word.len() == 1
        && next.start == t.end + 1
        && text[t.end..].starts_with('.')
        && next.end == next.full_end
        && (o(next.word) || closed(next.word, "Mc"));
    dotted.then_some((i + 1, 0.7))
}

/// A person's initials written with full stops, two or three letters and
/// nothing after them in the word: "Signed D.A.", "closed by J.B. (CX
/// team)", a petition's "| J.H." column; not "P.S.", "U.K." nor "D.C.",
/// which `NOT_DOTTED` holds. The last token `dotted` returns ends
/// before the final full stop, which `name_finding` takes in.
pub(super) fn dotted(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let letter = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.shape == Shape::Initial && t.word.len() == 1)
    };
    let dot_after = |k: usize| text[toks[k].end..].starts_with('.');
    if !letter(i) || !dot_after(i) {
        return None;
    }
    let opens = text[..toks[i].start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != '-');
    let mut last = i;
    while last - i < 2
        && letter(last + 1)
        && toks[last + 1].start == toks[last].end + 1
        && dot_after(last)
    {
        last += 1;
    }
    let closes = dot_after(last)
        && text[toks[last].end + 1..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '.');
    let letters: String = toks[i..=last].iter().map(|t| t.word).collect();
    let letters = letters.to_ascii_uppercase();
    (opens && last > i && closes && !NOT_DOTTED.contains(&letters.as_str())).then_some((last, 0.7))
}

/// Whether initials stand joined by slashes to others, all of two or
/// three capitals and none an office's ("Action: SB/KM –", "| KS / MK /
/// SB |"), not in a reference ("Our ref: AB/YJS-4471", "Ref:
/// GT/APP/558103", "Job VH/RP/449102"), a line in capitals nor beside a
/// word in capitals.
fn slashed(before: &str, after: &str) -> bool {
    let run = |m: Option<regex::Captures<'_>>| m.and_then(|c| c.get(1)).map(|g| g.range());
    let (Some(left), Some(right)) = (
        run(SLASHED_BEFORE.captures(before)),
        run(SLASHED_AFTER.captures(after)),
    ) else {
        return false;
    };
    // "KEY / FOB ISSUE REGISTER": no word in capitals either side.
    let shouted = |w: Option<&str>| {
        w.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
    };
    if shouted(before[..left.start].split_whitespace().next_back())
        || shouted(after[right.end..].split_whitespace().next())
    {
        return false;
    }
    let (left, right) = (&before[left], &after[right]);
    let others: Vec<&str> = left
        .split('/')
        .chain(right.split('/'))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let line = [before, after].concat();
    !others.is_empty()
        && others.iter().all(|w| !NOT_INITIALS.contains(w))
        && line.chars().any(char::is_lowercase)
        && !line.split(|c: char| !c.is_alphanumeric()).any(|w| {
            ["ref", "refs", "reference", "job"]
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r))
        })
}

/// Tokens standing as initials some rule found as a name elsewhere in the
/// text ("Passed to SMc."), or as the initials of a full name found
/// ("PCSO Aleksandra Nowak … AN had reviewed the footage"), in lines not
/// written wholly in capitals; initials a key or brackets set beside a
/// name ("IT = Imogen Taylor") wherever they stand. `names` are the names
/// found so far: first token, last token, confidence.
pub(super) fn again(
    text: &str,
    toks: &[Tok<'_>],
    taken: &[Option<Option<f32>>],
    names: &[(usize, usize, f32)],
) -> Vec<usize> {
    let found: HashSet<String> = toks
        .iter()
        .zip(taken)
        .filter(|(t, found)| {
            matches!(found, Some(Some(c)) if *c >= 0.7)
                && initials_word(t.word)
                && !NOT_INITIALS.contains(&t.word)
        })
        .map(|(t, _)| t.word.to_string())
        .collect();
    // Initials of a full name found: not after a capitalised word on their
    // line ("AltaGas CW" names a deal). Those the text sets beside the
    // name ("IT = Imogen Taylor", "Hannah Willis (HW)", "Ian Rowe (IR,
    // ASB)", "LW (LISA WARD)")
    // are that person's even where they are also an office's capitals; so
    // are those after an equals sign, past the name's role in brackets
    // ("Sandra Okoye (Senior Investigator) = SO").
    let mut of_names: HashSet<String> = HashSet::new();
    let mut defined: HashSet<String> = HashSet::new();
    for &(i, last, c) in names {
        // "PCSO Marta Kowal": the name's words after its title.
        let Some(first) = (i..=last).find(|&k| !toks[k].lex.is_title()) else {
            continue;
        };
        let words = &toks[first..=last];
        if c < 0.7 || !(2..=3).contains(&words.len()) {
            continue;
        }
        let shape = words[0].shape;
        let (before, after, _) = line_around(text, toks[first].start, toks[last].end);
        for initials in initials_of(text, words) {
            if found.contains(&initials) {
                continue;
            }
            let set_beside = after
                .strip_prefix(" (")
                .and_then(|a| a.strip_prefix(initials.as_str()))
                .is_some_and(|a| a.starts_with([')', ',']))
                || equals_after(after, &initials)
                || [" = ", " ("].iter().any(|mark| {
                    before
                        .strip_suffix(mark)
                        .is_some_and(|b| b.ends_with(initials.as_str()))
                });
            if set_beside && matches!(shape, Shape::Cap | Shape::Upper) {
                defined.insert(initials);
            } else if words.iter().all(|t| t.shape == Shape::Cap)
                && !NOT_INITIALS.contains(&initials.as_str())
            {
                of_names.insert(initials);
            }
        }
    }
    // ("Later AN had": a word opening the sentence is no name.)
    let after_a_name = |k: usize| {
        k > 0
            && matches!(toks[k - 1].shape, Shape::Cap | Shape::Upper)
            && text[toks[k - 1].full_end..toks[k].start]
                .trim_matches([' ', '\t'])
                .is_empty()
            && !(toks[k - 1].lex.is_english() && super::opens_sentence(text, toks[k - 1].start))
    };
    let found_at =
        |k: usize, word: &str| found.contains(word) || of_names.contains(word) && !after_a_name(k);
    if found.is_empty() && of_names.is_empty() && defined.is_empty() {
        return Vec::new();
    }
    toks.iter()
        .enumerate()
        .filter(|(k, t)| {
            taken[*k].is_none()
                && t.end == t.full_end
                && (found_at(*k, t.word) || defined.contains(t.word))
        })
        .filter(|(k, t)| {
            let (before, after, _) = line_around(text, t.start, t.end);
            // Not inside a word run with letters or digits ("C-AS-E"), nor
            // a reference's letters ("SPA/14772"; an exhibit's "SK/4" is
            // the person's).
            let joined = before.ends_with(|c: char| c.is_alphanumeric() || c == '-')
                || after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                || after
                    .strip_prefix('/')
                    .is_some_and(|a| a.bytes().take_while(u8::is_ascii_digit).count() >= 3);
            // Initials the text set beside a name stand in capitals too.
            if defined.contains(t.word) {
                return !joined;
            }
            let shouted = !before.chars().chain(after.chars()).any(char::is_lowercase);
            // "SUCH AS THIS": not beside another word in capitals.
            let capitals = |t: &Tok<'_>| t.shape == Shape::Upper && t.word.len() > 1;
            let beside_capitals = *k > 0
                && capitals(&toks[k - 1])
                && !text[toks[k - 1].full_end..toks[*k].start].contains('\n')
                || toks.get(k + 1).is_some_and(|n| {
                    capitals(n) && !text[toks[*k].full_end..n.start].contains('\n')
                });
            !joined && !shouted && !beside_capitals
        })
        .map(|(k, _)| k)
        .collect()
}

/// The initials a full name is written as: its words' first letters
/// ("NO" of "Niamh O'Rourke"), and with the capitals inside a word after
/// a hyphen or an apostrophe too ("NOR", "EVH" of "Eleri
/// Vaughan-Hughes").
fn initials_of(text: &str, words: &[Tok<'_>]) -> Vec<String> {
    let first_letters: String = words.iter().filter_map(|t| t.word.chars().next()).collect();
    let mut inner = String::new();
    for t in words {
        let written = &text[t.start..t.full_end];
        let mut previous = None;
        for c in written.chars() {
            let opens = previous.is_none_or(|p| matches!(p, '-' | '\'' | '’'));
            if opens && c.is_uppercase() {
                inner.push(c);
            }
            previous = Some(c);
        }
    }
    if inner == first_letters || inner.chars().count() > 4 {
        vec![first_letters]
    } else {
        vec![first_letters, inner]
    }
}

/// Whether `after` a name sets `initials` for it with an equals sign, past
/// a role in brackets: " = SO", " (Senior Investigator, ACFS) = SO".
fn equals_after(after: &str, initials: &str) -> bool {
    let rest = match after.strip_prefix(" (") {
        Some(role) => role.split_once(')').map_or("", |(_, rest)| rest),
        None => after,
    };
    rest.trim_start_matches([' ', '\t'])
        .strip_prefix('=')
        .map(|r| r.trim_start_matches([' ', '\t']))
        .and_then(|r| r.strip_prefix(initials))
        .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
}

//! Numbers a register gives one person, read from the register's table: a
//! fob, permit, key, badge or parking number, a housing register's,
//! application's, customer's, member's or employee's number, the number
//! of a record kept of one person (a file's, a resident's, a candidate's),
//! or the flat, door, room or tenancy a list gives its resident, in a row
//! that names its holder ("SVH-0582 | 58 | L Fraser-Reid", "RD-004-A |
//! Kenneth Ivy | 4 Rook Drive"), and the same number wherever the text says it again
//! ("fob SVH-0612 - ACCESS GRANTED"). A table is a header line naming a
//! column of such numbers and a column of holders, its cells parted by "|",
//! tabs, commas or aligned spaces, and the rows under it up to a blank
//! line. Only a row whose holder's cell holds a person's name found gives
//! its number: not a contractor's fob ("Cleaning contractor") nor an empty
//! one. Also a number in brackets just after a person's name ("Sofía Ruiz
//! (B-0413)"). The same table's column of addresses ("Address",
//! "Premises") gives each named row's home, as an `address_line`.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// Whether a text, or a line, may hold a register's header at all (most
/// do not): one of the words `NUMBER_HEADERS`, `PERSON_RECORDS` and
/// `ADDRESS_HEADERS` name a column by.
static HEADED: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = NUMBER_HEADERS
        .iter()
        .chain(PERSON_RECORDS)
        .chain(ADDRESS_HEADERS)
        .map(|w| regex::escape(w))
        .collect();
    Regex::new(&format!("(?i){}", words.join("|"))).expect("valid regex")
});

/// The words of a header that say its column holds numbers ("Fob no.",
/// "Resident ID", "fta_ref").
const NUMBERING: &[&str] = &["no", "nos", "number", "num", "id", "ref"];

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
    // A Scottish tenement's flat: "0/1", "2/R".
    "position",
    "tenancy",
    "rent account",
    "account",
    "reg",
    "app",
    "application",
    "applicant",
    "customer",
    "client",
    "member",
    "membership",
    "payroll",
    "employee",
    // A payer's direct debit reference, a rent account, a volunteer's
    // number, a DBS certificate ("DD REF", "RENT A/C", "VOL ID", "DBS CERT
    // NO.").
    "dd",
    "direct debit",
    "rent a/c",
    "a/c",
    "vol",
    "volunteer",
    "dbs",
    "dbs cert",
    // A home's own reference, its holder's too.
    "uprn",
];

/// Words of a header over a column of the holders' homes ("Address",
/// "Addr", "Premises", "Block / floor"); a register's row that names its
/// holder gives their address there.
const ADDRESS_HEADERS: &[&str] = &[
    "address", "addr", "premises", "block", "dwelling", "property",
];

/// Words of a header over addresses that are no home's ("Email address",
/// "IP address", "Office address").
const NOT_HOME_HEADERS: &[&str] = &["email", "e-mail", "mail", "ip", "web", "office", "billing"];

/// Records kept of one person each, whose number names its holder when the
/// header says it is a number ("File ref", "Resident ID", "CAND. NO",
/// "Let ref", "property_ref"); alone such a header is the column of the
/// people themselves ("Tenant", "Candidate") or of their homes ("Property").
const PERSON_RECORDS: &[&str] = &[
    "file",
    "candidate",
    "cand",
    "resident",
    "tenant",
    "person",
    "patient",
    "student",
    "pupil",
    "staff",
    "let",
    "claimant",
    "property",
];

/// Headers of a column of homes: a flat's number may be one digit, and in
/// a column after the register's own it is a house reference.
const HOME_HEADERS: &[&str] = &["flat", "door", "unit", "room", "apartment"];

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
    "owner",
    "owners",
    "residents",
    "tenants",
    "names",
    "policyholder",
    "customer",
    "member",
    "borrower",
    "householder",
    "candidate",
    "patient",
    "household",
];

/// How a table's line parts its cells.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Parting {
    By(char),
    /// Two spaces or more, as aligned columns are written.
    Spaces,
}

/// The marks that part a table's cells, the likelier first.
pub(super) const MARKS: [char; 3] = ['|', '\t', ','];

/// How `line` parts its cells, if it is a table's line.
fn parting(line: &str) -> Option<Parting> {
    MARKS
        .into_iter()
        .find(|c| line.contains(*c))
        .map(Parting::By)
        .or_else(|| line.trim().contains("  ").then_some(Parting::Spaces))
}

/// Whether a row under a header is parted as the header is: a row of an
/// aligned table may hold a comma inside a cell ("Quigley, Aoibheann").
fn parted_as(row: &str, parted: Parting) -> bool {
    match parted {
        Parting::Spaces => row.trim().contains("  ") && !row.contains(['|', '\t']),
        Parting::By(_) => parting(row) == Some(parted),
    }
}

/// Byte ranges of `line`'s cells, trimmed and unquoted (an empty cell
/// keeps its column's place where a mark parts them).
pub(super) fn cells(line: &str, parting: Parting) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    let (parts, width): (Vec<&str>, usize) = match parting {
        Parting::By(',') if line.contains('"') && line.matches('"').count().is_multiple_of(2) => {
            (csv_fields(line), 1)
        }
        Parting::By(c) => (line.split(c).collect(), c.len_utf8()),
        Parting::Spaces => (line.split("  ").collect(), 2),
    };
    for part in parts {
        // A CSV's quotes are no part of its cell's text.
        let trimmed = part.trim();
        let unquoted = trimmed
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(trimmed);
        let lead =
            part.len() - part.trim_start().len() + usize::from(unquoted.len() < trimmed.len());
        let cell = (from + lead, from + lead + unquoted.len());
        // Runs of spaces part once, whatever their length.
        if matches!(parting, Parting::By(_)) || cell.0 < cell.1 {
            out.push(cell);
        }
        from += part.len() + width;
    }
    out
}

/// A CSV line's fields, a comma inside double quotes kept in its field
/// ("\"47 Larch Avenue, Rotherham\",P100472").
fn csv_fields(line: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let mut from = 0;
    let mut quoted = false;
    for (k, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                fields.push(&line[from..k]);
                from = k + 1;
            }
            _ => {}
        }
    }
    fields.push(&line[from..]);
    fields
}

/// A header cell with "no", "number", "id" and marks taken off (an
/// export's "fob_id" is "fob", "Fob no(s)" too).
fn header(cell: &str) -> String {
    let lower = cell.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | '#' | ':' | '(' | ')' | '_'))
        .filter(|w| !w.is_empty() && *w != "s" && !NUMBERING.contains(w))
        .collect();
    words.join(" ")
}

/// Whether a header cell says its column holds numbers: one of
/// `NUMBERING` among its words ("Resident ID", "fta_ref").
fn numbered(cell: &str) -> bool {
    cell.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| NUMBERING.contains(&w))
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

/// A person's own number in brackets just after their name: "Oliver
/// Brennan-Smith (B-0411)", "Mr Hamid (C12)", "Mrs Adebayo (ref
/// OH-HR-24102)", "Yaw Boateng (0040001)", "Gary Lincoln (ID 3390145)",
/// "Ms Ward (BRM-7PC-001)", "Funmilola Adebayo (HV-T-61930, Flat 8 …)",
/// a worker's registration ("Joe Twomey (cert LX-OP-140)", "Neil Hargreaves
/// (Gas Safe 208831)", "Carwyn Morgan (NICEIC reg 611882)"):
/// capitals (in parts, perhaps), then digits, then parts after a dash or
/// a slash, or five digits or more alone (not an age or a year).
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*\((?i:(?:ref|reference|room|flat|unit|permit|fob|badge|tenancy|account|id|cert|certificate|reg|registration|gas[ \t]+safe(?:[ \t]+(?:reg|no))?|niceic(?:[ \t]+reg)?|ip[ \t]+no)\.?[ \t:#]*)?([A-Z]{1,4}(?:[-/][A-Z]{1,3}){0,2}[-/]?\d[A-Z0-9]{0,8}(?:[-/][A-Za-z0-9]{1,6}){0,3}|\d{5,10})[),;]")
        .expect("valid regex")
});

/// The numbers in brackets after the person names `names`; not a school
/// year ("Kobe (Y10)", "(P4)", "(S2)"), which is no register's, nor a gas
/// safety record's ("(cert CP12-440981)").
fn beside_names(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        let Some(caps) = BRACKETED.captures(&text[n.end..]) else {
            continue;
        };
        let number = caps.get(1).expect("group");
        let said = number.as_str();
        let school_year = said.len() <= 3
            && said.starts_with(['Y', 'P', 'S'])
            && said[1..].bytes().all(|b| b.is_ascii_digit());
        // "(cert CP12-440981)": a home's gas safety record, not the engineer's.
        let gas_record = said.starts_with("CP12");
        if !school_year && !gas_record {
            out.push(Finding {
                start: n.end + number.start(),
                end: n.end + number.end(),
                kind: DataKind::RegisterNumber,
                text: said.to_string(),
                confidence: 0.7,
            });
        }
    }
    out
}

/// Every register number in `text`; `names` are the person names found.
pub fn find(text: &str, names: &[Finding]) -> Vec<Finding> {
    if names.is_empty() {
        return Vec::new();
    }
    let mut out = beside_names(text, names);
    if HEADED.is_match(text) {
        out.extend(from_tables(text, names));
    }
    // A number of one or two digits stands for too much else ("12 noon",
    // "2 weeks") to be found again anywhere; the house references' search
    // finds a flat's again where a house is meant.
    let registered: Vec<Finding> = out
        .iter()
        .filter(|f| {
            f.kind == DataKind::RegisterNumber
                && (f.text.len() >= 3 || f.text.bytes().any(|b| b.is_ascii_alphabetic()))
        })
        .cloned()
        .collect();
    out.extend(said_again(text, &registered));
    out
}

/// The numbers read from registers' tables in `text`.
fn from_tables(text: &str, names: &[Finding]) -> Vec<Finding> {
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
        let head_cells = cells(line, parted);
        let heads: Vec<String> = head_cells
            .iter()
            .map(|&(s, e)| header(&line[s..e]))
            .collect();
        // The columns of numbers the list gives its holder, the likelier
        // kind first: a fob's before the door it opened or the flat it
        // belongs to, a record's of one person last.
        let rank = |c: usize| {
            NUMBER_HEADERS
                .iter()
                .chain(PERSON_RECORDS)
                .position(|n| *n == heads[c])
        };
        let mut columns: Vec<usize> = (0..heads.len())
            .filter(|&c| {
                let (s, e) = head_cells[c];
                let raw = &line[s..e];
                NUMBER_HEADERS.contains(&heads[c].as_str())
                    || PERSON_RECORDS.contains(&heads[c].as_str()) && numbered(raw)
                    || lone_reference(raw)
            })
            .collect();
        columns.sort_by_key(|&c| rank(c));
        let homes: Vec<usize> = (0..heads.len())
            .filter(|&c| !columns.contains(&c) && homes_header(&heads[c]))
            .collect();
        // The holders' columns: those that are no column of numbers or
        // homes if there are any ("resident_id,resident"), else the first
        // ("Applicant").
        let holds = |c: &usize| heads[*c].split(' ').any(|w| HOLDER_WORDS.contains(&w));
        let mut holders: Vec<usize> = (0..heads.len())
            .filter(holds)
            .filter(|c| !columns.contains(c) && !homes.contains(c))
            .collect();
        if holders.is_empty() {
            holders.extend((0..heads.len()).find(holds));
        }
        if holders.is_empty() || columns.is_empty() && homes.is_empty() {
            continue;
        }
        for (start, row) in lines.by_ref() {
            // "-------+-----+------": a ruling under the header.
            let ruling = !row.trim().is_empty()
                && row
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '-' | '+' | '=' | '|' | ':' | ' ' | '\t'));
            if ruling {
                continue;
            }
            if row.trim().is_empty() || !parted_as(row, parted) {
                break;
            }
            let row_cells = cells(row, parted);
            let named = holders
                .iter()
                .filter_map(|&h| row_cells.get(h))
                .any(|&(hs, he)| {
                    let (hs, he) = (start + hs, start + he);
                    names.iter().any(|n| n.start < he && hs < n.end)
                });
            if !named {
                continue;
            }
            for &c in &homes {
                if let Some(&(cs, ce)) = row_cells.get(c) {
                    out.extend(home_cell(row, cs, ce).map(|(hs, he)| Finding {
                        start: start + hs,
                        end: start + he,
                        kind: DataKind::AddressLine,
                        text: row[hs..he].to_string(),
                        confidence: 0.75,
                    }));
                }
            }
            for (k, &c) in columns.iter().enumerate() {
                let Some(&(cs, ce)) = row_cells.get(c) else {
                    continue;
                };
                out.extend(
                    numbers_of_cell(row, cs, ce)
                        .filter_map(|(ns, ne)| {
                            register_cell(&row[ns..ne], k, &heads[c]).map(|kind| (ns, ne, kind))
                        })
                        .map(|(ns, ne, kind)| Finding {
                            start: start + ns,
                            end: start + ne,
                            kind,
                            text: row[ns..ne].to_string(),
                            confidence: 0.8,
                        }),
                );
            }
        }
    }
    out
}

/// Whether a header cell is a reference's alone ("REF", "Ref.",
/// "Reference"): in a register that names its holders, each row's is
/// theirs (an "ID" alone is as often a form's response).
fn lone_reference(cell: &str) -> bool {
    let lower = cell
        .trim()
        .trim_end_matches(['.', ':'])
        .to_ascii_lowercase();
    matches!(lower.as_str(), "ref" | "reference")
}

/// Whether a header (see `header`) is over a column of its holders' homes:
/// a header's few words, no sentence ("Addr: 11 Brook Street", "factor
/// for owners in the close is Clydeside Property Factors").
fn homes_header(head: &str) -> bool {
    let words: Vec<&str> = head
        .split([' ', '/', '-'])
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 3
        && !head.contains(|c: char| c.is_ascii_digit())
        && words.iter().any(|w| ADDRESS_HEADERS.contains(w))
        && !words.iter().any(|w| NOT_HOME_HEADERS.contains(w))
}

/// The address in the cell `from..to` of `row` of a column of homes, up
/// to a whole postcode at its end (found as a `postcode`); only a cell
/// that holds a house's number.
fn home_cell(row: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    static POSTCODE_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[ \t,]*[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}$").expect("valid regex")
    });
    let cell = &row[from..to];
    let end = from + POSTCODE_END.find(cell).map_or(cell.len(), |m| m.start());
    let address = row[from..end].trim_end_matches([',', ' ']);
    // A house's number: "55 Deedmore", "Hafan 2", "3/1, 61 Lochee Road";
    // not a block alone ("Beaumont House", "Seacole House 5th floor") nor
    // an office ("Birmingham City Council ASB Unit").
    let house_number = address.split([' ', ',']).any(|w| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (1..=4).contains(&digits)
            && (w.len() - digits <= 1 && w.bytes().skip(digits).all(|b| b.is_ascii_alphabetic())
                || w.as_bytes()[digits] == b'/')
    });
    if address.len() > 80 || !house_number {
        return None;
    }
    Some((from, from + address.len()))
}

/// The parts of the cell `from..to` of `row` a comma parts ("0045128,
/// 0045129": a holder's two fobs), trimmed.
fn numbers_of_cell(row: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    row[from..to].split(',').scan(from, |at, part| {
        let lead = part.len() - part.trim_start().len();
        let found = (*at + lead, *at + lead + part.trim().len());
        *at += part.len() + 1;
        Some(found)
    })
}

/// What the number `cell`, in the register's `k`th column of numbers
/// headed `head`, is.
fn register_cell(cell: &str, k: usize, head: &str) -> Option<DataKind> {
    let home = HOME_HEADERS.contains(&head)
        && (1..=4).contains(&cell.len())
        && cell.starts_with(|c: char| c.is_ascii_digit())
        && cell.bytes().all(|b| b.is_ascii_alphanumeric());
    // The first column's number is the register's (a flat's may be one
    // digit, "2"); a flat or a door in a later column is the holder's house
    // ("Permit | Flat | Holder"), another kind of number theirs too ("Flat
    // | Key | Tenant").
    if k > 0 && home {
        Some(DataKind::AddressLine)
    } else if number_like(cell) || k == 0 && home && cell.len() == 1 {
        Some(DataKind::RegisterNumber)
    } else {
        None
    }
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
            // "(flat 511)": the house reference's, whole.
            let near = crate::extract::text::floor_char_boundary(text, start.saturating_sub(16));
            let housed = text[near..start]
                .to_ascii_lowercase()
                .trim_end_matches([' ', '\t', '.'])
                .rsplit([' ', '\t', '(', '\n'])
                .next()
                .is_some_and(|w| matches!(w, "flat" | "no" | "number" | "apartment" | "unit"));
            if !glued && !taken && !housed {
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

//! Numbers that identify a person: NHS numbers (mod-11 check digit, or grouped
//! and called one: "NHS 485 207 3316"), payment cards (Luhn), bank sort codes
//! and account numbers and dates of birth (each only with words around them
//! that say so, or a date of birth by its place in a household list; also one a
//! scan misread, "DOB 0l/03/20l3"), UK vehicle registrations (the current "AB12
//! CDE" format, in any letter case after "reg", and the prefix format "R792 FKT"), phone numbers of North America
//! and numbers dialled from abroad, a UK number written with a digit too many
//! or read by OCR with letters for digits; a card's or an account's last digits, a year of
//! birth, an NI number, a tenancy's reference, a housing application's or
//! register's number, a member of staff's code, a share code and a fob's or a permit's
//! number by the words before them, and a visa application's "GWF" number. Also the test that keeps job, invoice
//! and order references that look like phone or NHS numbers out of the
//! findings.

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};
use crate::scan::{DigitLines, Hit};

static NHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{3}[ -]?\d{3}[ -]?\d{4}(?-u:\b)").expect("valid regex")
});
static NHS_CUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)nhs(?-u:\b)[^\n\d]{0,24}$").expect("valid regex"));
static CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d(?:[ -]?\d){12,18}(?-u:\b)").expect("valid regex"));
static SORT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{2}-\d{2}-\d{2}(?-u:\b)|(?-u:\b)\d{2} \d{2} \d{2}(?-u:\b)|(?-u:\b)\d{6}(?-u:\b)").expect("valid regex")
});
/// An account number of eight digits just after a sort code and a slash
/// or a comma: "20-45-77 / 63019942".
static ACCOUNT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*[/,][ \t]*\d{8}(?-u:\b)").expect("valid regex"));
/// A sort code and a slash or a comma just before an account number.
static SORT_CODE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{2}-\d{2}-\d{2}[ \t]*[/,][ \t]*$").expect("valid regex")
});
static SORT_CODE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:sort[ \t-]*code|(?-u:\b)s/c)(?-u:\b)[^\n\d]{0,16}$").expect("valid regex")
});
static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d{8}(?-u:\b)").expect("valid regex"));
static ACCOUNT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:account|a/c|acc|acct)(?-u:\b)[^\n]{0,40}$").expect("valid regex")
});
const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH},?\s+(?:\d{{4}}|\d{{2}})|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?-u:\b)"
    ))
    .expect("valid regex")
});
static BIRTH_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)dob(?-u:\b)|(?-u:\b)d\.o\.b(?-u:\b)\.?|date[\s_]*of[\s_]*birth|birth[\s_]*date|(?-u:\b)born(?:\s+on)?|(?-u:\b)birthday)(?:[^\n\d]{0,16}|[ \t:.-]*\n[ \t]*)$")
        .expect("valid regex")
});
/// A date as a scan misreads one, letters for some digits: "0l/03/20l3",
/// "l5/ll/20l6" (a date of birth only after the words that say so).
static MISREAD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[0-9lIO]{1,2}/[0-9lIO]{1,2}/[0-9lIO]{2,4}(?-u:\b)").expect("valid regex")
});
/// The words of a household member's place in it.
const RELATIONS: &str = r"son|daughter|partner|husband|wife|child|brother|sister|mother|mum|father|dad|step-?son|step-?daughter|step-?father|step-?mother|grandson|granddaughter|grandmother|grandfather|nan|nephew|niece|cousin|uncle|aunt|auntie|lodger|applicant|tenant|joint[ \t]+tenant|lead[ \t]+tenant|carer|baby|infant|dependant|dependent";
/// A household list's line up to a date, the person's relation last:
/// "Kieran Moss - son - ", "2. Leah Moss, daughter, ", "Tina Moss\tapplicant\t".
static RELATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^[^\n\d]{{2,50}}(?-u:\b)(?:{RELATIONS})[ \t]*(?:\([^()\n]{{0,20}}\))?[ \t]*(?:[-–—,;|(]|\t|[ \t]{{2}})[ \t\-–—,;|(]*$"))
        .expect("valid regex")
});
/// A household member in running text up to a date in brackets: the
/// relation, then the name ("sons Ayaan Parveen (", "daughter Ilhan ("),
/// or the relation first in the brackets ("Daniel Ssempa (son, ").
static RELATION_BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:(?-u:\b)(?i:{RELATIONS})s?(?:[ \t]+[A-Z][\w'’-]+){{1,3}}[ \t]*\(|[A-Z][\w'’-]+[ \t]+\((?i:{RELATIONS}),[ \t]*)$"))
        .expect("valid regex")
});
/// A household list's line up to a date, a name alone before it: "Keisha
/// Brown, ", "3. ZAYN HUSSAIN - ", "Dylan Moss      ".
static NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:\d{1,2}[.)][ \t]*)?((?:[A-Z][a-z'’-]+|[A-Z]{2,})(?:[ \t]+(?:[A-Z][a-z'’-]+|[A-Z]{2,}|[A-Z]\.?)){1,2})[ \t]*(?:[-–—,;|]|\t|[ \t]{2})[ \t\-–—,;|]*$")
        .expect("valid regex")
});
/// A column's heading for dates of birth: "Name   Relationship   Date of birth".
static BIRTH_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:dob|d\.o\.b|date[ \t]+of[ \t]+birth|birth[ \t]*date)(?-u:\b)")
        .expect("valid regex")
});
/// A registration of the prefix format (1983 to 2001): "R792 FKT".
static PREFIX_VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-HJ-NP-Y]\d{2,3} [A-HJ-PR-Y]{3}(?-u:\b)").expect("valid regex")
});
static VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[12]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3}(?-u:\b)",
    )
    .expect("valid regex")
});
/// A registration in any letter case after the word for it: "reg ab12 cde",
/// "number plate Lv63xkp".
/// A Northern Ireland registration after a word for a vehicle: letters
/// holding the county's "I" or "Z", then up to four digits ("car (LDZ
/// 4471)", "van reg AIG 902").
static NI_VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:car|van|vehicle|motorbike|reg|registration|plate|vrm)(?:[ \t]+(?:is|was|number|no\.?))?[ \t:.(-]*((?-i:[A-Z]?(?:[A-HJ-Z][IZ]|[IZ][A-HJ-Z])) ?\d{1,4})(?-u:\b)")
        .expect("valid regex")
});
static CUED_VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:reg|registration|number[ \t]+plate|plate|numberplate|vrm)(?:[ \t]+(?:is|was|number|no\.?))?[ \t:.-]*((?-i:[A-HJ-PR-Ya-hj-pr-y]{2})(?:0[2-9]|[12]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Za-hj-pr-z]{3})(?-u:\b)",
    )
    .expect("valid regex")
});
/// A bank account's last digits by the words before them: "account
/// ending 6620", "a/c ending in 0917".
static ACCOUNT_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:account|a/c|acct)[ \t]+(?:no\.?[ \t]+|number[ \t]+)?ending(?:[ \t]+in)?[ \t:]*(\d{4})(?-u:\b)")
        .expect("valid regex")
});
/// A payment card's last digits by the words before them: "card ending
/// 4471", "card ending in 8823", "last four digits 1234", "ending in
/// xxxx 0921".
static CARD_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:card[ \t]+(?:no\.?[ \t]+|number[ \t]+)?ending(?:[ \t]+in)?|ending[ \t]+in|last[ \t]+(?:4|four)(?:[ \t]+digits)?)[ \t:]*((?:[x*][ \t-]*){0,16}\d{4})(?-u:\b)")
        .expect("valid regex")
});
/// A year alone as a date of birth, or a month and a year, by the word
/// before it: "DOB approx 1994", "born 1951", "YOB: 1988", "born 09/2020".
static BIRTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:dob|d\.o\.b\.?|yob|year[ \t]+of[ \t]+birth|date[ \t]+of[ \t]+birth|born(?:[ \t]+in)?)[ \t:.-]*(?:(?:approx\.?|approximately|about|around|circa|c\.|est\.?|unknown[ \t,-]+|roughly)[ \t]*)?)((?:(?:0?[1-9]|1[0-2])/)?(?:19|20)\d\d)(?-u:\b)")
        .expect("valid regex")
});
/// An NI number the text calls one, whatever its letters ("NI QR 98 76 54
/// B": a prefix no NI number has is a typing slip, not a reason to leave
/// it).
static CUED_NI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:ni|nino|n\.i\.|national[ \t]+insurance)(?:[ \t]+(?:no\.?|number|num))?[ \t:.-]*((?-i:[A-Z]{2})[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?(?-i:[A-D]))(?-u:\b)")
        .expect("valid regex")
});
/// A tenancy's or a rent account's reference the text calls one, a
/// person's whoever holds it: "Tenancy ref: CA/FL/30077", "Rent account
/// 6630144512", "tenant ref C-104412" (a digit in it), "Tenancy ref
/// (deceased): EH-0019338", "tenancy number was CH-T-0019827"; after "acc" or
/// "a/c" only a code of letters and parts ("acc GHM-9HL-02"), as eight
/// digits there are a bank's account.
static TENANCY_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tenancy|tenant|rent|customer)(?:[ \t]+(?:ref|reference|no\.?|number|id|account))+(?:[ \t]*\([^()\n]{1,20}\))?(?:[ \t]+(?:was|is))?[ \t]*[:.#]?[ \t]*((?-i:[A-Z0-9][A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)*))(?-u:\b)")
        .expect("valid regex")
});
/// A tenancy's code straight after the word, with no "ref" between:
/// "tenancy OCH-T-55210" (capitals, then parts after dashes or slashes).
static TENANCY_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tenancy|tenant)[ \t]+((?-i:[A-Z]{1,4}(?:[/-][A-Z0-9]+)+))(?-u:\b)")
        .expect("valid regex")
});
/// A Police National Computer ID after its name: "PNC: 11/339817Q".
static PNC_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)PNC(?:[ \t]+(?i:no\.?|number|id|ref))?[ \t]*[:#]?[ \t]*(\d{2}/\d{1,7}[A-Z])(?-u:\b)")
        .expect("valid regex")
});
/// A fob's, a permit's or a badge's number after its word: "fob
/// PT-0188", "permit CV-P-0920", "parking permit, number PP-0772".
static FOB_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:fob|permit|badge)(?:[ \t]+(?:no\.?|number|id))?[ \t]*[,:#]?[ \t]*(?:number[ \t]+)?((?-i:[A-Z0-9][A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)*))(?-u:\b)")
        .expect("valid regex")
});
/// A housing application's or register's number after its word, whoever
/// applied, and a member of staff's code: "app HC-118004", "Application
/// no. HR/2024/018833", "register no. HR-556120", "Agent ID MT-A-0294",
/// "Interviewer code: INT-044" (capitals and a digit).
static APPLICATION_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:app|application|applicant|register[ \t]+(?:no\.?|number|ref)|(?:agent|staff|interviewer|operator|employee)[ \t]+(?:id|code|no\.?|number))(?-u:\b)(?:[ \t]+(?:ref|reference|no\.?|number|id))*[ \t]*[:.#]?[ \t]*((?-i:[A-Z]{1,4}(?:[/-][A-Z]{1,4})*[/-]?[A-Z0-9]*\d[A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)*))(?-u:\b)")
        .expect("valid regex")
});
/// A right to rent's or right to work's share code, nine letters and
/// digits in threes after its words: "share code seen - W7K 4PZ 9QM".
static SHARE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)share[ \t]+code(?:[ \t]+(?:seen|given|provided|checked|is|was))?[ \t]*[:.,-]?[ \t]*((?-i:[A-Z0-9]{3}[ \t-]?[A-Z0-9]{3}[ \t-]?[A-Z0-9]{3}))(?-u:\b)")
        .expect("valid regex")
});
/// A UK visa application's number, "GWF" and nine digits.
static VISA_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(GWF\d{9})(?-u:\b)").expect("valid regex"));
/// A code after "acc" or "a/c" (see `TENANCY_REF`).
static ACCOUNT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:acc|a/c)(?-u:\b)[ \t]*[:.#]?[ \t]*((?-i:[A-Z][A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)+))(?-u:\b)")
        .expect("valid regex")
});
/// North American numbers ("(713) 853-4737", "713-345-4666") and numbers
/// dialled from abroad ("+1 713 853 4737", "011-49-221-71-58-195").
static FOREIGN_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\(\s?[2-9]\d{2}\s?\)[ \t]?|(?-u:\b)[2-9]\d{2}[-./])[2-9]\d{2}[-.][0-9]{4}(?-u:\b)|(?:\+|(?-u:\b)00|(?-u:\b)011[-. ]?)[1-9]\d{0,2}(?:[-. ]?\(?\d{1,4}\)?){2,6}(?-u:\b)",
    )
    .expect("valid regex")
});
/// A UK number written with a digit too many, in the groups a phone
/// number is written in: "01282 496 0117" (a five-digit code, three and
/// four digits). No valid number has that length, and nothing else is
/// grouped so: a slip of the writer's, still someone's line.
static PHONE_SLIP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)0[1-9]\d{3} \d{3} \d{4}(?-u:\b)").expect("valid regex"));

/// A UK phone number as OCR reads it, letters for some digits: "O77OO
/// 9OO2l8" (O for 0, l or I for 1).
static PHONE_MISREAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[0O][0-9OIl]{3,4}[ ]?[0-9OIl]{3}[ ]?[0-9OIl]{3,4}(?-u:\b)")
        .expect("valid regex")
});

static REFERENCE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:job|ref|reference|invoice|inv|order|ticket|incident|crime|po|receipt|booking)(?:[ \t]*(?:no|number|num|ref|reference)(?-u:\b))?[ \t.:#-]*$",
    )
    .expect("valid regex")
});

/// Every number-like finding in `text` (they may overlap each other and the
/// other recognisers' findings; the caller settles that).
///
/// `lines` are the lines of `text` that hold a digit, found once by the
/// caller for every number search.
pub fn find(text: &str, lines: &DigitLines<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in FOREIGN_PHONE.find_iter(text).map(Hit::from) {
        let digits = m.as_str().chars().filter(char::is_ascii_digit).count();
        // A UK number in international form is the identifiers' to find.
        let uk = m.as_str().starts_with("+44") || m.as_str().starts_with("0044");
        // "00918830 24/12/23": a log's call number running into a date.
        let into_a_date = text[m.end()..]
            .strip_prefix(['/', ':', '.'])
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
        if (10..=15).contains(&digits) && !uk && !into_a_date {
            out.push(finding(m, DataKind::Phone, 0.85));
        }
    }
    for m in lines.find(&PHONE_SLIP) {
        let within = |c: char| c.is_ascii_digit() || c == '/' || c == '-';
        let joined = text[..m.start()].ends_with(within) || text[m.end()..].starts_with(within);
        if !joined && !cued(&REFERENCE_CUE, text, m.start()) {
            out.push(finding(m, DataKind::Phone, 0.6));
        }
    }
    for m in lines.find(&PHONE_MISREAD) {
        let misread = m.as_str().contains(['O', 'I', 'l']);
        let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
        let read: String = m
            .as_str()
            .chars()
            .map(|c| match c {
                'O' => '0',
                'I' | 'l' => '1',
                c => c,
            })
            .collect();
        if misread && digits >= 5 && crate::identifiers::normalise_phone(&read).is_some() {
            out.push(finding(m, DataKind::Phone, 0.7));
        }
    }
    for m in lines.find(&NHS) {
        if valid_nhs(m.as_str()) {
            // One ten-digit number in eleven passes the check by chance.
            let confidence = if cued(&NHS_CUE, text, m.start()) {
                0.9
            } else if m.as_str().len() > 10 {
                0.6
            } else {
                0.3
            };
            out.push(finding(m, DataKind::NhsNumber, confidence));
        } else if m.as_str().len() == 12 && cued(&NHS_CUE, text, m.start()) {
            // "NHS 485 207 3316": written as an NHS number and called
            // one, a mistyped one is still the person's.
            out.push(finding(m, DataKind::NhsNumber, 0.8));
        }
    }
    for m in lines.find(&CARD) {
        if luhn(m.as_str()) {
            out.push(finding(m, DataKind::CardNumber, 0.85));
        }
    }
    for m in lines.find(&SORT_CODE) {
        if cued(&SORT_CODE_CUE, text, m.start()) || ACCOUNT_AFTER.is_match(&text[m.end()..]) {
            out.push(finding(m, DataKind::SortCode, 0.9));
        }
    }
    for m in lines.find(&ACCOUNT) {
        if cued(&ACCOUNT_CUE, text, m.start()) || cued(&SORT_CODE_BEFORE, text, m.start()) {
            out.push(finding(m, DataKind::AccountNumber, 0.85));
        }
    }
    for m in DATE.find_iter(text).map(Hit::from) {
        // "20-45-77 / 63019942": a sort code and its account, no date.
        if ACCOUNT_AFTER.is_match(&text[m.end()..]) {
            continue;
        }
        if cued(&BIRTH_CUE, text, m.start()) {
            out.push(finding(m, DataKind::DateOfBirth, 0.9));
        } else if listed_birth(text, m.start()) {
            out.push(finding(m, DataKind::DateOfBirth, 0.8));
        }
    }
    for m in lines.find(&MISREAD_DATE) {
        let misread = m.as_str().contains(['l', 'I', 'O']);
        if misread && cued(&BIRTH_CUE, text, m.start()) {
            out.push(finding(m, DataKind::DateOfBirth, 0.85));
        }
    }
    let mut tenancies = lines.groups(&TENANCY_REF);
    tenancies.extend(lines.groups(&TENANCY_CODE));
    tenancies.extend(lines.groups(&PNC_ID));
    tenancies.extend(lines.groups(&ACCOUNT_CODE));
    tenancies.extend(lines.groups(&FOB_REF));
    tenancies.extend(lines.groups(&APPLICATION_REF));
    tenancies.extend(lines.groups(&SHARE_CODE));
    tenancies.extend(lines.groups(&VISA_REF));
    for m in tenancies {
        let code = m.as_str();
        if (3..=24).contains(&code.len()) && code.bytes().any(|b| b.is_ascii_digit()) {
            out.push(finding(m, DataKind::RegisterNumber, 0.75));
        }
    }
    for (re, kind, confidence) in [
        (&CARD_ENDING, DataKind::CardNumber, 0.85),
        (&ACCOUNT_ENDING, DataKind::AccountNumber, 0.85),
        (&BIRTH_YEAR, DataKind::DateOfBirth, 0.8),
        (&CUED_NI, DataKind::NiNumber, 0.9),
    ] {
        out.extend(
            lines
                .groups(re)
                .into_iter()
                .map(|m| finding(m, kind, confidence)),
        );
    }
    for m in lines.find(&VEHICLE) {
        out.push(finding(m, DataKind::VehicleReg, 0.8));
    }
    // "M62 NOW", "A40 AND": a road and a word in capitals are no car.
    for m in lines.find(&PREFIX_VEHICLE) {
        let letters = &m.as_str()[m.as_str().len() - 3..];
        if !(super::lexicon::is_english(letters) || super::lexicon::is_common(letters)) {
            out.push(finding(m, DataKind::VehicleReg, 0.75));
        }
    }
    for c in NI_VEHICLE.captures_iter(text) {
        if let Some(m) = c.get(1) {
            out.push(finding(m.into(), DataKind::VehicleReg, 0.75));
        }
    }
    for c in CUED_VEHICLE.captures_iter(text) {
        if let Some(m) = c.get(1) {
            out.push(finding(m.into(), DataKind::VehicleReg, 0.8));
        }
    }
    out
}

/// The date at `start` is a date of birth by where it stands in a household
/// list: after the person's relation on its line ("Kieran Moss - son -
/// 12/03/2010"), in brackets after a relation and a name or after the
/// relation in them ("husband Dilip Parmar (11/02/1962)", "Daniel Ssempa
/// (son, 02/02/2007)"), after a name alone opening its line ("Keisha Brown,
/// 14/02/1992"), or under a column headed "DOB" or "Date of birth" (a line
/// of the same block, no blank line between, with no date of its own).
fn listed_birth(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let before = &text[line_start..start];
    if RELATION_BEFORE.is_match(before) || cued(&RELATION_BRACKETED, text, start) {
        return true;
    }
    let named = NAME_BEFORE.captures(before).is_some_and(|c| {
        let first = c[1].split_whitespace().next().unwrap_or_default();
        let bits = super::lexicon::Bits::of(first);
        bits.is_given() && !bits.is_common() && !bits.is_month_or_day()
    });
    if named {
        return true;
    }
    // The heading: the lines above in the same block, nearest first.
    for line in text[..line_start].lines().rev().take(12) {
        if line.trim().is_empty() {
            break;
        }
        if BIRTH_HEADING.is_match(line) && !DATE.is_match(line) {
            return in_birth_column(line, &text[line_start..], start - line_start);
        }
    }
    false
}

/// Whether the date at `at` of `row` stands under a table's heading of
/// births: when the heading and the row part their cells by the same
/// mark, the heading's cell above the date must name the birth ("dob",
/// not "start_date" of "…,dob,ni_number,…,start_date"); a heading of no
/// columns covers the block.
fn in_birth_column(heading: &str, row: &str, at: usize) -> bool {
    use super::register::{cells, Parting, MARKS};
    let row = row.split('\n').next().unwrap_or_default();
    let Some(mark) = MARKS
        .into_iter()
        .find(|&c| heading.contains(c) && row.contains(c))
    else {
        return true;
    };
    let parting = Parting::By(mark);
    let Some(column) = cells(row, parting)
        .iter()
        .position(|&(s, e)| s <= at && at < e.max(s + 1))
    else {
        return true;
    };
    cells(heading, parting)
        .get(column)
        .is_some_and(|&(s, e)| BIRTH_HEADING.is_match(&heading[s..e]))
}

/// The number at `start` is a job, invoice or order reference, so not a
/// phone, NHS, card or bank number: "Job ref 123 456 7890", "Ref: 0161…".
pub fn is_reference(text: &str, start: usize) -> bool {
    cued(&REFERENCE_CUE, text, start)
}

/// `cue` matches the few dozen bytes of `text` just before `start`.
fn cued(cue: &Regex, text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    cue.is_match(&text[from..start])
}

/// A regex match as a finding of `kind`.
pub(super) fn finding(m: Hit<'_>, kind: DataKind, confidence: f32) -> Finding {
    Finding {
        start: m.start(),
        end: m.end(),
        kind,
        text: m.as_str().to_string(),
        confidence,
    }
}

fn digits(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// NHS numbers: ten digits, the last a mod-11 check of the first nine.
pub fn valid_nhs(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 10 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    match 11 - sum % 11 {
        11 => d[9] == 0,
        10 => false,
        check => d[9] == check,
    }
}

/// Card numbers: 13 to 19 digits passing the Luhn check.
pub fn luhn(s: &str) -> bool {
    let d = digits(s);
    if !(13..=19).contains(&d.len()) || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

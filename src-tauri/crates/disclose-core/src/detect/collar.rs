//! The numbers that stand for an officer or a worker: a police officer's
//! collar number beside their rank and name ("PC Naylor, 3318", "PCSO
//! Wood (number 7723)", "DC 6614", "collar number 2247") and a tradesman's
//! registration or operative number ("Gas Safe ID 4412087", "(op. PL17)")
//! and a professional's registration number ("HCPC OT61422", "GMC 7045128")
//! or a door supervisor's SIA licence ("SIA 1014 2201 8837 4410").
//! Found as part of the person's name (`person_name`), as "PC 1123 Wragg"
//! is one name.

use std::sync::LazyLock;

use regex::Regex;

use super::Finding;

/// "collar number 1052", "shoulder no. 4438", "warrant number: 77120",
/// "his collar number is 3307", "(collar 2217)", with a force's letters
/// before or after the digits ("collar WY2217", "shoulder no. 4471MS").
static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:collar|shoulder|warrant|badge)(?:[ \t]+(?:number|no\.?|num|#))?[ \t]*(?::|is|was)?[ \t]*(?:(?-i:PCSO|PC)[ \t]*)?((?-i:[A-Z]{0,2})\d{3,7}(?-i:[A-Z]{0,2}))(?-u:\b)")
        .expect("valid regex")
});

/// Police ranks, as a collar number's rule reads them before a name and
/// a name found may open with.
pub(super) const RANKS: &[&str] = &[
    "PCSO",
    "PC",
    "DC",
    "DS",
    "DI",
    "Sgt",
    "SGT",
    "Insp",
    "INSP",
    "Constable",
    "Sergeant",
];

/// A rank, then up to three words of a name (the first on the next line
/// too), then the number (after a comma, on the next line too, the rank
/// again before it): "PC
/// Naylor,\n3318", "PC Harjinder Johal (5632)", "pc dawson, number 5521",
/// "PCSO Wood (number 7723)", "PC HARRIS 08812", "DC 6614", "PCSO 4461
/// Dawn", "Constable Gareth Hamill 8813", "PC Ruth Greenwood PC 3381", a
/// Met officer's "PC 781AN". A force's letters may lead the
/// number ("PC O'Hare SX482", "PC Jack Wainwright HC 31109"), so a name's
/// word is not one or two capitals alone.
static RANKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?:(?:{0})\.?(?:(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z](?:[a-z'’-][A-Za-z'’-]*|[A-Z][A-Za-z'’-]+))?(?:[ \t]+[A-Z](?:[a-z'’-][A-Za-z'’-]*|[A-Z][A-Za-z'’-]+)){{0,2}}|(?:pcso|pc|sgt)(?:[ \t]+[a-z][a-z'’-]+)?)(?:[ \t]*,\s*|[ \t]*\([ \t]*|[ \t]+)(?:(?:collar[ \t]+)?(?:number|no\.?|num)[ \t]*:?[ \t]*)?(?:(?:{0})[ \t]+)?((?:[A-Z]{{1,2}}[ \t]?)?\d{{3,6}}(?:[A-Z]{{2}})?)(?-u:\b)", RANKS.join("|")))
        .expect("valid regex")
});

/// "Gas Safe ID 4412087", "Gas Safe ID card no: 4419873" (an engineer's licence card; a firm's "Gas Safe
/// reg 552109" is the firm's), "(op. PL17)", "(op 4471)", "operative no.
/// EL09", "staff ID 20817", "staff no\nE44190", "Language Line ID 44512",
/// a hospital worker's "bleep 4471".
static WORKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\(op|(?-u:\b)(?:gas[ \t]+safe[ \t]+(?:id|licen[cs]e|card)(?:[ \t]+card)?(?:[ \t]+(?:no\.?|number))?|op\.|operative[ \t]+(?:id|no\.?|number)|(?:engineer|staff|employee|payroll)[ \t]+(?:id|no\.?|number)|language[ \t]+line[ \t]+id|interpreter[ \t]+(?:id|no\.?|number)|bleep|pager))[ \t]*:?[ \t]*\n?[ \t]*([A-Z]{0,3}\d{2,8})(?-u:\b)")
        .expect("valid regex")
});

/// A staff number with the words that say so, found whole: "staff
/// 20871", "employee no. 210447", "service no. 7731" (a firefighter's),
/// "payroll NB07731", "bailiff no. CCB 118".
static STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:staff|employee|payroll)(?:[ \t]?(?:id|no\.?|number))?|(?:service|bailiff)[ \t]+(?:no\.?|number))[ \t]*:?[ \t]*(?-i:[A-Z]{0,3})[ \t-]?\d{3,8}(?-u:\b)")
        .expect("valid regex")
});

/// A technician's, volunteer's, agent's or driver's number, letters and
/// hyphens too ("tech no. T-27", "vol ID V-221", "Agent ID MT-A-0294"),
/// and a worker's ID alone in brackets after their name ("(ID SV009)").
/// (An interpreter's agency number with letters, "Language Line ID
/// LL-41877", the sets call the agency's.)
static WORKER_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?i:(?-u:\b)(?:tech|technician|vol|volunteer|agent|driver)[ \t]+(?:id|no\.?|number))|\(ID)[ \t]*:?[ \t]*((?:[A-Z]{1,3}-){0,2}[A-Z]{0,3}\d{2,8})(?-u:\b)")
        .expect("valid regex")
});

/// A professional's registration with their regulator: "HCPC OT61422",
/// "GMC 7045128", "NMC PIN 12A3456E", "SWE SW104421", "BPCA reg BPC-20887",
/// "HCPC reg OT68422", a pest technician's "BPCA cert BPCA-44712" (not a
/// gas engineer's Gas Safe number, which the sets label both ways: a
/// firm's and an engineer's).
static REGISTERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hcpc|gmc|gphc|swe|social[ \t]+work[ \t]+england|nmc(?:[ \t]+pin)?|bpca[ \t]+(?:reg(?:istration)?|cert(?:ificate)?))(?:[ \t]+reg(?:istration|\.)?(?:[ \t]+(?:no\.?|number))?|[ \t]+(?:no\.?|number))?[ \t]*:?[ \t]*([A-Z]{0,4}-?\d{2,8}[A-Z]?|\d{2}[A-Z]\d{4}[A-Z])(?-u:\b)")
        .expect("valid regex")
});

/// A door supervisor's or CCTV operator's Security Industry Authority
/// licence, sixteen digits: "SIA 1014 2201 8837 4410", "SIA licence no.
/// 1016552300419982".
static SIA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)sia(?:[ \t]+(?:licen[cs]e|badge|card))?(?:[ \t]+(?:no\.?|number))?[ \t]*:?[ \t]*(\d{4}[ \t]?\d{4}[ \t]?\d{4}[ \t]?\d{4})(?-u:\b)")
        .expect("valid regex")
});

/// What a number after a rank's words must not be: a time, a date, an
/// amount or a count ("PC Ellis at 1400 hrs", "PC Ellis 2024 report").
static NOT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[:./\-]\d|[ \t]*(?:hrs|hours|am|pm|h)(?-u:\b))").expect("valid regex")
});

/// The officers' and workers' numbers in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let cheap = [
        "pc",
        "dc",
        "ds ",
        "sgt",
        "constable",
        "sergeant",
        "collar",
        "shoulder",
        "warrant",
        "badge",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let worker = [
        "gas safe",
        "op.",
        "(op",
        "operative",
        "language line",
        "interpreter",
        "engineer",
        "staff",
        "employee",
        "tech",
        "vol",
        "agent",
        "driver",
        "(id",
        "payroll",
        "service",
        "bailiff",
        "bleep",
        "pager",
        "hcpc",
        "gmc",
        "gphc",
        "nmc",
        "swe",
        "social work england",
        "bpca",
        "sia",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if !cheap && !worker {
        return out;
    }
    let mut push = |start: usize, end: usize| {
        if NOT_AFTER.is_match(&text[end..]) {
            return;
        }
        let n = &text[start..end];
        // The number from its first digit: "PC 2019" and "staff 2024" hold a year.
        if a_year(&n[n.find(|c: char| c.is_ascii_digit()).unwrap_or(n.len())..]) {
            return;
        }
        out.push(Finding::person(text, start, end, 0.8));
    };
    if cheap {
        for re in [&SAID, &RANKED] {
            for c in re.captures_iter(text) {
                let n = c.get(1).expect("group");
                push(rank_just_before(text, n.start()), n.end());
            }
        }
    }
    if worker {
        for c in WORKER
            .captures_iter(text)
            .chain(WORKER_CODE.captures_iter(text))
            .chain(REGISTERED.captures_iter(text))
            .chain(SIA.captures_iter(text))
        {
            let n = c.get(1).expect("group");
            push(n.start(), n.end());
        }
        for m in STAFF.find_iter(text) {
            push(m.start(), m.end());
        }
    }
    out
}

/// Whether `number` is a year of these centuries, not someone's number:
/// four digits beginning "19" or "20".
pub(super) fn a_year(number: &str) -> bool {
    number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && (number.starts_with("19") || number.starts_with("20"))
}

/// Where a collar number's finding starts: at the rank written just
/// before the number ("PC 5501", "PCSO 6620"), else at the number.
fn rank_just_before(text: &str, number: usize) -> usize {
    let before = text[..number].trim_end_matches([' ', '\t']);
    RANKS
        .iter()
        .find(|r| {
            before.ends_with(*r)
                && before.len() < number
                && !before[..before.len() - r.len()].ends_with(|c: char| c.is_alphanumeric())
        })
        .map_or(number, |r| before.len() - r.len())
}

/// Runs a ranked name that took in a force's letters before the
/// officer's number on to the number's end ("PC O'Hare SX482"), so the
/// two are one finding.
pub fn run_on(text: &str, names: &mut [Finding], collars: &[Finding]) {
    for n in names.iter_mut() {
        let ranked = n
            .text
            .split([' ', '.'])
            .next()
            .is_some_and(|w| RANKS.contains(&w));
        let number = collars
            .iter()
            .find(|c| c.start > n.start && c.start < n.end && c.end > n.end);
        if let Some(end) = number.filter(|_| ranked).map(|c| c.end) {
            n.end = end;
            n.text = text[n.start..end].to_string();
        }
    }
}

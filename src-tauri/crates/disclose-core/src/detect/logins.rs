//! Login names, which name one person as surely as a written name: the
//! user's folder in a file path ("C:\Users\jsmith\Documents", "/home/kdawson/
//! notes"), the value after "Username:", "User name:", "Login:" or "User ID:"
//! ("CORP\jsmith" gives "jsmith"), and the mailbox of an Exchange address
//! ("/O=LANDLORD/OU=EXCHANGE/CN=RECIPIENTS/CN=JSMITH"), and a folder of any
//! drive or network path named as logins are, an initial and a known surname
//! ("O:\Legal\Sbailey\Contracts", "\\fs01\shares\jsmith\"), a login after
//! "printed by" or "prepared by" ("Printed by sfoley") or after "user"
//! ("(user KBAINS)", "user TQ77"), a login behind its domain
//! ("CL24\ANWAR.S", with every place it stands alone again), and a login in
//! brackets, as case notes and call records sign a line ("03/10/24 [glyons1]
//! Tel call …", "Agent: Hollie Grant (hgrant)"), and one alone in a
//! table's cell (",kmcbride,"). Found as person
//! names. Built-in and shared accounts ("Public", "Administrator", "root")
//! and ordinary words after a label ("Login: required") are not.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon as lex;
use super::{DataKind, Finding};

/// The folder after a user folder: `C:\Users\`, `C:\Documents and
/// Settings\`, `\\server\home\`, `/home/`, `/Users/`.
static PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)[a-z]:[\\/]|\\\\[a-z0-9_.$-]+\\)(?:users|documents and settings|home)[\\/](?:([a-z][a-z0-9._ -]{0,38}[a-z0-9])[\\/]|([a-z][a-z0-9._-]{0,39})(?-u:\b))|(?:^|[\s'(<\[=]|file://)/(?:home|users)/([a-z][a-z0-9._-]{0,39})(?-u:\b)",
    )
    .expect("valid regex")
});

/// What every match of [`PATH`] holds. Without a word boundary the regex
/// engine's fast automaton runs on any text, so a text without it is passed
/// over quickly (the boundaries of `PATH` send the engine to its slow path
/// on text with non-ASCII characters).
static PATH_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:users|documents and settings|home)[\\/]").expect("valid regex")
});

/// A folder of a drive or network path: `O:\Legal\Sbailey\`, `\\fs01\jsmith\`.
static FOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)[a-z]:|\\\\[a-z0-9_.$-]+)\\(?:[^\\/:*?<>|\r\n]{1,64}\\)*[a-z]{5,16}(?-u:\b)")
        .expect("valid regex")
});

/// A login after its label, with an optional domain before a backslash.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:user[ \t]?name|user[ \t]?id|login(?:[ \t]name|[ \t]id)?|log[ \t]?on(?:[ \t]name)?|account[ \t]name|windows[ \t]login)[ \t]*[:=][ \t]*(?:[a-z0-9_.-]+\\)?([a-z][a-z0-9._-]{1,39})",
    )
    .expect("valid regex")
});

/// A login after a word of printing, exporting or recording and "by", as
/// a system's report footer or a note's line signs it: "Printed by sfoley
/// 14/02/2024", "prepared by tjones for SAR", "Exported 03/05/2024 by
/// kdawson2", "exported from CarePath 14/05/2024 by rkerr", "transcribed
/// by mwatson3".
static PRINTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:printed|prepared|exported|generated|produced|extracted|run|transcribed|scanned|uploaded|captured|taken|entered|logged|amended|verified|approved|indexed|raised|created|modified|updated|edited|closed|assigned|deleted|reviewed|archived|merged):?(?:[ \t]+(?:from|in|on|via|to|for)[ \t]+[A-Za-z][A-Za-z0-9-]{1,24})?(?:[ \t]+\d{1,2}/\d{1,2}/\d{2,4})?(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+by[ \t:]+((?-i:[a-z][a-z]{3,29}\d{0,3}|[a-z]\.[a-z]{2,20}(?:-[a-z]{2,20})?))(?-u:\b)",
    )
    .expect("valid regex")
});

/// A login after the word "user" and a space, as a note names the
/// account that did something: "(user KBAINS)", "user TQ77", "by user
/// jdoe_2".
static USER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:user|User|USER)[ \t]+([A-Za-z][A-Za-z0-9_]{2,24})(?-u:\b)")
        .expect("valid regex")
});

/// A login behind its domain and a backslash, as a system prints who ran
/// a report: "user LRH\mwood2", "Printed by: CL24\ANWAR.S". Found with
/// its domain; not a folder of a path (no backslash after it).
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(:'\x22\[])((?:[A-Z][A-Z0-9]{1,14})\\([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)?))(?:$|[^\\A-Za-z0-9_.-]|\.(?:$|[^A-Za-z0-9]))")
        .expect("valid regex")
});

/// The mailbox of an Exchange (X.500) address: the last `CN=` after
/// `CN=RECIPIENTS`.
static EXCHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/o=[^/<>\n]+(?:/ou=[^/<>\n]+)*/cn=recipients/cn=([a-z0-9][a-z0-9._-]{1,63})")
        .expect("valid regex")
});

/// Accounts of no one person.
const SHARED: &[&str] = &[
    "public",
    "default",
    "default user",
    "defaultuser0",
    "all users",
    "administrator",
    "admin",
    "root",
    "guest",
    "shared",
    "user",
    "users",
    "owner",
    "system",
    "localservice",
    "networkservice",
    "service",
    "test",
    "none",
    "unknown",
    "anonymous",
];

pub fn find(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let paths = PATH_HINT.is_match(text).then(|| PATH.captures_iter(text));
    for c in paths.into_iter().flatten() {
        if let Some(m) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)) {
            push(text, m.start(), m.end(), 0.75, &mut out);
        }
    }
    // Drive letters and network paths hold a backslash; most texts none.
    let folders = text.contains('\\').then(|| path_folders(text));
    for (start, end) in folders.into_iter().flatten() {
        push(text, start, end, 0.7, &mut out);
    }
    for c in LABELLED.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        // An e-mail address is found as one; an ordinary word ("Login:
        // required") is no login.
        let address = text[m.end()..].starts_with('@');
        let word = lex::is_english(m.as_str()) || lex::is_common(m.as_str());
        let plain = m.as_str().chars().all(char::is_alphabetic);
        if !(address || word && plain) {
            push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    for c in USER.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        if login_shaped(m.as_str()) && !glued_after(text, m.end()) {
            push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    for c in PRINTED_BY.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        let login = m.as_str().trim_end_matches(|c: char| c.is_ascii_digit());
        if initial_and_surname(login) || initial_dot_surname(login) {
            push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    for c in EXCHANGE.captures_iter(text) {
        if let Some(m) = c.get(1) {
            push(text, m.start(), m.end(), 0.8, &mut out);
        }
    }
    for (start, end) in bracketed(text).into_iter().chain(cells(text)) {
        push(text, start, end, 0.7, &mut out);
    }
    let domains = text.contains('\\').then(|| DOMAIN.captures_iter(text));
    for c in domains.into_iter().flatten() {
        let (whole, login) = (c.get(1).expect("group"), c.get(2).expect("group"));
        // After "Username:" the login alone is found (see `LABELLED`).
        let labelled = out.iter().any(|f| f.start == login.start());
        if !labelled && (login_shaped(login.as_str()) || login.as_str().contains('.')) {
            push(text, whole.start(), whole.end(), 0.75, &mut out);
            out.extend(login_again(text, login.as_str(), whole.start()));
        }
    }
    out
}

/// Every other place a login printed behind its domain stands alone in
/// `text`: "ANWAR.S" in an operator's column after "CL24\ANWAR.S".
pub(super) fn login_again(text: &str, login: &str, first: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(login).filter(|&(at, _)| at != first) {
        let end = at + login.len();
        let alone_before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || "\\._@".contains(c)));
        let alone_after = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if alone_before && alone_after && !glued_after(text, end) {
            push(text, at, end, 0.7, &mut out);
        }
    }
    out
}

/// Whether the word ending at `end` runs on into an e-mail or a web
/// address: an "@", or a full stop with a letter or digit after it.
fn glued_after(text: &str, end: usize) -> bool {
    let rest = &text.as_bytes()[end..];
    rest.first() == Some(&b'@')
        || rest.first() == Some(&b'.') && rest.get(1).is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether a word after "user" is shaped as a login: letters of one case
/// with digits or an underscore ("TQ77", "jdoe_2"), or five or more
/// capitals or small letters that are no word ("KBAINS", "jdoes"; not
/// "GUIDE", "accounts", nor an abbreviation's "CCTV").
fn login_shaped(word: &str) -> bool {
    let letters: String = word.chars().filter(char::is_ascii_alphabetic).collect();
    let marked = letters.len() < word.len();
    let upper = letters.bytes().all(|b| b.is_ascii_uppercase());
    let lower = letters.bytes().all(|b| b.is_ascii_lowercase());
    let word_like = lex::is_english(&letters) || lex::is_common(&letters);
    (upper || lower) && !letters.is_empty() && (marked || letters.len() >= 5 && !word_like)
}

/// Logins alone in a table's cell, as a system's export lists who did
/// each thing: ",kmcbride," of a CSV row, "| rtorres |" — lower case, an
/// initial and a surname the lists hold, perhaps with digits.
fn cells(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, b) in text.bytes().enumerate().chain([(text.len(), b'\n')]) {
        if !matches!(b, b',' | b'|' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        let delimited = at < text.len() && b != b'\n' && b != b'\r'
            || start > 0 && matches!(text.as_bytes()[start - 1], b',' | b'|' | b'\t');
        let cell = &text[start..at];
        // A CSV's quotes are no part of its cell ("jrowlands").
        let word = cell.trim_matches([' ', '\t', '"']);
        let lead = cell.len() - cell.trim_start_matches([' ', '\t', '"']).len();
        start = at + 1;
        if !delimited || !(5..=23).contains(&word.len()) {
            continue;
        }
        let login = word.trim_end_matches(|c: char| c.is_ascii_digit());
        if word.len() - login.len() <= 3
            && login.bytes().all(|c| c.is_ascii_lowercase())
            && initial_and_surname(login)
        {
            let from = at - cell.len() + lead;
            out.push((from, from + word.len()));
        }
    }
    out
}

/// Logins alone in brackets: "[glyons1]", "(mkhan2)", "(hgrant)" — lower
/// case, an initial and a surname the lists hold, and digits or no word
/// ("[sic]", "(thanks)", "(smiles)" are none); or the initial and surname
/// of the name just before ("Hollie Grant (hgrant)"), surname a word or not.
fn bracketed(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|&b| b == b'[' || b == b'(') {
        let open = at + k;
        at = open + 1;
        let close = if bytes[open] == b'[' { b']' } else { b')' };
        let len = bytes[at..]
            .iter()
            .take(22)
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .count();
        if !(5..=20).contains(&len) || bytes.get(at + len) != Some(&close) {
            continue;
        }
        let login = &text[at..at + len];
        let letters = login.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = login.len() - letters.len();
        if letters.len() < 4 || digits > 3 || !letters.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let rest = &letters[1..];
        let listed = lex::is_surname(rest)
            && !lex::is_english(letters)
            && !lex::is_common(letters)
            && (digits > 0 || !lex::is_english(rest) && !lex::is_common(rest));
        if listed || initial_and_name_before(&text[..open], letters) {
            out.push((at, at + len));
        }
    }
    out
}

/// Whether `before` ends with a given name and a surname whose initial and
/// surname spell `letters`: "Hollie Grant " and "hgrant".
fn initial_and_name_before(before: &str, letters: &str) -> bool {
    let mut words = before.trim_end().rsplit(' ');
    let (Some(surname), Some(given)) = (words.next(), words.next()) else {
        return false;
    };
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    capitalised(surname)
        && capitalised(given)
        && letters.len() == surname.len() + 1
        && letters[1..].eq_ignore_ascii_case(surname)
        && given[..1].eq_ignore_ascii_case(&letters[..1])
}

/// The folders of drive and network paths in `text` named as logins are:
/// an initial and a known surname that is no word ("Sbailey", "jsmith").
fn path_folders(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in FOLDER.find_iter(text) {
        // Every folder of the path, not only the last one the pattern took.
        let mut at = m.start();
        for part in m.as_str().split('\\') {
            let (start, end) = (at, at + part.len());
            at = end + 1;
            if start > m.start() && initial_and_surname(part) {
                out.push((start, end));
            }
        }
    }
    out
}

/// "Sbailey", "jsmith", "KDAWSON", "jrowlands": one letter, then a surname
/// in the lists (or one and an "s") that is no English word, the whole no
/// word either.
pub(super) fn initial_and_surname(folder: &str) -> bool {
    if folder.len() < 5 || !folder.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let rest = &folder[1..];
    let one_case = rest.chars().all(|c| c.is_ascii_lowercase())
        || folder.chars().all(|c| c.is_ascii_uppercase());
    // Welsh surnames add an "s" to a name the lists hold: "Rowlands".
    let listed =
        lex::is_surname(rest) || rest.strip_suffix(['s', 'S']).is_some_and(lex::is_surname);
    one_case
        && listed
        && !lex::is_english(rest)
        && !lex::is_common(rest)
        && !lex::is_english(folder)
        && !lex::is_common(folder)
}

/// A login of an initial, a full stop and a surname the lists hold, one
/// part of it if the surname is double ("d.roper", "r.osei-bonsu"); not
/// one whose parts are English words ("a.team").
fn initial_dot_surname(login: &str) -> bool {
    let Some((initial, surname)) = login.split_once('.') else {
        return false;
    };
    let parts = || surname.split('-');
    initial.len() == 1
        && parts().any(lex::is_surname)
        && !parts().any(|p| lex::is_english(p) || lex::is_common(p))
}

/// Logins spelt from a person named in the text, wherever they stand: the
/// initial and surname of "Kathleen Brennan" or "L Roberts", in lower case
/// or capitals, perhaps with up to three digits ("OUT kbrennan:", "agent ID
/// bkent01", "generated by lroberts", "SKHALID2"); the surname and initial
/// ("JONESK"), all three initials' letters ("tjmorris"), or the initial and
/// the surname's first letters ("SCART" of Sophie Cartwright, "JRED3" with
/// digits); behind a team's letters and an underscore ("HO_JCLARK" of
/// "Clark, Jenna", "u_bwalker"); with a full stop, the initial and the
/// surname or the given name and the surname's initial ("p.gotts",
/// "ceinwen.h"). A spelling that is an English word is left.
pub fn of_names(text: &str, names: &[Finding]) -> Vec<Finding> {
    // Each name's words as logins spell them, worked out once.
    let named: Vec<Vec<String>> = names
        .iter()
        .filter(|n| n.kind == DataKind::PersonName)
        .map(|n| login_words(&n.text))
        .collect();
    // Each spelling, with whether every name spelt so needs digits after it.
    let mut spelt: HashMap<String, bool> = HashMap::new();
    for (login, needs_digits) in named.iter().flat_map(|words| spellings(words)) {
        *spelt.entry(login).or_insert(needs_digits) &= needs_digits;
    }
    let mut out = dotted_of_names(text, &named);
    if spelt.is_empty() {
        return out;
    }
    let bytes = text.as_bytes();
    let word_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() || at > 0 && word_byte(&bytes[at - 1]) {
            at += 1;
            continue;
        }
        let len = bytes[at..].iter().take_while(|b| word_byte(b)).count();
        let word = &text[at..at + len];
        at += len;
        // A team's letters before an underscore: "HO_", "u_", "dpo_".
        let core = match word.split_once('_') {
            Some((team, rest)) if (1..=5).contains(&team.len()) => rest,
            _ => word,
        };
        let letters = core.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = core.len() - letters.len();
        let one_case = letters.bytes().all(|b| b.is_ascii_lowercase())
            || letters.bytes().all(|b| b.is_ascii_uppercase());
        if digits > 3 || !one_case || glued_after(text, at) || letters.len() < 4 {
            continue;
        }
        let lower = letters.to_ascii_lowercase();
        let matched = spelt
            .get(&lower)
            .is_some_and(|&needs_digits| digits > 0 || !needs_digits);
        if matched && !lex::is_english(&lower) && !lex::is_common(&lower) {
            let from = at - len;
            push(text, from, from + len, 0.7, &mut out);
        }
    }
    out
}

/// The logins a name (its `login_words`) may be spelt as, lower case,
/// each with whether it needs digits after it to be taken for one.
fn spellings(words: &[String]) -> Vec<(String, bool)> {
    let (Some(given), Some(surname)) = (words.first(), words.last()) else {
        return Vec::new();
    };
    if words.len() < 2 || surname.len() < 3 {
        return Vec::new();
    }
    let initial = &given[..1];
    let mut out = vec![
        (format!("{initial}{surname}"), false),
        (format!("{surname}{initial}"), false),
    ];
    if words.len() == 3 {
        out.push((format!("{initial}{}{surname}", &words[1][..1]), false));
    }
    // The surname's first letters: four or more alone, three with digits.
    for cut in 3..surname.len() {
        out.push((format!("{initial}{}", &surname[..cut]), cut == 3));
    }
    out
}

/// The logins with a full stop a name may be spelt as, lower case: the
/// initial and the surname ("p.gotts" of Philippa Gotts), the given name
/// and the surname's initial ("ceinwen.h" of Ceinwen Hughes).
fn dotted_spellings(words: &[String]) -> Vec<String> {
    let (Some(given), Some(surname)) = (words.first(), words.last()) else {
        return Vec::new();
    };
    if words.len() < 2 || surname.len() < 3 || given.len() < 3 {
        return Vec::new();
    }
    vec![
        format!("{}.{surname}", &given[..1]),
        format!("{given}.{}", &surname[..1]),
    ]
}

/// A word, a full stop and a word, as dotted logins are written.
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Za-z][A-Za-z]{0,19}\.[A-Za-z][A-Za-z]{0,29}(?-u:\b)")
        .expect("valid regex")
});

/// The dotted logins of the people named in `text` (each name's
/// `login_words`), wherever they stand alone ("Last edited by p.gotts",
/// "Received: ceinwen.h"), not in an e-mail or a web address.
fn dotted_of_names(text: &str, named: &[Vec<String>]) -> Vec<Finding> {
    let spelt: std::collections::HashSet<String> = named
        .iter()
        .flat_map(|words| dotted_spellings(words))
        .collect();
    let mut out = Vec::new();
    if spelt.is_empty() || !text.contains('.') {
        return out;
    }
    for m in DOTTED.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let clear_before = before.is_none_or(|c| !(c.is_alphanumeric() || "._@/\\".contains(c)));
        if clear_before
            && !glued_after(text, m.end())
            && spelt.contains(&m.as_str().to_ascii_lowercase())
        {
            push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    out
}

/// The words of a name as logins spell them: lower-case letters, titles
/// left out, surname last ("Clark, Jenna" is Jenna Clark).
fn login_words(name: &str) -> Vec<String> {
    // "Clark, Jenna" is Jenna Clark.
    let (surname_first, rest) = match name.split_once(',') {
        Some((surname, given)) => (Some(surname), given),
        None => (None, name),
    };
    let mut words: Vec<String> = rest
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !lex::is_title(w))
        .map(|w| {
            w.chars()
                .map(plain_letter)
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if let Some(surname) = surname_first {
        let surname: String = surname
            .chars()
            .map(plain_letter)
            .filter(char::is_ascii_alphabetic)
            .collect();
        words.push(surname.to_ascii_lowercase());
    }
    words
}

/// A letter with an accent as a login spells it, without: "Sørensen" is
/// "sorensen", "Wróbel" "wrobel", as the name lists fold them, and Welsh
/// "ŵ" and "ŷ" too.
fn plain_letter(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'ŵ' => 'w',
        'ŷ' => 'y',
        lower => lex::without_accent(lower),
    }
}

pub(super) fn push(text: &str, start: usize, end: usize, confidence: f32, out: &mut Vec<Finding>) {
    let login = &text[start..end];
    if SHARED.contains(&login.to_lowercase().as_str()) {
        return;
    }
    out.push(Finding::person(text, start, end, confidence));
}

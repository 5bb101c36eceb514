//! Logins and chat handles known without a label, by how they are spelt or
//! where they stand: a given name, or an initial and a surname, joined to
//! more by a full stop or an underscore ("dave.ogden: morning", "ryan.b",
//! "akhan.ccH", "gparry_lbs"); an initial run into a surname the lists
//! hold ("Teams chat SMistry/KMcNamara"); the login a log writes after its
//! line's date ("05/03/24 mwatson3   Review form returned", "2024-02-05
//! 09:40  rmacleod   added note", "14/05/24 KHOLLINS  Tenancy Support",
//! one space before the note if it spells initials and a surname); and the
//! value of a key that names who did a thing in a system's export
//! ("closed_by": "pzielinski.aquaflow", "user_id":"staff:nbarker"), found
//! again wherever it stands alone. Found as person names, as `logins` finds
//! the labelled ones.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon as lex;
use super::logins;
use super::Finding;

/// Words joined by full stops or underscores, as handles are written.
static JOINED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z][a-z']*(?:[._][A-Za-z0-9]+){1,2}").expect("valid regex"));

/// An initial run into a capitalised surname ("SMistry", "KMcNamara").
static RUN_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Z][A-Z](?:[a-z]{3,}|c[A-Z][a-z]{2,}|'[A-Z][a-z]{2,})\d{0,3}")
        .expect("valid regex")
});

/// A line opening with a date ("05/03/24", "2024-03-05"; after a
/// comment's "#" too) and perhaps a time ("09:40", "19:05:20"), then a
/// word standing
/// in a column of its own (two spaces or a tab after it, or the line's
/// end), or before the note's first word in capitals after one space.
static AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#[ \t]*)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d\d-\d\d)[ \t]+(?:\d{1,2}[:.]\d\d(?::\d\d)?[ \t]+)?([A-Za-z][A-Za-z0-9_.]{2,24})(?:([ \t]{2,}|\t|[ \t]*$)|[ \t][A-Z])")
        .expect("valid regex")
});

/// The value of a key naming who did a thing: `"closed_by": "x"`,
/// `user_id":"staff:x"`, `assignee: x`.
static ACTOR_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:^|[\s{,"'])(?:[a-z]+_)?(?:by|user|user_?id|username|author|owner|assignee|assigned_to|agent|handler|reporter|creator|approver)["']?[ \t]*[:=][ \t]*["']?(?:staff:|user:)?([A-Za-z][A-Za-z0-9._-]{2,40})(?:["',}\s]|$)"#)
        .expect("valid regex")
});

/// The last parts of file names and web addresses, which no handle ends
/// in.
const NOT_HANDLE_ENDS: &[&str] = &[
    "com", "org", "net", "uk", "gov", "nhs", "io", "co", "ac", "ie", "eu", "cymru", "scot",
    "example", "local", "internal", "txt", "pdf", "doc", "docx", "xls", "xlsx", "csv", "jpg",
    "jpeg", "png", "gif", "heic", "mp3", "mp4", "m4a", "wav", "msg", "eml", "zip", "json", "xml",
    "html", "htm", "exe", "js", "py", "rs", "md", "log", "ics", "vcf",
];

/// Parts of a service's account ("svc_backup", "sync-bot").
const SERVICE_PARTS: &[&str] = &[
    "svc",
    "service",
    "bot",
    "backup",
    "sync",
    "daemon",
    "job",
    "task",
    "batch",
    "deploy",
    "admin",
    "noreply",
    "integration",
    "import",
    "export",
    "api",
    "cron",
    "monitor",
    "alert",
    "alerts",
];

/// Accounts of no one person that systems write where a login stands,
/// beside the shared ones `logins::push` already leaves ("system").
const SYSTEM_ACCOUNTS: &[&str] = &["anon", "sys", "batch", "auto", "api", "bot", "cron"];

pub fn find(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in JOINED.find_iter(text) {
        if alone(text, m.start(), m.end()) && joined_handle(m.as_str()) {
            logins::push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    for m in RUN_ON.find_iter(text) {
        if word_alone(text, m.start(), m.end()) && run_on_initial(m.as_str()) {
            logins::push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    for c in AFTER_DATE.captures_iter(text) {
        let m = c.get(1).expect("group");
        let column = c.get(2).is_some();
        if writer_login(m.as_str()) && (column || spelt_as_login(m.as_str())) {
            logins::push(text, m.start(), m.end(), 0.7, &mut out);
        }
    }
    let mut actors = Vec::new();
    for c in ACTOR_KEY.captures_iter(text) {
        let m = c.get(1).expect("group");
        // "AGENT: Okay." ends its sentence.
        let login = m.as_str().trim_end_matches(['.', '-', '_']);
        let end = m.start() + login.len();
        if actor_login(login) && !text[m.end()..].starts_with('@') {
            logins::push(text, m.start(), end, 0.7, &mut out);
            actors.push((m.start(), login));
        }
    }
    for (first, actor) in actors {
        out.extend(logins::login_again(text, actor, first));
    }
    out.retain(|f| !SYSTEM_ACCOUNTS.contains(&f.text.to_ascii_lowercase().as_str()));
    out
}

/// Whether the word from `start` to `end` stands alone: no letter, digit
/// or mark of an address, a path or a file just before it or after it.
fn alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let clear_before = before.is_none_or(|c| !(c.is_alphanumeric() || "._@/\\:-'".contains(c)));
    let clear_after = after.is_none_or(|c| !(c.is_alphanumeric() || "_@/\\-".contains(c)));
    let dot_word_after = after == Some('.')
        && text[end + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    clear_before && clear_after && !dot_word_after
}

/// Whether the word from `start` to `end` is a word of its own: no
/// letter or digit touching it, nor an e-mail's or a path's mark
/// ("SMistry/CDunmore" are two).
fn word_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !(c.is_alphanumeric() || "._@\\".contains(c)))
        && after.is_none_or(|c| !(c.is_alphanumeric() || "_@\\".contains(c)))
}

/// "dave.ogden", "lee.hargreaves", "ryan.b", "sophie.client.soh",
/// "akhan.ccH", "gparry_lbs": a given name that is no word before any
/// part, a given name before a surname the lists hold, or an initial and
/// a surname before any part; not a file's name nor a web address.
fn joined_handle(handle: &str) -> bool {
    let parts: Vec<&str> = handle.split(['.', '_']).collect();
    let (head, second, last) = (parts[0], parts[1], parts[parts.len() - 1]);
    if NOT_HANDLE_ENDS.contains(&last.to_ascii_lowercase().as_str()) || head.contains('\'') {
        return false;
    }
    let word = |w: &str| lex::is_english(w) || lex::is_common(w);
    let given = head.len() >= 3 && lex::is_given(head);
    (given && !word(head))
        || given && second.len() >= 3 && lex::is_surname(second) && !word(second)
        || logins::initial_and_surname(head)
}

/// "SMistry", "KMcNamara": the rest a surname the lists hold; not a
/// shifted capital ("DEvelopment"), a brand ("BGas", "IBuyit"), a degree
/// ("MPhil") nor a doing ("DJing").
fn run_on_initial(login: &str) -> bool {
    let letters = login.trim_end_matches(|c: char| c.is_ascii_digit());
    if letters.ends_with("ing") {
        return false;
    }
    let rest = letters[1..].replace('\'', "");
    lex::is_surname(&rest)
}

/// A login in a log's column after the date: letters of one case with up
/// to three digits ("mwatson3", "tgrewal", "KHOLLINS"), an initial run
/// into a surname ("EPritchard"), or a joined handle ("gparry_lbs"); no
/// word ("visit", "NOTE"), and in capitals an initial and a surname the
/// lists hold or digits.
fn writer_login(login: &str) -> bool {
    if login.contains(['.', '_']) {
        return alone_word_handle(login);
    }
    let letters = login.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = login.len() - letters.len();
    if letters.len() < 4 || letters.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let lower = letters.to_ascii_lowercase();
    if lex::is_english(&lower) || lex::is_common(&lower) {
        return false;
    }
    if letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    if letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return letters.len() >= 5 && (digits > 0 || lex::is_surname(&lower[1..]));
    }
    whole_run_on(login)
}

/// A login one space before its note's first word needs a login's
/// spelling: one or two initials and a surname the lists hold
/// ("spcardoso", "JNWANKWO", "tgrewal2"), or an initial run into one
/// ("BStather").
fn spelt_as_login(login: &str) -> bool {
    let letters = login.trim_end_matches(|c: char| c.is_ascii_digit());
    let one_case = letters.bytes().all(|b| b.is_ascii_lowercase())
        || letters.bytes().all(|b| b.is_ascii_uppercase());
    let surname_after = |skip: usize| {
        letters.get(skip..).is_some_and(|rest| {
            rest.len() >= 4
                && lex::is_surname(rest)
                && !lex::is_english(rest)
                && !lex::is_common(rest)
        })
    };
    one_case && (surname_after(1) || surname_after(2)) || whole_run_on(login)
}

/// A joined handle in a column of its own, its head a name or an
/// initial and a surname ("gparry_lbs", "nasreen.i").
fn alone_word_handle(login: &str) -> bool {
    JOINED.find(login).is_some_and(|m| m.len() == login.len()) && joined_handle(login)
}

/// The value of a key naming who did a thing, shaped as a login: a
/// joined handle, an initial and a surname, an initial run into one, or
/// letters with digits or marks ("u-80b9e4"); no word ("system") nor
/// service ("svc_alerting").
fn actor_login(login: &str) -> bool {
    let lower = login.to_ascii_lowercase();
    if lex::is_english(&lower) || lex::is_common(&lower) || lex::is_given(&lower) {
        return false;
    }
    let marked = login.contains(|c: char| c.is_ascii_digit() || "._-".contains(c));
    let letters: String = login.chars().filter(char::is_ascii_alphabetic).collect();
    let parts: Vec<&str> = login.split(['.', '_', '-']).collect();
    // A service's account is spelt in words: "svc_alerting", "deploy-bot".
    let worded = parts.iter().any(|part| {
        let part = part.to_ascii_lowercase();
        part.len() >= 3 && (lex::is_english(&part) || lex::is_common(&part))
            || SERVICE_PARTS.contains(&part.as_str())
    });
    let named_head = lex::is_given(parts[0]) || logins::initial_and_surname(parts[0]);
    marked && letters.len() >= 3 && (!worded || named_head)
        || logins::initial_and_surname(login)
        || whole_run_on(login)
}

/// Whether all of `login` is an initial run into a surname ("EPritchard").
fn whole_run_on(login: &str) -> bool {
    RUN_ON.find(login).is_some_and(|m| m.len() == login.len()) && run_on_initial(login)
}

//! Login names, which name one person as surely as a written name: the
//! user's folder in a file path ("C:\Users\jsmith\Documents", "/home/kdawson/
//! notes"), the value after "Username:", "User name:", "Login:" or "User ID:"
//! ("CORP\jsmith" gives "jsmith"), and the mailbox of an Exchange address
//! ("/O=LANDLORD/OU=EXCHANGE/CN=RECIPIENTS/CN=JSMITH"). Found as person
//! names. Built-in and shared accounts ("Public", "Administrator", "root")
//! and ordinary words after a label ("Login: required") are not.

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

/// A login after its label, with an optional domain before a backslash.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:user[ \t]?name|user[ \t]?id|login(?:[ \t]name|[ \t]id)?|log[ \t]?on(?:[ \t]name)?|account[ \t]name|windows[ \t]login)[ \t]*[:=][ \t]*(?:[a-z0-9_.-]+\\)?([a-z][a-z0-9._-]{1,39})",
    )
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
    for c in EXCHANGE.captures_iter(text) {
        if let Some(m) = c.get(1) {
            push(text, m.start(), m.end(), 0.8, &mut out);
        }
    }
    out
}

fn push(text: &str, start: usize, end: usize, confidence: f32, out: &mut Vec<Finding>) {
    let login = &text[start..end];
    if SHARED.contains(&login.to_lowercase().as_str()) {
        return;
    }
    out.push(Finding {
        start,
        end,
        kind: DataKind::PersonName,
        text: login.to_string(),
        confidence,
    });
}

//! Social media accounts: a handle written with its "@" ("@tank.cole90",
//! "(@jmilner_88)", "**@rkhalid**"), a profile's address
//! ("facebook.com/kayleigh.92", "instagram.com/amber_k") and a Reddit user
//! ("u/mould_mum_kirkby"). A handle names one person as surely as an
//! e-mail address does. The "@" of an e-mail address (a letter or digit
//! just before it) and an "@" before a time or a number ("@5pm") are no
//! handle, nor is an organisation's ("@CrescentHomesBrum",
//! "@RiverbankHsg").

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// A handle from its "@": a letter or "_" first, not ending in ".", and
/// no letter, digit, "_" or "@" just after.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(@[A-Za-z_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?:[^A-Za-z0-9_@.]|\.(?:[^A-Za-z0-9_]|$)|$)")
        .expect("valid regex")
});

/// A Reddit user as threads write one, "u/name" or "/u/name": 3 to 20
/// letters, digits, "_" or "-", at a word's start.
static REDDIT_USER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)(?:^|[\s(\[,;:"'*])(/?u/[A-Za-z0-9_-]{3,20})(?:[^A-Za-z0-9_/-]|$)"#)
        .expect("valid regex")
});

/// A profile's address on the sites people are named by.
static PROFILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:https?://)?(?:www\.|m\.)?(?:facebook|instagram|tiktok|twitter|x|snapchat|linkedin)\.com/(?:in/|@)?[A-Za-z0-9_.]*[A-Za-z0-9_])")
        .expect("valid regex")
});

/// Words of an organisation's account, as its camel-cased parts are
/// spelt: "@NorthBayHomesUK", "@WestLondonCommunityHousing",
/// "@HeatwiseMids".
const ORGANISATION_PARTS: &[&str] = &[
    "homes",
    "housing",
    "hsg",
    "council",
    "law",
    "legal",
    "solicitors",
    "police",
    "nhs",
    "trust",
    "uk",
    "ltd",
    "group",
    "team",
    "official",
    "community",
    "association",
    "news",
    "repairs",
    "services",
    "mids",
    "hq",
    "living",
    "estates",
    "lettings",
];

/// Whether a handle (without its "@") is an organisation's: parts run
/// together in capitals ("NorthBayHomesUK"), one of them an
/// organisation's word and none a given name ("@CllrSarahBell" is a
/// person's).
pub fn organisation_handle(handle: &str) -> bool {
    // Most words asked (every name's, from `never_a_name`) have one part:
    // no mark, nor a capital after a small letter, past their first letter.
    let split = handle
        .chars()
        .zip(handle.chars().skip(1))
        .any(|(a, b)| !b.is_alphanumeric() || b.is_uppercase() && !a.is_uppercase());
    if !split {
        return false;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut previous_upper = false;
    for c in handle.chars() {
        let upper = c.is_uppercase();
        if !c.is_alphanumeric() || parts.is_empty() || (upper && !previous_upper) {
            parts.push(String::new());
        }
        if c.is_alphabetic() {
            parts.last_mut().expect("a part").push(c);
        }
        previous_upper = upper;
    }
    parts.retain(|p| !p.is_empty());
    parts.len() >= 2
        && parts
            .iter()
            .any(|p| ORGANISATION_PARTS.iter().any(|w| w.eq_ignore_ascii_case(p)))
        && !parts.iter().any(|p| super::lexicon::is_given(p))
}

/// Every handle and profile address in `text`.
pub fn find(text: &str) -> Vec<Finding> {
    // Each "@" after a space, a line's start or an opening mark.
    let handles = text.match_indices('@').filter_map(|(at, _)| {
        let opened = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{,;:\"'*".contains(c));
        let handle = opened
            .then(|| HANDLE.captures(&text[at..]))
            .flatten()?
            .get(1)?;
        (!organisation_handle(&handle.as_str()[1..])).then_some((at, at + handle.end()))
    });
    // Reddit's users, "u/mould_mum_kirkby", only where "u/" stands.
    let reddit = text
        .contains("u/")
        .then(|| {
            REDDIT_USER
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| (m.start(), m.end()))
        })
        .into_iter()
        .flatten();
    // Most texts name no profile: the regex only where ".com/" stands.
    let profiles = text
        .contains(".com/")
        .then(|| PROFILE.find_iter(text).map(|m| (m.start(), m.end())))
        .into_iter()
        .flatten();
    handles
        .chain(reddit)
        .chain(profiles)
        .map(|(start, end)| Finding {
            start,
            end,
            kind: DataKind::SocialHandle,
            text: text[start..end].to_string(),
            confidence: 0.9,
        })
        .collect()
}

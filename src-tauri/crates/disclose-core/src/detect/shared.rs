//! An organisation's own ways in, which name no person: UK non-geographic
//! service numbers ("0300 123 4567", "0800 111 999", "0345 …") and the
//! mailboxes of a role or team ("customerservices@", "asb.team@",
//! "enquiries@", "legal@"). A person's mobile or home line is never
//! on the 03, 080, 084, 087 or 09 ranges, and a mailbox whose name is only
//! words of a role or a service reaches whoever holds the role.

use super::{DataKind, Finding};

/// Whether `f` is an organisation's number or mailbox, not a person's.
pub(super) fn organisation_contact(f: &Finding) -> bool {
    match f.kind {
        DataKind::Phone => service_number(&f.text),
        DataKind::Email => role_mailbox(&f.text),
        _ => false,
    }
}

/// "0300 555 0199", "0800 111 999", "0345 070 2255", "+44 300 …":
/// national numbers on the non-geographic ranges 3, 80, 84, 87 and 9.
fn service_number(text: &str) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if text.trim_start().starts_with('+') {
        digits.strip_prefix("44").unwrap_or(&digits)
    } else {
        digits.strip_prefix('0').unwrap_or("")
    };
    ["3", "80", "84", "87", "9"]
        .iter()
        .any(|p| national.starts_with(p))
}

/// The words of a role or team's mailbox.
const ROLE_WORDS: &[&str] = &[
    "info",
    "enquiries",
    "enquiry",
    "contact",
    "contactus",
    "admin",
    "office",
    "reception",
    "complaints",
    "complaint",
    "customer",
    "customers",
    "services",
    "service",
    "legal",
    "asb",
    "team",
    "teams",
    "housing",
    "repairs",
    "repair",
    "head",
    "headteacher",
    "support",
    "hello",
    "help",
    "helpdesk",
    "noreply",
    "no",
    "reply",
    "donotreply",
    "mail",
    "post",
    "general",
    "accounts",
    "finance",
    "rents",
    "rent",
    "income",
    "lettings",
    "tenancy",
    "safeguarding",
    "foi",
    "dpo",
    "data",
    "protection",
    "privacy",
    "press",
    "media",
    "hr",
    "jobs",
    "env",
    "environmental",
    "health",
    "neighbourhoods",
    "neighbourhood",
    "feedback",
    "webmaster",
    "postmaster",
    "estates",
    "voids",
    "allocations",
    "homeless",
    "options",
    "ombudsman",
    "duty",
    "careline",
    "emergency",
    "out",
    "of",
    "hours",
    "community",
    "safety",
    "parking",
    "licensing",
    "council",
    "business",
    "gas",
    "anti",
    "social",
];

/// "customerservices@…", "asb.team@…", "enquiries@…": a local part made
/// wholly of role words, with or without dots, dashes and underscores
/// between them.
fn role_mailbox(text: &str) -> bool {
    let Some((local, _)) = text.split_once('@') else {
        return false;
    };
    let local = local.to_ascii_lowercase();
    local
        .split(['.', '_', '-'])
        .all(|part| !part.is_empty() && of_role_words(part))
}

/// Whether `part` is one or more role words run together.
fn of_role_words(part: &str) -> bool {
    // Prefixes of `part` that are runs of role words.
    let mut reach = vec![false; part.len() + 1];
    reach[0] = true;
    for from in 0..part.len() {
        if !reach[from] || !part.is_char_boundary(from) {
            continue;
        }
        for w in ROLE_WORDS {
            if part[from..].starts_with(w) {
                reach[from + w.len()] = true;
            }
        }
    }
    reach[part.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_numbers_are_the_non_geographic_ranges() {
        for n in [
            "0300 555 0199",
            "0800 111 999",
            "0345 070 2255",
            "0845 600 1122",
            "+44 300 123 4567",
        ] {
            assert!(service_number(n), "{n}");
        }
        for n in [
            "07700 900 417",
            "0113 496 0771",
            "01302 960 114",
            "020 7946 0123",
        ] {
            assert!(!service_number(n), "{n}");
        }
    }

    #[test]
    fn role_mailboxes_are_made_of_role_words() {
        for m in [
            "customerservices@x.example",
            "asb.team@x.example",
            "enquiries@x.example",
            "envprotection@x.example",
            "no-reply@x.example",
        ] {
            assert!(role_mailbox(m), "{m}");
        }
        for m in [
            "hannah.desouza@x.example",
            "o.bakare@x.example",
            "jhead@x.example",
            "tayla.m@x.example",
        ] {
            assert!(!role_mailbox(m), "{m}");
        }
    }
}

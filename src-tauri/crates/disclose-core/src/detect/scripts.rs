//! A name written again in its own script, in brackets after its Latin
//! spelling, as certified translations and migrants' forms give it:
//! "Nikolay (Николай)", "Halyna Shevchuk (Галина Шевчук)", "Eleni
//! Papadaki (Ελένη Παπαδάκη)". The bracket holds the same person's name.

use std::sync::LazyLock;

use regex::Regex;

use super::{DataKind, Finding};

/// One to four words of a script other than Latin, in brackets, just after
/// a name or after one more capitalised word of it: group 1 is that word,
/// group 2 the words in brackets.
static OWN_SCRIPT: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Armenian}\p{Georgian}\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Tamil}\p{Han}\p{Hangul}\p{Thai}\p{Ethiopic}][\p{L}\p{M}'’-]*";
    Regex::new(&format!(
        r"^(?:[ \t]+(\p{{Lu}}[\p{{Ll}}'’-]+))?[ \t]?\(({word}(?:[ \t]+{word}){{0,3}})\)"
    ))
    .expect("valid regex")
});

/// The names in their own script after `names`, and the rest of a Latin
/// spelling the name left off before them ("Zlatina Petkova Dimova
/// (Златина …)": the name runs on to "Dimova").
pub fn find(text: &str, names: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.kind == DataKind::PersonName) {
        let Some(caps) = OWN_SCRIPT.captures(&text[n.end..]) else {
            continue;
        };
        if let Some(rest) = caps.get(1) {
            let end = n.end + rest.end();
            out.push(Finding::person(text, n.start, end, n.confidence.min(0.8)));
        }
        if let Some(own) = caps.get(2) {
            let (start, end) = (n.end + own.start(), n.end + own.end());
            out.push(Finding::person(text, start, end, n.confidence.min(0.8)));
        }
    }
    out
}

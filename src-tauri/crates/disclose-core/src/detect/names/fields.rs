//! Names as the value of a field whose key says it holds a person's name,
//! as exports, call logs and data feeds write them: an XML element
//! ("<FamilyName>GEBREMEDHIN</FamilyName>", "<GivenNames>Yonas
//! Kidane</GivenNames>"), a key and value ("agent_name=\"Bryony Hale\"",
//! "\"caller_name\": \"Tom Fairclough\"", "officerName: Ann-Marie Price").
//! A bare "name" key may name a thing ("name: Boiler service") and is
//! left to the other rules; so is a key of a thing's name ("file_name",
//! "queue_name").

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::{Shape, Tok};

/// A key of a person's name, then its value: group 1 is the value.
static NAME_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    let key = r"(?:family|given|fore|sur|full|first|last|middle|maiden|preferred|display|contact|person|officer|agent|staff|tenant|resident|applicant|caller|customer|client|owner|author|assignee|reporter|worker|engineer|operative|member|witness|kin|partner|interpreter|driver|keeper|holder|visitor|patient|requester|requestor|signatory|approver)[_-]?names?";
    Regex::new(&format!(
        r#"(?i)(?:<(?:\w+:)?{key}(?:[ \t][^>\n]*)?>|(?-u:\b){key}"?[ \t]*[=:][ \t]*"?)([^<>"\n,;=|{{}}\[\]]{{1,60}})"#
    ))
    .expect("valid regex")
});

/// The first and last tokens of each name a name field holds: one to four
/// words in capitals or capitalised (or initials), none a word of English
/// that no list holds as a name.
pub(super) fn named(text: &str, toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for value in NAME_FIELD.captures_iter(text).filter_map(|c| c.get(1)) {
        let trimmed = value.as_str().trim_end_matches([' ', '\t']);
        let (start, end) = (value.start(), value.start() + trimmed.len());
        let first = toks.partition_point(|t| t.start < start);
        let last = toks.partition_point(|t| t.start < end);
        let words = &toks[first..last];
        let namey = |t: &Tok<'_>| {
            matches!(t.shape, Shape::Cap | Shape::Upper | Shape::Initial)
                && t.full_end <= end
                && !t.lex.is_org()
                && !(t.lex.is_english()
                    && !t.lex.is_given()
                    && !t.lex.is_surname()
                    && !t.lex.is_word_surname())
        };
        // Nothing but the words, spaces and full stops between them.
        let plain = words.windows(2).all(|w| {
            text[w[0].full_end..w[1].start]
                .chars()
                .all(|c| matches!(c, ' ' | '.'))
        });
        let starts_at_word = words.first().is_some_and(|t| t.start == start);
        if (1..=4).contains(&words.len()) && words.iter().all(namey) && plain && starts_at_word {
            out.push((first, last - 1));
        }
    }
    out
}

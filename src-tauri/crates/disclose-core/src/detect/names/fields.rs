//! Names as the value of a field whose key says it holds a person's name,
//! as exports, call logs and data feeds write them: an XML element
//! ("<FamilyName>GEBREMEDHIN</FamilyName>", "<GivenNames>Yonas
//! Kidane</GivenNames>"), a key and value ("agent_name=\"Bryony Hale\"",
//! "\"caller_name\": \"Tom Fairclough\"", "officerName: Ann-Marie Price"),
//! and a vCard's name parts ("N:Church;Owen;;Mr;": family, given, middle).
//! A bare "name" key may name a thing ("name: Boiler service") and is
//! left to the other rules; so is a key of a thing's name ("file_name",
//! "queue_name").

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::Tok;

/// A key of a person's name, then its value: group 1 is the value.
static NAME_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    let key = r"(?:family|given|fore|sur|full|first|last|middle|maiden|preferred|display|contact|person|officer|agent|staff|tenant|resident|applicant|caller|customer|client|owner|author|assignee|reporter|worker|engineer|operative|member|witness|kin|partner|interpreter|driver|keeper|holder|visitor|patient|requester|requestor|signatory|approver)[_-]?names?";
    Regex::new(&format!(
        r#"(?i)(?:<(?:\w+:)?{key}(?:[ \t][^>\n]*)?>|(?-u:\b){key}"?[ \t]*[=:][ \t]*"?)([^<>"\n,;=|{{}}\[\]]{{1,60}})"#
    ))
    .expect("valid regex")
});

/// The first and last tokens of each name a name field holds: a name as a
/// column's cell holds one (`columns::name_within`), from the value's start.
pub(super) fn named(text: &str, toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for value in NAME_FIELD.captures_iter(text).filter_map(|c| c.get(1)) {
        let trimmed = value.as_str().trim_end_matches([' ', '\t']);
        let (start, end) = (value.start(), value.start() + trimmed.len());
        let Some((first, last)) = super::columns::name_within(toks, start, end) else {
            continue;
        };
        let words = &toks[first..=last];
        // Nothing but the words, spaces and full stops between them, and
        // no organisation's word.
        let plain = words.windows(2).all(|w| {
            text[w[0].full_end..w[1].start]
                .chars()
                .all(|c| matches!(c, ' ' | '.'))
        });
        if words[0].start == start && plain && !words.iter().any(|t| t.lex.is_org()) {
            out.push((first, last));
        }
    }
    if text.contains("BEGIN:VCARD") {
        out.extend(vcard_names(text, toks));
    }
    out
}

/// The family, given and middle names of each vCard "N:" line ("N:Marsh;K;;;",
/// "N;CHARSET=UTF-8:Ó Briain;Síle;;;"); its prefix and suffix are titles.
fn vcard_names(text: &str, toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let Some(rest) = line.strip_prefix("N:").or_else(|| {
            line.strip_prefix("N;")
                .and_then(|l| l.find(':').map(|colon| &l[colon + 1..]))
        }) else {
            continue;
        };
        let mut part_start = at + (line.len() - rest.len());
        for part in rest.trim_end_matches(['\r', '\n']).split(';').take(3) {
            let (start, end) = (part_start, part_start + part.len());
            part_start = end + 1;
            if let Some(found) = super::columns::name_within(toks, start, end) {
                out.push(found);
            }
        }
    }
    out
}

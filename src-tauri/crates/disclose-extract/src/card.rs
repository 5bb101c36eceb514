//! vCard (`.vcf`) and iCalendar (`.ics`) files: contacts, appointments and
//! tasks. Outlook mailboxes hold these as items of their own kind; the PST
//! reader writes each one out in these standard formats, and exports from
//! other systems arrive in them too. Each property becomes a labelled line
//! of text; notes and descriptions follow as the body.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::{ExtractError, Extracted, Limits};

/// Which kind of card a file holds, from its first component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardKind {
    Contact,
    Calendar,
    Task,
}

/// Tells a vCard or iCalendar file from its first bytes.
pub fn sniff_card(head: &[u8]) -> Option<CardKind> {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let upper = start.get(..15)?.to_ascii_uppercase();
    if upper.starts_with("BEGIN:VCARD") {
        return Some(CardKind::Contact);
    }
    if !upper.starts_with("BEGIN:VCALENDAR") {
        return None;
    }
    let upper = text.to_ascii_uppercase();
    match (upper.find("BEGIN:VTODO"), upper.find("BEGIN:VEVENT")) {
        (Some(todo), Some(event)) if todo < event => Some(CardKind::Task),
        (Some(_), None) => Some(CardKind::Task),
        _ => Some(CardKind::Calendar),
    }
}

/// One content line: `NAME;PARAM=x:value`, unfolded and unescaped.
struct Line {
    name: String,
    params: String,
    value: String,
}

fn lines(text: &str) -> Vec<Line> {
    let mut unfolded: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), unfolded.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => unfolded.push(raw.to_string()),
        }
    }
    unfolded
        .into_iter()
        .filter_map(|line| {
            let (head, value) = line.split_once(':')?;
            let (name, params) = head.split_once(';').unwrap_or((head, ""));
            Some(Line {
                name: name.trim().to_ascii_uppercase(),
                params: params.to_string(),
                value: unescape(value),
            })
        })
        .collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The label a property is shown with; `None` for structure and for
/// properties that only repeat another (the structured name).
fn label(name: &str) -> Option<&'static str> {
    Some(match name {
        "FN" => "Name",
        "NICKNAME" => "Nickname",
        "EMAIL" => "Email",
        "TEL" => "Phone",
        "ADR" => "Address",
        "ORG" => "Organisation",
        "TITLE" => "Job title",
        "ROLE" => "Role",
        "BDAY" => "Birthday",
        "URL" => "Web page",
        "SUMMARY" => "Subject",
        "LOCATION" => "Location",
        "DTSTART" => "Starts",
        "DTEND" => "Ends",
        "DUE" => "Due",
        "COMPLETED" => "Completed",
        "STATUS" => "Status",
        "PRIORITY" => "Priority",
        "ORGANIZER" => "Organiser",
        "ATTENDEE" => "Attendee",
        "CATEGORIES" => "Categories",
        "X-HOME-CITY" | "X-WORK-CITY" => "Town or city",
        "X-HOME-POSTCODE" | "X-WORK-POSTCODE" => "Postcode",
        _ if name.starts_with("X-") => "Other",
        _ => return None,
    })
}

/// A property's value as a reader would write it: addresses joined with
/// commas, `mailto:` dropped, a common name kept beside its address.
fn shown_value(line: &Line) -> String {
    let value = line.value.trim();
    match line.name.as_str() {
        "ADR" | "ORG" => value
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        "ORGANIZER" | "ATTENDEE" => {
            let address = value
                .strip_prefix("mailto:")
                .or_else(|| value.strip_prefix("MAILTO:"))
                .unwrap_or(value);
            match param(&line.params, "CN") {
                Some(name) if !name.is_empty() => format!("{name} <{address}>"),
                _ => address.to_string(),
            }
        }
        _ => value.to_string(),
    }
}

fn param(params: &str, key: &str) -> Option<String> {
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.eq_ignore_ascii_case(key)
            .then(|| v.trim_matches('"').to_string())
    })
}

/// `20240312T093000Z`, `20240312T093000` or `20240312` as a UTC time.
fn card_date(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim().trim_end_matches('Z');
    if let Ok(t) = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S") {
        return Some(t.and_utc());
    }
    NaiveDate::parse_from_str(value, "%Y%m%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

pub fn extract_card(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let kind = sniff_card(data)
        .ok_or_else(|| ExtractError::Corrupt("not a vCard or iCalendar file".into()))?;
    let text = String::from_utf8_lossy(&data[..data.len().min(limits.max_text_bytes)]);
    let mut out = Extracted::default();
    let mut header = Vec::new();
    let mut notes = Vec::new();
    for line in lines(&text) {
        let value = shown_value(&line);
        if value.is_empty() {
            continue;
        }
        match line.name.as_str() {
            "NOTE" | "DESCRIPTION" | "COMMENT" => {
                notes.push(value);
                continue;
            }
            "FN" | "SUMMARY" => {
                let key = if kind == CardKind::Contact {
                    "title"
                } else {
                    "subject"
                };
                out.metadata.entry(key.into()).or_insert(value.clone());
            }
            "DTSTART" | "DUE" if out.date.is_none() => {
                out.date = card_date(&value);
            }
            "ORGANIZER" => {
                out.metadata.entry("from".into()).or_insert(value.clone());
            }
            "ATTENDEE" => {
                let to = out.metadata.entry("to".into()).or_default();
                if !to.is_empty() {
                    to.push_str(", ");
                }
                to.push_str(&value);
            }
            _ => {}
        }
        if let Some(label) = label(&line.name) {
            let value = match line.name.as_str() {
                "DTSTART" | "DTEND" | "DUE" | "COMPLETED" | "BDAY" => {
                    card_date(&value).map(|d| d.to_rfc3339()).unwrap_or(value)
                }
                _ => value,
            };
            header.push(format!("{label}: {}", value.replace('\n', " ")));
        }
    }
    if let Some(date) = out.date {
        out.metadata.insert("date".into(), date.to_rfc3339());
    }
    out.metadata.insert(
        "kind".into(),
        match kind {
            CardKind::Contact => "contact",
            CardKind::Calendar => "appointment",
            CardKind::Task => "task",
        }
        .into(),
    );
    out.text = header.join("\n");
    if !notes.is_empty() {
        out.text.push_str("\n\n");
        out.text.push_str(notes.join("\n\n").trim_end());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_reads_as_labelled_lines() {
        let vcf = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ayesha Okafor\r\nN:Okafor;Ayesha;;;\r\nEMAIL;TYPE=INTERNET:ayesha@example.org\r\nTEL:07700 900123\r\nADR;TYPE=HOME:;;14 Elm\r\n  Road;Leeds;;LS1 4AB;\r\nNOTE:Prefers\\ncalls after 5\r\nEND:VCARD\r\n";
        assert_eq!(sniff_card(vcf), Some(CardKind::Contact));
        let out = extract_card(vcf, &Limits::default()).unwrap();
        assert!(out.text.contains("Name: Ayesha Okafor"), "{}", out.text);
        assert!(out.text.contains("Email: ayesha@example.org"));
        assert!(out.text.contains("Address: 14 Elm Road, Leeds, LS1 4AB"));
        assert!(out.text.ends_with("Prefers\ncalls after 5"));
        assert_eq!(out.metadata["title"], "Ayesha Okafor");
    }

    #[test]
    fn an_appointment_and_a_task_keep_their_dates_and_people() {
        let ics = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Gas safety visit\r\nLOCATION:Flat 3\r\nDTSTART:20240312T093000Z\r\nORGANIZER;CN=Sam Lee:mailto:sam@example.org\r\nATTENDEE;CN=Jo Bloggs:mailto:jo@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert_eq!(sniff_card(ics), Some(CardKind::Calendar));
        let out = extract_card(ics, &Limits::default()).unwrap();
        assert!(out.text.contains("Starts: 2024-03-12T09:30:00+00:00"));
        assert_eq!(out.metadata["from"], "Sam Lee <sam@example.org>");
        assert_eq!(out.metadata["to"], "Jo Bloggs <jo@example.org>");
        assert_eq!(out.date.unwrap().to_rfc3339(), "2024-03-12T09:30:00+00:00");
        let task = b"BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:Chase repair\nDUE:20240401\nEND:VTODO\nEND:VCALENDAR\n";
        assert_eq!(sniff_card(task), Some(CardKind::Task));
        assert_eq!(
            extract_card(task, &Limits::default()).unwrap().metadata["kind"],
            "task"
        );
    }

    #[test]
    fn hostile_cards_do_not_panic() {
        for data in [
            &b"BEGIN:VCARD"[..],
            b"BEGIN:VCALENDAR\n:\n;;;\nX-:\\",
            b"BEGIN:VCARD\nADR:;;;;;;;;\nDTSTART:9999999999999\n",
        ] {
            let _ = extract_card(data, &Limits::default());
        }
        assert!(extract_card(b"hello", &Limits::default()).is_err());
    }
}

//! Appointments, tasks and contacts of a mailbox written out as iCalendar
//! and vCard, with the named properties (location, start and end, e-mail
//! addresses, due date) found through the mailbox's name-to-id map, and
//! every other text property kept as a labelled line.

use std::collections::BTreeMap;

use outlook_pst::messaging::message::Message;
use outlook_pst::messaging::store::Store;

use super::{body, recipients, sender, Props, END_DATE, START_DATE};
use crate::mapi::*;
use crate::Limits;

/// Text for a vCard or iCalendar value: backslash, comma, semicolon and
/// line breaks escaped.
pub(super) fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

fn card_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn push_line(out: &mut String, name: &str, value: &str) {
    if !value.trim().is_empty() {
        out.push_str(&format!("{name}:{}\r\n", escape(value.trim())));
    }
}

fn push_others(out: &mut String, props: &Props, used: &[u16]) {
    for (id, text) in props.other_strings(used, out) {
        push_line(out, &format!("X-OUTLOOK-{id:04X}"), &text);
    }
}

/// Named properties Disclose shows under a line of their own: the first
/// field of the property set's GUID, the property's number, the line.
const NAMED_FIELDS: [(u32, u32, &str); 13] = [
    (0x0006_2002, 0x8208, "LOCATION"),
    (0x0006_2002, 0x820D, "DTSTART"),
    (0x0006_2002, 0x820E, "DTEND"),
    (0x0006_2003, 0x8104, "DTSTART"),
    (0x0006_2003, 0x8105, "DUE"),
    (0x0006_2004, 0x8083, "EMAIL"),
    (0x0006_2004, 0x8093, "EMAIL"),
    (0x0006_2004, 0x80A3, "EMAIL"),
    (0x0006_2004, 0x801A, "ADR;TYPE=HOME"),
    (0x0006_2004, 0x801B, "ADR;TYPE=WORK"),
    (0x0006_2004, 0x8082, ""),
    (0x0006_2004, 0x8092, ""),
    (0x0006_2004, 0x80A2, ""),
];

/// Where this mailbox keeps the named properties of [`NAMED_FIELDS`]
/// (property id → line; an empty line means "leave out"). A missing or
/// damaged name map just means none are shown by name.
pub(super) fn named_fields(store: &dyn Store) -> BTreeMap<u16, &'static str> {
    use outlook_pst::messaging::named_prop::{NamedPropertyGuid, NamedPropertyId};
    let mut out = BTreeMap::new();
    let Ok(map) = store.named_property_map() else {
        return out;
    };
    let properties = map.properties();
    let (Ok(entries), Ok(guids)) = (properties.stream_entry(), properties.stream_guid()) else {
        return out;
    };
    for entry in entries {
        // Looked up here: the crate's own `lookup_guid` is off by three.
        let (NamedPropertyId::Number(lid), NamedPropertyGuid::GuidIndex(index)) =
            (entry.id(), entry.guid())
        else {
            continue;
        };
        let Some(guid) = guids.get(index as usize) else {
            continue;
        };
        if let Some((_, _, line)) = NAMED_FIELDS
            .iter()
            .find(|(set, number, _)| *set == guid.data1() && *number == lid)
        {
            out.insert(entry.prop_id(), *line);
        }
    }
    out
}

/// Writes the named properties present on the item; returns their ids.
fn push_named(out: &mut String, props: &Props, named: &BTreeMap<u16, &'static str>) -> Vec<u16> {
    let mut used = Vec::new();
    for (&id, &line) in named {
        if !props.0.contains_key(&id) {
            continue;
        }
        used.push(id);
        if line.is_empty() {
            continue;
        }
        match props.time(id) {
            Some(t) if !out.contains(&format!("\r\n{line}:")) => {
                out.push_str(&format!("{line}:{}\r\n", card_time(t)))
            }
            Some(_) => {}
            None => {
                let text = props.text(id);
                if !out.contains(&escape(text.trim())) {
                    push_line(out, line, &text);
                }
            }
        }
    }
    used
}

/// An appointment (`VEVENT`) or task (`VTODO`) as iCalendar.
pub(super) fn calendar(
    props: &Props,
    named: &BTreeMap<u16, &'static str>,
    message: &dyn Message,
    component: &str,
    limits: &Limits,
) -> Vec<u8> {
    let mut out = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Disclose//Outlook mailbox//EN\r\nBEGIN:{component}\r\n"
    );
    push_line(&mut out, "SUMMARY", &props.text(SUBJECT));
    let (start, end) = if component == "VTODO" {
        ("DTSTART", "DUE")
    } else {
        ("DTSTART", "DTEND")
    };
    if let Some(t) = props.time(START_DATE) {
        out.push_str(&format!("{start}:{}\r\n", card_time(t)));
    }
    if let Some(t) = props.time(END_DATE) {
        out.push_str(&format!("{end}:{}\r\n", card_time(t)));
    }
    let mut used = push_named(&mut out, props, named);
    let organiser = sender(props);
    if !organiser.is_empty() {
        push_line(&mut out, "ORGANIZER", &organiser);
    }
    for list in recipients(message) {
        for attendee in list {
            push_line(&mut out, "ATTENDEE", &attendee);
        }
    }
    let mut warnings = Vec::new();
    push_line(&mut out, "DESCRIPTION", &body(props, limits, &mut warnings));
    used.extend([
        SUBJECT,
        BODY,
        HTML,
        SENDER_NAME,
        SENDER_EMAIL,
        SENDER_SMTP,
        SENT_REPRESENTING_NAME,
        SENT_REPRESENTING_EMAIL,
        SENT_REPRESENTING_SMTP,
        DISPLAY_TO,
        DISPLAY_CC,
        DISPLAY_BCC,
    ]);
    push_others(&mut out, props, &used);
    out.push_str(&format!("END:{component}\r\nEND:VCALENDAR\r\n"));
    out.into_bytes()
}

/// Contact properties shown under their own vCard names.
const CONTACT_FIELDS: [(u16, &str); 14] = [
    (0x3A08, "TEL;TYPE=WORK"),
    (0x3A09, "TEL;TYPE=HOME"),
    (0x3A1C, "TEL;TYPE=CELL"),
    (0x3A1A, "TEL"),
    (0x3A16, "ORG"),
    (0x3A17, "TITLE"),
    (0x3A5D, "ADR;TYPE=HOME"),
    (0x3A59, "X-HOME-CITY"),
    (0x3A5B, "X-HOME-POSTCODE"),
    (0x3A29, "ADR;TYPE=WORK"),
    (0x3A27, "X-WORK-CITY"),
    (0x3A2A, "X-WORK-POSTCODE"),
    (0x3A45, "X-TITLE"),
    (0x3A4F, "NICKNAME"),
];

/// A contact or distribution list as a vCard.
pub(super) fn vcard(
    props: &Props,
    named: &BTreeMap<u16, &'static str>,
    limits: &Limits,
) -> Vec<u8> {
    let mut out = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
    let name = props.first(&[DISPLAY_NAME, SUBJECT], "");
    push_line(&mut out, "FN", &name);
    let (surname, given) = (props.text(0x3A11), props.text(0x3A06));
    if !surname.is_empty() || !given.is_empty() {
        out.push_str(&format!("N:{};{};;;\r\n", escape(&surname), escape(&given)));
    }
    let email = props.text(EMAIL_ADDRESS);
    push_line(&mut out, "EMAIL", &email);
    for (id, field) in CONTACT_FIELDS {
        push_line(&mut out, field, &props.text(id));
    }
    if let Some(t) = props.time(0x3A42) {
        out.push_str(&format!("BDAY:{}\r\n", t.format("%Y%m%d")));
    }
    let mut warnings = Vec::new();
    push_line(&mut out, "NOTE", &body(props, limits, &mut warnings));
    let mut used = push_named(&mut out, props, named);
    used.extend([DISPLAY_NAME, SUBJECT, 0x3A11, 0x3A06, EMAIL_ADDRESS, BODY]);
    used.extend(CONTACT_FIELDS.iter().map(|(id, _)| *id));
    push_others(&mut out, props, &used);
    out.push_str("END:VCARD\r\n");
    out.into_bytes()
}

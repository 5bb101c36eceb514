//! Outlook messages (`.msg`): properties live in streams named
//! `__substg1.0_<id><type>` (strings, binaries) and in the fixed-size
//! `__properties_version1.0` stream (dates, numbers). Recipients and
//! attachments are sub-storages; an attached message is itself a message
//! storage, turned into an `.eml` child so the pipeline reads it like any
//! other email. Bodies: plain text, else HTML, else compressed RTF.

use std::collections::BTreeMap;

use super::{read_stream, u32_at, utf16le, Container};
use crate::mapi::{self, *};
use crate::{Child, ExtractError, Extracted, Limits};

pub fn extract(file: &mut Container, limits: &Limits) -> Result<Extracted, ExtractError> {
    Ok(mapi::extracted(read_message(file, "", limits, 0)?))
}

/// Deepest attached-message nesting followed inside one `.msg`.
const MAX_EMBEDDED_DEPTH: u32 = 8;

/// Reads the message stored at `prefix` ("" for the file itself, or an
/// attachment's `__substg1.0_3701000D` storage).
fn read_message(
    file: &mut Container,
    prefix: &str,
    limits: &Limits,
    depth: u32,
) -> Result<Message, ExtractError> {
    let props = string_props(file, prefix, limits);
    let get = |id: u16| props.get(&id).cloned().unwrap_or_default();
    let mut m = Message {
        class: get(MESSAGE_CLASS),
        subject: get(SUBJECT),
        message_id: get(MESSAGE_ID),
        in_reply_to: get(IN_REPLY_TO),
        references: get(REFERENCES),
        ..Message::default()
    };
    let sender_address = [
        SENDER_SMTP,
        SENDER_EMAIL,
        SENT_REPRESENTING_SMTP,
        SENT_REPRESENTING_EMAIL,
    ]
    .into_iter()
    .map(get)
    .find(|a| a.contains('@'))
    .unwrap_or_default();
    let sender_name = [SENDER_NAME, SENT_REPRESENTING_NAME]
        .into_iter()
        .map(get)
        .find(|n| !n.is_empty())
        .unwrap_or_default();
    m.from = address(&sender_name, &sender_address);
    if m.from.is_empty() {
        m.from = mapi::header_line(&get(TRANSPORT_HEADERS), "from").unwrap_or_default();
    }
    let (to, cc, bcc) = recipients(file, prefix, limits);
    m.to = if to.is_empty() { get(DISPLAY_TO) } else { to };
    m.cc = if cc.is_empty() { get(DISPLAY_CC) } else { cc };
    m.bcc = if bcc.is_empty() {
        get(DISPLAY_BCC)
    } else {
        bcc
    };
    let fixed = fixed_props(
        file,
        prefix,
        if prefix.is_empty() { 32 } else { 24 },
        limits,
    );
    m.date = fixed
        .get(&CLIENT_SUBMIT_TIME)
        .or_else(|| fixed.get(&DELIVERY_TIME))
        .and_then(|&t| mapi::filetime(t));
    if m.message_id.is_empty() {
        m.message_id = mapi::header_line(&get(TRANSPORT_HEADERS), "message-id").unwrap_or_default();
    }
    m.body = body(file, prefix, &props, limits, &mut m.warnings);
    m.attachments = attachments(file, prefix, limits, depth, &mut m.warnings);
    Ok(m)
}

/// Every string property directly in the storage at `prefix`, by id.
fn string_props(file: &mut Container, prefix: &str, limits: &Limits) -> BTreeMap<u16, String> {
    let names: Vec<String> = file
        .read_storage(if prefix.is_empty() { "/" } else { prefix })
        .map(|entries| {
            entries
                .filter(|e| e.is_stream())
                .map(|e| e.name().to_string())
                .collect()
        })
        .unwrap_or_default();
    let mut props = BTreeMap::new();
    for name in names {
        let Some(tag) = name.strip_prefix("__substg1.0_") else {
            continue;
        };
        let (Ok(id), Ok(kind)) = (
            u16::from_str_radix(tag.get(..4).unwrap_or(""), 16),
            u16::from_str_radix(tag.get(4..8).unwrap_or(""), 16),
        ) else {
            continue;
        };
        let Ok(bytes) = read_stream(file, &format!("{prefix}/{name}"), limits) else {
            continue;
        };
        let value = match kind {
            0x001F => utf16le(&bytes),
            0x001E => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
            _ => continue,
        };
        props.insert(id, value.trim_end_matches('\0').to_string());
    }
    props
}

/// The 8-byte values of the fixed-size properties (times, numbers).
fn fixed_props(
    file: &mut Container,
    prefix: &str,
    header: usize,
    limits: &Limits,
) -> BTreeMap<u16, u64> {
    let mut out = BTreeMap::new();
    let Ok(data) = read_stream(file, &format!("{prefix}/__properties_version1.0"), limits) else {
        return out;
    };
    let mut at = header;
    while at + 16 <= data.len() {
        let tag = u32_at(&data, at).unwrap_or(0);
        let lo = u32_at(&data, at + 8).unwrap_or(0) as u64;
        let hi = u32_at(&data, at + 12).unwrap_or(0) as u64;
        out.insert((tag >> 16) as u16, hi << 32 | lo);
        at += 16;
    }
    out
}

fn sub_storages(file: &Container, prefix: &str, start: &str) -> Vec<String> {
    let mut names: Vec<String> = file
        .read_storage(if prefix.is_empty() { "/" } else { prefix })
        .map(|entries| {
            entries
                .filter(|e| e.is_storage() && e.name().starts_with(start))
                .map(|e| e.name().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// To, Cc and Bcc with names and addresses, from the recipient storages.
fn recipients(file: &mut Container, prefix: &str, limits: &Limits) -> (String, String, String) {
    let mut lists: [Vec<String>; 3] = Default::default();
    for storage in sub_storages(file, prefix, "__recip_version1.0_") {
        let path = format!("{prefix}/{storage}");
        let props = string_props(file, &path, limits);
        let get = |id: u16| props.get(&id).cloned().unwrap_or_default();
        let email = [get(SMTP_ADDRESS), get(EMAIL_ADDRESS)]
            .into_iter()
            .find(|a| a.contains('@'))
            .unwrap_or_default();
        let entry = address(&get(DISPLAY_NAME), &email);
        let kind = fixed_props(file, &path, 8, limits)
            .get(&RECIPIENT_TYPE)
            .copied()
            .unwrap_or(1);
        let slot = match kind & 0xFF {
            2 => 1,
            3 => 2,
            _ => 0,
        };
        if !entry.is_empty() {
            lists[slot].push(entry);
        }
    }
    let [to, cc, bcc] = lists.map(|l| l.join(", "));
    (to, cc, bcc)
}

fn body(
    file: &mut Container,
    prefix: &str,
    props: &BTreeMap<u16, String>,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> String {
    let html_stream = read_stream(
        file,
        &format!("{prefix}/__substg1.0_{HTML:04X}0102"),
        limits,
    )
    .ok();
    let html_body = props
        .get(&HTML)
        .map(|s| s.as_bytes())
        .or(html_stream.as_deref());
    let rtf_stream = read_stream(
        file,
        &format!("{prefix}/__substg1.0_{RTF_COMPRESSED:04X}0102"),
        limits,
    )
    .ok();
    mapi::body_text(
        props.get(&BODY).map(String::as_str),
        html_body,
        rtf_stream.as_deref(),
        limits,
        warnings,
    )
}

fn attachments(
    file: &mut Container,
    prefix: &str,
    limits: &Limits,
    depth: u32,
    warnings: &mut Vec<String>,
) -> Vec<Child> {
    let mut children = Vec::new();
    for (index, storage) in sub_storages(file, prefix, "__attach_version1.0_")
        .into_iter()
        .enumerate()
    {
        let path = format!("{prefix}/{storage}");
        let props = string_props(file, &path, limits);
        let name = [ATTACH_LONG_FILENAME, ATTACH_FILENAME, DISPLAY_NAME]
            .iter()
            .filter_map(|id| props.get(id))
            .find(|n| !n.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| format!("attachment-{}", index + 1));
        let embedded = format!("{path}/__substg1.0_3701000D");
        if file.is_storage(&embedded) {
            if depth >= MAX_EMBEDDED_DEPTH {
                warnings.push(format!(
                    "attached message '{name}' nested too deep; not read"
                ));
                continue;
            }
            match read_message(file, &embedded, limits, depth + 1) {
                Ok(inner) => {
                    let file_name = if name.to_ascii_lowercase().ends_with(".eml") {
                        name
                    } else {
                        format!("{name}.eml")
                    };
                    children.push(Child {
                        name: crate::archive::safe_name(&file_name).0,
                        data: mapi::to_eml(&inner),
                    });
                }
                Err(e) => warnings.push(format!("attached message '{name}' unreadable: {e}")),
            }
            continue;
        }
        match read_stream(
            file,
            &format!("{path}/__substg1.0_{ATTACH_DATA:04X}0102"),
            limits,
        ) {
            Ok(data) => children.push(Child {
                name: crate::archive::safe_name(&name).0,
                data,
            }),
            Err(e) => warnings.push(format!("attachment '{name}' unreadable: {e}")),
        }
    }
    children
}

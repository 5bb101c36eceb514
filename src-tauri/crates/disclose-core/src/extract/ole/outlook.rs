//! Outlook messages (`.msg`): properties live in streams named
//! `__substg1.0_<id><type>` (strings, binaries) and in the fixed-size
//! `__properties_version1.0` stream (dates, numbers). Recipients and
//! attachments are sub-storages; an attached message is itself a message
//! storage, turned into an `.eml` child so the pipeline reads it like any
//! other email. Bodies: plain text, else HTML, else compressed RTF.

use std::collections::BTreeMap;

use super::{read_stream, u32_at, utf16le, Container};
use crate::extract::{html, rtf, Child, ExtractError, Extracted, Limits};

const SUBJECT: u16 = 0x0037;
const CLIENT_SUBMIT_TIME: u16 = 0x0039;
const TRANSPORT_HEADERS: u16 = 0x007D;
const SENDER_NAME: u16 = 0x0C1A;
const SENDER_EMAIL: u16 = 0x0C1F;
const SENDER_SMTP: u16 = 0x5D01;
const SENT_REPRESENTING_NAME: u16 = 0x0042;
const SENT_REPRESENTING_EMAIL: u16 = 0x0065;
const SENT_REPRESENTING_SMTP: u16 = 0x5D02;
const DISPLAY_BCC: u16 = 0x0E02;
const DISPLAY_CC: u16 = 0x0E03;
const DISPLAY_TO: u16 = 0x0E04;
const DELIVERY_TIME: u16 = 0x0E06;
const BODY: u16 = 0x1000;
const RTF_COMPRESSED: u16 = 0x1009;
const HTML: u16 = 0x1013;
const MESSAGE_ID: u16 = 0x1035;
const REFERENCES: u16 = 0x1039;
const IN_REPLY_TO: u16 = 0x1042;
const RECIPIENT_TYPE: u16 = 0x0C15;
const DISPLAY_NAME: u16 = 0x3001;
const EMAIL_ADDRESS: u16 = 0x3003;
const SMTP_ADDRESS: u16 = 0x39FE;
const ATTACH_DATA: u16 = 0x3701;
const ATTACH_FILENAME: u16 = 0x3704;
const ATTACH_LONG_FILENAME: u16 = 0x3707;
const MESSAGE_CLASS: u16 = 0x001A;

/// Deepest attached-message nesting followed inside one `.msg`.
const MAX_EMBEDDED_DEPTH: u32 = 8;

pub fn extract(file: &mut Container, limits: &Limits) -> Result<Extracted, ExtractError> {
    let message = read_message(file, "", limits, 0)?;
    let mut out = Extracted::default();
    let mut header_lines = Vec::new();
    for (key, value) in [
        ("from", &message.from),
        ("to", &message.to),
        ("cc", &message.cc),
        ("bcc", &message.bcc),
    ] {
        if !value.is_empty() {
            header_lines.push(format!("{}: {value}", title(key)));
            out.metadata.insert(key.into(), value.clone());
        }
    }
    if let Some(date) = message.date {
        header_lines.push(format!("Date: {}", date.to_rfc3339()));
        out.metadata.insert("date".into(), date.to_rfc3339());
        out.date = Some(date);
    }
    if !message.subject.is_empty() {
        header_lines.push(format!("Subject: {}", message.subject));
        out.metadata
            .insert("subject".into(), message.subject.clone());
    }
    for (key, value) in [
        ("message-id", &message.message_id),
        ("in-reply-to", &message.in_reply_to),
        ("references", &message.references),
    ] {
        let ids = value
            .split_whitespace()
            .map(|s| s.trim_matches(['<', '>']))
            .collect::<Vec<_>>()
            .join(" ");
        if !ids.is_empty() {
            out.metadata.insert(key.into(), ids);
        }
    }
    if !message.class.is_empty() {
        out.metadata
            .insert("message-class".into(), message.class.clone());
    }
    out.text = format!("{}\n\n{}", header_lines.join("\n"), message.body.trim_end());
    out.warnings = message.warnings;
    out.children = message.attachments;
    if !out.children.is_empty() {
        let names: Vec<&str> = out.children.iter().map(|c| c.name.as_str()).collect();
        out.metadata.insert("attachments".into(), names.join(", "));
    }
    Ok(out)
}

#[derive(Default)]
struct Message {
    class: String,
    subject: String,
    from: String,
    to: String,
    cc: String,
    bcc: String,
    date: Option<chrono::DateTime<chrono::Utc>>,
    message_id: String,
    in_reply_to: String,
    references: String,
    body: String,
    attachments: Vec<Child>,
    warnings: Vec<String>,
}

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
        m.from = header_line(&get(TRANSPORT_HEADERS), "from").unwrap_or_default();
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
        .and_then(|&t| super::filetime(t));
    if m.message_id.is_empty() {
        m.message_id = header_line(&get(TRANSPORT_HEADERS), "message-id").unwrap_or_default();
    }
    m.body = body(file, prefix, &props, limits, &mut m.warnings);
    m.attachments = attachments(file, prefix, limits, depth, &mut m.warnings);
    Ok(m)
}

/// The value of header `name` in a block of transport headers.
fn header_line(headers: &str, name: &str) -> Option<String> {
    headers.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

fn address(name: &str, email: &str) -> String {
    match (name.is_empty(), email.is_empty()) {
        (false, false) if name != email => format!("{name} <{email}>"),
        (true, false) | (false, false) => email.to_string(),
        (false, true) => name.to_string(),
        (true, true) => String::new(),
    }
}

fn title(key: &str) -> String {
    let mut c = key.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
            u16::from_str_radix(&tag[..4.min(tag.len())], 16),
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
    if let Some(text) = props.get(&BODY).filter(|t| !t.trim().is_empty()) {
        return text.replace("\r\n", "\n");
    }
    let html_bytes = props.get(&HTML).map(|s| s.as_bytes().to_vec()).or_else(|| {
        read_stream(
            file,
            &format!("{prefix}/__substg1.0_{HTML:04X}0102"),
            limits,
        )
        .ok()
    });
    if let Some(bytes) = html_bytes {
        if let Ok(e) = html::extract_html(&bytes, limits) {
            return e.text;
        }
    }
    if let Ok(compressed) = read_stream(
        file,
        &format!("{prefix}/__substg1.0_{RTF_COMPRESSED:04X}0102"),
        limits,
    ) {
        match decompress_rtf(&compressed, limits).and_then(|raw| rtf::extract_rtf(&raw, limits)) {
            Ok(e) => return e.text,
            Err(e) => warnings.push(format!("the RTF body could not be read: {e}")),
        }
    }
    String::new()
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
                        name: crate::extract::archive::safe_name(&file_name).0,
                        data: to_eml(&inner),
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
                name: crate::extract::archive::safe_name(&name).0,
                data,
            }),
            Err(e) => warnings.push(format!("attachment '{name}' unreadable: {e}")),
        }
    }
    children
}

/// An attached message as an RFC 5322 message, its own attachments as
/// base64 MIME parts, so the email reader takes it from there.
fn to_eml(m: &Message) -> Vec<u8> {
    let mut out = String::new();
    let header = |out: &mut String, k: &str, v: &str| {
        if !v.is_empty() {
            out.push_str(&format!("{k}: {}\r\n", v.replace(['\r', '\n'], " ")));
        }
    };
    header(&mut out, "From", &m.from);
    header(&mut out, "To", &m.to);
    header(&mut out, "Cc", &m.cc);
    header(&mut out, "Bcc", &m.bcc);
    header(&mut out, "Subject", &m.subject);
    if let Some(d) = m.date {
        header(&mut out, "Date", &d.to_rfc2822());
    }
    header(&mut out, "Message-ID", &m.message_id);
    header(&mut out, "In-Reply-To", &m.in_reply_to);
    header(&mut out, "References", &m.references);
    out.push_str("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"disclose-msg-part\"\r\n\r\n");
    out.push_str("--disclose-msg-part\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    out.push_str(&crate::extract::text::base64(m.body.as_bytes()));
    for child in &m.attachments {
        out.push_str(&format!(
            "\r\n--disclose-msg-part\r\nContent-Type: application/octet-stream; name=\"{0}\"\r\nContent-Disposition: attachment; filename=\"{0}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            child.name.replace('"', "'")
        ));
        out.push_str(&crate::extract::text::base64(&child.data));
    }
    out.push_str("\r\n--disclose-msg-part--\r\n");
    out.into_bytes()
}

/// The dictionary every compressed RTF stream starts from (MS-OXRTFCP).
const RTF_PREBUF: &[u8] = b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

/// Decompresses Outlook's compressed RTF (`LZFu`, or `MELA` = stored).
fn decompress_rtf(data: &[u8], limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let bad = || ExtractError::Corrupt("compressed RTF body is damaged".into());
    let raw_size = u32_at(data, 4).ok_or_else(bad)? as usize;
    let kind = u32_at(data, 8).ok_or_else(bad)?;
    let body = data.get(16..).ok_or_else(bad)?;
    if raw_size as u64 > limits.max_child_bytes {
        return Err(ExtractError::Limit("compressed RTF body too large".into()));
    }
    match kind {
        0x414C_454D => return Ok(body[..raw_size.min(body.len())].to_vec()),
        0x7546_5A4C => {}
        _ => return Err(bad()),
    }
    let mut dict = [0u8; 4096];
    dict[..RTF_PREBUF.len()].copy_from_slice(RTF_PREBUF);
    let mut write = RTF_PREBUF.len();
    let mut out = Vec::with_capacity(raw_size);
    let mut at = 0;
    'outer: while at < body.len() {
        let control = body[at];
        at += 1;
        for bit in 0..8 {
            if control & (1 << bit) == 0 {
                let Some(&b) = body.get(at) else { break 'outer };
                at += 1;
                out.push(b);
                dict[write % 4096] = b;
                write += 1;
            } else {
                let (Some(&hi), Some(&lo)) = (body.get(at), body.get(at + 1)) else {
                    break 'outer;
                };
                at += 2;
                let offset = ((hi as usize) << 4) | ((lo as usize) >> 4);
                let length = (lo as usize & 0x0F) + 2;
                if offset == write % 4096 {
                    break 'outer;
                }
                for k in 0..length {
                    let b = dict[(offset + k) % 4096];
                    out.push(b);
                    dict[write % 4096] = b;
                    write += 1;
                }
            }
            if out.len() >= raw_size {
                break 'outer;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_rtf_is_returned_as_is() {
        let mut data = Vec::new();
        data.extend_from_slice(&(12u32 + 5).to_le_bytes());
        data.extend_from_slice(&5u32.to_le_bytes());
        data.extend_from_slice(&0x414C_454Du32.to_le_bytes());
        data.extend_from_slice(&0u32.to_le_bytes());
        data.extend_from_slice(b"{\\rtf");
        assert_eq!(
            decompress_rtf(&data, &Limits::default()).unwrap(),
            b"{\\rtf"
        );
    }

    #[test]
    fn damaged_compressed_rtf_is_an_error_or_short_not_a_panic() {
        let mut data = vec![0u8; 16];
        data[8..12].copy_from_slice(&0x7546_5A4Cu32.to_le_bytes());
        data[4..8].copy_from_slice(&1000u32.to_le_bytes());
        data.extend_from_slice(&[0xFF, 0xFF]);
        assert!(decompress_rtf(&data, &Limits::default()).is_ok());
        assert!(decompress_rtf(&[1, 2, 3], &Limits::default()).is_err());
    }
}

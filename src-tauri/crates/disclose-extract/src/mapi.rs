//! What Outlook's two file formats share: MAPI property ids, the message
//! model both readers fill (`.msg` from OLE streams, `.pst` from the
//! mailbox's property contexts), how a message becomes an extracted item or
//! an `.eml` file, and how a body is chosen (plain text, else HTML, else
//! compressed RTF, which is decompressed here).

use crate::ole::u32_at;
use crate::{html, rtf, Child, ExtractError, Extracted, Limits};

pub const MESSAGE_CLASS: u16 = 0x001A;
pub const SUBJECT: u16 = 0x0037;
pub const CLIENT_SUBMIT_TIME: u16 = 0x0039;
pub const SENT_REPRESENTING_NAME: u16 = 0x0042;
pub const SENT_REPRESENTING_EMAIL: u16 = 0x0065;
pub const TRANSPORT_HEADERS: u16 = 0x007D;
pub const RECIPIENT_TYPE: u16 = 0x0C15;
pub const SENDER_NAME: u16 = 0x0C1A;
pub const SENDER_EMAIL: u16 = 0x0C1F;
pub const DISPLAY_BCC: u16 = 0x0E02;
pub const DISPLAY_CC: u16 = 0x0E03;
pub const DISPLAY_TO: u16 = 0x0E04;
pub const DELIVERY_TIME: u16 = 0x0E06;
pub const BODY: u16 = 0x1000;
pub const RTF_COMPRESSED: u16 = 0x1009;
pub const HTML: u16 = 0x1013;
pub const MESSAGE_ID: u16 = 0x1035;
pub const REFERENCES: u16 = 0x1039;
pub const IN_REPLY_TO: u16 = 0x1042;
pub const DISPLAY_NAME: u16 = 0x3001;
pub const EMAIL_ADDRESS: u16 = 0x3003;
pub const ATTACH_DATA: u16 = 0x3701;
pub const ATTACH_FILENAME: u16 = 0x3704;
pub const ATTACH_LONG_FILENAME: u16 = 0x3707;
pub const SMTP_ADDRESS: u16 = 0x39FE;
pub const SENDER_SMTP: u16 = 0x5D01;
pub const SENT_REPRESENTING_SMTP: u16 = 0x5D02;

/// The message's text: the plain body, else the HTML body as text, else
/// the compressed RTF body as text. A damaged RTF body is a warning.
pub fn body_text(
    plain: Option<&str>,
    html_body: Option<&[u8]>,
    rtf_compressed: Option<&[u8]>,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> String {
    if let Some(text) = plain.filter(|t| !t.trim().is_empty()) {
        return text.replace("\r\n", "\n");
    }
    if let Some(bytes) = html_body {
        if let Ok(e) = html::extract_html(bytes, limits) {
            return e.text;
        }
    }
    if let Some(compressed) = rtf_compressed {
        match decompress_rtf(compressed, limits).and_then(|raw| rtf::extract_rtf(&raw, limits)) {
            Ok(e) => return e.text,
            Err(e) => warnings.push(format!("the RTF body could not be read: {e}")),
        }
    }
    String::new()
}

/// The value of header `name` in a block of transport headers.
pub fn header_line(headers: &str, name: &str) -> Option<String> {
    headers.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

/// A Windows FILETIME (100 ns ticks since 1601) as a UTC time.
pub fn filetime(ticks: u64) -> Option<chrono::DateTime<chrono::Utc>> {
    const UNIX_EPOCH_TICKS: u64 = 116_444_736_000_000_000;
    if ticks <= UNIX_EPOCH_TICKS {
        return None;
    }
    let secs = (ticks - UNIX_EPOCH_TICKS) / 10_000_000;
    chrono::DateTime::from_timestamp(secs as i64, 0)
}

/// The message as an extracted item: a header block, then the body;
/// attachments become children.
pub fn extracted(message: Message) -> Extracted {
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
    out
}

#[derive(Default)]
/// A MAPI message reduced to what Disclose keeps of it.
pub struct Message {
    pub class: String,
    pub subject: String,
    pub from: String,
    pub to: String,
    pub cc: String,
    pub bcc: String,
    pub date: Option<chrono::DateTime<chrono::Utc>>,
    pub message_id: String,
    pub in_reply_to: String,
    pub references: String,
    pub body: String,
    pub attachments: Vec<Child>,
    pub warnings: Vec<String>,
}

/// `Name <address>`, or whichever of the two is known.
pub fn address(name: &str, email: &str) -> String {
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

/// An attached message as an RFC 5322 message, its own attachments as
/// base64 MIME parts, so the email reader takes it from there.
pub fn to_eml(m: &Message) -> Vec<u8> {
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
    out.push_str(&crate::text::base64(m.body.as_bytes()));
    for child in &m.attachments {
        out.push_str(&format!(
            "\r\n--disclose-msg-part\r\nContent-Type: application/octet-stream; name=\"{0}\"\r\nContent-Disposition: attachment; filename=\"{0}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            child.name.replace('"', "'")
        ));
        out.push_str(&crate::text::base64(&child.data));
    }
    out.push_str("\r\n--disclose-msg-part--\r\n");
    out.into_bytes()
}

/// The dictionary every compressed RTF stream starts from (MS-OXRTFCP).
const RTF_PREBUF: &[u8] = b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

/// Decompresses Outlook's compressed RTF (`LZFu`, or `MELA` = stored).
pub fn decompress_rtf(data: &[u8], limits: &Limits) -> Result<Vec<u8>, ExtractError> {
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

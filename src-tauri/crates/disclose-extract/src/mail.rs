//! Email: RFC 5322 messages (.eml) and mbox files.
//!
//! A message becomes one item whose text is its header block (From, To, Cc,
//! Bcc, Date, Subject) followed by every body a recipient could read: the
//! plain-text part and, when it says something different, the HTML part too
//! (the "plain-text twin" is a classic leak). Attachments, including attached
//! messages, become children. An mbox becomes a container whose children are
//! its messages.

use mail_parser::{Address, Message, MessageParser, MimeHeaders, PartType};

use super::{html, Child, ExtractError, Extracted, Limits};

pub fn extract_eml(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let message = MessageParser::default()
        .parse(data)
        .ok_or_else(|| ExtractError::Corrupt("not a readable email message".into()))?;
    if message.headers().is_empty() {
        return Err(ExtractError::Corrupt("email has no headers".into()));
    }
    Ok(message_to_extracted(&message, limits))
}

fn message_to_extracted(message: &Message, limits: &Limits) -> Extracted {
    let mut out = Extracted::default();
    let mut header_lines = Vec::new();
    for (key, value) in [
        ("from", message.from()),
        ("to", message.to()),
        ("cc", message.cc()),
        ("bcc", message.bcc()),
        ("reply-to", message.reply_to()),
    ] {
        if let Some(list) = value.map(format_addresses).filter(|s| !s.is_empty()) {
            header_lines.push(format!("{}: {list}", title_case(key)));
            out.metadata.insert(key.into(), list);
        }
    }
    if let Some(date) = message.date() {
        out.metadata.insert("date".into(), date.to_rfc3339());
        header_lines.push(format!("Date: {}", date.to_rfc3339()));
        out.date = chrono::DateTime::from_timestamp(date.to_timestamp(), 0);
    }
    if let Some(subject) = message.subject() {
        out.metadata.insert("subject".into(), subject.to_string());
        header_lines.push(format!("Subject: {subject}"));
    }
    if let Some(id) = message.message_id() {
        out.metadata.insert("message-id".into(), id.to_string());
    }
    for (key, value) in [
        ("in-reply-to", message.in_reply_to()),
        ("references", message.references()),
    ] {
        let ids = header_ids(value);
        if !ids.is_empty() {
            out.metadata.insert(key.into(), ids.join(" "));
        }
    }

    let bodies = readable_bodies(message, limits);
    let mut text = header_lines.join("\n");
    for body in bodies {
        text.push_str("\n\n");
        text.push_str(body.trim_end());
    }
    out.text = super::text::normalise_newlines(&text);

    let mut total = 0u64;
    for (index, part) in message.attachments().enumerate() {
        let name = part
            .attachment_name()
            .map(str::to_string)
            .or_else(|| {
                part.message()
                    .and_then(|m| m.subject())
                    .map(|s| format!("{s}.eml"))
            })
            .unwrap_or_else(|| format!("attachment-{}", index + 1));
        let data = part.contents();
        total += data.len() as u64;
        if out.children.len() >= limits.max_children
            || data.len() as u64 > limits.max_child_bytes
            || total > limits.max_children_total_bytes
        {
            out.warnings.push(format!(
                "attachment '{name}' not extracted: over the size limits"
            ));
            continue;
        }
        let name = if part.message().is_some() && !name.to_ascii_lowercase().ends_with(".eml") {
            format!("{name}.eml")
        } else {
            name
        };
        out.children.push(Child {
            name: super::archive::safe_name(&name).0,
            data: data.to_vec(),
        });
    }
    if !out.children.is_empty() {
        let names: Vec<&str> = out.children.iter().map(|c| c.name.as_str()).collect();
        out.metadata.insert("attachments".into(), names.join(", "));
    }
    out
}

/// The plain-text bodies, then any HTML body whose text is not already
/// there.
fn readable_bodies(message: &Message, limits: &Limits) -> Vec<String> {
    let mut bodies: Vec<String> = Vec::new();
    let part_text = |id: &u32| -> Option<String> {
        let part = message.parts.get(*id as usize)?;
        match &part.body {
            PartType::Text(t) => Some(t.to_string()),
            PartType::Html(h) => html::extract_html(h.as_bytes(), limits)
                .ok()
                .map(|e| e.text),
            _ => None,
        }
    };
    for id in &message.text_body {
        if let Some(t) = part_text(id) {
            bodies.push(t);
        }
    }
    for id in &message.html_body {
        if message.text_body.contains(id) {
            continue;
        }
        if let Some(t) = part_text(id) {
            let squashed = squash(&t);
            if !bodies.iter().any(|b| squash(b) == squashed) {
                bodies.push(format!("[HTML part]\n{t}"));
            }
        }
    }
    bodies
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Jane Smith <jane@example.com>, bob@example.com"
fn format_addresses(address: &Address) -> String {
    address
        .iter()
        .map(|a| match (a.name(), a.address()) {
            (Some(n), Some(e)) => format!("{n} <{e}>"),
            (Some(n), None) => n.to_string(),
            (None, Some(e)) => e.to_string(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn header_ids(value: &mail_parser::HeaderValue) -> Vec<String> {
    match value {
        mail_parser::HeaderValue::Text(t) => vec![t.to_string()],
        mail_parser::HeaderValue::TextList(list) => list.iter().map(|t| t.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn title_case(key: &str) -> String {
    key.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// An mbox file: each message becomes a child `.eml`.
pub fn extract_mbox(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut out = Extracted::default();
    let mut total = 0u64;
    for (index, message) in mail_parser::mailbox::mbox::MessageIterator::new(data).enumerate() {
        let Ok(message) = message else {
            out.warnings.push(format!(
                "message {} of the mailbox is unreadable",
                index + 1
            ));
            continue;
        };
        let contents = message.unwrap_contents();
        total += contents.len() as u64;
        if out.children.len() >= limits.max_children || total > limits.max_children_total_bytes {
            out.warnings.push(format!(
                "mailbox cut after {} messages: over the size limits",
                out.children.len()
            ));
            break;
        }
        out.children.push(Child {
            name: format!("message-{:05}.eml", index + 1),
            data: contents,
        });
    }
    if out.children.is_empty() {
        return Err(ExtractError::Corrupt(
            "no messages found in the mailbox".into(),
        ));
    }
    out.metadata
        .insert("messages".into(), out.children.len().to_string());
    out.text = format!("Mailbox of {} messages", out.children.len());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML_TWIN: &[u8] = b"From: Housing Officer <officer@example.org>\r\n\
To: \"Okafor, Grace\" <grace@example.com>\r\n\
Subject: Noise complaint\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0000\r\n\
Message-ID: <abc@example.org>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nA neighbour complained.\r\n\
--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>A neighbour, <b>Mr Patel</b>, complained.</p>\r\n\
--b--\r\n";

    #[test]
    fn headers_and_both_bodies_when_they_differ() {
        let out = extract_eml(HTML_TWIN, &Limits::default()).unwrap();
        assert!(out
            .text
            .contains("From: Housing Officer <officer@example.org>"));
        assert!(out.text.contains("A neighbour complained."));
        assert!(
            out.text.contains("Mr Patel"),
            "HTML-only text must be kept: {}",
            out.text
        );
        assert_eq!(out.metadata["message-id"], "abc@example.org");
        assert_eq!(out.metadata["subject"], "Noise complaint");
        assert!(out.date.is_some());
    }

    #[test]
    fn attached_message_becomes_a_child() {
        let eml = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n\
--x\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@example.org\r\nTo: d@example.org\r\nSubject: inner\r\n\r\ninner body\r\n--x--\r\n";
        let out = extract_eml(eml, &Limits::default()).unwrap();
        assert_eq!(out.children.len(), 1);
        assert_eq!(out.children[0].name, "inner.eml");
        assert!(String::from_utf8_lossy(&out.children[0].data).contains("inner body"));
    }

    #[test]
    fn mbox_splits_messages() {
        let mbox = b"From a@example.org Mon Jan  1 00:00:00 2001\nFrom: a@example.org\nSubject: one\n\nbody one\n\nFrom b@example.org Mon Jan  1 00:00:00 2001\nFrom: b@example.org\nSubject: two\n\nbody two\n";
        let out = extract_mbox(mbox, &Limits::default()).unwrap();
        assert_eq!(out.children.len(), 2);
    }
}

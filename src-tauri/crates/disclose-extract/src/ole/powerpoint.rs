//! PowerPoint 97–2003 (`.ppt`): walks the record tree of the
//! "PowerPoint Document" stream and keeps every text atom (slide text,
//! notes, outlines), 8-bit or UTF-16.

use super::{read_stream, u16_at, u32_at, utf16le, Container};
use crate::{ExtractError, Extracted, Limits};

const TEXT_CHARS_ATOM: u16 = 0x0FA0;
const TEXT_BYTES_ATOM: u16 = 0x0FA8;
const CSTRING: u16 = 0x0FBA;

pub fn extract(file: &mut Container, limits: &Limits) -> Result<Extracted, ExtractError> {
    let stream = read_stream(file, "/PowerPoint Document", limits)?;
    if file.is_stream("/EncryptedSummary") {
        return Err(ExtractError::Encrypted(
            "password-protected PowerPoint presentation".into(),
        ));
    }
    let mut lines = Vec::new();
    let mut at = 0usize;
    // Containers (version 0xF) are entered by reading on; atoms are skipped
    // by their length, so the walk is flat and cannot recurse.
    while at + 8 <= stream.len() {
        let (Some(ver_inst), Some(kind), Some(len)) = (
            u16_at(&stream, at),
            u16_at(&stream, at + 2),
            u32_at(&stream, at + 4),
        ) else {
            break;
        };
        let body = at + 8;
        if ver_inst & 0x000F == 0x000F {
            at = body;
            continue;
        }
        let end = body.saturating_add(len as usize).min(stream.len());
        let bytes = &stream[body..end];
        match kind {
            TEXT_CHARS_ATOM | CSTRING => lines.push(utf16le(bytes)),
            TEXT_BYTES_ATOM => lines.push(encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()),
            _ => {}
        }
        at = end;
    }
    if lines.is_empty() {
        return Err(ExtractError::Corrupt(
            "no text records found in the presentation".into(),
        ));
    }
    let text = lines
        .iter()
        .map(|l| l.replace(['\r', '\u{0b}'], "\n"))
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Extracted {
        text,
        ..Default::default()
    })
}

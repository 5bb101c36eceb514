//! Word 97–2003 (`.doc`): the document's text is a list of pieces (the
//! piece table in the table stream's CLX), each either 8-bit Windows-1252 or
//! UTF-16. All pieces are read, so footnotes, headers, comments and text
//! boxes — stored after the body — are in the text too. Field codes are
//! dropped and their results kept.

use super::{read_stream, u16_at, u32_at, utf16le, Container};
use crate::{ExtractError, Extracted, Limits};

pub fn extract(file: &mut Container, limits: &Limits) -> Result<Extracted, ExtractError> {
    let doc = read_stream(file, "/WordDocument", limits)?;
    if u16_at(&doc, 0) != Some(0xA5EC) {
        return Err(ExtractError::Corrupt(
            "not a Word 97-2003 document (bad FIB signature)".into(),
        ));
    }
    let flags = u16_at(&doc, 0x0A).unwrap_or(0);
    if flags & 0x0100 != 0 {
        return Err(ExtractError::Encrypted(
            "password-protected Word document".into(),
        ));
    }
    let table_name = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let table = read_stream(file, table_name, limits)?;
    let fc_clx = u32_at(&doc, 0x01A2).ok_or_else(|| corrupt("FIB too short"))? as usize;
    let lcb_clx = u32_at(&doc, 0x01A6).ok_or_else(|| corrupt("FIB too short"))? as usize;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| corrupt("piece table outside the table stream"))?;
    let pieces = piece_table(clx)?;
    let mut raw = String::new();
    for piece in pieces {
        let chars = piece.cp_end.saturating_sub(piece.cp_start) as usize;
        let text = if piece.compressed {
            let start = piece.fc as usize / 2;
            let bytes = doc
                .get(start..start + chars)
                .ok_or_else(|| corrupt("a text piece lies outside the document"))?;
            encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
        } else {
            let start = piece.fc as usize;
            let bytes = doc
                .get(start..start + chars * 2)
                .ok_or_else(|| corrupt("a text piece lies outside the document"))?;
            utf16le(bytes)
        };
        raw.push_str(&text);
        if raw.len() > limits.max_text_bytes {
            break;
        }
    }
    Ok(Extracted {
        text: clean(&raw),
        ..Default::default()
    })
}

fn corrupt(what: &str) -> ExtractError {
    ExtractError::Corrupt(format!("Word document: {what}"))
}

struct Piece {
    cp_start: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// Parses the CLX: skips property modifiers (type 1) and reads the piece
/// descriptors (type 2).
fn piece_table(clx: &[u8]) -> Result<Vec<Piece>, ExtractError> {
    let mut at = 0;
    while let Some(&kind) = clx.get(at) {
        match kind {
            1 => at += 3 + u16_at(clx, at + 1).ok_or_else(|| corrupt("bad CLX"))? as usize,
            2 => {
                let len = u32_at(clx, at + 1).ok_or_else(|| corrupt("bad CLX"))? as usize;
                let plc = clx
                    .get(at + 5..at + 5 + len)
                    .ok_or_else(|| corrupt("piece table truncated"))?;
                // (n + 1) character positions of 4 bytes, then n descriptors of 8.
                let n = len.saturating_sub(4) / 12;
                let mut pieces = Vec::with_capacity(n);
                for i in 0..n {
                    let cp_start =
                        u32_at(plc, i * 4).ok_or_else(|| corrupt("piece table truncated"))?;
                    let cp_end =
                        u32_at(plc, i * 4 + 4).ok_or_else(|| corrupt("piece table truncated"))?;
                    let fc_raw = u32_at(plc, (n + 1) * 4 + i * 8 + 2)
                        .ok_or_else(|| corrupt("piece table truncated"))?;
                    let compressed = fc_raw & 0x4000_0000 != 0;
                    pieces.push(Piece {
                        cp_start,
                        cp_end,
                        fc: fc_raw & !0x4000_0000,
                        compressed,
                    });
                }
                return Ok(pieces);
            }
            _ => return Err(corrupt("unknown entry in the piece table")),
        }
    }
    Err(corrupt("no piece table"))
}

/// Word's control characters to plain text: paragraph and cell marks to
/// newlines and tabs; field instructions (between 0x13 and 0x14) dropped,
/// field results kept.
fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut field_depth_in_instruction: Vec<bool> = Vec::new();
    for c in raw.chars() {
        match c {
            '\u{13}' => field_depth_in_instruction.push(true),
            '\u{14}' => {
                if let Some(last) = field_depth_in_instruction.last_mut() {
                    *last = false;
                }
            }
            '\u{15}' => {
                field_depth_in_instruction.pop();
            }
            _ if field_depth_in_instruction.last() == Some(&true) => {}
            '\r' | '\u{0b}' | '\u{0c}' | '\u{0e}' => out.push('\n'),
            '\u{07}' => out.push('\t'),
            '\u{1e}' => out.push('-'),
            '\u{1f}' | '\u{01}' | '\u{08}' | '\u{05}' | '\u{02}' | '\0' => {}
            c => out.push(c),
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_result() {
        assert_eq!(
            clean("Dear \u{13} MERGEFIELD Name \u{14}Jane\u{15},\rThanks"),
            "Dear Jane,\nThanks"
        );
        assert_eq!(clean("a\u{7}b\u{7}\r"), "a\tb");
    }

    #[test]
    fn a_broken_piece_table_is_an_error_not_a_panic() {
        assert!(piece_table(&[2, 255, 255, 255, 255]).is_err());
        assert!(piece_table(&[1, 10]).is_err());
        assert!(piece_table(&[]).is_err());
    }
}

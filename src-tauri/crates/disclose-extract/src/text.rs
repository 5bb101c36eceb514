//! Plain text, JSON and the character-set decoding every text-like reader
//! shares: UTF-8 and UTF-16 by BOM, otherwise the most likely legacy charset
//! (Windows-1252, ISO-8859-x, Shift_JIS, ...) guessed by `chardetng`.

use super::{ExtractError, Extracted, Limits};

/// Decodes bytes of unknown charset to UTF-8, returning the text and the
/// name of the encoding used.
pub fn decode(data: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(data) {
        let (text, _) = enc.decode_without_bom_handling(&data[bom_len..]);
        return (text.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(data) {
        return (s.to_string(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(data, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, _) = enc.decode(data);
    (text.into_owned(), enc.name())
}

/// Decodes bytes declared to be in `label` (e.g. a MIME charset), falling
/// back to detection when the label is unknown.
pub fn decode_with_label(data: &[u8], label: Option<&str>) -> String {
    match label.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes())) {
        Some(enc) => enc.decode(data).0.into_owned(),
        None => decode(data).0,
    }
}

pub fn extract_text(data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    let (text, encoding) = decode(data);
    let mut out = Extracted {
        text: normalise_newlines(&text),
        ..Default::default()
    };
    out.metadata.insert("encoding".into(), encoding.into());
    Ok(out)
}

/// JSON: every string value and key, one per line, so that search finds
/// names wherever they are nested; the document must parse.
pub fn extract_json(data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    let (text, _) = decode(data);
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| ExtractError::Corrupt(format!("invalid JSON: {e}")))?;
    let mut lines = Vec::new();
    flatten_json("", &value, &mut lines, 0);
    Ok(Extracted {
        text: lines.join("\n"),
        ..Default::default()
    })
}

fn flatten_json(path: &str, value: &serde_json::Value, out: &mut Vec<String>, depth: usize) {
    use serde_json::Value;
    if depth > 64 {
        return;
    }
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten_json(&p, v, out, depth + 1);
            }
        }
        Value::Array(items) => {
            for v in items {
                flatten_json(path, v, out, depth + 1);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push(format!("{path}: {s}")),
        other => out.push(format!("{path}: {other}")),
    }
}

/// Base64 (RFC 4648) in 76-character lines, as MIME bodies carry it.
pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len() * 4 / 3 + data.len() / 57 * 2 + 4);
    for (i, chunk) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push_str("\r\n");
        }
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

pub fn normalise_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

/// The largest char boundary of `s` not after `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_charsets_are_decoded() {
        // "Café Ōkafor" isn't in 1252, so use a 1252 sentence with £ and é.
        let bytes = b"Rent arrears of \xa3200 owed by Ren\xe9e since March, she said.";
        let (text, enc) = decode(bytes);
        assert!(text.contains("£200"), "{text}");
        assert!(text.contains("Renée"), "{text}");
        assert_eq!(enc, "windows-1252");
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for c in "Jane".encode_utf16() {
            bytes.extend_from_slice(&c.to_le_bytes());
        }
        assert_eq!(decode(&bytes).0, "Jane");
    }

    #[test]
    fn deep_json_does_not_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        // serde_json refuses past its recursion limit: a clear error, no crash.
        assert!(extract_json(deep.as_bytes(), &Limits::default()).is_err());
    }
}

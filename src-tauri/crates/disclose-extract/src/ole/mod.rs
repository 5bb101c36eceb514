//! OLE compound files (the container of legacy Office and Outlook files):
//! open the container, tell what is inside from its streams, and hand it to
//! the reader for Word 97–2003 (`.doc`), PowerPoint 97–2003 (`.ppt`), Outlook
//! messages (`.msg`) or Excel (`.xls`, via the spreadsheet reader).

mod outlook;
mod powerpoint;
mod word;

use std::io::{Cursor, Read};

use super::{ExtractError, Extracted, FileType, Limits};

type Container<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

pub fn extract_ole(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(data))
        .map_err(|e| ExtractError::Corrupt(format!("unreadable OLE container: {e}")))?;
    let has = |f: &Container, path: &str| f.is_stream(path);
    let mut out = if has(&file, "/WordDocument") {
        word::extract(&mut file, limits)?
    } else if has(&file, "/PowerPoint Document") {
        powerpoint::extract(&mut file, limits)?
    } else if has(&file, "/__properties_version1.0")
        || file.walk().any(|e| e.name().starts_with("__substg1.0_"))
    {
        outlook::extract(&mut file, limits)?
    } else if has(&file, "/Workbook") || has(&file, "/Book") {
        return super::sheet::extract_workbook(FileType::Xls, data, limits);
    } else if has(&file, "/EncryptedPackage") {
        return Err(ExtractError::Encrypted(
            "password-protected Office document".into(),
        ));
    } else if file.is_storage("/Quill") {
        return Err(ExtractError::Unsupported(
            "Microsoft Publisher file (no reader)".into(),
        ));
    } else if has(&file, "/\u{1}Ole10Native") || has(&file, "/Contents") || has(&file, "/CONTENTS")
    {
        embedded_object(&mut file, limits)?
    } else {
        return Err(ExtractError::Unsupported(
            "OLE compound file of an unknown kind".into(),
        ));
    };
    summary_information(&mut file, &mut out);
    Ok(out)
}

/// An object embedded in an Office document (`oleObject1.bin`): the file
/// inside it becomes a child, read like any other file.
fn embedded_object(file: &mut Container, limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut out = Extracted::default();
    if file.is_stream("/\u{1}Ole10Native") {
        let native = read_stream(file, "/\u{1}Ole10Native", limits)?;
        let (name, data) = ole10_native(&native)
            .ok_or_else(|| ExtractError::Corrupt("embedded package object is damaged".into()))?;
        out.text = format!("Embedded file: {name}");
        out.children.push(super::Child {
            name: super::archive::safe_name(&name).0,
            data,
        });
    } else {
        let path = if file.is_stream("/Contents") {
            "/Contents"
        } else {
            "/CONTENTS"
        };
        let data = read_stream(file, path, limits)?;
        out.text = "Embedded object".into();
        out.children.push(super::Child {
            name: "embedded-object".into(),
            data,
        });
    }
    Ok(out)
}

/// The `\x01Ole10Native` stream of a packaged file: size, a label, the
/// original file name and path, then the file's bytes.
fn ole10_native(b: &[u8]) -> Option<(String, Vec<u8>)> {
    let cstr = |at: usize| -> Option<(String, usize)> {
        let end = at + b.get(at..)?.iter().position(|&c| c == 0)?;
        Some((
            encoding_rs::WINDOWS_1252.decode(&b[at..end]).0.into_owned(),
            end + 1,
        ))
    };
    let (label, at) = cstr(6)?;
    let (_file_path, at) = cstr(at)?;
    let at = at + 4;
    let temp_len = u32_at(b, at)? as usize;
    let at = at + 4 + temp_len;
    let size = u32_at(b, at)? as usize;
    let data = b.get(at + 4..at + 4 + size)?.to_vec();
    let name = if label.is_empty() {
        "embedded-file".to_string()
    } else {
        label
    };
    Some((name, data))
}

/// Reads a whole stream, refusing streams over the child size limit.
fn read_stream(file: &mut Container, path: &str, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let mut stream = file
        .open_stream(path)
        .map_err(|e| ExtractError::Corrupt(format!("stream {path} unreadable: {e}")))?;
    let mut buf = Vec::new();
    stream
        .by_ref()
        .take(limits.max_child_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ExtractError::Corrupt(format!("stream {path} truncated: {e}")))?;
    if buf.len() as u64 > limits.max_child_bytes {
        return Err(ExtractError::Limit(format!(
            "stream {path} is larger than {} MiB",
            limits.max_child_bytes >> 20
        )));
    }
    Ok(buf)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

pub(crate) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

pub(crate) fn utf16le(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Title, author and dates from the `\x05SummaryInformation` property set.
fn summary_information(file: &mut Container, out: &mut Extracted) {
    let Ok(data) = read_stream(file, "/\u{5}SummaryInformation", &Limits::default()) else {
        return;
    };
    // Property set: header (28 bytes), then the first section's offset.
    let Some(section) = u32_at(&data, 44).map(|o| o as usize) else {
        return;
    };
    let Some(count) = u32_at(&data, section + 4) else {
        return;
    };
    for i in 0..count.min(64) as usize {
        let Some(id) = u32_at(&data, section + 8 + i * 8) else {
            return;
        };
        let Some(offset) = u32_at(&data, section + 12 + i * 8).map(|o| section + o as usize) else {
            return;
        };
        let key = match id {
            2 => "title",
            3 => "subject",
            4 => "author",
            8 => "last-modified-by",
            12 => "created",
            13 => "modified",
            _ => continue,
        };
        match u32_at(&data, offset) {
            // VT_LPSTR: length-prefixed 8-bit string in the document's code page.
            Some(0x1E) => {
                let len = u32_at(&data, offset + 4).unwrap_or(0) as usize;
                if let Some(bytes) = data.get(offset + 8..offset + 8 + len.min(4096)) {
                    let text = encoding_rs::WINDOWS_1252
                        .decode(bytes)
                        .0
                        .trim_end_matches('\0')
                        .trim()
                        .to_string();
                    if !text.is_empty() {
                        out.metadata.insert(key.into(), text);
                    }
                }
            }
            // VT_FILETIME: 100 ns intervals since 1601.
            Some(0x40) => {
                let lo = u32_at(&data, offset + 4).unwrap_or(0) as u64;
                let hi = u32_at(&data, offset + 8).unwrap_or(0) as u64;
                if let Some(date) = super::mapi::filetime(hi << 32 | lo) {
                    if key == "modified" || (key == "created" && out.date.is_none()) {
                        out.date = Some(date);
                    }
                    out.metadata.insert(key.into(), date.to_rfc3339());
                }
            }
            _ => {}
        }
    }
}

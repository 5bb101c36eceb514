//! Zip archives: every entry becomes a child, behind the limits that stop zip
//! bombs (entry count, entry size, total size, compression ratio, and reads
//! capped whatever the headers claim). Entry names are sanitised: absolute
//! paths and `..` are never followed (originals are stored by hash, so a
//! name is only a label), and the item records that it was unsafe.

use std::io::{Cursor, Read};

use super::{Child, ExtractError, Extracted, Limits};

pub fn extract_zip(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(data))
        .map_err(|e| ExtractError::Corrupt(format!("unreadable zip archive: {e}")))?;
    let mut out = Extracted::default();
    let mut total: u64 = 0;
    let mut listing = Vec::new();
    for index in 0..archive.len() {
        if out.children.len() >= limits.max_children {
            out.warnings.push(format!(
                "archive has {} entries; only the first {} were extracted",
                archive.len(),
                limits.max_children
            ));
            break;
        }
        let mut entry = match archive.by_index(index) {
            Ok(e) => e,
            Err(zip::result::ZipError::UnsupportedArchive(msg)) if msg.contains("assword") => {
                out.warnings
                    .push(format!("entry {} is encrypted", index + 1));
                continue;
            }
            Err(e) => {
                out.warnings
                    .push(format!("entry {} unreadable: {e}", index + 1));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let raw_name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let (name, was_unsafe) = safe_name(&raw_name);
        if was_unsafe {
            out.warnings
                .push(format!("unsafe entry name '{raw_name}' read as '{name}'"));
        }
        listing.push(name.clone());
        if entry.encrypted() {
            out.warnings
                .push(format!("entry '{name}' is encrypted and was not read"));
            continue;
        }
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        if declared > limits.max_child_bytes {
            out.warnings.push(format!(
                "entry '{name}' is too large ({declared} bytes) and was not read"
            ));
            continue;
        }
        if declared > (1 << 20) && declared / compressed > limits.max_ratio {
            out.warnings.push(format!(
                "entry '{name}' expands {}x (zip bomb?) and was not read",
                declared / compressed
            ));
            continue;
        }
        let budget = limits
            .max_child_bytes
            .min(limits.max_children_total_bytes.saturating_sub(total));
        let mut bytes = Vec::with_capacity(declared.min(budget) as usize);
        match entry.by_ref().take(budget + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > budget => {
                out.warnings.push(format!(
                    "entry '{name}' expands past the size limits (zip bomb?) and was not read"
                ));
                if total + bytes.len() as u64 > limits.max_children_total_bytes {
                    break;
                }
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                out.warnings.push(format!("entry '{name}' is corrupt: {e}"));
                continue;
            }
        }
        total += bytes.len() as u64;
        out.children.push(Child { name, data: bytes });
    }
    out.metadata
        .insert("entries".into(), archive.len().to_string());
    out.text = listing.join("\n");
    Ok(out)
}

/// Makes a container's entry name safe to show and to use as a relative
/// path: forward slashes, no root, no `.` or `..`, no control characters.
/// Returns the name and whether anything had to change.
pub fn safe_name(raw: &str) -> (String, bool) {
    let unified = raw.replace('\\', "/");
    let parts: Vec<String> = unified
        .split('/')
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .map(|p| p.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect();
    let name = if parts.is_empty() {
        "unnamed".to_string()
    } else {
        parts.join("/")
    };
    let changed = name != raw;
    // Plain relative names with backslashes are common on Windows; only
    // roots and parent references are unsafe.
    let unsafe_name = unified.starts_with('/')
        || unified.split('/').any(|p| p == "..")
        || unified.chars().nth(1) == Some(':');
    (name, changed && unsafe_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn traversal_names_are_neutralised() {
        let z = zip_of(&[
            ("../../etc/passwd", b"x"),
            ("/abs/file.txt", b"y"),
            ("ok/a.txt", b"z"),
        ]);
        let out = extract_zip(&z, &Limits::default()).unwrap();
        let names: Vec<_> = out.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["etc/passwd", "abs/file.txt", "ok/a.txt"]);
        assert_eq!(out.warnings.len(), 2);
    }

    #[test]
    fn bombs_are_refused() {
        let zeros = vec![0u8; 8 << 20];
        let z = zip_of(&[("bomb.bin", &zeros), ("fine.txt", b"hello")]);
        let limits = Limits {
            max_ratio: 100,
            ..Limits::default()
        };
        let out = extract_zip(&z, &limits).unwrap();
        assert_eq!(out.children.len(), 1);
        assert!(out.warnings[0].contains("zip bomb"), "{:?}", out.warnings);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(extract_zip(b"PK\x03\x04garbage", &Limits::default()).is_err());
    }
}

//! The leak check (`disclose verify`): reads back everything produced for
//! the requester as a recipient could — extracted text, metadata, files
//! inside files, file names, the raw bytes and every decompressed PDF
//! stream — and looks for what was redacted:
//!
//! - every redacted string in any of its forms (letter case, spacing,
//!   hyphenation, "Surname, Given", initial and surname);
//! - any single word of a redacted string;
//! - fragments: a piece of three or more letters from the start or end of
//!   a redacted word (the `ith` of `John Smith`) standing as a word — for
//!   names and words, not for email addresses or numbers.
//!
//! Words and fragments that the case's own unredacted text uses elsewhere
//! (and the words Disclose itself prints: stamps and reason codes) are not
//! counted, so "Road" in a redacted "14 Victoria Road" does not trip it.
//! It fails closed: a file it cannot read is a finding too.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::Result;
use crate::extract::{self, sniff::sniff, Limits};
use crate::marks::{self, Mark, MarkStatus, Variants};

/// One place something redacted was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Leak {
    /// The produced file (and entry inside it, after `!`).
    pub file: String,
    /// `text`, `metadata`, `file name`, `raw bytes`, `unreadable`.
    pub place: String,
    /// What was found.
    pub found: String,
    /// The redaction it comes from.
    pub redacted: String,
    pub item_id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VerifyReport {
    pub files: u64,
    /// Redacted strings looked for.
    pub redactions: u64,
    pub leaks: Vec<Leak>,
    pub clean: bool,
}

struct Needle {
    redacted: String,
    item_id: i64,
}

/// What to look for, built from the case's redactions.
pub struct Needles {
    phrases: Vec<(Variants, Needle)>,
    words: HashMap<String, Needle>,
    fragments: HashMap<String, Needle>,
}

const SHORTEST_WORD: usize = 3;
const RAW: &str = "raw bytes";

impl Needles {
    pub fn from_case(folder: &CaseFolder) -> Result<Needles> {
        let marks: Vec<Mark> = folder
            .store
            .marks_of(None)?
            .into_iter()
            .filter(|m| m.status == MarkStatus::Accepted && !m.text.trim().is_empty())
            .collect();
        let allowed = unredacted_words(folder, &marks)?;
        let mut needles = Needles {
            phrases: Vec::new(),
            words: HashMap::new(),
            fragments: HashMap::new(),
        };
        let mut seen = HashSet::new();
        for mark in &marks {
            if !seen.insert(mark.text.to_lowercase()) {
                continue;
            }
            let needle = || Needle {
                redacted: mark.text.clone(),
                item_id: mark.item_id,
            };
            if let Ok(variants) = Variants::new(&mark.text) {
                needles.phrases.push((variants, needle()));
            }
            for word in words(&mark.text) {
                let length = word.chars().count();
                if length >= SHORTEST_WORD && !allowed.contains(&word) {
                    needles.words.entry(word.clone()).or_insert_with(needle);
                }
                if length > SHORTEST_WORD
                    && is_name_like(&mark.text)
                    && word.chars().all(char::is_alphabetic)
                {
                    for piece in ends(&word) {
                        if !allowed.contains(&piece) {
                            needles.fragments.entry(piece).or_insert_with(needle);
                        }
                    }
                }
            }
        }
        Ok(needles)
    }

    /// Stops counting the words of `text` (text Disclose wrote from trusted
    /// sources, such as the organisation profile) as words or fragments of
    /// redactions. Whole redacted strings are still looked for.
    pub fn allow(&mut self, text: &str) {
        for word in words(text) {
            self.words.remove(&word);
            self.fragments.remove(&word);
        }
    }

    pub fn count(&self) -> usize {
        self.phrases.len()
    }

    /// Looks for the redacted strings in `haystack`, and — unless it is raw
    /// bytes, where short words turn up by chance — for their words and
    /// fragments.
    fn search(&self, haystack: &str, file: &str, place: &str, leaks: &mut Vec<Leak>) {
        let mut found_here = HashSet::new();
        let mut report = |found: &str, needle: &Needle| {
            if found_here.insert(found.to_lowercase()) {
                leaks.push(Leak {
                    file: file.to_string(),
                    place: place.to_string(),
                    found: found.to_string(),
                    redacted: needle.redacted.clone(),
                    item_id: Some(needle.item_id),
                });
            }
        };
        for (variants, needle) in &self.phrases {
            if let Some(found) = variants.find_iter(haystack).next() {
                report(&haystack[found], needle);
            }
        }
        if place == RAW {
            return;
        }
        for word in words(haystack) {
            if let Some(needle) = self.words.get(&word).or_else(|| self.fragments.get(&word)) {
                report(&word, needle);
            }
        }
    }
}

/// Whether pieces of the text's words are worth looking for: names and
/// words, not addresses or numbers, whose pieces are ordinary words.
fn is_name_like(text: &str) -> bool {
    !text.contains('@') && !text.chars().any(|c| c.is_ascii_digit())
}

/// Lower-case words of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The starts and ends of a word, three letters or longer, short of the
/// whole word.
fn ends(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (SHORTEST_WORD..chars.len())
        .flat_map(|n| {
            [
                chars[..n].iter().collect::<String>(),
                chars[chars.len() - n..].iter().collect::<String>(),
            ]
        })
        .collect()
}

/// Every word the case's texts use outside the redactions, and the words
/// Disclose prints itself.
fn unredacted_words(folder: &CaseFolder, marks: &[Mark]) -> Result<HashSet<String>> {
    let mut allowed: HashSet<String> = HashSet::new();
    let case = folder.case()?;
    let own = format!(
        "{} item page of attachments {}",
        case.reference,
        folder
            .reasons()?
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    allowed.extend(words(&own));
    for item in folder.store.items(None)? {
        let text = folder.store.text(item.id)?;
        let mut hidden = Vec::new();
        for mark in marks.iter().filter(|m| m.item_id == item.id) {
            hidden.extend(folder.store.hidden_ranges(mark)?);
        }
        let ranges = marks::merge_ranges(hidden);
        let mut at = 0;
        for range in ranges
            .iter()
            .chain(std::iter::once(&(text.len()..text.len())))
        {
            if let Some(piece) = text.get(at..range.start) {
                allowed.extend(words(piece));
            }
            at = range.end.max(at);
        }
    }
    Ok(allowed)
}

/// Checks the case's renditions, or the files under `path` (a file, a
/// folder, or a zip).
pub fn verify(folder: &CaseFolder, path: Option<&Path>) -> Result<VerifyReport> {
    verify_allowing(folder, path, "")
}

/// As [`verify`], with the words of `trusted` not counted as words or
/// fragments of redactions (see [`Needles::allow`]).
pub fn verify_allowing(
    folder: &CaseFolder,
    path: Option<&Path>,
    trusted: &str,
) -> Result<VerifyReport> {
    let (needles, mut report) = start(folder, trusted)?;
    let files: Vec<PathBuf> = match path {
        Some(p) if p.is_dir() => walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect(),
        Some(p) => vec![p.to_path_buf()],
        None => crate::render::rendition_paths(folder)?
            .into_values()
            .collect(),
    };
    for file in &files {
        let label = file.display().to_string();
        match std::fs::read(file) {
            Ok(data) => check_file(&needles, &data, &label, 0, &mut report),
            Err(e) => report.leaks.push(unreadable(&label, &e.to_string())),
        }
    }
    report.clean = report.leaks.is_empty();
    Ok(report)
}

/// As [`verify_allowing`], over files in memory: `(name, bytes)` pairs,
/// the name standing for the file's path.
pub fn verify_bytes(
    folder: &CaseFolder,
    files: &[(String, Vec<u8>)],
    trusted: &str,
) -> Result<VerifyReport> {
    let (needles, mut report) = start(folder, trusted)?;
    for (name, data) in files {
        check_file(&needles, data, name, 0, &mut report);
    }
    report.clean = report.leaks.is_empty();
    Ok(report)
}

/// What to look for, and an empty report counting it.
fn start(folder: &CaseFolder, trusted: &str) -> Result<(Needles, VerifyReport)> {
    let mut needles = Needles::from_case(folder)?;
    needles.allow(trusted);
    let report = VerifyReport {
        redactions: needles.count() as u64,
        ..VerifyReport::default()
    };
    Ok((needles, report))
}

const MAX_DEPTH: u32 = 4;

fn check_file(needles: &Needles, data: &[u8], label: &str, depth: u32, report: &mut VerifyReport) {
    report.files += 1;
    let name = label.rsplit(['/', '!']).next().unwrap_or(label);
    needles.search(name, label, "file name", &mut report.leaks);
    needles.search(
        &String::from_utf8_lossy(data),
        label,
        RAW,
        &mut report.leaks,
    );
    let file_type = sniff(data, name);
    if file_type == extract::FileType::Zip {
        check_zip(needles, data, label, depth, report);
        return;
    }
    if file_type == extract::FileType::Pdf {
        for stream in pdf_streams(data) {
            needles.search(
                &String::from_utf8_lossy(&stream),
                label,
                RAW,
                &mut report.leaks,
            );
        }
    }
    match extract::extract(file_type, data, name, &Limits::default()) {
        Ok(found) => {
            needles.search(&found.text, label, "text", &mut report.leaks);
            for (key, value) in &found.metadata {
                needles.search(
                    &format!("{key} {value}"),
                    label,
                    "metadata",
                    &mut report.leaks,
                );
            }
            for child in &found.children {
                if depth < MAX_DEPTH {
                    let inner = format!("{label}!{}", child.name);
                    check_file(needles, &child.data, &inner, depth + 1, report);
                }
            }
        }
        Err(e) => report.leaks.push(unreadable(label, &e.to_string())),
    }
}

fn check_zip(needles: &Needles, data: &[u8], label: &str, depth: u32, report: &mut VerifyReport) {
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(data)) {
        Ok(a) => a,
        Err(e) => return report.leaks.push(unreadable(label, &e.to_string())),
    };
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(e) => e,
            Err(e) => {
                report.leaks.push(unreadable(label, &e.to_string()));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let name = entry
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| format!("entry {index}"));
        let inner = format!("{label}!{name}");
        let mut bytes = Vec::new();
        if let Err(e) = (&mut entry).take(1 << 30).read_to_end(&mut bytes) {
            report.leaks.push(unreadable(&inner, &e.to_string()));
            continue;
        }
        if depth < MAX_DEPTH {
            check_file(needles, &bytes, &inner, depth + 1, report);
        }
    }
}

fn unreadable(file: &str, why: &str) -> Leak {
    Leak {
        file: file.to_string(),
        place: "unreadable".into(),
        found: why.to_string(),
        redacted: String::new(),
        item_id: None,
    }
}

/// Every Flate stream of a PDF, decompressed (up to a limit each), so text
/// a viewer would not show is read too.
fn pdf_streams(data: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = find(&data[at..], b"stream").map(|i| at + i + b"stream".len()) {
        let body_start = match data.get(start..start + 2) {
            Some(b"\r\n") => start + 2,
            Some([b'\n', _]) => start + 1,
            _ => start,
        };
        let Some(end) = find(&data[body_start..], b"endstream").map(|i| body_start + i) else {
            break;
        };
        let mut decoded = Vec::new();
        let mut inflater = flate2::read::ZlibDecoder::new(&data[body_start..end]).take(64 << 20);
        if inflater.read_to_end(&mut decoded).is_ok() || !decoded.is_empty() {
            out.push(decoded);
        }
        at = end + b"endstream".len();
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ends_are_the_fragments_looked_for() {
        assert_eq!(ends("smith"), ["smi", "ith", "smit", "mith"]);
        assert!(ends("abc").is_empty());
    }
}

//! The leak check (`disclose verify`): reads back everything produced for
//! the requester as a recipient could — extracted text, metadata, files
//! inside files, file names, the raw bytes and every decompressed PDF
//! stream — and looks for what was redacted ([`needles`] says how).
//!
//! A finding is a whole redacted string (never waivable), or an ambiguous
//! trace of one — a word, a fragment, an OCR near match — shown with the
//! text around it, which the caseworker either redacts or records as "not
//! this person" with a reason ([`waivers`]). It fails closed: a file it
//! cannot read is a finding too.

mod needles;
pub(crate) mod ordinary;
mod recipient;
mod seen;
mod streams;
pub mod waivers;

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::Result;
use crate::extract::{self, sniff::sniff, Limits};
use crate::marks::{MarkStatus, PageBox};
pub use needles::{FindingKind, Needles};
use seen::{OcrCache, Seen, Source};
pub use waivers::{waive, Waiver};

/// One place something redacted was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Leak {
    /// The produced file (and entry inside it, after `!`).
    pub file: String,
    /// `text`, `metadata`, `file name`, `raw bytes`, `unreadable`.
    pub place: String,
    pub kind: FindingKind,
    /// What was found.
    pub found: String,
    /// The text around it, as the reader sees it.
    pub context: String,
    /// The redaction it comes from.
    pub redacted: String,
    /// The item the redaction was made in.
    pub item_id: Option<i64>,
    /// The item the produced file is the copy of, when it is one.
    pub in_item: Option<i64>,
    /// Whether it may be recorded as "not this person" instead of redacted.
    pub waivable: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VerifyReport {
    pub files: u64,
    /// Redacted strings looked for.
    pub redactions: u64,
    /// What still stops the export.
    pub leaks: Vec<Leak>,
    /// Findings the caseworker recorded as "not this person".
    pub waived: Vec<Leak>,
    pub clean: bool,
}

/// A file to check: its name (standing for its path) and, when it is the
/// copy of an item, that item.
pub struct Produced {
    pub name: String,
    pub bytes: Vec<u8>,
    pub item: Option<i64>,
}

const RAW: &str = "raw bytes";
/// Characters of context shown each side of a finding.
const CONTEXT: usize = 40;

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
    let files: Vec<(PathBuf, Option<i64>)> = match path {
        Some(p) if p.is_dir() => walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.into_path(), None))
            .collect(),
        Some(p) => vec![(p.to_path_buf(), None)],
        None => crate::render::rendition_paths(folder)?
            .into_iter()
            .map(|(item, path)| (path, Some(item)))
            .collect(),
    };
    let mut checker = Checker::new(folder, trusted)?;
    let labels: Vec<String> = files.iter().map(|(f, _)| f.display().to_string()).collect();
    checker.look_ahead(
        files
            .iter()
            .zip(&labels)
            .map(|((file, item), label)| (Source::Path(file), label.as_str(), *item)),
    );
    for ((file, item), label) in files.iter().zip(labels) {
        match std::fs::read(file) {
            Ok(data) => checker.file(&data, &label, *item, 0),
            Err(e) => checker.unreadable(&label, &e.to_string()),
        }
    }
    Ok(checker.finish())
}

/// As [`verify_allowing`], over files in memory.
pub fn verify_bytes(
    folder: &CaseFolder,
    files: &[Produced],
    trusted: &str,
) -> Result<VerifyReport> {
    let mut checker = Checker::new(folder, trusted)?;
    checker.look_ahead(
        files
            .iter()
            .map(|f| (Source::Bytes(&f.bytes), f.name.as_str(), f.item)),
    );
    for file in files {
        checker.file(&file.bytes, &file.name, file.item, 0);
    }
    Ok(checker.finish())
}

const MAX_DEPTH: u32 = 4;

/// One run of the leak check: what to look for, the waivers, and the
/// findings so far.
struct Checker {
    needles: Needles,
    /// `(found, redacted)`, lower case.
    waived: HashSet<(String, String)>,
    /// What must be black on the pages of each PDF and image item's copy:
    /// the box and the redacted text under it.
    boxes: HashMap<i64, Vec<(PageBox, String)>>,
    /// Tesseract's readings of drawn pages.
    cache: OcrCache,
    /// The case's temporary folder, where pdftotext and Tesseract are
    /// given what they read.
    tmp: std::path::PathBuf,
    /// What the pixels of the top-level files showed, worked out ahead
    /// (by file name).
    seen: HashMap<String, Seen>,
    report: VerifyReport,
}

impl Checker {
    fn new(folder: &CaseFolder, trusted: &str) -> Result<Checker> {
        let mut needles = Needles::from_case(folder)?;
        needles.allow(trusted);
        let waived = folder
            .store
            .waivers()?
            .into_iter()
            .map(|w| (w.found.to_lowercase(), w.redacted.to_lowercase()))
            .collect();
        recipient::require_tools()?;
        let tmp = folder.tmp_dir();
        crate::private::make_dir(&tmp)?;
        let report = VerifyReport {
            redactions: needles.count() as u64,
            ..VerifyReport::default()
        };
        Ok(Checker {
            needles,
            waived,
            boxes: boxes_to_black(folder)?,
            cache: OcrCache::new(Some(folder.dir().join("ocr-cache")), tmp.clone()),
            tmp,
            seen: HashMap::new(),
            report,
        })
    }

    /// Draws, reads and checks the pages of every PDF and image among
    /// `files`, several files at once, before the one-by-one pass.
    fn look_ahead<'a>(&mut self, files: impl Iterator<Item = (Source<'a>, &'a str, Option<i64>)>) {
        let none = Vec::new();
        let files: Vec<_> = files
            .map(|(source, name, item)| {
                let boxes = item.and_then(|i| self.boxes.get(&i)).unwrap_or(&none);
                (source, name, boxes.as_slice())
            })
            .collect();
        let seen = seen::look_all(&files, &self.cache);
        let found: Vec<(String, Seen)> = files
            .iter()
            .zip(seen)
            .filter_map(|((_, name, _), seen)| seen.map(|s| (name.to_string(), s)))
            .collect();
        self.seen.extend(found);
    }

    fn finish(mut self) -> VerifyReport {
        self.report.clean = self.report.leaks.is_empty();
        self.report
    }

    /// Looks for traces of the redactions in `haystack`: whole strings
    /// only in raw bytes (where short words turn up by chance), words and
    /// fragments too elsewhere, near matches in text read by OCR.
    fn search(&mut self, haystack: &str, file: &str, place: &str, item: Option<i64>) {
        let words = place != RAW;
        let near = place.starts_with("ocr");
        let mut seen = HashSet::new();
        let mut leaks = Vec::new();
        for found in self.needles.find(haystack, words, near) {
            let text = haystack[found.range.clone()].to_string();
            if !seen.insert((text.to_lowercase(), found.kind)) {
                continue;
            }
            leaks.push(Leak {
                file: file.to_string(),
                place: place.to_string(),
                kind: found.kind,
                context: context(haystack, &found.range),
                found: text,
                redacted: found.needle.redacted.clone(),
                item_id: Some(found.needle.item_id),
                in_item: item,
                waivable: found.kind.waivable(),
            });
        }
        for leak in leaks {
            self.push(leak);
        }
    }

    fn push(&mut self, leak: Leak) {
        let key = (leak.found.to_lowercase(), leak.redacted.to_lowercase());
        if leak.waivable && self.waived.contains(&key) {
            self.report.waived.push(leak);
        } else {
            self.report.leaks.push(leak);
        }
    }

    fn unreadable(&mut self, file: &str, why: &str) {
        self.report.leaks.push(Leak {
            file: file.to_string(),
            place: "unreadable".into(),
            kind: FindingKind::Unreadable,
            found: why.to_string(),
            context: String::new(),
            redacted: String::new(),
            item_id: None,
            in_item: None,
            waivable: false,
        });
    }

    fn file(&mut self, data: &[u8], label: &str, item: Option<i64>, depth: u32) {
        self.report.files += 1;
        let name = label.rsplit(['/', '!']).next().unwrap_or(label);
        self.search(name, label, "file name", item);
        self.search(&String::from_utf8_lossy(data), label, RAW, item);
        let file_type = sniff(data, name);
        if file_type == extract::FileType::Zip {
            self.zip(data, label, depth);
            return;
        }
        if file_type == extract::FileType::Pdf {
            for stream in streams::text_streams(data) {
                self.search(&String::from_utf8_lossy(&stream), label, RAW, item);
            }
        }
        match file_type {
            extract::FileType::Pdf => {
                match recipient::pdftotext(data, &self.tmp) {
                    Ok(text) => self.search(&text, label, "pdftotext", item),
                    Err(e) => self.unreadable(label, &format!("pdftotext: {e}")),
                }
                self.pixels(data, true, label, item);
            }
            extract::FileType::Image => self.pixels(data, false, label, item),
            _ => {}
        }
        match extract::extract(file_type, data, name, &Limits::default()) {
            Ok(found) => {
                self.search(&found.text, label, "text", item);
                for (key, value) in &found.metadata {
                    self.search(&format!("{key} {value}"), label, "metadata", item);
                }
                for child in &found.children {
                    if depth < MAX_DEPTH {
                        let inner = format!("{label}!{}", child.name);
                        self.file(&child.data, &inner, None, depth + 1);
                    }
                }
            }
            Err(e) => self.unreadable(label, &e.to_string()),
        }
    }

    /// Checks what the pixels of a PDF or image show: the words read by
    /// OCR, and every box redacted on its pages black.
    fn pixels(&mut self, data: &[u8], is_pdf: bool, label: &str, item: Option<i64>) {
        let seen = match self.seen.remove(label) {
            Some(seen) => seen,
            None => {
                let boxes = item
                    .and_then(|i| self.boxes.get(&i))
                    .cloned()
                    .unwrap_or_default();
                seen::look(data, is_pdf, &boxes, &self.cache)
            }
        };
        for page in seen.pages {
            match page.text {
                Ok(text) => {
                    let place = format!("ocr (page {})", page.number);
                    self.search(&text, label, &place, item);
                }
                Err(e) => self.unreadable(label, &format!("OCR of page {}: {e}", page.number)),
            }
            for ([x0, y0, x1, y1], redacted) in page.not_black {
                self.report.leaks.push(Leak {
                    file: label.to_string(),
                    place: format!("pixels (page {})", page.number),
                    kind: FindingKind::Pixels,
                    found: format!(
                        "the redacted box at [{x0:.0}, {y0:.0}, {x1:.0}, {y1:.0}] is not solid black"
                    ),
                    context: String::new(),
                    redacted,
                    item_id: item,
                    in_item: item,
                    waivable: false,
                });
            }
        }
        if let Some(e) = seen.error {
            self.unreadable(label, &format!("pixels: {e}"));
        }
    }

    fn zip(&mut self, data: &[u8], label: &str, depth: u32) {
        let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(data)) {
            Ok(a) => a,
            Err(e) => return self.unreadable(label, &e.to_string()),
        };
        for index in 0..archive.len() {
            let mut entry = match archive.by_index(index) {
                Ok(e) => e,
                Err(e) => {
                    self.unreadable(label, &e.to_string());
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
                self.unreadable(&inner, &e.to_string());
                continue;
            }
            if depth < MAX_DEPTH {
                self.file(&bytes, &inner, None, depth + 1);
            }
        }
    }
}

/// The boxes each PDF and image item's accepted marks must black out: the
/// marked areas, and the words under the marked text.
fn boxes_to_black(folder: &CaseFolder) -> Result<HashMap<i64, Vec<(PageBox, String)>>> {
    let mut out: HashMap<i64, Vec<(PageBox, String)>> = HashMap::new();
    let accepted = folder
        .store
        .marks_of(None)?
        .into_iter()
        .filter(|m| m.status == MarkStatus::Accepted)
        .collect();
    let mut paged: HashMap<i64, bool> = HashMap::new();
    for mark in folder.store.place(accepted)? {
        let is_paged = match paged.get(&mark.item_id) {
            Some(&p) => p,
            None => {
                let file_type = folder.store.item(mark.item_id)?.file_type;
                let p = file_type == "pdf" || file_type == "image";
                paged.insert(mark.item_id, p);
                p
            }
        };
        if !is_paged {
            continue;
        }
        for place in mark.boxes {
            out.entry(mark.item_id)
                .or_default()
                .push((place, mark.text.clone()));
        }
    }
    Ok(out)
}

/// The text around `range`, on one line.
fn context(text: &str, range: &std::ops::Range<usize>) -> String {
    use crate::extract::text::floor_char_boundary;
    let from = floor_char_boundary(text, range.start.saturating_sub(CONTEXT));
    let to = floor_char_boundary(text, (range.end + CONTEXT).min(text.len()));
    let piece: String = text[from..to]
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    piece.split_whitespace().collect::<Vec<_>>().join(" ")
}

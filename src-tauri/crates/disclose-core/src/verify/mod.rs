//! The leak check (`disclose verify`): reads back everything produced for
//! the requester as a recipient could — extracted text, metadata, files
//! inside files, file names, the raw bytes (of a PDF, those outside its
//! compressed streams, without its own syntax) and every decompressed PDF
//! stream — and looks for what was redacted ([`needles`] says how).
//!
//! A finding is a whole redacted string (never waivable), or an ambiguous
//! trace of one — a word, a fragment, an OCR near match — shown with the
//! text around it, which the caseworker either redacts or records as "not
//! this person" with a reason ([`waivers`]). It fails closed: a file it
//! cannot read is a finding too.

pub mod alongside;
mod needles;
pub(crate) mod ordinary;
mod recipient;
mod seen;
pub mod stored;
mod streams;
pub mod waivers;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::extract::{self, sniff::sniff, Limits};
use crate::isolate::{Isolation, ProcessLimits, Slot};
use crate::marks::PageBox;
use crate::store::originals::sha256_hex;
pub use needles::{FindingKind, Needles};
use seen::OcrCache;
pub use waivers::{waive, Waiver};

/// One place something redacted was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Top-level files read, drawn and OCR'd by this check.
    pub read: u64,
    /// Top-level files whose stored check still held, so were not read.
    pub reused: u64,
    /// Redacted strings looked for.
    pub redactions: u64,
    /// What still stops the export.
    pub leaks: Vec<Leak>,
    /// Findings the caseworker recorded as "not this person".
    pub waived: Vec<Leak>,
    pub clean: bool,
}

/// What a file to check is made of.
pub enum Content<'a> {
    /// Bytes in memory (the letter, the schedule: what an export writes
    /// from the case's records).
    Bytes(&'a [u8]),
    /// A rendition on disk and the SHA-256 recorded when it was made. It is
    /// hashed again first: read only when no stored check matches what is
    /// on disk now; with `must_match` (what an export sends) refused when
    /// it no longer matches the record.
    Rendition {
        path: &'a Path,
        sha256: &'a str,
        must_match: bool,
    },
    /// A file on disk nothing was recorded for (given to `disclose verify`).
    File(&'a Path),
}

/// A file to check.
pub struct ToCheck<'a> {
    /// Its name (standing for its path).
    pub label: &'a str,
    /// The item it is the copy of, when it is one.
    pub item: Option<i64>,
    pub content: Content<'a>,
    /// Where its check is kept in the case (see [`stored`]); `None` for
    /// files that come and go.
    pub key: Option<String>,
}

/// How far a check has got: files read afresh of those to read.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckProgress {
    pub done: u64,
    pub total: u64,
}

/// Who follows a long check: told of progress after each file, and able
/// to stop it between files (it then fails with `cancelled`).
pub struct Watch<'a> {
    pub progress: &'a (dyn Fn(CheckProgress) + Sync),
    pub cancel: &'a AtomicBool,
}

static NEVER: AtomicBool = AtomicBool::new(false);

impl Watch<'static> {
    /// Nobody watching.
    pub fn none() -> Watch<'static> {
        Watch {
            progress: &|_| {},
            cancel: &NEVER,
        }
    }
}

const RAW: &str = "raw bytes";
const NAME: &str = "file name";
/// Characters of context shown each side of a finding.
const CONTEXT: usize = 40;

/// Checks the case's renditions, or the files under `path` (a file, a
/// folder, or a zip).
pub fn verify(folder: &CaseFolder, path: Option<&Path>) -> Result<VerifyReport> {
    verify_allowing(folder, path, "")
}

/// A file the case produced for an item: its recorded SHA-256 (empty when
/// none is recorded, as for a recording's transcript) and the key its check
/// is stored under.
struct CaseFile {
    item: i64,
    sha256: String,
    key: String,
}

/// As [`verify`], with the words of `trusted` not counted as words or
/// fragments of redactions (see [`Needles::allow`]). The case's renditions
/// are checked from their stored checks where those still hold.
pub fn verify_allowing(
    folder: &CaseFolder,
    path: Option<&Path>,
    trusted: &str,
) -> Result<VerifyReport> {
    let files: Vec<(PathBuf, Option<CaseFile>)> = match path {
        Some(p) if p.is_dir() => walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.into_path(), None))
            .collect(),
        Some(p) => vec![(p.to_path_buf(), None)],
        None => case_files(folder)?,
    };
    check_files(folder, &files, trusted, &Watch::none())
}

/// Makes and keeps the check of every rendition whose stored check no
/// longer holds (see [`stored`]), so a preview or an export after it reads
/// only what is new: what `disclose render` does once it has made the
/// renditions. The report's findings are the raw ones, before the bundle's
/// own wording is set aside.
pub fn check_renditions(folder: &CaseFolder, watch: &Watch) -> Result<VerifyReport> {
    check_files(folder, &case_files(folder)?, "", watch)
}

/// The case's renditions of the items to disclose, each with a
/// recording's transcript beside it.
fn case_files(folder: &CaseFolder) -> Result<Vec<(PathBuf, Option<CaseFile>)>> {
    let mut out = Vec::new();
    for item in crate::render::items_to_render(&folder.store)? {
        if let Some(r) = folder.store.rendition(item.id)? {
            let path = folder.dir().join(&r.path);
            // A recording's redacted transcript is checked beside it.
            let transcript = crate::render::transcript_path(&path);
            let beside = transcript.exists().then(|| {
                let file = CaseFile {
                    item: item.id,
                    sha256: r.transcript_sha256.clone().unwrap_or_default(),
                    key: stored::transcript_key(item.id),
                };
                (transcript, Some(file))
            });
            let file = CaseFile {
                item: item.id,
                sha256: r.sha256,
                key: stored::rendition_key(item.id),
            };
            out.push((path, Some(file)));
            out.extend(beside);
        }
    }
    Ok(out)
}

/// Checks files on disk: renditions under their keys, others afresh.
fn check_files(
    folder: &CaseFolder,
    files: &[(PathBuf, Option<CaseFile>)],
    trusted: &str,
    watch: &Watch,
) -> Result<VerifyReport> {
    let checker = Checker::new(folder, trusted)?;
    let labels = labels(files);
    check_with(checker, folder, &to_check(files, &labels), watch)
}

/// The label of each file on disk: its path.
fn labels(files: &[(PathBuf, Option<CaseFile>)]) -> Vec<String> {
    files.iter().map(|(f, _)| f.display().to_string()).collect()
}

/// Files on disk as files to check, labelled by `labels`.
fn to_check<'a>(
    files: &'a [(PathBuf, Option<CaseFile>)],
    labels: &'a [String],
) -> Vec<ToCheck<'a>> {
    files
        .iter()
        .zip(labels)
        .map(|((path, rendition), label)| match rendition {
            Some(file) => ToCheck {
                label,
                item: Some(file.item),
                content: Content::Rendition {
                    path,
                    sha256: &file.sha256,
                    must_match: false,
                },
                key: Some(file.key.clone()),
            },
            None => ToCheck {
                label,
                item: None,
                content: Content::File(path),
                key: None,
            },
        })
        .collect()
}

/// Checks `files`, with the words of `trusted` not counted as words or
/// fragments of redactions. A file with a key and a stored check that
/// still holds is not read again; every other file is read, drawn and
/// OCR'd (several at once, one per core) and its check kept under its key.
/// File names are always checked afresh.
pub fn check(
    folder: &CaseFolder,
    files: &[ToCheck],
    trusted: &str,
    watch: &Watch,
) -> Result<VerifyReport> {
    check_with(Checker::new(folder, trusted)?, folder, files, watch)
}

/// As [`check`], with a checker made already.
fn check_with(
    mut checker: Checker,
    folder: &CaseFolder,
    files: &[ToCheck],
    watch: &Watch,
) -> Result<VerifyReport> {
    let mut fresh = Vec::new();
    for (index, file) in files.iter().enumerate() {
        checker.name(file.label, file.item);
        let sha256 = match &file.content {
            Content::Bytes(bytes) => sha256_hex(bytes),
            Content::Rendition {
                path,
                sha256,
                must_match,
            } => match hash_rendition(path) {
                Ok(now) if now != *sha256 && *must_match => {
                    return Err(changed_rendition(folder, file.item, path));
                }
                Ok(now) => now,
                Err(why) => {
                    checker.unreadable(file.label, &why);
                    continue;
                }
            },
            Content::File(_) => String::new(),
        };
        let fingerprint = file.key.as_ref().map(|_| {
            let terms = format!(
                "{}{}",
                checker.raw.digest(),
                checker.video_marks_of(file.item)
            );
            stored::fingerprint(&sha256, &terms, boxes_of(&checker.boxes, file.item))
        });
        let kept = match (&file.key, &fingerprint) {
            (Some(key), Some(fingerprint)) => folder.store.stored_check(key, fingerprint)?,
            _ => None,
        };
        match kept {
            Some(kept) => {
                checker.report.files += kept.files;
                checker.report.reused += 1;
                let from_records = matches!(file.content, Content::Bytes(_));
                checker.judge(kept.findings, file.label, file.item, from_records);
            }
            None => fresh.push(Fresh {
                index,
                fingerprint,
                sha256,
            }),
        }
    }
    // What is written from records first: its pages go to Tesseract while
    // little else is held.
    fresh.sort_by_key(|f| !matches!(files[f.index].content, Content::Bytes(_)));
    let readings = checker.read_all(folder, files, &fresh, watch)?;
    for (f, outcome) in fresh.iter().zip(readings) {
        let file = &files[f.index];
        match outcome {
            Outcome::Read(reading) => {
                checker.report.read += 1;
                checker.report.files += reading.files;
                checker.report.leaks.extend(reading.now);
                let from_records = matches!(file.content, Content::Bytes(_));
                checker.judge(reading.found, file.label, file.item, from_records);
            }
            Outcome::Unreadable(why) => checker.unreadable(file.label, &why),
            // Refused in `read_all`.
            Outcome::Changed => {}
        }
    }
    Ok(checker.finish())
}

/// A file whose check is made afresh: where it is in the list, the
/// fingerprint its check is kept under, and the SHA-256 that was made from
/// (empty for a file on disk nothing was recorded for).
struct Fresh {
    index: usize,
    fingerprint: Option<String>,
    sha256: String,
}

/// What came of reading one top-level file.
enum Outcome {
    Read(Reading),
    /// It could not be read at all: reported, never kept.
    Unreadable(String),
    /// A rendition an export sends no longer matches its record.
    Changed,
}

/// What reading one top-level file found: how many files it counted
/// (itself and those inside it), the findings to keep with its check (each
/// `file` relative to the top-level file), findings reported now but never
/// kept (sound or frames that could not be read again are tried again next
/// time), and the SHA-256 of the bytes read.
#[derive(Default)]
struct Reading {
    files: u64,
    found: Vec<Leak>,
    now: Vec<Leak>,
    sha256: String,
}

/// The SHA-256 of a rendition, read in pieces.
fn hash_rendition(path: &Path) -> std::result::Result<String, String> {
    use sha2::{Digest, Sha256};
    let mut reader = crate::render::open_rendition(path).map_err(|e| e.to_string())?;
    let mut hash = Sha256::new();
    let mut piece = vec![0u8; 1 << 20];
    loop {
        let n = reader.read(&mut piece).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        hash.update(&piece[..n]);
    }
    Ok(hex::encode(hash.finalize()))
}

/// The bytes of a file to check, or why they cannot be read.
fn read_content<'a>(content: &Content<'a>) -> std::result::Result<Cow<'a, [u8]>, String> {
    match content {
        Content::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
        Content::Rendition { path, .. } => crate::render::read_rendition(path)
            .map(Cow::Owned)
            .map_err(|e| e.to_string()),
        Content::File(path) => std::fs::read(path)
            .map(Cow::Owned)
            .map_err(|e| e.to_string()),
    }
}

/// The integrity error for a rendition whose bytes no longer match the
/// SHA-256 recorded when it was made.
pub fn changed_rendition(folder: &CaseFolder, item: Option<i64>, path: &Path) -> Error {
    let shown = path
        .strip_prefix(folder.dir())
        .unwrap_or(path)
        .display()
        .to_string();
    match crate::integrity::refuse_if_any(&[crate::integrity::Problem {
        kind: "rendition".into(),
        item_id: item,
        path: shown,
        problem: "it no longer matches the SHA-256 recorded when it was rendered".into(),
    }]) {
        Err(e) => e,
        Ok(()) => Error::Integrity("a rendition changed".into()),
    }
}

const MAX_DEPTH: u32 = 4;

/// One run of the leak check: what to look for, the waivers, and the
/// findings so far.
struct Checker {
    /// The redacted strings alone: what files are searched with (and what
    /// stored checks hold the findings of).
    raw: Needles,
    /// The same with the innocent words set aside: what judges each
    /// finding.
    needles: Needles,
    /// `(found, redacted)`, lower case.
    waived: HashSet<(String, String)>,
    /// What must be black on the pages of each PDF and image item's copy:
    /// the box and the redacted text under it.
    boxes: HashMap<i64, Vec<(PageBox, String)>>,
    /// Tesseract's readings of drawn pages.
    cache: OcrCache,
    /// Where the files read are extracted and drawn: worker processes,
    /// as at import.
    isolation: Isolation,
    /// One worker per core, each reading whole files in turn.
    slots: Vec<Slot>,
    /// The case's temporary folder, where pdftotext and Tesseract are
    /// given what they read.
    tmp: std::path::PathBuf,
    /// The marks of each video item: the faces and areas its copy must show
    /// blurred (the accepted ones), and the faces the review saw (all).
    videos: HashMap<i64, Vec<crate::marks::Mark>>,
    /// Findings reported so far: `(file, place, found, kind)`.
    judged: HashSet<(String, String, String, FindingKind)>,
    /// The redacted strings (lower case, as found) that Disclose's own
    /// wording of the schedule holds whole: "PDF" of its "PDF document".
    /// Not findings in what an export writes from records.
    own_strings: HashSet<String>,
    report: VerifyReport,
}

impl Checker {
    fn new(folder: &CaseFolder, trusted: &str) -> Result<Checker> {
        let (raw, mut needles) = Needles::from_case_and_terms(folder)?;
        let words_wanted = !raw.is_empty();
        needles.allow(trusted);
        let labels = crate::bundle::schedule::type_labels();
        let own_strings = raw
            .find(&labels, false, false)
            .into_iter()
            .map(|found| labels[found.range].to_lowercase())
            .collect();
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
            raw,
            needles,
            waived,
            boxes: boxes_to_black(folder)?,
            videos: video_marks(folder)?,
            cache: OcrCache::new(Some(folder.dir().join("ocr-cache")), tmp.clone())
                .looking_for_words(words_wanted),
            isolation: Isolation::new(ProcessLimits::default(), Some(tmp.clone())),
            slots: (0..seen::workers()).map(|_| Slot::default()).collect(),
            tmp,
            judged: HashSet::new(),
            own_strings,
            report,
        })
    }

    /// A video item's marks as text, for a check's fingerprint: which
    /// faces the review saw counts as much as what was blurred.
    fn video_marks_of(&self, item: Option<i64>) -> String {
        item.and_then(|i| self.videos.get(&i))
            .map_or(String::new(), |marks| {
                marks
                    .iter()
                    .map(|m| format!("\n{}:{:?}:{:?}:{:?}", m.id, m.status, m.kind, m.target))
                    .collect()
            })
    }

    /// What reading threads share of this check.
    fn reader(&self) -> Reader<'_> {
        Reader {
            raw: &self.raw,
            boxes: &self.boxes,
            videos: &self.videos,
            cache: &self.cache,
            isolation: &self.isolation,
            tmp: &self.tmp,
        }
    }

    /// Reads the `fresh` files, one per core at a time (each thread with
    /// its own worker), keeping each one's check under its key as it
    /// finishes; the outcomes come back in `fresh`'s order. Stops between
    /// files when `watch` asks (failing with `cancelled` unless all were
    /// read), and at once when a rendition an export sends has changed.
    fn read_all(
        &mut self,
        folder: &CaseFolder,
        files: &[ToCheck],
        fresh: &[Fresh],
        watch: &Watch,
    ) -> Result<Vec<Outcome>> {
        let total = fresh.len() as u64;
        (watch.progress)(CheckProgress { done: 0, total });
        // Started from this thread, which outlives the reading threads.
        let mut slots = std::mem::take(&mut self.slots);
        for slot in &mut slots {
            let _ = self.isolation.ready(slot);
        }
        let reader = self.reader();
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let mut outcomes: Vec<Option<Outcome>> = fresh.iter().map(|_| None).collect();
        let mut failure = None;
        let mut done = 0;
        std::thread::scope(|scope| {
            let (sender, received) = std::sync::mpsc::channel();
            for slot in slots.iter_mut().take(fresh.len()) {
                let (reader, next, stop, sender) = (&reader, &next, &stop, sender.clone());
                scope.spawn(move || loop {
                    if stop.load(Ordering::Relaxed) || watch.cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(f) = fresh.get(at) else {
                        break;
                    };
                    let outcome = reader.read(slot, &files[f.index]);
                    if sender.send((at, outcome)).is_err() {
                        break;
                    }
                });
            }
            drop(sender);
            for (at, outcome) in received {
                if failure.is_some() {
                    continue;
                }
                let (f, file) = (&fresh[at], &files[fresh[at].index]);
                match (&outcome, &file.content) {
                    (Outcome::Changed, Content::Rendition { path, .. }) => {
                        failure = Some(changed_rendition(folder, file.item, path));
                    }
                    (Outcome::Read(reading), _) => {
                        // Kept only when it was made from the bytes the
                        // fingerprint was (a file changed between the two
                        // reads is read afresh next time).
                        let same =
                            matches!(file.content, Content::Bytes(_)) || reading.sha256 == f.sha256;
                        if let (Some(key), Some(fingerprint), true) =
                            (&file.key, &f.fingerprint, same)
                        {
                            let kept = stored::Stored {
                                files: reading.files,
                                findings: reading.found.clone(),
                            };
                            if let Err(e) = folder.store.store_check(key, fingerprint, &kept) {
                                failure = Some(e);
                            }
                        }
                        done += 1;
                        (watch.progress)(CheckProgress { done, total });
                    }
                    _ => {}
                }
                if failure.is_some() {
                    stop.store(true, Ordering::Relaxed);
                }
                outcomes[at] = Some(outcome);
            }
        });
        self.slots = slots;
        if let Some(e) = failure {
            return Err(e);
        }
        outcomes
            .into_iter()
            .map(|outcome| outcome.ok_or(Error::Cancelled))
            .collect()
    }

    fn finish(mut self) -> VerifyReport {
        self.report.clean = self.report.leaks.is_empty();
        self.report
    }

    /// Checks a top-level file's name, as it stands now.
    fn name(&mut self, label: &str, item: Option<i64>) {
        let name = label.rsplit(['/', '!']).next().unwrap_or(label);
        let mut found = Vec::new();
        search(&self.raw, name, label, NAME, item, &mut found);
        let found = relative(found, label);
        self.judge(found, label, item, false);
    }

    /// Reports the findings of a file (found with the redacted strings
    /// alone, `file` relative to `label`) that are findings now: each trace
    /// is looked for again with the innocent words set aside, and waived
    /// when a caseworker recorded it as not the person. In a file written
    /// `from_records` (the letter, the schedule), a redacted string that
    /// the schedule's own wording holds is Disclose's.
    fn judge(&mut self, found: Vec<Leak>, label: &str, item: Option<i64>, from_records: bool) {
        for mut leak in found {
            if from_records
                && leak.kind == FindingKind::Whole
                && self.own_strings.contains(&leak.found.to_lowercase())
            {
                continue;
            }
            leak.file = format!("{label}{}", leak.file);
            if leak.in_item.is_some() {
                leak.in_item = item;
            }
            if !matches!(leak.kind, FindingKind::Pixels | FindingKind::Unreadable) {
                let words = leak.place != RAW;
                let near = leak.place.starts_with("ocr");
                let Some(now) = self.needles.again(&leak.found, words, near) else {
                    continue;
                };
                leak.kind = now.kind;
                leak.redacted = now.needle.redacted.clone();
                leak.item_id = Some(now.needle.item_id);
                leak.waivable = now.kind.waivable();
            }
            let key = (
                leak.file.clone(),
                leak.place.clone(),
                leak.found.to_lowercase(),
                leak.kind,
            );
            if self.judged.insert(key) {
                self.push(leak);
            }
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

    /// A file that could not be read: reported at once, never kept.
    fn unreadable(&mut self, file: &str, why: &str) {
        self.report.leaks.push(unreadable(file, why));
    }
}

/// The boxes that must be black on the pages of `item`'s produced file:
/// what its check's fingerprint holds and what its pixels are checked for.
fn boxes_of(
    boxes: &HashMap<i64, Vec<(PageBox, String)>>,
    item: Option<i64>,
) -> &[(PageBox, String)] {
    item.and_then(|i| boxes.get(&i))
        .map_or(&[], |b| b.as_slice())
}

/// `found` with each finding's `file` made relative to `label`.
fn relative(mut found: Vec<Leak>, label: &str) -> Vec<Leak> {
    for leak in &mut found {
        leak.file = leak
            .file
            .strip_prefix(label)
            .unwrap_or(&leak.file)
            .to_string();
    }
    found
}

/// The words Disclose writes at the foot of every page it makes: "· item
/// 12 · page 1 of 3", "· letter · page 2 of 3". A redacted word found
/// inside them ("Page", "Item") is Disclose's own, not the person's.
static STAMP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"· (?:item \d+|letter|schedule) · page \d+ of \d+").expect("valid regex")
});

/// Whether `range` of raw bytes lies inside a PDF name ("/Page",
/// "/Parent", "/Identity-H"): a slash before it with nothing but a name's
/// characters between, and no space or delimiter in it.
fn pdf_name(haystack: &str, range: &std::ops::Range<usize>) -> bool {
    let delimiter = |c: char| c.is_whitespace() || "()<>[]{}/%".contains(c);
    !haystack[range.clone()].contains(delimiter)
        && haystack[..range.start]
            .chars()
            .rev()
            .find(|&c| delimiter(c))
            .is_some_and(|c| c == '/')
}

/// Whether `range` is a file name's extension ("pdf" of "0001.pdf", of
/// "letter.pdf" in the letter's text): the type of a file, not what it is
/// about.
fn extension(text: &str, range: &std::ops::Range<usize>) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "txt", "csv", "json", "html", "htm", "xml", "zip", "doc", "docx", "xls", "xlsx",
        "ppt", "pptx", "odt", "ods", "odp", "rtf", "eml", "msg", "mbox", "pst", "png", "jpg",
        "jpeg", "gif", "bmp", "tif", "tiff", "webp", "mp3", "mp4", "wav", "mov", "avi", "mkv",
    ];
    let found = &text[range.clone()];
    text[..range.start]
        .strip_suffix('.')
        .is_some_and(|stem| stem.ends_with(|c: char| c.is_alphanumeric() || "_-".contains(c)))
        && EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(found))
}

/// Whether `text` is figures alone: digits, spaces and the marks between
/// numbers.
fn figures_only(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || ".,-/".contains(c))
}

/// Whether `range` lies inside Disclose's own page stamp in `haystack`.
fn in_stamp(haystack: &str, range: &std::ops::Range<usize>) -> bool {
    use crate::extract::text::floor_char_boundary;
    let from = floor_char_boundary(haystack, range.start.saturating_sub(60));
    let to = floor_char_boundary(haystack, (range.end + 60).min(haystack.len()));
    STAMP
        .find_iter(&haystack[from..to])
        .any(|m| from + m.start() <= range.start && range.end <= from + m.end())
}

/// Looks for traces of the redactions `raw` in `haystack`: whole strings
/// only in raw bytes (where short words turn up by chance), words and
/// fragments too elsewhere, near matches in text read by OCR. Disclose's own
/// words are no trace: a PDF name in raw bytes, a file name's extension,
/// the page stamp.
fn search(
    raw: &Needles,
    haystack: &str,
    file: &str,
    place: &str,
    item: Option<i64>,
    out: &mut Vec<Leak>,
) {
    let words = place != RAW;
    let near = place.starts_with("ocr");
    let mut seen = HashSet::new();
    for found in raw.find(haystack, words, near) {
        if !words && pdf_name(haystack, &found.range)
            || extension(haystack, &found.range)
            || in_stamp(haystack, &found.range)
        {
            continue;
        }
        let text = haystack[found.range.clone()].to_string();
        if !seen.insert((text.to_lowercase(), found.kind)) {
            continue;
        }
        out.push(Leak {
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
}

/// What the threads of one check share to read files with.
struct Reader<'c> {
    raw: &'c Needles,
    boxes: &'c HashMap<i64, Vec<(PageBox, String)>>,
    videos: &'c HashMap<i64, Vec<crate::marks::Mark>>,
    cache: &'c OcrCache,
    isolation: &'c Isolation,
    tmp: &'c Path,
}

impl Reader<'_> {
    /// Reads a top-level file (all but its name) in `slot`'s worker.
    fn read(&self, slot: &mut Slot, file: &ToCheck) -> Outcome {
        let data = match read_content(&file.content) {
            Ok(data) => data,
            Err(why) => return Outcome::Unreadable(why),
        };
        let sha256 = match &file.content {
            Content::Bytes(_) => String::new(),
            _ => sha256_hex(&data),
        };
        if let Content::Rendition {
            sha256: recorded,
            must_match: true,
            ..
        } = &file.content
        {
            if sha256 != *recorded {
                return Outcome::Changed;
            }
        }
        let mut pass = Pass {
            reader: self,
            slot,
            reading: Reading::default(),
            own: matches!(file.content, Content::Rendition { .. } | Content::Bytes(_)),
        };
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pass.inside(&data, file.label, file.item, 0);
        }));
        if read.is_err() {
            return Outcome::Unreadable("the check of this file failed".into());
        }
        let mut reading = pass.reading;
        reading.found = relative(reading.found, file.label);
        reading.sha256 = sha256;
        Outcome::Read(reading)
    }
}

/// One thread's reading of one top-level file and the files inside it.
struct Pass<'p, 'c> {
    reader: &'p Reader<'c>,
    slot: &'p mut Slot,
    reading: Reading,
    /// The top-level file is one Disclose wrote (a rendition, or what an
    /// export writes from records), whose text layer holds every word its
    /// text-only pages show (see `seen`).
    own: bool,
}

impl Pass<'_, '_> {
    fn search(&mut self, haystack: &str, file: &str, place: &str, item: Option<i64>) {
        search(
            self.reader.raw,
            haystack,
            file,
            place,
            item,
            &mut self.reading.found,
        );
    }

    /// Looks for whole redacted strings in raw bytes a piece at a time,
    /// each piece overlapping the next by more than any redacted string is
    /// long, so a large file is never held again as text.
    fn raw(&mut self, data: &[u8], label: &str, item: Option<i64>) {
        const PIECE: usize = 1 << 20;
        const OVERLAP: usize = 64 << 10;
        let mut start = 0;
        loop {
            let end = (start + PIECE + OVERLAP).min(data.len());
            self.search(
                &String::from_utf8_lossy(&data[start..end]),
                label,
                RAW,
                item,
            );
            if end == data.len() {
                break;
            }
            start += PIECE;
        }
    }

    /// Looks in a decompressed stream of a PDF Disclose wrote: its drawing,
    /// whose text is glyph codes (read by extraction and `pdftotext`) and
    /// whose numbers are coordinates and sizes, so a redacted string of
    /// figures alone found there ("1 101" of "1 0 0 1 101.04 279.2 Tm") is
    /// no trace.
    fn drawing(&mut self, data: &[u8], label: &str, item: Option<i64>) {
        let before = self.reading.found.len();
        self.raw(data, label, item);
        let new = self.reading.found.split_off(before);
        self.reading
            .found
            .extend(new.into_iter().filter(|leak| !figures_only(&leak.found)));
    }

    /// A finding kept with the file's check.
    fn found(&mut self, leak: Leak) {
        self.reading.found.push(leak);
    }

    fn file(&mut self, data: &[u8], label: &str, item: Option<i64>, depth: u32) {
        let name = label.rsplit(['/', '!']).next().unwrap_or(label);
        self.search(name, label, NAME, item);
        self.inside(data, label, item, depth);
    }

    /// Everything in a file but its own name. When the case has no
    /// redacted strings, nothing in a text can be a finding, so the raw
    /// bytes, the PDF's streams and poppler's reading of it are not looked
    /// through; the file is still extracted, its pages drawn and its boxes
    /// checked, so one that cannot be read or drawn is still a finding.
    fn inside(&mut self, data: &[u8], label: &str, item: Option<i64>, depth: u32) {
        self.reading.files += 1;
        let name = label.rsplit(['/', '!']).next().unwrap_or(label);
        let texts = !self.reader.raw.is_empty();
        let file_type = sniff(data, name);
        if texts {
            if file_type == extract::FileType::Pdf {
                self.raw(&streams::readable_raw(data), label, item);
            } else {
                self.raw(data, label, item);
            }
        }
        if file_type == extract::FileType::Zip {
            self.zip(data, label, depth);
            return;
        }
        if file_type == extract::FileType::Pdf && texts {
            let drawing = self.own && depth == 0;
            streams::each_text_stream(data, |stream| {
                if drawing {
                    self.drawing(stream, label, item);
                } else {
                    self.raw(stream, label, item);
                }
            });
        }
        match file_type {
            extract::FileType::Pdf => {
                if texts {
                    match recipient::pdftotext(data, self.reader.tmp) {
                        Ok(text) => self.search(&text, label, "pdftotext", item),
                        Err(e) => self.found(unreadable(label, &format!("pdftotext: {e}"))),
                    }
                }
                self.pixels(data, (true, self.own && depth == 0), label, item);
            }
            extract::FileType::Image => self.pixels(data, (false, false), label, item),
            extract::FileType::Video => self.video(data, label, item),
            _ => {}
        }
        if !texts && file_type == extract::FileType::Pdf && self.own && depth == 0 {
            // Nothing in the words, metadata or attachments of a PDF
            // Disclose wrote can be a finding when nothing is redacted (it
            // embeds no files), and its pages were drawn above: one that
            // cannot be opened or drawn is a finding already.
            return;
        }
        let never = AtomicBool::new(false);
        let read = self.reader.isolation.extract(
            self.slot,
            file_type,
            data,
            name,
            &Limits::default(),
            &never,
        );
        match read {
            Ok(found) => {
                if file_type == extract::FileType::Audio
                    && !found.metadata.contains_key(crate::media::TRANSCRIBED_BY)
                {
                    // Sound that could not be heard again cannot be cleared.
                    self.reading
                        .now
                        .push(unreadable(label, &found.warnings.join("; ")));
                }
                if file_type == extract::FileType::Video
                    && !found
                        .metadata
                        .contains_key(crate::media::video::TEXT_READ_BY)
                {
                    // Nor a video whose frames could not be read again
                    // (a plate in them would go unseen).
                    self.reading
                        .now
                        .push(unreadable(label, &found.warnings.join("; ")));
                }
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
            Err(stopped) => self.found(unreadable(label, &stopped.to_string())),
        }
    }

    /// Checks what the pixels of a PDF or image show: the words read by
    /// OCR, and every box redacted on its pages black. `kind`: whether it
    /// is a PDF, and whether a top-level one Disclose wrote.
    fn pixels(&mut self, data: &[u8], kind: (bool, bool), label: &str, item: Option<i64>) {
        let boxes = boxes_of(self.reader.boxes, item);
        let seen = seen::look(
            data,
            kind,
            boxes,
            self.reader.cache,
            self.reader.isolation,
            self.slot,
        );
        for page in seen.pages {
            match page.text {
                Ok(text) => {
                    let place = format!("ocr (page {})", page.number);
                    self.search(&text, label, &place, item);
                }
                Err(e) => self.found(unreadable(
                    label,
                    &format!("OCR of page {}: {e}", page.number),
                )),
            }
            for ([x0, y0, x1, y1], redacted) in page.not_black {
                self.found(Leak {
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
            self.found(unreadable(label, &format!("pixels: {e}")));
        }
    }
    /// Checks a produced video: faces found again where they were to be
    /// blurred, and metadata left in it (see `crate::cctv::leaks`). One
    /// that cannot be looked at again is unreadable, so the check fails
    /// closed.
    fn video(&mut self, data: &[u8], label: &str, item: Option<i64>) {
        let marks = item
            .and_then(|i| self.reader.videos.get(&i))
            .cloned()
            .unwrap_or_default();
        match crate::cctv::leaks(self.reader.tmp, data, &marks) {
            Ok(leaks) => {
                for leak in leaks {
                    let found = leak.to_string();
                    let place = match leak {
                        crate::cctv::Leak::Face { time, .. } => format!("faces ({time:.1} s)"),
                        crate::cctv::Leak::Untracked { time, .. } => {
                            format!("an untracked face ({time:.1} s)")
                        }
                        crate::cctv::Leak::Tag(_) => {
                            self.found(unreadable(label, &found));
                            continue;
                        }
                    };
                    self.found(Leak {
                        file: label.to_string(),
                        place,
                        kind: FindingKind::Pixels,
                        found,
                        context: String::new(),
                        redacted: String::new(),
                        item_id: item,
                        in_item: item,
                        waivable: false,
                    });
                }
            }
            Err(e) => self.found(unreadable(
                label,
                &format!("the video could not be looked at again: {e}"),
            )),
        }
    }

    fn zip(&mut self, data: &[u8], label: &str, depth: u32) {
        let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(data)) {
            Ok(a) => a,
            Err(e) => return self.found(unreadable(label, &e.to_string())),
        };
        for index in 0..archive.len() {
            let mut entry = match archive.by_index(index) {
                Ok(e) => e,
                Err(e) => {
                    self.found(unreadable(label, &e.to_string()));
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
                self.found(unreadable(&inner, &e.to_string()));
                continue;
            }
            if depth < MAX_DEPTH {
                self.file(&bytes, &inner, None, depth + 1);
            }
        }
    }
}

/// The finding for a file that could not be read (so could not be checked).
fn unreadable(file: &str, why: &str) -> Leak {
    Leak {
        file: file.to_string(),
        place: "unreadable".into(),
        kind: FindingKind::Unreadable,
        found: why.to_string(),
        context: String::new(),
        redacted: String::new(),
        item_id: None,
        in_item: None,
        waivable: false,
    }
}

/// The marks of every video item, by item: the accepted ones are to be
/// blurred, and all of them say which faces the review saw.
fn video_marks(folder: &CaseFolder) -> Result<HashMap<i64, Vec<crate::marks::Mark>>> {
    let mut out: HashMap<i64, Vec<crate::marks::Mark>> = HashMap::new();
    for mark in folder.store.marks_of_type(crate::cctv::VIDEO)? {
        out.entry(mark.item_id).or_default().push(mark);
    }
    Ok(out)
}

/// The boxes each PDF and image item's accepted marks must black out: the
/// marked areas, and the words under the marked text.
fn boxes_to_black(folder: &CaseFolder) -> Result<HashMap<i64, Vec<(PageBox, String)>>> {
    let mut out: HashMap<i64, Vec<(PageBox, String)>> = HashMap::new();
    for (item, marks) in folder.store.redactions_by_item()? {
        let file_type = folder.store.item(item)?.file_type;
        if !matches!(file_type, extract::FileType::Pdf | extract::FileType::Image) {
            continue;
        }
        // One item's pages at a time: a case's page layouts together are
        // far larger than its boxes.
        for mark in folder.store.place(marks)? {
            for place in mark.boxes {
                out.entry(item)
                    .or_default()
                    .push((place, mark.text.clone()));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn range_of(haystack: &str, word: &str) -> std::ops::Range<usize> {
        let at = haystack.find(word).unwrap();
        at..at + word.len()
    }

    #[test]
    fn pdf_names_and_extensions_are_the_files_own_words() {
        let raw = "/Type /Page /Parent 2 0 R /Encoding /Identity-H /Author (Jo Parent)";
        for name in ["Page", "Parent", "Identity"] {
            assert!(pdf_name(raw, &range_of(raw, name)), "{name}");
        }
        let author = raw.rfind("Parent").unwrap();
        assert!(!pdf_name(raw, &(author..author + 6)));
        assert!(!pdf_name(
            "(see Page) Tj",
            &range_of("(see Page) Tj", "Page")
        ));
        assert!(extension("0001.pdf", &range_of("0001.pdf", "pdf")));
        let letter = "• letter.pdf — this letter";
        assert!(extension(letter, &range_of(letter, "pdf")));
        assert!(!extension(
            "PDF notes.txt",
            &range_of("PDF notes.txt", "PDF")
        ));
        assert!(!extension("pdf", &(0..3)));
        assert!(!extension(
            "sam.ali@example.org",
            &range_of("sam.ali@", "ali")
        ));
        assert!(figures_only("1 101") && figures_only("04/03/1985"));
        assert!(!figures_only("Flat 1 101") && !figures_only("AB123456C"));
    }
}

//! OCR of images and of PDF pages without a text layer, with Tesseract
//! (the `tesseract` program, Debian `tesseract-ocr` + `tesseract-ocr-eng`),
//! keeping a box for every word so a hit on a scan can be shown and
//! redacted on the image.
//!
//! OCR is the slow step, so it is a phase of its own: the import queues
//! items (`ocr_state = 'pending'`) and commits the index first, so the case
//! is searchable at once; [`run`] then works through the queue on every
//! core, storing each item's text and re-indexing it as it goes. A killed
//! run resumes where it stopped. Images are turned upright by their EXIF
//! orientation first; PDF pages are rendered at 300 dpi with `hayro`.
//! Confidence is stored; pages under [`LOW_CONFIDENCE`] are flagged.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::Result;
use crate::extract::ocr::OcrPage;
use crate::extract::{FileType, Page, Word};
use crate::ingest::{ProgressEvent, ProgressSink};
use crate::isolate::{Isolation, Job, ProcessLimits, Reply, Slot};
use crate::store::{originals, ItemRow, OcrUpdate, Status};

/// The reason shown on an image until OCR has read it.
pub const WAITING: &str = "text not read yet: waiting for OCR";
/// Mean word confidence (0–100) under which a page is flagged for review.
pub const LOW_CONFIDENCE: f32 = 60.0;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OcrSummary {
    pub items: u64,
    pub pages: u64,
    pub failed: u64,
    pub low_confidence_pages: u64,
    pub cancelled: bool,
}

/// Whether the `tesseract` program is installed.
pub fn available() -> bool {
    Command::new("tesseract")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Works through the case's OCR queue with `workers` threads, each reading
/// in a worker process with `limits` (see `crate::isolate`).
pub fn run(
    folder: &mut CaseFolder,
    workers: usize,
    limits: &ProcessLimits,
    progress: &dyn ProgressSink,
    cancel: &AtomicBool,
) -> Result<OcrSummary> {
    let mut summary = OcrSummary::default();
    let total = folder.store.ocr_pending_count()?;
    if total == 0 {
        return Ok(summary);
    }
    progress.event(&ProgressEvent::Found {
        files: total,
        bytes: 0,
        already_imported: 0,
    });
    let originals = folder.originals_dir();
    let isolation = Isolation::new(limits.clone(), Some(folder.tmp_dir()));
    let mut slots: Vec<Slot> = (0..workers.max(1)).map(|_| Slot::default()).collect();
    loop {
        if cancel.load(Ordering::Relaxed) {
            summary.cancelled = true;
            break;
        }
        let batch = folder.store.ocr_pending(workers.max(1) * 2)?;
        if batch.is_empty() {
            break;
        }
        let mut jobs = Vec::with_capacity(batch.len());
        for item in batch {
            let text = folder.store.text(item.id)?;
            let pages = folder.store.pages(item.id)?;
            jobs.push((item, text, pages));
        }
        let per_worker = jobs.len().div_ceil(workers.max(1));
        let results: Vec<(ItemRow, OcrUpdate, u64, u64)> = std::thread::scope(|scope| {
            let mut handles = Vec::new();
            let mut free_slots = slots.iter_mut();
            while !jobs.is_empty() {
                let chunk: Vec<_> = jobs.drain(..per_worker.min(jobs.len())).collect();
                let originals = &originals;
                let isolation = &isolation;
                let Some(slot) = free_slots.next() else {
                    break;
                };
                handles.push(scope.spawn(move || {
                    chunk
                        .into_iter()
                        .filter(|_| !cancel.load(Ordering::Relaxed))
                        .map(|(item, text, pages)| {
                            progress.event(&ProgressEvent::FileStarted {
                                path: item.path.clone(),
                                bytes: item.size,
                            });
                            let (update, pages_read, low) =
                                ocr_item(isolation, slot, originals, &item, text, pages, cancel);
                            (item, update, pages_read, low)
                        })
                        .collect::<Vec<_>>()
                }));
            }
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        // An item whose OCR was cancelled stays in the queue.
        let results: Vec<_> = results
            .into_iter()
            .filter(|r| r.1.reason.as_deref() != Some(CANCELLED))
            .collect();
        folder.store.transaction(|store| {
            for (item, update, pages, low) in &results {
                store.apply_ocr(item.id, update)?;
                summary.items += 1;
                summary.pages += pages;
                summary.low_confidence_pages += low;
                summary.failed += update.failed as u64;
            }
            Ok(())
        })?;
        for (item, _, _, _) in &results {
            progress.event(&ProgressEvent::FileDone {
                path: item.path.clone(),
                items: summary.items,
                failed: summary.failed,
            });
        }
        crate::ingest::reindex_pending(folder)?;
    }
    progress.event(&ProgressEvent::Indexed {
        items: summary.items,
    });
    Ok(summary)
}

/// Marks an OCR job stopped by a cancel, so the item stays queued.
const CANCELLED: &str = "cancelled";

/// OCRs one item in `slot`'s worker; never fails, a failure is recorded on
/// the item.
fn ocr_item(
    isolation: &Isolation,
    slot: &mut Slot,
    originals: &Path,
    item: &ItemRow,
    text: String,
    pages: Vec<Page>,
    cancel: &AtomicBool,
) -> (OcrUpdate, u64, u64) {
    let data = match originals::read(originals, &item.sha256) {
        Ok(d) => d,
        Err(e) => {
            return (
                failed(item, text, pages, format!("original unreadable: {e}")),
                0,
                0,
            )
        }
    };
    let file_type = item.file_type;
    let wanted = page_numbers(
        item.metadata
            .get("pages-without-text")
            .map(String::as_str)
            .unwrap_or(""),
    );
    let job = Job::Ocr {
        file_type,
        pages: wanted,
    };
    let read = match isolation.run(slot, job, &data, cancel) {
        Ok(Reply::Ocr(read)) => read,
        Ok(Reply::Panicked(message)) => {
            Err(format!("the OCR step crashed on this file: {message}"))
        }
        Ok(_) => Err("the OCR worker gave an unexpected answer".into()),
        Err(crate::isolate::Failure::Cancelled) => {
            let mut update = failed(item, text, pages, String::new());
            update.reason = Some(CANCELLED.into());
            return (update, 0, 0);
        }
        Err(failure) => Err(failure.to_string()),
    };
    match read {
        Ok(ocr_pages) => merge(item, text, pages, ocr_pages),
        Err(e) => (failed(item, text, pages, e), 0, 0),
    }
}

fn failed(item: &ItemRow, text: String, pages: Vec<Page>, why: String) -> OcrUpdate {
    let mut reasons = other_reasons(item);
    reasons.push(format!("OCR failed: {why}"));
    let status = if text.is_empty() && item.file_type == FileType::Image {
        Status::Failed
    } else {
        Status::Partial
    };
    OcrUpdate {
        text,
        pages,
        status,
        reason: Some(reasons.join("; ")),
        confidence: None,
        failed: true,
    }
}

/// The item's reasons other than the ones OCR answers.
fn other_reasons(item: &ItemRow) -> Vec<String> {
    item.reason
        .as_deref()
        .unwrap_or("")
        .split("; ")
        .filter(|r| !r.is_empty() && *r != WAITING && !r.starts_with("no text layer on page"))
        .map(str::to_string)
        .collect()
}

/// Appends the OCR text to the item's text, with word boxes on its pages.
fn merge(
    item: &ItemRow,
    mut text: String,
    mut pages: Vec<Page>,
    ocr_pages: Vec<OcrPage>,
) -> (OcrUpdate, u64, u64) {
    let mut reasons = other_reasons(item);
    let mut low_pages = Vec::new();
    let (mut conf_sum, mut conf_n) = (0.0f32, 0usize);
    for ocr in &ocr_pages {
        if let Some(problem) = &ocr.problem {
            reasons.push(format!("OCR could not read page {}: {problem}", ocr.number));
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut words = Vec::new();
        let mut page_conf = (0.0f32, 0usize);
        for line in &ocr.lines {
            for (i, (word, bbox, conf)) in line.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(word);
                words.push(Word {
                    start,
                    end: text.len(),
                    bbox: *bbox,
                });
                page_conf.0 += conf;
                page_conf.1 += 1;
            }
            text.push('\n');
        }
        if page_conf.1 > 0 {
            let mean = page_conf.0 / page_conf.1 as f32;
            conf_sum += page_conf.0;
            conf_n += page_conf.1;
            if mean < LOW_CONFIDENCE {
                low_pages.push(format!("{} ({mean:.0}%)", ocr.number));
            }
        }
        match pages.iter_mut().find(|p| p.number == ocr.number) {
            Some(page) => page.words.extend(words),
            None => pages.push(Page {
                number: ocr.number,
                width: ocr.width,
                height: ocr.height,
                words,
            }),
        }
    }
    pages.sort_by_key(|p| p.number);
    if conf_n == 0 && ocr_pages.iter().all(|p| p.problem.is_none()) {
        reasons.push("OCR found no text".into());
    }
    if !low_pages.is_empty() {
        reasons.push(format!(
            "low OCR confidence on page(s) {}: check by eye",
            low_pages.join(", ")
        ));
    }
    let confidence = (conf_n > 0).then(|| conf_sum / conf_n as f32);
    let status = if reasons.is_empty() {
        Status::Ok
    } else {
        Status::Partial
    };
    let reason = (!reasons.is_empty()).then(|| reasons.join("; "));
    let text = text.trim_end().to_string();
    let low = low_pages.len() as u64;
    (
        OcrUpdate {
            text,
            pages,
            status,
            reason,
            confidence,
            failed: false,
        },
        ocr_pages.len() as u64,
        low,
    )
}

/// "1-3, 5" → [1, 2, 3, 5]
fn page_numbers(spec: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                    out.extend(a..=b.min(a + 10_000));
                }
            }
            None => out.extend(part.parse::<u32>().ok()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_specs() {
        assert_eq!(page_numbers("1-3, 5"), [1, 2, 3, 5]);
        assert_eq!(page_numbers(""), Vec::<u32>::new());
    }
}

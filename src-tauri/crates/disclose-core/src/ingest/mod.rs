//! Import: walk the inputs, extract every file and everything inside it on
//! all cores, and store and index the results through one writer.
//!
//! Shape: `workers` threads take the input files one at a time from a
//! shared list (see [`worker`]); finished trees come back down a bounded
//! channel to the calling thread, which is the only writer (see [`writer`]).
//! The channel holds at most `16 × workers` finished trees (text, no raw
//! bytes), so memory is bounded whatever the size of the import (see
//! `docs/import.md` for the figures). Originals are synced
//! in the background as they are kept (see [`durable`]); the writer waits
//! for a batch's before committing it.
//!
//! Resuming: an input whose source key is already in the case was fully
//! stored (each input's item tree is written in one transaction), so a
//! re-run of a killed import skips it; items stored but not yet indexed are
//! indexed first.
//!
//! Outlook mailboxes (`.pst`) are the exception: they are read after the
//! other inputs, message by message, and stored in batches under the
//! mailbox's item (see [`mailbox`]), so a mailbox of any size fits in
//! bounded memory and a killed import carries on where it stopped.

mod durable;
mod journal;
mod mailbox;
mod speech_parts;
mod walk;
pub mod worker;
mod writer;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::extract::Limits;
use crate::isolate::{Isolation, ProcessLimits, Slot};
use crate::store::Status;

pub use walk::{walk, InputFile};

/// Finished trees that may wait for the writer, per worker thread.
const DONE_PER_WORKER: usize = 16;

/// The writer commits after this many input trees, or after
/// [`BATCH_TIME`] (each commit also waits for the batch's originals to be
/// on disk).
const BATCH_TREES: usize = 256;
const BATCH_TIME: std::time::Duration = std::time::Duration::from_secs(1);

/// Import settings.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub limits: Limits,
    /// Extraction threads, each with its worker process; defaults to two
    /// per core. A thread waits while its worker reads, and its worker
    /// waits while the thread reads the next file from disk and keeps its
    /// original, so one pair per core leaves the cores idle about a fifth
    /// of an import.
    pub workers: usize,
    /// OCR threads after the import; defaults to one per core.
    pub ocr_workers: usize,
    /// Read images and scanned pages with OCR after the import (when
    /// Tesseract is installed); otherwise they wait for `ocr::run`.
    pub ocr: bool,
    /// Time and memory each file may use in its worker process.
    pub process: ProcessLimits,
}

/// The cores of this machine (two when it cannot tell).
fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

/// Who imports and when come from the case's [`crate::Context`]: every
/// item of one run is recorded with the same person and time.
impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            limits: Limits::default(),
            workers: 2 * cores(),
            ocr_workers: cores(),
            ocr: true,
            process: ProcessLimits::default(),
        }
    }
}

/// What an import did. `ok + partial + failed == items`.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportSummary {
    /// Files found under the given paths (a container counts once).
    pub inputs: u64,
    /// Inputs already in the case from an earlier run, skipped.
    pub already_imported: u64,
    /// Inputs processed by this run.
    #[serde(skip)]
    pub inputs_done: u64,
    /// Items stored by this run, children included.
    pub items: u64,
    pub ok: u64,
    pub partial: u64,
    pub failed: u64,
    /// Items whose bytes (or Message-ID) match an earlier item: grouped
    /// with it and not indexed again. Counted in ok/partial/failed too.
    pub duplicates: u64,
    /// Bytes of the inputs processed.
    pub bytes: u64,
    /// Items that failed, with the reason.
    pub failures: Vec<(String, String)>,
    /// Items re-indexed after an interrupted run.
    pub reindexed: u64,
    /// Whether the run was cancelled before the end.
    pub cancelled: bool,
    /// Threads and near-duplicates across the whole case after this run.
    pub grouping: crate::threads::GroupingSummary,
    /// What OCR read after the import.
    pub ocr: crate::ocr::OcrSummary,
    /// Items still waiting for OCR (Tesseract missing, OCR off, or cancelled).
    pub ocr_pending: u64,
    /// Recordings whose transcription carried on from the parts an
    /// earlier, cancelled or killed import had finished.
    pub resumed: Vec<Resumed>,
}

/// A transcription that carried on where an earlier run stopped.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Resumed {
    pub path: String,
    /// Parts (of at most 30 s of one side) taken as the earlier run left
    /// them, not transcribed again.
    pub parts: u32,
    /// Where the transcription resumed from: the seconds of sound those
    /// parts hold (both sides counted on a call recorded apart).
    pub resumed_from: f64,
}

impl ImportSummary {
    fn count(&mut self, status: Status, duplicate: bool) {
        self.items += 1;
        match status {
            Status::Ok => self.ok += 1,
            Status::Partial => self.partial += 1,
            Status::Failed => self.failed += 1,
        }
        if duplicate {
            self.duplicates += 1;
        }
    }

    /// Moves an item counted as `from` to `to` (a mailbox's final status).
    fn recount(&mut self, from: Status, to: Status) {
        for (status, change) in [(from, -1i64), (to, 1)] {
            let count = match status {
                Status::Ok => &mut self.ok,
                Status::Partial => &mut self.partial,
                Status::Failed => &mut self.failed,
            };
            *count = count.saturating_add_signed(change);
        }
    }
}

/// Progress reported during an import.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ProgressEvent {
    /// The inputs were walked: how many files and bytes there are to do.
    Found {
        files: u64,
        bytes: u64,
        already_imported: u64,
    },
    /// A worker began a file.
    FileStarted { path: String, bytes: u64 },
    /// A file and everything inside it was stored. `items` and `failed`
    /// count this run's items so far (children included).
    FileDone {
        path: String,
        items: u64,
        failed: u64,
    },
    /// A batch of the messages of a mailbox (`path`) was stored; the
    /// mailbox itself is `FileDone` once read to the end.
    ItemsStored {
        path: String,
        items: u64,
        failed: u64,
    },
    /// A recording (`path`) is being transcribed: `seconds` of `of`
    /// heard (both sides of a call counted).
    Transcribing { path: String, seconds: f64, of: f64 },
    /// The index was committed.
    Indexed { items: u64 },
}

/// Receives progress; the CLI draws a bar, the desktop forwards to the UI,
/// tests collect.
pub trait ProgressSink: Sync {
    fn event(&self, event: &ProgressEvent);
}

/// Ignores progress.
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn event(&self, _: &ProgressEvent) {}
}

/// Imports `paths` into the case. `cancel` may be set from another thread;
/// the import then stops after the files in flight, keeping everything
/// already stored.
pub fn import(
    folder: &mut CaseFolder,
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn ProgressSink,
    cancel: &AtomicBool,
) -> Result<ImportSummary> {
    if paths.is_empty() {
        return Err(Error::Invalid(
            "nothing to import: give at least one file or folder".into(),
        ));
    }
    let (files, problems) = walk(paths)?;
    let reindexed = reindex_pending(folder)?;

    let journal = journal::Journal::open(folder.dir())?;
    let mut todo = Vec::new();
    let mut poisoned = Vec::new();
    let mut mailboxes = Vec::new();
    let mut already = 0;
    for file in files.iter() {
        let key = source_key(file);
        let is_mailbox = mailbox::is_mailbox(file);
        if !is_mailbox && folder.store.has_source(&key)? {
            already += 1;
        } else if !is_mailbox && journal.attempts(&key) >= journal::POISON_AFTER {
            poisoned.push(file.clone());
        } else if is_mailbox {
            if mailbox::needs_reading(&folder.store, &key)? {
                mailboxes.push(file.clone());
            } else {
                already += 1;
            }
        } else {
            todo.push(file.clone());
        }
    }
    let total_bytes: u64 = todo.iter().chain(&mailboxes).map(|f| f.size).sum();
    progress.event(&ProgressEvent::Found {
        files: (todo.len() + mailboxes.len() + poisoned.len()) as u64,
        bytes: total_bytes,
        already_imported: already,
    });

    // One person and one time for every item of this run.
    let (now, user) = (folder.now(), folder.actor().to_string());
    let import_id = folder.store.begin_import(
        &now,
        &paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>(),
        &user,
    )?;
    let seen: HashSet<String> = folder.store.all_hashes()?;
    let seen = Mutex::new(seen);
    let originals = folder.originals_dir();
    let speech_parts = folder.dir().join("speech");
    let isolation = Isolation::new(options.process.clone(), Some(folder.tmp_dir()));
    let durable = durable::Durable::start(originals.clone());
    let ctx = worker::WorkerContext {
        originals: &originals,
        limits: &options.limits,
        seen: &seen,
        isolation: &isolation,
        durable: &durable,
        cancel,
        progress,
        speech_parts: &speech_parts,
    };

    let mut writer = writer::Writer::new(folder, &durable, import_id, now.clone(), user.clone())?;
    let poisoned_nodes = poisoned
        .iter()
        .map(|file| worker::poisoned_file(&ctx, &file.abs, &file.display, source_key(file)))
        .collect();
    writer.write_batch(poisoned_nodes, progress)?;
    for file in &poisoned {
        journal.forget(&source_key(file));
    }
    let workers = options.workers.max(1);
    // Taken one at a time by the worker threads, in input order.
    let jobs = Mutex::new(todo.into_iter().enumerate());
    // Room for the workers to carry on while the writer waits for the disk
    // (each batch's originals are synced before it is committed).
    let (done_tx, done_rx) =
        crossbeam_channel::bounded::<(usize, worker::Node)>(workers * DONE_PER_WORKER);

    let write_result = std::thread::scope(|scope| -> Result<()> {
        for n in 0..workers {
            let jobs = &jobs;
            let done_tx = done_tx.clone();
            let ctx = &ctx;
            let journal = &journal;
            std::thread::Builder::new()
                .name(format!("disclose-worker-{n}"))
                .spawn_scoped(scope, move || {
                    let mut slot = Slot::default();
                    let mut entry = journal.slot(n);
                    loop {
                        if cancel.load(Ordering::Relaxed) {
                            break;
                        }
                        let next = jobs.lock().unwrap_or_else(|e| e.into_inner()).next();
                        let Some((seq, file)) = next else {
                            break;
                        };
                        progress.event(&ProgressEvent::FileStarted {
                            path: file.display.clone(),
                            bytes: file.size,
                        });
                        let key = source_key(&file);
                        // Without a journal entry a killed run could not
                        // tell which file was in flight: read nothing.
                        if entry.start(&key).is_err() {
                            break;
                        }
                        let node = worker::process_file(
                            ctx,
                            &mut slot,
                            &file.abs,
                            &file.display,
                            key.clone(),
                        );
                        entry.finish(&key);
                        if node.any_cancelled() {
                            break;
                        }
                        if done_tx.send((seq, node)).is_err() {
                            break;
                        }
                    }
                })
                .expect("spawn import worker");
        }
        drop(done_tx);
        // Owned here, so that if writing fails the workers' next send
        // fails too and they stop, rather than wait on a full channel.
        let done_rx = done_rx;
        let mut batch = Vec::new();
        let mut last_flush = std::time::Instant::now();
        let mut order = InputOrder::default();
        for (seq, node) in done_rx.iter() {
            writer.summary.bytes += node.size;
            batch.extend(order.arrived(seq, node));
            if batch.len() >= BATCH_TREES || last_flush.elapsed() > BATCH_TIME {
                writer.write_batch(std::mem::take(&mut batch), progress)?;
                last_flush = std::time::Instant::now();
            }
        }
        batch.extend(order.drain());
        writer.write_batch(batch, progress)?;
        Ok(())
    });
    write_result?;
    for file in &mailboxes {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        writer.summary.bytes += file.size;
        mailbox::import_mailbox(&mut writer, &ctx, file, source_key(file), progress, cancel)?;
    }
    let (mut summary, grouping) = writer
        .finish()?
        .commit_while(folder, crate::threads::regroup)?;
    summary.grouping = grouping;
    progress.event(&ProgressEvent::Indexed {
        items: summary.items,
    });
    summary.inputs = files.len() as u64;
    summary.already_imported = already;
    summary.reindexed = reindexed;
    summary.cancelled = cancel.load(Ordering::Relaxed);
    for (path, reason) in problems {
        summary.failures.push((path, reason));
    }
    if options.ocr && crate::ocr::available() {
        summary.ocr = crate::ocr::run(
            folder,
            options.ocr_workers,
            &options.process,
            progress,
            cancel,
        )?;
    }
    summary.ocr_pending = folder.store.ocr_pending_count()?;
    folder.store.finish_import(import_id, &now)?;
    folder.store.audit(
        &now,
        &user,
        crate::audit::Action::Import,
        &serde_json::json!({
            "paths": paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "inputs": summary.inputs,
            "already_imported": summary.already_imported,
            "items": summary.items,
            "ok": summary.ok,
            "partial": summary.partial,
            "failed": summary.failed,
            "duplicates": summary.duplicates,
            "cancelled": summary.cancelled,
        }),
    )?;
    Ok(summary)
}

/// Puts finished inputs back in input order, so item numbers follow the
/// order of the files, not which worker finished first. A slow file holds
/// back at most `MAX_WAITING` others; past that they are written as they
/// come.
#[derive(Default)]
struct InputOrder {
    next: usize,
    waiting: std::collections::BTreeMap<usize, worker::Node>,
}

const MAX_WAITING: usize = 256;

impl InputOrder {
    fn arrived(&mut self, seq: usize, node: worker::Node) -> Vec<worker::Node> {
        if seq < self.next {
            return vec![node];
        }
        self.waiting.insert(seq, node);
        let mut ready = Vec::new();
        if self.waiting.len() > MAX_WAITING {
            if let Some((first, node)) = self.waiting.pop_first() {
                self.next = first + 1;
                ready.push(node);
            }
        }
        while let Some(node) = self.waiting.remove(&self.next) {
            ready.push(node);
            self.next += 1;
        }
        ready
    }

    fn drain(&mut self) -> Vec<worker::Node> {
        std::mem::take(&mut self.waiting).into_values().collect()
    }
}

/// The key that identifies an input across runs.
fn source_key(file: &InputFile) -> String {
    file.abs.to_string_lossy().into_owned()
}

/// Indexes items that a killed run stored but the index never committed.
pub fn reindex_pending(folder: &mut CaseFolder) -> Result<u64> {
    let mut total = 0u64;
    let mut writer = folder.index.writer()?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    loop {
        let ids = folder.store.unindexed(1_000)?;
        if ids.is_empty() {
            break;
        }
        for id in &ids {
            let doc = writer::PendingDoc::of_stored(&folder.store, *id)?;
            folder.index.replace(&writer, &doc.as_index_doc(*id))?;
        }
        writer.commit()?;
        folder.store.transaction(|s| s.mark_indexed(&ids))?;
        total += ids.len() as u64;
    }
    folder.index.merge_when_done(writer, total)?;
    Ok(total)
}

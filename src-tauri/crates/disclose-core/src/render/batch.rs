//! Rendering many items at once, on every core. The calling thread reads
//! each item's inputs from the case (original, text, page layout, marks)
//! and takes the page pictures kept from an earlier render
//! ([`super::cache`]); worker threads — each with its own reader process
//! (`isolate::Slot`) under the same time and memory limits as ever — draw
//! the pages still needed, a few at a time, so one long PDF is drawn on
//! every core too, and make the other files. Each rendition is written as
//! soon as all its pieces are in, so a run stopped midway (`Watch`'s
//! cancel) keeps every item it finished, and the next run renders only
//! the rest.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crossbeam_channel::{bounded, unbounded, Receiver, Sender};

use super::document::{self, Span};
use super::pdf::{self, Area, PagePicture, PAGES_PER_JOB};
use super::{cache, image, table, writer, RenderProblem, RenderSummary, Rendition};
use crate::case::CaseFolder;
use crate::error::Result;
use crate::extract::{FileType, Page};
use crate::isolate::{Isolation, ProcessLimits, Slot};
use crate::marks::Mark;
use crate::store::{ItemRow, Status};
use crate::verify::alongside::Lane;
use crate::verify::{CheckProgress, Watch};

/// A piece of work for a worker thread.
enum Task {
    /// Draw these pages of a PDF and black them out.
    Draw {
        item: i64,
        data: Arc<Vec<u8>>,
        numbers: Vec<u32>,
        areas: Arc<Vec<Area>>,
    },
    /// Make a whole file.
    Make { item: i64, make: Make },
}

/// A file made whole on a worker thread.
enum Make {
    Image {
        data: Vec<u8>,
        areas: Vec<Area>,
    },
    Document {
        title: String,
        body: String,
        spans: Vec<Span>,
        stamp: String,
    },
    Table {
        title: String,
        tables: Vec<crate::extract::RecordTable>,
        redacted: Vec<table::Redacted>,
        stamp: String,
    },
}

/// The bytes of a finished file, its extension and its page count.
type Made = std::result::Result<(Vec<u8>, &'static str, usize), String>;

enum Answer {
    Drawn {
        item: i64,
        pictures: std::result::Result<Vec<PagePicture>, String>,
    },
    Made {
        item: i64,
        made: Made,
    },
}

/// What the calling thread keeps of an item while its pieces are made.
struct Pending {
    item: ItemRow,
    redactions: Vec<Mark>,
    pdf: Option<PdfParts>,
}

struct PdfParts {
    waiting: usize,
    pictures: Vec<PagePicture>,
    failed: Option<String>,
    pages: Vec<Page>,
    text: String,
    areas: Vec<Area>,
    stamp: String,
    /// The cache key of every page.
    keys: BTreeMap<u32, String>,
    /// Pages whose pictures came from the cache.
    reused: BTreeSet<u32>,
}

/// What one run did: the summary, and each item's rendition or the
/// reason it has none.
pub struct Outcome {
    pub summary: RenderSummary,
    pub results: BTreeMap<i64, std::result::Result<Rendition, String>>,
}

/// Renders `items` (whatever their renditions' state); `fresh` draws
/// every page again instead of taking kept pictures. Stops between
/// pieces when `watch` asks, keeping what was finished.
pub fn run(
    folder: &mut CaseFolder,
    items: &[ItemRow],
    fresh: bool,
    watch: &Watch,
    lane: Option<&mut Lane>,
) -> Result<Outcome> {
    let isolation = Isolation::new(ProcessLimits::default(), Some(folder.tmp_dir()));
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let cancel = watch.cancel;
    let mut run = Run {
        case: folder.case()?,
        folder,
        now: String::new(),
        pending: HashMap::new(),
        outcome: Outcome {
            summary: RenderSummary::default(),
            results: BTreeMap::new(),
        },
        total: items.len() as u64,
        done: 0,
        watch,
        lane,
    };
    run.now = run.folder.now();
    std::thread::scope(|scope| -> Result<()> {
        let (task_tx, task_rx) = bounded::<Task>(threads * 2);
        let (answer_tx, answer_rx) = unbounded::<Answer>();
        for _ in 0..threads {
            let (tasks, answers, isolation) = (task_rx.clone(), answer_tx.clone(), &isolation);
            scope.spawn(move || work(isolation, &tasks, &answers, cancel));
        }
        drop((task_rx, answer_tx));
        let fed = feed(&mut run, items, fresh, threads, &task_tx, &answer_rx);
        drop(task_tx);
        // Whatever was sent is answered (at once, if cancelled).
        for answer in answer_rx.iter() {
            run.answer(answer)?;
        }
        fed
    })?;
    let Run { mut outcome, .. } = run;
    outcome.summary.cancelled = cancel.load(Ordering::SeqCst);
    Ok(outcome)
}

/// Prepares each item in turn and hands its pieces to the workers,
/// taking in answers as they come.
fn feed(
    run: &mut Run,
    items: &[ItemRow],
    fresh: bool,
    threads: usize,
    tasks: &Sender<Task>,
    answers: &Receiver<Answer>,
) -> Result<()> {
    for item in items {
        if run.watch.cancel.load(Ordering::SeqCst) {
            break;
        }
        while let Ok(answer) = answers.try_recv() {
            run.answer(answer)?;
        }
        for task in run.prepare(item, fresh, threads)? {
            // The workers never wait on the calling thread, so this
            // always moves on.
            if tasks.send(task).is_err() {
                break;
            }
        }
    }
    Ok(())
}

/// A worker thread: its own reader process, one piece at a time.
fn work(
    isolation: &Isolation,
    tasks: &Receiver<Task>,
    answers: &Sender<Answer>,
    cancel: &AtomicBool,
) {
    let mut slot = Slot::default();
    let stopped = || Err::<Vec<PagePicture>, String>("cancelled".into());
    for task in tasks.iter() {
        let answer = match task {
            Task::Draw { item, .. } if cancel.load(Ordering::SeqCst) => Answer::Drawn {
                item,
                pictures: stopped(),
            },
            Task::Make { item, .. } if cancel.load(Ordering::SeqCst) => Answer::Made {
                item,
                made: Err("cancelled".into()),
            },
            Task::Draw {
                item,
                data,
                numbers,
                areas,
            } => Answer::Drawn {
                item,
                pictures: pdf::redacted_pictures(
                    isolation, &mut slot, &data, &numbers, &areas, cancel,
                ),
            },
            Task::Make { item, make } => Answer::Made {
                item,
                made: make_file(isolation, &mut slot, make),
            },
        };
        if answers.send(answer).is_err() {
            return;
        }
    }
}

fn make_file(isolation: &Isolation, slot: &mut Slot, make: Make) -> Made {
    match make {
        Make::Image { data, areas } => image::decode(isolation, slot, &data)
            .and_then(|decoded| image::image(decoded, &areas))
            .map(|(bytes, ext)| (bytes, ext, 1)),
        Make::Document {
            title,
            body,
            spans,
            stamp,
        } => {
            let pages = document::pages(&title, &body, &spans);
            Ok((writer::write(&pages, &stamp), "pdf", pages.len()))
        }
        Make::Table {
            title,
            tables,
            redacted,
            stamp,
        } => {
            let pages = table::pages(&title, &tables, &redacted);
            Ok((writer::write(&pages, &stamp), "pdf", pages.len()))
        }
    }
}

struct Run<'f, 'w, 'l, 'c> {
    folder: &'f mut CaseFolder,
    case: crate::case::Case,
    now: String,
    pending: HashMap<i64, Pending>,
    outcome: Outcome,
    total: u64,
    done: u64,
    watch: &'w Watch<'w>,
    /// Where each rendition goes for its leak check as soon as it is
    /// written.
    lane: Option<&'l mut Lane<'c>>,
}

impl Run<'_, '_, '_, '_> {
    /// Reads what `item` is made from; returns the pieces for the workers
    /// (none when it was made here, or entirely from kept pictures).
    fn prepare(&mut self, item: &ItemRow, fresh: bool, threads: usize) -> Result<Vec<Task>> {
        if item.status == Status::Failed {
            let reason = format!(
                "the original could not be read at import: {}",
                item.reason.as_deref().unwrap_or("unreadable")
            );
            self.failed(item.id, reason);
            return Ok(Vec::new());
        }
        let folder = &*self.folder;
        let case = &self.case;
        let redactions = folder.store.redactions(item.id)?;
        let stamp = format!("{} · item {}", case.reference, item.id);
        let id = item.id;
        let mut pending = Pending {
            item: item.clone(),
            redactions: redactions.clone(),
            pdf: None,
        };
        let tasks = match item.file_type {
            FileType::Pdf => {
                let data = match super::verified_original(folder, item)? {
                    Ok(data) => data,
                    Err(reason) => {
                        self.failed(id, reason);
                        return Ok(Vec::new());
                    }
                };
                let pages = folder.store.pages(id)?;
                let text = folder.store.text(id)?;
                let areas = super::areas_of(&redactions, &pages);
                let count = item
                    .metadata
                    .get("pages")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(pages.len() as u32)
                    .max(1);
                let dir = cache::item_dir(folder.dir(), id);
                let keys: BTreeMap<u32, String> = (1..=count)
                    .map(|n| (n, cache::key(&item.sha256, n, &areas)))
                    .collect();
                let mut pictures = Vec::new();
                let mut reused = BTreeSet::new();
                let mut missing = Vec::new();
                for (&number, key) in &keys {
                    match (!fresh).then(|| cache::get(&dir, key, number)).flatten() {
                        Some(picture) => {
                            reused.insert(number);
                            pictures.push(picture);
                        }
                        None => missing.push(number),
                    }
                }
                let per_task = missing
                    .len()
                    .div_ceil(threads)
                    .clamp(1, PAGES_PER_JOB as usize);
                let (data, shared_areas) = (Arc::new(data), Arc::new(areas.clone()));
                let tasks: Vec<Task> = missing
                    .chunks(per_task)
                    .map(|numbers| Task::Draw {
                        item: id,
                        data: data.clone(),
                        numbers: numbers.to_vec(),
                        areas: shared_areas.clone(),
                    })
                    .collect();
                pending.pdf = Some(PdfParts {
                    waiting: tasks.len(),
                    pictures,
                    failed: None,
                    pages,
                    text,
                    areas,
                    stamp,
                    keys,
                    reused,
                });
                tasks
            }
            FileType::Image => {
                let data = match super::verified_original(folder, item)? {
                    Ok(data) => data,
                    Err(reason) => {
                        self.failed(id, reason);
                        return Ok(Vec::new());
                    }
                };
                let pages = folder.store.pages(id)?;
                let areas = super::areas_of(&redactions, &pages);
                vec![Task::Make {
                    item: id,
                    make: Make::Image { data, areas },
                }]
            }
            FileType::Audio | FileType::Video => {
                // Made here: they run programs of their own (FFmpeg), one
                // at a time.
                let made = super::media_rendition(folder, item, case, &redactions, &stamp)?;
                match made {
                    Ok((bytes, ext, count, transcript)) => {
                        self.save(&pending, bytes, ext, count, transcript, 0)?;
                    }
                    Err(reason) => self.failed(id, reason),
                }
                return Ok(Vec::new());
            }
            _ => {
                let (title, body) = super::document_text(folder, item, case)?;
                let tables = folder.store.records(id)?;
                let make = if tables.is_empty() {
                    Make::Document {
                        title,
                        body,
                        spans: super::spans_of(&redactions),
                        stamp,
                    }
                } else {
                    Make::Table {
                        title,
                        tables,
                        redacted: super::redacted_strings(&redactions),
                        stamp,
                    }
                };
                vec![Task::Make { item: id, make }]
            }
        };
        let ready = pending.pdf.as_ref().is_some_and(|p| p.waiting == 0);
        self.pending.insert(id, pending);
        if ready {
            self.finish_pdf(id)?;
        }
        Ok(tasks)
    }

    fn answer(&mut self, answer: Answer) -> Result<()> {
        match answer {
            Answer::Drawn { item, pictures } => {
                let Some(parts) = self.pending.get_mut(&item).and_then(|p| p.pdf.as_mut()) else {
                    return Ok(());
                };
                parts.waiting = parts.waiting.saturating_sub(1);
                match pictures {
                    Ok(pictures) => parts.pictures.extend(pictures),
                    Err(reason) => {
                        parts.failed.get_or_insert(reason);
                    }
                }
                if parts.waiting == 0 {
                    self.finish_pdf(item)?;
                }
            }
            Answer::Made { item, made } => {
                let Some(pending) = self.pending.remove(&item) else {
                    return Ok(());
                };
                match made {
                    Ok((bytes, ext, pages)) => self.save(&pending, bytes, ext, pages, None, 0)?,
                    Err(reason) => self.failed(item, reason),
                }
            }
        }
        Ok(())
    }

    /// Writes a PDF whose pictures are all in, and keeps its new pictures.
    fn finish_pdf(&mut self, id: i64) -> Result<()> {
        let Some(mut pending) = self.pending.remove(&id) else {
            return Ok(());
        };
        let Some(parts) = pending.pdf.take() else {
            return Ok(());
        };
        if let Some(reason) = parts.failed {
            self.failed(id, reason);
            return Ok(());
        }
        let dir = cache::item_dir(self.folder.dir(), id);
        for picture in &parts.pictures {
            if !parts.reused.contains(&picture.number) {
                if let Some(key) = parts.keys.get(&picture.number) {
                    cache::put(&dir, key, picture);
                }
            }
        }
        let reused = parts.reused.len() as u64;
        match pdf::assemble(parts.pictures, &parts.pages, &parts.text, &parts.areas) {
            Ok(pages) => {
                let bytes = writer::write(&pages, &parts.stamp);
                self.save(&pending, bytes, "pdf", pages.len(), None, reused)?;
                cache::prune(&dir, &parts.keys.into_values().collect());
            }
            Err(reason) => self.failed(id, reason),
        }
        Ok(())
    }

    fn save(
        &mut self,
        pending: &Pending,
        bytes: Vec<u8>,
        ext: &str,
        pages: usize,
        transcript: Option<Vec<u8>>,
        reused: u64,
    ) -> Result<()> {
        let rendition = super::save(
            self.folder,
            &pending.item,
            &pending.redactions,
            &self.now,
            (&bytes, ext, pages),
            transcript,
        )?;
        if let Some(lane) = self.lane.as_deref_mut() {
            lane.made(self.folder, &rendition)?;
        }
        let summary = &mut self.outcome.summary;
        summary.rendered += 1;
        summary.redactions += rendition.redactions;
        summary.pages += rendition.pages;
        summary.reused_pages += reused;
        self.outcome.results.insert(pending.item.id, Ok(rendition));
        self.step();
        Ok(())
    }

    /// Records why an item has no rendition — unless the run was being
    /// stopped, when an unfinished item is simply left for the next run.
    fn failed(&mut self, id: i64, reason: String) {
        if self.watch.cancel.load(Ordering::SeqCst) {
            return;
        }
        self.outcome.summary.failures.push(RenderProblem {
            item_id: id,
            reason: reason.clone(),
        });
        self.outcome.results.insert(id, Err(reason));
        self.step();
    }

    fn step(&mut self) {
        self.done += 1;
        (self.watch.progress)(CheckProgress {
            done: self.done,
            total: self.total,
        });
    }
}

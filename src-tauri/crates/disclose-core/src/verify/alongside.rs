//! The leak check of renditions made while the render goes on: each
//! rendition is handed over as soon as it is written, read by threads of
//! its own (each with its own worker process) side by side with the
//! render's, and its check kept under its fingerprint as it finishes. The
//! render's own check afterwards ([`Early::finish`]) then finds those
//! checks stored and reads only what is left, with the same [`Checker`]:
//! what is looked for is built once.
//!
//! Nothing is trusted for being early: a check is kept only when the bytes
//! it read are the ones recorded for the rendition, and the final pass
//! hashes every rendition again before using a stored check.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use crossbeam_channel::{unbounded, Receiver, Sender};

use super::{
    boxes_of, stored, CaseFile, Checker, Content, Outcome, Reader, Reading, ToCheck, VerifyReport,
    Watch,
};
use crate::case::CaseFolder;
use crate::error::Result;
use crate::isolate::Slot;

/// A rendition (or a recording's transcript) to check early.
struct Job {
    label: String,
    path: PathBuf,
    file: CaseFile,
    fingerprint: String,
}

/// A check made early, for the calling thread to keep.
struct Done {
    job: Job,
    outcome: Outcome,
}

/// The checker of one render, made before its first rendition.
pub struct Early {
    checker: Checker,
}

/// Where a render hands its renditions while the early checks run.
pub struct Lane<'c> {
    checker: &'c Checker,
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// Checks handed over and checks kept so far.
    sent: u64,
    kept: u64,
}

impl Early {
    /// The checker for `folder`'s renditions, or `None` when the check
    /// cannot be made here (no Tesseract, say: the export makes it).
    pub fn new(folder: &CaseFolder) -> Option<Early> {
        Checker::new(folder, "")
            .ok()
            .map(|checker| Early { checker })
    }

    /// Runs `render` with a [`Lane`] whose checks run on threads of their
    /// own meanwhile; when `render` returns, waits for the checks handed
    /// over and keeps them.
    pub fn alongside<T>(
        &mut self,
        folder: &mut CaseFolder,
        watch: &Watch,
        render: impl FnOnce(&mut CaseFolder, &mut Lane) -> Result<T>,
    ) -> Result<T> {
        let checker = &mut self.checker;
        let mut slots = std::mem::take(&mut checker.slots);
        // Started from this thread, which outlives the reading threads.
        for slot in &mut slots {
            let _ = checker.isolation.ready(slot);
        }
        let checker = &*checker;
        let (jobs, queue) = unbounded::<Job>();
        let (finished, done) = unbounded::<Done>();
        let reader = checker.reader();
        let (made, slots) = std::thread::scope(|scope| {
            let handles: Vec<_> = slots
                .into_iter()
                .map(|slot| {
                    let (reader, queue, finished) = (&reader, queue.clone(), finished.clone());
                    scope.spawn(move || read_queue(reader, slot, &queue, &finished, watch))
                })
                .collect();
            drop((queue, finished));
            let mut lane = Lane {
                checker,
                jobs: Some(jobs),
                done,
                sent: 0,
                kept: 0,
            };
            let made = render(folder, &mut lane);
            // No more renditions: the threads finish the queue and stop.
            lane.jobs = None;
            let kept = lane.wait(folder);
            let slots: Vec<Slot> = handles.into_iter().filter_map(|h| h.join().ok()).collect();
            (made.and_then(|m| kept.map(|()| m)), slots)
        });
        self.checker.slots = slots;
        if self.checker.slots.is_empty() {
            self.checker.slots = (0..super::seen::workers())
                .map(|_| Slot::default())
                .collect();
        }
        made
    }

    /// The check of every rendition, as [`super::check_renditions`], with
    /// this checker: those checked early are found stored.
    pub fn finish(self, folder: &CaseFolder, watch: &Watch) -> Result<VerifyReport> {
        let files = super::case_files(folder)?;
        let labels = super::labels(&files);
        super::check_with(
            self.checker,
            folder,
            &super::to_check(&files, &labels),
            watch,
        )
    }
}

/// One early-check thread: reads the renditions handed over, one at a
/// time, until the queue closes or the run is cancelled.
fn read_queue(
    reader: &Reader,
    mut slot: Slot,
    queue: &Receiver<Job>,
    finished: &Sender<Done>,
    watch: &Watch,
) -> Slot {
    for job in queue.iter() {
        if watch.cancel.load(Ordering::Relaxed) {
            break;
        }
        let file = ToCheck {
            label: &job.label,
            item: Some(job.file.item),
            content: Content::Rendition {
                path: &job.path,
                sha256: &job.file.sha256,
                must_match: false,
            },
            key: Some(job.file.key.clone()),
        };
        let outcome = reader.read(&mut slot, &file);
        if finished.send(Done { job, outcome }).is_err() {
            break;
        }
    }
    slot
}

impl Lane<'_> {
    /// Hands over `item`'s rendition just written at `path` with the
    /// SHA-256 recorded for it (and a recording's transcript beside it),
    /// unless a check of the same bytes for the same redactions is kept
    /// already; keeps the checks finished so far.
    pub fn made(
        &mut self,
        folder: &CaseFolder,
        rendition: &crate::render::Rendition,
    ) -> Result<()> {
        let path = folder.dir().join(&rendition.path);
        let transcript = rendition.transcript_sha256.as_ref().map(|sha256| {
            let file = CaseFile {
                item: rendition.item_id,
                sha256: sha256.clone(),
                key: stored::transcript_key(rendition.item_id),
            };
            (crate::render::transcript_path(&path), file)
        });
        let file = CaseFile {
            item: rendition.item_id,
            sha256: rendition.sha256.clone(),
            key: stored::rendition_key(rendition.item_id),
        };
        for (path, file) in std::iter::once((path, file)).chain(transcript) {
            let fingerprint = self.fingerprint(&file);
            if folder
                .store
                .stored_check(&file.key, &fingerprint)?
                .is_some()
            {
                continue;
            }
            let job = Job {
                label: path.display().to_string(),
                path,
                file,
                fingerprint,
            };
            if let Some(jobs) = &self.jobs {
                if jobs.send(job).is_ok() {
                    self.sent += 1;
                }
            }
        }
        self.keep(folder, false)
    }

    /// The fingerprint `file`'s check is kept under, as the final pass
    /// works it out.
    fn fingerprint(&self, file: &CaseFile) -> String {
        let item = Some(file.item);
        let terms = format!(
            "{}{}",
            self.checker.raw.digest(),
            self.checker.video_marks_of(item)
        );
        stored::fingerprint(&file.sha256, &terms, boxes_of(&self.checker.boxes, item))
    }

    /// Keeps the checks finished (all of them, waiting, with `wait`): each
    /// only when it read the bytes recorded for the rendition. A file that
    /// could not be read is left for the final pass, which reports it.
    fn keep(&mut self, folder: &CaseFolder, wait: bool) -> Result<()> {
        loop {
            let next = if wait {
                self.done.recv().ok()
            } else {
                self.done.try_recv().ok()
            };
            let Some(Done { job, outcome }) = next else {
                return Ok(());
            };
            self.kept += 1;
            // Findings reported but never kept (sound that could not be
            // heard again) are left for the final pass to report.
            if let Outcome::Read(Reading {
                files,
                found,
                now,
                sha256,
            }) = outcome
            {
                if sha256 == job.file.sha256 && now.is_empty() {
                    let kept = stored::Stored {
                        files,
                        findings: found,
                    };
                    folder
                        .store
                        .store_check(&job.file.key, &job.fingerprint, &kept)?;
                }
            }
        }
    }

    /// Waits for every check handed over and keeps it.
    fn wait(&mut self, folder: &CaseFolder) -> Result<()> {
        self.keep(folder, true)
    }

    /// Checks handed over so far.
    pub fn sent(&self) -> u64 {
        self.sent
    }

    /// Checks finished so far.
    pub fn finished(&self) -> u64 {
        self.kept
    }
}

//! What the app keeps between commands: where cases live, the cases opened
//! so far (so a search does not reopen the index), and the cancel switches
//! of the running import and the running leak check, and how the first
//! start's demo case is coming along.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use disclose_core::case::{CaseFolder, Home};
use disclose_core::demo::{self, DEMO_REFERENCE};
use disclose_core::ingest::{ProgressEvent, ProgressSink};
use disclose_core::Context;

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    pub home: Home,
    open: Mutex<HashMap<String, Arc<Mutex<CaseFolder>>>>,
    /// Set to stop the running import after the files in flight.
    pub cancel_import: Arc<AtomicBool>,
    /// Set to stop the Export screen's leak check between files.
    pub cancel_check: Arc<AtomicBool>,
    /// Set to stop a running render or detection after the item in hand.
    pub cancel_work: Arc<AtomicBool>,
    /// The demo case made behind the window on first start, if one is.
    pub demo: Arc<Mutex<Option<DemoProgress>>>,
}

/// The first start's demo case while it is made: the window shows this
/// instead of an empty list, and the cases once it is done.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct DemoProgress {
    pub done: bool,
    /// Files to import and imported so far.
    pub files: u64,
    pub files_done: u64,
    pub items: u64,
    /// Why the demo case could not be made.
    pub error: Option<String>,
}

impl AppState {
    pub fn new(home: Home) -> AppState {
        AppState {
            home,
            open: Mutex::new(HashMap::new()),
            cancel_import: Arc::new(AtomicBool::new(false)),
            cancel_check: Arc::new(AtomicBool::new(false)),
            cancel_work: Arc::new(AtomicBool::new(false)),
            demo: Arc::new(Mutex::new(None)),
        }
    }

    /// Starts making the demo case on another thread when the home holds
    /// no cases yet, so the window opens at once and shows the progress.
    pub fn prepare_demo(&self) {
        if !matches!(self.home.case_references(), Ok(refs) if refs.is_empty()) {
            return;
        }
        let slot = Arc::clone(&self.demo);
        *lock(&slot) = Some(DemoProgress::default());
        let home = self.home.clone();
        std::thread::spawn(move || {
            let sink = DemoSink(Arc::clone(&slot));
            let result = ensure_demo(&home, &sink);
            let mut progress = lock(&slot);
            let progress = progress.get_or_insert_with(DemoProgress::default);
            progress.done = true;
            if let Err(e) = result {
                eprintln!("disclose: the demo case could not be created: {e}");
                progress.error = Some(e.to_string());
            }
        });
    }

    /// Runs `f` on the open case `reference`, opening it on first use.
    pub fn with_case<T>(
        &self,
        reference: &str,
        f: impl FnOnce(&mut CaseFolder) -> CommandResult<T>,
    ) -> CommandResult<T> {
        let folder = {
            // A lock is only poisoned by a panic, and the map stays valid.
            let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
            let cached = open.get(reference).filter(|f| !f.is_poisoned()).cloned();
            match cached {
                Some(folder) => folder,
                None => {
                    // Never opened, or an earlier command panicked while
                    // holding it: open the case afresh from disk.
                    let folder =
                        Arc::new(Mutex::new(CaseFolder::open(&self.context(), reference)?));
                    open.insert(reference.to_string(), folder.clone());
                    folder
                }
            }
        };
        let mut folder = folder.lock().unwrap_or_else(|e| e.into_inner());
        // A failure inside the engine is an error in the window, never a
        // lock that stops every later command.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut folder))).unwrap_or_else(
            |_| {
                Err(CommandError::internal(
                    "that step failed unexpectedly; the case is unchanged, try again",
                ))
            },
        )
    }
}

impl AppState {
    /// The engine's context for one call: this home, the person at this
    /// account (read afresh, so a name just set is recorded) and the system
    /// clock.
    pub fn context(&self) -> Context {
        Context::new(self.home.clone())
    }

    /// Closes every case held open (their next use opens them again).
    pub fn forget_open_cases(&self) -> CommandResult<()> {
        self.open
            .lock()
            .map_err(|_| CommandError::internal("case cache poisoned"))?
            .clear();
        Ok(())
    }
}

/// Creates the demo case when the home holds no cases yet, so the first
/// start shows the product working.
pub fn ensure_demo(home: &Home, progress: &dyn ProgressSink) -> disclose_core::Result<()> {
    if !home.case_references()?.is_empty() {
        return Ok(());
    }
    demo::create_demo_with_progress(&Context::new(home.clone()), DEMO_REFERENCE, progress)?;
    Ok(())
}

/// Keeps the demo's import progress where the window can ask for it.
struct DemoSink(Arc<Mutex<Option<DemoProgress>>>);

impl ProgressSink for DemoSink {
    fn event(&self, event: &ProgressEvent) {
        let mut slot = lock(&self.0);
        let progress = slot.get_or_insert_with(DemoProgress::default);
        match event {
            ProgressEvent::Found { files, .. } => progress.files = *files,
            ProgressEvent::FileDone { items, .. } => {
                progress.files_done += 1;
                progress.items = *items;
            }
            ProgressEvent::ItemsStored { items, .. } => progress.items = *items,
            ProgressEvent::FileStarted { .. }
            | ProgressEvent::Transcribing { .. }
            | ProgressEvent::Indexed { .. } => {}
        }
    }
}

/// A lock is only poisoned by a panic, and the progress stays valid.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

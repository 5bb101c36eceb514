//! What the app keeps between commands: where cases live, the cases opened
//! so far (so a search does not reopen the index), and the cancel switches
//! of the running import and the running leak check.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use disclose_core::case::{CaseFolder, Home};
use disclose_core::demo::{self, DEMO_REFERENCE};
use disclose_core::Context;

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    pub home: Home,
    open: Mutex<HashMap<String, Arc<Mutex<CaseFolder>>>>,
    /// Set to stop the running import after the files in flight.
    pub cancel_import: Arc<AtomicBool>,
    /// Set to stop the Export screen's leak check between files.
    pub cancel_check: Arc<AtomicBool>,
}

impl AppState {
    pub fn new(home: Home) -> AppState {
        AppState {
            home,
            open: Mutex::new(HashMap::new()),
            cancel_import: Arc::new(AtomicBool::new(false)),
            cancel_check: Arc::new(AtomicBool::new(false)),
        }
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
pub fn ensure_demo(home: &Home) -> disclose_core::Result<()> {
    if !home.case_references()?.is_empty() {
        return Ok(());
    }
    demo::create_demo(&Context::new(home.clone()), DEMO_REFERENCE)?;
    Ok(())
}

//! The home's encryption at rest: whether the home is encrypted and
//! unlocked, and unlocking it with the passphrase the start-up dialog asks
//! for. The key stays in this process only. Also how the first start's
//! demo case is coming along, which the window asks before listing cases.

use serde::Serialize;
use tauri::{AppHandle, Runtime};

use disclose_core::crypt;

use super::blocking;
use crate::error::CommandResult;
use crate::state::{AppState, DemoProgress};

/// What the window needs to know before showing any case.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct HomeLock {
    pub home: String,
    pub encrypted: bool,
    pub unlocked: bool,
    /// The demo case being made on first start (until the window is
    /// restarted), or none.
    pub demo: Option<DemoProgress>,
}

#[tauri::command]
pub async fn home_lock<R: Runtime>(app: AppHandle<R>) -> CommandResult<HomeLock> {
    blocking(app, |state| Ok(lock_state(state))).await
}

#[tauri::command]
pub async fn unlock_home<R: Runtime>(
    app: AppHandle<R>,
    passphrase: String,
) -> CommandResult<HomeLock> {
    blocking(app, move |state| unlock(state, &passphrase)).await
}

pub fn lock_state(state: &AppState) -> HomeLock {
    HomeLock {
        home: state.home.root().display().to_string(),
        encrypted: crypt::is_encrypted(&state.home),
        unlocked: crypt::is_unlocked(&state.home),
        demo: state.demo.lock().unwrap_or_else(|e| e.into_inner()).clone(),
    }
}

/// Unlocks the home; a wrong passphrase is the `locked` error.
pub fn unlock(state: &AppState, passphrase: &str) -> CommandResult<HomeLock> {
    if !crypt::is_unlocked(&state.home) {
        crypt::unlock(&state.home, passphrase)?;
    }
    Ok(lock_state(state))
}

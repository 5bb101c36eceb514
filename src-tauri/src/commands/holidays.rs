//! Bank holidays on the Organisation screen: what file is in force, and
//! importing GOV.UK's file, which re-checks every open case's due date.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use disclose_core::case::due::{self, HolidaysImport};
use disclose_core::clock::calendar::{self, HolidaysFile};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn holidays_state<R: Runtime>(app: AppHandle<R>) -> CommandResult<HolidaysFile> {
    blocking(app, state).await
}

#[tauri::command]
pub async fn import_holidays<R: Runtime>(
    app: AppHandle<R>,
    path: PathBuf,
) -> CommandResult<HolidaysImport> {
    blocking(app, move |s| import(s, &path)).await
}

pub fn state(state: &AppState) -> CommandResult<HolidaysFile> {
    Ok(calendar::describe(&state.home)?)
}

pub fn import(state: &AppState, path: &std::path::Path) -> CommandResult<HolidaysImport> {
    Ok(due::import_holidays(&state.context(), path)?)
}

//! Import screen: run an import with live progress streamed over a
//! channel, cancel it, list what failed.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use disclose_core::case::CaseFolder;
use disclose_core::ingest::{self, ImportOptions, ImportSummary, ProgressEvent, ProgressSink};
use disclose_core::store::{ItemRow, Status};
use disclose_core::Error;

use super::blocking;
use crate::error::CommandResult;

/// One progress message to the window.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportProgress {
    pub event: ProgressEvent,
}

struct ChannelSink(Channel<ImportProgress>);

impl ProgressSink for ChannelSink {
    fn event(&self, event: &ProgressEvent) {
        // A closed window just stops listening; the import carries on.
        let _ = self.0.send(ImportProgress {
            event: event.clone(),
        });
    }
}

/// Imports files and folders into the case. The import works on its own
/// handle on the case, so the window can keep reading the case meanwhile.
#[tauri::command]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    paths: Vec<String>,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    blocking(app, move |state| {
        if paths.iter().any(|p| p.trim().is_empty()) {
            return Err(Error::Invalid("an empty path was given".into()).into());
        }
        let mut folder = CaseFolder::open(&state.context(), &reference)?;
        state.cancel_import.store(false, Ordering::SeqCst);
        let options = ImportOptions::default();
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let summary = ingest::import(
            &mut folder,
            &paths,
            &options,
            &ChannelSink(on_progress),
            &state.cancel_import,
        )?;
        Ok(summary)
    })
    .await
}

#[tauri::command]
pub async fn cancel_import<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    blocking(app, |state| {
        state.cancel_import.store(true, Ordering::SeqCst);
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn failed_items<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<Vec<ItemRow>> {
    blocking(app, move |state| {
        state.with_case(&reference, |folder| Ok(folder.items(Some(Status::Failed))?))
    })
    .await
}

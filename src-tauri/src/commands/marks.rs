//! Redaction in the window: an item's marks, marking selected text or a
//! drawn box, accepting and rejecting suggestions (one, per person, per
//! kind), taking redactions back, "redact this everywhere", and running
//! detection over the case (with progress, stopped by `cancel_work`) — all
//! through the same engine as the CLI.

use std::sync::atomic::Ordering;

use serde::Deserialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use disclose_core::marks::{
    self, DataKind, Mark, MarkFilter, MarkStatus, Selection, SuggestionGroup, Target,
};
use disclose_core::render;
use disclose_core::suggest::{self, SuggestSummary};
use disclose_core::verify::{CheckProgress, Watch};
use disclose_core::{profile, staff};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn item_marks<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
) -> CommandResult<Vec<Mark>> {
    blocking(app, move |state| item_marks_of(state, &reference, id)).await
}

pub fn item_marks_of(state: &AppState, reference: &str, id: i64) -> CommandResult<Vec<Mark>> {
    state.with_case(reference, |folder| {
        Ok(folder.placed_marks(&item_filter(id))?)
    })
}

/// Marks a text range or an area of an item as redacted; returns the
/// item's marks.
#[tauri::command]
pub async fn add_mark<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
    target: Target,
    reason: String,
) -> CommandResult<Vec<Mark>> {
    blocking(app, move |state| {
        add(state, &reference, id, target, &reason)
    })
    .await
}

pub fn add(
    state: &AppState,
    reference: &str,
    id: i64,
    target: Target,
    reason: &str,
) -> CommandResult<Vec<Mark>> {
    state.with_case(reference, |folder| {
        marks::redact_place(folder, id, target, reason, false)?;
        Ok(folder.marks(&item_filter(id))?)
    })
}

/// Which marks a review action applies to.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct MarkSelection {
    /// These marks.
    #[serde(default)]
    pub ids: Vec<i64>,
    /// Or every suggestion for this person (a key from a mark's `person`).
    pub person: Option<String>,
    /// Or every suggestion of this kind.
    pub kind: Option<DataKind>,
}

/// Accepts, rejects or (for accepted marks) takes back the selected marks;
/// returns how many changed.
#[tauri::command]
pub async fn set_marks<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    selection: MarkSelection,
    status: MarkStatus,
) -> CommandResult<u64> {
    blocking(app, move |state| set(state, &reference, &selection, status)).await
}

pub fn set(
    state: &AppState,
    reference: &str,
    selection: &MarkSelection,
    status: MarkStatus,
) -> CommandResult<u64> {
    let selection = if !selection.ids.is_empty() {
        Selection::Marks(selection.ids.clone())
    } else if selection.person.is_some() || selection.kind.is_some() {
        Selection::Suggestions(MarkFilter {
            person: selection.person.clone(),
            kind: selection.kind,
            ..MarkFilter::default()
        })
    } else {
        // Nothing chosen: nothing changes.
        return Ok(0);
    };
    state.with_case(reference, |folder| {
        Ok(marks::decide(folder, &selection, status, false)?.len() as u64)
    })
}

/// Redacts `term` and its variants in every item; returns how many places.
#[tauri::command]
pub async fn redact_everywhere<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    term: String,
    reason: String,
) -> CommandResult<u64> {
    blocking(app, move |state| {
        everywhere(state, &reference, &term, &reason)
    })
    .await
}

pub fn everywhere(
    state: &AppState,
    reference: &str,
    term: &str,
    reason: &str,
) -> CommandResult<u64> {
    state.with_case(reference, |folder| {
        let (_, marked) = marks::redact_term(folder, term, None, reason, false)?;
        Ok(marked.len() as u64)
    })
}

/// Runs detection over the case, storing new suggestions, with progress
/// over `on_progress`; `cancel_work` stops it, keeping what it found.
#[tauri::command]
pub async fn detect_case<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    on_progress: Channel<CheckProgress>,
) -> CommandResult<SuggestSummary> {
    blocking(app, move |state| {
        detect(state, &reference, &|p| {
            // A closed window just stops listening; detection carries on.
            let _ = on_progress.send(p);
        })
    })
    .await
}

pub fn detect(
    state: &AppState,
    reference: &str,
    progress: &(dyn Fn(CheckProgress) + Sync),
) -> CommandResult<SuggestSummary> {
    let directory = staff::load(&state.home)?;
    let organisation = profile::load(&state.home).ok();
    state.cancel_work.store(false, Ordering::SeqCst);
    state.with_case(reference, |folder| {
        let watch = Watch {
            progress,
            cancel: &state.cancel_work,
        };
        Ok(suggest::run_watched(
            folder,
            &directory,
            organisation.as_ref(),
            &watch,
        )?)
    })
}

#[tauri::command]
pub async fn suggestion_groups<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<Vec<SuggestionGroup>> {
    blocking(app, move |state| groups(state, &reference)).await
}

pub fn groups(state: &AppState, reference: &str) -> CommandResult<Vec<SuggestionGroup>> {
    state.with_case(reference, |folder| Ok(marks::suggestion_groups(folder)?))
}

/// The item as the requester will get it: its rendition, made now if it
/// is missing or older than the marks. PDF bytes for every type but
/// images, which come back as the re-encoded image.
#[tauri::command]
pub async fn item_rendition<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
) -> CommandResult<tauri::ipc::Response> {
    blocking(app, move |state| {
        rendition(state, &reference, id).map(tauri::ipc::Response::new)
    })
    .await
}

pub fn rendition(state: &AppState, reference: &str, id: i64) -> CommandResult<Vec<u8>> {
    state.with_case(reference, |folder| {
        Ok(render::current_rendition(folder, id)?)
    })
}

/// Every mark of one item.
fn item_filter(id: i64) -> MarkFilter {
    MarkFilter {
        item: Some(id),
        ..MarkFilter::default()
    }
}

//! Redaction in the window: an item's marks, marking selected text or a
//! drawn box, accepting and rejecting suggestions (one, per person, per
//! kind), taking redactions back, "redact this everywhere", and running
//! detection over the case — all through the same engine as the CLI.

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime};

use disclose_core::marks::{self, DataKind, Mark, MarkFilter, MarkStatus, NewMark, Target, Whose};
use disclose_core::render;
use disclose_core::suggest::{self, SuggestSummary};
use disclose_core::{profile, staff};

use super::blocking;
use crate::error::CommandResult;
use crate::state::{now, AppState};

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
        Ok(folder.store.place(folder.store.marks_of(Some(id))?)?)
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
        let text = match target {
            Target::Text { start, end } => folder
                .store
                .text(id)?
                .get(start..end)
                .unwrap_or_default()
                .to_string(),
            Target::Area { .. } => String::new(),
        };
        let mark = NewMark::manual(id, target, &text, reason);
        marks::add(folder, &[mark], MarkStatus::Accepted, &now())?;
        Ok(folder.store.marks_of(Some(id))?)
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
    state.with_case(reference, |folder| {
        let ids: Vec<i64> = if selection.ids.is_empty() {
            if selection.person.is_none() && selection.kind.is_none() {
                return Ok(0);
            }
            folder
                .store
                .marks(&MarkFilter {
                    status: Some(MarkStatus::Suggested),
                    person: selection.person.clone(),
                    kind: selection.kind,
                    ..MarkFilter::default()
                })?
                .iter()
                .map(|m| m.id)
                .collect()
        } else {
            selection.ids.clone()
        };
        Ok(marks::set_status(folder, &ids, status, &now())?.len() as u64)
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
        let found = marks::occurrences(&folder.store, term)?;
        let new = marks::term_marks(&found, reason);
        Ok(marks::add(folder, &new, MarkStatus::Accepted, &now())?.len() as u64)
    })
}

/// The suggestions waiting in a case, one row per person (names) or kind
/// (other data).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SuggestionGroup {
    /// The person's key, or empty for a group of one kind.
    pub person: String,
    pub kind: DataKind,
    pub whose: Whose,
    pub count: u64,
    pub items: u64,
    /// A few of the texts found, to recognise the group by.
    pub examples: Vec<String>,
}

/// Runs detection over the case, storing new suggestions.
#[tauri::command]
pub async fn detect_case<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<SuggestSummary> {
    blocking(app, move |state| detect(state, &reference)).await
}

pub fn detect(state: &AppState, reference: &str) -> CommandResult<SuggestSummary> {
    let directory = staff::load(&state.home)?;
    let organisation = profile::load(&state.home).ok();
    state.with_case(reference, |folder| {
        Ok(suggest::run(
            folder,
            &directory,
            organisation.as_ref(),
            &now(),
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
    state.with_case(reference, |folder| {
        let waiting = folder.store.marks(&MarkFilter {
            status: Some(MarkStatus::Suggested),
            ..MarkFilter::default()
        })?;
        let mut out: Vec<SuggestionGroup> = Vec::new();
        let mut item_sets: Vec<std::collections::BTreeSet<i64>> = Vec::new();
        for mark in &waiting {
            let at = out.iter().position(|g| {
                g.kind == mark.kind && g.person == mark.person && g.whose == mark.whose
            });
            let index = at.unwrap_or_else(|| {
                out.push(SuggestionGroup {
                    person: mark.person.clone(),
                    kind: mark.kind,
                    whose: mark.whose,
                    count: 0,
                    items: 0,
                    examples: Vec::new(),
                });
                item_sets.push(Default::default());
                out.len() - 1
            });
            let group = &mut out[index];
            group.count += 1;
            if group.examples.len() < 3 && !group.examples.contains(&mark.text) {
                group.examples.push(mark.text.clone());
            }
            item_sets[index].insert(mark.item_id);
            group.items = item_sets[index].len() as u64;
        }
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.person.cmp(&b.person)));
        Ok(out)
    })
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
        if !folder.store.rendition_is_current(id)? {
            let item = folder.store.item(id)?;
            render::render_item(folder, &item, &now())?.map_err(disclose_core::Error::Invalid)?;
        }
        let made = folder
            .store
            .rendition(id)?
            .ok_or_else(|| disclose_core::Error::Invalid(format!("item {id} has no rendition")))?;
        Ok(disclose_core::crypt::read(&folder.dir().join(made.path))
            .map_err(disclose_core::Error::from)?)
    })
}

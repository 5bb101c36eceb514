//! Review screen: the queue of items with their decisions, deciding, and
//! the reasons (exemptions) a decision may cite.

use serde::Serialize;
use tauri::{AppHandle, Runtime};

use disclose_core::review::{self, Decision, Reason, ReviewProgress};
use disclose_core::store::Status;

use super::{blocking, ItemBrief};
use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReviewRow {
    pub item: ItemBrief,
    pub status: Status,
    pub decision: Option<Decision>,
    pub reason: Option<String>,
}

/// A page of the review queue (the engine's [`review::ReviewPage`] with
/// each item cut down to what the list shows).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ReviewPage {
    /// Items in the case.
    pub total: u64,
    /// Items with a decision.
    pub decided: u64,
    /// Items in the list asked for: every item, or the undecided ones.
    pub listed: u64,
    /// Where in that list the first undecided item is, if there is one.
    pub first_undecided: Option<u64>,
    /// Where in that list `rows` start.
    pub offset: u64,
    pub rows: Vec<ReviewRow>,
}

#[tauri::command]
pub async fn review_page<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    only_undecided: bool,
    offset: u64,
    limit: u64,
) -> CommandResult<ReviewPage> {
    blocking(app, move |state| {
        page(state, &reference, only_undecided, offset, limit)
    })
    .await
}

/// Rows `offset..offset + limit` of the review queue, every item or only
/// the undecided ones, with the counts.
pub fn page(
    state: &AppState,
    reference: &str,
    only_undecided: bool,
    offset: u64,
    limit: u64,
) -> CommandResult<ReviewPage> {
    state.with_case(reference, |folder| {
        let page = folder.review_page(only_undecided, offset, Some(limit))?;
        Ok(ReviewPage {
            total: page.total,
            decided: page.decided,
            listed: page.listed,
            first_undecided: page.first_undecided,
            offset: page.offset,
            rows: page
                .rows
                .iter()
                .map(|row| ReviewRow {
                    item: ItemBrief::from(&row.item),
                    status: row.item.status,
                    decision: row.decision.as_ref().map(|d| d.decision),
                    reason: row.decision.as_ref().and_then(|d| d.reason.clone()),
                })
                .collect(),
        })
    })
}

#[tauri::command]
pub async fn decide_items<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    items: Vec<i64>,
    decision: Decision,
    reason: Option<String>,
    note: String,
) -> CommandResult<ReviewProgress> {
    blocking(app, move |state| {
        decide(
            state,
            &reference,
            &items,
            decision,
            reason.as_deref(),
            &note,
        )
    })
    .await
}

pub fn decide(
    state: &AppState,
    reference: &str,
    items: &[i64],
    decision: Decision,
    reason: Option<&str>,
    note: &str,
) -> CommandResult<ReviewProgress> {
    state.with_case(reference, |folder| {
        review::decide(folder, items, decision, reason, note)?;
        Ok(folder.review_progress()?)
    })
}

#[tauri::command]
pub async fn decision_reasons<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<Reason>> {
    blocking(app, |state| Ok(review::reasons(state.home.root())?)).await
}

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

#[tauri::command]
pub async fn review_queue<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<Vec<ReviewRow>> {
    blocking(app, move |state| {
        state.with_case(&reference, |folder| {
            let decisions = folder.decisions()?;
            Ok(folder
                .items(None)?
                .iter()
                .map(|item| {
                    let decided = decisions.get(&item.id);
                    ReviewRow {
                        item: ItemBrief::from(item),
                        status: item.status,
                        decision: decided.map(|d| d.decision),
                        reason: decided.and_then(|d| d.reason.clone()),
                    }
                })
                .collect())
        })
    })
    .await
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

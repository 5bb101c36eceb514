//! Cases screen and case overview: list (open, closed and purged cases),
//! create, edit the subject's identifiers, run the identifier sweep.

use serde::Deserialize;
use tauri::{AppHandle, Runtime};

use disclose_core::case::due::{self, Cause};
use disclose_core::case::{all_cases, Case, CaseFolder, CaseOverview, Problem, Subject};
use disclose_core::retention::{self, PurgedRecord};
use disclose_core::sweep::{self, SweepReport};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

/// A new case as the form sends it: the whole case model.
#[derive(Debug, Deserialize, ts_rs::TS)]
pub struct CaseInput {
    pub case: Case,
}

#[tauri::command]
pub async fn list_cases<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<CaseOverview>> {
    blocking(app, list).await
}

#[tauri::command]
pub async fn create_case<R: Runtime>(
    app: AppHandle<R>,
    input: CaseInput,
) -> CommandResult<CaseOverview> {
    blocking(app, move |state| create(state, &input)).await
}

/// Every problem with a case as the form stands (the engine's checks, dates
/// against today), each with its field; empty when it can be created.
#[tauri::command]
pub async fn validate_case<R: Runtime>(
    app: AppHandle<R>,
    input: CaseInput,
) -> CommandResult<Vec<Problem>> {
    blocking(app, move |state| Ok(validate(state, &input))).await
}

#[tauri::command]
pub async fn case_overview<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<CaseOverview> {
    blocking(app, move |state| overview(state, &reference)).await
}

#[tauri::command]
pub async fn update_subject<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    subject: Subject,
) -> CommandResult<CaseOverview> {
    blocking(app, move |state| set_subject(state, &reference, subject)).await
}

#[tauri::command]
pub async fn sweep_case<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<SweepReport> {
    blocking(app, move |state| sweep_subject(state, &reference)).await
}

/// The subject sweep, kept while the case is unchanged (the overview asks
/// for it on every visit).
pub fn sweep_subject(state: &AppState, reference: &str) -> CommandResult<SweepReport> {
    state.with_case(reference, |folder| {
        Ok(sweep::sweep_unless_unchanged(folder)?)
    })
}

/// Rebuilds the case's search index from its store (offered when the
/// overview reports the index missing or damaged).
#[tauri::command]
pub async fn reindex_case<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<CaseOverview> {
    blocking(app, move |state| reindex(state, &reference)).await
}

#[tauri::command]
pub async fn purged_cases<R: Runtime>(app: AppHandle<R>) -> CommandResult<Vec<PurgedRecord>> {
    blocking(app, |state| Ok(retention::purged(&state.home)?)).await
}

/// Every case; open ones are re-checked first, so a due date moved by a
/// new release's rules is recorded and shown.
pub fn list(state: &AppState) -> CommandResult<Vec<CaseOverview>> {
    due::recheck_all(&state.context(), Cause::Rules)?;
    Ok(all_cases(&state.context())?)
}

pub fn validate(state: &AppState, input: &CaseInput) -> Vec<Problem> {
    input.case.problems(Some(state.context().today()))
}

/// Creates the case; refused, with every problem, if the engine's checks
/// find any (dates are not held to today here, as in the CLI: the form
/// asks `validate_case` for that before sending).
pub fn create(state: &AppState, input: &CaseInput) -> CommandResult<CaseOverview> {
    let folder = CaseFolder::create(&state.context(), &input.case)?;
    Ok(CaseOverview::of(&folder, folder.today())?)
}

pub fn reindex(state: &AppState, reference: &str) -> CommandResult<CaseOverview> {
    state.with_case(reference, |folder| {
        folder.reindex()?;
        Ok(CaseOverview::of(folder, folder.today())?)
    })
}

pub fn overview(state: &AppState, reference: &str) -> CommandResult<CaseOverview> {
    state.with_case(reference, |folder| {
        due::recheck(folder, &folder.calendar()?, Cause::Rules)?;
        Ok(CaseOverview::of(folder, folder.today())?)
    })
}

/// Replaces the subject's identifiers (names, dates, addresses, numbers).
pub fn set_subject(
    state: &AppState,
    reference: &str,
    subject: Subject,
) -> CommandResult<CaseOverview> {
    state.with_case(reference, |folder| {
        folder.set_subject(subject)?;
        Ok(CaseOverview::of(folder, folder.today())?)
    })
}

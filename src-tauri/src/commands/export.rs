//! The export wizard and the organisation profile: what stops an export
//! (with the render of the items not rendered yet, with progress,
//! cancellable), a preview of the bundle's contents at once, the leak check of what is
//! new (with progress, cancellable), writing it (encrypted or not), and
//! reading and saving the profile the letter is written from.

use std::sync::atomic::Ordering;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime};

use disclose_core::bundle::{self, ExportOptions, ExportResult};
use disclose_core::marks;
use disclose_core::profile::{self, Profile};
use disclose_core::render::{self, RenderSummary};
use disclose_core::verify::{self, CheckProgress, VerifyReport, Waiver, Watch};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

/// What the wizard shows first, at once: the blockers, or else the
/// contents (listed from the case's records, no document read). The leak
/// check follows ([`export_check`]).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportPreview {
    pub blockers: Vec<String>,
    /// Items to disclose whose redacted copy is missing or stale (the
    /// wizard offers to render them, [`render_case`]).
    pub unrendered: u64,
    pub preview: Option<ExportResult>,
}

#[tauri::command]
pub async fn export_preview<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<ExportPreview> {
    blocking(app, move |state| preview(state, &reference)).await
}

fn dry_run(reference: &str) -> ExportOptions {
    ExportOptions {
        out: format!("{reference}.zip").into(),
        encrypt: true,
        dry_run: true,
    }
}

pub fn preview(state: &AppState, reference: &str) -> CommandResult<ExportPreview> {
    let organisation = profile::load(&state.home).unwrap_or_default();
    state.with_case(reference, |folder| {
        let planned =
            bundle::plan_or_blockers(folder, &organisation, &dry_run(reference), folder.today());
        Ok(match planned {
            Ok(Ok(plan)) => ExportPreview {
                blockers: Vec::new(),
                unrendered: 0,
                preview: Some(plan.result),
            },
            Ok(Err(blockers)) => ExportPreview {
                blockers,
                unrendered: render::problems(folder)?.len() as u64,
                preview: None,
            },
            Err(e) => ExportPreview {
                blockers: vec![e.to_string()],
                unrendered: 0,
                preview: None,
            },
        })
    })
}

/// The leak check of what the export would write: stored checks for the
/// renditions checked before, the rest read afresh, with progress over
/// `on_progress`; [`cancel_export_check`] stops it.
#[tauri::command]
pub async fn export_check<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    on_progress: Channel<CheckProgress>,
) -> CommandResult<VerifyReport> {
    blocking(app, move |state| {
        check(state, &reference, &|p| {
            // A closed window just stops listening; the check carries on.
            let _ = on_progress.send(p);
        })
    })
    .await
}

pub fn check(
    state: &AppState,
    reference: &str,
    progress: &(dyn Fn(CheckProgress) + Sync),
) -> CommandResult<VerifyReport> {
    let organisation = profile::load(&state.home).unwrap_or_default();
    state.cancel_check.store(false, Ordering::SeqCst);
    state.with_case(reference, |folder| {
        let plan = bundle::plan(folder, &organisation, &dry_run(reference), folder.today())?;
        let watch = Watch {
            progress,
            cancel: &state.cancel_check,
        };
        Ok(bundle::check(folder, &organisation, &plan, &watch)?)
    })
}

#[tauri::command]
pub async fn cancel_export_check<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    blocking(app, |state| {
        state.cancel_check.store(true, Ordering::SeqCst);
        Ok(())
    })
    .await
}

/// Renders every item to disclose whose redacted copy is missing or
/// stale, with progress over `on_progress`; [`cancel_work`] stops it after
/// the items in hand, keeping every one finished.
#[tauri::command]
pub async fn render_case<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    on_progress: Channel<CheckProgress>,
) -> CommandResult<RenderSummary> {
    blocking(app, move |state| {
        render_all(state, &reference, &|p| {
            // A closed window just stops listening; the render carries on.
            let _ = on_progress.send(p);
        })
    })
    .await
}

pub fn render_all(
    state: &AppState,
    reference: &str,
    progress: &(dyn Fn(CheckProgress) + Sync),
) -> CommandResult<RenderSummary> {
    state.cancel_work.store(false, Ordering::SeqCst);
    state.with_case(reference, |folder| {
        let watch = Watch {
            progress,
            cancel: &state.cancel_work,
        };
        Ok(render::render_case_watched(folder, false, &watch)?)
    })
}

/// Stops the running render or detection after the items in hand.
#[tauri::command]
pub async fn cancel_work<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    blocking(app, |state| {
        state.cancel_work.store(true, Ordering::SeqCst);
        Ok(())
    })
    .await
}

/// Records an ambiguous finding as not the person, with the reason.
#[tauri::command]
pub async fn not_this_person<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    found: String,
    redacted: String,
    reason: String,
) -> CommandResult<Waiver> {
    blocking(app, move |state| {
        waive(state, &reference, &found, &redacted, &reason)
    })
    .await
}

pub fn waive(
    state: &AppState,
    reference: &str,
    found: &str,
    redacted: &str,
    reason: &str,
) -> CommandResult<Waiver> {
    state.with_case(reference, |folder| {
        Ok(verify::waive(folder, found, redacted, reason)?)
    })
}

/// Redacts a finding everywhere in the case and renders the items it
/// changed again; returns how many places were marked.
#[tauri::command]
pub async fn redact_finding<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    found: String,
    reason: String,
) -> CommandResult<u64> {
    blocking(app, move |state| {
        redact_and_render(state, &reference, &found, &reason)
    })
    .await
}

pub fn redact_and_render(
    state: &AppState,
    reference: &str,
    found: &str,
    reason: &str,
) -> CommandResult<u64> {
    state.with_case(reference, |folder| {
        let (_, marked) = marks::redact_term(folder, found, None, reason, false)?;
        let marked = marked.len() as u64;
        render::render_case(folder, false)?;
        Ok(marked)
    })
}

#[tauri::command]
pub async fn export_bundle<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    out: String,
    encrypt: bool,
) -> CommandResult<ExportResult> {
    blocking(app, move |state| export(state, &reference, &out, encrypt)).await
}

pub fn export(
    state: &AppState,
    reference: &str,
    out: &str,
    encrypt: bool,
) -> CommandResult<ExportResult> {
    let organisation = profile::load(&state.home)?;
    state.with_case(reference, |folder| {
        let options = ExportOptions {
            out: out.into(),
            encrypt,
            dry_run: false,
        };
        Ok(bundle::export(
            folder,
            &organisation,
            &options,
            folder.today(),
        )?)
    })
}

/// The saved profile, or an empty one to fill in, with what is missing.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ProfileState {
    pub profile: Profile,
    pub saved: bool,
    pub problems: Vec<String>,
}

#[tauri::command]
pub async fn get_profile<R: Runtime>(app: AppHandle<R>) -> CommandResult<ProfileState> {
    blocking(app, |state| Ok(profile_state(state))).await
}

pub fn profile_state(state: &AppState) -> ProfileState {
    match profile::load(&state.home) {
        Ok(p) => ProfileState {
            problems: profile::problems(&p),
            profile: p,
            saved: true,
        },
        Err(_) => {
            let empty = Profile::default();
            ProfileState {
                problems: profile::problems(&empty),
                profile: empty,
                saved: false,
            }
        }
    }
}

#[tauri::command]
pub async fn save_profile<R: Runtime>(
    app: AppHandle<R>,
    profile: Profile,
) -> CommandResult<ProfileState> {
    blocking(app, move |state| {
        profile::save(&state.home, &profile)?;
        Ok(profile_state(state))
    })
    .await
}

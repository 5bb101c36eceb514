//! The export wizard and the organisation profile: what stops an export,
//! a preview of the bundle's contents, writing it (encrypted or not), and
//! reading and saving the profile the letter is written from.

use serde::Serialize;
use tauri::{AppHandle, Runtime};

use disclose_core::bundle::{self, ExportOptions, ExportResult};
use disclose_core::marks::{self, MarkStatus};
use disclose_core::profile::{self, Profile};
use disclose_core::render;
use disclose_core::verify::{self, Leak, Waiver};

use super::blocking;
use crate::error::CommandResult;
use crate::state::{now, today, AppState};

/// What the wizard shows first: the blockers and the leak check's
/// findings (each ambiguous one to resolve: redact it, or not this
/// person), or else the contents.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportPreview {
    pub blockers: Vec<String>,
    pub findings: Vec<Leak>,
    pub preview: Option<ExportResult>,
}

#[tauri::command]
pub async fn export_preview<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<ExportPreview> {
    blocking(app, move |state| preview(state, &reference)).await
}

pub fn preview(state: &AppState, reference: &str) -> CommandResult<ExportPreview> {
    let organisation = profile::load(&state.home).unwrap_or_default();
    state.with_case(reference, |folder| {
        let blockers = bundle::blockers(folder, &organisation)?;
        if !blockers.is_empty() {
            return Ok(ExportPreview {
                blockers,
                findings: Vec::new(),
                preview: None,
            });
        }
        let options = ExportOptions {
            out: format!("{reference}.zip").into(),
            encrypt: true,
            dry_run: true,
        };
        match bundle::preview(folder, &organisation, &options, today()) {
            Ok((result, report)) if report.clean => Ok(ExportPreview {
                blockers: Vec::new(),
                findings: Vec::new(),
                preview: Some(result),
            }),
            Ok((_, report)) => Ok(ExportPreview {
                blockers: vec![format!(
                    "the leak check found {} thing(s) in the bundle to resolve first",
                    report.leaks.len()
                )],
                findings: report.leaks,
                preview: None,
            }),
            Err(e) => Ok(ExportPreview {
                blockers: vec![e.to_string()],
                findings: Vec::new(),
                preview: None,
            }),
        }
    })
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
        Ok(verify::waive(folder, found, redacted, reason, &now())?)
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
        let places = marks::occurrences(&folder.store, found)?;
        let new = marks::term_marks(&places, reason);
        let marked = marks::add(folder, &new, MarkStatus::Accepted, &now())?.len() as u64;
        render::render_case(folder, &now(), false)?;
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
            &now(),
            today(),
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

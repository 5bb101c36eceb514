//! The export wizard and the organisation profile: what stops an export,
//! a preview of the bundle's contents, writing it (encrypted or not), and
//! reading and saving the profile the letter is written from.

use serde::Serialize;
use tauri::{AppHandle, Runtime};

use disclose_core::bundle::{self, ExportOptions, ExportResult};
use disclose_core::profile::{self, Profile};

use super::blocking;
use crate::error::CommandResult;
use crate::state::{now, today, AppState};

/// What the wizard shows first: the blockers, or else the contents.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExportPreview {
    pub blockers: Vec<String>,
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
                preview: None,
            });
        }
        let options = ExportOptions {
            out: format!("{reference}.zip").into(),
            encrypt: true,
            dry_run: true,
        };
        match bundle::export(folder, &organisation, &options, &now(), today()) {
            Ok(result) => Ok(ExportPreview {
                blockers: Vec::new(),
                preview: Some(result),
            }),
            Err(e) => Ok(ExportPreview {
                blockers: vec![e.to_string()],
                preview: None,
            }),
        }
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

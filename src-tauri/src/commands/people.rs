//! Who is at the keyboard: the name recorded with the system account in
//! the audit trail, asked for on first start.

use tauri::{AppHandle, Runtime};

use disclose_core::actor::{self, Actor};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_whoami<R: Runtime>(app: AppHandle<R>) -> CommandResult<Actor> {
    blocking(app, |state| Ok(whoami(state))).await
}

#[tauri::command]
pub async fn set_whoami<R: Runtime>(app: AppHandle<R>, name: String) -> CommandResult<Actor> {
    blocking(app, move |state| set(state, &name)).await
}

pub fn whoami(state: &AppState) -> Actor {
    Actor::current(&state.home)
}

/// Sets the name; cases already open are closed so their next use records
/// it.
pub fn set(state: &AppState, name: &str) -> CommandResult<Actor> {
    let me = actor::set_name(&state.home, name)?;
    state.forget_open_cases()?;
    Ok(me)
}

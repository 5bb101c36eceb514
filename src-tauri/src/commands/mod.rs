//! The commands the window may call, one module per screen. Each runs its
//! engine work on a blocking thread so the window never waits on disk.

mod cases;
mod export;
mod holidays;
mod home;
mod import;
mod items;
#[cfg(test)]
mod list;
#[cfg(test)]
mod list_check;
mod marks;
mod people;
mod review;
mod search;
#[cfg(test)]
mod tests;
mod video;

use tauri::{AppHandle, Manager, Runtime};

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

pub(crate) use items::ItemBrief;
#[cfg(test)]
pub use list::COMMANDS;
#[cfg(test)]
pub(crate) use {
    cases::CaseInput, export::ExportPreview, export::ProfileState, home::HomeLock,
    import::ImportProgress, items::ItemDetail, marks::MarkSelection, review::ReviewPage,
    review::ReviewRow,
};

/// The handler of every command in [`COMMANDS`] (checked by `list_check`).
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        cases::list_cases,
        cases::create_case,
        cases::validate_case,
        cases::case_overview,
        cases::update_subject,
        cases::sweep_case,
        cases::reindex_case,
        people::get_whoami,
        people::set_whoami,
        import::import_files,
        import::cancel_import,
        import::failed_items,
        search::search_case,
        search::search_facets,
        search::saved_searches,
        search::save_search,
        items::item_detail,
        items::item_original,
        review::review_page,
        review::decide_items,
        review::decision_reasons,
        marks::item_marks,
        marks::add_mark,
        marks::set_marks,
        marks::redact_everywhere,
        marks::detect_case,
        marks::suggestion_groups,
        marks::item_rendition,
        video::video_view,
        video::video_frame,
        video::choose_track,
        export::export_preview,
        export::render_case,
        export::cancel_work,
        export::export_check,
        export::cancel_export_check,
        export::export_bundle,
        export::not_this_person,
        export::redact_finding,
        export::get_profile,
        export::save_profile,
        holidays::holidays_state,
        holidays::import_holidays,
        cases::purged_cases,
        home::home_lock,
        home::unlock_home,
    ]
}

/// Runs `work` with the app's state on a blocking thread.
async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    work: impl FnOnce(&AppState) -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| CommandError::internal(format!("the command stopped unexpectedly: {e}")))?
}

//! The frame view of a video item: its face tracks and keyframes, a
//! sampled frame as a JPEG (kept in the case), and keeping or blurring a
//! whole track — the engine's `cctv::view` and `cctv::frames`.

use tauri::ipc::Response;
use tauri::{AppHandle, Runtime};

use disclose_core::cctv::frames;
use disclose_core::cctv::view::{self, TrackChoice, VideoView};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn video_view<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
) -> CommandResult<VideoView> {
    blocking(app, move |state| tracks(state, &reference, id)).await
}

pub fn tracks(state: &AppState, reference: &str, id: i64) -> CommandResult<VideoView> {
    state.with_case(reference, |folder| Ok(view::view(folder, id)?))
}

/// Sample `sample` of video `id` as a JPEG.
#[tauri::command]
pub async fn video_frame<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
    sample: u32,
) -> CommandResult<Response> {
    blocking(app, move |state| {
        frame(state, &reference, id, sample).map(Response::new)
    })
    .await
}

pub fn frame(state: &AppState, reference: &str, id: i64, sample: u32) -> CommandResult<Vec<u8>> {
    state.with_case(reference, |folder| Ok(frames::frame(folder, id, sample)?))
}

/// Keeps or blurs face track `person` of video `id`; returns the video's
/// tracks as they now are.
#[tauri::command]
pub async fn choose_track<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
    person: String,
    choice: TrackChoice,
) -> CommandResult<VideoView> {
    blocking(app, move |state| {
        choose(state, &reference, id, &person, choice)
    })
    .await
}

pub fn choose(
    state: &AppState,
    reference: &str,
    id: i64,
    person: &str,
    choice: TrackChoice,
) -> CommandResult<VideoView> {
    state.with_case(reference, |folder| {
        view::choose(folder, id, person, choice, false)?;
        Ok(view::view(folder, id)?)
    })
}

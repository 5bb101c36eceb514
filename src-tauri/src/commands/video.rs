//! The frame view of a video item: its face tracks and keyframes, a
//! sampled frame as a JPEG (kept in the case) from the original or, to
//! preview it as disclosed, from the redacted rendition, and keeping or
//! blurring a whole track — the engine's `cctv::view` and `cctv::frames`.

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

/// Sample `sample` of video `id` as a JPEG: from the original, or with
/// `as_disclosed` from its redacted rendition (made now if it is stale).
#[tauri::command]
pub async fn video_frame<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
    sample: u32,
    as_disclosed: bool,
) -> CommandResult<Response> {
    blocking(app, move |state| {
        frame(state, &reference, id, sample, as_disclosed).map(Response::new)
    })
    .await
}

pub fn frame(
    state: &AppState,
    reference: &str,
    id: i64,
    sample: u32,
    as_disclosed: bool,
) -> CommandResult<Vec<u8>> {
    state.with_case(reference, |folder| {
        Ok(if as_disclosed {
            frames::disclosed_frame(folder, id, sample)?
        } else {
            frames::frame(folder, id, sample)?
        })
    })
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

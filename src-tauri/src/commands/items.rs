//! Document viewer: an item with its text, pages (word boxes), tables,
//! family (parent, attachments, thread) and decision; and the original
//! bytes, served only from the open case's own originals.

use serde::Serialize;
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime};

use disclose_core::extract::{FileType, Page, RecordTable};
use disclose_core::review::DecisionRecord;
use disclose_core::store::{originals, ItemRow};
use disclose_core::Error;

use super::blocking;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The originals shown in the viewer are capped so one huge file cannot
/// flood the window; bigger ones are shown as text only.
const MAX_ORIGINAL_BYTES: u64 = 64 * 1024 * 1024;

fn viewable(item: &ItemRow) -> bool {
    matches!(
        item.file_type,
        FileType::Pdf | FileType::Image | FileType::Audio | FileType::Video
    ) && item.size <= MAX_ORIGINAL_BYTES
}

/// An item in a list: enough to name it and open it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ItemBrief {
    pub id: i64,
    pub name: String,
    pub path: String,
    #[serde(rename = "type")]
    pub file_type: FileType,
    pub date: Option<String>,
    pub from: Option<String>,
}

impl From<&ItemRow> for ItemBrief {
    fn from(item: &ItemRow) -> ItemBrief {
        ItemBrief {
            id: item.id,
            name: item.name.clone(),
            path: item.path.clone(),
            file_type: item.file_type,
            date: item.date.clone(),
            from: item.metadata.get("from").cloned(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ItemDetail {
    pub item: ItemRow,
    pub text: String,
    pub pages: Vec<Page>,
    pub records: Vec<RecordTable>,
    pub parent: Option<ItemBrief>,
    pub children: Vec<ItemBrief>,
    /// The conversation this item belongs to, oldest first (itself included).
    pub thread: Vec<ItemBrief>,
    pub decision: Option<DecisionRecord>,
    /// Whether the original can be shown (PDF, image) or played (a
    /// recording) in the viewer.
    pub viewable: bool,
}

#[tauri::command]
pub async fn item_detail<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
) -> CommandResult<ItemDetail> {
    blocking(app, move |state| detail(state, &reference, id)).await
}

pub fn detail(state: &AppState, reference: &str, id: i64) -> CommandResult<ItemDetail> {
    state.with_case(reference, |folder| {
        let store = &*folder;
        let item = store.item(id)?;
        let parent = match item.parent {
            Some(p) => Some(ItemBrief::from(&store.item(p)?)),
            None => None,
        };
        let thread = match item.thread_id {
            Some(t) => store.thread(t)?.iter().map(ItemBrief::from).collect(),
            None => Vec::new(),
        };
        Ok(ItemDetail {
            text: store.text(id)?,
            pages: store.pages(id)?,
            records: store.records(id)?,
            parent,
            children: store.children(id)?.iter().map(ItemBrief::from).collect(),
            thread,
            decision: store.decision(id)?,
            viewable: viewable(&item),
            item,
        })
    })
}

/// The original bytes of a PDF, image or recording of the open case.
#[tauri::command]
pub async fn item_original<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    id: i64,
) -> CommandResult<Response> {
    blocking(app, move |state| {
        original(state, &reference, id).map(Response::new)
    })
    .await
}

pub fn original(state: &AppState, reference: &str, id: i64) -> CommandResult<Vec<u8>> {
    state.with_case(reference, |folder| {
        let item = folder.item(id)?;
        if !viewable(&item) {
            return Err(Error::Invalid(format!("item {id} is not shown as an original")).into());
        }
        // Hashed as it is read: a changed original is named, not shown.
        let bytes = originals::read_verified(&folder.originals_dir(), &item.sha256).map_err(
            |e| match e {
                Error::Integrity(_) => e.into(),
                other => CommandError {
                    code: "io".into(),
                    message: format!("the original of item {id} could not be read: {other}"),
                },
            },
        )?;
        Ok(bytes)
    })
}

//! Search screen: results with snippets, facets, saved searches.

use tauri::{AppHandle, Runtime};

use disclose_core::facets::{self, Facets};
use disclose_core::search::{self, SearchRequest, SearchResults, SortBy};

use super::blocking;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn search_case<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    query: String,
    sort: SortBy,
    offset: usize,
    limit: usize,
) -> CommandResult<SearchResults> {
    blocking(app, move |state| {
        run(state, &reference, &query, sort, offset, limit)
    })
    .await
}

pub fn run(
    state: &AppState,
    reference: &str,
    query: &str,
    sort: SortBy,
    offset: usize,
    limit: usize,
) -> CommandResult<SearchResults> {
    state.with_case(reference, |folder| {
        let mut request = SearchRequest::new(query);
        request.sort = sort;
        request.offset = offset;
        request.limit = limit.clamp(1, 200);
        Ok(search::search(folder, &request)?)
    })
}

#[tauri::command]
pub async fn search_facets<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    query: String,
) -> CommandResult<Facets> {
    blocking(app, move |state| {
        state.with_case(&reference, |folder| Ok(facets::facets(folder, &query)?))
    })
    .await
}

/// Saved searches, newest first, each query once.
#[tauri::command]
pub async fn saved_searches<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
) -> CommandResult<Vec<String>> {
    blocking(app, move |state| {
        state.with_case(&reference, |folder| Ok(folder.saved_searches()?))
    })
    .await
}

#[tauri::command]
pub async fn save_search<R: Runtime>(
    app: AppHandle<R>,
    reference: String,
    query: String,
) -> CommandResult<()> {
    blocking(app, move |state| {
        state.with_case(&reference, |folder| Ok(folder.save_search(&query)?))
    })
    .await
}

//! Searching a case: parse the query, rank by relevance or date, count all
//! hits, and cut a highlighted snippet from each item's stored text. Every
//! search is written to the case's search log, which the response letter
//! reports.

use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Order, Score, SegmentOrdinal, SegmentReader};

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::extract::text::floor_char_boundary;
use crate::index::{parse_query, parse_query_as_written};

mod snippet;

use snippet::{Cut, Maker};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

#[derive(Debug, Clone)]
pub struct SearchRequest<'a> {
    pub query: &'a str,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortBy,
    /// Record the search in the case's log (sweeps log their own entry).
    pub log: bool,
}

impl<'a> SearchRequest<'a> {
    pub fn new(query: &'a str) -> SearchRequest<'a> {
        SearchRequest {
            query,
            limit: 20,
            offset: 0,
            sort: SortBy::Relevance,
            log: true,
        }
    }
}

/// The answer to a search.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchResults {
    pub query: String,
    /// All matching items, not just this page.
    pub hits: u64,
    pub results: Vec<SearchHit>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub item: i64,
    pub path: String,
    #[serde(rename = "type")]
    pub file_type: crate::extract::FileType,
    pub date: Option<String>,
    pub score: f32,
    /// A passage around the best match.
    pub snippet: String,
    /// Byte ranges of the matched words within `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// Where `snippet` starts in the item's text, so `highlights` can be
    /// mapped back to the whole text.
    pub snippet_offset: usize,
}

pub fn search(folder: &CaseFolder, req: &SearchRequest) -> Result<SearchResults> {
    let now = &folder.now();
    let query = parse_query(&folder.index, req.query)?;
    let searcher = folder.index.reader()?.searcher();
    let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
    let (hits, addresses): (usize, Vec<(f32, DocAddress)>) = match req.sort {
        // Counted and ranked in two passes where that is cheaper: on its
        // own, Count takes the number of a word's documents from the index
        // without visiting them, and the ranking skips blocks of documents
        // that cannot reach the top. A phrase is checked at every document
        // it may be in, so it is counted and ranked in one pass.
        SortBy::Relevance if !needs_positions(&*query) => (
            searcher.search(&*query, &Count)?,
            searcher.search(&*query, &top.order_by_score())?,
        ),
        SortBy::Relevance => searcher.search(&*query, &(Count, top.order_by_score()))?,
        SortBy::Date => {
            let (count, docs) = searcher.search(
                &*query,
                &(
                    Count,
                    top.order_by_fast_field::<tantivy::DateTime>("date", Order::Desc),
                ),
            )?;
            (count, docs.into_iter().map(|(_, a)| (0.0, a)).collect())
        }
    };
    // One snippet maker for words as written, one for their stems; each
    // item shows whichever highlights more. Both want a phrase's words.
    let as_written = parse_query_as_written(&folder.index, req.query)?;
    let mut makers = Vec::new();
    for field in [folder.index.fields.text, folder.index.fields.text_stemmed] {
        makers.extend(Maker::create(&searcher, &*as_written, field)?);
    }
    let ids = item_ids(&searcher, &addresses)?;
    let mut rows = folder.store.hit_rows(&ids)?;
    let mut results = Vec::with_capacity(addresses.len());
    for ((score, address), id) in addresses.into_iter().zip(ids) {
        let item = rows.remove(&id).ok_or(Error::ItemNotFound(id))?;
        let text = item.text.as_str();
        let mut best: Option<Cut> = None;
        for maker in &makers {
            if let Some(cut) = maker.cut(&searcher, address, text)? {
                if best
                    .as_ref()
                    .is_none_or(|b| cut.highlights.len() >= b.highlights.len())
                {
                    best = Some(cut);
                }
            }
        }
        let cut = best.unwrap_or_else(|| Cut {
            text: text[..floor_char_boundary(text, 200)].to_string(),
            offset: 0,
            highlights: Vec::new(),
        });
        results.push(SearchHit {
            item: id,
            path: item.path.clone(),
            file_type: item.file_type,
            date: item.date.clone(),
            score,
            snippet: cut.text,
            highlights: cut.highlights,
            snippet_offset: cut.offset,
        });
    }
    if req.log {
        folder
            .store
            .log_search(now, "search", req.query, hits as u64)?;
        folder.store.audit(
            now,
            folder.actor(),
            crate::audit::Action::Search,
            &serde_json::json!({ "query": req.query, "hits": hits }),
        )?;
    }
    Ok(SearchResults {
        query: req.query.to_string(),
        hits: hits as u64,
        results,
    })
}

/// Whether the query holds a phrase, whose words' positions are read.
fn needs_positions(query: &dyn tantivy::query::Query) -> bool {
    let mut positional = false;
    query.query_terms(&mut |_, needs| positional |= needs);
    positional
}

/// The item id of each document, read from the index's fast field.
fn item_ids(searcher: &tantivy::Searcher, addresses: &[(f32, DocAddress)]) -> Result<Vec<i64>> {
    addresses
        .iter()
        .map(|(_, address)| {
            let column = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("id")?;
            Ok(column.first(address.doc_id).unwrap_or_default() as i64)
        })
        .collect()
}

/// Every item id matching `query`, for sweeps, facets and bulk actions.
/// Ids are read from the index's fast field, not the stored documents.
pub fn matching_ids(folder: &CaseFolder, query: &str) -> Result<Vec<i64>> {
    let query = parse_query(&folder.index, query)?;
    let searcher = folder.index.reader()?.searcher();
    let mut ids = searcher.search(&*query, &IdCollector)?;
    ids.sort_unstable();
    Ok(ids.into_iter().map(|id| id as i64).collect())
}

/// Collects the `id` fast field of every matching document.
struct IdCollector;

impl Collector for IdCollector {
    type Fruit = Vec<u64>;
    type Child = SegmentIds;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentIds> {
        Ok(SegmentIds {
            column: reader.fast_fields().u64("id")?,
            ids: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<Vec<u64>> {
        Ok(fruits.concat())
    }
}

struct SegmentIds {
    column: Column<u64>,
    ids: Vec<u64>,
}

impl SegmentCollector for SegmentIds {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(id) = self.column.first(doc) {
            self.ids.push(id);
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.ids
    }
}

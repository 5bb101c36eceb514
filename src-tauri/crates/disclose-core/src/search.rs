//! Searching a case: parse the query, rank by relevance or date, count all
//! hits, and cut a highlighted snippet from each item's stored text. Every
//! search is written to the case's search log, which the response letter
//! reports.

use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Order, Score, SegmentOrdinal, SegmentReader, TantivyDocument};

use crate::case::CaseFolder;
use crate::error::Result;
use crate::index::parse_query;

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
    // item shows whichever highlights more.
    let mut generators = Vec::new();
    for field in [folder.index.fields.text, folder.index.fields.text_stemmed] {
        let mut generator = SnippetGenerator::create(&searcher, &*query, field)?;
        generator.set_max_num_chars(200);
        generators.push(generator);
    }
    let mut results = Vec::with_capacity(addresses.len());
    for (score, address) in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(id) = doc
            .get_first(folder.index.fields.id)
            .and_then(|v| v.as_u64())
        else {
            continue;
        };
        let id = id as i64;
        let item = folder.store.item(id)?;
        let text = folder.store.text(id)?;
        let snippet = generators
            .iter()
            .map(|generator| generator.snippet(&text))
            .max_by_key(|snippet| snippet.highlighted().len())
            .expect("two snippet makers");
        let (fragment, offset, highlights) = if snippet.fragment().is_empty() {
            let end = crate::extract::text::floor_char_boundary(&text, 200);
            (text[..end].to_string(), 0, Vec::new())
        } else {
            (
                snippet.fragment().to_string(),
                snippet.fragment_range().start,
                snippet
                    .highlighted()
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect(),
            )
        };
        results.push(SearchHit {
            item: id,
            path: item.path,
            file_type: item.file_type,
            date: item.date.or(item.file_modified),
            score,
            snippet: fragment,
            highlights,
            snippet_offset: offset,
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

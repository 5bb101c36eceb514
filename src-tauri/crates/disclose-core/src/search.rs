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
    // item shows whichever highlights more. A maker with no word of the
    // query to look for (`type:pdf`, a quoted phrase's stems) could only
    // give an empty snippet, so it is left out rather than run over texts.
    let mut generators = Vec::new();
    for field in [folder.index.fields.text, folder.index.fields.text_stemmed] {
        if !looks_for_words(&searcher, &*query, field)? {
            continue;
        }
        let mut generator = SnippetGenerator::create(&searcher, &*query, field)?;
        generator.set_max_num_chars(200);
        generators.push(generator);
    }
    let mut found = Vec::with_capacity(addresses.len());
    for (score, address) in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(id) = doc
            .get_first(folder.index.fields.id)
            .and_then(|v| v.as_u64())
        else {
            continue;
        };
        let id = id as i64;
        found.push((score, folder.store.item(id)?, folder.store.text(id)?));
    }
    // Cutting a snippet reads the whole text, so the hits are shared out
    // between the cores.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_worker = found.len().div_ceil(workers).max(1);
    let results: Vec<SearchHit> = std::thread::scope(|scope| {
        let handles: Vec<_> = found
            .chunks(per_worker)
            .map(|chunk| {
                let generators = &generators;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(score, item, text)| hit(*score, item, text, generators))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a snippet worker"))
            .collect()
    });
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

/// Whether `query` has a word to look for in `field` that the index holds
/// (what a snippet maker for the field would highlight).
fn looks_for_words(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
    field: tantivy::schema::Field,
) -> Result<bool> {
    let mut terms = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field && term.value().as_str().is_some() {
            terms.push(term.clone());
        }
    });
    for term in terms {
        if searcher.doc_freq(&term)? > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// One result: the item, and the best of the snippets cut from its text.
fn hit(
    score: f32,
    item: &crate::store::ItemRow,
    text: &str,
    generators: &[SnippetGenerator],
) -> SearchHit {
    let snippet = generators
        .iter()
        .map(|generator| generator.snippet(text))
        .max_by_key(|snippet| snippet.highlighted().len())
        .unwrap_or_else(tantivy::snippet::Snippet::empty);
    let (fragment, offset, highlights) = if snippet.fragment().is_empty() {
        let end = crate::extract::text::floor_char_boundary(text, 200);
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
    SearchHit {
        item: item.id,
        path: item.path.clone(),
        file_type: item.file_type,
        date: item.date.clone().or_else(|| item.file_modified.clone()),
        score,
        snippet: fragment,
        highlights,
        snippet_offset: offset,
    }
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

//! What the shells ask of an open case besides the flows with modules of
//! their own (import, search, marks, review, render, bundle, retention):
//! its items, texts and logs, saved searches and the subject's update. The
//! store stays private to the engine; these are the reads and writes a
//! caller may make, each writing its own audit entry where it changes
//! something.

use std::collections::BTreeMap;

use super::{CaseFolder, Subject};
use crate::audit::{Action, AuditEntry};
use crate::error::Result;
use crate::extract::{Page, RecordTable};
use crate::marks::{Mark, MarkFilter};
use crate::review::{DecisionRecord, ReviewPage, ReviewProgress};
use crate::store::{ItemRow, SearchLogEntry, Status};

/// The search log's word for a search the reviewer saved.
const SAVED: &str = "saved";

impl CaseFolder {
    /// The case's items (all, or those with `status`), in id order.
    pub fn items(&self, status: Option<Status>) -> Result<Vec<ItemRow>> {
        self.store.items(status)
    }

    pub fn item(&self, id: i64) -> Result<ItemRow> {
        self.store.item(id)
    }

    /// An item's extracted text.
    pub fn text(&self, id: i64) -> Result<String> {
        self.store.text(id)
    }

    /// An item's pages with word boxes (PDFs, OCR'd images, recordings).
    pub fn pages(&self, id: i64) -> Result<Vec<Page>> {
        self.store.pages(id)
    }

    /// An item's records (sheets, exports).
    pub fn records(&self, id: i64) -> Result<Vec<RecordTable>> {
        self.store.records(id)
    }

    /// The items of an e-mail conversation.
    pub fn thread(&self, thread_id: i64) -> Result<Vec<ItemRow>> {
        self.store.thread(thread_id)
    }

    /// An item's children (attachments, archive members).
    pub fn children(&self, parent: i64) -> Result<Vec<ItemRow>> {
        self.store.children(parent)
    }

    /// An item's current review decision.
    pub fn decision(&self, item: i64) -> Result<Option<DecisionRecord>> {
        self.store.decision(item)
    }

    /// Every item's current decision, by item id.
    pub fn decisions(&self) -> Result<BTreeMap<i64, DecisionRecord>> {
        self.store.decisions()
    }

    pub fn review_progress(&self) -> Result<ReviewProgress> {
        self.store.review_progress()
    }

    /// A page of the review queue: items `offset..offset + limit` in id
    /// order (every item, or only the undecided ones) with their current
    /// decisions, and the counts; see [`ReviewPage`].
    pub fn review_page(
        &self,
        only_undecided: bool,
        offset: u64,
        limit: Option<u64>,
    ) -> Result<ReviewPage> {
        self.store.review_page(only_undecided, offset, limit)
    }

    /// The searches run and saved, oldest first.
    pub fn search_log(&self) -> Result<Vec<SearchLogEntry>> {
        self.store.search_log()
    }

    /// The saved searches, newest first, each query once.
    pub fn saved_searches(&self) -> Result<Vec<String>> {
        let mut saved: Vec<String> = Vec::new();
        for entry in self.store.search_log()?.into_iter().rev() {
            if entry.kind == SAVED && !saved.contains(&entry.query) {
                saved.push(entry.query);
            }
        }
        Ok(saved)
    }

    /// Saves `query` (logged with the number of items it matches now).
    pub fn save_search(&self, query: &str) -> Result<()> {
        let now = &self.now();
        let hits = crate::search::matching_ids(self, query)?.len() as u64;
        self.store.log_search(now, SAVED, query, hits)
    }

    /// The marks matching `filter`, in item and text order.
    pub fn marks(&self, filter: &MarkFilter) -> Result<Vec<Mark>> {
        self.store.marks(filter)
    }

    /// The marks matching `filter`, with their boxes on the items' pages.
    pub fn placed_marks(&self, filter: &MarkFilter) -> Result<Vec<Mark>> {
        self.store.place(self.store.marks(filter)?)
    }

    /// The audit trail, oldest first.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        self.store.audit_entries()
    }

    /// Replaces the subject's identifiers (names, dates, addresses,
    /// numbers); the case is validated first and the change audited.
    pub fn set_subject(&mut self, subject: Subject) -> Result<()> {
        let now = &self.now();
        let mut case = self.case()?;
        case.subject = subject;
        case.validate()?;
        self.store.save_case(&case, now)?;
        self.store.audit(
            now,
            self.actor(),
            Action::SubjectUpdated,
            &serde_json::json!({ "subject": case.subject }),
        )
    }
}

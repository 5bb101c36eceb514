//! The single writer of an import: stores each finished tree of items in
//! SQLite (one transaction per batch), decides duplicates, and feeds the
//! search index. Items are written with `indexed = 0` and flagged once the
//! index has committed them, so a killed import re-indexes exactly what the
//! index lost.

use std::collections::{BTreeMap, HashMap};

use tantivy::IndexWriter;

use super::worker::Node;
use super::{ImportSummary, ProgressEvent, ProgressSink};
use crate::case::CaseFolder;
use crate::error::Result;
use crate::index::IndexDoc;
use crate::store::{NewItem, Status};

/// Commit the index after this many documents.
const INDEX_COMMIT_EVERY: usize = 5_000;

pub struct Writer<'a> {
    pub folder: &'a mut CaseFolder,
    /// Where the originals the workers kept are being synced.
    durable: &'a super::durable::Durable,
    pub index_writer: IndexWriter,
    pub import_id: i64,
    pub now: String,
    pub user: String,
    pub summary: ImportSummary,
    pending_index: Vec<i64>,
    /// Documents this run gave the index, committed or not.
    indexed: u64,
    /// Items whose bytes were claimed by an item not yet written.
    waiting_for_original: HashMap<String, Vec<(Node, Option<i64>)>>,
}

impl<'a> Writer<'a> {
    pub fn new(
        folder: &'a mut CaseFolder,
        durable: &'a super::durable::Durable,
        import_id: i64,
        now: String,
        user: String,
    ) -> Result<Writer<'a>> {
        let index_writer = folder.index.writer()?;
        // Segments are merged once, when the import ends (see `finish`),
        // not over and over while it runs.
        index_writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        Ok(Writer {
            folder,
            durable,
            index_writer,
            import_id,
            now,
            user,
            summary: ImportSummary::default(),
            pending_index: Vec::new(),
            indexed: 0,
            waiting_for_original: HashMap::new(),
        })
    }

    /// Stores a batch of top-level trees in one transaction.
    pub fn write_batch(&mut self, batch: Vec<Node>, progress: &dyn ProgressSink) -> Result<()> {
        self.write_under(None, batch, progress)
    }

    /// Stores a batch of trees under `parent` (the id and path of a mailbox
    /// read message by message), or top-level inputs when `parent` is
    /// `None`.
    pub fn write_under(
        &mut self,
        parent: Option<(i64, &str)>,
        batch: Vec<Node>,
        progress: &dyn ProgressSink,
    ) -> Result<()> {
        // The batch's originals reach the disk before the items naming
        // them are committed.
        let mut hashes = Vec::new();
        for node in &batch {
            node.hashes(&mut hashes);
        }
        hashes.sort_unstable();
        hashes.dedup();
        self.durable.wait(&hashes)?;
        let container = parent.map(|(_, path)| path.to_string());
        let parent = parent.map(|(id, _)| id);
        let mut written = Vec::new();
        let folder = &mut *self.folder;
        let ctx = WriteCtx {
            import_id: self.import_id,
            now: &self.now,
            user: &self.user,
        };
        let waiting = &mut self.waiting_for_original;
        let summary = &mut self.summary;
        folder.store.transaction(|store| {
            for node in batch {
                if parent.is_none() {
                    summary.inputs_done += 1;
                }
                let path = node.path.clone();
                write_tree(store, &ctx, node, parent, waiting, summary, &mut written)?;
                if parent.is_none() {
                    progress.event(&ProgressEvent::FileDone {
                        path,
                        items: summary.items,
                        failed: summary.failed,
                    });
                }
            }
            Ok(())
        })?;
        if let Some(path) = container {
            progress.event(&ProgressEvent::ItemsStored {
                path,
                items: self.summary.items,
                failed: self.summary.failed,
            });
        }
        self.index_written(written)?;
        if self.pending_index.len() >= INDEX_COMMIT_EVERY {
            self.commit_index()?;
        }
        Ok(())
    }

    /// Adds the items just stored to the index, to be flagged as indexed at
    /// the next commit.
    fn index_written(&mut self, written: Vec<(i64, PendingDoc)>) -> Result<()> {
        for (id, doc) in written {
            self.folder
                .index
                .add(&self.index_writer, &doc.as_index_doc(id))?;
            self.pending_index.push(id);
            self.indexed += 1;
        }
        Ok(())
    }

    /// Indexes an item already stored again (a mailbox once read to the
    /// end), replacing its document at the next commit.
    pub fn reindex(&mut self, id: i64) -> Result<()> {
        let doc = PendingDoc::of_stored(&self.folder.store, id)?;
        self.folder
            .index
            .replace(&self.index_writer, &doc.as_index_doc(id))?;
        self.pending_index.push(id);
        self.indexed += 1;
        Ok(())
    }

    pub fn commit_index(&mut self) -> Result<()> {
        self.index_writer.commit()?;
        let ids = std::mem::take(&mut self.pending_index);
        self.folder
            .store
            .transaction(|store| store.mark_indexed(&ids))?;
        Ok(())
    }

    /// Writes what is still waiting for an original that never came (it
    /// cannot happen unless a worker died) as ordinary items. The index's
    /// last commit is left to the caller (see [`Finished`]).
    pub fn finish(mut self) -> Result<Finished> {
        let leftovers: Vec<(Node, Option<i64>)> = self
            .waiting_for_original
            .drain()
            .flat_map(|(_, v)| v)
            .collect();
        if !leftovers.is_empty() {
            let mut written = Vec::new();
            let ctx = WriteCtx {
                import_id: self.import_id,
                now: &self.now,
                user: &self.user,
            };
            let summary = &mut self.summary;
            let mut none = HashMap::new();
            self.folder.store.transaction(|store| {
                for (mut node, parent) in leftovers {
                    node.same_bytes_as_earlier = false;
                    node.status = Status::Failed;
                    node.reason = Some("duplicate of an item that could not be stored".into());
                    write_tree(store, &ctx, node, parent, &mut none, summary, &mut written)?;
                }
                Ok(())
            })?;
            self.index_written(written)?;
        }
        Ok(Finished {
            summary: self.summary,
            index_writer: self.index_writer,
            uncommitted: self.pending_index,
            indexed: self.indexed,
        })
    }
}

/// A writer's end: the items given to the index since its last commit
/// are flagged as indexed once the caller has committed it.
pub struct Finished {
    summary: ImportSummary,
    index_writer: IndexWriter,
    uncommitted: Vec<i64>,
    /// Documents this run gave the index, committed or not.
    indexed: u64,
}

impl Finished {
    /// Commits the index and merges its segments (see
    /// [`crate::index::CaseIndex::merge_when_done`]) on another thread
    /// while `meanwhile` works on the store, then flags the items as
    /// indexed. The commit writes out everything tantivy held in memory,
    /// the longest single step of an import's end.
    pub fn commit_while<T>(
        self,
        folder: &mut CaseFolder,
        meanwhile: impl FnOnce(&mut crate::store::Store) -> Result<T>,
    ) -> Result<(ImportSummary, T)> {
        let Finished {
            summary,
            mut index_writer,
            uncommitted,
            indexed,
        } = self;
        let (committed, result) = std::thread::scope(|scope| {
            let index = &folder.index;
            let committing = scope.spawn(move || -> Result<()> {
                index_writer.commit()?;
                index.merge_when_done(index_writer, indexed)
            });
            let result = meanwhile(&mut folder.store);
            let committed = committing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (committed, result)
        });
        committed?;
        folder
            .store
            .transaction(|store| store.mark_indexed(&uncommitted))?;
        Ok((summary, result?))
    }
}

struct WriteCtx<'a> {
    import_id: i64,
    now: &'a str,
    user: &'a str,
}

/// The searchable fields of an item written in this batch.
pub(crate) struct PendingDoc {
    text: String,
    subject: String,
    from: String,
    to: String,
    name: String,
    path: String,
    file_type: String,
    date: Option<chrono::DateTime<chrono::Utc>>,
}

impl PendingDoc {
    /// The index fields of an item: its subject (or title), sender (or
    /// author), all recipients, and its date (else the file's).
    pub(crate) fn new(
        text: String,
        name: &str,
        path: &str,
        file_type: &str,
        meta: &BTreeMap<String, String>,
        date: Option<&str>,
        file_modified: Option<&str>,
    ) -> PendingDoc {
        let get = |k: &str| meta.get(k).cloned().unwrap_or_default();
        PendingDoc {
            text,
            subject: meta
                .get("subject")
                .or_else(|| meta.get("title"))
                .cloned()
                .unwrap_or_default(),
            from: meta
                .get("from")
                .or_else(|| meta.get("author"))
                .cloned()
                .unwrap_or_default(),
            to: [get("to"), get("cc"), get("bcc")].join(" "),
            name: name.to_string(),
            path: path.to_string(),
            file_type: file_type.to_string(),
            date: date
                .or(file_modified)
                .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
                .map(|d| d.to_utc()),
        }
    }

    /// The searchable fields of an item already stored.
    pub(crate) fn of_stored(store: &crate::store::Store, id: i64) -> Result<PendingDoc> {
        let item = store.item(id)?;
        Ok(PendingDoc::new(
            store.text(id)?,
            &item.name,
            &item.path,
            item.file_type.as_str(),
            &item.metadata,
            item.date.as_deref(),
            item.file_modified.as_deref(),
        ))
    }

    pub(crate) fn as_index_doc(&self, id: i64) -> IndexDoc<'_> {
        IndexDoc {
            id,
            text: &self.text,
            subject: &self.subject,
            from: &self.from,
            to: &self.to,
            name: &self.name,
            path: &self.path,
            file_type: &self.file_type,
            date: self.date,
        }
    }
}

fn write_tree(
    store: &crate::store::Store,
    ctx: &WriteCtx,
    mut node: Node,
    parent: Option<i64>,
    waiting: &mut HashMap<String, Vec<(Node, Option<i64>)>>,
    summary: &mut ImportSummary,
    written: &mut Vec<(i64, PendingDoc)>,
) -> Result<()> {
    // An earlier input with the same bytes reached the writer first but
    // was not extracted (this one claimed the bytes): the earlier one, in
    // input order, becomes the original, so results do not depend on which
    // worker was faster.
    if !node.same_bytes_as_earlier {
        if let Some((mut earlier, earlier_parent)) = waiting
            .get_mut(&node.sha256)
            .filter(|list| !list.is_empty())
            .map(|list| list.remove(0))
        {
            hand_over(&mut node, &mut earlier);
            write_tree(
                store,
                ctx,
                earlier,
                earlier_parent,
                waiting,
                summary,
                written,
            )?;
            return write_tree(store, ctx, node, parent, waiting, summary, written);
        }
    }
    let mut duplicate_of = None;
    if node.same_bytes_as_earlier {
        match store.item_with_sha(&node.sha256)? {
            Some(original) => {
                duplicate_of = Some(original);
                let first = store.item(original)?;
                node.status = first.status;
                node.reason = first.reason;
                node.file_type = first.file_type;
            }
            None => {
                waiting
                    .entry(node.sha256.clone())
                    .or_default()
                    .push((node, parent));
                return Ok(());
            }
        }
    }
    let needs_ocr = duplicate_of.is_none()
        && node.status != Status::Failed
        && !node
            .extracted
            .metadata
            .contains_key(crate::extract::image::NOT_DECODED)
        && (node.file_type == crate::extract::FileType::Image
            || node.extracted.metadata.contains_key("pages-without-text"));
    if needs_ocr && node.file_type == crate::extract::FileType::Image {
        node.status = Status::Partial;
        node.reason = Some(crate::ocr::WAITING.into());
    }
    let message_id = node.extracted.metadata.get("message-id").cloned();
    if duplicate_of.is_none() {
        if let Some(mid) = &message_id {
            duplicate_of = store.item_with_message_id(mid)?;
        }
    }
    let meta = &node.extracted.metadata;
    let date = node.extracted.date.map(|d| d.to_rfc3339());
    let id = store.insert_item(&NewItem {
        parent_id: parent,
        import_id: ctx.import_id,
        source_key: &node.source_key,
        path: &node.path,
        name: &node.name,
        sha256: &node.sha256,
        size: node.size,
        file_type: node.file_type.as_str(),
        status: node.status,
        reason: node.reason.as_deref(),
        duplicate_of,
        message_id: message_id.as_deref(),
        date: date.clone(),
        file_modified: node.file_modified.clone(),
        metadata: meta,
        text: &node.extracted.text,
        imported_at: ctx.now,
        imported_by: ctx.user,
    })?;
    if needs_ocr {
        store.set_ocr_pending(id)?;
    }
    summary.count(node.status, duplicate_of.is_some());
    if let Some(resumed) = &node.resumed {
        summary.resumed.push(resumed.clone());
    }
    if node.status == Status::Failed {
        summary
            .failures
            .push((node.path.clone(), node.reason.clone().unwrap_or_default()));
    }
    if duplicate_of.is_none() {
        store.insert_pages(id, &node.extracted.pages)?;
        store.insert_records(id, &node.extracted.records)?;
        let date = date.or_else(|| node.file_modified.clone());
        let doc = PendingDoc::new(
            std::mem::take(&mut node.extracted.text),
            &node.name,
            &node.path,
            node.file_type.as_str(),
            meta,
            date.as_deref(),
            None,
        );
        written.push((id, doc));
    }
    // Children are written even under a duplicate (an email with a known
    // Message-ID): each is grouped with its own first copy by hash.
    for child in std::mem::take(&mut node.children) {
        write_tree(store, ctx, child, Some(id), waiting, summary, written)?;
    }
    if let Some(dups) = waiting.remove(&node.sha256) {
        for (dup, dup_parent) in dups {
            write_tree(store, ctx, dup, dup_parent, waiting, summary, written)?;
        }
    }
    Ok(())
}

/// Moves what was extracted from `from` to `to` (same bytes, so the same
/// content), leaving `from` a plain duplicate; children are re-pathed under
/// their new parent.
fn hand_over(from: &mut Node, to: &mut Node) {
    std::mem::swap(&mut from.extracted, &mut to.extracted);
    std::mem::swap(&mut from.children, &mut to.children);
    std::mem::swap(&mut from.status, &mut to.status);
    std::mem::swap(&mut from.reason, &mut to.reason);
    std::mem::swap(&mut from.file_type, &mut to.file_type);
    from.same_bytes_as_earlier = true;
    to.same_bytes_as_earlier = false;
    for child in &mut to.children {
        rebase(
            child,
            (&from.path, &to.path),
            (&from.source_key, &to.source_key),
        );
    }
}

fn rebase(node: &mut Node, path: (&str, &str), key: (&str, &str)) {
    if let Some(rest) = node.path.strip_prefix(path.0) {
        node.path = format!("{}{rest}", path.1);
    }
    if let Some(rest) = node.source_key.strip_prefix(key.0) {
        node.source_key = format!("{}{rest}", key.1);
    }
    for child in &mut node.children {
        rebase(child, path, key);
    }
}

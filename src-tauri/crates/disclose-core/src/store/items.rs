//! Item rows: one per imported file or child, with its text, page layout and
//! structured records in side tables.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::{Error, Result};
use crate::extract::{FileType, Page, RecordTable};

crate::vocab::vocabulary! {
    /// How well an item's content could be read.
    pub enum Status ("status") {
        Ok = "ok",
        Partial = "partial",
        Failed = "failed",
    }
}

/// An item to insert.
#[derive(Debug, Clone)]
pub struct NewItem<'a> {
    pub parent_id: Option<i64>,
    pub import_id: i64,
    pub source_key: &'a str,
    pub path: &'a str,
    pub name: &'a str,
    pub sha256: &'a str,
    pub size: u64,
    pub file_type: &'a str,
    pub status: Status,
    pub reason: Option<&'a str>,
    pub duplicate_of: Option<i64>,
    pub message_id: Option<&'a str>,
    pub date: Option<String>,
    pub file_modified: Option<String>,
    pub metadata: &'a BTreeMap<String, String>,
    pub text: &'a str,
    pub imported_at: &'a str,
    pub imported_by: &'a str,
}

/// What facets need of an item.
pub struct FacetRow {
    pub file_type: String,
    pub from: Option<String>,
    pub date: Option<String>,
}

/// What a search result shows of an item.
pub struct HitRow {
    pub path: String,
    pub file_type: FileType,
    /// The item's date, or else the file's.
    pub date: Option<String>,
    pub text: String,
}

/// An item as stored.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemRow {
    pub id: i64,
    pub parent: Option<i64>,
    pub path: String,
    pub name: String,
    pub sha256: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub file_type: FileType,
    pub status: Status,
    pub reason: Option<String>,
    pub duplicate_of: Option<i64>,
    pub message_id: Option<String>,
    pub date: Option<String>,
    pub file_modified: Option<String>,
    pub metadata: BTreeMap<String, String>,
    pub text_bytes: u64,
    pub imported_at: String,
    pub imported_by: String,
    /// The conversation the email belongs to (the id of its first item).
    pub thread_id: Option<i64>,
    /// Whether the email must be read to see the whole thread.
    pub inclusive: Option<bool>,
    /// The first item of a group of near-identical documents.
    pub near_dup_of: Option<i64>,
}

pub(crate) const ITEM_COLUMNS: &str =
    "id, parent_id, path, name, sha256, size, type, status, reason, duplicate_of, \
     message_id, date, file_modified, metadata, text_bytes, imported_at, imported_by, thread_id, inclusive, near_dup_of";

/// The `type` column as a [`FileType`]; a word no reader knows is an error,
/// not a guess.
fn file_type_from(r: &Row, column: usize) -> rusqlite::Result<FileType> {
    let text: String = r.get(column)?;
    FileType::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            Box::new(Error::Invalid(format!("unknown file type {text:?}"))),
        )
    })
}

pub(crate) fn item_from_row(r: &Row) -> rusqlite::Result<ItemRow> {
    let metadata: String = r.get(13)?;
    Ok(ItemRow {
        id: r.get(0)?,
        parent: r.get(1)?,
        path: r.get(2)?,
        name: r.get(3)?,
        sha256: r.get(4)?,
        size: r.get::<_, i64>(5)? as u64,
        file_type: file_type_from(r, 6)?,
        status: r.get(7)?,
        reason: r.get(8)?,
        duplicate_of: r.get(9)?,
        message_id: r.get(10)?,
        date: r.get(11)?,
        file_modified: r.get(12)?,
        metadata: serde_json::from_str(&metadata).unwrap_or_default(),
        text_bytes: r.get::<_, i64>(14)? as u64,
        imported_at: r.get(15)?,
        imported_by: r.get(16)?,
        thread_id: r.get(17)?,
        inclusive: r.get::<_, Option<i64>>(18)?.map(|v| v != 0),
        near_dup_of: r.get(19)?,
    })
}

impl Store {
    pub fn begin_import(&self, started_at: &str, paths: &[String], user: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO imports (started_at, paths, user_name) VALUES (?1, ?2, ?3)",
            params![
                started_at,
                serde_json::to_string(paths).unwrap_or_default(),
                user
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn finish_import(&self, import_id: i64, finished_at: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE imports SET finished_at = ?1 WHERE id = ?2",
            params![finished_at, import_id],
        )?;
        Ok(())
    }

    /// Inserts an item and its text; returns its id.
    pub fn insert_item(&self, item: &NewItem) -> Result<i64> {
        // Cached: an import inserts thousands, and parsing this statement
        // each time showed in its profile.
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO items (parent_id, import_id, source_key, path, name, sha256, size, type, status, reason,
                duplicate_of, message_id, date, file_modified, metadata, text_bytes, indexed, imported_at, imported_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?;
        insert.execute(params![
            item.parent_id,
            item.import_id,
            item.source_key,
            item.path,
            item.name,
            item.sha256,
            item.size as i64,
            item.file_type,
            item.status.as_str(),
            item.reason,
            item.duplicate_of,
            item.message_id,
            item.date,
            item.file_modified,
            serde_json::to_string(item.metadata).unwrap_or_else(|_| "{}".into()),
            item.text.len() as i64,
            // Duplicates are not indexed: their first copy is.
            item.duplicate_of.is_some() as i64,
            item.imported_at,
            item.imported_by,
        ])?;
        let id = self.conn.last_insert_rowid();
        if item.duplicate_of.is_none() && !item.text.is_empty() {
            self.conn
                .prepare_cached("INSERT INTO item_text (item_id, text) VALUES (?1, ?2)")?
                .execute(params![id, item.text])?;
        }
        Ok(id)
    }

    pub fn insert_pages(&self, item_id: i64, pages: &[Page]) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("INSERT INTO item_pages (item_id, page, width, height, words) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for page in pages {
            let words = serde_json::to_string(&page.words).unwrap_or_else(|_| "[]".into());
            stmt.execute(params![
                item_id,
                page.number,
                page.width,
                page.height,
                words
            ])?;
        }
        Ok(())
    }

    pub fn insert_records(&self, item_id: i64, tables: &[RecordTable]) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO records (item_id, table_name, hidden, columns, rows, hidden_rows, hidden_columns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for table in tables {
            stmt.execute(params![
                item_id,
                table.name,
                table.hidden as i64,
                serde_json::to_string(&table.columns).unwrap_or_default(),
                serde_json::to_string(&table.rows).unwrap_or_default(),
                serde_json::to_string(&table.hidden_rows).unwrap_or_default(),
                serde_json::to_string(&table.hidden_columns).unwrap_or_default(),
            ])?;
        }
        Ok(())
    }

    pub fn records(&self, item_id: i64) -> Result<Vec<RecordTable>> {
        let mut stmt = self.conn.prepare(
            "SELECT table_name, hidden, columns, rows, hidden_rows, hidden_columns FROM records WHERE item_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            let columns: String = r.get(2)?;
            let rows: String = r.get(3)?;
            let hidden_rows: String = r.get(4)?;
            let hidden_columns: String = r.get(5)?;
            Ok(RecordTable {
                name: r.get(0)?,
                hidden: r.get::<_, i64>(1)? != 0,
                columns: serde_json::from_str(&columns).unwrap_or_default(),
                rows: serde_json::from_str(&rows).unwrap_or_default(),
                hidden_rows: serde_json::from_str(&hidden_rows).unwrap_or_default(),
                hidden_columns: serde_json::from_str(&hidden_columns).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn pages(&self, item_id: i64) -> Result<Vec<Page>> {
        let mut stmt = self.conn.prepare(
            "SELECT page, width, height, words FROM item_pages WHERE item_id = ?1 ORDER BY page",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            let words: String = r.get(3)?;
            Ok(Page {
                number: r.get(0)?,
                width: r.get(1)?,
                height: r.get(2)?,
                words: serde_json::from_str(&words).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether an input with this key was fully imported before.
    pub fn has_source(&self, source_key: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM items WHERE source_key = ?1",
                [source_key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The item stored for an input, with its reason: how an import tells
    /// an input finished from one a killed run left half-read.
    pub fn item_for_source(&self, source_key: &str) -> Result<Option<(i64, Option<String>)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, reason FROM items WHERE source_key = ?1 ORDER BY id LIMIT 1",
                [source_key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Source keys of the items directly under `parent`.
    pub fn child_source_keys(&self, parent: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT source_key FROM items WHERE parent_id = ?1")?;
        let rows = stmt.query_map([parent], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records how reading a container ended: its status, reason,
    /// metadata and text (a listing of what it holds), known only once
    /// everything inside it was read. It is to be indexed again.
    pub fn finish_container(
        &self,
        id: i64,
        status: Status,
        reason: Option<&str>,
        metadata: &BTreeMap<String, String>,
        text: &str,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET status = ?2, reason = ?3, metadata = ?4, text_bytes = ?5,
                 indexed = 0 WHERE id = ?1",
            params![
                id,
                status.as_str(),
                reason,
                serde_json::to_string(metadata).unwrap_or_else(|_| "{}".into()),
                text.len() as i64
            ],
        )?;
        self.conn.execute(
            "INSERT INTO item_text (item_id, text) VALUES (?1, ?2)
             ON CONFLICT(item_id) DO UPDATE SET text = ?2",
            params![id, text],
        )?;
        Ok(())
    }

    /// The item these bytes are grouped under: the first copy, or, when the
    /// only copy is itself a duplicate (an email known by its Message-ID),
    /// that copy's original.
    pub fn item_with_sha(&self, sha256: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COALESCE(duplicate_of, id) FROM items WHERE sha256 = ?1
                 ORDER BY duplicate_of IS NOT NULL, id LIMIT 1",
            )?
            .query_row([sha256], |r| r.get(0))
            .optional()?)
    }

    /// The first non-duplicate email with this Message-ID.
    pub fn item_with_message_id(&self, message_id: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM items WHERE message_id = ?1 AND duplicate_of IS NULL ORDER BY id LIMIT 1",
            )?
            .query_row([message_id], |r| r.get(0))
            .optional()?)
    }

    pub fn item(&self, id: i64) -> Result<ItemRow> {
        self.conn
            .query_row(
                &format!("SELECT {ITEM_COLUMNS} FROM items WHERE id = ?1"),
                [id],
                item_from_row,
            )
            .optional()?
            .ok_or(Error::ItemNotFound(id))
    }

    pub fn items(&self, status: Option<Status>) -> Result<Vec<ItemRow>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE (?1 IS NULL OR status = ?1) ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([status.map(Status::as_str)], item_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Type, sender and date of each of `ids`, for search facets.
    pub fn facet_rows(&self, ids: &[i64]) -> Result<Vec<FacetRow>> {
        let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn.prepare(
            "SELECT type, json_extract(metadata, '$.from'), date FROM items
             WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = stmt.query_map([ids], |r| {
            Ok(FacetRow {
                file_type: r.get(0)?,
                from: r.get(1)?,
                date: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// What search results show of each of `ids`, by id, in one query.
    pub fn hit_rows(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, HitRow>> {
        let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut stmt = self.conn.prepare(
            "SELECT items.id, path, type, COALESCE(date, file_modified), COALESCE(text, '')
             FROM items LEFT JOIN item_text ON item_text.item_id = items.id
             WHERE items.id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = stmt.query_map([ids], |r| {
            Ok((
                r.get(0)?,
                HitRow {
                    path: r.get(1)?,
                    file_type: file_type_from(r, 2)?,
                    date: r.get(3)?,
                    text: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Items sharing a conversation, oldest first.
    pub fn thread(&self, thread_id: i64) -> Result<Vec<ItemRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE thread_id = ?1 ORDER BY date, id"
        ))?;
        let rows = stmt.query_map([thread_id], item_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn children(&self, parent: i64) -> Result<Vec<ItemRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE parent_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([parent], item_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn text(&self, id: i64) -> Result<String> {
        Ok(self
            .conn
            .prepare_cached("SELECT text FROM item_text WHERE item_id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }

    /// Ids of items whose text is stored but not yet in the search index.
    pub fn unindexed(&self, limit: usize) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM items WHERE indexed = 0 ORDER BY id LIMIT ?1")?;
        let rows = stmt.query_map([limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn mark_indexed(&self, ids: &[i64]) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("UPDATE items SET indexed = 1 WHERE id = ?1")?;
        for id in ids {
            stmt.execute([id])?;
        }
        Ok(())
    }

    /// Counts of items by status, over all items.
    pub fn status_counts(&self) -> Result<BTreeMap<Status, u64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT status, COUNT(*) FROM items GROUP BY status")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts of items by type.
    pub fn type_counts(&self) -> Result<BTreeMap<FileType, u64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT type, COUNT(*) FROM items GROUP BY type")?;
        let rows = stmt.query_map([], |r| {
            Ok((file_type_from(r, 0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn duplicate_count(&self) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM items WHERE duplicate_of IS NOT NULL",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    pub fn transaction<T>(&mut self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("COMMIT")?;
                self.anchor_head()?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

impl Store {
    /// Every distinct hash of the case's items.
    pub fn all_hashes(&self) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self.conn.prepare("SELECT DISTINCT sha256 FROM items")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// What OCR produced for one item.
#[derive(Debug, Clone)]
pub struct OcrUpdate {
    pub text: String,
    pub pages: Vec<Page>,
    pub status: Status,
    pub reason: Option<String>,
    pub confidence: Option<f32>,
    pub failed: bool,
}

impl Store {
    pub fn set_ocr_pending(&self, id: i64) -> Result<()> {
        self.conn
            .execute("UPDATE items SET ocr_state = 'pending' WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Items waiting for OCR, oldest first.
    pub fn ocr_pending(&self, limit: usize) -> Result<Vec<ItemRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM_COLUMNS} FROM items WHERE ocr_state = 'pending' ORDER BY id LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], item_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn ocr_pending_count(&self) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM items WHERE ocr_state = 'pending'",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// Stores OCR text and word boxes and queues the item for re-indexing.
    pub fn apply_ocr(&self, id: i64, update: &OcrUpdate) -> Result<()> {
        self.conn.execute(
            "UPDATE items SET status = ?2, reason = ?3, ocr_state = ?4, ocr_confidence = ?5, text_bytes = ?6,
                 indexed = 0 WHERE id = ?1",
            params![
                id,
                update.status.as_str(),
                update.reason,
                if update.failed { "failed" } else { "done" },
                update.confidence,
                update.text.len() as i64
            ],
        )?;
        self.conn.execute(
            "INSERT INTO item_text (item_id, text) VALUES (?1, ?2)
             ON CONFLICT(item_id) DO UPDATE SET text = ?2",
            params![id, update.text],
        )?;
        self.conn
            .execute("DELETE FROM item_pages WHERE item_id = ?1", [id])?;
        self.insert_pages(id, &update.pages)?;
        // Duplicates show their original's status.
        self.conn.execute(
            "UPDATE items SET status = ?2, reason = ?3 WHERE duplicate_of = ?1",
            params![id, update.status.as_str(), update.reason],
        )?;
        Ok(())
    }
}

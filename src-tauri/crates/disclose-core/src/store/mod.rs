//! The case store: one SQLite database per case (`case.db`, WAL mode) with
//! versioned migrations (the schema version lives in `PRAGMA user_version`),
//! and the content-addressed originals beside it.

mod items;
mod migrations;
pub mod originals;

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

pub(crate) use items::{item_from_row, ITEM_COLUMNS};
pub use items::{FacetRow, HitRow, ItemRow, NewItem, OcrUpdate, Status};

use crate::case::Case;
use crate::error::{Error, Result};

/// An open case database.
pub struct Store {
    pub(crate) conn: Connection,
    /// Where the audit trail's head is anchored outside the case.
    anchor: Option<crate::audit::anchor::Anchor>,
}

/// Leaves the write-ahead log in place when the last connection closes,
/// instead of copying it into the database there and then (two flushes to
/// disk, which made every short command, a search among them, wait on
/// the disk). SQLite still copies it in as it grows, while writing, and
/// [`trim_log`] empties it when a connection closes on a long one.
pub(crate) fn keep_log_on_close(conn: &Connection) -> Result<()> {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )?;
    Ok(())
}

/// The size of write-ahead log past which [`trim_log`] empties it: about
/// 250 pages.
const LOG_LIMIT: u64 = 1 << 20;

/// Copies the write-ahead log into the database and empties it once it
/// has grown past [`LOG_LIMIT`]. Every process that opens the database
/// reads the whole log again to index it (at 1,000 pages, 2 ms of a
/// search's start), and a log written by one short process after another
/// is never started afresh by SQLite, which cannot know that an earlier
/// process copied it in: it would grow, and be copied in again at every
/// commit, without end. Best effort: with another process using the
/// database, the log is left for a later close.
pub(crate) fn trim_log(conn: &Connection) {
    let Some(path) = conn.path().filter(|p| !p.is_empty()) else {
        return;
    };
    let long = std::fs::metadata(format!("{path}-wal")).is_ok_and(|m| m.len() > LOG_LIMIT);
    if long && conn.busy_timeout(std::time::Duration::ZERO).is_ok() {
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        trim_log(&self.conn);
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        // Created 0600 before SQLite opens it; SQLite gives its WAL and
        // shared-memory files the same mode.
        crate::private::touch(path)?;
        let mut conn = Connection::open(path)?;
        // HOOK (encryption at rest): SQLCipher key in an encrypted home.
        crate::crypt::apply_key(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        keep_log_on_close(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        migrations::migrate(&mut conn)?;
        Ok(Store { conn, anchor: None })
    }

    /// Anchors the audit trail's head in the home's registry after every
    /// append from now on.
    pub fn set_anchor(&mut self, anchor: crate::audit::anchor::Anchor) {
        self.anchor = Some(anchor);
    }

    pub fn anchor(&self) -> Option<&crate::audit::anchor::Anchor> {
        self.anchor.as_ref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn save_case(&self, case: &Case, now: &str) -> Result<()> {
        let json = serde_json::to_string(case).map_err(|e| Error::Invalid(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO case_info (id, reference, data, created_at, updated_at) VALUES (1, ?1, ?2, ?3, ?3)
             ON CONFLICT(id) DO UPDATE SET reference = ?1, data = ?2, updated_at = ?3",
            params![case.reference, json, now],
        )?;
        Ok(())
    }

    pub fn load_case(&self) -> Result<Case> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT data FROM case_info WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        let json = json.ok_or_else(|| Error::Invalid("case database has no case record".into()))?;
        serde_json::from_str(&json)
            .map_err(|e| Error::Invalid(format!("case record unreadable: {e}")))
    }

    /// Records a search or sweep in the case's search log.
    pub fn log_search(&self, at: &str, kind: &str, query: &str, hits: u64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO searches (at, kind, query, hits) VALUES (?1, ?2, ?3, ?4)",
            params![at, kind, query, hits as i64],
        )?;
        Ok(())
    }

    /// The search log, oldest first: (time, kind, query, hits).
    pub fn search_log(&self) -> Result<Vec<SearchLogEntry>> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, kind, query, hits FROM searches ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(SearchLogEntry {
                at: r.get(0)?,
                kind: r.get(1)?,
                query: r.get(2)?,
                hits: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchLogEntry {
    pub at: String,
    pub kind: String,
    pub query: String,
    pub hits: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_write_ahead_log_is_emptied_when_the_store_closes_and_a_short_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.db");
        let wal = dir.path().join("case.db-wal");
        let store = Store::open(&path).unwrap();
        store
            .log_search("2026-01-01T00:00:00Z", "search", "rent", 1)
            .unwrap();
        drop(store);
        let short = std::fs::metadata(&wal).unwrap().len();
        assert!(short > 0 && short <= LOG_LIMIT, "{short}");

        let store = Store::open(&path).unwrap();
        let long_query = "x".repeat(4_000);
        for _ in 0..400 {
            store
                .log_search("2026-01-01T00:00:00Z", "search", &long_query, 1)
                .unwrap();
        }
        assert!(std::fs::metadata(&wal).unwrap().len() > LOG_LIMIT);
        drop(store);
        assert_eq!(std::fs::metadata(&wal).map_or(0, |m| m.len()), 0);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.search_log().unwrap().len(), 401);
    }
}

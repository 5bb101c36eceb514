//! The audit trail's anchor outside the case: the home's registry of cases
//! (`<home>/registry.db`, SQLite) keeps, per case, the newest entry's hash
//! and the number of entries. It only ever moves forward, so deleting the
//! newest entries of a case's trail (which leaves a chain that still links)
//! is found by comparing the trail with it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// The registry's file in the home.
pub const REGISTRY: &str = "registry.db";

/// Where a case's trail is anchored.
#[derive(Debug)]
pub struct Anchor {
    registry: PathBuf,
    reference: String,
    /// The count this handle last recorded, so an unchanged head is not
    /// written again.
    recorded: AtomicU64,
}

/// What the registry holds for a case.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Anchored {
    pub entries: u64,
    pub head: String,
}

impl Anchor {
    pub fn new(home: &Path, reference: &str) -> Anchor {
        Anchor {
            registry: home.join(REGISTRY),
            reference: reference.to_string(),
            recorded: AtomicU64::new(0),
        }
    }

    fn connect(&self) -> Result<Connection> {
        crate::private::touch(&self.registry)?;
        let conn = Connection::open(&self.registry)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // Written after every audited action (each search among them), so
        // kept as the case's own database is: in a write-ahead log not
        // flushed to disk at every commit. A power cut can lose the newest
        // anchor as it can the trail's newest entries.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        crate::store::keep_log_on_close(&conn)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS anchors (
                 reference TEXT PRIMARY KEY,
                 entries INTEGER NOT NULL,
                 head TEXT NOT NULL,
                 at TEXT NOT NULL
             )",
        )?;
        Ok(conn)
    }

    /// Records that the trail now has `entries` entries ending in `head`,
    /// unless the registry already knows of more.
    pub fn record(&self, entries: u64, head: &str, at: &str) -> Result<()> {
        if self.recorded.load(Ordering::SeqCst) == entries {
            return Ok(());
        }
        let conn = self.connect()?;
        conn.execute(
            "INSERT INTO anchors (reference, entries, head, at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(reference) DO UPDATE SET entries = excluded.entries, head = excluded.head, at = excluded.at
             WHERE excluded.entries > anchors.entries",
            params![self.reference, entries as i64, head, at],
        )?;
        crate::store::trim_log(&conn);
        self.recorded.store(entries, Ordering::SeqCst);
        Ok(())
    }

    /// What the registry holds for the case, if anything.
    pub fn read(&self) -> Result<Option<Anchored>> {
        if !self.registry.exists() {
            return Ok(None);
        }
        Ok(self
            .connect()?
            .query_row(
                "SELECT entries, head FROM anchors WHERE reference = ?1",
                [&self.reference],
                |r| {
                    Ok(Anchored {
                        entries: r.get::<_, i64>(0)? as u64,
                        head: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }
}

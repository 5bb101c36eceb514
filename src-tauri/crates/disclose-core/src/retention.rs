//! Closing a case and purging it after the retention period. Closing
//! records when and how the request ended (and is audited). Once the
//! retention period has run from that date, purging overwrites and deletes
//! everything in the case folder — originals, database, index, renditions,
//! exports — and leaves only `purged.json`: the reference, the dates, the
//! outcome, counts, and the last hash of the audit trail as evidence of
//! what was done.
//!
//! Files are overwritten with zeros and flushed before they are deleted.
//! On SSDs and copy-on-write file systems that does not reach every old
//! block; full-disk encryption is what protects those.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::case::{CaseFolder, Home};
use crate::error::{Error, Result};

/// How a case ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Closure {
    pub closed_on: NaiveDate,
    /// e.g. `responded`, `withdrawn`, `refused`.
    pub outcome: String,
    pub closed_by: String,
}

/// What is kept of a purged case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PurgedRecord {
    pub reference: String,
    pub received: NaiveDate,
    pub due: NaiveDate,
    pub closed_on: NaiveDate,
    pub outcome: String,
    pub items: u64,
    pub audit_entries: u64,
    /// The last hash of the case's audit trail.
    pub audit_head: String,
    pub purged_on: NaiveDate,
    pub purged_by: String,
    pub files_removed: u64,
}

const RECORD: &str = "purged.json";

/// Closes the case on `on` with `outcome`.
pub fn close(folder: &mut CaseFolder, outcome: &str, on: NaiveDate, now: &str) -> Result<Closure> {
    let outcome = outcome.trim();
    if outcome.is_empty() {
        return Err(Error::Invalid(
            "say how the case ended (e.g. responded, withdrawn, refused)".into(),
        ));
    }
    let closure = Closure {
        closed_on: on,
        outcome: outcome.to_string(),
        closed_by: folder.actor().to_string(),
    };
    folder.store.conn.execute(
        "INSERT INTO closure (id, closed_on, outcome, closed_by) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET closed_on = ?1, outcome = ?2, closed_by = ?3",
        params![on.to_string(), closure.outcome, closure.closed_by],
    )?;
    let actor = folder.actor().to_string();
    folder.store.audit(
        now,
        &actor,
        "close",
        &serde_json::json!({ "closed_on": on, "outcome": closure.outcome }),
    )?;
    Ok(closure)
}

pub fn closure(folder: &CaseFolder) -> Result<Option<Closure>> {
    Ok(folder
        .store
        .conn
        .query_row(
            "SELECT closed_on, outcome, closed_by FROM closure WHERE id = 1",
            [],
            |r| {
                let on: String = r.get(0)?;
                Ok((on, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
            },
        )
        .optional()?
        .and_then(|(on, outcome, closed_by)| {
            Some(Closure {
                closed_on: on.parse().ok()?,
                outcome,
                closed_by,
            })
        }))
}

/// Purges a closed case whose retention period (`retention_days` from its
/// closure) has run out by `today`.
pub fn purge(
    home: &Home,
    reference: &str,
    retention_days: u64,
    today: NaiveDate,
    user: &str,
) -> Result<PurgedRecord> {
    let folder = CaseFolder::open(home, reference)?;
    let closed = closure(&folder)?.ok_or_else(|| {
        Error::Invalid(format!(
            "case {reference} is open: close it first (`disclose case close {reference} --outcome ...`)"
        ))
    })?;
    let ends = closed.closed_on + chrono::Days::new(retention_days);
    if today < ends {
        return Err(Error::Invalid(format!(
            "case {reference} is kept until {ends} ({retention_days} days after it closed on {}); it cannot be purged before then",
            closed.closed_on
        )));
    }
    let case = folder.case()?;
    let entries = folder.store.audit_entries()?;
    let mut record = PurgedRecord {
        reference: case.reference.clone(),
        received: case.received,
        due: folder.deadline()?.due,
        closed_on: closed.closed_on,
        outcome: closed.outcome,
        items: folder.store.items(None)?.len() as u64,
        audit_entries: entries.len() as u64,
        audit_head: entries.last().map(|e| e.hash.clone()).unwrap_or_default(),
        purged_on: today,
        purged_by: user.to_string(),
        files_removed: 0,
    };
    let dir = folder.dir().to_path_buf();
    drop(folder);
    record.files_removed = wipe(&dir)?;
    let json = serde_json::to_string_pretty(&record).map_err(|e| Error::Invalid(e.to_string()))?;
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(RECORD), json)?;
    Ok(record)
}

/// Overwrites and removes every file under `dir`; returns how many.
fn wipe(dir: &Path) -> Result<u64> {
    let mut removed = 0;
    for entry in walkdir::WalkDir::new(dir).contents_first(true) {
        let entry =
            entry.map_err(|e| Error::Invalid(format!("cannot read {}: {e}", dir.display())))?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            if path != dir {
                std::fs::remove_dir(path)?;
            }
            continue;
        }
        overwrite(path)?;
        std::fs::remove_file(path)?;
        removed += 1;
    }
    Ok(removed)
}

fn overwrite(path: &Path) -> Result<()> {
    let length = std::fs::metadata(path)?.len();
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 1 << 16];
    let mut left = length;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()?;
    Ok(())
}

/// The records of every purged case in `home`.
pub fn purged(home: &Home) -> Result<Vec<PurgedRecord>> {
    let dir = home.cases_dir();
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path().join(RECORD);
        if path.is_file() {
            let json = std::fs::read_to_string(&path)?;
            out.push(
                serde_json::from_str(&json).map_err(|e| {
                    Error::Invalid(format!("{} is unreadable: {e}", path.display()))
                })?,
            );
        }
    }
    out.sort_by(|a: &PurgedRecord, b| a.reference.cmp(&b.reference));
    Ok(out)
}

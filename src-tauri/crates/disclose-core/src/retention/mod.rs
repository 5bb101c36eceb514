//! Closing a case and purging it after the retention period. Closing
//! records when and how the request ended (and is audited). Once the
//! retention period has run from that date, purging ([`purge`]) overwrites
//! and deletes everything in the case folder — originals, database, index,
//! renditions, temporary files, exports kept there — and leaves only
//! `purged.json`: the reference, the dates, the outcome, counts, the last
//! hash of the audit trail as evidence of what was done, and the exports
//! written outside the case, which Disclose cannot reach.

mod purge;

pub(crate) use purge::purging_case;
pub use purge::{purge, purging_references, PURGE_JOURNAL};

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
    /// Bundles exported to places outside the case folder: purge cannot
    /// reach them, and whoever holds them must delete them.
    #[serde(default)]
    pub exports_outside: Vec<String>,
}

/// The record a purged case leaves behind.
pub const RECORD: &str = "purged.json";

/// Closes the case on `on` with `outcome`.
pub fn close(folder: &mut CaseFolder, outcome: &str, on: NaiveDate) -> Result<Closure> {
    let now = &folder.now();
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
        crate::audit::Action::Close,
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

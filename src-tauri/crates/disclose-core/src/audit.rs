//! The audit trail: an append-only, hash-chained log of every action on a
//! case (case created, import, search, sweep, and later decisions, marks,
//! renders, exports). Each entry's hash covers its own fields and the
//! previous entry's hash, so editing, deleting or reordering any entry
//! breaks the chain from that point; `verify` says where. SQLite triggers
//! refuse updates and deletes, so tampering needs deliberate effort and is
//! then detected.

use rusqlite::params;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::store::Store;

/// The hash before the first entry.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    /// JSON with the action's particulars.
    pub detail: serde_json::Value,
    pub prev_hash: String,
    pub hash: String,
}

/// The outcome of checking the chain.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Verification {
    pub entries: u64,
    pub intact: bool,
    /// The first entry whose hash or link does not match, and why.
    pub broken_at: Option<i64>,
    pub problem: Option<String>,
}

fn entry_hash(prev: &str, at: &str, actor: &str, action: &str, detail: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, at, actor, action, detail] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

impl Store {
    /// Appends an entry to the case's audit trail.
    pub fn audit(
        &self,
        at: &str,
        actor: &str,
        action: &str,
        detail: &serde_json::Value,
    ) -> Result<()> {
        let prev: String = self
            .conn
            .query_row(
                "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|_| GENESIS.to_string());
        let detail = serde_json::to_string(detail).unwrap_or_else(|_| "{}".into());
        let hash = entry_hash(&prev, at, actor, action, &detail);
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, action, detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![at, actor, action, detail, prev, hash],
        )?;
        Ok(())
    }

    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let detail: String = r.get(4)?;
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::String(detail)),
                prev_hash: r.get(5)?,
                hash: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Recomputes the chain from the stored fields.
    pub fn verify_audit(&self) -> Result<Verification> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut expected_prev = GENESIS.to_string();
        let mut count = 0u64;
        let mut last_id = 0i64;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let (at, actor, action, detail): (String, String, String, String) =
                (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let (prev, hash): (String, String) = (r.get(5)?, r.get(6)?);
            count += 1;
            let problem = if id != last_id + 1 {
                Some(format!("entries {} to {} are missing", last_id + 1, id - 1))
            } else if prev != expected_prev {
                Some("its link to the previous entry does not match".to_string())
            } else if entry_hash(&prev, &at, &actor, &action, &detail) != hash {
                Some("its contents do not match its hash (edited after it was written)".to_string())
            } else {
                None
            };
            if let Some(problem) = problem {
                return Ok(Verification {
                    entries: count,
                    intact: false,
                    broken_at: Some(id),
                    problem: Some(problem),
                });
            }
            expected_prev = hash;
            last_id = id;
        }
        Ok(Verification {
            entries: count,
            intact: true,
            broken_at: None,
            problem: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("case.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let (_d, s) = store();
        for i in 0..5 {
            s.audit(
                "2026-03-03T10:00:00Z",
                "officer",
                "search",
                &serde_json::json!({ "n": i }),
            )
            .unwrap();
        }
        let v = s.verify_audit().unwrap();
        assert!(v.intact);
        assert_eq!(v.entries, 5);
    }

    #[test]
    fn updates_and_deletes_are_refused() {
        let (_d, s) = store();
        s.audit("t", "a", "x", &serde_json::json!({})).unwrap();
        assert!(s
            .conn
            .execute("UPDATE audit_log SET actor = 'mallory'", [])
            .is_err());
        assert!(s.conn.execute("DELETE FROM audit_log", []).is_err());
    }

    #[test]
    fn a_hand_edit_is_found_and_located() {
        let (_d, s) = store();
        for action in ["case_created", "import", "search", "sweep"] {
            s.audit(
                "2026-03-03T10:00:00Z",
                "officer",
                action,
                &serde_json::json!({}),
            )
            .unwrap();
        }
        s.conn.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 3;").unwrap();
        let v = s.verify_audit().unwrap();
        assert!(!v.intact);
        assert_eq!(v.broken_at, Some(3));
    }
}

//! The audit trail: an append-only, hash-chained log of every action on a
//! case (case created, import, search, sweep, and later decisions, marks,
//! renders, exports). Each entry's hash covers its own fields and the
//! previous entry's hash, so editing, deleting or reordering any entry
//! breaks the chain from that point; `verify` says where. SQLite triggers
//! refuse updates and deletes, so tampering needs deliberate effort and is
//! then detected.
//!
//! An entry is appended inside an immediate (write-locked) transaction, so
//! two writers on the same case — the desktop's import beside a decision
//! from the command line — take turns and never fork the chain. After each
//! append the head and the count are anchored outside the case
//! ([`anchor`]), which is how the loss of the newest entries is found.

pub mod anchor;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::store::Store;

crate::vocab::vocabulary! {
    /// What an audit entry records. Entries written before one spelling was
    /// chosen keep their older spelling on disk (the chain hashes it); they
    /// read as the same action.
    pub enum Action ("audit action") {
        CaseCreated = "case-created" | "case_created",
        SubjectUpdated = "subject-updated" | "subject_updated",
        DeadlineChange = "deadline-change",
        DeadlineMoved = "deadline-moved",
        Reindex = "reindex",
        Import = "import",
        Search = "search",
        Sweep = "sweep",
        Mark = "mark",
        MarkAccept = "mark-accept",
        MarkReject = "mark-reject",
        MarkReopen = "mark-reopen",
        Unredact = "unredact",
        Decide = "decide",
        Render = "render",
        NotThisPerson = "not-this-person",
        Export = "export",
        Close = "close",
    }
}

/// The hash before the first entry.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: Action,
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
    /// What the home's registry of cases holds for this trail, when it was
    /// compared.
    pub anchored: Option<anchor::Anchored>,
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
    /// Appends an entry to the case's audit trail: the previous hash is
    /// read and the entry written under one write lock, then the new head
    /// is anchored. (Inside a transaction the caller opened, the entry joins
    /// it and is anchored when it commits.)
    pub fn audit(
        &self,
        at: &str,
        actor: &str,
        action: Action,
        detail: &serde_json::Value,
    ) -> Result<()> {
        let action = action.as_str();
        let detail = serde_json::to_string(detail).unwrap_or_else(|_| "{}".into());
        let own_transaction = self.conn.is_autocommit();
        if own_transaction {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        let appended = self.append(at, actor, action, &detail);
        if !own_transaction {
            return appended;
        }
        if let Err(e) = appended {
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(e);
        }
        self.conn.execute_batch("COMMIT")?;
        self.anchor_head()
    }

    /// Records the trail's committed head in the home's registry (after
    /// every append, and after every transaction, which may have appended).
    pub(crate) fn anchor_head(&self) -> Result<()> {
        let Some(anchor) = self.anchor() else {
            return Ok(());
        };
        let head = self
            .conn
            .query_row(
                "SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        match head {
            Some((id, hash, at)) => anchor.record(id as u64, &hash, &at),
            None => Ok(()),
        }
    }

    /// Writes the entry after the current head.
    fn append(&self, at: &str, actor: &str, action: &str, detail: &str) -> Result<()> {
        let prev: String = self
            .conn
            .query_row(
                "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| GENESIS.to_string());
        let hash = entry_hash(&prev, at, actor, action, detail);
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, action, detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![at, actor, action, detail, prev, hash],
        )?;
        Ok(())
    }

    /// The newest entry's hash and the number of entries (the genesis hash
    /// and 0 for an empty trail).
    pub fn audit_head(&self) -> Result<(String, u64)> {
        let head = self
            .conn
            .query_row(
                "SELECT hash, id FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)),
            )
            .optional()?;
        Ok(head.unwrap_or_else(|| (GENESIS.to_string(), 0)))
    }

    /// Verifies the chain, then compares it with what the registry
    /// anchored: fewer entries than anchored, or a different entry where
    /// the anchored head was, means the newest entries were removed or
    /// rewritten.
    pub fn verify_anchored(&self, anchored: Option<anchor::Anchored>) -> Result<Verification> {
        let mut v = self.verify_audit()?;
        let Some(anchored) = anchored else {
            return Ok(v);
        };
        if v.intact {
            let problem = if anchored.entries > v.entries {
                Some(format!(
                    "the newest {} entr{} are missing: the home's registry of cases recorded {} entries ending in {}, the trail has {}",
                    anchored.entries - v.entries,
                    if anchored.entries - v.entries == 1 { "y" } else { "ies" },
                    anchored.entries,
                    anchored.head,
                    v.entries
                ))
            } else {
                let at: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT hash FROM audit_log WHERE id = ?1",
                        [anchored.entries as i64],
                        |r| r.get(0),
                    )
                    .optional()?;
                (anchored.entries > 0 && at.as_deref() != Some(anchored.head.as_str())).then(|| {
                    format!(
                        "entry {} is not the one the home's registry of cases anchored ({}): the trail was rewritten",
                        anchored.entries, anchored.head
                    )
                })
            };
            if let Some(problem) = problem {
                v.intact = false;
                v.broken_at = Some(v.entries.min(anchored.entries) as i64 + 1);
                v.problem = Some(problem);
            }
        }
        v.anchored = Some(anchored);
        Ok(v)
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
                    anchored: None,
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
            anchored: None,
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
                Action::Search,
                &serde_json::json!({ "n": i }),
            )
            .unwrap();
        }
        let v = s.verify_audit().unwrap();
        assert!(v.intact);
        assert_eq!(v.entries, 5);
    }

    /// The desktop's import writes through its own connection while a
    /// decision is recorded through another: each append reads the head
    /// and writes after it under the write lock, so the chain never forks.
    #[test]
    fn two_connections_appending_at_once_keep_one_chain() {
        let (dir, first) = store();
        let path = dir.path().join("case.db");
        std::thread::scope(|scope| {
            let import = scope.spawn(|| {
                let second = Store::open(&path).unwrap();
                for i in 0..60 {
                    second
                        .audit(
                            "t",
                            "import",
                            Action::Import,
                            &serde_json::json!({ "n": i }),
                        )
                        .unwrap();
                }
            });
            for i in 0..60 {
                first
                    .audit(
                        "t",
                        "officer",
                        Action::Decide,
                        &serde_json::json!({ "n": i }),
                    )
                    .unwrap();
            }
            import.join().unwrap();
        });
        let v = first.verify_audit().unwrap();
        assert!(v.intact, "{v:?}");
        assert_eq!(v.entries, 120);
    }

    #[test]
    fn updates_and_deletes_are_refused() {
        let (_d, s) = store();
        s.audit("t", "a", Action::Export, &serde_json::json!({}))
            .unwrap();
        assert!(s
            .conn
            .execute("UPDATE audit_log SET actor = 'mallory'", [])
            .is_err());
        assert!(s.conn.execute("DELETE FROM audit_log", []).is_err());
    }

    #[test]
    fn a_hand_edit_is_found_and_located() {
        let (_d, s) = store();
        for action in [
            Action::CaseCreated,
            Action::Import,
            Action::Search,
            Action::Sweep,
        ] {
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

    /// A trail written before the spellings were unified keeps its rows as
    /// they were (the chain hashes them) and reads them as the same actions.
    #[test]
    fn old_spellings_stay_verifiable_and_readable() {
        let (_d, s) = store();
        s.append("2025-01-01T09:00:00Z", "officer", "case_created", "{}")
            .unwrap();
        s.append("2025-01-02T09:00:00Z", "officer", "subject_updated", "{}")
            .unwrap();
        s.audit(
            "2026-03-03T10:00:00Z",
            "officer",
            Action::Import,
            &serde_json::json!({}),
        )
        .unwrap();
        assert!(s.verify_audit().unwrap().intact);
        let actions: Vec<Action> = s
            .audit_entries()
            .unwrap()
            .iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [Action::CaseCreated, Action::SubjectUpdated, Action::Import]
        );
        let stored: String = s
            .conn
            .query_row("SELECT action FROM audit_log WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(stored, "case_created");
    }
}

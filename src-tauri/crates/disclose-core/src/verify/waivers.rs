//! "Not this person": a caseworker's answer to an ambiguous leak-check
//! finding (a word, fragment or OCR near match of a redacted string), kept
//! with its reason and recorded in the audit trail. A waiver covers that
//! word standing alone, as a trace of that one redacted string, anywhere
//! in what is produced. A whole redacted string in any of its forms can
//! never be waived: it has to be redacted.

use rusqlite::params;
use serde::Serialize;

use super::needles::words;
use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::marks::Variants;
use crate::store::Store;

/// A recorded "not this person".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Waiver {
    pub id: i64,
    /// The word found (lower case).
    pub found: String,
    /// The redacted string it was taken for.
    pub redacted: String,
    pub reason: String,
    pub waived_at: String,
    pub waived_by: String,
}

/// Records that `found` is not a trace of the redaction `redacted`.
pub fn waive(folder: &mut CaseFolder, found: &str, redacted: &str, reason: &str) -> Result<Waiver> {
    let now = &folder.now();
    let found_words = words(found);
    let [word] = found_words.as_slice() else {
        return Err(Error::Invalid(format!(
            "only a single word can be recorded as not this person, not {found:?}"
        )));
    };
    if reason.trim().is_empty() {
        return Err(Error::Invalid(
            "say why this is not the person (a reason is required)".into(),
        ));
    }
    let marked = folder
        .store
        .accepted_marks()?
        .into_iter()
        .find(|m| m.text.trim().eq_ignore_ascii_case(redacted.trim()))
        .ok_or_else(|| {
            Error::Invalid(format!(
                "{redacted:?} is not a redaction in this case; give the redacted string the finding names"
            ))
        })?;
    let whole = Variants::new(&marked.text)?;
    if whole
        .find_iter(found)
        .any(|r| found[r].trim().len() >= found.trim().len())
    {
        return Err(Error::Invalid(format!(
            "{found:?} is the redacted string itself: a whole-string match can never be waived; redact it"
        )));
    }
    let actor = folder.actor().to_string();
    let redacted = marked.text.clone();
    let reason = reason.trim().to_string();
    let id = folder.store.transaction(|store| {
        store.conn.execute(
            "INSERT INTO leak_waivers (found, redacted, reason, waived_at, waived_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![word, redacted, reason, now, actor],
        )?;
        let id = store.conn.last_insert_rowid();
        store.audit(
            now,
            &actor,
            crate::audit::Action::NotThisPerson,
            &serde_json::json!({ "waiver": id, "found": word, "redacted": redacted, "reason": reason }),
        )?;
        Ok(id)
    })?;
    Ok(Waiver {
        id,
        found: word.clone(),
        redacted,
        reason,
        waived_at: now.to_string(),
        waived_by: actor,
    })
}

impl Store {
    /// Every "not this person" recorded in the case, oldest first.
    pub fn waivers(&self) -> Result<Vec<Waiver>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, found, redacted, reason, waived_at, waived_by FROM leak_waivers ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Waiver {
                id: r.get(0)?,
                found: r.get(1)?,
                redacted: r.get(2)?,
                reason: r.get(3)?,
                waived_at: r.get(4)?,
                waived_by: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

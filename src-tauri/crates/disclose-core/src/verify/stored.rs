//! The leak check's findings in a produced file, kept in the case
//! (`leak_checks`, one row per file: a rendition by its item, a generated
//! file by its name in the bundle) so a file is read, drawn and OCR'd once,
//! not at every preview and export.
//!
//! A row is used only while its fingerprint matches: the SHA-256 of the
//! file's bytes, the case's redacted strings (what is looked for), the
//! boxes that must be black on its pages, and [`VERSION`]. What is kept are
//! the findings against the redacted strings alone, before the innocent
//! words (the case's unredacted text, Disclose's wording) are set aside:
//! those change with every import and every letter, so each stored finding
//! is judged again against them when it is used (see `Checker::judge`).

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::Leak;
use crate::error::Result;
use crate::marks::PageBox;
use crate::store::Store;

/// Changes whenever what the check reads or how it looks changes, so
/// results of an older check are not used.
pub const VERSION: &str = "leak-check 5";

/// The key of a rendition's row.
pub fn rendition_key(item: i64) -> String {
    format!("item:{item}")
}

/// The key of the row of a recording's transcript, beside its rendition.
pub fn transcript_key(item: i64) -> String {
    format!("item:{item}:transcript")
}

/// The fingerprint of one file's check.
pub fn fingerprint(sha256: &str, terms: &str, boxes: &[(PageBox, String)]) -> String {
    let mut hash = Sha256::new();
    for part in [VERSION, sha256, terms] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    for (b, text) in boxes {
        hash.update(b.page.to_le_bytes());
        for v in b.rect {
            hash.update(v.to_le_bytes());
        }
        hash.update(text.as_bytes());
        hash.update([0]);
    }
    hex::encode(hash.finalize())
}

/// One file's stored check: how many files it counted (itself and the
/// files inside it) and what it found, each finding's `file` relative to
/// the file (empty, or `!` and the name of a file inside it).
pub struct Stored {
    pub files: u64,
    pub findings: Vec<Leak>,
}

impl Store {
    /// The stored check under `key`, if it was made with `fingerprint`.
    pub fn stored_check(&self, key: &str, fingerprint: &str) -> Result<Option<Stored>> {
        let row: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT files, findings FROM leak_checks WHERE key = ?1 AND fingerprint = ?2",
                params![key, fingerprint],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(files, findings)| {
            // A row that cannot be read is as good as none: check again.
            serde_json::from_str(&findings).ok().map(|findings| Stored {
                files: files.max(0) as u64,
                findings,
            })
        }))
    }

    /// Keeps a file's check under `key`, replacing the one before.
    pub fn store_check(&self, key: &str, fingerprint: &str, stored: &Stored) -> Result<()> {
        let findings = serde_json::to_string(&stored.findings)
            .map_err(|e| crate::error::Error::Invalid(format!("cannot keep a check: {e}")))?;
        self.conn.execute(
            "INSERT OR REPLACE INTO leak_checks (key, fingerprint, files, findings) VALUES (?1, ?2, ?3, ?4)",
            params![key, fingerprint, stored.files as i64, findings],
        )?;
        Ok(())
    }
}

//! `case.db` of an encrypted home: SQLCipher keyed with the home's raw
//! database key before the first statement, temporary tables kept in
//! memory. Without a key SQLCipher reads and writes plain SQLite files, so
//! homes without encryption are unchanged.

use rusqlite::Connection;

use super::keys_for;
use crate::error::{Error, Result};

/// HOOK for opening a database: keys `conn` when `path` lives in an
/// unlocked encrypted home, and checks that the key opens it.
pub fn apply_key(conn: &Connection, path: &std::path::Path) -> Result<()> {
    let Some(keys) = keys_for(path) else {
        return Ok(());
    };
    // A raw key (no SQLCipher key derivation: it is already random).
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", hex::encode(keys.db)))?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
        .map_err(|_| {
            Error::Locked(format!(
                "{} cannot be opened with this home's key (not encrypted, or another key)",
                path.display()
            ))
        })
}

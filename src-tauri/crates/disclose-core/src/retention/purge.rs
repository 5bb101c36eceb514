//! Purging a case so that it always completes, even when interrupted.
//!
//! 1. The record to keep is worked out while the database is still there and
//!    written first, as a journal (`purging.json`). From then on the case is
//!    listed as "purging", cannot be opened, and running purge again carries
//!    on from wherever the last run stopped.
//! 2. Files are deleted in an order that keeps the evidence last: temporary
//!    files, renditions, the index and anything else; then the originals;
//!    then the database. Each file is made writable (originals are kept
//!    read-only), overwritten with zeros, flushed and removed. Symbolic links
//!    are removed, never followed.
//! 3. `purged.json` is written, then the journal removed.
//!
//! Overwriting does not reach every old block on SSDs and copy-on-write file
//! systems; full-disk encryption is what protects those.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use super::{closure, PurgedRecord, RECORD};
use crate::case::{Case, CaseFolder, Home};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::private;

/// The journal of a purge under way, in the case folder.
pub const PURGE_JOURNAL: &str = "purging.json";

/// For tests: stop (print and wait to be killed) after this many steps
/// (the journal written, then each file removed, then the record written).
const HALT_ENV: &str = "DISCLOSE_TEST_PURGE_HALT_AFTER";

#[derive(Serialize, Deserialize)]
struct Journal {
    record: PurgedRecord,
    /// The case as it was, so a purge under way can still be listed.
    case: Case,
}

/// Purges a closed case whose retention period (`retention_days` from its
/// closure) has run out by `today`; or finishes a purge that was
/// interrupted, whatever the arguments.
pub fn purge(context: &Context, reference: &str, retention_days: u64) -> Result<PurgedRecord> {
    let home = context.home();
    crate::case::validate_reference(reference)?;
    let dir = home.case_dir(reference);
    let journal = match read_journal(&dir)? {
        Some(journal) => journal,
        None => start(context, reference, retention_days)?,
    };
    wipe_case(&dir)?;
    let json =
        serde_json::to_string_pretty(&journal.record).map_err(|e| Error::Invalid(e.to_string()))?;
    private::write_file(&dir.join(RECORD), json.as_bytes())?;
    step()?;
    wipe_file(&dir.join(PURGE_JOURNAL))?;
    Ok(journal.record)
}

/// Checks the case may be purged, works out its record and writes the
/// journal.
fn start(context: &Context, reference: &str, retention_days: u64) -> Result<Journal> {
    let (today, user) = (context.today(), context.actor());
    let folder = CaseFolder::open(context, reference)?;
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
        exports_outside: exports_outside(folder.dir(), &entries),
    };
    let dir = folder.dir().to_path_buf();
    // Closed first: the database's WAL and shared-memory files go with it.
    drop(folder);
    record.files_removed = count_files(&dir);
    let journal = Journal { record, case };
    let json = serde_json::to_string(&journal).map_err(|e| Error::Invalid(e.to_string()))?;
    private::write_file(&dir.join(PURGE_JOURNAL), json.as_bytes())?;
    step()?;
    Ok(journal)
}

fn read_journal(dir: &Path) -> Result<Option<Journal>> {
    let path = dir.join(PURGE_JOURNAL);
    if !path.is_file() {
        return Ok(None);
    }
    let json = std::fs::read_to_string(&path)?;
    serde_json::from_str(&json)
        .map(Some)
        .map_err(|e| Error::Invalid(format!("{} is unreadable: {e}", path.display())))
}

/// The case kept in the journal of a purge under way in `dir`, if any.
pub(crate) fn purging_case(dir: &Path) -> Option<(Case, u64)> {
    read_journal(dir)
        .ok()
        .flatten()
        .map(|j| (j.case, j.record.items))
}

/// References of the cases whose purge is under way (or was interrupted).
pub fn purging_references(home: &Home) -> Result<Vec<String>> {
    let dir = home.cases_dir();
    let mut out = Vec::new();
    if dir.is_dir() {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            if entry.path().join(PURGE_JOURNAL).is_file() {
                out.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Where bundles were exported outside the case folder, as the audit trail
/// recorded them.
fn exports_outside(dir: &Path, entries: &[crate::audit::AuditEntry]) -> Vec<String> {
    let mut out: Vec<String> = entries
        .iter()
        .filter(|e| e.action == "export")
        .filter_map(|e| e.detail.get("path").and_then(|p| p.as_str()))
        .filter(|p| !Path::new(p).starts_with(dir))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn count_files(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .count() as u64
}

/// Deletes everything in the case folder but the record and the journal:
/// first what is not evidence, then the originals, then the database.
fn wipe_case(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    private::set_mode(dir, private::DIR_MODE)?;
    let keep = [
        RECORD,
        PURGE_JOURNAL,
        "originals",
        "case.db",
        "case.db-wal",
        "case.db-shm",
    ];
    let mut first: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    first.retain(|p| !keep.iter().any(|k| p.file_name().is_some_and(|n| n == *k)));
    first.sort();
    for path in first {
        wipe(&path)?;
    }
    wipe(&dir.join("originals"))?;
    for name in ["case.db-wal", "case.db-shm", "case.db"] {
        wipe(&dir.join(name))?;
    }
    Ok(())
}

/// Overwrites and removes `path`: a file, a link, or a folder and all it
/// holds. Absent paths are already done.
fn wipe(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        private::set_mode(path, private::DIR_MODE)?;
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        entries.sort();
        for entry in entries {
            wipe(&entry)?;
        }
        std::fs::remove_dir(path)?;
        return Ok(());
    }
    if meta.file_type().is_symlink() {
        std::fs::remove_file(path)?;
    } else {
        wipe_file(path)?;
    }
    Ok(())
}

/// Makes the file writable, overwrites it with zeros, flushes and removes it.
fn wipe_file(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if !meta.file_type().is_file() {
        std::fs::remove_file(path)?;
        return step();
    }
    private::set_mode(path, private::FILE_MODE)?;
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 1 << 16];
    let mut left = meta.len();
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)?;
    step()
}

static STEPS: AtomicU64 = AtomicU64::new(0);

/// Counts a step done. With `DISCLOSE_TEST_PURGE_HALT_AFTER=N` set (tests
/// only), the process says so on stderr after the Nth and waits to be
/// killed, so a test can interrupt a purge at an exact point.
fn step() -> Result<()> {
    let done = STEPS.fetch_add(1, Ordering::SeqCst) + 1;
    let halt = std::env::var(HALT_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok());
    if halt == Some(done) {
        eprintln!("purge halted after {done} file(s)");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
    Ok(())
}

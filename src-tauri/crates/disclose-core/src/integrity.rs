//! Integrity of what a case holds, on read and on demand.
//!
//! - [`index_fault`]: run when a case is opened; an index that holds fewer
//!   items than the store says were indexed is missing or damaged, and is
//!   then refused for search until rebuilt.
//! - [`check_case`] (`disclose check`): every original and rendition hashed
//!   against its recorded SHA-256, the index compared item by item with the
//!   store and its files' checksums validated, the audit trail verified —
//!   one report.
//! - [`export_check`]: before an export, the originals of the items to
//!   disclose are hashed again; a mismatch refuses the export, naming them.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::audit::Verification;
use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::index::CaseIndex;
use crate::store::{originals, Status, Store};

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    /// `original`, `rendition`, `index` or `audit`.
    pub kind: String,
    pub item_id: Option<i64>,
    /// The file concerned, relative to the case folder where it has one.
    pub path: String,
    pub problem: String,
}

/// What `disclose check` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckReport {
    pub reference: String,
    pub originals_checked: u64,
    pub renditions_checked: u64,
    /// Items the store says are indexed, and how many the index holds.
    pub index_expected: u64,
    pub index_documents: u64,
    pub audit: Verification,
    pub problems: Vec<Problem>,
    pub ok: bool,
}

impl Store {
    /// Ids of the items that should be in the index: indexed and not
    /// duplicates (a duplicate is found through its first copy).
    pub fn indexed_item_ids(&self) -> Result<HashSet<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM items WHERE indexed = 1 AND duplicate_of IS NULL")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many items the index must hold, as the store's triggers keep it.
    fn indexed_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT items FROM index_expected WHERE id = 1", [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    }
}

/// Why the index of a case just opened cannot be trusted, if it cannot.
pub fn index_fault(store: &Store, index: &CaseIndex, index_dir: &Path) -> Result<Option<String>> {
    if let Some(fault) = index.fault() {
        return Ok(Some(fault.to_string()));
    }
    let expected = store.indexed_count()?;
    let documents = index.num_docs()?;
    if documents >= expected {
        return Ok(None);
    }
    Ok(Some(if documents == 0 {
        format!(
            "is missing or empty ({} has no items, the case has {expected} indexed)",
            index_dir.display()
        )
    } else {
        format!("is damaged: it holds {documents} of the case's {expected} indexed items")
    }))
}

/// Hashes the file at `path` (streamed) and compares it with `expected`;
/// the problem in words if it differs or cannot be read.
fn file_problem(path: &Path, expected: &str) -> Option<String> {
    match hash_file(path) {
        Ok(found) if found == expected => None,
        Ok(found) => Some(format!(
            "its SHA-256 is {found}, not the {expected} recorded: it was changed or damaged"
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some("the file is missing".into()),
        Err(e) => Some(format!("cannot be read: {e}")),
    }
}

fn hash_file(path: &Path) -> std::io::Result<String> {
    use sha2::Digest;
    let mut file = crate::crypt::open(path)?;
    let mut hasher = sha2::Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

fn relative(folder: &CaseFolder, path: &Path) -> String {
    path.strip_prefix(folder.dir())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The originals of `items` that no longer match their hash. Items that
/// failed at import without a kept original are skipped.
fn original_problems(folder: &CaseFolder, items: &[crate::store::ItemRow]) -> Vec<Problem> {
    let root = folder.originals_dir();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for item in items {
        if item.sha256.len() != 64 || !seen.insert(item.sha256.clone()) {
            continue;
        }
        let path = originals::path_for(&root, &item.sha256);
        if item.status == Status::Failed && !path.exists() {
            continue;
        }
        if let Some(problem) = file_problem(&path, &item.sha256) {
            out.push(Problem {
                kind: "original".into(),
                item_id: Some(item.id),
                path: relative(folder, &path),
                problem,
            });
        }
    }
    out
}

/// Checks everything the case holds; see the module header.
pub fn check_case(folder: &CaseFolder) -> Result<CheckReport> {
    let items = folder.store.items(None)?;
    let mut problems = original_problems(folder, &items);
    let originals_checked = items
        .iter()
        .filter(|i| i.sha256.len() == 64)
        .map(|i| i.sha256.as_str())
        .collect::<HashSet<_>>()
        .len() as u64;

    let mut renditions_checked = 0;
    for item in &items {
        if let Some(rendition) = folder.store.rendition(item.id)? {
            renditions_checked += 1;
            let path = folder.dir().join(&rendition.path);
            if let Some(problem) = file_problem(&path, &rendition.sha256) {
                problems.push(Problem {
                    kind: "rendition".into(),
                    item_id: Some(item.id),
                    path: rendition.path.clone(),
                    problem,
                });
            }
            // A recording's transcript PDF, beside its rendition.
            if let Some(sha256) = &rendition.transcript_sha256 {
                let transcript = crate::render::transcript_path(&path);
                if let Some(problem) = file_problem(&transcript, sha256) {
                    problems.push(Problem {
                        kind: "rendition".into(),
                        item_id: Some(item.id),
                        path: relative(folder, &transcript),
                        problem,
                    });
                }
            }
        }
    }

    let expected = folder.store.indexed_item_ids()?;
    let index_path = relative(folder, &folder.dir().join("index"));
    let (held, corrupted) = match folder.index.fault() {
        Some(fault) if folder.index.num_docs()? == 0 => {
            problems.push(Problem {
                kind: "index".into(),
                item_id: None,
                path: index_path.clone(),
                problem: fault.to_string(),
            });
            (HashSet::new(), Vec::new())
        }
        _ => (folder.index.item_ids()?, folder.index.corrupted_files()?),
    };
    for file in corrupted {
        problems.push(Problem {
            kind: "index".into(),
            item_id: None,
            path: format!("{index_path}/{file}"),
            problem: "its checksum does not match: the file was changed or damaged".into(),
        });
    }
    let mut missing: Vec<i64> = expected.difference(&held).copied().collect();
    missing.sort();
    if !missing.is_empty() && !held.is_empty() {
        problems.push(Problem {
            kind: "index".into(),
            item_id: missing.first().copied(),
            path: index_path.clone(),
            problem: format!(
                "{} indexed item(s) are not in the index (first: item {})",
                missing.len(),
                missing[0]
            ),
        });
    }

    let audit = folder.verify_audit()?;
    if !audit.intact {
        problems.push(Problem {
            kind: "audit".into(),
            item_id: None,
            path: "case.db".into(),
            problem: audit
                .problem
                .clone()
                .unwrap_or_else(|| "the audit trail does not verify".into()),
        });
    }
    Ok(CheckReport {
        reference: folder.case()?.reference,
        originals_checked,
        renditions_checked,
        index_expected: expected.len() as u64,
        index_documents: held.len() as u64,
        audit,
        ok: problems.is_empty(),
        problems,
    })
}

/// Refuses an export when an original of an item to disclose no longer
/// matches its hash, naming the files.
pub fn export_check(folder: &CaseFolder) -> Result<()> {
    let items = crate::render::items_to_render(&folder.store)?;
    let problems = original_problems(folder, &items);
    refuse_if_any(&problems)
}

/// An integrity error naming every problem, or nothing when there is none.
pub fn refuse_if_any(problems: &[Problem]) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    let named: Vec<String> = problems
        .iter()
        .map(|p| match p.item_id {
            Some(id) => format!("{} of item {id} ({}): {}", p.kind, p.path, p.problem),
            None => format!("{} ({}): {}", p.kind, p.path, p.problem),
        })
        .collect();
    Err(Error::Integrity(format!(
        "the export was refused because {} file(s) no longer match what was recorded: {}. Run `disclose check` for the full report",
        problems.len(),
        named.join("; ")
    )))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use crate::store::{NewItem, Status, Store};

    /// The kept count against a count of every row.
    fn counts(store: &Store) -> (u64, u64) {
        let counted: i64 = store
            .conn
            .query_row(
                "SELECT COUNT(*) FROM items WHERE indexed = 1 AND duplicate_of IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (store.indexed_count().unwrap(), counted as u64)
    }

    #[test]
    fn the_kept_count_of_indexed_items_follows_inserts_indexing_duplicates_and_reindexing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("case.db")).unwrap();
        let import = store
            .begin_import("2026-01-01T00:00:00Z", &[], "t")
            .unwrap();
        let metadata = BTreeMap::new();
        let item = |key: &'static str, duplicate_of: Option<i64>| NewItem {
            parent_id: None,
            import_id: import,
            source_key: key,
            path: key,
            name: key,
            sha256: key,
            size: 1,
            file_type: "text",
            status: Status::Ok,
            reason: None,
            duplicate_of,
            message_id: None,
            date: None,
            file_modified: None,
            metadata: &metadata,
            text: "",
            imported_at: "2026-01-01T00:00:00Z",
            imported_by: "t",
        };
        let a = store.insert_item(&item("a", None)).unwrap();
        let b = store.insert_item(&item("b", None)).unwrap();
        let copy = store.insert_item(&item("c", Some(a))).unwrap();
        assert_eq!(counts(&store), (0, 0));
        store.mark_indexed(&[a, b, copy]).unwrap();
        assert_eq!(counts(&store), (2, 2));
        store.mark_indexed(&[a]).unwrap();
        assert_eq!(counts(&store), (2, 2));
        store
            .conn
            .execute(
                "UPDATE items SET indexed = 0 WHERE duplicate_of IS NULL",
                [],
            )
            .unwrap();
        assert_eq!(counts(&store), (0, 0));
        store.mark_indexed(&[b]).unwrap();
        store
            .conn
            .execute("DELETE FROM items WHERE id = ?1", [copy])
            .unwrap();
        assert_eq!(counts(&store), (1, 1));
    }
}

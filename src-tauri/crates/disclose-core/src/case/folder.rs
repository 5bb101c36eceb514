//! An open case folder: the SQLite store, the search index and the
//! originals directory, as laid out in `docs/case-folder.md`.

use std::path::{Path, PathBuf};

use super::{validate_reference, Case, Home};
use crate::error::{Error, Result};
use crate::index::CaseIndex;
use crate::store::Store;

pub struct CaseFolder {
    dir: PathBuf,
    pub store: Store,
    pub index: CaseIndex,
    actor: String,
}

impl CaseFolder {
    /// Creates the folder for a new case; refuses if it exists.
    pub fn create(home: &Home, case: &Case, now: &str) -> Result<CaseFolder> {
        case.validate()?;
        let dir = home.case_dir(&case.reference);
        // A purged case leaves its record behind, and its reference is not
        // given out again.
        if dir.join("case.db").exists() || dir.join("purged.json").exists() {
            return Err(Error::CaseExists(case.reference.clone()));
        }
        std::fs::create_dir_all(&dir)?;
        let folder = CaseFolder::open_dir(dir)?;
        folder.store.save_case(case, now)?;
        let due = folder.deadline()?.due;
        super::due::record(&folder.store, due, None, super::due::Cause::Created, now)?;
        folder.store.audit(
            now,
            folder.actor(),
            "case_created",
            &serde_json::json!({ "reference": case.reference, "kind": case.kind, "received": case.received }),
        )?;
        Ok(folder)
    }

    /// Opens an existing case by reference.
    pub fn open(home: &Home, reference: &str) -> Result<CaseFolder> {
        validate_reference(reference)?;
        let dir = home.case_dir(reference);
        if !dir.join("case.db").is_file() {
            return Err(Error::CaseNotFound(reference.to_string()));
        }
        CaseFolder::open_dir(dir)
    }

    fn open_dir(dir: PathBuf) -> Result<CaseFolder> {
        let store = Store::open(&dir.join("case.db"))?;
        let index = CaseIndex::open(&dir.join("index"))?;
        Ok(CaseFolder {
            dir,
            store,
            index,
            actor: os_user(),
        })
    }

    /// Who is acting, as recorded in the audit trail (default: the
    /// operating-system user).
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Pauses the clock (waiting for ID or clarification, Art. 12A) and/or
    /// extends the deadline by two months; audited with the due date before
    /// and after. Returns the new deadline.
    pub fn change_deadline(
        &mut self,
        pause: Option<crate::clock::Pause>,
        extended: Option<bool>,
        now: &str,
    ) -> Result<crate::clock::Deadline> {
        let calendar = self.calendar()?;
        let mut case = self.case()?;
        let before = case.deadline(&calendar)?;
        if let Some(p) = pause {
            case.pauses.push(p);
        }
        if let Some(e) = extended {
            case.extended = e;
        }
        let after = case.deadline(&calendar)?;
        self.store.save_case(&case, now)?;
        super::due::record(
            &self.store,
            after.due,
            Some(before.due),
            super::due::Cause::Changed,
            now,
        )?;
        self.store.audit(
            now,
            &self.actor,
            "deadline-change",
            &serde_json::json!({
                "pause": pause.map(|p| format!("{}:{}", p.from, p.to)),
                "extended": case.extended,
                "due_before": before.due,
                "due_after": after.due,
            }),
        )?;
        Ok(after)
    }

    /// The Disclose home the case lives in (`<home>/cases/<ref>`).
    pub fn home(&self) -> Home {
        Home::new(
            self.dir
                .parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new(".")),
        )
    }

    /// The bank holidays in force for this case: the home's.
    pub fn calendar(&self) -> Result<crate::clock::Calendar> {
        crate::clock::Calendar::load(&self.home())
    }

    /// The case's deadline with the home's bank holidays.
    pub fn deadline(&self) -> Result<crate::clock::Deadline> {
        self.case()?.deadline(&self.calendar()?)
    }

    /// The reasons (exemptions) in use: the defaults and the home's own.
    pub fn reasons(&self) -> Result<Vec<crate::review::Reason>> {
        crate::review::reasons(self.home().root())
    }

    pub fn originals_dir(&self) -> PathBuf {
        self.dir.join("originals")
    }

    /// Temporary files of the reader processes (pages drawn for OCR,
    /// decoded photos): removed after use, and covered by purge.
    pub fn tmp_dir(&self) -> PathBuf {
        self.dir.join("tmp")
    }

    pub fn case(&self) -> Result<Case> {
        self.store.load_case()
    }
}

/// The logged-in user's name, or "unknown".
pub fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

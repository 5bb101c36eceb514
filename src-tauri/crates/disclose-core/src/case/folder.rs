//! An open case folder: the SQLite store, the search index and the
//! originals directory, as laid out in `docs/case-folder.md`. Folders and
//! files are created private (see [`crate::private`]); opening a case looks
//! at their modes and keeps what is too wide as a warning.

use std::path::{Path, PathBuf};

use super::{validate_reference, Case, Home};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::index::CaseIndex;
use crate::private::{self, Exposure};
use crate::store::Store;

pub struct CaseFolder {
    dir: PathBuf,
    pub(crate) store: Store,
    pub index: CaseIndex,
    /// The home, the person acting and the clock, from the caller.
    context: Context,
    exposed: Vec<Exposure>,
    /// The last sweep's result and the state of the case it was made on.
    pub(crate) sweep_cache: Option<(String, crate::sweep::SweepReport)>,
}

impl CaseFolder {
    /// Creates the folder for a new case; refuses if it exists, and refuses
    /// a case with any problem, its dates checked against the context's
    /// today (a request received in the future is a typing slip).
    pub fn create(context: &Context, case: &Case) -> Result<CaseFolder> {
        super::validate::refuse(case.problems(Some(context.today())))?;
        let dir = context.home().case_dir(&case.reference);
        // A purged case leaves its record behind, and its reference is not
        // given out again.
        if dir.join("case.db").exists() || dir.join("purged.json").exists() {
            return Err(Error::CaseExists(case.reference.clone()));
        }
        // HOOK (encryption at rest): nothing is made in a locked home.
        crate::crypt::require_unlocked(&dir)?;
        private::make_dir(&dir)?;
        let folder = CaseFolder::open_dir(context, dir)?;
        let now = &folder.now();
        folder.store.save_case(case, now)?;
        let due = folder.deadline()?.due;
        super::due::record(&folder.store, due, None, super::due::Cause::Created, now)?;
        folder.store.audit(
            now,
            folder.actor(),
            crate::audit::Action::CaseCreated,
            &serde_json::json!({ "reference": case.reference, "kind": case.kind, "received": case.received }),
        )?;
        Ok(folder)
    }

    /// Opens an existing case by reference.
    pub fn open(context: &Context, reference: &str) -> Result<CaseFolder> {
        validate_reference(reference)?;
        let dir = context.home().case_dir(reference);
        if dir.join(crate::retention::PURGE_JOURNAL).is_file() {
            return Err(Error::Invalid(format!(
                "case {reference} is being purged (the purge was interrupted): run `disclose case purge {reference}` to finish it"
            )));
        }
        if !dir.join("case.db").is_file() {
            return Err(Error::CaseNotFound(reference.to_string()));
        }
        CaseFolder::open_dir(context, dir)
    }

    fn open_dir(context: &Context, dir: PathBuf) -> Result<CaseFolder> {
        // HOOK (encryption at rest): a locked encrypted home is not opened.
        crate::crypt::require_unlocked(&dir)?;
        let mut store = Store::open(&dir.join("case.db"))?;
        let reference = dir.file_name().unwrap_or_default().to_string_lossy();
        let home = context.home();
        store.set_anchor(crate::audit::anchor::Anchor::new(home.root(), &reference));
        let mut index = CaseIndex::open(&dir.join("index"))?;
        let replaced_older = index.replaced_older;
        if !replaced_older {
            if dir.join(REBUILDING).exists() {
                index.set_fault("was being rebuilt when the rebuild stopped".into());
            }
            if let Some(fault) = crate::integrity::index_fault(&store, &index, &dir.join("index"))?
            {
                index.set_fault(format!(
                    "{fault}; search would miss items, so it is refused until the index is rebuilt with `disclose reindex --case {reference}`"
                ));
            }
        }
        let exposed = private::check_case(home.root(), &dir);
        let mut folder = CaseFolder {
            dir,
            store,
            index,
            context: context.clone(),
            exposed,
            sweep_cache: None,
        };
        if replaced_older {
            // Written by an earlier version: index every item again.
            folder.store.conn.execute(
                "UPDATE items SET indexed = 0 WHERE duplicate_of IS NULL",
                [],
            )?;
            crate::ingest::reindex_pending(&mut folder)?;
            let marker = folder.dir.join(REBUILDING);
            if marker.exists() {
                std::fs::remove_file(marker)?;
            }
        }
        Ok(folder)
    }

    /// What is wrong with the case that the user should hear about when it
    /// is opened (modes wider than private), in words.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(first) = self.exposed.first() {
            out.push(format!(
                "{} file(s) or folder(s) of this case can be read by other users of this computer (first: {}, mode {}): run `disclose doctor` to make them private",
                self.exposed.len(),
                first.path,
                first.mode
            ));
        }
        if let Some(fault) = self.index.fault() {
            out.push(format!("the search index {fault}"));
        }
        out
    }

    /// Why the search index cannot be trusted, if it cannot.
    pub fn index_problem(&self) -> Option<String> {
        self.index.fault().map(|f| format!("the search index {f}"))
    }

    /// Rebuilds the search index from the store (`disclose reindex`): the
    /// old index is deleted and every item indexed again. Audited.
    pub fn reindex(&mut self) -> Result<u64> {
        let index_dir = self.dir.join("index");
        // Marks the rebuild as under way, so one cut short is found on open.
        let marker = self.dir.join(REBUILDING);
        private::write_file(&marker, b"")?;
        // Let go of the old index's files before deleting them.
        self.index = CaseIndex::stand_in("is being rebuilt".into())?;
        if index_dir.exists() {
            std::fs::remove_dir_all(&index_dir)?;
        }
        self.index = CaseIndex::open(&index_dir)?;
        self.store.conn.execute(
            "UPDATE items SET indexed = 0 WHERE duplicate_of IS NULL",
            [],
        )?;
        let documents = crate::ingest::reindex_pending(self)?;
        std::fs::remove_file(&marker)?;
        self.store.audit(
            &self.now(),
            self.actor(),
            crate::audit::Action::Reindex,
            &serde_json::json!({ "documents": documents }),
        )?;
        Ok(documents)
    }

    /// Verifies the audit trail's chain and compares its newest entries
    /// with the anchor kept in the home's registry of cases.
    pub fn verify_audit(&self) -> Result<crate::audit::Verification> {
        let anchored = match self.store.anchor() {
            Some(anchor) => anchor.read()?,
            None => None,
        };
        self.store.verify_anchored(anchored)
    }

    /// Who is acting, as recorded in the audit trail (the context's).
    pub fn actor(&self) -> &str {
        self.context.actor()
    }

    /// Now, as the engine records it (the context's clock).
    pub fn now(&self) -> String {
        self.context.now()
    }

    /// Today where the user is (the context's clock).
    pub fn today(&self) -> chrono::NaiveDate {
        self.context.today()
    }

    /// The home, the person acting and the clock this case was opened with.
    pub fn context(&self) -> &Context {
        &self.context
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
    ) -> Result<crate::clock::Deadline> {
        let now = &self.now();
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
            self.actor(),
            crate::audit::Action::DeadlineChange,
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
    pub fn home(&self) -> &Home {
        self.context.home()
    }

    /// The bank holidays in force for this case: the home's.
    pub fn calendar(&self) -> Result<crate::clock::Calendar> {
        crate::clock::Calendar::load(self.home())
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
    /// decoded photos): private (created 0700 when a worker starts),
    /// removed after use, and covered by purge.
    pub fn tmp_dir(&self) -> PathBuf {
        self.dir.join("tmp")
    }

    pub fn case(&self) -> Result<Case> {
        self.store.load_case()
    }
}

/// Present while the index is being rebuilt.
const REBUILDING: &str = "index-rebuilding";

/// The operating-system account running this process, as the system
/// names it (see [`crate::actor`]).
pub fn os_user() -> String {
    crate::actor::os_account().0
}

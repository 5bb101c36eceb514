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
}

impl CaseFolder {
    /// Creates the folder for a new case; refuses if it exists.
    pub fn create(home: &Home, case: &Case, now: &str) -> Result<CaseFolder> {
        case.validate()?;
        let dir = home.case_dir(&case.reference);
        if dir.join("case.db").exists() {
            return Err(Error::CaseExists(case.reference.clone()));
        }
        std::fs::create_dir_all(&dir)?;
        let folder = CaseFolder::open_dir(dir)?;
        folder.store.save_case(case, now)?;
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
        Ok(CaseFolder { dir, store, index })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn originals_dir(&self) -> PathBuf {
        self.dir.join("originals")
    }

    pub fn case(&self) -> Result<Case> {
        self.store.load_case()
    }
}

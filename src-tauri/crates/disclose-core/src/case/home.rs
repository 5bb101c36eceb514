//! The Disclose home directory: where case folders live. Defaults to the
//! platform data directory (`~/.local/share/disclose` on Linux), overridden by
//! `--home` or `DISCLOSE_HOME`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    pub fn new(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    /// `explicit` (from `--home`), else `DISCLOSE_HOME`, else the platform
    /// data directory.
    pub fn resolve(explicit: Option<&Path>) -> Result<Home> {
        if let Some(p) = explicit {
            return Ok(Home::new(p));
        }
        if let Some(p) = std::env::var_os("DISCLOSE_HOME").filter(|p| !p.is_empty()) {
            return Ok(Home::new(p));
        }
        dirs::data_dir()
            .map(|d| Home::new(d.join("disclose")))
            .ok_or_else(|| Error::Invalid("no data directory on this system: pass --home".into()))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn cases_dir(&self) -> PathBuf {
        self.root.join("cases")
    }

    pub fn case_dir(&self, reference: &str) -> PathBuf {
        self.cases_dir().join(reference)
    }

    /// References of every case folder that can be opened (not purged, not
    /// being purged), sorted.
    pub fn case_references(&self) -> Result<Vec<String>> {
        let dir = self.cases_dir();
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut refs = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            if path.join("case.db").is_file()
                && !path.join(crate::retention::PURGE_JOURNAL).is_file()
            {
                refs.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
        refs.sort();
        Ok(refs)
    }
}

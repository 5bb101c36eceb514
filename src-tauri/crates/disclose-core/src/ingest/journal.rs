//! The in-flight journal: before a worker is given an input file, a small
//! file naming it is written under the case's `journal/` folder, and it is
//! removed when the worker has answered. If the whole import is killed
//! (kill -9, a power cut after the OS has written it out), the next run
//! finds the entry and knows which file was in flight. Each start counts an
//! attempt; a file that was in flight when [`POISON_AFTER`] runs died is
//! recorded as failed without being read again.

use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Runs that may die with a file in flight before it is given up.
pub const POISON_AFTER: u32 = 2;

pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    pub fn open(case_dir: &Path) -> io::Result<Journal> {
        let dir = case_dir.join("journal");
        crate::private::make_dir(&dir).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(Journal { dir })
    }

    fn entry(&self, source_key: &str) -> PathBuf {
        let digest = Sha256::digest(source_key.as_bytes());
        self.dir.join(hex::encode(&digest[..12]))
    }

    /// How many earlier runs died while this file was in flight.
    pub fn attempts(&self, source_key: &str) -> u32 {
        std::fs::read_to_string(self.entry(source_key))
            .ok()
            .and_then(|text| text.lines().next()?.trim().parse().ok())
            .unwrap_or(0)
    }

    /// Records that the file goes to a worker now.
    pub fn start(&self, source_key: &str) -> io::Result<()> {
        let attempts = self.attempts(source_key) + 1;
        // Created 0600 (private, as everything in the case); not synced,
        // as before: this is a hint for the next run, not a record.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, crate::private::FILE_MODE);
        let mut file = options.open(self.entry(source_key))?;
        std::io::Write::write_all(&mut file, format!("{attempts}\n{source_key}\n").as_bytes())
    }

    /// The worker answered: the file is no longer in flight.
    pub fn finish(&self, source_key: &str) {
        let _ = std::fs::remove_file(self.entry(source_key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_count_runs_that_died_and_finishing_forgets_them() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.attempts("/in/a.pdf"), 0);
        journal.start("/in/a.pdf").unwrap();
        // The run died here; the next one starts it again.
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.attempts("/in/a.pdf"), 1);
        journal.start("/in/a.pdf").unwrap();
        assert_eq!(journal.attempts("/in/a.pdf"), POISON_AFTER);
        journal.finish("/in/a.pdf");
        assert_eq!(journal.attempts("/in/a.pdf"), 0);
        assert_eq!(journal.attempts("/in/b.pdf"), 0);
    }
}

//! The in-flight journal: before a worker is given an input file, the
//! file's name is written under the case's `journal/` folder, and it is
//! cleared when the worker has answered. If the whole import is killed
//! (kill -9, a power cut after the OS has written it out), the next run
//! finds the entry and knows which file was in flight. Each start counts an
//! attempt; a file that was in flight when [`POISON_AFTER`] runs died is
//! recorded as failed without being read again.
//!
//! Each import thread has one entry file of its own for the whole run (a
//! [`Slot`]), rewritten in place for each input and removed at the end, so
//! the journal costs no new file per input. Entries left by runs that died
//! are read when the journal opens and removed once their input is done.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

/// Runs that may die with a file in flight before it is given up.
pub const POISON_AFTER: u32 = 2;

pub struct Journal {
    dir: PathBuf,
    /// This run's name, which its slots' files start with.
    run: String,
    /// What earlier runs left in flight: each input's attempts and the
    /// entry that records them.
    carried: HashMap<String, (u32, PathBuf)>,
}

impl Journal {
    pub fn open(case_dir: &Path) -> io::Result<Journal> {
        let dir = case_dir.join("journal");
        crate::private::make_dir(&dir).map_err(|e| io::Error::other(e.to_string()))?;
        let mut carried: HashMap<String, (u32, PathBuf)> = HashMap::new();
        for entry in std::fs::read_dir(&dir)?.flatten() {
            let path = entry.path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let mut lines = text.lines();
            let attempts = lines.next().and_then(|l| l.trim().parse::<u32>().ok());
            match (attempts, lines.next()) {
                (Some(attempts), Some(key)) if !key.is_empty() => {
                    let known = carried.get(key).map_or(0, |(a, _)| *a);
                    if attempts >= known {
                        if let Some((_, older)) = carried.insert(key.to_string(), (attempts, path))
                        {
                            let _ = std::fs::remove_file(older);
                        }
                    } else {
                        let _ = std::fs::remove_file(path);
                    }
                }
                // An entry cleared when its input was done (or never written).
                _ => {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Ok(Journal {
            dir,
            run: format!("run-{}-{nanos}", std::process::id()),
            carried,
        })
    }

    /// How many earlier runs died while this file was in flight.
    pub fn attempts(&self, source_key: &str) -> u32 {
        self.carried.get(source_key).map_or(0, |(a, _)| *a)
    }

    /// The entry of import thread `n` for this run.
    pub fn slot(&self, n: usize) -> Slot<'_> {
        Slot {
            journal: self,
            path: self.dir.join(format!("{}-{n}", self.run)),
            file: None,
        }
    }

    /// The input is done: what an earlier run left about it goes.
    pub fn forget(&self, source_key: &str) {
        if let Some((_, path)) = self.carried.get(source_key) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// One import thread's entry: the input it is reading, or nothing.
pub struct Slot<'j> {
    journal: &'j Journal,
    path: PathBuf,
    file: Option<File>,
}

impl Slot<'_> {
    /// Records that the file goes to a worker now.
    pub fn start(&mut self, source_key: &str) -> io::Result<()> {
        let attempts = self.journal.attempts(source_key) + 1;
        let file = match &mut self.file {
            Some(file) => file,
            None => {
                // Created 0600 (private, as everything in the case); not
                // synced, as before: this is a hint for the next run, not a
                // record.
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create(true).truncate(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, crate::private::FILE_MODE);
                self.file.insert(options.open(&self.path)?)
            }
        };
        file.set_len(0)?;
        file.rewind()?;
        file.write_all(format!("{attempts}\n{source_key}\n").as_bytes())
    }

    /// The worker answered: the file is no longer in flight.
    pub fn finish(&mut self, source_key: &str) {
        if let Some(file) = &self.file {
            let _ = file.set_len(0);
        }
        self.journal.forget(source_key);
    }
}

impl Drop for Slot<'_> {
    /// A slot left empty is removed; one still naming its input (the
    /// thread stopped part way) stays for the next run to read.
    fn drop(&mut self) {
        let empty = self
            .file
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.len() == 0);
        if empty {
            let _ = std::fs::remove_file(&self.path);
        }
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
        let mut slot = journal.slot(0);
        slot.start("/in/a.pdf").unwrap();
        // The run died here (its slot never dropped); the next one starts it again.
        std::mem::forget(slot);
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.attempts("/in/a.pdf"), 1);
        let mut slot = journal.slot(1);
        slot.start("/in/a.pdf").unwrap();
        std::mem::forget(slot);
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.attempts("/in/a.pdf"), POISON_AFTER);
        let mut slot = journal.slot(0);
        slot.start("/in/a.pdf").unwrap();
        slot.finish("/in/a.pdf");
        drop(slot);
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.attempts("/in/a.pdf"), 0);
        assert_eq!(journal.attempts("/in/b.pdf"), 0);
        assert_eq!(
            std::fs::read_dir(dir.path().join("journal"))
                .unwrap()
                .count(),
            0
        );
    }

    #[test]
    fn one_entry_file_serves_a_thread_for_the_whole_run() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(dir.path()).unwrap();
        let mut slot = journal.slot(0);
        for key in ["/in/a.pdf", "/in/b.pdf", "/in/c.pdf"] {
            slot.start(key).unwrap();
            assert_eq!(
                std::fs::read_dir(dir.path().join("journal"))
                    .unwrap()
                    .count(),
                1
            );
            slot.finish(key);
        }
        slot.start("/in/d.pdf").unwrap();
        std::mem::forget(slot);
        let journal = Journal::open(dir.path()).unwrap();
        assert_eq!(journal.attempts("/in/c.pdf"), 0);
        assert_eq!(journal.attempts("/in/d.pdf"), 1);
    }
}

//! Originals forced to the disk in the background: as soon as a worker
//! thread has kept an original, a few threads of their own sync it while
//! the worker reads on, and the writer waits only for a batch's originals
//! to be on disk before committing the items that name them. So no worker
//! waits on the disk file by file, and a power cut never leaves an item
//! recorded without its bytes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

use crate::error::{Error, Result};
use crate::store::originals;

/// Threads waiting on the disk at once.
const THREADS: usize = 8;

#[derive(Default)]
struct State {
    /// Syncs asked for and not done yet, by hash.
    pending: HashMap<String, usize>,
    /// The first sync that failed.
    failed: Option<String>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

pub struct Durable {
    send: Option<crossbeam_channel::Sender<String>>,
    shared: Shared,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Durable {
    /// Syncs the originals under `root` as they are handed in.
    pub fn start(root: PathBuf) -> Durable {
        let (send, receive) = crossbeam_channel::unbounded::<String>();
        let shared: Shared = Arc::default();
        let threads = (0..THREADS)
            .map(|_| {
                let receive = receive.clone();
                let shared = shared.clone();
                let root = root.clone();
                std::thread::spawn(move || {
                    for sha256 in receive {
                        let synced = match std::fs::File::open(originals::path_for(&root, &sha256))
                        {
                            Ok(file) => file.sync_data(),
                            // Not kept: its item failed and says so.
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                            Err(e) => Err(e),
                        };
                        let (state, done) = &*shared;
                        let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
                        if let Err(e) = synced {
                            state.failed.get_or_insert_with(|| {
                                format!("the original {sha256} could not be written to disk: {e}")
                            });
                        }
                        if let Some(count) = state.pending.get_mut(&sha256) {
                            *count -= 1;
                            if *count == 0 {
                                state.pending.remove(&sha256);
                            }
                        }
                        done.notify_all();
                    }
                })
            })
            .collect();
        Durable {
            send: Some(send),
            shared,
            threads,
        }
    }

    /// The original with this hash was just kept: sync it.
    pub fn add(&self, sha256: &str) {
        let (state, _) = &*self.shared;
        *state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pending
            .entry(sha256.to_string())
            .or_default() += 1;
        if let Some(send) = &self.send {
            let _ = send.send(sha256.to_string());
        }
    }

    /// Waits until the originals with these hashes are on disk.
    pub fn wait(&self, sha256s: &[&str]) -> Result<()> {
        let (state, done) = &*self.shared;
        let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(failed) = &state.failed {
                return Err(Error::Io(std::io::Error::other(failed.clone())));
            }
            if !sha256s.iter().any(|s| state.pending.contains_key(*s)) {
                return Ok(());
            }
            state = done.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl Drop for Durable {
    fn drop(&mut self) {
        self.send.take();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_what_was_kept_and_passes_over_what_was_not() {
        let dir = tempfile::tempdir().unwrap();
        let data = b"an original";
        let sha = originals::sha256_hex(data);
        originals::store(dir.path(), &sha, data).unwrap();
        let durable = Durable::start(dir.path().to_path_buf());
        durable.add(&sha);
        durable.add("00aa");
        durable.wait(&[&sha, "00aa", "never-added"]).unwrap();
        assert!(durable.shared.0.lock().unwrap().pending.is_empty());
    }
}

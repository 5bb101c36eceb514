//! The tantivy index of an encrypted home: a `Directory` over the index's
//! private directory (`index::private_dir`) that seals every file it writes (segment files as
//! they stream, `meta.json` and `.managed.json` whole) and opens each file
//! into memory, decrypted, when tantivy reads it. A file tantivy still
//! holds is shared, not decrypted again, when the reader reloads (files are
//! written once, so a cached copy never goes stale). Locks, deletion and
//! change watching are the inner directory's.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

use crate::index::private_dir::PrivateDirectory;

use super::stream::{self, EncryptWriter};
use super::Keys;

#[derive(Clone)]
pub struct EncryptedDirectory {
    root: PathBuf,
    inner: PrivateDirectory,
    keys: Arc<Keys>,
    /// Decrypted files still in use, by path.
    open: Arc<Mutex<HashMap<PathBuf, Weak<[u8]>>>>,
}

impl std::fmt::Debug for EncryptedDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EncryptedDirectory({})", self.root.display())
    }
}

impl EncryptedDirectory {
    /// The index in `root`, sealed with the keys of the home it is in;
    /// `None` when that home is not encrypted (or not unlocked).
    pub fn for_path(root: &Path) -> tantivy::Result<Option<EncryptedDirectory>> {
        let Some(keys) = super::keys_for(root) else {
            return Ok(None);
        };
        let inner = PrivateDirectory::open(root)?;
        Ok(Some(EncryptedDirectory {
            root: root.to_path_buf(),
            inner,
            keys,
            open: Arc::default(),
        }))
    }

    fn read_plain(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        let full = self.root.join(path);
        let io_error = |e: io::Error| {
            if e.kind() == io::ErrorKind::NotFound {
                OpenReadError::FileDoesNotExist(path.to_path_buf())
            } else {
                OpenReadError::wrap_io_error(e, path.to_path_buf())
            }
        };
        let sealed = std::fs::read(&full).map_err(io_error)?;
        stream::open(&self.keys.index, &sealed).map_err(io_error)
    }
}

/// Seals what tantivy writes into the inner directory's writer.
struct SealingWrite {
    writer: EncryptWriter<WritePtr>,
}

impl Write for SealingWrite {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.writer.write(data)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl TerminatingWrite for SealingWrite {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        self.writer.seal_last()?;
        self.writer.inner_mut().terminate_ref(token)
    }
}

impl Directory for EncryptedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let bytes = match open.get(path).and_then(Weak::upgrade) {
            Some(bytes) => bytes,
            None => {
                let bytes: Arc<[u8]> = self.read_plain(path)?.into();
                open.retain(|_, weak| weak.strong_count() > 0);
                open.insert(path.to_path_buf(), Arc::downgrade(&bytes));
                bytes
            }
        };
        Ok(Arc::new(OwnedBytes::new(bytes)))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.open
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(path);
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let inner = self.inner.open_write(path)?;
        let writer = EncryptWriter::new(&self.keys.index, inner)
            .map_err(|e| OpenWriteError::wrap_io_error(e, path.to_path_buf()))?;
        Ok(io::BufWriter::new(Box::new(SealingWrite { writer })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.read_plain(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner
            .atomic_write(path, &stream::seal(&self.keys.index, data)?)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(callback)
    }
}

//! The index's files on disk, private like the rest of the case: tantivy's
//! memory-mapped directory, with every file it creates set to 0600 as it is
//! created (tantivy itself leaves them to the umask).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

use crate::private;

#[derive(Debug, Clone)]
pub struct PrivateDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl PrivateDirectory {
    pub fn open(root: &Path) -> tantivy::Result<PrivateDirectory> {
        Ok(PrivateDirectory {
            inner: MmapDirectory::open(root).map_err(tantivy::TantivyError::from)?,
            root: root.to_path_buf(),
        })
    }

    fn narrow(&self, path: &Path) -> io::Result<()> {
        private::set_mode(&self.root.join(path), private::FILE_MODE)
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

impl Directory for PrivateDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let writer = self.inner.open_write(path)?;
        self.narrow(path)
            .map_err(|io_error| OpenWriteError::wrap_io_error(io_error, path.to_path_buf()))?;
        Ok(writer)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)?;
        self.narrow(path)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        let held = self.inner.acquire_lock(lock)?;
        // The lock file is empty; narrowed anyway so no file is left wide.
        self.narrow(&lock.filepath)
            .map_err(LockError::wrap_io_error)?;
        Ok(held)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

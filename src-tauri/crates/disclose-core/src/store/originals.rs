//! Content-addressed originals: every imported file and every child is kept
//! byte for byte at `originals/ab/<sha256>`, written once, read-only, and
//! never modified (cases made before 2026-12-05 keep theirs at
//! `originals/ab/cd/<sha256>`, where they are still found). The same bytes imported twice are stored once. In an
//! encrypted home the files are sealed (`crate::crypt`); `read` is the one
//! way back to the bytes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::private;

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Where the original with this hash lives under `root`: where it is
/// stored (see [`stored`]), else where [`store`] will put it.
pub fn path_for(root: &Path, sha256: &str) -> PathBuf {
    stored(root, sha256).unwrap_or_else(|| new_path(root, sha256))
}

/// Where a new original is put: in one of 256 folders named by the hash's
/// first two digits. One level, because a folder is made for nearly every
/// original of an import at two levels (65,536 folders), and making one
/// costs as much as the file itself.
fn new_path(root: &Path, sha256: &str) -> PathBuf {
    root.join(&sha256[0..2]).join(sha256)
}

/// The original with this hash, if it is stored: at [`new_path`], or where
/// an older build kept it, one folder deeper.
fn stored(root: &Path, sha256: &str) -> Option<PathBuf> {
    let older = root.join(&sha256[0..2]).join(&sha256[2..4]).join(sha256);
    [new_path(root, sha256), older]
        .into_iter()
        .find(|path| path.exists())
}

/// Reads the original with this hash, checking that its bytes still hash
/// to it; a changed or damaged file is an integrity error naming it.
pub fn read_verified(root: &Path, sha256: &str) -> Result<Vec<u8>> {
    let path = path_for(root, sha256);
    let data = crate::crypt::read(&path)?;
    if sha256_hex(&data) != sha256 {
        return Err(crate::Error::Integrity(format!(
            "the original {} no longer matches its SHA-256: it was changed or damaged on disk (run `disclose check`)",
            path.display()
        )));
    }
    Ok(data)
}

/// Stores `data` (whose hash is `sha256`) unless it is already there.
/// Written to a temporary file and renamed, so a crash never leaves a
/// half-written original under its final name. The bytes are not yet
/// forced to the disk: the import has them synced in the background
/// (`ingest::durable`) and waits for that before it commits the items that
/// name them.
pub fn store(root: &Path, sha256: &str, data: &[u8]) -> Result<PathBuf> {
    if let Some(path) = stored(root, sha256) {
        return Ok(path);
    }
    let path = new_path(root, sha256);
    let dir = path.parent().expect("original path has a parent");
    private::make_dir(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    // HOOK (encryption at rest): sealed in an encrypted home.
    tmp.write_all(&crate::crypt::seal_for(&path, data)?)?;
    let mut perms = tmp.as_file().metadata()?.permissions();
    perms.set_readonly(true);
    tmp.as_file().set_permissions(perms)?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// The bytes of the original with this hash (decrypted in an encrypted
/// home).
pub fn read(root: &Path, sha256: &str) -> std::io::Result<Vec<u8>> {
    crate::crypt::read(&path_for(root, sha256))
}

/// Stores a file too large to parse by streaming it, returning its hash.
pub fn store_streaming(root: &Path, source: &Path) -> Result<(String, u64)> {
    private::make_dir(root)?;
    let mut input = fs::File::open(source)?;
    let mut tmp = tempfile::NamedTempFile::new_in(root)?;
    // HOOK (encryption at rest): sealed as it streams in an encrypted home.
    let mut out = crate::crypt::FileWriter::new(root, tmp.as_file_mut())?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = std::io::Read::read(&mut input, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])?;
        size += n as u64;
    }
    out.finish()?;
    let sha = hex::encode(hasher.finalize());
    if stored(root, &sha).is_none() {
        let path = new_path(root, &sha);
        private::make_dir(path.parent().expect("original path has a parent"))?;
        tmp.as_file().sync_data()?;
        let mut perms = tmp.as_file().metadata()?.permissions();
        perms.set_readonly(true);
        tmp.as_file().set_permissions(perms)?;
        tmp.persist(&path).map_err(|e| e.error)?;
    }
    Ok((sha, size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_original_is_kept_one_folder_deep_and_read_back() {
        let root = tempfile::tempdir().unwrap();
        let sha = sha256_hex(b"rent statement");
        let path = store(root.path(), &sha, b"rent statement").unwrap();
        assert_eq!(path, root.path().join(&sha[0..2]).join(&sha));
        assert_eq!(read_verified(root.path(), &sha).unwrap(), b"rent statement");
    }

    #[test]
    fn an_original_an_older_build_kept_two_folders_deep_is_found_and_not_stored_again() {
        let root = tempfile::tempdir().unwrap();
        let sha = sha256_hex(b"tenancy agreement");
        let older = root.path().join(&sha[0..2]).join(&sha[2..4]).join(&sha);
        std::fs::create_dir_all(older.parent().unwrap()).unwrap();
        std::fs::write(&older, b"tenancy agreement").unwrap();
        assert_eq!(
            read_verified(root.path(), &sha).unwrap(),
            b"tenancy agreement"
        );
        assert_eq!(
            store(root.path(), &sha, b"tenancy agreement").unwrap(),
            older
        );
        assert!(
            !root.path().join(&sha[0..2]).join(&sha).exists(),
            "the same bytes are kept once"
        );
    }
}

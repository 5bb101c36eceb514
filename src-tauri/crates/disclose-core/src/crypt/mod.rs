//! Encryption at rest, optional per home. An encrypted home holds a key
//! file (`keyfile`): a random data key sealed under the passphrase. Once
//! unlocked, the key stays in this process's registry of unlocked homes,
//! and everything under the home is read and written through it:
//!
//! - `case.db` with SQLCipher (`sqlcipher`);
//! - originals and renditions in the chunked AEAD format of `stream`,
//!   through `read` / `seal_for` / `FileWriter` here;
//! - the tantivy index through an encrypting `Directory` (`index_dir`).
//!
//! Whether a file is encrypted follows from the home it lives in, never
//! from its content. A home without a key file is read and written exactly
//! as before. Opening a case of an encrypted home that is not unlocked is
//! refused (`Error::Locked`), so nothing is ever written there in clear.

mod index_dir;
pub mod keyfile;
mod sqlcipher;
pub mod stream;

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

pub use index_dir::EncryptedDirectory;
pub use sqlcipher::apply_key;

use crate::case::Home;
use crate::error::{Error, Result};

/// The keys of one unlocked home, each derived from its data key for one
/// use (SQLCipher, files, index), so no key serves two ciphers.
pub struct Keys {
    db: [u8; 32],
    files: [u8; 32],
    index: [u8; 32],
}

impl Keys {
    fn derive(data_key: &[u8; 32]) -> Keys {
        let sub = |label: &str| -> [u8; 32] {
            let mut h = Sha256::new();
            h.update(b"disclose subkey v1\0");
            h.update(label.as_bytes());
            h.update([0]);
            h.update(data_key);
            h.finalize().into()
        };
        Keys {
            db: sub("case.db"),
            files: sub("files"),
            index: sub("index"),
        }
    }
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

/// Homes unlocked in this process: their root (as given and canonical)
/// and keys.
static UNLOCKED: Mutex<Vec<(PathBuf, Arc<Keys>)>> = Mutex::new(Vec::new());

/// Whether `home` is encrypted (has a key file).
pub fn is_encrypted(home: &Home) -> bool {
    home.root().join(keyfile::FILE).is_file()
}

/// Whether `home` is encrypted and unlocked in this process.
pub fn is_unlocked(home: &Home) -> bool {
    keys_for(home.root()).is_some()
}

/// Turns encryption on for a home that has no cases yet, and unlocks it.
/// Converting a home that already holds cases is not supported.
pub fn enable(home: &Home, passphrase: &str) -> Result<()> {
    if is_encrypted(home) {
        return Err(Error::Invalid("this home is already encrypted".into()));
    }
    let cases_dir = home.cases_dir();
    let has_cases = cases_dir.is_dir() && std::fs::read_dir(&cases_dir)?.next().is_some();
    if has_cases {
        return Err(Error::Invalid(format!(
            "{} already holds cases: encryption can only be turned on for a new, empty home",
            home.root().display()
        )));
    }
    crate::private::make_dir(home.root())?;
    let key = keyfile::create(&home.root().join(keyfile::FILE), passphrase)?;
    register(home, &key);
    Ok(())
}

/// Unlocks an encrypted home with its passphrase for the rest of this
/// process. `Error::Locked` for a wrong passphrase.
pub fn unlock(home: &Home, passphrase: &str) -> Result<()> {
    if !is_encrypted(home) {
        return Err(Error::Invalid(format!(
            "{} is not encrypted",
            home.root().display()
        )));
    }
    let key = keyfile::open(&home.root().join(keyfile::FILE), passphrase)?;
    register(home, &key);
    Ok(())
}

fn register(home: &Home, data_key: &[u8; 32]) {
    let keys = Arc::new(Keys::derive(data_key));
    let mut roots = vec![home.root().to_path_buf()];
    if let Ok(canonical) = home.root().canonicalize() {
        roots.push(canonical);
    }
    let mut unlocked = UNLOCKED.lock().unwrap_or_else(|e| e.into_inner());
    unlocked.retain(|(root, _)| !roots.contains(root));
    unlocked.extend(roots.into_iter().map(|root| (root, keys.clone())));
}

/// The keys for a path inside an unlocked home; `None` elsewhere.
pub fn keys_for(path: &Path) -> Option<Arc<Keys>> {
    let unlocked = UNLOCKED.lock().unwrap_or_else(|e| e.into_inner());
    unlocked
        .iter()
        .find(|(root, _)| path.starts_with(root))
        .map(|(_, keys)| keys.clone())
}

/// HOOK for opening a case folder: refuses a case of an encrypted home
/// that has not been unlocked.
pub fn require_unlocked(case_dir: &Path) -> Result<()> {
    let Some(root) = case_dir.parent().and_then(Path::parent) else {
        return Ok(());
    };
    let home = Home::new(root);
    if is_encrypted(&home) && !is_unlocked(&home) {
        return Err(Error::Locked(format!(
            "{} is encrypted: unlock it with its passphrase (DISCLOSE_PASSPHRASE)",
            root.display()
        )));
    }
    Ok(())
}

/// HOOK for reading an original or a rendition: the file's bytes,
/// decrypted when it lives in an unlocked encrypted home.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    match keys_for(path) {
        Some(_) => {
            let mut plain = Vec::new();
            open(path)?.read_to_end(&mut plain)?;
            Ok(plain)
        }
        None => std::fs::read(path),
    }
}

/// HOOK for sizing an original or a rendition: the length of its bytes as
/// read (not as sealed on disk).
pub fn len(path: &Path) -> io::Result<u64> {
    let on_disk = std::fs::metadata(path)?.len();
    match keys_for(path) {
        Some(_) => stream::plain_len(on_disk),
        None => Ok(on_disk),
    }
}

/// HOOK for streaming an original or a rendition: a reader of the file's
/// bytes, decrypted as they are read when it lives in an unlocked
/// encrypted home.
pub fn open(path: &Path) -> io::Result<Box<dyn Read>> {
    let file = io::BufReader::new(std::fs::File::open(path)?);
    Ok(match keys_for(path) {
        Some(keys) => Box::new(stream::DecryptReader::new(&keys.files, file)?),
        None => Box::new(file),
    })
}

/// HOOK for writing a whole file: what to write at `path`, encrypted when
/// it lives in an unlocked encrypted home.
pub fn seal_for<'a>(path: &Path, data: &'a [u8]) -> io::Result<Cow<'a, [u8]>> {
    match keys_for(path) {
        Some(keys) => Ok(Cow::Owned(stream::seal(&keys.files, data)?)),
        None => Ok(Cow::Borrowed(data)),
    }
}

/// HOOK for writing a file as it streams in: plain, or encrypted when the
/// destination lives in an unlocked encrypted home. `finish` must be called.
pub enum FileWriter<W: Write> {
    Plain(W),
    Sealed(stream::EncryptWriter<W>),
}

impl<W: Write> FileWriter<W> {
    pub fn new(destination: &Path, inner: W) -> io::Result<FileWriter<W>> {
        Ok(match keys_for(destination) {
            Some(keys) => FileWriter::Sealed(stream::EncryptWriter::new(&keys.files, inner)?),
            None => FileWriter::Plain(inner),
        })
    }

    pub fn finish(self) -> io::Result<W> {
        match self {
            FileWriter::Plain(mut w) => {
                w.flush()?;
                Ok(w)
            }
            FileWriter::Sealed(w) => w.finish(),
        }
    }
}

impl<W: Write> Write for FileWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match self {
            FileWriter::Plain(w) => w.write(data),
            FileWriter::Sealed(w) => w.write(data),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            FileWriter::Plain(w) => w.flush(),
            FileWriter::Sealed(w) => w.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_an_unlocked_home_are_sealed_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path().join("home"));
        enable(&home, "a long passphrase").unwrap();
        let inside = home.case_dir("X-1").join("originals").join("f");
        let outside = dir.path().join("elsewhere");
        let secret = b"Distinctive Plaintext Marker";
        let sealed = seal_for(&inside, secret).unwrap();
        assert!(!sealed.windows(secret.len()).any(|w| w == secret));
        std::fs::create_dir_all(inside.parent().unwrap()).unwrap();
        std::fs::write(&inside, &sealed).unwrap();
        assert_eq!(read(&inside).unwrap(), secret);
        assert_eq!(&*seal_for(&outside, secret).unwrap(), secret);
        // A home with cases is not converted.
        let other = Home::new(dir.path().join("other"));
        std::fs::create_dir_all(other.case_dir("X-2")).unwrap();
        assert!(enable(&other, "a long passphrase").is_err());
        assert!(!is_encrypted(&other));
    }
}

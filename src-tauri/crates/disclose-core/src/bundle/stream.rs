//! Writing the bundle without holding it: each entry goes into a temporary
//! file beside the target (in the target's folder, so the last step is a
//! rename on one file system) one by one, documents streamed from disk in
//! small pieces and their SHA-256 checked against the manifest as they
//! pass. Then the file is flushed to disk and renamed over the target.
//!
//! A failure or a cancel anywhere leaves nothing under the target's name
//! and removes the temporary file (it is deleted when dropped unless
//! renamed).

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use super::{BagFile, Content};
use crate::case::CaseFolder;
use crate::error::{Error, Result};

/// How much of a document is held at once.
const PIECE: usize = 1 << 20;

/// Writes `files` as a zip (AES-256 encrypted with `passphrase`, if
/// given) to `out`; returns the zip's SHA-256.
pub(super) fn write(
    folder: &CaseFolder,
    out: &Path,
    files: &[BagFile],
    passphrase: Option<&str>,
    cancel: &AtomicBool,
) -> Result<String> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::private::make_dir(dir)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bundle".into());
    // Created 0600; deleted when dropped, so on every early return.
    let temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(dir)?;
    let failed = |e: zip::result::ZipError| Error::Invalid(format!("cannot write the zip: {e}"));
    let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(PIECE, temporary.as_file()));
    let mut piece = vec![0u8; PIECE];
    for file in files {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        zip.start_file(file.path.as_str(), options(file, passphrase))
            .map_err(failed)?;
        match &file.content {
            Content::Bytes(bytes) => zip.write_all(bytes)?,
            Content::Rendition(path) => {
                let mut reader = crate::render::open_rendition(path)?;
                let mut hash = Sha256::new();
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(Error::Cancelled);
                    }
                    let n = reader.read(&mut piece)?;
                    if n == 0 {
                        break;
                    }
                    hash.update(&piece[..n]);
                    zip.write_all(&piece[..n])?;
                }
                if hex::encode(hash.finalize()) != file.sha256 {
                    return Err(crate::verify::changed_rendition(folder, file.item, path));
                }
            }
        }
    }
    zip.finish()
        .map_err(failed)?
        .into_inner()
        .map_err(|e| e.into_error())?;
    temporary.as_file().sync_all()?;
    let sha256 = sha256_of(temporary.as_file())?;
    temporary.persist(out).map_err(|e| e.error)?;
    // The rename itself, on disk.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(sha256)
}

/// Deflated, except pictures that are compressed already; encrypted when
/// there is a passphrase; ZIP64 for an entry of 4 GiB or more.
fn options<'a>(
    file: &BagFile,
    passphrase: Option<&'a str>,
) -> zip::write::FileOptions<'a, 'static, ()> {
    let packed = [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|ext| file.path.to_ascii_lowercase().ends_with(ext));
    let method = if packed {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let plain = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(file.bytes >= u64::from(u32::MAX));
    match passphrase {
        Some(p) => plain.with_aes_encryption(zip::AesMode::Aes256, p),
        None => plain,
    }
}

/// The SHA-256 of a file, read from its start in pieces.
fn sha256_of(file: &File) -> Result<String> {
    let mut reader = file;
    std::io::Seek::rewind(&mut reader)?;
    let mut hash = Sha256::new();
    let mut piece = vec![0u8; PIECE];
    loop {
        let n = reader.read(&mut piece)?;
        if n == 0 {
            break;
        }
        hash.update(&piece[..n]);
    }
    Ok(hex::encode(hash.finalize()))
}

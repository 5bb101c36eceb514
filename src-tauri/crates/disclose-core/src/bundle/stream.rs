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
        match &file.content {
            Content::Bytes(bytes) => {
                zip.start_file(file.path.as_str(), options(file, bytes, passphrase))
                    .map_err(failed)?;
                zip.write_all(bytes)?
            }
            Content::Rendition(path) => {
                let mut reader = crate::render::open_rendition(path)?;
                let mut hash = Sha256::new();
                // The first piece decides how the entry is stored.
                let mut n = fill(&mut reader, &mut piece)?;
                zip.start_file(file.path.as_str(), options(file, &piece[..n], passphrase))
                    .map_err(failed)?;
                while n > 0 {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(Error::Cancelled);
                    }
                    hash.update(&piece[..n]);
                    zip.write_all(&piece[..n])?;
                    n = reader.read(&mut piece)?;
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

/// Deflated, unless a sample of the content shows it is compressed
/// already (PDF streams, pictures, audio, video, archives): then stored;
/// encrypted when there is a passphrase; ZIP64 for an entry of 4 GiB or
/// more.
fn options<'a>(
    file: &BagFile,
    head: &[u8],
    passphrase: Option<&'a str>,
) -> zip::write::FileOptions<'a, 'static, ()> {
    let method = if packed(head) {
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

/// How much of the content's head is test-compressed.
const SAMPLE: usize = 16 << 10;

/// Whether deflate would save less than a tenth of `head`, judged by
/// fast-deflating its middle [`SAMPLE`] bytes (the middle, so a PDF's
/// plain header and cross-reference table do not decide alone).
fn packed(head: &[u8]) -> bool {
    use flate2::{write::DeflateEncoder, Compression};
    if head.len() < 512 {
        return false;
    }
    let start = head.len().saturating_sub(SAMPLE) / 2;
    let sample = &head[start..(start + SAMPLE).min(head.len())];
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(sample.len()), Compression::fast());
    if encoder.write_all(sample).is_err() {
        return false;
    }
    let deflated = encoder.finish().map(|v| v.len()).unwrap_or(0);
    deflated * 10 >= sample.len() * 9
}

/// Reads into `piece` until it is full or the content ends; the count read.
fn fill(reader: &mut dyn Read, piece: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < piece.len() {
        match reader.read(&mut piece[n..])? {
            0 => break,
            m => n += m,
        }
    }
    Ok(n)
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

#[cfg(test)]
mod tests {
    use super::packed;
    use flate2::{write::DeflateEncoder, Compression};
    use std::io::Write;

    #[test]
    fn text_is_deflated_and_compressed_bytes_are_stored() {
        let text = "{\"item\": 12, \"subject\": \"Re: the rota\"}\n".repeat(2000);
        assert!(!packed(text.as_bytes()));
        // Compressed data from varied text looks like noise to deflate.
        let varied: String = (0..40_000u32)
            .map(|i| format!("{} ", i.wrapping_mul(2_654_435_761)))
            .collect();
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(varied.as_bytes()).unwrap();
        assert!(packed(&encoder.finish().unwrap()));
        assert!(!packed(b"tiny"), "short content is deflated as it is");
    }
}

//! The encrypted file format of an encrypted home: a header (magic and a
//! random nonce prefix) followed by chunks of at most 64 KiB, each sealed
//! with XChaCha20-Poly1305 in the STREAM construction (a counter and a
//! "last chunk" flag in every nonce), so a file is written and read a chunk
//! at a time, and a reordered, cut or extended file fails to open.
//!
//! The last chunk is always shorter than a full one (possibly empty), which
//! is how a reader knows it without looking ahead.

use std::io::{self, Read, Write};

use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::XChaCha20Poly1305;

/// Marks an encrypted file, and its format version.
pub const MAGIC: &[u8; 8] = b"DSCLENC1";
/// Plaintext bytes per chunk.
const CHUNK: usize = 64 * 1024;
/// The authentication tag added to every chunk.
const TAG: usize = 16;
/// XChaCha20's 24-byte nonce less STREAM's 5 bytes of counter and flag.
const NONCE_PREFIX: usize = 19;
/// Bytes before the first chunk.
pub const HEADER: usize = MAGIC.len() + NONCE_PREFIX;

/// The plaintext length of a sealed file of `sealed` bytes: whole chunks,
/// then the last (shorter) one, each with its tag.
pub fn plain_len(sealed: u64) -> io::Result<u64> {
    let body = sealed
        .checked_sub(HEADER as u64)
        .ok_or_else(|| damaged("header"))?;
    let whole = (CHUNK + TAG) as u64;
    let last = (body % whole)
        .checked_sub(TAG as u64)
        .ok_or_else(|| damaged("length"))?;
    Ok(body / whole * CHUNK as u64 + last)
}

fn damaged(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("encrypted file {what}: damaged, or not written with this home's key"),
    )
}

/// Encrypts everything written to it into `inner`; `finish` seals the last
/// chunk (dropping the writer without it leaves a file that will not open).
pub struct EncryptWriter<W: Write> {
    inner: W,
    sealer: Option<EncryptorBE32<XChaCha20Poly1305>>,
    buf: Vec<u8>,
}

impl<W: Write> EncryptWriter<W> {
    pub fn new(key: &[u8; 32], mut inner: W) -> io::Result<EncryptWriter<W>> {
        let mut prefix = [0u8; NONCE_PREFIX];
        getrandom::fill(&mut prefix).map_err(|e| io::Error::other(e.to_string()))?;
        inner.write_all(MAGIC)?;
        inner.write_all(&prefix)?;
        let aead = XChaCha20Poly1305::new(key.into());
        Ok(EncryptWriter {
            inner,
            sealer: Some(EncryptorBE32::from_aead(aead, prefix.as_slice().into())),
            buf: Vec::with_capacity(CHUNK),
        })
    }

    /// Seals the last chunk and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.seal_last()?;
        Ok(self.inner)
    }

    /// Seals the last chunk; later writes fail.
    pub fn seal_last(&mut self) -> io::Result<()> {
        let sealer = self
            .sealer
            .take()
            .ok_or_else(|| io::Error::other("encrypted file already finished"))?;
        let sealed = sealer
            .encrypt_last(self.buf.as_slice())
            .map_err(|_| io::Error::other("encryption failed"))?;
        self.buf.clear();
        self.inner.write_all(&sealed)?;
        self.inner.flush()
    }

    pub fn inner_mut(&mut self) -> &mut W {
        &mut self.inner
    }
}

impl<W: Write> Write for EncryptWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let sealer = self
            .sealer
            .as_mut()
            .ok_or_else(|| io::Error::other("encrypted file already finished"))?;
        let n = data.len().min(CHUNK - self.buf.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == CHUNK {
            let sealed = sealer
                .encrypt_next(self.buf.as_slice())
                .map_err(|_| io::Error::other("encryption failed"))?;
            self.buf.clear();
            self.inner.write_all(&sealed)?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Decrypts a file written by `EncryptWriter`, a chunk at a time. A chunk
/// that fails authentication, a missing last chunk or bytes after it are
/// read errors, never silently wrong data.
pub struct DecryptReader<R: Read> {
    inner: R,
    opener: Option<DecryptorBE32<XChaCha20Poly1305>>,
    plain: Vec<u8>,
    pos: usize,
    ended: bool,
}

impl<R: Read> DecryptReader<R> {
    pub fn new(key: &[u8; 32], mut inner: R) -> io::Result<DecryptReader<R>> {
        let mut header = [0u8; HEADER];
        if read_full(&mut inner, &mut header)? < HEADER || &header[..MAGIC.len()] != MAGIC {
            return Err(damaged("header"));
        }
        let aead = XChaCha20Poly1305::new(key.into());
        Ok(DecryptReader {
            inner,
            opener: Some(DecryptorBE32::from_aead(aead, header[MAGIC.len()..].into())),
            plain: Vec::new(),
            pos: 0,
            ended: false,
        })
    }

    fn next_chunk(&mut self) -> io::Result<()> {
        let mut sealed = vec![0u8; CHUNK + TAG];
        let n = read_full(&mut self.inner, &mut sealed)?;
        sealed.truncate(n);
        let opener = self.opener.as_mut().ok_or_else(|| damaged("chunk"))?;
        self.plain = if n == CHUNK + TAG {
            opener
                .decrypt_next(sealed.as_slice())
                .map_err(|_| damaged("chunk"))?
        } else {
            let opener = self.opener.take().ok_or_else(|| damaged("chunk"))?;
            let plain = opener
                .decrypt_last(sealed.as_slice())
                .map_err(|_| damaged("last chunk"))?;
            let mut extra = [0u8; 1];
            if self.inner.read(&mut extra)? != 0 {
                return Err(damaged("end"));
            }
            self.ended = true;
            plain
        };
        self.pos = 0;
        Ok(())
    }
}

impl<R: Read> Read for DecryptReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.plain.len() {
            if self.ended {
                return Ok(0);
            }
            self.next_chunk()?;
        }
        let n = out.len().min(self.plain.len() - self.pos);
        out[..n].copy_from_slice(&self.plain[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Reads until `buf` is full or the input ends; returns the bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// `data` encrypted in memory.
pub fn seal(key: &[u8; 32], data: &[u8]) -> io::Result<Vec<u8>> {
    let mut w = EncryptWriter::new(key, Vec::with_capacity(data.len() + HEADER + TAG))?;
    w.write_all(data)?;
    w.finish()
}

/// `data` (written by `seal` or `EncryptWriter`) decrypted in memory.
pub fn open(key: &[u8; 32], data: &[u8]) -> io::Result<Vec<u8>> {
    let mut plain = Vec::with_capacity(data.len());
    DecryptReader::new(key, data)?.read_to_end(&mut plain)?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    #[test]
    fn every_size_round_trips_including_exact_chunks() {
        for size in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK] {
            let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            let sealed = seal(&KEY, &data).unwrap();
            assert_eq!(open(&KEY, &sealed).unwrap(), data, "size {size}");
            assert_eq!(plain_len(sealed.len() as u64).unwrap(), size as u64);
            if size > 16 {
                assert!(!sealed.windows(16).any(|w| w == &data[..16]));
            }
        }
    }

    #[test]
    fn a_wrong_key_a_flipped_byte_a_cut_or_an_addition_fails() {
        let data = vec![42u8; 2 * CHUNK + 10];
        let sealed = seal(&KEY, &data).unwrap();
        assert!(open(&[8; 32], &sealed).is_err());
        let mut flipped = sealed.clone();
        flipped[HEADER + 100] ^= 1;
        assert!(open(&KEY, &flipped).is_err());
        // Cut at a chunk boundary: the last chunk is missing.
        assert!(open(&KEY, &sealed[..HEADER + 2 * (CHUNK + TAG)]).is_err());
        let mut longer = sealed.clone();
        longer.push(0);
        assert!(open(&KEY, &longer).is_err());
        assert!(open(&KEY, b"plain text").is_err());
    }
}

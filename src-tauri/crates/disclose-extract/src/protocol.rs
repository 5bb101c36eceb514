//! What the import sends a worker process and what comes back, and how
//! both travel over the pipes: one frame a message, a little-endian `u32`
//! length and then the message in `postcard`. A job is followed by a
//! second frame holding the file's bytes as they are, so they are never
//! copied to be encoded. A frame larger than [`MAX_FRAME`] is refused on
//! both sides, so a damaged stream cannot make either side allocate
//! without bound.

use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use crate::{Extracted, FileType, Limits};

/// The largest message either side accepts.
pub const MAX_FRAME: usize = 1 << 30;

/// One piece of work on untrusted bytes.
#[derive(Debug, Serialize, Deserialize)]
pub enum Job {
    /// Read a file with the reader for its type.
    Extract {
        file_type: FileType,
        name: String,
        limits: Limits,
    },
    /// Read an image, or the listed pages of a PDF, with OCR.
    Ocr {
        file_type: FileType,
        pages: Vec<u32>,
    },
    /// Draw the pages of a PDF as pictures, `dpi` but never more than
    /// `max_pixels` on a side.
    Rasterise {
        dpi: f32,
        max_pixels: f32,
        /// 1-based; all pages when empty.
        pages: Vec<u32>,
        /// What each picture carries back.
        samples: crate::raster::Samples,
    },
    /// Decode a picture, upright and on white (for a redacted rendition).
    DecodeImage,
    /// Walk the Outlook mailbox at `path`, leaving out the items in
    /// `skip`; answered by a stream of frames (see `crate::mailbox`).
    ReadMailbox {
        path: std::path::PathBuf,
        limits: Limits,
        skip: Vec<u32>,
    },
}

impl Job {
    /// Whether the job may run the speech helper: reading a recording.
    pub fn may_transcribe(&self) -> bool {
        matches!(
            self,
            Job::Extract {
                file_type: FileType::Audio | FileType::Video,
                ..
            }
        )
    }

    /// How many times the time limit this job may take: OCR and drawing
    /// get it once per page, a sound recording (transcribed as it is
    /// read) twenty times, for calls up to the transcription's 40 minutes,
    /// and a video (its frames read by OCR) twenty times too.
    pub fn time_factor(&self) -> u32 {
        match self {
            Job::Extract {
                file_type: FileType::Audio | FileType::Video,
                ..
            } => 20,
            Job::Extract { .. } | Job::DecodeImage | Job::ReadMailbox { .. } => 1,
            Job::Ocr { pages, .. } | Job::Rasterise { pages, .. } => pages.len().max(1) as u32,
        }
    }
}

/// What a job produced, or why it could not.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    Extracted {
        extracted: Result<Extracted, crate::ExtractError>,
        /// The bytes of `extracted.children`, in order (not part of the
        /// child's serialised form).
        children: Vec<serde_bytes::ByteBuf>,
    },
    Ocr(Result<Vec<crate::ocr::OcrPage>, String>),
    Rasterised(Result<Vec<crate::raster::DrawnPage>, String>),
    /// A decoded picture, and whether it was a JPEG.
    Decoded(Result<(Picture, bool), String>),
    /// The reader panicked; the worker caught it and carries on.
    Panicked(String),
    /// The mailbox reader is about to read this item.
    MailboxReading(u32),
    MailboxItem(crate::mailbox::WireItem),
    /// The mailbox was read to the end (or could not be opened).
    MailboxDone(Result<crate::mailbox::WireReport, crate::ExtractError>),
}

/// A drawn page: RGB, three bytes a pixel, rows top to bottom (or as a
/// `Job::Rasterise` asked: see `raster::Samples`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    #[serde(with = "serde_bytes")]
    pub rgb: Vec<u8>,
}

/// Writes one message.
pub fn send<T: Serialize>(out: &mut impl Write, message: &T) -> io::Result<()> {
    let bytes = postcard::to_stdvec(message).map_err(io::Error::other)?;
    write_frame(out, &bytes)?;
    out.flush()
}

/// Writes a job and the bytes it reads.
pub fn send_job(out: &mut impl Write, job: &Job, data: &[u8]) -> io::Result<()> {
    let bytes = postcard::to_stdvec(job).map_err(io::Error::other)?;
    write_frame(out, &bytes)?;
    write_frame(out, data)?;
    out.flush()
}

fn write_frame(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    if bytes.len() > MAX_FRAME {
        return Err(io::Error::other("message too large for the worker pipe"));
    }
    out.write_all(&(bytes.len() as u32).to_le_bytes())?;
    out.write_all(bytes)
}

/// Reads one message; `Ok(None)` at a clean end of the stream.
pub fn receive<T: for<'de> Deserialize<'de>>(input: &mut impl Read) -> io::Result<Option<T>> {
    let Some(bytes) = read_frame(input)? else {
        return Ok(None);
    };
    postcard::from_bytes(&bytes)
        .map(Some)
        .map_err(io::Error::other)
}

/// Reads a job and its bytes; `Ok(None)` at a clean end of the stream.
pub fn receive_job(input: &mut impl Read) -> io::Result<Option<(Job, Vec<u8>)>> {
    let Some(job) = receive::<Job>(input)? else {
        return Ok(None);
    };
    let data = read_frame(input)?.ok_or_else(|| io::Error::other("a job without its bytes"))?;
    Ok(Some((job, data)))
}

fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(io::Error::other("frame too large"));
    }
    let mut bytes = vec![0u8; len];
    input.read_exact(&mut bytes)?;
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_and_its_reply_cross_the_pipe_intact() {
        let job = Job::Extract {
            file_type: FileType::Text,
            name: "note.txt".into(),
            limits: Limits::default(),
        };
        let mut pipe = Vec::new();
        send_job(&mut pipe, &job, b"hello").unwrap();
        let (back, data) = receive_job(&mut &pipe[..]).unwrap().unwrap();
        assert!(matches!(back, Job::Extract { name, .. } if name == "note.txt"));
        assert_eq!(data, b"hello");

        let mut extracted = Extracted {
            text: "Łukasz".into(),
            ..Extracted::default()
        };
        extracted.metadata.insert("author".into(), "A".into());
        let reply = Reply::Extracted {
            extracted: Ok(extracted.clone()),
            children: vec![serde_bytes::ByteBuf::from(vec![0u8, 1, 2])],
        };
        let mut pipe = Vec::new();
        send(&mut pipe, &reply).unwrap();
        match receive::<Reply>(&mut &pipe[..]).unwrap().unwrap() {
            Reply::Extracted {
                extracted: Ok(got),
                children,
            } => {
                assert_eq!(got, extracted);
                assert_eq!(children[0].as_ref(), &[0u8, 1, 2]);
            }
            other => panic!("unexpected reply {other:?}"),
        }
    }

    #[test]
    fn a_huge_length_claim_is_refused_without_allocating_it() {
        let pipe = u32::MAX.to_le_bytes();
        assert!(receive::<Job>(&mut &pipe[..]).is_err());
        assert!(receive_job(&mut &[][..]).unwrap().is_none());
    }
}

//! Isolation: everything that decodes untrusted bytes (every reader, PDF
//! pages drawn for OCR and for renditions, pictures decoded for
//! renditions, OCR itself, Outlook mailboxes) runs in
//! worker processes, so a file that aborts, crashes, loops or allocates
//! without bound stops one worker, never the import or the window.
//!
//! A worker is the same binary started again with
//! [`worker::WORKER_FLAG`]; each binary calls [`serve_if_worker`] first
//! thing in `main`, which also tells the engine where its workers come
//! from. A worker caps its own address space with `setrlimit` before it
//! reads a byte; the parent gives each job a wall-time limit and kills the
//! worker when it is up (see [`pool`]). The failure names the limit:
//! "stopped after 120 s", "needed more than 1 GiB".
//!
//! Where no worker program was registered (the engine's own unit tests, a
//! library caller), jobs run in-process behind `catch_unwind`, as before.
//! `DISCLOSE_ISOLATION=off` asks for that too (for measuring its cost).

pub mod mailbox;
pub mod pool;

pub use crate::extract::{protocol, worker};

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use pool::{Failure, Slot, Speech, WorkerSpec};
pub use protocol::{Job, Picture, Reply};

use crate::extract::{ExtractError, Extracted, FileType, Limits};

/// What one file may use in its worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessLimits {
    /// Wall time for one job (one file, one OCR item, one rendition).
    pub timeout: Duration,
    /// Address space of a worker process, in bytes.
    pub memory: u64,
}

impl Default for ProcessLimits {
    fn default() -> Self {
        ProcessLimits {
            timeout: Duration::from_secs(120),
            memory: 1 << 30,
        }
    }
}

static WORKER_PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Call first in `main`: serves as a worker and exits when the process was
/// started as one; otherwise registers this binary as the worker program.
pub fn serve_if_worker() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(worker::WORKER_FLAG) {
        std::process::exit(worker::serve(&args[2..]));
    }
    if let Ok(exe) = std::env::current_exe() {
        let _ = WORKER_PROGRAM.set(exe);
    }
}

/// How jobs run: in worker processes, or in this one.
#[derive(Debug, Clone)]
pub struct Isolation {
    spec: Option<WorkerSpec>,
}

impl Isolation {
    /// Worker processes with `limits` when a worker program is registered
    /// (and `DISCLOSE_ISOLATION` is not `off`); in-process otherwise.
    /// `tmp` is where workers keep temporary files.
    pub fn new(limits: ProcessLimits, tmp: Option<PathBuf>) -> Isolation {
        let off = std::env::var("DISCLOSE_ISOLATION").is_ok_and(|v| v == "off");
        let spec = WORKER_PROGRAM
            .get()
            .filter(|_| !off)
            .map(|program| WorkerSpec {
                program: program.clone(),
                limits,
                tmp,
            });
        Isolation { spec }
    }

    /// Jobs run in this process.
    pub fn in_process() -> Isolation {
        Isolation { spec: None }
    }

    pub fn is_isolated(&self) -> bool {
        self.spec.is_some()
    }

    /// Runs `job` over `data` in `slot`'s worker, or here.
    pub fn run(
        &self,
        slot: &mut Slot,
        job: Job,
        data: &[u8],
        cancel: &AtomicBool,
    ) -> Result<Reply, Failure> {
        self.run_reporting(slot, job, data, cancel, &pool::QUIET)
    }

    /// [`Isolation::run`], with a transcription's hooks (see
    /// [`pool::Speech`]; not used when it runs here).
    pub fn run_reporting(
        &self,
        slot: &mut Slot,
        job: Job,
        data: &[u8],
        cancel: &AtomicBool,
        speech: &pool::Speech,
    ) -> Result<Reply, Failure> {
        match &self.spec {
            Some(spec) => slot.run_reporting(spec, &job, data, cancel, speech),
            None => Ok(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                worker::run_job(job, data.to_vec())
            }))
            .unwrap_or_else(|panic| Reply::Panicked(worker::panic_message(&panic)))),
        }
    }

    /// Starts `slot`'s worker from this thread unless it runs already (one
    /// found dead while idle is started afresh). A worker ends with the
    /// thread that started it, so a caller that lends its slots to
    /// short-lived threads starts them here first and keeps them.
    pub fn ready(&self, slot: &mut Slot) -> Result<(), Failure> {
        match &self.spec {
            Some(spec) => slot.ready(spec),
            None => Ok(()),
        }
    }

    /// Reads `data` with the reader for `file_type`. A worker that died
    /// is reported as an [`ExtractError::Limit`] or `Corrupt` whose message
    /// says what happened.
    pub fn extract(
        &self,
        slot: &mut Slot,
        file_type: FileType,
        data: &[u8],
        name: &str,
        limits: &Limits,
        cancel: &AtomicBool,
    ) -> Result<Extracted, Stopped> {
        self.extract_reporting(slot, file_type, data, name, limits, cancel, &pool::QUIET)
    }

    /// [`Isolation::extract`], with a recording's transcription hooks
    /// (see [`pool::Speech`]).
    #[allow(clippy::too_many_arguments)]
    pub fn extract_reporting(
        &self,
        slot: &mut Slot,
        file_type: FileType,
        data: &[u8],
        name: &str,
        limits: &Limits,
        cancel: &AtomicBool,
        speech: &pool::Speech,
    ) -> Result<Extracted, Stopped> {
        let job = Job::Extract {
            file_type,
            name: name.to_string(),
            limits: limits.clone(),
        };
        match self.run_reporting(slot, job, data, cancel, speech) {
            Ok(Reply::Extracted {
                extracted,
                children,
            }) => extracted
                .map(|e| with_children(e, children))
                .map_err(Stopped::Reader),
            Ok(Reply::Panicked(message)) => Err(Stopped::Panicked(message)),
            Ok(_) => Err(Stopped::Worker(Failure::Crashed(
                "unexpected answer".into(),
            ))),
            Err(failure) => Err(Stopped::Worker(failure)),
        }
    }
}

/// Why a job gave no result.
#[derive(Debug, Clone, PartialEq)]
pub enum Stopped {
    /// The reader refused the file (damaged, encrypted, unsupported).
    Reader(ExtractError),
    /// The reader panicked.
    Panicked(String),
    /// The worker died or was stopped.
    Worker(Failure),
}

/// Why, in words shown to the user: the reader's refusal, "the reader
/// crashed: …", or what stopped the worker.
impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stopped::Reader(e) => e.fmt(f),
            Stopped::Panicked(message) => write!(f, "the reader crashed: {message}"),
            Stopped::Worker(failure) => failure.fmt(f),
        }
    }
}

/// Puts the children's bytes back into the children they belong to.
fn with_children(mut extracted: Extracted, data: Vec<serde_bytes::ByteBuf>) -> Extracted {
    for (child, bytes) in extracted.children.iter_mut().zip(data) {
        child.data = bytes.into_vec();
    }
    extracted
}

/// "1 GiB", "512 MiB".
pub fn show_bytes(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes.is_multiple_of(1 << 30) {
        format!("{} GiB", bytes >> 30)
    } else {
        format!("{} MiB", bytes >> 20)
    }
}

/// "120s", "2m", "1GiB", "512M" and plain numbers (seconds, bytes).
pub fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (number, unit) = split_unit(text);
    let value: f64 = number.parse().ok()?;
    let seconds = match unit.to_ascii_lowercase().as_str() {
        "" | "s" => value,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        _ => return None,
    };
    (seconds > 0.0).then(|| Duration::from_secs_f64(seconds))
}

pub fn parse_bytes(text: &str) -> Option<u64> {
    let text = text.trim();
    let (number, unit) = split_unit(text);
    let value: f64 = number.parse().ok()?;
    let factor: u64 = match unit
        .to_ascii_lowercase()
        .trim_end_matches("ib")
        .trim_end_matches('b')
    {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        _ => return None,
    };
    let bytes = value * factor as f64;
    (bytes >= (64 << 20) as f64 && bytes < u64::MAX as f64).then_some(bytes as u64)
}

fn split_unit(text: &str) -> (&str, &str) {
    let at = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    (&text[..at], text[at..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_read_as_people_write_them() {
        assert_eq!(parse_duration("120"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("0"), None);
        assert_eq!(parse_bytes("1GiB"), Some(1 << 30));
        assert_eq!(parse_bytes("512M"), Some(512 << 20));
        assert_eq!(parse_bytes("512 MiB"), Some(512 << 20));
        assert_eq!(parse_bytes("10M"), None, "too small to start a reader");
        assert_eq!(parse_bytes("lots"), None);
        assert_eq!(show_bytes(1 << 30), "1 GiB");
        assert_eq!(show_bytes(768 << 20), "768 MiB");
    }

    #[test]
    fn in_process_jobs_read_files_and_catch_panics_as_before() {
        let isolation = Isolation::in_process();
        let mut slot = Slot::default();
        let cancel = AtomicBool::new(false);
        let out = isolation
            .extract(
                &mut slot,
                FileType::Text,
                b"Dear Mrs Okafor",
                "letter.txt",
                &Limits::default(),
                &cancel,
            )
            .unwrap();
        assert_eq!(out.text, "Dear Mrs Okafor");
    }
}

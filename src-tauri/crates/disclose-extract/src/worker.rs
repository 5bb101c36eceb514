//! The worker's side: a `disclose` (or `disclose-desktop`) process started
//! with [`WORKER_FLAG`] caps its own address space and core dumps with
//! `setrlimit` before it reads anything, then answers jobs from its
//! standard input on its standard output until the input closes. A panic
//! in a reader is caught and reported; an abort, a crash or the memory cap
//! ends the process, which the parent sees and reports (see
//! `disclose_core::isolate::pool`). [`run_job`] is what a worker does with
//! one job; the parent runs it in-process when isolation is off.

use std::io::{BufReader, BufWriter};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::protocol::{self, Job, Reply};

/// The first argument that makes a binary serve as a worker.
pub const WORKER_FLAG: &str = "--disclose-worker";

/// Set (to `1`) in the parent's environment, it lets test files make a
/// worker hang, abort or allocate without bound (see [`test_hook`]).
pub const TEST_HOOKS_ENV: &str = "DISCLOSE_TEST_HOOKS";

/// Serves jobs until the parent closes the pipe; `args` are the arguments
/// after [`WORKER_FLAG`]: `--memory BYTES --parent PID`.
pub fn serve(args: &[String]) -> i32 {
    let value = |name: &str| {
        args.windows(2)
            .find(|w| w[0] == name)
            .and_then(|w| w[1].parse::<u64>().ok())
    };
    if let Err(e) = cap_resources(value("--memory"), value("--parent")) {
        eprintln!("disclose worker: cannot set its limits: {e}");
        return 2;
    }
    // Frames go to the pipe the parent reads; anything a library prints
    // to standard output goes to standard error instead of into a frame.
    let frames = match protocol_output() {
        Ok(file) => file,
        Err(e) => {
            eprintln!("disclose worker: cannot set up its output: {e}");
            return 2;
        }
    };
    let hooks = std::env::var(TEST_HOOKS_ENV).is_ok_and(|v| v == "1");
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut output = BufWriter::new(frames);
    loop {
        let (job, data): (Job, Vec<u8>) = match protocol::receive_job(&mut input) {
            Ok(Some(job)) => job,
            Ok(None) => return 0,
            Err(e) => {
                eprintln!("disclose worker: unreadable job: {e}");
                return 3;
            }
        };
        if hooks {
            test_hook(&data);
        }
        if let Job::ReadMailbox { path, limits, skip } = &job {
            if crate::mailbox::serve(path, limits, skip, &mut output).is_err() {
                return 0;
            }
            continue;
        }
        let reply = catch_unwind(AssertUnwindSafe(|| run_job(job, data)))
            .unwrap_or_else(|panic| Reply::Panicked(panic_message(&panic)));
        if protocol::send(&mut output, &reply).is_err() {
            return 0;
        }
    }
}

/// Does one job (in a worker, or in-process).
pub fn run_job(job: Job, data: Vec<u8>) -> Reply {
    match job {
        Job::Extract {
            file_type,
            name,
            limits,
        } => {
            let mut extracted = crate::extract(file_type, &data, &name, &limits);
            drop(data);
            let children = match &mut extracted {
                Ok(e) => e
                    .children
                    .iter_mut()
                    .map(|c: &mut crate::Child| {
                        serde_bytes::ByteBuf::from(std::mem::take(&mut c.data))
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            Reply::Extracted {
                extracted,
                children,
            }
        }
        Job::Ocr { file_type, pages } => {
            Reply::Ocr(crate::ocr::read_pages(file_type, &data, &pages))
        }
        Job::Rasterise {
            dpi,
            max_pixels,
            pages,
            samples,
        } => Reply::Rasterised(crate::raster::rasterise_as(
            &data, dpi, max_pixels, &pages, samples,
        )),
        Job::DecodeImage => Reply::Decoded(crate::image::upright_on_white(&data)),
        Job::ReadMailbox { .. } => Reply::Panicked("a mailbox is read by `mailbox::serve`".into()),
    }
}

/// A handle on the original standard output, which is then pointed at
/// standard error.
fn protocol_output() -> std::io::Result<std::fs::File> {
    let frames = rustix::io::dup(std::io::stdout())?;
    rustix::stdio::dup2_stdout(std::io::stderr())?;
    Ok(std::fs::File::from(frames))
}

/// The OS enforces the memory cap, not the reader: an allocation past it
/// fails and the process ends. A worker also ends with its parent, so a
/// killed import leaves no stuck reader behind.
fn cap_resources(memory: Option<u64>, parent: Option<u64>) -> std::io::Result<()> {
    use rustix::process::{setrlimit, Resource, Rlimit};
    #[cfg(target_os = "linux")]
    {
        rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::KILL))?;
        let ppid = rustix::process::getppid().map(|p| p.as_raw_nonzero().get() as u64);
        if parent.is_some() && ppid != parent {
            // The parent died before the signal was asked for.
            std::process::exit(0);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = parent;
    let no_core = Rlimit {
        current: Some(0),
        maximum: Some(0),
    };
    setrlimit(Resource::Core, no_core)?;
    if let Some(bytes) = memory {
        let cap = Rlimit {
            current: Some(bytes),
            maximum: Some(bytes),
        };
        setrlimit(Resource::As, cap)?;
    }
    Ok(())
}

/// Test files that misbehave on purpose, so the watchdog is proven apart
/// from any reader's bugs. Only with [`TEST_HOOKS_ENV`] set.
fn test_hook(data: &[u8]) {
    if data.starts_with(b"DISCLOSE-TEST-HANG") {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
    if data.starts_with(b"DISCLOSE-TEST-ABORT") {
        std::process::abort();
    }
    if data.starts_with(b"DISCLOSE-TEST-ALLOC") {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![1u8; 16 << 20]);
        }
    }
}

pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into())
}

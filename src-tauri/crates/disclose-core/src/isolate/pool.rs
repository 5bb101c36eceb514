//! The parent's side: a [`Slot`] holds one long-lived worker process and
//! hands it one job at a time (a mailbox job answers in many frames). A watchdog thread per job kills the worker
//! when its time is up or the run is cancelled; a worker that dies for any
//! reason (abort, crash, the memory cap, the watchdog) is reaped, the job
//! is answered with a [`Failure`] that says which limit it hit, and the
//! next job starts a fresh worker.
//!
//! A transcription is long work that can stop part way and keep what it
//! heard: each worker is given two files of its own (`speech-*.progress`,
//! `speech-*.stop` in its temporary folder) through the environment the
//! speech helper reads. The watchdog reports the progress the helper
//! writes, and on cancel, while a transcription is under way, asks it to
//! stop (the stop file) and waits up to [`STOP_GRACE`] for the answer with
//! the words heard so far before it kills the worker. Two more carry
//! the parts of a transcription: the helper writes each part it finishes
//! into `speech-*.parts/`, and the watchdog hands it to the job's
//! [`Speech::keep`] (the import keeps it in the case) as it appears; the
//! parts an earlier run finished go to the helper in `speech-*.done`.

use std::io::{BufReader, BufWriter, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use super::protocol::{self, Job, Reply};
use super::worker::{TEST_HOOKS_ENV, WORKER_FLAG};
use super::ProcessLimits;

/// Why a job got no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The worker ran out of time and was stopped.
    TimedOut(Duration),
    /// The worker needed more memory than it may have.
    OutOfMemory(u64),
    /// The worker died some other way (abort, crash).
    Crashed(String),
    /// The run was cancelled while the job was in flight.
    Cancelled,
    /// No worker could be started.
    Unavailable(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::TimedOut(limit) => write!(
                f,
                "stopped after {} s: reading it took longer than the time limit (--file-timeout)",
                limit.as_secs()
            ),
            Failure::OutOfMemory(bytes) => write!(
                f,
                "needed more than {}: reading it was stopped at the memory limit (--file-memory)",
                super::show_bytes(*bytes)
            ),
            Failure::Crashed(how) => write!(f, "the reader crashed on this file ({how})"),
            Failure::Cancelled => write!(f, "cancelled before it was read"),
            Failure::Unavailable(why) => write!(f, "no reader process could be started: {why}"),
        }
    }
}

/// Where workers come from and what they may use.
#[derive(Debug, Clone)]
pub struct WorkerSpec {
    pub program: PathBuf,
    pub limits: ProcessLimits,
    /// The worker's temporary folder (`TMPDIR`): the case's own `tmp/`.
    pub tmp: Option<PathBuf>,
}

struct Running {
    /// The speech helper's progress and stop files for this worker (none
    /// when the environment already names them).
    speech: Option<OwnSpeechFiles>,
    child: Arc<Mutex<Child>>,
    stdin: BufWriter<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

/// A worker's speech files, removed when the worker is gone.
struct OwnSpeechFiles(SpeechFiles);

impl Drop for OwnSpeechFiles {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// One worker process, started on first use and again after it dies.
#[derive(Default)]
pub struct Slot {
    running: Option<Running>,
}

/// How much of a worker's error output is kept to explain its death.
const STDERR_TAIL: usize = 4096;
/// How often the watchdog looks at the cancel switch.
const TICK: Duration = Duration::from_millis(100);
/// How long a cancelled transcription may take to answer with what it
/// heard before its worker is killed.
pub const STOP_GRACE: Duration = Duration::from_secs(60);
/// The environment naming the speech helper's progress and stop files.
pub const SPEECH_PROGRESS_ENV: &str = "DISCLOSE_SPEECH_PROGRESS";
pub const SPEECH_STOP_ENV: &str = "DISCLOSE_SPEECH_STOP";
pub const SPEECH_PARTS_ENV: &str = "DISCLOSE_SPEECH_PARTS";
pub const SPEECH_DONE_ENV: &str = "DISCLOSE_SPEECH_DONE";

/// A worker's speech progress and stop files, the folder its finished
/// parts appear in and the file of the parts done before.
#[derive(Debug, Clone)]
struct SpeechFiles {
    progress: PathBuf,
    stop: PathBuf,
    parts: PathBuf,
    done: PathBuf,
}

impl SpeechFiles {
    /// The files of the worker `name`, in `dir`.
    fn named(dir: &Path, name: &str) -> SpeechFiles {
        SpeechFiles {
            progress: dir.join(format!("{name}.progress")),
            stop: dir.join(format!("{name}.stop")),
            parts: dir.join(format!("{name}.parts")),
            done: dir.join(format!("{name}.done")),
        }
    }

    /// Removes what a job left, keeping the parts folder: removing a
    /// folder is slow on a disk that discards freed blocks at once, and
    /// this runs around every job, nearly all of which hear nothing.
    fn clear(&self) {
        for file in [&self.progress, &self.stop, &self.done] {
            let _ = std::fs::remove_file(file);
        }
        if let Ok(entries) = std::fs::read_dir(&self.parts) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Removes the files and the parts folder, when the worker is gone.
    fn remove(&self) {
        self.clear();
        let _ = std::fs::remove_dir(&self.parts);
    }

    /// Makes ready for a job resuming from `done` (a JSON list of parts).
    fn prepare(&self, done: &[u8]) {
        self.clear();
        let _ = crate::private::make_dir(&self.parts);
        if !done.is_empty() {
            let _ = crate::private::write_file(&self.done, done);
        }
    }

    /// Hands each part finished since the last look to `keep`, in order.
    fn collect(&self, keep: &(dyn Fn(&str, &[u8]) + Sync)) {
        let Ok(entries) = std::fs::read_dir(&self.parts) else {
            return;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| name.ends_with(".json"))
            .collect();
        names.sort();
        for name in names {
            let path = self.parts.join(&name);
            if let Ok(bytes) = std::fs::read(&path) {
                keep(&name, &bytes);
            }
            let _ = std::fs::remove_file(&path);
        }
    }

    /// Seconds done and in all, when a transcription is under way.
    fn read(&self) -> Option<(f64, f64)> {
        let text = std::fs::read_to_string(&self.progress).ok()?;
        let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().ok());
        let (done, of) = (parts.next()??, parts.next()??);
        (done.is_finite() && of.is_finite()).then_some((done, of))
    }
}

/// What a transcription in a job is given: where its progress goes
/// (seconds done and in all), the parts an earlier run finished (the JSON
/// list the helper reads; empty for none), and where each part it
/// finishes goes (the part's file name and JSON).
pub struct Speech<'a> {
    pub progress: &'a (dyn Fn(f64, f64) + Sync),
    pub done: &'a [u8],
    pub keep: &'a (dyn Fn(&str, &[u8]) + Sync),
}

/// No progress told, nothing resumed, no part kept.
pub const QUIET: Speech<'static> = Speech {
    progress: &|_, _| {},
    done: &[],
    keep: &|_, _| {},
};

impl Slot {
    /// Starts the worker unless one is running; one that ended while idle
    /// (it was given no job) is replaced.
    pub fn ready(&mut self, spec: &WorkerSpec) -> Result<(), Failure> {
        let ended = self.running.as_ref().is_some_and(|running| {
            running
                .child
                .lock()
                .map_or(true, |mut child| !matches!(child.try_wait(), Ok(None)))
        });
        if ended {
            self.stop();
        }
        if self.running.is_none() {
            self.running = Some(start(spec).map_err(|e| Failure::Unavailable(e.to_string()))?);
        }
        Ok(())
    }

    /// Runs `job` over `data` in this slot's worker and returns its answer.
    pub fn run(
        &mut self,
        spec: &WorkerSpec,
        job: &Job,
        data: &[u8],
        cancel: &AtomicBool,
    ) -> Result<Reply, Failure> {
        self.run_reporting(spec, job, data, cancel, &QUIET)
    }

    /// [`Slot::run`], with a transcription's hooks (see [`Speech`]).
    pub fn run_reporting(
        &mut self,
        spec: &WorkerSpec,
        job: &Job,
        data: &[u8],
        cancel: &AtomicBool,
        speech: &Speech,
    ) -> Result<Reply, Failure> {
        let mut answer = None;
        self.exchange(spec, job, data, cancel, speech, &mut |reply| {
            answer = Some(reply);
            ControlFlow::Break(())
        })?;
        answer.ok_or_else(|| Failure::Crashed("no answer".into()))
    }

    /// Runs a job that answers in many frames (a mailbox), handing each to
    /// `on_reply` until it says stop. The time limit counts from the latest
    /// frame. If `on_reply` stops early, the worker is ended.
    pub fn run_stream(
        &mut self,
        spec: &WorkerSpec,
        job: &Job,
        cancel: &AtomicBool,
        on_reply: &mut dyn FnMut(Reply) -> ControlFlow<()>,
    ) -> Result<(), Failure> {
        let mut finished = false;
        let result = self.exchange(spec, job, &[], cancel, &QUIET, &mut |reply| {
            let done = matches!(reply, Reply::MailboxDone(_));
            let flow = on_reply(reply);
            finished = done;
            flow
        });
        if result.is_ok() && !finished {
            // Stopped by the caller mid-stream: the worker's next frames
            // would be read as answers to the next job.
            self.stop();
        }
        result
    }

    fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            if let Ok(mut child) = running.child.lock() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }

    fn exchange(
        &mut self,
        spec: &WorkerSpec,
        job: &Job,
        data: &[u8],
        cancel: &AtomicBool,
        speech: &Speech,
        on_reply: &mut dyn FnMut(Reply) -> ControlFlow<()>,
    ) -> Result<(), Failure> {
        if self.running.is_none() {
            self.running = Some(start(spec).map_err(|e| Failure::Unavailable(e.to_string()))?);
        }
        let Some(running) = self.running.as_mut() else {
            return Err(Failure::Unavailable("no worker".into()));
        };
        // `true`: a frame arrived (the clock starts again); `false`: done.
        let (tick_tx, tick_rx) = mpsc::channel::<bool>();
        let mut stopped_by = None;
        let limit = spec.limits.timeout * job.time_factor();
        let child = running.child.clone();
        // Only a recording can be heard: the files are left alone around
        // every other job (a handful of calls to the disk each, per file).
        let hears = job.may_transcribe();
        let files = running
            .speech
            .as_ref()
            .filter(|_| hears)
            .map(|own| own.0.clone());
        if let Some(files) = &files {
            files.prepare(speech.done);
        }
        let (progress, keep) = (speech.progress, speech.keep);
        let answered = std::thread::scope(|scope| {
            let watchdog = scope.spawn(move || {
                let mut started = Instant::now();
                let mut stop_asked: Option<Instant> = None;
                let mut reported = None;
                loop {
                    match tick_rx.recv_timeout(TICK) {
                        Ok(true) => started = Instant::now(),
                        Ok(false) | Err(mpsc::RecvTimeoutError::Disconnected) => return None,
                        Err(mpsc::RecvTimeoutError::Timeout) => {}
                    }
                    let heard = files.as_ref().and_then(SpeechFiles::read);
                    if let Some(files) = &files {
                        files.collect(keep);
                    }
                    if heard.is_some() && heard != reported {
                        if let Some((done, of)) = heard {
                            progress(done, of);
                        }
                        reported = heard;
                    }
                    let why = if cancel.load(Ordering::Relaxed) {
                        match (&files, stop_asked) {
                            // A transcription under way is asked to stop
                            // and answer with what it heard.
                            (Some(files), None) if heard.is_some() => {
                                let _ = crate::private::write_file(&files.stop, b"cancelled");
                                stop_asked = Some(Instant::now());
                                continue;
                            }
                            (_, Some(asked)) if asked.elapsed() < STOP_GRACE => continue,
                            _ => Failure::Cancelled,
                        }
                    } else if started.elapsed() > limit {
                        Failure::TimedOut(limit)
                    } else {
                        continue;
                    };
                    if let Ok(mut child) = child.lock() {
                        let _ = child.kill();
                    }
                    return Some(why);
                }
            });
            let answered = (|| -> std::io::Result<bool> {
                protocol::send_job(&mut running.stdin, job, data)?;
                loop {
                    let Some(reply) = protocol::receive::<Reply>(&mut running.stdout)? else {
                        return Ok(false);
                    };
                    let _ = tick_tx.send(true);
                    if on_reply(reply).is_break() {
                        return Ok(true);
                    }
                }
            })();
            let _ = tick_tx.send(false);
            stopped_by = watchdog.join().ok().flatten();
            answered
        });
        if let Some(OwnSpeechFiles(files)) = running.speech.as_ref().filter(|_| hears) {
            // Parts finished just before the answer are kept too.
            files.collect(speech.keep);
            files.clear();
        }
        match answered {
            Ok(true) => {
                if stopped_by.is_some() {
                    // Killed just as it answered: start afresh next time.
                    self.running = None;
                }
                Ok(())
            }
            _ => {
                let running = self.running.take();
                Err(stopped_by.unwrap_or_else(|| died(running, spec.limits.memory)))
            }
        }
    }
}

fn start(spec: &WorkerSpec) -> std::io::Result<Running> {
    let mut command = Command::new(&spec.program);
    command
        .arg(WORKER_FLAG)
        .arg("--memory")
        .arg(spec.limits.memory.to_string())
        .arg("--parent")
        .arg(std::process::id().to_string())
        .env("MALLOC_ARENA_MAX", "2")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(tmp) = &spec.tmp {
        // Private like the rest of the case: what a worker writes there
        // may be decoded pages of the documents.
        crate::private::make_dir(tmp).map_err(|e| std::io::Error::other(e.to_string()))?;
        command.env("TMPDIR", tmp);
    }
    // The speech helper's files, unless the environment names its own.
    static WORKERS: AtomicU64 = AtomicU64::new(0);
    let speech = [
        SPEECH_PROGRESS_ENV,
        SPEECH_STOP_ENV,
        SPEECH_PARTS_ENV,
        SPEECH_DONE_ENV,
    ]
    .iter()
    .all(|name| std::env::var_os(name).is_none())
    .then(|| {
        // Absolute: the speech helper runs in a folder of its own.
        let dir = spec.tmp.clone().unwrap_or_else(std::env::temp_dir);
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        let name = format!(
            "speech-{}-{}",
            std::process::id(),
            WORKERS.fetch_add(1, Ordering::Relaxed)
        );
        SpeechFiles::named(&dir, &name)
    });
    if let Some(files) = &speech {
        command
            .env(SPEECH_PROGRESS_ENV, &files.progress)
            .env(SPEECH_STOP_ENV, &files.stop)
            .env(SPEECH_PARTS_ENV, &files.parts)
            .env(SPEECH_DONE_ENV, &files.done);
    }
    if std::env::var(TEST_HOOKS_ENV).is_ok_and(|v| v == "1") {
        command.env(TEST_HOOKS_ENV, "1");
    }
    let mut child = command.spawn()?;
    let (Some(stdin), Some(stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        return Err(std::io::Error::other("the worker's pipes are missing"));
    };
    let tail = Arc::new(Mutex::new(Vec::new()));
    let keep = tail.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n) = stderr.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut kept) = keep.lock() {
                kept.extend_from_slice(&buf[..n]);
                let excess = kept.len().saturating_sub(STDERR_TAIL);
                kept.drain(..excess);
            }
        }
    });
    Ok(Running {
        speech: speech.map(OwnSpeechFiles),
        child: Arc::new(Mutex::new(child)),
        stdin: BufWriter::new(stdin),
        stdout: BufReader::new(stdout),
        stderr: tail,
    })
}

/// Why a worker that stopped answering is gone.
fn died(running: Option<Running>, memory: u64) -> Failure {
    let Some(running) = running else {
        return Failure::Crashed("no worker".into());
    };
    drop(running.stdin);
    let status = running
        .child
        .lock()
        .ok()
        .and_then(|mut child| wait_briefly(&mut child));
    // The stderr thread ends with the process; give it a moment to drain.
    std::thread::sleep(Duration::from_millis(20));
    let stderr = running
        .stderr
        .lock()
        .map(|s| String::from_utf8_lossy(&s).into_owned())
        .unwrap_or_default();
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        return Failure::OutOfMemory(memory);
    }
    let how = match status {
        Some(status) => describe(status),
        None => "it stopped answering".to_string(),
    };
    Failure::Crashed(how)
}

fn wait_briefly(child: &mut Child) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    child.wait().ok()
}

fn describe(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => "aborted".to_string(),
                9 => "killed".to_string(),
                11 => "segmentation fault".to_string(),
                other => format!("signal {other}"),
            };
            return name;
        }
    }
    format!("exit status {}", status.code().unwrap_or(-1))
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            drop(running.stdin);
            if let Ok(mut child) = running.child.lock() {
                let _ = wait_briefly(&mut child);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpeechFiles;

    #[test]
    fn the_speech_helpers_progress_is_read_and_nonsense_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let files = SpeechFiles::named(dir.path(), "worker");
        assert_eq!(files.read(), None, "no transcription under way");
        std::fs::write(&files.progress, "12.5 60.0").unwrap();
        assert_eq!(files.read(), Some((12.5, 60.0)));
        std::fs::write(&files.progress, "12.5").unwrap();
        assert_eq!(files.read(), None);
        std::fs::write(&files.progress, "NaN 3").unwrap();
        assert_eq!(files.read(), None);
        std::fs::write(&files.stop, "x").unwrap();
        files.clear();
        assert!(!files.progress.exists() && !files.stop.exists());
    }

    #[test]
    fn finished_parts_are_handed_over_in_order_once_and_earlier_ones_given() {
        let dir = tempfile::tempdir().unwrap();
        let files = SpeechFiles::named(dir.path(), "worker");
        files.prepare(b"[{}]");
        assert_eq!(std::fs::read(&files.done).unwrap(), b"[{}]");
        std::fs::write(files.parts.join("0-0001.json"), "b").unwrap();
        std::fs::write(files.parts.join("0-0000.json"), "a").unwrap();
        std::fs::write(files.parts.join("0-0002.json.part"), "half").unwrap();
        let kept = std::sync::Mutex::new(Vec::new());
        let keep = |name: &str, bytes: &[u8]| {
            kept.lock()
                .unwrap()
                .push(format!("{name}={}", String::from_utf8_lossy(bytes)));
        };
        files.collect(&keep);
        files.collect(&keep);
        assert_eq!(*kept.lock().unwrap(), ["0-0000.json=a", "0-0001.json=b"]);
        files.prepare(b"");
        assert!(!files.done.exists());
        assert!(!files.parts.join("0-0002.json.part").exists());
        std::fs::write(files.parts.join("0-0003.json"), "c").unwrap();
        files.clear();
        assert_eq!(
            std::fs::read_dir(&files.parts).unwrap().count(),
            0,
            "between jobs the parts folder is emptied and kept"
        );
        files.remove();
        assert!(!files.parts.exists(), "a worker's end removes its folder");
    }
}

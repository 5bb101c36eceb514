//! The outside programs behind audio — FFmpeg's `ffprobe` and `ffmpeg`
//! (Debian `ffmpeg`) and the speech helper (Python with faster-whisper) —
//! each run under `prlimit` with a memory cap and no core dumps, killed
//! when its time is up, like Tesseract and `heif-convert`, and killed with
//! the process that started it (`setpriv --pdeathsig`).
//! Their output goes to files, never to pipes, so a chatty program cannot
//! block on a full pipe while we wait for it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::process::wait_with_timeout;

/// Put before every `-i`: FFmpeg may read local files only, and only with
/// the demuxers of the recordings Disclose knows — never a playlist
/// (HLS, concat) that would make it open other files or the network.
pub const INPUT_GUARD: [&str; 4] = [
    "-protocol_whitelist",
    "file",
    "-format_whitelist",
    "wav,mp3,mov,ogg,flac,asf,amr,aac",
];

/// Address space for one FFmpeg or speech process: enough for Whisper
/// tiny or base, far below the machine.
const MEMORY: u64 = 1 << 30;

/// A program to run, with the Debian package that brings it.
pub struct Tool {
    pub program: PathBuf,
    pub package: &'static str,
}

impl Tool {
    pub fn ffmpeg() -> Tool {
        Tool {
            program: "ffmpeg".into(),
            package: "Debian package ffmpeg",
        }
    }

    pub fn ffprobe() -> Tool {
        Tool {
            program: "ffprobe".into(),
            package: "Debian package ffmpeg",
        }
    }

    /// The Python that has faster-whisper and the model:
    /// `DISCLOSE_SPEECH_PYTHON`, else `disclose-speech/bin/python` in the
    /// user's cache folder (`$XDG_CACHE_HOME`, `~/.cache`) where it
    /// exists, else `python3`.
    pub fn speech() -> Tool {
        let program = std::env::var_os("DISCLOSE_SPEECH_PYTHON")
            .map(PathBuf::from)
            .or_else(|| {
                let cache = std::env::var_os("XDG_CACHE_HOME")
                    .map(PathBuf::from)
                    .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
                let venv = cache.join("disclose-speech/bin/python");
                venv.exists().then_some(venv)
            })
            .unwrap_or_else(|| "python3".into());
        Tool {
            program,
            package: "the speech model: faster-whisper and Whisper base from PyPI, see the README",
        }
    }

    /// Runs the program with `args` for at most `limit`; its standard
    /// output is returned. The error names the program and says why.
    pub fn run(
        &self,
        args: &[&std::ffi::OsStr],
        limit: Duration,
        dir: &Path,
    ) -> Result<Vec<u8>, String> {
        let name = self
            .program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out_path = dir.join(format!("{name}.out"));
        let err_path = dir.join(format!("{name}.err"));
        let out = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
        let err = std::fs::File::create(&err_path).map_err(|e| e.to_string())?;
        // setpriv: the program dies with the process that started it (an
        // import worker killed at its time limit or on cancel leaves no
        // FFmpeg or speech helper behind); prlimit: its memory cap.
        let child = Command::new("setpriv")
            .args(["--pdeathsig", "KILL", "--", "prlimit"])
            .arg(format!("--as={}", memory_cap()))
            .arg("--core=0")
            .arg("--")
            .arg(&self.program)
            .args(args)
            .env("HF_HUB_OFFLINE", "1")
            .env("OMP_NUM_THREADS", "2")
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("setpriv and prlimit (util-linux) could not start {name}: {e}"))?;
        let status = wait_with_timeout(child, &name, limit);
        let stderr = std::fs::read(&err_path).unwrap_or_default();
        if let Err(why) = status {
            return Err(format!("{why}{}", last_line(&stderr, self.package)));
        }
        std::fs::read(&out_path).map_err(|e| e.to_string())
    }
}

/// The last line of what a failed program said, or the package to
/// install when it was not found.
fn last_line(stderr: &[u8], package: &str) -> String {
    let text = String::from_utf8_lossy(stderr);
    if [
        "failed to execute",
        "No module named",
        "no speech model installed",
    ]
    .iter()
    .any(|said| text.contains(said))
    {
        return format!(": not installed ({package})");
    }
    text.lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| format!(": {}", l.chars().take(300).collect::<String>()))
        .unwrap_or_default()
}

/// [`MEMORY`], or less when this process is already capped (a worker),
/// since a child can never be given more than its parent's hard limit.
fn memory_cap() -> u64 {
    let limit = rustix::process::getrlimit(rustix::process::Resource::As);
    match limit.maximum {
        Some(max) => MEMORY.min(max),
        None => MEMORY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_python_module_names_the_package() {
        let said = last_line(
            b"Traceback\nModuleNotFoundError: No module named 'faster_whisper'\n",
            "pkg X",
        );
        assert_eq!(said, ": not installed (pkg X)");
        assert_eq!(
            last_line(b"first\nInvalid data found\n\n", "p"),
            ": Invalid data found"
        );
    }
}

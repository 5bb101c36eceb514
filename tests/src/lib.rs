//! Helpers for the acceptance tests: run the real `disclose` binary against
//! a throw-away home, and build self-made fixture files (emails, archives,
//! office documents, PDFs) in code, deterministically.

pub mod adversarial;
pub mod detect_eval;
pub mod fuzz;
pub mod govuk;
pub mod hostile;
pub mod pst;
pub mod turned;

pub use disclose_core::demo::formats as fixtures;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `disclose` binary built beside the test executable
/// (`target/<profile>/disclose`). `.ci/test` builds it before the tests.
pub fn disclose_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    let bin = profile_dir.join(format!("disclose{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: build it first with `cargo build -p disclose-cli` (the README's test command does)",
        bin.display()
    );
    bin
}

/// A `disclose` with its own empty home directory.
pub struct Disclose {
    pub home: tempfile::TempDir,
}

/// What one run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Default for Disclose {
    fn default() -> Self {
        Disclose::new()
    }
}

impl Disclose {
    pub fn new() -> Disclose {
        Disclose {
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(disclose_binary());
        cmd.env("DISCLOSE_HOME", self.home.path())
            .env_remove("RUST_BACKTRACE");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out = self.command().args(args).output().expect("run disclose");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs with `--json` and parses the output.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        self.run(&all).json()
    }

    /// Creates a case for Jane Anne Smith with a full set of identifiers.
    pub fn new_case(&self, reference: &str) {
        self.run(&[
            "case",
            "new",
            "--ref",
            reference,
            "--subject",
            "Jane Anne Smith",
            "--received",
            "2026-03-03",
            "--alias",
            "Jane Brown",
            "--dob",
            "1985-03-04",
            "--postcode",
            "sk1 1aa",
            "--ni",
            "AB 12 34 56 C",
            "--phone",
            "0161 496 0000",
            "--email",
            "jane.smith@example.com",
            "--account-ref",
            "TEN-004417",
            "--address",
            "12 Acacia Avenue, Stockport",
        ])
        .ok();
    }

    /// Decides every item of a case: the unreadable ones not relevant, the
    /// rest disclosed. Returns the items as `disclose items --json` lists them.
    pub fn disclose_all(&self, reference: &str) -> serde_json::Value {
        self.run(&["decide", "--case", reference, "--all", "--as", "disclose"])
            .ok();
        let items = self.json(&["items", "--case", reference]);
        for item in items.as_array().expect("items").iter() {
            if item["status"] == "failed" {
                let id = item["id"].to_string();
                self.run(&[
                    "decide",
                    "--case",
                    reference,
                    "--item",
                    &id,
                    "--as",
                    "not-relevant",
                ])
                .ok();
            }
        }
        items
    }

    pub fn case_dir(&self, reference: &str) -> PathBuf {
        self.home.path().join("cases").join(reference)
    }
}

/// The shared corpus beside the project, if present.
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.is_dir()
        .then(|| dir.canonicalize().expect("corpus path"))
}

/// The process's peak resident memory so far, in KiB (Linux; 0 elsewhere).
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// For benchmarks: a fresh case `reference` in `home`, and `paths`
/// imported into it with OCR deferred. Returns the case, what the import
/// did and how many seconds it took.
pub fn bench_import(
    home: &disclose_core::case::Home,
    reference: &str,
    paths: &[PathBuf],
) -> (
    disclose_core::case::CaseFolder,
    disclose_core::ingest::ImportSummary,
    f64,
) {
    use disclose_core::case::{Case, CaseFolder};
    use disclose_core::ingest::{self, ImportOptions, NoProgress};
    let received = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).expect("date");
    let case = Case::new(reference, "Daniel Okoro", received).expect("case");
    let mut folder = CaseFolder::create(home, &case, "2026-03-03T00:00:00Z").expect("case folder");
    let mut options = ImportOptions::new("bench", "2026-03-03T00:00:00Z");
    options.ocr = false;
    let start = std::time::Instant::now();
    let summary = ingest::import(
        &mut folder,
        paths,
        &options,
        &NoProgress,
        &std::sync::atomic::AtomicBool::new(false),
    )
    .expect("import");
    (folder, summary, start.elapsed().as_secs_f64())
}

//! Test scaffolding, kept out of the engine (a dev-only crate): run the
//! real `disclose` binary against a throw-away home ([`disclose!`]), build
//! self-made fixture files (emails, archives, office documents, PDFs,
//! Outlook mailboxes) in code, deterministically, generate labelled
//! documents and score detection against them ([`labelled`]), and the fuzz
//! targets. The acceptance tests are `disclose-cli`'s
//! (`src-tauri/crates/disclose-cli/tests/acceptance/`), so Cargo builds the
//! binary for them.

pub mod adversarial;
pub mod bulk;
pub mod calls;
pub mod cctv;
pub mod detect_eval;
pub mod fuzz;
pub mod govuk;
pub mod hostile;
pub mod labelled;
pub mod ner_text;
pub mod pst;
pub mod scale;
pub mod timed;
pub mod tools;
pub mod turned;
mod writers;
pub mod written_sets;

/// Every fixture writer: the demo's (`disclose_core::demo::formats`) and
/// those only the tests need.
pub mod fixtures {
    pub use crate::writers::{pptx, scan_jpeg, scanned_pdf};
    pub use disclose_core::demo::formats::*;
}

use std::path::{Path, PathBuf};
use std::process::Command;

/// A [`Disclose`] with a fresh home, running the `disclose` binary Cargo
/// built for the calling test or bench. Only the tests and benches of
/// `disclose-cli`, the package that owns the binary, may call it: Cargo
/// builds the binary before them and names it in `CARGO_BIN_EXE_disclose`.
#[macro_export]
macro_rules! disclose {
    () => {
        $crate::Disclose::new(env!("CARGO_BIN_EXE_disclose"))
    };
}

/// [`disclose!`], run as an ordinary user (see [`Disclose::unprivileged`]).
#[macro_export]
macro_rules! disclose_unprivileged {
    () => {
        $crate::Disclose::unprivileged(env!("CARGO_BIN_EXE_disclose"))
    };
}

/// `binary` where `nobody` can run it: the build folder may sit
/// in root's home (CI's `CARGO_TARGET_DIR`), which others cannot enter. A
/// hard link (or a copy) in a shared folder, one per test process; links
/// left by finished test processes are removed.
fn binary_for_nobody(binary: &Path) -> PathBuf {
    static SHARED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SHARED
        .get_or_init(|| {
            use std::os::unix::fs::PermissionsExt;
            let dir = std::env::temp_dir().join("disclose-for-nobody");
            std::fs::create_dir_all(&dir).expect("shared binary folder");
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755))
                .expect("open the shared binary folder");
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let alive = name
                    .strip_prefix("disclose-")
                    .is_some_and(|pid| Path::new("/proc").join(pid).exists());
                if !alive {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
            let shared = dir.join(format!("disclose-{}", std::process::id()));
            let source = binary;
            if std::fs::hard_link(source, &shared).is_err() {
                std::fs::copy(source, &shared).expect("copy the binary for nobody");
            }
            std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755))
                .expect("make the binary runnable by nobody");
            shared
        })
        .clone()
}

/// A `disclose` with its own empty home directory.
pub struct Disclose {
    pub home: tempfile::TempDir,
    /// Run as this unprivileged user (`nobody`) when the tests run as root.
    unprivileged: bool,
    /// The `disclose` program run.
    binary: PathBuf,
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

impl Disclose {
    /// `binary` with a fresh home; see [`disclose!`].
    pub fn new(binary: impl Into<PathBuf>) -> Disclose {
        Disclose {
            home: private_tempdir(),
            unprivileged: false,
            binary: binary.into(),
        }
    }

    /// A `disclose` that runs as an ordinary user: as `nobody` (through
    /// `setpriv`, with the common umask 022) when the tests run as root,
    /// else as the user running them. The home is a fresh folder that user
    /// owns.
    pub fn unprivileged(binary: impl Into<PathBuf>) -> Disclose {
        let home = private_tempdir();
        let root = is_root();
        if root {
            std::os::unix::fs::chown(home.path(), Some(NOBODY), Some(NOGROUP))
                .expect("chown the home to nobody");
        }
        Disclose {
            home,
            unprivileged: root,
            binary: binary.into(),
        }
    }

    pub fn command(&self) -> Command {
        let mut cmd = if self.unprivileged {
            let mut cmd = Command::new("setpriv");
            cmd.args([
                &format!("--reuid={NOBODY}"),
                &format!("--regid={NOGROUP}"),
                "--clear-groups",
                "--",
                "/bin/sh",
                "-c",
                "umask 022 && exec \"$0\" \"$@\"",
            ])
            .arg(binary_for_nobody(&self.binary));
            cmd
        } else {
            Command::new(&self.binary)
        };
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

    /// The texts of the findings of one `kind` in `text` (see
    /// [`Disclose::detect_text`]).
    pub fn detect_kind(&self, text: &str, kind: &str) -> Vec<String> {
        self.detect_text(text)
            .into_iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, t)| t)
            .collect()
    }

    /// (kind, text) of each finding of `disclose detect FILE --json` for
    /// one text, each checked to be the text at its byte offsets.
    pub fn detect_text(&self, text: &str) -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("note.txt");
        std::fs::write(&file, text).unwrap();
        let out = self.run(&["--json", "detect", file.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{out:?}");
        let line = out.json();
        line["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let (start, end) = (
                    f["start"].as_u64().unwrap() as usize,
                    f["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[start..end], f["text"].as_str().unwrap());
                (
                    f["kind"].as_str().unwrap().to_string(),
                    text[start..end].to_string(),
                )
            })
            .collect()
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

    /// Imports the folder `dir` into case `reference`; the import must succeed.
    pub fn import_folder(&self, reference: &str, dir: &Path) {
        let dir = dir.to_str().expect("a UTF-8 path");
        self.run(&["import", "--case", reference, dir]).ok();
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

    /// The marks of case `reference` whose status is `status`, as
    /// `redact --list --status` gives them in JSON.
    pub fn marks(&self, reference: &str, status: &str) -> serde_json::Value {
        self.json(&["redact", "--case", reference, "--list", "--status", status])
    }

    /// The id of the item of case `reference` whose path ends with `end`.
    pub fn item_id(&self, reference: &str, end: &str) -> String {
        let items = self.json(&["items", "--case", reference]);
        items
            .as_array()
            .expect("a list of items")
            .iter()
            .find(|i| i["path"].as_str().is_some_and(|p| p.ends_with(end)))
            .map(|i| i["id"].to_string())
            .unwrap_or_else(|| panic!("no item ending {end:?}: {items}"))
    }

    /// The text of each mark of case `reference` that `redact --list`
    /// gives with the `filters` added (`["--status", "accepted"]`).
    pub fn mark_texts(&self, reference: &str, filters: &[&str]) -> Vec<String> {
        let mut args = vec!["redact", "--case", reference, "--list"];
        args.extend_from_slice(filters);
        let marks = self.json(&args);
        marks["marks"]
            .as_array()
            .expect("a list of marks")
            .iter()
            .filter_map(|m| m["text"].as_str().map(str::to_string))
            .collect()
    }

    /// Redacts `term` everywhere in case `reference` as a third party's
    /// data (`redact --term … --everywhere`); returns how many places were
    /// marked.
    pub fn redact_everywhere(&self, reference: &str, term: &str) -> u64 {
        let marked = self
            .run(&[
                "--json",
                "redact",
                "--case",
                reference,
                "--term",
                term,
                "--everywhere",
                "--reason",
                "third-party",
            ])
            .ok()
            .json();
        marked["count"].as_u64().expect("a count of marks")
    }

    /// Makes the demo landlord's organisation profile the home's, so a
    /// case can be exported.
    pub fn set_demo_profile(&self) {
        let template = self.run(&["profile", "template"]).ok().stdout;
        let profile = self.home.path().join("org.json");
        std::fs::write(&profile, template).expect("write the profile");
        self.run(&["profile", "set", profile.to_str().expect("a UTF-8 path")])
            .ok();
    }

    pub fn case_dir(&self, reference: &str) -> PathBuf {
        self.home.path().join("cases").join(reference)
    }

    /// Keeps the home after this runner is dropped, for a look afterwards;
    /// its path.
    pub fn keep(self) -> PathBuf {
        self.home.keep()
    }
}

/// A temporary home, private (0700) as Disclose makes the homes it creates.
fn private_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp home");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))
        .expect("home mode");
    dir
}

/// The user and group ids of `nobody`/`nogroup` on Debian.
pub const NOBODY: u32 = 65534;
pub const NOGROUP: u32 = 65534;

/// Whether the tests run as root (then files are made and chowned for
/// `nobody`).
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().expect("temp file");
    probe.as_file().metadata().expect("metadata").uid() == 0
}

/// Makes `path` (a fixture folder or file) readable by `nobody` when the
/// tests run as root.
pub fn share_with_nobody(path: &Path) {
    if !is_root() {
        return;
    }
    for entry in walk_all(path) {
        std::os::unix::fs::chown(&entry, Some(NOBODY), Some(NOGROUP)).expect("chown fixture");
    }
}

fn walk_all(path: &Path) -> Vec<PathBuf> {
    let mut out = vec![path.to_path_buf()];
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("read fixture dir") {
            out.extend(walk_all(&entry.expect("entry").path()));
        }
    }
    out
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

/// The resident memory of `pid` and all its descendants, in KiB.
pub fn tree_rss_kb(pid: u32) -> u64 {
    let mut parent_of: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
        if let Some(ppid) = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse().ok())
        {
            parent_of.insert(child, ppid);
        }
    }
    let in_tree = |mut p: u32| {
        while p > 1 {
            if p == pid {
                return true;
            }
            p = parent_of.get(&p).copied().unwrap_or(0);
        }
        false
    };
    parent_of
        .keys()
        .filter(|&&p| in_tree(p))
        .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/status")).ok())
        .filter_map(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        })
        .sum()
}

/// For benchmarks: acting in `home` as "bench", the clock stopped at
/// 2026-03-03 00:00 UTC.
pub fn bench_context(home: &disclose_core::case::Home) -> disclose_core::Context {
    disclose_core::Context::new(home.clone())
        .acting_as("bench")
        .at("2026-03-03T00:00:00Z")
        .expect("time")
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
    let mut folder = CaseFolder::create(&bench_context(home), &case).expect("case folder");
    let options = ImportOptions {
        ocr: false,
        ..ImportOptions::default()
    };
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

/// Bytes of the files under `dir`, all the way down (0 for what cannot
/// be read).
pub fn size_on_disk(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                size_on_disk(&path)
            } else {
                entry.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}

/// For benchmarks: `rounds` passes of `queries` over an open case (the
/// first 20 results with snippets, not logged), each search's time in
/// milliseconds, sorted.
pub fn search_latencies_ms(
    folder: &disclose_core::case::CaseFolder,
    queries: &[&str],
    rounds: usize,
) -> Vec<f64> {
    use disclose_core::search::{self, SearchRequest};
    let mut latencies = Vec::new();
    for _ in 0..rounds {
        for q in queries {
            let request = SearchRequest {
                log: false,
                ..SearchRequest::new(q)
            };
            let t = std::time::Instant::now();
            let results = search::search(folder, &request).expect("search");
            latencies.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(results);
        }
    }
    latencies.sort_by(f64::total_cmp);
    latencies
}

/// The `p` quantile (0 to 1) of figures sorted in ascending order.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Wall time of a fresh `recollindex` over `dir` (the peer the benches
/// compare imports with), if Recoll is installed.
pub fn recoll_seconds(dir: &Path) -> Option<f64> {
    timed::recollindex(dir).map(|t| t.wall)
}

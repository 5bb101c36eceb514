//! No file can stop a case: every reader runs in a worker process with a
//! time and memory limit, so hostile files (bombs, loops, deep nesting,
//! huge length claims) and files that make a worker hang, abort or
//! allocate without bound each become an item with a reason, while the
//! ordinary files beside them import as usual. A killed import resumes,
//! storing every file once, and a file in flight when two runs died is
//! not tried a third time.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use disclose_fixtures::{disclose, hostile, tree_rss_kb, Disclose};
use serde_json::Value;

fn write_set(dir: &Path) -> (Vec<String>, Vec<(String, String)>) {
    let mut hostile_names = Vec::new();
    for (name, bytes) in hostile::files() {
        fs::write(dir.join(&name), bytes).unwrap();
        hostile_names.push(name);
    }
    let mut ordinary = Vec::new();
    for (name, bytes, word) in hostile::ordinary() {
        fs::write(dir.join(&name), bytes).unwrap();
        ordinary.push((name, word));
    }
    (hostile_names, ordinary)
}

/// Top-level items by file name.
fn top_items(d: &Disclose, case: &str) -> HashMap<String, Vec<Value>> {
    let items = d.json(&["items", "--case", case]);
    let mut by_name: HashMap<String, Vec<Value>> = HashMap::new();
    for item in items.as_array().unwrap() {
        // Paths start with the imported folder's name.
        let path = item["path"].as_str().unwrap();
        let inside = path.split_once('/').map_or(path, |(_, rest)| rest);
        if !inside.contains('/') {
            by_name
                .entry(inside.to_string())
                .or_default()
                .push(item.clone());
        }
    }
    by_name
}

fn spawn_import(d: &Disclose, case: &str, dir: &Path, extra: &[&str]) -> Child {
    let mut args = vec!["--json", "import", "--case", case, dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    d.command()
        .args(&args)
        .env("DISCLOSE_TEST_HOOKS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start disclose import")
}

#[test]
fn hostile_files_cannot_stop_an_import_or_take_its_memory() {
    let d = disclose!();
    d.new_case("H");
    let earlier = tempfile::tempdir().unwrap();
    fs::write(
        earlier.path().join("before.txt"),
        "Stored earlier storedbeforeword",
    )
    .unwrap();
    d.run(&["import", "--case", "H", earlier.path().to_str().unwrap()])
        .ok();

    let input = tempfile::tempdir().unwrap();
    let (hostile_names, ordinary) = write_set(input.path());
    assert!(hostile_names.len() >= 20);

    let mut child = spawn_import(
        &d,
        "H",
        input.path(),
        &["--file-timeout", "30s", "--file-memory", "400MiB"],
    );
    let pid = child.id();
    let mut peak_kb = 0;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        peak_kb = peak_kb.max(tree_rss_kb(pid));
        assert!(
            started.elapsed() < Duration::from_secs(900),
            "the import never finished"
        );
        std::thread::sleep(Duration::from_millis(25));
    };
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        status.code(),
        Some(2),
        "the import finishes, some items failed\n{stdout}\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let summary: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        summary["inputs"].as_u64().unwrap() as usize,
        hostile_names.len() + ordinary.len()
    );
    println!(
        "peak resident memory of the import and its workers: {} MiB",
        peak_kb / 1024
    );
    assert!(
        peak_kb < 1024 * 1024,
        "the import and its workers peaked at {} MiB",
        peak_kb / 1024
    );

    let items = top_items(&d, "H");
    assert_eq!(
        items["before.txt"].len(),
        1,
        "nothing stored earlier is lost"
    );
    for (name, word) in &ordinary {
        assert_eq!(
            items[name][0]["status"], "ok",
            "{name}: {:?}",
            items[name][0]
        );
        let hits = d.json(&["search", "--case", "H", word])["hits"]
            .as_u64()
            .unwrap();
        assert!(hits >= 1, "{word} from {name} is searchable");
    }
    for name in &hostile_names {
        let item = &items
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not an item"))[0];
        let status = item["status"].as_str().unwrap();
        println!(
            "{name}: {status} — {}",
            item["reason"].as_str().unwrap_or("")
        );
        assert!(
            ["ok", "partial", "failed"].contains(&status),
            "{name}: {status}"
        );
        if status != "ok" {
            let reason = item["reason"].as_str().unwrap_or("");
            assert!(!reason.is_empty(), "{name} is {status} without a reason");
        }
    }
    let reason = |name: &str| items[name][0]["reason"].as_str().unwrap_or("").to_string();
    let status = |name: &str| items[name][0]["status"].as_str().unwrap().to_string();
    assert_eq!(status("hang.bin"), "failed");
    assert!(
        reason("hang.bin").contains("stopped after 30 s"),
        "{}",
        reason("hang.bin")
    );
    assert_eq!(status("abort.bin"), "failed");
    assert!(
        reason("abort.bin").contains("crashed"),
        "{}",
        reason("abort.bin")
    );
    assert_eq!(status("alloc.bin"), "failed");
    assert!(
        reason("alloc.bin").contains("needed more than 400 MiB"),
        "{}",
        reason("alloc.bin")
    );
    assert_ne!(
        status("far-corner.xlsx"),
        "failed",
        "{}",
        reason("far-corner.xlsx")
    );
    for word in ["farcornerfirst", "farcornerlast", "storedbeforeword"] {
        let hits = d.json(&["search", "--case", "H", word])["hits"]
            .as_u64()
            .unwrap();
        assert_eq!(hits, 1, "{word}");
    }
    assert_eq!(status("pixel-bomb.png"), "partial");
    assert!(
        reason("pixel-bomb.png").contains("60000 × 60000 pixels"),
        "{}",
        reason("pixel-bomb.png")
    );
    let hits = d.json(&["search", "--case", "H", "bombmailword"])["hits"]
        .as_u64()
        .unwrap();
    assert_eq!(hits, 1, "the e-mail around a bomb is still read");
}

/// Whether process `pid` is still running (a zombie is not).
fn alive(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
        .is_some_and(|zombie| !zombie)
}

/// The processes whose parent is `pid`.
fn children_of(pid: u32) -> Vec<u32> {
    fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let child = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let stat = fs::read_to_string(e.path().join("stat")).ok()?;
            let ppid: u32 = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            (ppid == pid).then_some(child)
        })
        .collect()
}

/// Waits until the case's journal shows `name` in flight for the
/// `attempt`th time.
fn wait_in_flight(d: &Disclose, case: &str, name: &str, attempt: u32, child: &mut Child) {
    let journal = d.case_dir(case).join("journal");
    let started = Instant::now();
    loop {
        let in_flight = fs::read_dir(&journal)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                fs::read_to_string(e.path()).is_ok_and(|text| {
                    text.contains(name) && text.lines().next() == Some(&attempt.to_string())
                })
            });
        if in_flight {
            return;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before {name} was read"
        );
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "{name} never went in flight"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_killed_import_resumes_stores_every_file_once_and_gives_up_on_a_poison_file() {
    let d = disclose!();
    d.new_case("K");
    let input = tempfile::tempdir().unwrap();
    let (hostile_names, ordinary) = write_set(input.path());
    let total = hostile_names.len() + ordinary.len();

    // Twice, the whole import is killed while a worker is stuck on hang.bin.
    for attempt in 1..=2 {
        let mut child = spawn_import(&d, "K", input.path(), &["--file-timeout", "600s"]);
        wait_in_flight(&d, "K", "hang.bin", attempt, &mut child);
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        let mut workers = children_of(child.id());
        while workers.is_empty() && started.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(50));
            workers = children_of(child.id());
        }
        assert!(!workers.is_empty(), "the import reads in worker processes");
        child.kill().unwrap();
        child.wait().unwrap();
        // No worker outlives its killed parent.
        let started = Instant::now();
        while workers.iter().any(|&w| alive(w)) {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "a worker outlived the import"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let run = d
        .command()
        .args([
            "--json",
            "import",
            "--case",
            "K",
            input.path().to_str().unwrap(),
        ])
        .args(["--file-timeout", "5s", "--file-memory", "400MiB"])
        .env("DISCLOSE_TEST_HOOKS", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(2),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let items = top_items(&d, "K");
    assert_eq!(
        items.len(),
        total,
        "every input is an item: {:?}",
        items.keys()
    );
    for (name, copies) in &items {
        assert_eq!(copies.len(), 1, "{name} is stored once");
    }
    let hang = &items["hang.bin"][0];
    assert_eq!(hang["status"], "failed");
    assert!(
        hang["reason"].as_str().unwrap().contains("stopped twice"),
        "a file in flight when two runs died is not tried again: {hang}"
    );
    for (name, _) in &ordinary {
        assert_eq!(items[name][0]["status"], "ok", "{name}");
    }
}

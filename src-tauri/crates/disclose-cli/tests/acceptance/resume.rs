//! A killed import, re-run with the same inputs, finishes the job with no
//! duplicates and no loss.

use std::fs;
use std::time::{Duration, Instant};

use disclose_fixtures::disclose;

fn count_files(dir: &std::path::Path) -> usize {
    walk(dir).len()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn a_killed_import_resumes_without_duplicates_or_loss() {
    const FILES: usize = 3000;
    let d = disclose!();
    d.new_case("R");
    let input = tempfile::tempdir().unwrap();
    for i in 0..FILES {
        let sub = input.path().join(format!("batch{:02}", i / 100));
        fs::create_dir_all(&sub).unwrap();
        fs::write(
            sub.join(format!("note{i:05}.txt")),
            format!("resume note number token{i:05}x {}", "filler ".repeat(200)),
        )
        .unwrap();
    }
    let originals = d.case_dir("R").join("originals");
    let mut child = d
        .command()
        .args([
            "import",
            "--case",
            "R",
            "--workers",
            "1",
            input.path().to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while count_files(&originals) < 200 && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed_early = child.try_wait().unwrap().is_none();
    child.kill().ok();
    child.wait().unwrap();
    eprintln!(
        "killed mid-import: {killed_early}, originals so far: {}",
        count_files(&originals)
    );

    let summary = d.json(&["import", "--case", "R", input.path().to_str().unwrap()]);
    assert_eq!(summary["inputs"], FILES as u64);
    assert_eq!(
        summary["already_imported"].as_u64().unwrap() + summary["items"].as_u64().unwrap(),
        FILES as u64,
        "{summary:#}"
    );
    let items = d.json(&["items", "--case", "R"]);
    assert_eq!(items.as_array().unwrap().len(), FILES);
    let all = d.json(&["search", "--case", "R", "resume", "--limit", "1"]);
    assert_eq!(all["hits"], FILES as u64, "every file indexed exactly once");
    for i in [0, 1, FILES / 2, FILES - 1] {
        let r = d.json(&["search", "--case", "R", &format!("token{i:05}x")]);
        assert_eq!(r["hits"], 1, "token{i:05}x");
    }
    // A third run finds nothing left to do.
    let again = d.json(&["import", "--case", "R", input.path().to_str().unwrap()]);
    assert_eq!(again["items"], 0);
    assert_eq!(again["already_imported"], FILES as u64);
}

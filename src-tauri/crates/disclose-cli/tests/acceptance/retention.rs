//! Retention: a case is purged only once closed and past its retention
//! period; then nothing of it is left but a minimal record. Purge runs as
//! an ordinary user (`nobody` when the suite runs as root), whose originals
//! are read-only, and completes even when killed part-way. It covers the
//! case's temporary files (`tmp/`) and import journal (`journal/`).

use std::io::BufRead;
use std::path::Path;
use std::process::Stdio;

use disclose_fixtures::{disclose_unprivileged, fixtures, share_with_nobody, Disclose};

#[test]
fn a_closed_case_is_purged_after_its_retention_period_leaving_a_minimal_record() {
    let d = disclose_unprivileged!();
    d.json(&["demo"]);
    let dir = d.case_dir("DEMO-001");

    // A bundle exported outside the case folder: purge cannot reach it,
    // and says so.
    d.disclose_all("DEMO-001");
    d.run(&["render", "--case", "DEMO-001"]).ok();
    let elsewhere = tempfile::tempdir().unwrap();
    share_with_nobody(elsewhere.path());
    let bundle = elsewhere.path().join("bundle.zip");
    d.run(&[
        "export",
        "--case",
        "DEMO-001",
        "--out",
        bundle.to_str().unwrap(),
    ])
    .ok();

    let open = d.run(&["case", "purge", "DEMO-001"]);
    assert_eq!(open.code, 1);
    assert!(open.stderr.contains("close it first"), "{}", open.stderr);

    d.run(&["case", "close", "DEMO-001", "--outcome", "responded"])
        .ok();
    let early = d.run(&["case", "purge", "DEMO-001"]);
    assert_eq!(early.code, 1);
    assert!(early.stderr.contains("kept until"), "{}", early.stderr);
    assert!(dir.join("case.db").exists(), "nothing was removed");

    d.run(&[
        "case",
        "close",
        "DEMO-001",
        "--outcome",
        "responded",
        "--on",
        "2020-01-06",
    ])
    .ok();
    // What a killed import or OCR run leaves behind: a page image in the
    // case's tmp/ and the file in flight in journal/. Purge covers both.
    let leftover = dir.join("tmp/.tmp-killed-run");
    std::fs::create_dir_all(&leftover).unwrap();
    std::fs::write(leftover.join("page.png"), b"Jane Smith, page 1").unwrap();
    std::fs::create_dir_all(dir.join("journal")).unwrap();
    std::fs::write(dir.join("journal/0a1b2c3d"), b"1\n/in/notes.pdf\n").unwrap();
    share_with_nobody(&dir.join("tmp"));
    share_with_nobody(&dir.join("journal"));

    let run = d.run(&[
        "--json",
        "case",
        "purge",
        "DEMO-001",
        "--retention-days",
        "730",
    ]);
    let purged = run.json();
    assert!(purged["files_removed"].as_u64().unwrap() > 10, "{purged}");
    assert_eq!(
        purged["exports_outside"][0].as_str().unwrap(),
        bundle.to_str().unwrap()
    );
    assert!(
        run.stderr.contains("outside its folder") && run.stderr.contains("bundle.zip"),
        "{}",
        run.stderr
    );
    assert!(
        bundle.exists(),
        "purge never touches files outside the case"
    );
    assert_eq!(purged["outcome"], "responded");
    assert_eq!(purged["closed_on"], "2020-01-06");
    assert!(purged["audit_head"].as_str().unwrap().len() == 64);

    let left: Vec<String> = walk(&dir);
    assert_eq!(left, ["purged.json"], "only the minimal record is left");
    for folder in ["tmp", "journal", "originals", "index"] {
        assert!(!dir.join(folder).exists(), "{folder}/ is gone");
    }
    let record = std::fs::read_to_string(dir.join("purged.json")).unwrap();
    assert!(
        !record.contains("Smith"),
        "no personal data in the record: {record}"
    );

    let listed = d.json(&["case", "list"]);
    assert!(!listed.to_string().contains("DEMO-001"), "{listed}");
    let kept = d.json(&["case", "purged"]);
    assert_eq!(kept[0]["reference"], "DEMO-001");
    let reuse = d.run(&[
        "case",
        "new",
        "--ref",
        "DEMO-001",
        "--subject",
        "Someone Else",
    ]);
    assert_ne!(reuse.code, 0, "a purged reference is not reused");
}

/// A small case of a few emails and documents, closed long ago.
fn small_closed_case(d: &Disclose, reference: &str, input: &Path) {
    d.run(&[
        "case",
        "new",
        "--ref",
        reference,
        "--subject",
        "Jane Anne Smith",
        "--received",
        "2020-01-02",
    ])
    .ok();
    d.run(&["import", "--case", reference, input.to_str().unwrap()])
        .ok();
    d.run(&[
        "case",
        "close",
        reference,
        "--outcome",
        "responded",
        "--on",
        "2020-01-06",
    ])
    .ok();
}

fn write_inputs(dir: &Path) {
    std::fs::create_dir_all(dir.join("mail")).unwrap();
    for n in 0..4 {
        std::fs::write(
            dir.join(format!("mail/{n}.eml")),
            fixtures::eml(
                &format!("m{n}@example.com"),
                "Jane Smith <jane.smith@example.com>",
                "repairs@example.org",
                "Repairs",
                "Mon, 6 Jan 2020 10:00:00 +0000",
                &format!("Message {n} about the repair at 12 Acacia Avenue."),
            ),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("notes.docx"),
        fixtures::docx(&["Notes on the tenancy"], "", "", "", ""),
    )
    .unwrap();
    std::fs::write(
        dir.join("letter.pdf"),
        fixtures::pdf(&[&["Dear Ms Smith", "Your repair"]]),
    )
    .unwrap();
    share_with_nobody(dir);
}

/// Runs a purge that stops after `steps` steps, and kills it there
/// (SIGKILL). Returns what it printed.
fn purge_killed_after(d: &Disclose, reference: &str, steps: u64) -> String {
    let mut child = d
        .command()
        .args(["case", "purge", reference])
        .env("DISCLOSE_TEST_PURGE_HALT_AFTER", steps.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        said.push_str(&line);
        said.push('\n');
        if line.contains("purge halted") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    said
}

#[test]
fn a_purge_killed_at_any_point_is_listed_as_purging_and_finished_by_running_it_again() {
    let d = disclose_unprivileged!();
    let input = tempfile::tempdir().unwrap();
    write_inputs(input.path());

    // How many steps a whole purge takes: the journal, each file, the
    // record, the journal's removal.
    small_closed_case(&d, "WHOLE", input.path());
    let whole = d.json(&["case", "purge", "WHOLE"]);
    let steps = whole["files_removed"].as_u64().unwrap() + 3;
    assert!(steps > 10, "{whole}");

    // The first steps, the last, and others picked at random each run.
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut points = vec![1, 2, steps - 2, steps - 1];
    let mut x = seed | 1;
    for _ in 0..3 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        points.push(1 + x % (steps - 1));
    }
    for (n, &point) in points.iter().enumerate() {
        let reference = format!("CUT-{n}");
        small_closed_case(&d, &reference, input.path());
        let said = purge_killed_after(&d, &reference, point);
        assert!(
            said.contains("purge halted"),
            "seed {seed}, point {point}: {said}"
        );
        let dir = d.case_dir(&reference);
        assert!(
            dir.join("purging.json").exists(),
            "seed {seed}, point {point}: the journal is there until the end"
        );

        let listed = d.json(&["case", "list"]);
        let row = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["case"]["reference"] == reference.as_str())
            .unwrap_or_else(|| panic!("seed {seed}, point {point}: {reference} is still listed"));
        assert_eq!(row["purging"], true, "seed {seed}, point {point}");
        let refused = d.run(&["case", "show", &reference]);
        assert!(
            refused.stderr.contains("being purged"),
            "seed {seed}, point {point}: {}",
            refused.stderr
        );

        let finished = d.json(&["case", "purge", &reference]);
        assert_eq!(finished["reference"], reference.as_str());
        assert_eq!(finished["closed_on"], "2020-01-06");
        assert_eq!(
            walk(&dir),
            ["purged.json"],
            "seed {seed}, point {point}: only the record is left"
        );
    }
    let kept = d.json(&["case", "purged"]);
    assert_eq!(kept.as_array().unwrap().len(), points.len() + 1, "{kept}");
    let listed = d.json(&["case", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 0, "{listed}");
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(
                walk(&path)
                    .into_iter()
                    .map(|p| format!("{}/{p}", path.file_name().unwrap().to_string_lossy())),
            );
        } else {
            out.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    out
}

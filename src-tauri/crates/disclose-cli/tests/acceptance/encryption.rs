//! Encryption at rest: a home encrypted with `disclose home encrypt` takes
//! text, an email, a PDF and a scan read by OCR; search and export work
//! with the passphrase, and `grep` finds none of the documents' words
//! anywhere in the home (while it does in a home without encryption, so
//! the check can fail). A wrong or missing passphrase is refused and
//! changes nothing.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use disclose_fixtures::{disclose, fixtures, Disclose, Run};

const PASSPHRASE: &str = "kettle marble orchard lantern";
/// Words found only in the fixtures, one per kind of file.
const NEEDLES: [&str; 4] = ["Quillerbrook", "Zephyranthus", "Marrowdyke", "OBSIDIANWICK"];

fn run(d: &Disclose, passphrase: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = d.command();
    match passphrase {
        Some(p) => cmd.env("DISCLOSE_PASSPHRASE", p),
        None => cmd.env_remove("DISCLOSE_PASSPHRASE"),
    };
    let out = cmd.args(args).output().expect("run disclose");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write_fixtures(dir: &Path) {
    std::fs::write(
        dir.join("note.txt"),
        "Visit notes: Mrs Quillerbrook reported damp in the bedroom.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("complaint.eml"),
        fixtures::eml(
            "repairs-1@example.org",
            "housing@example.org",
            "jane.smith@example.com",
            "Repairs",
            "Wed, 4 Mar 2026 09:30:00 +0000",
            "The Zephyranthus boiler was condemned on Tuesday.",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("letter.pdf"),
        fixtures::pdf(&[&["Rent statement for Marrowdyke Court, flat 4"]]),
    )
    .unwrap();
    std::fs::write(
        dir.join("scan.jpg"),
        fixtures::scan_jpeg(&["NOTICE SERVED AT OBSIDIANWICK HOUSE"]),
    )
    .unwrap();
}

/// The needles `grep -r -i -a -l` finds under `dir`, with the files.
fn grep(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for needle in NEEDLES {
        let out = Command::new("grep")
            .args(["-r", "-i", "-a", "-l", needle])
            .arg(dir)
            .output()
            .expect("grep");
        let files = String::from_utf8_lossy(&out.stdout);
        for file in files.lines() {
            found.push(format!("{needle} in {file}"));
        }
    }
    found
}

/// Every file under `dir` with its bytes, to see that nothing changed.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.display().to_string(), std::fs::read(&path).unwrap());
        }
    }
    files
}

#[test]
fn an_encrypted_home_keeps_no_plaintext_and_still_searches_and_exports() {
    let input = tempfile::tempdir().unwrap();
    write_fixtures(input.path());
    let input_str = input.path().to_str().unwrap();

    // Control: without encryption the same import leaves the words on disk.
    let plain = disclose!();
    plain.new_case("P-1");
    plain.run(&["import", "--case", "P-1", input_str]).ok();
    let seen = grep(plain.home.path());
    assert!(
        NEEDLES
            .iter()
            .all(|n| seen.iter().any(|s| s.starts_with(n))),
        "grep should find every word in a plaintext home: {seen:#?}"
    );

    let d = disclose!();
    let on = run(&d, Some(PASSPHRASE), &["--json", "home", "encrypt"])
        .ok()
        .json();
    assert_eq!(on["encrypted"], true);
    run(
        &d,
        Some(PASSPHRASE),
        &[
            "case",
            "new",
            "--ref",
            "E-1",
            "--subject",
            "Jane Anne Smith",
        ],
    )
    .ok();
    let summary = run(
        &d,
        Some(PASSPHRASE),
        &["--json", "import", "--case", "E-1", input_str],
    )
    .ok()
    .json();
    assert_eq!(summary["failed"], 0, "{summary:#}");
    assert_eq!(summary["items"], 4, "{summary:#}");
    assert_eq!(summary["ocr"]["items"], 1, "{summary:#}");
    for needle in NEEDLES {
        let found = run(
            &d,
            Some(PASSPHRASE),
            &["--json", "search", "--case", "E-1", needle],
        )
        .ok()
        .json();
        assert_eq!(found["hits"], 1, "{needle}: {found:#}");
    }

    // Decided, rendered and exported: the bundle (outside the home) is
    // plain, for the requester.
    let out = tempfile::tempdir().unwrap();
    let template = run(&d, Some(PASSPHRASE), &["profile", "template"])
        .ok()
        .stdout;
    let profile = out.path().join("org.json");
    std::fs::write(&profile, template).unwrap();
    let bundle = out.path().join("E-1.zip");
    for args in [
        &["profile", "set", profile.to_str().unwrap()][..],
        &["decide", "--case", "E-1", "--all", "--as", "disclose"],
        &["render", "--case", "E-1"],
        &["export", "--case", "E-1", "--out", bundle.to_str().unwrap()],
    ] {
        run(&d, Some(PASSPHRASE), args).ok();
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&bundle).unwrap()).unwrap();
    let mut words = String::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        if entry.name().unwrap().ends_with(".pdf") {
            let path = out.path().join(format!("doc-{i}.pdf"));
            std::io::copy(&mut entry, &mut std::fs::File::create(&path).unwrap()).unwrap();
            let text = Command::new("pdftotext")
                .arg(&path)
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils)");
            words.push_str(&String::from_utf8_lossy(&text.stdout));
        }
    }
    for needle in ["Quillerbrook", "Zephyranthus", "Marrowdyke"] {
        assert!(
            words.contains(needle),
            "{needle} in the exported documents: {words}"
        );
    }

    // Nothing readable anywhere in the home, temporary folders included.
    assert_eq!(grep(d.home.path()), Vec::<String>::new());
    let tmp = d.case_dir("E-1").join("tmp");
    assert!(
        !tmp.exists() || std::fs::read_dir(&tmp).unwrap().next().is_none(),
        "case tmp/ left behind"
    );

    // A wrong passphrase, or none without a terminal, is refused and
    // changes nothing.
    let before = snapshot(d.home.path());
    let wrong = run(
        &d,
        Some("kettle marble orchard lanterns"),
        &["--json", "search", "--case", "E-1", "Quillerbrook"],
    );
    assert_eq!(wrong.code, 1, "{wrong:?}");
    assert_eq!(wrong.json()["error"]["code"], "locked");
    assert!(wrong.stdout.contains("wrong passphrase"), "{wrong:?}");
    let missing = run(&d, None, &["case", "list"]);
    assert_eq!(missing.code, 1, "{missing:?}");
    assert!(
        missing.stderr.contains("DISCLOSE_PASSPHRASE"),
        "{missing:?}"
    );
    assert_eq!(
        snapshot(d.home.path()),
        before,
        "a refused run wrote to the home"
    );

    // Encryption is only turned on for a new home.
    let again = run(&plain, Some(PASSPHRASE), &["home", "encrypt"]);
    assert_eq!(again.code, 1, "{again:?}");
    assert!(again.stderr.contains("already holds cases"), "{again:?}");
}

//! Private by default, tried as an ordinary user (`nobody` when the suite
//! runs as root) with the common umask 022: every folder Disclose makes is
//! 0700, every file 0600 (originals 0400); a case opened with wider modes is
//! warned about, and `disclose doctor` narrows them again. That covers the
//! case's `tmp/` (the reader processes' temporary files) and `journal/`
//! (the file in flight during an import), and the home's imported bank
//! holidays.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use disclose_fixtures::{disclose_unprivileged, govuk, share_with_nobody};

/// Every path under `dir` with its mode.
fn modes(dir: &Path) -> Vec<(PathBuf, u32)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        out.push((path.clone(), meta.permissions().mode() & 0o7777));
        if meta.is_dir() {
            out.extend(modes(&path));
        }
    }
    out
}

/// What is not private: folders not 0700, originals not 0400, other files
/// not 0600.
fn not_private(home: &Path) -> Vec<String> {
    modes(home)
        .into_iter()
        .filter(|(path, mode)| {
            let want = if path.is_dir() {
                0o700
            } else if path
                .strip_prefix(home)
                .unwrap()
                .components()
                .nth(2)
                .is_some_and(|c| c.as_os_str() == "originals")
            {
                0o400
            } else {
                0o600
            };
            *mode != want
        })
        .map(|(path, mode)| format!("{} {mode:o}", path.display()))
        .collect()
}

#[test]
fn an_ordinary_users_cases_are_private_and_doctor_repairs_wider_modes() {
    let d = disclose_unprivileged!();
    d.json(&["demo"]);
    d.run(&["decide", "--case", "DEMO-001", "--all", "--as", "disclose"])
        .ok();
    // A redacted name, so the leak check has words to look for and reads
    // the pages with Tesseract.
    d.redact_everywhere("DEMO-001", "Mrs Okafor");
    d.run(&["render", "--case", "DEMO-001"]);
    // The leak check keeps what Tesseract read of each page: the words of
    // the case, so as private as the rest.
    let dir = d.case_dir("DEMO-001");
    let renditions = dir.join("renditions");
    let verified = d.run(&["verify", "--case", "DEMO-001", renditions.to_str().unwrap()]);
    assert!(dir.join("renditions").is_dir(), "renditions were made");
    assert!(
        dir.join("ocr-cache").is_dir(),
        "the leak check kept its readings: {}{}",
        verified.stdout,
        verified.stderr
    );
    assert!(dir.join("originals").is_dir(), "originals were kept");
    assert!(d.home.path().join("staff.json").is_file());
    for folder in ["tmp", "journal", "index"] {
        assert!(dir.join(folder).is_dir(), "{folder}/ was made");
    }
    let holidays = tempfile::tempdir().unwrap();
    let file = holidays.path().join("bank-holidays.json");
    std::fs::write(&file, govuk::bank_holidays_json(2026..=2028, &[])).unwrap();
    share_with_nobody(holidays.path());
    d.json(&["holidays", "import", file.to_str().unwrap()]);
    assert!(
        d.home.path().join("bank-holidays.json").is_file(),
        "the holidays file is kept in the home"
    );

    let wide = not_private(d.home.path());
    assert!(wide.is_empty(), "not private: {wide:#?}");

    let quiet = d.run(&["case", "show", "DEMO-001"]).ok();
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);

    for (path, mode) in [(dir.clone(), 0o755), (dir.join("case.db"), 0o644)] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let warned = d.run(&["case", "show", "DEMO-001"]).ok();
    assert!(
        warned.stderr.contains("other users") && warned.stderr.contains("disclose doctor"),
        "{}",
        warned.stderr
    );

    let repaired = d.json(&["doctor"]);
    assert_eq!(
        repaired["repaired"].as_array().unwrap().len(),
        2,
        "{repaired}"
    );
    let wide = not_private(d.home.path());
    assert!(wide.is_empty(), "not private after doctor: {wide:#?}");
    let quiet = d.run(&["case", "show", "DEMO-001"]).ok();
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
}

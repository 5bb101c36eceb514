//! Hostile and broken input: every file is accounted for with a reason, the
//! import carries on, nothing panics.

use std::fs;

use disclose_fixtures::{disclose, fixtures};
use serde_json::Value;

fn item<'a>(items: &'a [Value], suffix: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with(suffix))
        .unwrap_or_else(|| panic!("no item ending {suffix}"))
}

#[test]
fn hostile_files_are_recorded_and_the_import_carries_on() {
    let d = disclose!();
    d.new_case("H");
    let input = tempfile::tempdir().unwrap();
    let dir = input.path();
    let good = fixtures::pdf(&[&["A perfectly good letter about limapeakword."]]);
    fs::write(dir.join("good.pdf"), &good).unwrap();
    fs::write(dir.join("truncated.pdf"), &good[..good.len() / 3]).unwrap();
    fs::write(
        dir.join("garbage.pdf"),
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    fs::write(dir.join("encrypted.pdf"), encrypted_pdf()).unwrap();
    // 16 MiB of zeros compresses about a thousand times: a zip bomb.
    fs::write(
        dir.join("bomb.zip"),
        fixtures::zip(&[
            ("zeros.bin", &vec![0u8; 16 << 20]),
            ("ok.txt", b"survivorword"),
        ]),
    )
    .unwrap();
    fs::write(
        dir.join("traversal.zip"),
        fixtures::zip(&[("../../../../tmp/evil-disclose.txt", b"escapeword")]),
    )
    .unwrap();
    let mut nested = fixtures::zip(&[("bottom.txt", b"bottomword")]);
    for level in 0..12 {
        nested = fixtures::zip(&[(&format!("level{level}.zip"), &nested)]);
    }
    fs::write(dir.join("nested.zip"), nested).unwrap();
    fs::write(
        dir.join("deep.json"),
        "[".repeat(200_000) + &"]".repeat(200_000),
    )
    .unwrap();
    fs::write(
        dir.join("deep.rtf"),
        "{\\rtf1 ".to_string() + &"{".repeat(200_000) + "deeprtfword" + &"}".repeat(200_000),
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Tenant Ren\xe9e paid \xa3100 on Tuesday",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    // Sparse: large on disk, cheap to make.
    let huge = fs::File::create(dir.join("huge.bin")).unwrap();
    huge.set_len(300 << 20).unwrap();
    drop(huge);

    let run = d.run(&["--json", "import", "--case", "H", dir.to_str().unwrap()]);
    assert_eq!(
        run.code, 2,
        "some items failed, so exit 2\n{}\n{}",
        run.stdout, run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let summary = run.json();
    assert_eq!(summary["inputs"], 12);
    let total = summary["ok"].as_u64().unwrap()
        + summary["partial"].as_u64().unwrap()
        + summary["failed"].as_u64().unwrap();
    assert_eq!(total, summary["items"].as_u64().unwrap());

    let items = d.json(&["items", "--case", "H"]);
    let items = items.as_array().unwrap();
    let reason = |suffix: &str| {
        item(items, suffix)["reason"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
    };
    let status = |suffix: &str| item(items, suffix)["status"].as_str().unwrap().to_string();

    assert_eq!(status("good.pdf"), "ok");
    assert_ne!(status("truncated.pdf"), "ok");
    assert!(!reason("truncated.pdf").is_empty());
    assert_eq!(status("garbage.pdf"), "failed");
    assert!(
        reason("garbage.pdf").contains("unrecognised"),
        "{}",
        reason("garbage.pdf")
    );
    assert_eq!(status("encrypted.pdf"), "failed");
    assert!(
        reason("encrypted.pdf").contains("password")
            || reason("encrypted.pdf").contains("encrypted")
    );
    assert_eq!(status("bomb.zip"), "partial");
    assert!(
        reason("bomb.zip").contains("zip bomb"),
        "{}",
        reason("bomb.zip")
    );
    assert_eq!(status("traversal.zip"), "partial");
    assert!(reason("traversal.zip").contains("unsafe entry name"));
    assert!(!std::path::Path::new("/tmp/evil-disclose.txt").exists());
    assert!(item(items, "traversal.zip/tmp/evil-disclose.txt")["path"]
        .as_str()
        .unwrap()
        .ends_with("traversal.zip/tmp/evil-disclose.txt"));
    assert!(items
        .iter()
        .any(|i| i["reason"].as_str().unwrap_or("").contains("nested deeper")));
    assert_eq!(status("deep.json"), "failed");
    assert_eq!(status("empty.txt"), "ok");
    assert_eq!(status("huge.bin"), "failed");
    assert!(reason("huge.bin").contains("too large"));

    // What could be read is searchable.
    let found = |q: &str| {
        d.json(&["search", "--case", "H", q])["hits"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(found("limapeakword"), 1);
    assert_eq!(found("survivorword"), 1);
    assert_eq!(found("Renée"), 1, "legacy charset decoded");
    assert_eq!(found("renee"), 1, "accents folded");
}

/// A PDF whose trailer points at a standard-security encryption dictionary
/// with a non-empty user password.
fn encrypted_pdf() -> Vec<u8> {
    let body = fixtures::pdf(&[&["secret"]]);
    let o = "<".to_string() + &"4e".repeat(32) + ">";
    let u = "<".to_string() + &"7a".repeat(32) + ">";
    let enc = format!(
        "/Encrypt << /Filter /Standard /V 1 /R 2 /O {o} /U {u} /P -44 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] /Root"
    );
    // The trailer comes after every object, so no offset moves.
    let at = body
        .windows(5)
        .rposition(|w| w == b"/Root")
        .expect("trailer");
    let mut out = body[..at].to_vec();
    out.extend_from_slice(enc.as_bytes());
    out.extend_from_slice(&body[at + 5..]);
    out
}

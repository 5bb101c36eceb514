//! The disclosure bundle, end to end: the demo case decided, redacted,
//! rendered and exported encrypted, then checked with tools that are not
//! ours — `7z t` with the passphrase, `bagit.py --validate`, JSON Schema
//! validation of every portable file (Python `jsonschema`), `pdftotext` on
//! every PDF — and with `disclose verify`. Export refuses, saying why, while
//! anything is undecided, unrendered or leaking.

use std::path::{Path, PathBuf};
use std::process::Command;

use disclose_fixtures::{disclose, Disclose};

/// The Python with `bagit` and `jsonschema` (the README's test command
/// makes it): `$DISCLOSE_PYTHON`, else `~/.cache/disclose-venv`.
fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("DISCLOSE_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
        .join(".cache/disclose-venv/bin/python");
    assert!(
        venv.exists(),
        "{} is missing: the README's test command (.ci/test) creates it with bagit and jsonschema",
        venv.display()
    );
    venv
}

fn run(program: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} is needed for this test: {e}", program.display()));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn tool(program: &str, args: &[&str]) -> String {
    let (ok, text) = run(Path::new(program), args);
    assert!(ok, "{program} {args:?} failed:\n{text}");
    text
}

/// Decides every item: failed ones not relevant, one email withheld, the
/// rest disclosed.
fn decide_all(d: &Disclose) -> i64 {
    let items = d.disclose_all("DEMO-001");
    let items = items.as_array().unwrap();
    let withheld = items
        .iter()
        .find(|i| i["path"].as_str().unwrap().contains("police"))
        .expect("the police email")["id"]
        .as_i64()
        .unwrap();
    d.run(&[
        "decide",
        "--case",
        "DEMO-001",
        "--item",
        &withheld.to_string(),
        "--as",
        "withhold",
        "--reason",
        "crime",
    ])
    .ok();
    withheld
}

/// Withholds the demo's call recording, where the demo made one. The
/// speech model's transcript of the synthetic call differs from one CPU to
/// another (seen: "Mark Evans" heard as "the mark made room"), and the
/// leak check rightly refuses a transcript holding a word of a redacted
/// name; this test is about the bundle, so the call stays out of it. The
/// call's own way through redaction and the leak check is `calls::`'s.
fn withhold_the_call(d: &Disclose) {
    let items = d.disclose_all("DEMO-001");
    let call = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with(".mp3"));
    if let Some(call) = call {
        let id = call["id"].as_i64().unwrap().to_string();
        d.run(&[
            "decide", "--case", "DEMO-001", "--item", &id, "--as", "withhold", "--reason", "crime",
        ])
        .ok();
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn an_encrypted_bundle_passes_bagit_7z_json_schema_pdftotext_and_the_leak_check() {
    let d = disclose!();
    d.json(&["demo"]);
    let out = d.home.path().join("out").join("DEMO-001.zip");
    let out_str = out.to_str().unwrap();

    let refused = d.run(&["export", "--case", "DEMO-001", "--out", out_str]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("not decided"), "{}", refused.stderr);

    d.run(&["detect", "--case", "DEMO-001"]).ok();
    d.run(&["redact", "--case", "DEMO-001", "--accept-suggestions"])
        .ok();
    d.redact_everywhere("DEMO-001", "Mrs Okafor");
    decide_all(&d);
    withhold_the_call(&d);
    let unrendered = d.run(&["export", "--case", "DEMO-001", "--out", out_str]);
    assert!(
        unrendered.stderr.contains("run render first"),
        "{}",
        unrendered.stderr
    );
    d.run(&["render", "--case", "DEMO-001"]).ok();

    let dry = d.json(&[
        "export",
        "--case",
        "DEMO-001",
        "--out",
        out_str,
        "--dry-run",
    ]);
    assert_eq!(dry["dry_run"], true, "{dry}");
    assert!(!out.exists(), "a dry run writes nothing");
    let names: Vec<&str> = dry["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let neutral = not_neutral(&names);
    assert!(
        neutral.is_empty(),
        "names that are not neutral: {neutral:?}"
    );
    for tag in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
    ] {
        assert!(
            names.contains(&format!("DEMO-001/{tag}").as_str()),
            "{tag} missing"
        );
    }

    let made = d.json(&[
        "export",
        "--case",
        "DEMO-001",
        "--out",
        out_str,
        "--encrypt",
    ]);
    let passphrase = made["passphrase"]
        .as_str()
        .expect("a passphrase")
        .to_string();
    assert_eq!(passphrase.split('-').count(), 8);
    assert_eq!(made["path"], out_str);
    assert!(made["items"].as_u64().unwrap() > 20, "{made}");
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        made["sha256"].as_str().unwrap(),
        disclose_core::store::originals::sha256_hex(&bytes)
    );
    let shown = d.run(&["audit", "--case", "DEMO-001"]).ok();
    assert!(shown.stdout.contains("export"));
    assert!(
        !shown.stdout.contains(&passphrase),
        "the passphrase is never stored"
    );
    d.run(&["audit", "--case", "DEMO-001", "--verify"]).ok();

    // 7-Zip: right passphrase tests clean, a wrong one does not.
    tool("7z", &["t", &format!("-p{passphrase}"), out_str]);
    let (wrong, _) = run(Path::new("7z"), &["t", "-pnot-the-passphrase", out_str]);
    assert!(!wrong, "a wrong passphrase must not open the bundle");
    let unpacked = tempfile::tempdir().unwrap();
    tool(
        "7z",
        &[
            "x",
            &format!("-p{passphrase}"),
            &format!("-o{}", unpacked.path().display()),
            out_str,
        ],
    );
    let bag = unpacked.path().join("DEMO-001");

    // Content that deflate cannot shrink (the renditions' compressed
    // streams) is stored; text is deflated; 7-Zip tested both above.
    let listing = tool("7z", &["l", "-slt", &format!("-p{passphrase}"), out_str]);
    let methods = stored_and_deflated(&listing);
    let stored_pdfs = methods
        .iter()
        .filter(|(path, method)| path.ends_with(".pdf") && method.contains("Store"))
        .count();
    assert!(stored_pdfs > 0, "no PDF is stored: {methods:?}");
    for (path, method) in &methods {
        assert!(method.starts_with("AES-256"), "{path}: {method}");
        if [".json", ".txt", ".html", ".csv"]
            .iter()
            .any(|ext| path.ends_with(ext))
        {
            assert!(
                method.contains("Deflate"),
                "{path} is not deflated: {method}"
            );
        }
    }

    // BagIt (RFC 8493) with the Library of Congress's bagit.py.
    let python = python();
    let (valid, report) = run(
        &python,
        &["-m", "bagit", "--validate", bag.to_str().unwrap()],
    );
    assert!(valid && report.contains("is valid"), "{report}");

    // Every portable JSON file against its schema.
    let portable = bag.join("data/portable");
    let mut checked = 0;
    for file in files_under(&portable) {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        if !name.ends_with(".json") || name.ends_with(".schema.json") {
            continue;
        }
        let schema = portable.join(name.replace(".json", ".schema.json"));
        assert!(schema.exists(), "{name} has no schema");
        let script = "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.Draft202012Validator.check_schema(s); jsonschema.Draft202012Validator(s).validate(json.load(open(sys.argv[2])))";
        let (ok, why) = run(
            &python,
            &[
                "-c",
                script,
                schema.to_str().unwrap(),
                file.to_str().unwrap(),
            ],
        );
        assert!(ok, "{name} does not match its schema:\n{why}");
        checked += 1;
    }
    assert!(
        checked >= 3,
        "subject, documents and records files: {checked}"
    );

    // Every PDF reads, and none holds the redacted name.
    let mut pdfs = 0;
    for file in files_under(&bag.join("data")) {
        if file.extension().is_some_and(|e| e == "pdf") {
            let text = tool("pdftotext", &[file.to_str().unwrap(), "-"]);
            assert!(!text.trim().is_empty(), "{} has no text", file.display());
            assert!(!text.contains("Okafor"), "{} leaks", file.display());
            pdfs += 1;
        }
    }
    assert!(pdfs > 20);
    let letter = tool(
        "pdftotext",
        &[bag.join("data/letter.pdf").to_str().unwrap(), "-"],
    );
    for part in [
        "Dear Jane Anne Smith",
        "(a) Why we use it",
        "(h) Automated decisions",
        "Crime and taxation",
        "ico.org.uk",
    ] {
        assert!(letter.contains(part), "the letter lacks {part:?}");
    }

    // The bundle anchors the audit trail: the head as the export began,
    // in bag-info.txt and in the letter's appendix.
    let trail = d.json(&["audit", "--case", "DEMO-001"]);
    let trail = trail.as_array().unwrap();
    let export_at = trail.iter().rposition(|e| e["action"] == "export").unwrap();
    let head = trail[export_at - 1]["hash"].as_str().unwrap();
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(
        info.contains(&format!("Audit-Head: {head}"))
            && info.contains(&format!("Audit-Entries: {export_at}")),
        "{info}"
    );
    assert!(
        letter.replace(char::is_whitespace, "").contains(head),
        "the letter's appendix quotes the head {head}"
    );
    let index = std::fs::read_to_string(bag.join("data/index.html")).unwrap();
    assert!(
        !index.to_lowercase().contains("<script"),
        "no scripts in index.html"
    );
    assert!(
        index.contains("documents/0001."),
        "index links the documents"
    );

    // Our own leak check on the unpacked bundle.
    d.run(&["verify", "--case", "DEMO-001", bag.to_str().unwrap()])
        .ok();
}

/// Each file entry's path and method, from `7z l -slt`.
fn stored_and_deflated(listing: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut path = None;
    for line in listing.lines() {
        if let Some(p) = line.strip_prefix("Path = ") {
            path = Some(p.to_string());
        } else if let Some(m) = line.strip_prefix("Method = ") {
            if let Some(p) = path.take() {
                out.push((p, m.to_string()));
            }
        }
    }
    assert!(out.len() > 20, "{listing}");
    out
}

/// Paths in the zip that are not one of the fixed, neutral names.
fn not_neutral<'a>(names: &[&'a str]) -> Vec<&'a str> {
    let fixed = [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/letter.pdf",
        "data/schedule.csv",
        "data/schedule.pdf",
        "data/index.html",
    ];
    names
        .iter()
        .copied()
        .filter(|path| {
            let Some(rest) = path.strip_prefix("DEMO-001/") else {
                return true;
            };
            if fixed.contains(&rest) {
                return false;
            }
            let numbered = rest.strip_prefix("data/documents/").is_some_and(|f| {
                f.len() >= 8
                    && f[..4].bytes().all(|b| b.is_ascii_digit())
                    && f[4..].starts_with('.')
            });
            let portable = rest.strip_prefix("data/portable/").is_some_and(|f| {
                ["subject.", "documents.", "records-"]
                    .iter()
                    .any(|p| f.starts_with(p))
            });
            !(numbered || portable)
        })
        .collect()
}

#[test]
fn export_refuses_when_the_bundle_would_leak() {
    let d = disclose!();
    d.json(&["demo"]);
    decide_all(&d);
    // The organisation's own postcode redacted in an item: the letter, which
    // gives the organisation's address, would then leak it.
    let marked = d.json(&[
        "redact",
        "--case",
        "DEMO-001",
        "--term",
        "SK1 3XE",
        "--everywhere",
        "--reason",
        "third-party",
    ]);
    assert!(marked["count"].as_u64().unwrap() >= 1);
    d.run(&["render", "--case", "DEMO-001"]).ok();
    let out = d.home.path().join("leaky.zip");
    let refused = d.run(&[
        "export",
        "--case",
        "DEMO-001",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("leak check"), "{}", refused.stderr);
    assert!(refused.stderr.contains("letter.pdf"), "{}", refused.stderr);
    assert!(!out.exists(), "nothing is written when the check fails");
}

/// A spreadsheet's rows go out twice: drawn in the rendition and as
/// records in the portable data. A mark selected across two cells holds a
/// tab; each cell it covers is labelled in the records as it is barred in
/// the rendition, so the export goes through and neither cell's words are
/// in the portable data.
#[test]
fn a_mark_across_two_cells_is_labelled_in_both_cells_of_the_portable_records() {
    let d = disclose!();
    d.new_case("SHEET-1");
    d.set_demo_profile();
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("contacts.csv"),
        "Name,Mobile,Note\nJane Smith,0161 496 0000,tenant\nKofi Okafor,07700 900123,neighbour at no. 14\n",
    )
    .unwrap();
    d.import_folder("SHEET-1", input.path());
    let id = d.item_id("SHEET-1", "contacts.csv");
    let text = d.json(&["item", "--case", "SHEET-1", &id])["text"]
        .as_str()
        .unwrap()
        .to_string();
    let start = text
        .find("Okafor")
        .expect("the neighbour's surname in the text");
    let end = text
        .find("900123")
        .expect("the neighbour's mobile in the text")
        + "900123".len();
    let across = &text[start..end];
    assert!(
        across.contains('\t') || across.contains('\n'),
        "the selection spans two cells: {across:?}"
    );
    d.run(&[
        "redact",
        "--case",
        "SHEET-1",
        "--item",
        &id,
        "--range",
        &format!("{start}:{end}"),
        "--reason",
        "third-party",
    ])
    .ok();
    d.run(&["decide", "--case", "SHEET-1", "--all", "--as", "redact"])
        .ok();
    d.run(&["render", "--case", "SHEET-1"]).ok();
    let out = d.home.path().join("sheet.zip");
    d.run(&[
        "export",
        "--case",
        "SHEET-1",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let bag = d.home.path().join("bag");
    tool(
        "7z",
        &[
            "x",
            "-y",
            &format!("-o{}", bag.display()),
            out.to_str().unwrap(),
        ],
    );
    let records: Vec<PathBuf> = files_under(&bag)
        .into_iter()
        .filter(|f| {
            f.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("records-")
        })
        .filter(|f| !f.to_str().unwrap().ends_with(".schema.json"))
        .collect();
    assert_eq!(
        records.len(),
        2,
        "the table as JSON and as CSV: {records:?}"
    );
    for file in records {
        let written = std::fs::read_to_string(&file).unwrap();
        assert!(
            !written.contains("Okafor"),
            "{} leaks the surname:\n{written}",
            file.display()
        );
        assert!(
            !written.contains("900123"),
            "{} leaks the mobile:\n{written}",
            file.display()
        );
        assert!(
            written.contains("Kofi [redacted: third-party]"),
            "{}:\n{written}",
            file.display()
        );
        assert!(
            written.contains("Jane Smith") && written.contains("neighbour at no. 14"),
            "{}:\n{written}",
            file.display()
        );
    }
}

//! Integrity on read and on demand: a byte flipped in an original and in a
//! rendition is named by `disclose check` and refuses the export; a deleted
//! or damaged index is reported, refused for search (never an empty result
//! in silence) and rebuilt by `disclose reindex` to the same hits.

use std::path::Path;

use disclose_fixtures::{disclose, fixtures, Disclose};
use serde_json::Value;

fn flip_a_byte(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
}

fn original_path(d: &Disclose, sha256: &str) -> std::path::PathBuf {
    d.case_dir("DEMO-001")
        .join("originals")
        .join(&sha256[0..2])
        .join(sha256)
}

fn problems(report: &Value) -> Vec<(String, i64, String)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap().to_string(),
                p["item_id"].as_i64().unwrap_or(0),
                p["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_changed_original_and_rendition_are_named_by_check_and_refuse_the_export() {
    let d = disclose!();
    d.json(&["demo"]);
    let items = d.disclose_all("DEMO-001");
    d.run(&["render", "--case", "DEMO-001"]).ok();
    let clean = d
        .run(&["--json", "check", "--case", "DEMO-001"])
        .ok()
        .json();
    assert_eq!(clean["ok"], true, "{clean}");
    assert!(clean["originals_checked"].as_u64().unwrap() > 20, "{clean}");
    assert!(
        clean["renditions_checked"].as_u64().unwrap() > 20,
        "{clean}"
    );
    let out = d.home.path().join("bundle.zip");
    let out = out.to_str().unwrap();

    let disclosed: Vec<&Value> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] != "failed" && i["duplicate_of"].is_null())
        .collect();
    let pdf = disclosed
        .iter()
        .find(|i| i["type"] == "pdf")
        .expect("a PDF item");
    let other = disclosed
        .iter()
        .find(|i| i["type"] == "email")
        .expect("an email item");
    let (pdf_id, other_id) = (pdf["id"].as_i64().unwrap(), other["id"].as_i64().unwrap());
    let original = original_path(&d, pdf["sha256"].as_str().unwrap());
    let rendition_name = format!("renditions/item-{other_id:06}.pdf");
    let rendition = d.case_dir("DEMO-001").join(&rendition_name);
    let kept_original = std::fs::read(&original).unwrap();
    flip_a_byte(&original);
    flip_a_byte(&rendition);

    let run = d.run(&["--json", "check", "--case", "DEMO-001"]);
    assert_eq!(run.code, 1, "check fails: {}", run.stdout);
    let report = run.json();
    assert_eq!(report["ok"], false);
    let found = problems(&report);
    assert!(
        found
            .iter()
            .any(|(kind, _, path)| kind == "original" && original.ends_with(path)),
        "the original is named: {found:?}"
    );
    assert!(
        found.contains(&("rendition".into(), other_id, rendition_name.clone())),
        "the rendition is named: {found:?}"
    );
    let text = d.run(&["check", "--case", "DEMO-001"]);
    assert!(text.stdout.contains(&rendition_name), "{}", text.stdout);

    let refused = d.run(&["export", "--case", "DEMO-001", "--out", out]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("refused")
            && refused
                .stderr
                .contains(original.file_name().unwrap().to_str().unwrap()),
        "the export names the original: {}",
        refused.stderr
    );
    assert!(!Path::new(out).exists());

    // With the original put back, the changed rendition still stops it.
    std::fs::write(&original, &kept_original).unwrap();
    let refused = d.run(&["export", "--case", "DEMO-001", "--out", out]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused.stderr.contains("refused") && refused.stderr.contains(&rendition_name),
        "the export names the rendition: {}",
        refused.stderr
    );
    assert!(!Path::new(out).exists());

    // Rendering from a changed original is refused for that item.
    flip_a_byte(&original);
    let rerender = d.json(&["render", "--case", "DEMO-001", "--force"]);
    let failures = rerender["failures"].as_array().unwrap();
    assert!(
        failures
            .iter()
            .any(|f| f["item_id"] == pdf_id && f["reason"].as_str().unwrap().contains("SHA-256")),
        "{rerender}"
    );
}

/// A case of a few emails and notes about a kitchen repair.
fn case_with_mail(d: &Disclose) -> tempfile::TempDir {
    d.new_case("IDX");
    let input = tempfile::tempdir().unwrap();
    for n in 0..6 {
        std::fs::write(
            input.path().join(format!("{n}.eml")),
            fixtures::eml(
                &format!("i{n}@x"),
                "Sam Officer <sam.officer@northgate-homes.example>",
                "Jane Smith <jane.smith@example.com>",
                "Kitchen repair",
                "Mon, 5 Jan 2026 09:00:00 +0000",
                &format!("Visit {n}: the damp in the kitchen will be treated."),
            ),
        )
        .unwrap();
    }
    std::fs::write(
        input.path().join("minutes.txt"),
        b"The garden was discussed.",
    )
    .unwrap();
    d.json(&["import", "--case", "IDX", input.path().to_str().unwrap()]);
    input
}

fn hits(d: &Disclose, query: &str) -> Vec<i64> {
    let found = d.json(&["search", "--case", "IDX", query]);
    let mut ids: Vec<i64> = found["results"]
        .as_array()
        .unwrap_or_else(|| panic!("{found}"))
        .iter()
        .map(|h| h["item"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

/// The index lost (deleted) or damaged (its metadata overwritten): check
/// reports it, search refuses saying how to rebuild, the case's overview
/// warns, and reindex brings back the same hits.
#[test]
fn a_lost_or_damaged_index_is_reported_refused_and_rebuilt_to_the_same_hits() {
    let d = disclose!();
    let _input = case_with_mail(&d);
    let before = hits(&d, "kitchen");
    assert_eq!(before.len(), 6, "{before:?}");
    let index = d.case_dir("IDX").join("index");

    for damage in ["delete", "corrupt"] {
        match damage {
            "delete" => std::fs::remove_dir_all(&index).unwrap(),
            _ => std::fs::write(index.join("meta.json"), b"{ not json").unwrap(),
        }
        let run = d.run(&["--json", "check", "--case", "IDX"]);
        assert_eq!(run.code, 1, "{damage}: {}", run.stdout);
        let report = run.json();
        assert!(
            problems(&report).iter().any(|(kind, _, _)| kind == "index"),
            "{damage}: {report}"
        );

        let search = d.run(&["search", "--case", "IDX", "kitchen"]);
        assert_ne!(
            search.code, 0,
            "{damage}: search must not answer: {}",
            search.stdout
        );
        assert!(
            search.stderr.contains("disclose reindex --case IDX"),
            "{damage}: {}",
            search.stderr
        );
        let shown = d.run(&["--json", "case", "show", "IDX"]).ok();
        assert!(
            shown.stderr.contains("warning: the search index"),
            "{damage}: {}",
            shown.stderr
        );
        let warnings = shown.json()["warnings"].to_string();
        assert!(warnings.contains("reindex"), "{damage}: {warnings}");

        let rebuilt = d.json(&["reindex", "--case", "IDX"]);
        assert_eq!(rebuilt["documents"], 7, "{damage}: {rebuilt}");
        assert_eq!(hits(&d, "kitchen"), before, "{damage}");
        let report = d.run(&["--json", "check", "--case", "IDX"]).ok().json();
        assert_eq!(report["ok"], true, "{damage}: {report}");
    }
}

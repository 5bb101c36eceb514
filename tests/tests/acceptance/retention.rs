//! Retention: a case is purged only once closed and past its retention
//! period; then nothing of it is left but a minimal record.

use disclose_acceptance::Disclose;

#[test]
fn a_closed_case_is_purged_after_its_retention_period_leaving_a_minimal_record() {
    let d = Disclose::new();
    d.json(&["demo"]);
    let dir = d.case_dir("DEMO-001");

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
    let purged = d.json(&["case", "purge", "DEMO-001", "--retention-days", "730"]);
    assert!(purged["files_removed"].as_u64().unwrap() > 10, "{purged}");
    assert_eq!(purged["outcome"], "responded");
    assert_eq!(purged["closed_on"], "2020-01-06");
    assert!(purged["audit_head"].as_str().unwrap().len() == 64);

    let left: Vec<String> = walk(&dir);
    assert_eq!(left, ["purged.json"], "only the minimal record is left");
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

//! Checks against the shared corpus of real files, when it is beside the
//! project (`../shared/corpus`). Skipped with a notice when absent.

use std::collections::HashMap;
use std::fs;

use disclose_fixtures::{disclose, shared_corpus};

#[test]
fn every_file_of_the_mixed_corpus_is_accounted_for() {
    let Some(corpus) = shared_corpus() else {
        eprintln!("SKIPPED: ../shared/corpus is not present");
        return;
    };
    let mixed = corpus.join("freeeed/mixed");
    let files = fs::read_dir(&mixed)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_file())
        .count() as u64;
    let d = disclose!();
    d.new_case("MIXED");
    let summary = d
        .run(&[
            "--json",
            "import",
            "--case",
            "MIXED",
            mixed.to_str().unwrap(),
        ])
        .json();
    assert_eq!(summary["inputs"], files);
    let items = d.json(&["items", "--case", "MIXED"]);
    let items = items.as_array().unwrap();
    let top: Vec<_> = items.iter().filter(|i| i["parent"].is_null()).collect();
    assert_eq!(top.len() as u64, files, "every input file is an item");
    let by_status = |s: &str| items.iter().filter(|i| i["status"] == s).count() as u64;
    assert_eq!(
        by_status("ok") + by_status("partial") + by_status("failed"),
        items.len() as u64
    );
    for failed in items.iter().filter(|i| i["status"] == "failed") {
        assert!(
            !failed["reason"].as_str().unwrap_or("").is_empty(),
            "failed without a reason: {failed}"
        );
    }
    let mut reasons: HashMap<String, u64> = HashMap::new();
    for i in items.iter().filter(|i| i["status"] != "ok") {
        *reasons
            .entry(
                i["reason"]
                    .as_str()
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect(),
            )
            .or_default() += 1;
    }
    eprintln!(
        "mixed corpus: {files} files, {} items, ok {}, partial {}, failed {}",
        items.len(),
        by_status("ok"),
        by_status("partial"),
        by_status("failed")
    );
    let mut reasons: Vec<_> = reasons.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (reason, n) in reasons.iter().take(15) {
        eprintln!("  {n:>5}  {reason}");
    }

    // A sample of the text agrees with FreeEed's own extraction.
    let reference = corpus.join("freeeed/mixed-reference-text");
    let mut compared = 0;
    let mut agreeing = 0;
    for item in top
        .iter()
        .filter(|i| i["type"] == "email" || i["type"] == "text")
        .step_by(40)
    {
        let name = item["path"].as_str().unwrap().rsplit('/').next().unwrap();
        let Ok(expected) = fs::read_to_string(reference.join(format!("{name}.txt"))) else {
            continue;
        };
        let shown = d.json(&["item", "--case", "MIXED", &item["id"].to_string()]);
        let ours: std::collections::HashSet<String> = words(shown["text"].as_str().unwrap());
        let theirs = words(&expected);
        if theirs.is_empty() {
            continue;
        }
        compared += 1;
        let shared = theirs.iter().filter(|w| ours.contains(*w)).count();
        if shared * 10 >= theirs.len() * 9 {
            agreeing += 1;
        }
    }
    eprintln!(
        "reference text: {agreeing}/{compared} sampled items share at least 90% of FreeEed's words"
    );
    assert!(compared >= 20, "sample too small: {compared}");
    assert!(agreeing * 10 >= compared * 9, "{agreeing}/{compared}");
}

fn words(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// The real Outlook mailboxes of the corpus (`formats/pst`): an ANSI one
/// read whole, a Unicode one read except its distribution list, which the
/// PST library refuses, and a password-protected one refused clearly.
#[test]
fn the_corpus_outlook_mailboxes_are_read_or_refused_with_a_reason() {
    let Some(corpus) = shared_corpus() else {
        eprintln!("SKIPPED: ../shared/corpus is not present");
        return;
    };
    let pst = corpus.join("formats/pst");
    let d = disclose!();
    d.new_case("PSTS");
    // Exits non-zero: the password-protected mailbox fails.
    d.run(&["import", "--case", "PSTS", pst.to_str().unwrap()]);
    let items = d.json(&["items", "--case", "PSTS"]);
    let items = items.as_array().unwrap();
    let by_name = |name: &str| {
        items
            .iter()
            .find(|i| i["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} missing: {items:#?}"))
    };
    let ansi = by_name("go-pst_32-bit.pst");
    assert_eq!(ansi["status"], "ok", "{ansi:#}");
    assert_eq!(ansi["metadata"]["pst-format"], "ansi");
    let appointment =
        by_name("go-pst_32-bit.pst/Calendar/Updated: Olympus training for new hires.ics");
    assert_eq!(appointment["type"], "calendar");

    let unicode = by_name("java-libpst_dist-list.pst");
    assert_eq!(unicode["metadata"]["pst-format"], "unicode");
    assert_eq!(by_name("Calendar/Test appointment.ics")["type"], "calendar");
    let contact = by_name("Contacts/contact name 1.vcf");
    assert_eq!(contact["type"], "contact");
    let text = d.json(&["item", "--case", "PSTS", &contact["id"].to_string()])["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("contact1@rjohnson.id.au"), "{text}");

    let locked = by_name("java-libpst_passworded.pst");
    assert_eq!(locked["status"], "failed");
    assert!(locked["reason"]
        .as_str()
        .unwrap()
        .contains("password-protected"));
}

//! The anchored audit trail: deleting its newest entries (triggers
//! dropped, so the chain still links) is caught against the head kept in
//! the home's registry of cases; two writers at once — an import beside
//! decisions, in separate processes — keep one valid chain.

use std::thread;

use disclose_fixtures::{disclose, disclose_unprivileged, fixtures};

#[test]
fn removing_the_newest_audit_entries_is_reported_as_truncation() {
    let d = disclose!();
    d.new_case("AUD");
    for query in ["damp", "kitchen", "noise", "garden"] {
        d.run(&["search", "--case", "AUD", query]).ok();
    }
    let intact = d.run(&["audit", "--case", "AUD", "--verify"]).ok();
    assert!(
        intact.stdout.contains("matches the anchor"),
        "{}",
        intact.stdout
    );
    let entries = d.json(&["audit", "--case", "AUD"]);
    let count = entries.as_array().unwrap().len();
    assert!(count >= 5, "{entries}");

    let db = rusqlite::Connection::open(d.case_dir("AUD").join("case.db")).unwrap();
    db.execute_batch(&format!(
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > {};",
        count - 2
    ))
    .unwrap();
    drop(db);

    let run = d.run(&["audit", "--case", "AUD", "--verify"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("newest 2 entries are missing"),
        "{}",
        run.stderr
    );
    let v = d
        .run(&["--json", "audit", "--case", "AUD", "--verify"])
        .json();
    assert_eq!(v["intact"], false);
    assert_eq!(v["anchored"]["entries"], count);
    let check = d.run(&["--json", "check", "--case", "AUD"]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains("missing"), "{}", check.stdout);
}

#[test]
fn an_import_beside_decisions_in_other_processes_keeps_one_valid_chain() {
    let d = disclose!();
    d.new_case("TWO");
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for (dir, prefix, n) in [(&first, "a", 5), (&second, "b", 120)] {
        for i in 0..n {
            std::fs::write(
                dir.path().join(format!("{prefix}{i}.eml")),
                fixtures::eml(
                    &format!("{prefix}{i}@x"),
                    "Sam Officer <sam.officer@northgate-homes.example>",
                    "Jane Smith <jane.smith@example.com>",
                    "Repairs",
                    "Mon, 5 Jan 2026 09:00:00 +0000",
                    &format!("Note {prefix}{i} on the repair."),
                ),
            )
            .unwrap();
        }
    }
    d.run(&["import", "--case", "TWO", first.path().to_str().unwrap()])
        .ok();

    let decisions = 12;
    thread::scope(|s| {
        let import = s.spawn(|| {
            d.run(&["import", "--case", "TWO", second.path().to_str().unwrap()])
                .ok();
        });
        let deciders: Vec<_> = (0..2)
            .map(|t| {
                let d = &d;
                s.spawn(move || {
                    for n in 0..decisions / 2 {
                        let item = (1 + (t * 3 + n) % 5).to_string();
                        let decision = if n % 2 == 0 {
                            "disclose"
                        } else {
                            "not-relevant"
                        };
                        d.run(&["decide", "--case", "TWO", "--item", &item, "--as", decision])
                            .ok();
                    }
                })
            })
            .collect();
        import.join().unwrap();
        for decider in deciders {
            decider.join().unwrap();
        }
    });

    let v = d
        .run(&["--json", "audit", "--case", "TWO", "--verify"])
        .json();
    assert_eq!(v["intact"], true, "{v}");
    let trail = d.json(&["audit", "--case", "TWO"]);
    let decided = trail
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "decide")
        .count();
    assert_eq!(
        decided, decisions as usize,
        "every decision is in the trail"
    );
    assert_eq!(v["anchored"]["entries"], v["entries"], "{v}");
}

/// Who acted is the name set for the machine's account, with the account
/// read from the system: setting `$USER` changes nothing.
#[test]
fn actions_are_recorded_with_the_name_set_and_the_account_from_the_system() {
    let d = disclose_unprivileged!();
    let run = |args: &[&str]| {
        let out = d
            .command()
            .env("USER", "mallory")
            .env("USERNAME", "mallory")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let before: serde_json::Value = serde_json::from_str(&run(&["--json", "whoami"])).unwrap();
    assert!(before["name"].is_null(), "{before}");
    let account = before["account"].as_str().unwrap().to_string();
    assert_ne!(account, "mallory");
    if disclose_fixtures::is_root() {
        assert_eq!(account, "nobody");
        assert_eq!(before["uid"], disclose_fixtures::NOBODY);
    }

    run(&["whoami", "--set", "Priya Khan"]);
    run(&["case", "new", "--ref", "WHO", "--subject", "Jane Smith"]);
    let trail: serde_json::Value =
        serde_json::from_str(&run(&["--json", "audit", "--case", "WHO"])).unwrap();
    let actor = trail[0]["actor"].as_str().unwrap();
    assert!(
        actor.starts_with("Priya Khan (account ") && actor.contains(&account),
        "{actor}"
    );
    assert!(!actor.contains("mallory"), "{actor}");
}

//! Creating, listing and showing cases.

use disclose_fixtures::disclose;

#[test]
fn a_new_case_has_a_documented_folder_and_round_trips_its_fields() {
    let d = disclose!();
    d.new_case("SAR-2026-001");
    let dir = d.case_dir("SAR-2026-001");
    assert!(dir.join("case.db").is_file());
    assert!(dir.join("index").is_dir());

    let shown = d.json(&["case", "show", "SAR-2026-001"]);
    let case = &shown["case"];
    assert_eq!(case["reference"], "SAR-2026-001");
    assert_eq!(case["kind"], "access");
    assert_eq!(case["region"], "england-wales");
    assert_eq!(case["received"], "2026-03-03");
    assert_eq!(case["subject"]["name"], "Jane Anne Smith");
    assert_eq!(case["subject"]["aliases"][0], "Jane Brown");
    assert_eq!(case["subject"]["date_of_birth"], "1985-03-04");
    assert_eq!(case["subject"]["ni_number"], "AB 12 34 56 C");
    assert_eq!(shown["items"], 0);

    let list = d.json(&["case", "list"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

#[test]
fn bad_input_is_a_user_error_with_a_clear_message() {
    let d = disclose!();
    let run = d.run(&["case", "new", "--ref", "../escape", "--subject", "X"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("case reference"), "{}", run.stderr);

    let run = d.run(&[
        "case",
        "new",
        "--ref",
        "A",
        "--subject",
        "X",
        "--ni",
        "QQ123456Z",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("National Insurance"), "{}", run.stderr);

    let run = d.run(&["--json", "case", "show", "NOPE"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "not_found");

    d.new_case("DUP");
    let again = d.run(&["case", "new", "--ref", "DUP", "--subject", "Y"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"));
}

#[test]
fn household_members_and_kind_are_kept() {
    let d = disclose!();
    d.run(&[
        "case",
        "new",
        "--ref",
        "P-1",
        "--subject",
        "Grace Okafor",
        "--kind",
        "both",
        "--region",
        "scotland",
        "--household",
        "Daniel Okafor:son",
        "--requester",
        "Shelter Legal (representative)",
    ])
    .ok();
    let case = &d.json(&["case", "show", "P-1"])["case"];
    assert_eq!(case["kind"], "both");
    assert_eq!(case["region"], "scotland");
    assert_eq!(case["household"][0]["name"], "Daniel Okafor");
    assert_eq!(case["household"][0]["relationship"], "son");
    assert_eq!(case["requester"], "Shelter Legal (representative)");
}

#[test]
fn every_action_is_in_a_tamper_evident_audit_trail() {
    let d = disclose!();
    d.new_case("AUD");
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("n.txt"), "a note about Jane Smith").unwrap();
    d.json(&["import", "--case", "AUD", input.path().to_str().unwrap()]);
    d.json(&["search", "--case", "AUD", "note"]);
    d.json(&["sweep", "--case", "AUD"]);
    let trail = d.json(&["audit", "--case", "AUD"]);
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["case-created", "import", "search", "sweep"]);
    assert_eq!(trail[2]["detail"]["query"], "note");
    let ok = d
        .run(&["--json", "audit", "--case", "AUD", "--verify"])
        .ok();
    assert_eq!(ok.json()["intact"], true);

    // Edit one row by hand, as someone with the database open would.
    let db = rusqlite::Connection::open(d.case_dir("AUD").join("case.db")).unwrap();
    db.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{\"query\":\"other\"}' WHERE id = 3;")
        .unwrap();
    drop(db);
    let bad = d.run(&["--json", "audit", "--case", "AUD", "--verify"]);
    assert_eq!(bad.code, 1);
    let v = bad.json();
    assert_eq!(v["intact"], false);
    assert_eq!(v["broken_at"], 3);
    let human = d.run(&["audit", "--case", "AUD", "--verify"]);
    assert!(
        human.stderr.contains("changed at entry 3"),
        "{}",
        human.stderr
    );
}

#[test]
fn pausing_and_extending_move_the_deadline_and_are_audited() {
    let d = disclose!();
    d.new_case("CLOCK-1");
    // Received 2026-03-03: due 2026-04-03 (Good Friday) rolls to Tue 7 April.
    let shown = d.json(&["case", "show", "CLOCK-1"]);
    assert_eq!(shown["deadline"]["due"], "2026-04-07", "{shown}");
    let paused = d.json(&["case", "pause", "CLOCK-1", "2026-03-10:2026-03-17"]);
    assert_eq!(paused["paused_days"], 8, "both ends count: {paused}");
    assert_eq!(
        paused["due"], "2026-04-13",
        "3 Apr + 8 = Sat 11 Apr: {paused}"
    );
    let extended = d.json(&["case", "extend", "CLOCK-1"]);
    assert!(
        extended["due"].as_str().unwrap() > paused["due"].as_str().unwrap(),
        "{extended}"
    );
    let trail = d.run(&["audit", "--case", "CLOCK-1"]).ok();
    assert_eq!(
        trail.stdout.matches("deadline-change").count(),
        2,
        "{}",
        trail.stdout
    );
    d.run(&["audit", "--case", "CLOCK-1", "--verify"]).ok();
}

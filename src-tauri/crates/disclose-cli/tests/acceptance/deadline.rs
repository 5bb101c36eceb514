//! The statutory clock through the CLI, and on cases: pauses counting both
//! ends, extensions from receipt, imported bank holidays re-checking open
//! cases, and closed cases that are not overdue.

use disclose_fixtures::govuk::bank_holidays_json;
use disclose_fixtures::{disclose, Disclose};

#[test]
fn deadline_contract() {
    let d = disclose!();
    let due = |args: &[&str]| {
        let mut all = vec!["deadline"];
        all.extend_from_slice(args);
        d.json(&all)["due"].as_str().unwrap().to_string()
    };
    assert_eq!(
        due(&["--received", "2026-03-03", "--region", "england-wales"]),
        "2026-04-07",
        "Easter"
    );
    assert_eq!(
        due(&["--received", "2026-03-03", "--region", "scotland"]),
        "2026-04-06",
        "no Easter Monday in Scotland"
    );
    assert_eq!(
        due(&["--received", "2022-08-19", "--region", "northern-ireland"]),
        "2022-09-20",
        "State Funeral"
    );
    assert_eq!(
        due(&[
            "--received",
            "2026-03-03",
            "--pause",
            "2026-03-05:2026-03-12"
        ]),
        "2026-04-13",
        "8 paused days, both ends counted: Sat 11 Apr -> Mon 13"
    );
    let extended = d.json(&["deadline", "--received", "2026-03-03", "--extend"]);
    assert_eq!(extended["due"], "2026-06-03");
    assert_eq!(extended["extension_notice_by"], "2026-04-07");
    assert_eq!(
        due(&["--received", "2019-01-31", "--extend"]),
        "2019-04-30",
        "three months from receipt"
    );
    assert_eq!(due(&["--received", "2019-05-31", "--extend"]), "2019-09-02");
    let paused = d.json(&[
        "deadline",
        "--received",
        "2026-12-01",
        "--region",
        "scotland",
        "--pause",
        "2026-12-03:2026-12-10",
        "--extend",
    ]);
    assert_eq!(paused["paused_days"], 8);
    assert_eq!(paused["extension_notice_by"], "2027-01-11");
    assert_eq!(paused["due"], "2027-03-09");
    for received in ["2026-05-13", "2026-05-14", "2026-05-15"] {
        assert_eq!(
            due(&["--received", received, "--region", "scotland"]),
            "2026-06-16",
            "15 June 2026 is a bank holiday in Scotland"
        );
    }
    let bad = d.run(&["deadline", "--received", "2026-03-03", "--region", "wales"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("unknown region"));
}

#[test]
fn cases_show_their_deadline_and_list_overdue_first() {
    let d = disclose!();
    d.run(&[
        "case",
        "new",
        "--ref",
        "LATE",
        "--subject",
        "A Person",
        "--received",
        "2020-01-06",
    ])
    .ok();
    d.run(&[
        "case",
        "new",
        "--ref",
        "EARLY",
        "--subject",
        "B Person",
        "--received",
        "2099-01-06",
    ])
    .ok();
    let list = d.json(&["case", "list"]);
    let refs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case"]["reference"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["LATE", "EARLY"]);
    assert_eq!(list[0]["deadline"]["due"], "2020-02-06");
    assert!(list[0]["days_left"].as_i64().unwrap() < 0);
    let human = d.run(&["case", "list"]).ok();
    assert!(human.stdout.contains("days overdue"), "{}", human.stdout);
}

fn new_case(d: &Disclose, reference: &str, received: &str, region: &str) {
    d.run(&[
        "case",
        "new",
        "--ref",
        reference,
        "--subject",
        "A Person",
        "--received",
        received,
        "--region",
        region,
    ])
    .ok();
}

#[test]
fn importing_bank_holidays_moves_an_open_case_and_the_audit_trail_shows_it() {
    let d = disclose!();
    // Due Mon 14 Jun 2027 in Scotland, until a new holiday is announced.
    new_case(&d, "OPEN", "2027-05-14", "scotland");
    new_case(&d, "ENGLAND", "2027-05-14", "england-wales");
    new_case(&d, "CLOSED", "2027-05-14", "scotland");
    d.run(&[
        "case",
        "close",
        "CLOSED",
        "--outcome",
        "responded",
        "--on",
        "2027-06-01",
    ])
    .ok();
    let shown = d.json(&["case", "show", "OPEN"]);
    assert_eq!(shown["deadline"]["due"], "2027-06-14");
    assert_eq!(shown["due_moves"], serde_json::json!([]));

    let file = d.home.path().join("downloaded-bank-holidays.json");
    let extra = [("scotland", "2027-06-14", "Extra bank holiday")];
    std::fs::write(&file, bank_holidays_json(2026..=2028, &extra)).unwrap();
    let imported = d.json(&["holidays", "import", file.to_str().unwrap()]);
    let moved = imported["moved"].as_array().unwrap();
    assert_eq!(moved.len(), 1, "{imported}");
    assert_eq!(moved[0]["reference"], "OPEN");
    assert_eq!(moved[0]["before"], "2027-06-14");
    assert_eq!(moved[0]["after"], "2027-06-15");
    assert!(
        d.home.path().join("bank-holidays.json").is_file(),
        "kept in the home"
    );
    let scotland = imported["file"]["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "scotland")
        .unwrap()
        .clone();
    assert_eq!(
        (
            scotland["first_year"].clone(),
            scotland["last_year"].clone()
        ),
        (2026.into(), 2028.into())
    );

    // The case says so, in JSON and in words.
    let shown = d.json(&["case", "show", "OPEN"]);
    assert_eq!(shown["deadline"]["due"], "2027-06-15");
    assert_eq!(shown["due_moves"][0]["before"], "2027-06-14");
    assert_eq!(shown["due_moves"][0]["after"], "2027-06-15");
    assert_eq!(shown["due_moves"][0]["cause"], "holidays");
    let words = d.run(&["case", "show", "OPEN"]).ok().stdout;
    assert!(
        words.contains("Due moved:    2027-06-14 -> 2027-06-15")
            && words.contains("bank holidays were imported"),
        "{words}"
    );
    // The audit trail records before and after, and still verifies.
    let audit = d.json(&["audit", "--case", "OPEN"]);
    let entry = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "deadline-moved")
        .unwrap_or_else(|| panic!("no deadline-moved entry: {audit}"))
        .clone();
    assert_eq!(entry["detail"]["due_before"], "2027-06-14");
    assert_eq!(entry["detail"]["due_after"], "2027-06-15");
    assert_eq!(d.run(&["audit", "--case", "OPEN", "--verify"]).code, 0);
    // Not a holiday in England; a closed case is left alone.
    assert_eq!(
        d.json(&["case", "show", "ENGLAND"])["deadline"]["due"],
        "2027-06-14"
    );
    let closed = d.json(&["audit", "--case", "CLOSED"]);
    assert!(!closed.to_string().contains("deadline-moved"), "{closed}");
    // Importing the same file again moves nothing more.
    let again = d.json(&["holidays", "import", file.to_str().unwrap()]);
    assert_eq!(again["moved"], serde_json::json!([]));

    // The explanation and the list say where the day came from.
    let deadline = d.json(&[
        "deadline",
        "--received",
        "2027-05-14",
        "--region",
        "scotland",
    ]);
    let steps = deadline["explanation"].to_string();
    assert!(
        steps.contains(
            "Mon 14 Jun 2027 is Extra bank holiday (from the imported GOV.UK bank-holidays file)"
        ),
        "{steps}"
    );
    let list = d.json(&["holidays", "list", "--region", "scotland", "--year", "2027"]);
    let day = list["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["date"] == "2027-06-14")
        .unwrap()
        .clone();
    assert_eq!(day["source"], "imported");
    // Computed rules still cover the years the file does not reach.
    let later = d.json(&["holidays", "list", "--region", "scotland", "--year", "2029"]);
    assert_eq!(later["holidays"][0]["source"], "rule");
    let words = d
        .run(&["holidays", "list", "--region", "scotland", "--year", "2026"])
        .ok()
        .stdout;
    assert!(words.contains("Mon 15 Jun 2026"), "{words}");
}

#[test]
fn a_bad_holidays_file_is_refused_and_changes_nothing() {
    let d = disclose!();
    let file = d.home.path().join("not-holidays.json");
    for bad in ["{", r#"{"wales": {"division": "wales", "events": []}}"#] {
        std::fs::write(&file, bad).unwrap();
        let run = d.run(&["--json", "holidays", "import", file.to_str().unwrap()]);
        assert_eq!(run.code, 1);
        let error = &run.json()["error"];
        assert_eq!(error["code"], "invalid", "{run:?}");
        assert!(
            error["message"].as_str().unwrap().contains("GOV.UK"),
            "{run:?}"
        );
    }
    assert!(!d.home.path().join("bank-holidays.json").exists());
    let missing = d.run(&["holidays", "import", "/nonexistent/bank-holidays.json"]);
    assert_eq!(missing.code, 1);
    let bad_region = d.run(&["holidays", "list", "--region", "wales"]);
    assert_eq!(bad_region.code, 1);
}

#[test]
fn closed_and_purged_cases_show_their_outcome_not_days_overdue() {
    let d = disclose!();
    new_case(&d, "DONE", "2019-01-06", "england-wales");
    new_case(&d, "GONE", "2019-02-06", "england-wales");
    new_case(&d, "LATE", "2020-01-06", "england-wales");
    d.run(&[
        "case",
        "close",
        "DONE",
        "--outcome",
        "responded",
        "--on",
        "2019-02-01",
    ])
    .ok();
    d.run(&[
        "case",
        "close",
        "GONE",
        "--outcome",
        "withdrawn",
        "--on",
        "2019-02-20",
    ])
    .ok();
    d.run(&["case", "purge", "GONE", "--retention-days", "0"])
        .ok();

    let list = d.json(&["case", "list"]);
    let refs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case"]["reference"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["LATE", "DONE"], "open cases first");
    assert!(list[0]["days_left"].as_i64().unwrap() < 0);
    assert_eq!(list[1]["days_left"], serde_json::Value::Null);
    assert_eq!(list[1]["closure"]["outcome"], "responded");
    assert_eq!(list[1]["closure"]["closed_on"], "2019-02-01");

    let words = d.run(&["case", "list"]).ok().stdout;
    let line = |r: &str| {
        words
            .lines()
            .find(|l| l.starts_with(r))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("LATE").contains("days overdue"), "{words}");
    assert!(
        line("DONE").contains("closed 2019-02-01 (responded)"),
        "{words}"
    );
    assert!(!line("DONE").contains("overdue"), "{words}");
    assert!(
        line("GONE").contains("(purged)") && line("GONE").contains("closed 2019-02-20 (withdrawn)"),
        "{words}"
    );
    assert!(!line("GONE").contains("overdue"), "{words}");
    let shown = d.run(&["case", "show", "DONE"]).ok().stdout;
    assert!(
        shown.contains("Closed:       2019-02-01 (responded"),
        "{shown}"
    );
    assert!(!shown.contains("overdue"), "{shown}");
}

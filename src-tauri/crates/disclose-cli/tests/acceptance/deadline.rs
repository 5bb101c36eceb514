//! The statutory clock through the CLI, and on cases: pauses counting both
//! ends, extensions from receipt, imported bank holidays re-checking open
//! cases, and closed cases that are not overdue.

use chrono::Datelike;
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
    let future = d.run(&[
        "--json",
        "case",
        "new",
        "--ref",
        "EARLY",
        "--subject",
        "B Person",
        "--received",
        "2099-01-06",
    ]);
    assert_eq!(
        future.code, 1,
        "a request received in the future: {future:?}"
    );
    assert!(
        future.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("received in the future"),
        "{future:?}"
    );
    let today = chrono::Local::now().date_naive().to_string();
    d.run(&[
        "case",
        "new",
        "--ref",
        "EARLY",
        "--subject",
        "B Person",
        "--received",
        &today,
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
    // Cases received today (a case cannot be received in the future); a
    // holiday announced on the Scottish due day moves that day.
    let today = chrono::Local::now().date_naive();
    let received = today.to_string();
    let due_by = |region: &str| {
        d.json(&["deadline", "--received", &received, "--region", region])["due"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let scottish_due = due_by("scotland");
    let english_due = due_by("england-wales");
    new_case(&d, "OPEN", &received, "scotland");
    new_case(&d, "ENGLAND", &received, "england-wales");
    new_case(&d, "CLOSED", &received, "scotland");
    d.run(&[
        "case",
        "close",
        "CLOSED",
        "--outcome",
        "responded",
        "--on",
        &received,
    ])
    .ok();
    let shown = d.json(&["case", "show", "OPEN"]);
    assert_eq!(shown["deadline"]["due"], scottish_due.as_str());
    assert_eq!(shown["due_moves"], serde_json::json!([]));

    let file = d.home.path().join("downloaded-bank-holidays.json");
    let extra = [("scotland", scottish_due.as_str(), "Extra bank holiday")];
    let year = today.year();
    std::fs::write(&file, bank_holidays_json(year - 1..=year + 2, &extra)).unwrap();
    let imported = d.json(&["holidays", "import", file.to_str().unwrap()]);
    let moved = imported["moved"].as_array().unwrap();
    assert_eq!(moved.len(), 1, "{imported}");
    assert_eq!(moved[0]["reference"], "OPEN");
    assert_eq!(moved[0]["before"], scottish_due.as_str());
    let moved_due = due_by("scotland");
    assert!(moved_due > scottish_due, "{moved_due} after {scottish_due}");
    assert_eq!(moved[0]["after"], moved_due.as_str());
    assert_eq!(
        d.json(&["case", "show", "OPEN"])["deadline"]["due"],
        moved_due.as_str()
    );
    // Not a holiday in England; a closed case is left alone.
    assert_eq!(
        d.json(&["case", "show", "ENGLAND"])["deadline"]["due"],
        english_due.as_str()
    );
    let closed = d.json(&["audit", "--case", "CLOSED"]);
    assert!(!closed.to_string().contains("deadline-moved"), "{closed}");
    // Importing the same file again moves nothing more.
    let again = d.json(&["holidays", "import", file.to_str().unwrap()]);
    assert_eq!(again["moved"], serde_json::json!([]));

    // The explanation and the list say where the day came from.
    let deadline = d.json(&["deadline", "--received", &received, "--region", "scotland"]);
    let steps = deadline["explanation"].to_string();
    let holiday: chrono::NaiveDate = scottish_due.parse().unwrap();
    let said = format!(
        "{} is Extra bank holiday (from the imported GOV.UK bank-holidays file)",
        holiday.format("%a %-d %b %Y")
    );
    assert!(steps.contains(&said), "{said} in {steps}");
    let holiday_year = holiday.year().to_string();
    let list = d.json(&[
        "holidays",
        "list",
        "--region",
        "scotland",
        "--year",
        &holiday_year,
    ]);
    let day = list["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["date"] == scottish_due.as_str())
        .unwrap()
        .clone();
    assert_eq!(day["source"], "imported");
    // Computed rules still cover the years the file does not reach.
    let beyond = (year + 3).to_string();
    let later = d.json(&[
        "holidays", "list", "--region", "scotland", "--year", &beyond,
    ]);
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

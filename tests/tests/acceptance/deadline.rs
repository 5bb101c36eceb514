//! The statutory clock through the CLI, and on cases.

use disclose_acceptance::Disclose;

#[test]
fn deadline_contract() {
    let d = Disclose::new();
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
        "2026-04-10"
    );
    let extended = d.json(&["deadline", "--received", "2026-03-03", "--extend"]);
    assert_eq!(extended["due"], "2026-06-03");
    assert_eq!(extended["extension_notice_by"], "2026-04-07");
    let bad = d.run(&["deadline", "--received", "2026-03-03", "--region", "wales"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("unknown region"));
}

#[test]
fn cases_show_their_deadline_and_list_overdue_first() {
    let d = Disclose::new();
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

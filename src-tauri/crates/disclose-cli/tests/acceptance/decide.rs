//! `disclose decide`: review decisions by id, by query and for all items,
//! the reason an exemption needs, and the trail they leave.

use disclose_fixtures::disclose;

#[test]
fn decisions_by_query_and_id_with_reasons_and_audit() {
    let d = disclose!();
    let demo = d.json(&["demo"]);
    let total = demo["import"]["items"].as_u64().unwrap();

    let decided = d.json(&[
        "decide",
        "--case",
        "DEMO-001",
        "--query",
        "type:email",
        "--as",
        "disclose",
    ]);
    let emails = decided["items"].as_array().unwrap().len() as u64;
    assert!(emails >= 5, "{decided}");
    assert_eq!(decided["progress"]["decided"], emails);
    assert_eq!(decided["progress"]["total"], total);

    let refused = d.run(&[
        "decide", "--case", "DEMO-001", "--item", "1", "--as", "withhold",
    ]);
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(
        refused.stderr.contains("needs a reason"),
        "{}",
        refused.stderr
    );
    let unknown = d.run(&[
        "decide", "--case", "DEMO-001", "--item", "1", "--as", "maybe",
    ]);
    assert_eq!(
        unknown.code, 2,
        "clap rejects an unknown decision: {unknown:?}"
    );
    let none = d.run(&["decide", "--case", "DEMO-001", "--as", "disclose"]);
    assert_ne!(none.code, 0, "one of --item, --query or --all is required");

    let withheld = d.json(&[
        "decide",
        "--case",
        "DEMO-001",
        "--item",
        "1",
        "--as",
        "withhold",
        "--reason",
        "legal-privilege",
    ]);
    assert_eq!(withheld["reason"], "legal-privilege");
    let all = d.json(&[
        "decide",
        "--case",
        "DEMO-001",
        "--all",
        "--as",
        "not-relevant",
    ]);
    assert_eq!(all["progress"]["decided"], total);
    assert_eq!(all["progress"]["by_decision"]["not-relevant"], total);

    let trail = d.json(&["audit", "--case", "DEMO-001"]);
    let decides: Vec<&serde_json::Value> = trail
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "decide")
        .collect();
    assert_eq!(decides.len(), 3, "one entry per decision run");
    assert_eq!(decides[1]["detail"]["reason"], "legal-privilege");
    assert_eq!(
        d.json(&["audit", "--case", "DEMO-001", "--verify"])["intact"],
        true
    );
}

#[test]
fn the_list_of_reasons_is_configurable_in_the_home() {
    let d = disclose!();
    d.json(&["demo"]);
    std::fs::write(
        d.home.path().join("reasons.json"),
        r#"[{"code": "safeguarding", "label": "Safeguarding a child", "citation": "DPA 2018 Sch. 3 Pt 3 para 8"},
            {"code": "crime", "label": "Prevention or detection of crime", "citation": "DPA 2018 Sch. 2 Pt 1 para 2"}]"#,
    )
    .unwrap();
    let listed = d.json(&["reasons"]);
    let codes: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"third-party") && codes.contains(&"safeguarding"),
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == "crime").count(),
        1,
        "a default is reworded, not repeated"
    );
    d.run(&[
        "decide",
        "--case",
        "DEMO-001",
        "--item",
        "2",
        "--as",
        "withhold",
        "--reason",
        "safeguarding",
    ])
    .ok();
    let unknown = d.run(&[
        "decide", "--case", "DEMO-001", "--item", "2", "--as", "withhold", "--reason", "whim",
    ]);
    assert_eq!(unknown.code, 1);
    assert!(
        unknown.stderr.contains("safeguarding"),
        "the known codes are listed: {}",
        unknown.stderr
    );
    std::fs::write(
        d.home.path().join("reasons.json"),
        r#"[{"code": "Bad Code", "label": "x"}]"#,
    )
    .unwrap();
    assert_eq!(d.run(&["reasons"]).code, 1, "a malformed list is refused");
}

/// `disclose review` pages through the review queue: the pages join up to
/// `disclose items` in the same order, the undecided filter leaves out what
/// was decided, and the counts agree with `disclose decide`'s progress.
#[test]
fn the_review_queue_comes_in_pages_that_join_up_to_the_whole_list() {
    let d = disclose!();
    d.json(&["demo"]);
    let ids = |list: &serde_json::Value| -> Vec<i64> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    };
    let items = ids(&d.json(&["items", "--case", "DEMO-001"]));
    let decide = |item: i64, decision: &str| {
        let item = item.to_string();
        let args = [
            "decide", "--case", "DEMO-001", "--item", &item, "--as", decision,
        ];
        d.json(&args)["progress"].clone()
    };
    decide(items[0], "disclose");
    decide(items[3], "disclose");
    let progress = decide(items[3], "not-relevant");
    let decided = [items[0], items[3]];

    let pages = |undecided: bool| {
        let mut seen = Vec::new();
        loop {
            let offset = seen.len().to_string();
            let mut args = vec!["review", "--case", "DEMO-001", "--offset", &offset];
            args.extend(["--limit", "4"]);
            if undecided {
                args.push("--undecided");
            }
            let page = d.json(&args);
            assert_eq!(page["total"], progress["total"], "{page}");
            assert_eq!(page["decided"], progress["decided"], "{page}");
            let rows = page["rows"].as_array().unwrap().clone();
            if rows.is_empty() {
                return (seen, page);
            }
            for row in rows {
                let id = row["item"]["id"].as_i64().unwrap();
                let expected = match id {
                    _ if id == items[0] => "disclose",
                    _ if id == items[3] => "not-relevant",
                    _ => "",
                };
                let current = row["decision"]["decision"].as_str().unwrap_or("");
                assert_eq!(current, expected, "item {id}: {row}");
                seen.push(id);
            }
        }
    };
    let (all, page) = pages(false);
    assert_eq!(all, items, "every item, in id order");
    assert_eq!(page["listed"], items.len());
    assert_eq!(page["first_undecided"], 1, "the first item is decided");
    let (undecided, page) = pages(true);
    let expected: Vec<i64> = items
        .iter()
        .copied()
        .filter(|i| !decided.contains(i))
        .collect();
    assert_eq!(undecided, expected, "only the undecided items");
    assert_eq!(page["listed"], expected.len());

    let text = d.run(&[
        "review", "--case", "DEMO-001", "--offset", "2", "--limit", "3",
    ]);
    assert_eq!(text.code, 0, "{text:?}");
    let last = text.stdout.lines().last().unwrap_or_default().to_string();
    let expected = format!("items 3-5 of {}; 2 of {} decided", items.len(), items.len());
    assert_eq!(last, expected, "{}", text.stdout);
}

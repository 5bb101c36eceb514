//! The built-in demo case works end to end from the CLI.

use disclose_fixtures::disclose;

#[test]
fn the_demo_case_imports_and_finds_its_subject() {
    let d = disclose!();
    let demo = d.json(&["demo"]);
    assert_eq!(demo["case"], "DEMO-001");
    let import = &demo["import"];
    assert!(import["items"].as_u64().unwrap() > 30, "{import:#}");
    assert_eq!(
        import["failed"], 1,
        "only the deliberately damaged file: {import:#}"
    );
    assert!(import["failures"][0][0]
        .as_str()
        .unwrap()
        .ends_with("old-notes-damaged.docx"));
    assert!(import["duplicates"].as_u64().unwrap() >= 1);

    let sweep = d.json(&["sweep", "--case", "DEMO-001"]);
    for kind in [
        "name",
        "alias",
        "date_of_birth",
        "postcode",
        "ni_number",
        "phone",
        "email",
        "account_ref",
        "address",
    ] {
        let hits: usize = sweep["identifiers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == kind)
            .map(|i| i["items"].as_array().unwrap().len())
            .sum();
        assert!(hits > 0, "the sweep finds the subject by {kind}");
    }
    let patel = d.json(&["search", "--case", "DEMO-001", "Patel"]);
    assert!(patel["hits"].as_u64().unwrap() >= 3, "{patel:#}");
    // The HTML part of the visit email names a neighbour the text part does not.
    let okafor = d.json(&["search", "--case", "DEMO-001", "okafor AND subject:visit"]);
    assert_eq!(okafor["hits"], 1);

    let again = d.run(&["demo"]);
    assert_eq!(
        again.code, 1,
        "a second demo with the same reference is refused"
    );
}

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

    // A call recording and a CCTV clip, made when the demo is made: the
    // call transcribed (its two sides named), the clip's camera read.
    let items = d.json(&["items", "--case", "DEMO-001"]);
    let of_type = |t: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["type"] == t)
            .unwrap_or_else(|| panic!("the demo holds a {t}: {items:#}"))
            .clone()
    };
    let call = d.json(&[
        "item",
        "--case",
        "DEMO-001",
        &of_type("audio")["id"].to_string(),
    ]);
    assert_eq!(call["status"], "ok", "{call:#}");
    let heard = call["text"].as_str().unwrap();
    assert!(
        heard.contains("Caller:") && heard.contains("Agent:"),
        "{heard}"
    );
    assert!(heard.contains("Jane"), "{heard}");
    let clip = d.json(&[
        "item",
        "--case",
        "DEMO-001",
        &of_type("video")["id"].to_string(),
    ]);
    assert_eq!(clip["status"], "ok", "{clip:#}");
    // The clip's faces and the parked car's plate are already tracks,
    // suggested for the caseworker; no other suggestion is made.
    let shown = d.json(&[
        "video",
        "--case",
        "DEMO-001",
        &of_type("video")["id"].to_string(),
    ]);
    let tracks: Vec<(&str, &str)> = shown["tracks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["person"].as_str().unwrap(), t["choice"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tracks,
        [
            ("face-1", "undecided"),
            ("face-2", "undecided"),
            ("plate-1", "undecided")
        ],
        "{shown:#}"
    );
    let waiting = d.marks("DEMO-001", "suggested");
    assert!(
        waiting["marks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["kind"] == "face" || m["kind"] == "vehicle_reg"),
        "{waiting:#}"
    );
    let camera = d.json(&["search", "--case", "DEMO-001", "\"rear gate\""]);
    assert_eq!(camera["hits"], 1, "{camera:#}");
    let case = d.json(&["case", "show", "DEMO-001"]);
    assert!(
        !case.to_string().contains("was not made"),
        "every medium was made here: {case:#}"
    );

    let again = d.run(&["demo"]);
    assert_eq!(
        again.code, 1,
        "a second demo with the same reference is refused"
    );
}

/// `disclose demo --write-files DIR` writes the demo's files, its call
/// recording and CCTV clip among them (the speech model runs here); the
/// clip imports as a video whose parked car's plate is tracked.
#[test]
fn the_demo_files_include_the_call_and_the_clip() {
    let d = disclose!();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("exports");
    let written = d.json(&["demo", "--write-files", out.to_str().unwrap()]);
    let written: Vec<String> = written
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    for medium in [
        "cctv/rear-gate-2026-01-14.mp4",
        "calls/call-2026-01-07-contact-centre.mp3",
    ] {
        let path = out.join(medium);
        assert!(path.is_file(), "{medium} written: {written:?}");
        assert!(written.contains(&path.display().to_string()), "{written:?}");
    }
    d.new_case("FILES");
    d.json(&[
        "import",
        "--case",
        "FILES",
        out.join("cctv").to_str().unwrap(),
    ]);
    let items = d.json(&["items", "--case", "FILES"]);
    assert_eq!(items[0]["type"], "video", "{items:#}");
    // The parked car's plate is followed as a plate track.
    d.run(&["detect", "--case", "FILES"]).ok();
    let plate = d.json(&["redact", "--case", "FILES", "--list", "--person", "plate-1"]);
    let marks = plate["marks"].as_array().unwrap();
    assert!(marks.len() >= 5, "{plate:#}");
    assert!(marks.iter().all(|m| m["text"] == "MA19 XKT"), "{plate:#}");
}

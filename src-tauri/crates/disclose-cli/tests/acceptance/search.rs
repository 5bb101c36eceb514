//! Search features and the subject sweep, through the CLI.

use std::fs;

use disclose_fixtures::{disclose, fixtures, Disclose};
use serde_json::Value;

fn case_with_mail() -> (Disclose, tempfile::TempDir) {
    let d = disclose!();
    d.new_case("S");
    let input = tempfile::tempdir().unwrap();
    let w = |name: &str, data: Vec<u8>| fs::write(input.path().join(name), data).unwrap();
    w(
        "1.eml",
        fixtures::eml(
            "s1@x",
            "Sam Officer <sam.officer@northgate-homes.example>",
            "Jane Smith <jane.smith@example.com>",
            "Repairs to the kitchen",
            "Mon, 5 Jan 2026 09:00:00 +0000",
            "The damp in the kitchen will be treated. Regards, Sam.",
        ),
    );
    w(
        "2.eml",
        fixtures::eml(
            "s2@x",
            "Jane Smith <jane.smith@example.com>",
            "Sam Officer <sam.officer@northgate-homes.example>",
            "Re: Repairs to the kitchen",
            "Tue, 3 Mar 2026 09:00:00 +0000",
            "Thank you. My neighbour Mr Okafor also has damp. Call me on 07700 900123.",
        ),
    );
    w(
        "3.eml",
        fixtures::eml("s3@x", "Anti-social Behaviour Team <asb@northgate-homes.example>", "Sam Officer <sam.officer@northgate-homes.example>", "Noise report", "Fri, 20 Feb 2026 16:00:00 +0000", "A complaint about loud music was made against the tenant at 12 Acacia Avenue, SK1 1AA. Smith, Jane (DOB 04/03/1985)."),
    );
    w(
        "letter.txt",
        b"Dear Mrs Smith, your tenancy TEN-004417 is under review. NI number AB123456C.".to_vec(),
    );
    w(
        "other.txt",
        b"Minutes: the panel discussed the garden and the damp generally.".to_vec(),
    );
    d.json(&["import", "--case", "S", input.path().to_str().unwrap()]);
    (d, input)
}

fn paths(r: &Value) -> Vec<String> {
    let mut p: Vec<String> = r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            h["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    p.sort();
    p
}

/// The words of a search hit's snippet that its highlights mark.
fn highlighted(hit: &Value) -> Vec<&str> {
    let snippet = hit["snippet"].as_str().unwrap();
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect()
}

#[test]
fn query_language() {
    let (d, _input) = case_with_mail();
    let q = |query: &str| d.json(&["search", "--case", "S", query, "--limit", "50"]);

    assert_eq!(paths(&q("damp")), ["1.eml", "2.eml", "other.txt"]);
    assert_eq!(
        paths(&q("damp kitchen")),
        ["1.eml", "2.eml"],
        "space means AND"
    );
    assert_eq!(paths(&q("garden OR music")), ["3.eml", "other.txt"]);
    assert_eq!(paths(&q("damp -kitchen")), ["other.txt"]);
    assert_eq!(paths(&q("damp NOT kitchen")), ["other.txt"]);
    assert_eq!(paths(&q("\"loud music\"")), ["3.eml"], "phrase");
    assert!(paths(&q("\"music loud\"")).is_empty());
    assert_eq!(paths(&q("\"complaint music\"~3")), ["3.eml"], "proximity");
    assert_eq!(paths(&q("okaf*")), ["2.eml"], "prefix");
    assert_eq!(paths(&q("okafro~")), ["2.eml"], "fuzzy: one transposition");
    assert_eq!(paths(&q("okafur~1")), ["2.eml"], "fuzzy: one substitution");
    assert!(paths(&q("okafur")).is_empty());
    assert_eq!(paths(&q("from:jane")), ["2.eml"]);
    assert_eq!(paths(&q("to:jane")), ["1.eml"]);
    assert_eq!(paths(&q("subject:noise")), ["3.eml"]);
    assert_eq!(paths(&q("type:text")), ["letter.txt", "other.txt"]);
    assert_eq!(paths(&q("path:letter")), ["letter.txt"]);
    assert_eq!(paths(&q("date:2026-03-03")), ["2.eml"]);
    assert_eq!(
        paths(&q("date:[2026-01-01 TO 2026-02-28] AND type:email")),
        ["1.eml", "3.eml"]
    );
    assert_eq!(
        paths(&q("ids:\"tel:+447700900123\"")),
        ["2.eml"],
        "normalised phone"
    );

    let bad = d.run(&["--json", "search", "--case", "S", "\"unclosed"]);
    assert_eq!(bad.code, 1);
    assert_eq!(bad.json()["error"]["code"], "query");
}

#[test]
fn results_have_counts_scores_snippets_and_sort_by_date() {
    let (d, _input) = case_with_mail();
    let r = d.json(&["search", "--case", "S", "damp", "--limit", "2"]);
    assert_eq!(r["hits"], 3, "the total, not the page");
    assert_eq!(r["results"].as_array().unwrap().len(), 2);
    let hit = &r["results"][0];
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    let snippet = hit["snippet"].as_str().unwrap();
    let (s, e) = (
        hit["highlights"][0][0].as_u64().unwrap() as usize,
        hit["highlights"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(snippet[s..e].to_lowercase(), "damp");

    let by_date = d.json(&[
        "search",
        "--case",
        "S",
        "kitchen OR music",
        "--sort",
        "date",
    ]);
    let order: Vec<&str> = by_date["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(order, ["2.eml", "3.eml", "1.eml"], "newest first");

    let help = d.run(&["search", "--syntax"]).ok();
    assert!(help.stdout.contains("fuzzy") && help.stdout.contains("date:"));
}

#[test]
fn a_long_texts_snippet_is_its_densest_passage_highlighted_in_place() {
    let d = disclose!();
    d.new_case("LONG");
    let input = tempfile::tempdir().unwrap();
    let filler = "Renée's café on the estate was painted again this spring. ";
    let mut text = filler.repeat(2_000);
    text.push_str("One complaint was logged. ");
    text.push_str(&filler.repeat(2_000));
    text.push_str("Two complaints, each complaint about the damp, were logged. ");
    text.push_str(&filler.repeat(2_000));
    fs::write(input.path().join("long.txt"), &text).unwrap();
    d.json(&["import", "--case", "LONG", input.path().to_str().unwrap()]);

    let results = d.json(&["search", "--case", "LONG", "complaint"]);
    let hit = &results["results"][0];
    let id = hit["item"].to_string();
    let stored = d.json(&["item", "--case", "LONG", &id])["text"]
        .as_str()
        .unwrap()
        .to_string();
    let snippet = hit["snippet"].as_str().unwrap();
    let offset = hit["snippet_offset"].as_u64().unwrap() as usize;
    assert_eq!(&stored[offset..offset + snippet.len()], snippet, "{hit}");
    let highlighted = highlighted(hit);
    assert_eq!(
        highlighted,
        ["complaints", "complaint"],
        "the passage with two, not the first with one: {hit}"
    );
}

#[test]
fn the_sweep_finds_the_subject_under_every_identifier_and_is_logged() {
    let (d, _input) = case_with_mail();
    let report = d.json(&["sweep", "--case", "S"]);
    let by_kind = |kind: &str| -> Vec<String> {
        let mut out = Vec::new();
        for id in report["identifiers"].as_array().unwrap() {
            if id["kind"] == kind {
                for item in id["items"].as_array().unwrap() {
                    out.push(
                        item["path"]
                            .as_str()
                            .unwrap()
                            .rsplit('/')
                            .next()
                            .unwrap()
                            .to_string(),
                    );
                }
            }
        }
        out.sort();
        out
    };
    assert_eq!(
        by_kind("name"),
        ["1.eml", "2.eml", "3.eml", "letter.txt"],
        "Jane Smith, Smith, Jane, Mrs Smith"
    );
    assert_eq!(by_kind("date_of_birth"), ["3.eml"]);
    assert_eq!(by_kind("postcode"), ["3.eml"]);
    assert_eq!(
        by_kind("ni_number"),
        ["letter.txt"],
        "AB 12 34 56 C written as AB123456C"
    );
    assert_eq!(by_kind("account_ref"), ["letter.txt"]);
    assert_eq!(by_kind("address"), ["3.eml"]);
    assert_eq!(by_kind("email"), ["1.eml", "2.eml"]);

    // Where: byte ranges into the item's text.
    let name = report["identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "name")
        .unwrap();
    let letter = name["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with("letter.txt"))
        .unwrap();
    let shown = d.json(&["item", "--case", "S", &letter["item"].to_string()]);
    let text = shown["text"].as_str().unwrap();
    let (s, e) = (
        letter["locations"][0][0].as_u64().unwrap() as usize,
        letter["locations"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Mrs Smith");

    let log = d.json(&["searches", "--case", "S"]);
    let log = log.as_array().unwrap();
    assert!(log.iter().any(|e| e["kind"] == "sweep"
        && e["query"]
            .as_str()
            .unwrap()
            .contains("ids:\"ni:ab123456c\"")));
    assert!(log
        .iter()
        .all(|e| e["at"].as_str().unwrap().len() >= 20 && e["hits"].is_u64()));
}

#[test]
fn plain_words_find_their_inflected_forms_and_quotes_stay_exact() {
    let d = disclose!();
    d.new_case("ST");
    let input = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| fs::write(input.path().join(name), text).unwrap();
    w(
        "complaints.txt",
        "Two complaints were logged about the confidentiality provisions in Houston.",
    );
    w("one.txt", "One complaint only, about the lift.");
    w("hearing.txt", "The arbitrations concluded in March.");
    d.json(&["import", "--case", "ST", input.path().to_str().unwrap()]);
    let q = |query: &str| d.json(&["search", "--case", "ST", query, "--limit", "50"]);

    assert_eq!(paths(&q("complaint")), ["complaints.txt", "one.txt"]);
    assert_eq!(paths(&q("complaints")), ["complaints.txt", "one.txt"]);
    assert_eq!(paths(&q("arbitration")), ["hearing.txt"]);
    assert_eq!(paths(&q("confidential AND Houston")), ["complaints.txt"]);
    assert_eq!(
        paths(&q("\"complaint\"")),
        ["one.txt"],
        "a quoted word is exact"
    );
    assert_eq!(paths(&q("exact:complaint")), ["one.txt"]);
    assert_eq!(
        paths(&q("\"complaints were logged\"")),
        ["complaints.txt"],
        "phrases still match as written"
    );

    // The snippet highlights the form that matched.
    let hit = &q("complaint")["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["path"].as_str().unwrap().ends_with("complaints.txt"))
        .cloned()
        .unwrap();
    let highlighted = highlighted(hit);
    assert_eq!(highlighted, ["complaints"], "{hit}");

    let help = d.run(&["search", "--syntax"]).ok();
    assert!(help.stdout.contains("exact:complaint"), "{}", help.stdout);
}

#[test]
fn a_two_word_phrase_finds_its_words_side_by_side_in_any_field_and_highlights_them() {
    let d = disclose!();
    d.new_case("PH");
    let input = tempfile::tempdir().unwrap();
    let w = |name: &str, data: Vec<u8>| fs::write(input.path().join(name), data).unwrap();
    w(
        "side.txt",
        b"The Housing file was sent to the tenant.".to_vec(),
    );
    w(
        "comma.txt",
        b"Asked about housing, file notes attached.".to_vec(),
    );
    w(
        "apart.txt",
        b"The housing officer's file was sent.".to_vec(),
    );
    w("reversed.txt", b"A file on housing was opened.".to_vec());
    // Words that look like references are not paired in the index: a
    // phrase holding one is read from the words' positions instead.
    w(
        "reference.txt",
        b"Repair order AB1234 raised; repair order 0412345 closed.".to_vec(),
    );
    w(
        "reference-apart.txt",
        b"Order for repair AB1234 and 0412345 repair order.".to_vec(),
    );
    // A word too long to index stands between the two: not side by side.
    let long = "x".repeat(70);
    w(
        "gap.txt",
        format!("housing {long} file, as scanned").into_bytes(),
    );
    w(
        "subject.eml",
        fixtures::eml(
            "p1@x",
            "Sam Officer <sam@x.example>",
            "Jane Smith <jane@x.example>",
            "Your housing file",
            "Mon, 5 Jan 2026 09:00:00 +0000",
            "Please find it attached.",
        ),
    );
    w(
        "sender.eml",
        fixtures::eml(
            "p2@x",
            "Housing File Team <team@x.example>",
            "Jane Smith <jane@x.example>",
            "Update",
            "Tue, 6 Jan 2026 09:00:00 +0000",
            "Nothing to add.",
        ),
    );
    d.json(&["import", "--case", "PH", input.path().to_str().unwrap()]);
    let q = |query: &str| d.json(&["search", "--case", "PH", query, "--limit", "50"]);

    let side_by_side = ["comma.txt", "sender.eml", "side.txt", "subject.eml"];
    assert_eq!(paths(&q("\"housing file\"")), side_by_side);
    assert_eq!(q("\"housing file\"")["hits"], 4);
    assert_eq!(paths(&q("exact:\"housing file\"")), side_by_side);
    assert_eq!(paths(&q("'housing file'")), side_by_side);
    assert_eq!(
        paths(&q("\"housing file\" -sent")),
        ["comma.txt", "sender.eml", "subject.eml"]
    );
    assert!(paths(&q("\"file housing\"")).is_empty(), "order counts");
    assert_eq!(
        paths(&q("\"housing file was\"")),
        ["side.txt"],
        "longer phrases as before"
    );
    assert_eq!(paths(&q("subject:\"housing file\"")), ["subject.eml"]);
    assert_eq!(paths(&q("\"order ab1234\"")), ["reference.txt"]);
    assert_eq!(paths(&q("\"0412345 closed\"")), ["reference.txt"]);
    assert_eq!(
        paths(&q("\"repair order\"")),
        ["reference-apart.txt", "reference.txt"]
    );

    let found = q("\"housing file\"");
    let hit = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["path"].as_str().unwrap().ends_with("side.txt"))
        .unwrap();
    assert_eq!(highlighted(hit), ["Housing", "file"]);
}

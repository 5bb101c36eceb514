//! Importing every supported format, families and duplicates.

use std::fs;

use disclose_fixtures::{disclose, fixtures, Disclose};
use serde_json::Value;

/// A folder with one file of every format, each carrying a unique word.
fn every_format(dir: &std::path::Path) {
    let w = |name: &str, data: &[u8]| {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, data).unwrap();
    };
    let letter = fixtures::pdf(&[&[
        "Dear Ms Smith",
        "Your rent account alphapdfword is in credit.",
    ]]);
    w(
        "mail/with-attachment.eml",
        &fixtures::eml_with_attachment(
            "att-1@example.org",
            "Your letter",
            "Please see the letter bravoemailword.",
            "letter.pdf",
            "application/pdf",
            &letter,
        ),
    );
    w(
        "mail/box.mbox",
        &fixtures::mbox(&[
            fixtures::eml(
                "mb-1@example.org",
                "a@example.org",
                "b@example.org",
                "one",
                "Thu, 5 Mar 2026 10:00:00 +0000",
                "charliemboxword first",
            ),
            fixtures::eml(
                "mb-2@example.org",
                "a@example.org",
                "b@example.org",
                "two",
                "Thu, 5 Mar 2026 11:00:00 +0000",
                "deltamboxword second",
            ),
        ]),
    );
    let inner = fixtures::zip(&[(
        "notes/inner.txt",
        b"echonestedword inside a zip inside a zip",
    )]);
    let doc = fixtures::docx(
        &["foxtrotdocxword body"],
        "Header text",
        "Footer text",
        "golfcommentword",
        "hoteldeletedword",
    );
    w(
        "archive/bundle.zip",
        &fixtures::zip(&[("inner.zip", &inner), ("notes.docx", &doc)]),
    );
    w(
        "docs/letter.pdf",
        &fixtures::pdf(&[&["indiapdfword page one"], &["juliettepdfword page two"]]),
    );
    w(
        "docs/minutes.odt",
        &fixtures::odt(&["kiloodtword minutes of the panel"]),
    );
    w(
        "records/rent.xlsx",
        &fixtures::xlsx(
            &[&["Tenant", "Balance"], &["Jane Smith", "limaxlsxword"]],
            &[&["Complainant"], &["mikehiddenword"]],
        ),
    );
    w(
        "records/repairs.csv",
        b"job,tenant,notes\nJ-1,Jane Smith,novembercsvword\n",
    );
    w(
        "records/export.json",
        br#"{"tenant": {"name": "Jane Smith", "note": "oscarjsonword"}}"#,
    );
    w("web/page.html", b"<html><head><title>t</title><script>var papascriptword=1;</script></head><body><p>quebechtmlword</p></body></html>");
    w("notes/plain.txt", b"romeotextword in plain text");
    w(
        "notes/letter.rtf",
        br"{\rtf1\ansi\ansicpg1252 {\fonttbl{\f0 Arial;}} sierrartfword \'a3120\par}",
    );
    w(
        "legacy/visit.doc",
        &fixtures::doc("Visit report\ntangoworddocword in a Word 97 file"),
    );
    w(
        "legacy/slides.ppt",
        &fixtures::ppt(&["Panel briefing", "uniformpptword on a slide"]),
    );
    w(
        "mail/outlook.msg",
        &fixtures::msg(
            "Repairs",
            "victormsgword in an Outlook body",
            "note.txt",
            b"whiskeyattachword",
        ),
    );
    w(
        "docs/deck.pptx",
        &fixtures::pptx(&["Intro", "xrayslideword"], "yankeenotesword"),
    );
}

fn item_by_path<'a>(items: &'a [Value], suffix: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["path"].as_str().unwrap().ends_with(suffix))
        .unwrap_or_else(|| panic!("no item ending {suffix} in {items:#?}"))
}

fn hits(d: &Disclose, case: &str, query: &str) -> Vec<Value> {
    let r = d.json(&["search", "--case", case, query, "--limit", "50"]);
    r["results"].as_array().unwrap().clone()
}

#[test]
fn every_format_is_imported_and_searchable() {
    let d = disclose!();
    d.new_case("F");
    let input = tempfile::tempdir().unwrap();
    every_format(input.path());
    let summary = d.json(&["import", "--case", "F", input.path().to_str().unwrap()]);
    assert_eq!(summary["inputs"], 15, "{summary:#}");
    let items_n = summary["items"].as_u64().unwrap();
    assert_eq!(
        summary["ok"].as_u64().unwrap()
            + summary["partial"].as_u64().unwrap()
            + summary["failed"].as_u64().unwrap(),
        items_n
    );
    assert_eq!(summary["failed"], 0, "{summary:#}");

    let items = d.json(&["items", "--case", "F"]);
    let items = items.as_array().unwrap();
    assert_eq!(items.len() as u64, items_n);
    for (suffix, kind) in [
        ("with-attachment.eml", "email"),
        ("with-attachment.eml/letter.pdf", "pdf"),
        ("box.mbox", "mbox"),
        ("bundle.zip", "zip"),
        ("bundle.zip/inner.zip", "zip"),
        ("bundle.zip/inner.zip/notes/inner.txt", "text"),
        ("bundle.zip/notes.docx", "docx"),
        ("letter.pdf", "pdf"),
        ("minutes.odt", "odt"),
        ("rent.xlsx", "xlsx"),
        ("repairs.csv", "csv"),
        ("export.json", "json"),
        ("page.html", "html"),
        ("plain.txt", "text"),
        ("letter.rtf", "rtf"),
        ("visit.doc", "doc"),
        ("slides.ppt", "ppt"),
        ("deck.pptx", "pptx"),
        ("deck.pptx", "pptx"),
        ("outlook.msg", "msg"),
        ("outlook.msg/note.txt", "text"),
    ] {
        let item = item_by_path(items, suffix);
        assert_eq!(item["type"], kind, "{suffix}");
        assert_eq!(item["sha256"].as_str().unwrap().len(), 64);
    }

    for word in [
        "alphapdfword",
        "bravoemailword",
        "charliemboxword",
        "deltamboxword",
        "echonestedword",
        "foxtrotdocxword",
        "golfcommentword",
        "hoteldeletedword",
        "indiapdfword",
        "juliettepdfword",
        "kiloodtword",
        "limaxlsxword",
        "mikehiddenword",
        "novembercsvword",
        "oscarjsonword",
        "quebechtmlword",
        "romeotextword",
        "sierrartfword",
        "tangoworddocword",
        "uniformpptword",
        "victormsgword",
        "whiskeyattachword",
        "xrayslideword",
        "yankeenotesword",
    ] {
        assert_eq!(
            hits(&d, "F", word).len(),
            1,
            "{word} should be found exactly once"
        );
    }
    assert!(
        hits(&d, "F", "papascriptword").is_empty(),
        "script code is not text"
    );
}

#[test]
fn an_email_and_its_attachments_are_a_family() {
    let d = disclose!();
    d.new_case("FAM");
    let input = tempfile::tempdir().unwrap();
    let inner_zip = fixtures::zip(&[(
        "deep.txt",
        b"a zip attached to an email attached to an email: zuluword",
    )]);
    let inner_mail = fixtures::eml_with_attachment(
        "inner@example.org",
        "inner",
        "inner body",
        "files.zip",
        "application/zip",
        &inner_zip,
    );
    let outer = fixtures::eml_with_attachment(
        "outer@example.org",
        "outer",
        "outer body",
        "forwarded.eml",
        "message/rfc822",
        &inner_mail,
    );
    fs::write(input.path().join("outer.eml"), outer).unwrap();
    d.json(&["import", "--case", "FAM", input.path().to_str().unwrap()]);

    let items = d.json(&["items", "--case", "FAM"]);
    let items = items.as_array().unwrap();
    let outer = item_by_path(items, "outer.eml");
    let inner = item_by_path(items, "outer.eml/forwarded.eml");
    let zip = item_by_path(items, "forwarded.eml/files.zip");
    let deep = item_by_path(items, "files.zip/deep.txt");
    assert_eq!(outer["parent"], Value::Null);
    assert_eq!(inner["parent"], outer["id"]);
    assert_eq!(zip["parent"], inner["id"]);
    assert_eq!(deep["parent"], zip["id"]);
    assert_eq!(inner["type"], "email");
    let found = hits(&d, "FAM", "zuluword");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["item"], deep["id"]);

    let shown = d.json(&["item", "--case", "FAM", &outer["id"].to_string()]);
    assert_eq!(shown["metadata"]["message-id"], "outer@example.org");
    assert_eq!(
        shown["metadata"]["from"],
        "Housing Officer <officer@northgate-homes.example>"
    );
    assert_eq!(shown["children"].as_array().unwrap().len(), 1);
}

#[test]
fn duplicates_are_grouped_not_indexed_twice() {
    let d = disclose!();
    d.new_case("DUP");
    let input = tempfile::tempdir().unwrap();
    let note = b"uniformdupword appears in two identical files";
    fs::write(input.path().join("a.txt"), note).unwrap();
    fs::write(input.path().join("b.txt"), note).unwrap();
    // The same message saved twice with different bytes: same Message-ID.
    let m1 = fixtures::eml(
        "same@example.org",
        "a@example.org",
        "b@example.org",
        "s",
        "Thu, 5 Mar 2026 10:00:00 +0000",
        "victorword",
    );
    let mut m2 = b"X-Saved-By: Outlook\r\n".to_vec();
    m2.extend_from_slice(&m1);
    fs::write(input.path().join("m1.eml"), m1).unwrap();
    fs::write(input.path().join("m2.eml"), m2).unwrap();
    let summary = d.json(&["import", "--case", "DUP", input.path().to_str().unwrap()]);
    assert_eq!(summary["items"], 4);
    assert_eq!(summary["duplicates"], 2, "{summary:#}");
    assert_eq!(hits(&d, "DUP", "uniformdupword").len(), 1);
    assert_eq!(hits(&d, "DUP", "victorword").len(), 1);
    let items = d.json(&["items", "--case", "DUP"]);
    let b = item_by_path(items.as_array().unwrap(), "b.txt");
    let a = item_by_path(items.as_array().unwrap(), "a.txt");
    assert_eq!(b["duplicate_of"], a["id"]);
}

#[test]
fn originals_are_kept_byte_for_byte_and_read_only() {
    let d = disclose!();
    d.new_case("ORIG");
    let input = tempfile::tempdir().unwrap();
    let bytes = fixtures::pdf(&[&["original bytes"]]);
    fs::write(input.path().join("x.pdf"), &bytes).unwrap();
    d.json(&["import", "--case", "ORIG", input.path().to_str().unwrap()]);
    let items = d.json(&["items", "--case", "ORIG"]);
    let sha = items[0]["sha256"].as_str().unwrap().to_string();
    let stored = d
        .case_dir("ORIG")
        .join("originals")
        .join(&sha[0..2])
        .join(&sha);
    assert_eq!(fs::read(&stored).unwrap(), bytes);
    assert!(fs::metadata(&stored).unwrap().permissions().readonly());
}

#[test]
fn spreadsheets_keep_structured_rows_and_mark_hidden_sheets() {
    let d = disclose!();
    d.new_case("REC");
    let input = tempfile::tempdir().unwrap();
    fs::write(
        input.path().join("rent.xlsx"),
        fixtures::xlsx(
            &[&["Tenant", "Balance"], &["Jane Smith", "120.50"]],
            &[&["Complainant"], &["Mr Patel"]],
        ),
    )
    .unwrap();
    fs::write(
        input.path().join("repairs.csv"),
        "job;tenant;cost\nJ-1;Jane Smith;\u{a3}40\n",
    )
    .unwrap();
    d.json(&["import", "--case", "REC", input.path().to_str().unwrap()]);
    let items = d.json(&["items", "--case", "REC"]);
    let items = items.as_array().unwrap();
    let xlsx = d.json(&[
        "item",
        "--case",
        "REC",
        &item_by_path(items, "rent.xlsx")["id"].to_string(),
    ]);
    let records = xlsx["records"].as_array().unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["name"], "Rent");
    assert_eq!(records[0]["hidden"], false);
    assert_eq!(
        records[0]["columns"],
        serde_json::json!(["Tenant", "Balance"])
    );
    assert_eq!(records[0]["rows"][0][0], "Jane Smith");
    assert_eq!(records[1]["hidden"], true);
    assert_eq!(records[1]["rows"][0][0], "Mr Patel");

    let csv = d.json(&[
        "item",
        "--case",
        "REC",
        &item_by_path(items, "repairs.csv")["id"].to_string(),
    ]);
    assert_eq!(
        csv["records"][0]["columns"],
        serde_json::json!(["job", "tenant", "cost"])
    );
    assert_eq!(csv["records"][0]["rows"][0][2], "£40");
}

#[test]
fn pdf_words_have_positions_on_the_page() {
    let d = disclose!();
    d.new_case("POS");
    let input = tempfile::tempdir().unwrap();
    fs::write(
        input.path().join("p.pdf"),
        fixtures::pdf(&[&["first line", "Okafor second"]]),
    )
    .unwrap();
    d.json(&["import", "--case", "POS", input.path().to_str().unwrap()]);
    let shown = d.json(&["item", "--case", "POS", "1"]);
    let text = shown["text"].as_str().unwrap();
    let start = text.find("Okafor").expect("word in text");
    let pages = shown["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0]["width"], 612.0);
    let word = pages[0]["words"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["start"] == start)
        .expect("a positioned word at the hit");
    assert_eq!(word["end"], start + "Okafor".len());
    let bbox: Vec<f64> = word["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    // Drawn at x = 72pt on the second line: baseline 704pt from the bottom,
    // i.e. 88pt from the top of a 792pt page.
    assert!((bbox[0] - 72.0).abs() < 2.0, "{bbox:?}");
    assert!((bbox[3] - 88.0).abs() < 5.0, "{bbox:?}");
    assert!(bbox[2] > bbox[0] + 30.0 && bbox[1] < bbox[3], "{bbox:?}");
    assert_eq!(shown["metadata"]["author"], "Northgate Homes");
}

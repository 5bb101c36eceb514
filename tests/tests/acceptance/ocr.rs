//! OCR: a self-made scan (known text rendered to an image, and an
//! image-only PDF) becomes searchable, with word boxes on the page.

use std::fs;

use disclose_acceptance::{fixtures, Disclose};

#[test]
fn scans_become_searchable_with_word_boxes() {
    let d = Disclose::new();
    d.new_case("OCR");
    let input = tempfile::tempdir().unwrap();
    fs::write(
        input.path().join("letter.jpg"),
        fixtures::scan_jpeg(&[
            "Complaint from Mr Tariq Patel",
            "about noise at number twelve",
        ]),
    )
    .unwrap();
    fs::write(
        input.path().join("scan.pdf"),
        fixtures::scanned_pdf(&["Tenancy signed by Robert Smith", "Witnessed by Priya Khan"]),
    )
    .unwrap();
    let summary = d.json(&["import", "--case", "OCR", input.path().to_str().unwrap()]);
    assert_eq!(summary["ocr"]["items"], 2, "{summary:#}");
    assert_eq!(summary["ocr_pending"], 0);
    for (query, file) in [
        ("patel", "letter.jpg"),
        ("\"robert smith\"", "scan.pdf"),
        ("witnessed", "scan.pdf"),
    ] {
        let found = d.json(&["search", "--case", "OCR", query]);
        assert_eq!(found["hits"], 1, "{query}: {found:#}");
        assert!(found["results"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with(file));
    }
    let items = d.json(&["items", "--case", "OCR"]);
    let pdf = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "scan.pdf")
        .unwrap();
    assert_eq!(pdf["status"], "ok", "{pdf:#}");
    let shown = d.json(&["item", "--case", "OCR", &pdf["id"].to_string()]);
    let text = shown["text"].as_str().unwrap();
    let start = text.find("Tenancy").expect("OCR text");
    let word = shown["pages"][0]["words"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["start"] == start)
        .expect("a box for the word");
    let bbox: Vec<f64> = word["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    // The fixture draws its first line at x = 72pt, baseline 720pt up a
    // 792pt page: 72pt from the top.
    assert!((bbox[0] - 72.0).abs() < 4.0, "{bbox:?}");
    assert!(
        bbox[1] > 55.0 && bbox[3] < 80.0 && bbox[3] > bbox[1],
        "{bbox:?}"
    );
}

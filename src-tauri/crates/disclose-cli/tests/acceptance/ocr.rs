//! OCR: a self-made scan (known text rendered to an image, and an
//! image-only PDF) becomes searchable, with word boxes on the page.

use std::fs;

use disclose_fixtures::{disclose, fixtures};

#[test]
fn scans_become_searchable_with_word_boxes() {
    let d = disclose!();
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

/// A phone photo of a letter, as HEIC (made here with libheif's
/// `heif-enc` from a self-made scan): decoded, read by OCR, searchable, and
/// redacted into a PNG without metadata.
#[test]
fn a_heic_photo_is_read_searched_and_redacted() {
    let input = tempfile::tempdir().unwrap();
    let jpeg = input.path().join("letter.jpg");
    fs::write(
        &jpeg,
        fixtures::scan_jpeg(&["Neighbour Mrs Grace Okafor", "called about the fence"]),
    )
    .unwrap();
    let heic = input.path().join("photo.heic");
    let made = std::process::Command::new("heif-enc")
        .args(["-q", "90", "-o"])
        .arg(&heic)
        .arg(&jpeg)
        .output()
        .expect("heif-enc is needed for this test (Debian libheif-examples; the README's test command installs it)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    fs::remove_file(&jpeg).unwrap();

    let d = disclose!();
    d.new_case("HEIC");
    let summary = d.json(&["import", "--case", "HEIC", input.path().to_str().unwrap()]);
    assert_eq!(summary["ocr"]["items"], 1, "{summary:#}");
    let found = d.json(&["search", "--case", "HEIC", "okafor"]);
    assert_eq!(found["hits"], 1, "{found:#}");
    let item = found["results"][0]["item"].to_string();
    let shown = d.json(&["item", "--case", "HEIC", &item]);
    assert_eq!(shown["metadata"]["format"], "heic", "{shown:#}");

    d.run(&["decide", "--case", "HEIC", "--all", "--as", "redact"])
        .ok();
    d.run(&[
        "redact",
        "--case",
        "HEIC",
        "--term",
        "Grace Okafor",
        "--everywhere",
        "--reason",
        "third-party",
    ])
    .ok();
    d.run(&["render", "--case", "HEIC"]).ok();
    let png = d
        .case_dir("HEIC")
        .join("renditions")
        .join(format!("item-{:06}.png", item.parse::<i64>().unwrap()));
    assert!(png.exists(), "the redacted copy is a PNG");
    d.run(&["verify", "--case", "HEIC"]).ok();
    // Tesseract, on its own, reads the redacted picture: the name is gone
    // from the pixels, the rest is still there.
    let read = std::process::Command::new("tesseract")
        .arg(&png)
        .arg("-")
        .output()
        .expect("tesseract");
    let text = String::from_utf8_lossy(&read.stdout);
    assert!(
        !text.contains("Okafor") && !text.contains("Grace"),
        "{text}"
    );
    assert!(text.contains("fence"), "{text}");
}

//! The leak check reads what a recipient sees: the pixels of every page.
//! A rendition whose redaction box was shifted a few points off the name
//! is caught through its pixels (the text layer no longer has the name); a
//! correct rendition reports nothing. A turned page whose lines are drawn
//! with a turned text matrix is redacted where the glyphs really are —
//! checked by Tesseract OCR of the rendition, not by our own reader. A
//! bar whose reason label runs across the words of a name in mid-line is
//! still solid black to the check.

use disclose_core::render::{document, pdf, writer};
use disclose_fixtures::{disclose, fixtures, turned, Disclose};

use crate::leaks::case_with;
use disclose_fixtures::tools::tool;

fn item_of_type(d: &Disclose, reference: &str, file_type: &str) -> i64 {
    let items = d.json(&["items", "--case", reference]);
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["type"] == file_type)
        .unwrap_or_else(|| panic!("no {file_type} in {items}"))["id"]
        .as_i64()
        .unwrap()
}

/// What Tesseract reads on the pages of a PDF drawn by poppler.
fn ocr_pdf(path: &std::path::Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "200",
            "-gray",
            "-png",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let mut text = String::new();
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    for page in pages {
        text.push_str(&tool(
            "tesseract",
            &[page.to_str().unwrap(), "-", "--psm", "3"],
        ));
    }
    text
}

#[test]
fn a_box_shifted_off_the_name_is_caught_in_the_pixels_and_a_correct_one_is_clean() {
    let d = disclose!();
    let input = case_with(&d, "P-1", &[]);
    let original = fixtures::pdf(&[&[
        "Complainant Tiffany Okonjo reported noise at Mill Lane.",
        "The officer visited on Tuesday.",
    ]]);
    let path = input.path().join("complaint.pdf");
    std::fs::write(&path, &original).unwrap();
    d.run(&["import", "--case", "P-1", path.to_str().unwrap()])
        .ok();
    assert_eq!(d.redact_everywhere("P-1", "Tiffany Okonjo"), 1);
    d.disclose_all("P-1");
    d.run(&["render", "--case", "P-1"]).ok();
    let clean = d.json(&["verify", "--case", "P-1"]);
    assert_eq!(
        clean["clean"], true,
        "a correct rendition reports nothing: {clean}"
    );
    assert!(clean["leaks"].as_array().unwrap().is_empty());

    // The same rendition made with its box a few points to the right.
    let item = item_of_type(&d, "P-1", "pdf");
    let listed = d.json(&[
        "redact",
        "--case",
        "P-1",
        "--list",
        "--item",
        &item.to_string(),
    ]);
    let boxes = listed["marks"][0]["boxes"].as_array().unwrap();
    let rect = |b: &serde_json::Value| -> [f32; 4] {
        let r: Vec<f32> = b["rect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap() as f32)
            .collect();
        [r[0], r[1], r[2], r[3]]
    };
    let x0 = boxes.iter().map(|b| rect(b)[0]).fold(f32::MAX, f32::min);
    let x1 = boxes.iter().map(|b| rect(b)[2]).fold(f32::MIN, f32::max);
    let [_, y0, _, y1] = rect(&boxes[0]);
    let shift = 6.0;
    let areas = [pdf::Area {
        page: 1,
        rect: [x0 - 1.0 + shift, y0 - 1.0, x1 + 1.0 + shift, y1 + 1.0],
        label: "third-party".into(),
    }];
    let drawn = disclose_core::render::raster::rasterise(&original, 150.0, 3000.0, &[]).unwrap();
    let pages = pdf::pages(drawn, &[], "", &areas).unwrap();
    let shifted = writer::write(&pages, "P-1 · shifted");
    let rendition = d
        .case_dir("P-1")
        .join(format!("renditions/item-{item:06}.pdf"));
    std::fs::write(&rendition, shifted).unwrap();
    assert!(
        !tool("pdftotext", &[rendition.to_str().unwrap(), "-"]).contains("Tiffany"),
        "the text layer says nothing: only the pixels show it"
    );

    let caught = d.run(&["--json", "verify", "--case", "P-1"]);
    assert_eq!(caught.code, 1, "{caught:?}");
    let report = caught.json();
    let leaks = report["leaks"].as_array().unwrap();
    let pixels = leaks
        .iter()
        .find(|l| l["kind"] == "pixels")
        .unwrap_or_else(|| panic!("the shifted box is reported: {report}"));
    assert_eq!(pixels["redacted"], "Tiffany Okonjo");
    assert_eq!(pixels["waivable"], false);
    assert_eq!(pixels["place"], "pixels (page 1)");
}

/// A PDF Disclose wrote itself (a note's rendition passed on and imported
/// again), with a name in the middle of a 10-point line: the bar over it
/// carries its reason label across the name's words, and those letters are
/// no gap in the bar.
#[test]
fn a_labelled_bar_over_a_name_in_mid_line_is_clean() {
    let d = disclose!();
    let input = case_with(&d, "P-3", &[]);
    let pages = document::pages(
        "Housing note",
        "Visit to 12 Elm Street about the repair. The neighbour John Smith complained about noise on 3 March.\nThe tenant reported damp in the bedroom.",
        &[],
    );
    let path = input.path().join("note.pdf");
    std::fs::write(&path, writer::write(&pages, "note")).unwrap();
    d.run(&["import", "--case", "P-3", path.to_str().unwrap()])
        .ok();
    assert_eq!(d.redact_everywhere("P-3", "John Smith"), 1);
    d.disclose_all("P-3");
    d.run(&["render", "--case", "P-3"]).ok();
    let report = d.json(&["verify", "--case", "P-3"]);
    assert_eq!(report["clean"], true, "{report}");
}

#[test]
fn a_turned_page_with_a_turned_text_matrix_is_redacted_where_the_glyphs_are() {
    let d = disclose!();
    let input = case_with(&d, "P-2", &[]);
    let path = input.path().join("visit.pdf");
    std::fs::write(&path, turned::pdf()).unwrap();
    // The fixture shows the address upright to a reader.
    let before = ocr_pdf(&path);
    assert!(before.contains("Acacia Road"), "{before}");
    d.run(&["import", "--case", "P-2", path.to_str().unwrap()])
        .ok();
    assert_eq!(d.redact_everywhere("P-2", "14 Acacia Road"), 1);
    d.disclose_all("P-2");
    d.run(&["render", "--case", "P-2"]).ok();
    let verified = d.json(&["verify", "--case", "P-2"]);
    assert_eq!(verified["clean"], true, "{verified}");

    let item = item_of_type(&d, "P-2", "pdf");
    let rendition = d
        .case_dir("P-2")
        .join(format!("renditions/item-{item:06}.pdf"));
    let seen = ocr_pdf(&rendition);
    for gone in ["Acacia", "Road"] {
        assert!(
            !seen.contains(gone),
            "{gone} is still readable in the pixels:\n{seen}"
        );
    }
    for kept in ["Visit notes", "Tuesday"] {
        assert!(
            seen.contains(kept),
            "over-redaction: {kept:?} is gone:\n{seen}"
        );
    }
    let text = tool("pdftotext", &[rendition.to_str().unwrap(), "-"]);
    assert!(!text.contains("Acacia"), "{text}");
    assert!(text.contains("Tuesday"), "{text}");
}

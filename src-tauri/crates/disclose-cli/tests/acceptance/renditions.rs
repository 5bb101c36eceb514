//! Faster renditions that stay true, proved with tools that are not ours:
//! a page's picture is kept for the next render when only another page's
//! marks change, while the page whose marks changed is drawn again with
//! its redacted words gone (poppler's `pdftotext`, and the leak check,
//! which reads the pixels with OCR); the rendition made from kept pictures
//! is the same bytes as one drawn afresh; pictures are grey where a page
//! has no colour and colour where it has (poppler's `pdfimages`); and
//! Ctrl-C stops a long render keeping what it made, a re-run doing the
//! rest.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use disclose_fixtures::{disclose, fixtures::assemble_pdf, Disclose};

use disclose_fixtures::tools::tool;

/// A PDF of one page per entry, Helvetica lines from the top; a page
/// marked `true` draws its text in red over a blue box.
fn pdf_of(pages: &[(&[&str], bool)]) -> Vec<u8> {
    let count = pages.len();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {count} >>",
            (0..count)
                .map(|i| format!("{} 0 R", 4 + i * 2))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, (lines, colour)) in pages.iter().enumerate() {
        let mut content = String::new();
        if *colour {
            content.push_str("0 0 1 rg 72 300 300 150 re f 1 0 0 rg\n");
        }
        content.push_str("BT /F1 12 Tf 72 720 Td 16 TL\n");
        for line in lines.iter() {
            content.push_str(&format!("({line}) Tj T*\n"));
        }
        content.push_str("ET");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + i * 2
        ).into_bytes());
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len() + 1
            )
            .into_bytes(),
        );
    }
    assemble_pdf(&objects, "")
}

fn only_pdf_item(d: &Disclose, case: &str) -> i64 {
    let items = d.json(&["items", "--case", case]);
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["type"] == "pdf")
        .unwrap_or_else(|| panic!("no PDF in {items}"))["id"]
        .as_i64()
        .unwrap()
}

fn page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    tool(
        "pdftotext",
        &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
    )
}

/// The colour of each page's picture as `pdfimages -list` names it
/// ("gray", "rgb"), by page.
fn picture_colours(pdf: &Path) -> Vec<(u32, String)> {
    tool("pdfimages", &["-list", pdf.to_str().unwrap()])
        .lines()
        .skip(2)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            Some((fields.first()?.parse().ok()?, fields.get(5)?.to_string()))
        })
        .collect()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

#[test]
fn a_page_is_drawn_again_only_when_its_own_marks_change_and_grey_pages_are_grey() {
    let d = disclose!();
    d.new_case("R-1");
    let input = tempfile::tempdir().unwrap();
    let file = input.path().join("letter.pdf");
    std::fs::write(
        &file,
        pdf_of(&[
            (
                &[
                    "Repair visit to 12 Acacia Avenue",
                    "Reported by Tiffany Okonjo",
                ],
                false,
            ),
            (
                &["Second page", "Neighbour Gideon Fairweather called"],
                false,
            ),
            (&["Colour chart for the kitchen"], true),
        ]),
    )
    .unwrap();
    d.run(&["import", "--case", "R-1", file.to_str().unwrap()])
        .ok();
    d.disclose_all("R-1");
    let item = only_pdf_item(&d, "R-1");
    let first = d.json(&["render", "--case", "R-1"]);
    assert_eq!(first["rendered"], 1, "{first}");
    assert_eq!(first["reused_pages"], 0, "{first}");
    let rendition = d
        .case_dir("R-1")
        .join(format!("renditions/item-{item:06}.pdf"));
    assert!(page_text(&rendition, 2).contains("Fairweather"));

    // Grey where the page has no colour, colour where it has.
    assert_eq!(
        picture_colours(&rendition),
        vec![(1, "gray".into()), (2, "gray".into()), (3, "rgb".into())]
    );

    // A mark on page 2: pages 1 and 3 are kept, page 2 drawn again.
    d.run(&[
        "redact",
        "--case",
        "R-1",
        "--item",
        &item.to_string(),
        "--term",
        "Gideon Fairweather",
        "--reason",
        "third-party",
    ])
    .ok();
    let again = d.json(&["render", "--case", "R-1"]);
    assert_eq!(again["rendered"], 1, "{again}");
    assert_eq!(again["reused_pages"], 2, "{again}");
    let second = page_text(&rendition, 2);
    assert!(second.contains("Neighbour"), "{second}");
    for gone in ["Gideon", "Fairweather", "Fairw"] {
        assert!(!second.contains(gone), "{gone} survives: {second}");
    }
    assert!(page_text(&rendition, 1).contains("Tiffany Okonjo"));
    assert!(page_text(&rendition, 3).contains("Colour chart"));
    let verified = d.run(&["--json", "verify", "--case", "R-1"]);
    assert_eq!(
        verified.code, 0,
        "the leak check reads the pixels: {verified:?}"
    );
    assert_eq!(
        picture_colours(&rendition),
        vec![(1, "gray".into()), (2, "gray".into()), (3, "rgb".into())]
    );

    // Only the pictures of the current marks are kept: page 2 unmarked is gone.
    let kept = files_in(&d.case_dir("R-1").join(format!("page-cache/item-{item:06}")));
    assert_eq!(kept.len(), 3, "{kept:?}");

    // Made from kept pictures, it is the same file as one drawn afresh.
    let from_kept = std::fs::read(&rendition).unwrap();
    let fresh = d.json(&["render", "--case", "R-1", "--force"]);
    assert_eq!(fresh["reused_pages"], 0, "{fresh}");
    assert!(
        std::fs::read(&rendition).unwrap() == from_kept,
        "a fresh render is byte for byte the one made from kept pictures"
    );
}

#[test]
fn ctrl_c_stops_a_render_keeping_what_is_made_and_a_rerun_does_the_rest() {
    let d = disclose!();
    d.new_case("R-2");
    let input = tempfile::tempdir().unwrap();
    let total = 60;
    for n in 0..total {
        let lines = [
            format!("Letter {n} about the repair"),
            "Kept text".to_string(),
        ];
        let page: Vec<&str> = lines.iter().map(String::as_str).collect();
        let pages: Vec<(&[&str], bool)> = (0..4).map(|_| (page.as_slice(), false)).collect();
        std::fs::write(input.path().join(format!("letter-{n}.pdf")), pdf_of(&pages)).unwrap();
    }
    d.run(&["import", "--case", "R-2", input.path().to_str().unwrap()])
        .ok();
    d.disclose_all("R-2");

    let renditions = d.case_dir("R-2").join("renditions");
    let mut render = d
        .command()
        .args(["--json", "render", "--case", "R-2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupted once the first rendition is written.
    while !files_in(&renditions)
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "pdf"))
    {
        assert!(
            render.try_wait().unwrap().is_none(),
            "the render ended before any rendition was seen"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    tool("kill", &["-INT", &render.id().to_string()]);
    let out = render.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stopped: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stopped["cancelled"], true, "{stopped}");
    let kept = stopped["rendered"].as_u64().unwrap();
    assert!(kept >= 1 && kept < total, "{stopped}");
    let on_disk = files_in(&renditions)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .count() as u64;
    assert_eq!(
        on_disk, kept,
        "every finished rendition is kept, nothing half-made"
    );

    let rest = d.json(&["render", "--case", "R-2"]);
    assert_eq!(rest["cancelled"], false, "{rest}");
    assert_eq!(rest["up_to_date"].as_u64(), Some(kept), "{rest}");
    assert_eq!(rest["rendered"].as_u64(), Some(total - kept), "{rest}");
    let stale = d.run(&["render", "--case", "R-2"]).ok();
    assert!(
        stale
            .stdout
            .contains(&format!("({total} already up to date)")),
        "{stale:?}"
    );
}

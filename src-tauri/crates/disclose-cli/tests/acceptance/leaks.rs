//! The leak check leaves no dead ends and still fails closed: pieces of
//! redacted names that are ordinary words ("any" of "Tiffany", "fair" of
//! "Fairbairn") do not stop an export; an ambiguous finding is shown in
//! context and can be recorded as "not this person" with a reason (kept in
//! the audit trail), but a whole redacted string can never be waived.

use std::path::PathBuf;

use disclose_fixtures::{disclose, fixtures, Disclose};

use disclose_fixtures::tools::tool;

/// A case whose organisation profile is the demo landlord's, with `files`
/// (name, text) imported.
pub fn case_with(d: &Disclose, reference: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    d.new_case(reference);
    d.set_demo_profile();
    let input = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(input.path().join(name), text).unwrap();
    }
    if !files.is_empty() {
        d.import_folder(reference, input.path());
    }
    input
}

/// Exports case `reference` to `bundle.zip` in the home, asserting that
/// it went out; the bundle's path.
fn exported(d: &Disclose, reference: &str) -> PathBuf {
    let out = d.home.path().join("bundle.zip");
    let run = d.run(&[
        "export",
        "--case",
        reference,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    out
}

#[test]
fn a_redacted_name_that_disclose_writes_itself_in_page_stamps_and_pdf_syntax_does_not_stop_the_export(
) {
    let d = disclose!();
    let _input = case_with(
        &d,
        "L-11",
        &[
            ("note.txt", "Please tell Mr Page that the fence is down.\n"),
            ("diary.txt", "Page came round again at midnight.\n"),
        ],
    );
    // Redacted in the note only: the diary still names him.
    let note = d.item_id("L-11", "note.txt");
    d.json(&[
        "redact",
        "--case",
        "L-11",
        "--item",
        &note,
        "--term",
        "Page",
        "--reason",
        "third-party",
    ]);
    d.disclose_all("L-11");
    d.run(&["render", "--case", "L-11"]).ok();
    let checked = d.json(&["verify", "--case", "L-11", "--bundle"]);
    let found = checked.to_string();
    assert_eq!(checked["clean"], false, "{checked}");
    assert!(
        found.contains("Page came round"),
        "the diary's Page is a leak: {checked}"
    );
    assert!(
        !found.contains("/Type /Page"),
        "PDF syntax is no leak: {checked}"
    );
    assert!(
        !found.contains("page 1 of"),
        "the page stamp is no leak: {checked}"
    );

    // Redacted in the diary too, the bundle goes out.
    d.redact_everywhere("L-11", "Page");
    d.run(&["render", "--case", "L-11"]).ok();
    exported(&d, "L-11");
}

#[test]
fn redacted_words_of_pdf_syntax_do_not_stop_the_export_but_stay_findings_where_a_reader_sees_them()
{
    let d = disclose!();
    let input = case_with(
        &d,
        "L-12",
        &[
            ("note.txt", "The PDF Mr Parent sent was of some Length.\n"),
            ("diary.txt", "Parent came round again at midnight.\n"),
        ],
    );
    // A PDF among the documents: the schedule calls it a "PDF document".
    let minutes = tempfile::tempdir().unwrap();
    std::fs::write(
        minutes.path().join("minutes.pdf"),
        disclose_fixtures::fixtures::pdf(&[&["Minutes of the meeting about the fence."]]),
    )
    .unwrap();
    d.import_folder("L-12", minutes.path());
    let note = d.item_id("L-12", "note.txt");
    for term in ["PDF", "Parent", "Length"] {
        d.json(&[
            "redact",
            "--case",
            "L-12",
            "--item",
            &note,
            "--term",
            term,
            "--reason",
            "third-party",
        ]);
    }
    d.disclose_all("L-12");
    d.run(&["render", "--case", "L-12"]).ok();

    // Each rendition holds the three words as PDF syntax ("%PDF-1.7",
    // "/Parent", "/Length"), uncompressed, and the note's shows none of
    // them to a reader.
    let renditions = d.case_dir("L-12").join("renditions");
    let mut pdfs: Vec<_> = std::fs::read_dir(&renditions)
        .unwrap_or_else(|e| panic!("{}: {e}", renditions.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    assert_eq!(pdfs.len(), 3, "{pdfs:?}");
    let mut shown = String::new();
    for pdf in &pdfs {
        let qdf = input.path().join("qdf.pdf");
        tool(
            "qpdf",
            &["--qdf", pdf.to_str().unwrap(), qdf.to_str().unwrap()],
        );
        let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
        for syntax in ["%PDF-", "/Parent", "/Length"] {
            assert!(raw.contains(syntax), "{syntax} in {}", pdf.display());
        }
        shown.push_str(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    }
    assert!(shown.contains("Parent came round"), "{shown}");
    assert!(
        !shown.contains("PDF") && !shown.contains("Length"),
        "{shown}"
    );

    // The diary's Parent, left for a reader to see, is the only finding.
    let checked = d.json(&["verify", "--case", "L-12", "--bundle"]);
    assert_eq!(checked["clean"], false, "{checked}");
    let leaks = checked["leaks"].as_array().unwrap();
    assert!(!leaks.is_empty(), "{checked}");
    for leak in leaks {
        assert!(
            leak["context"]
                .as_str()
                .is_some_and(|c| c.contains("Parent came round")),
            "only the diary's words are findings: {leak}"
        );
    }

    // Redacted in the diary too, the bundle goes out.
    d.redact_everywhere("L-12", "Parent");
    d.run(&["render", "--case", "L-12"]).ok();
    let out = exported(&d, "L-12");
    let schedule = tool(
        "unzip",
        &["-p", out.to_str().unwrap(), "*/data/schedule.csv"],
    );
    assert!(schedule.contains("PDF document"), "{schedule}");

    // A PDF carrying the name where a reader finds it — its document
    // information, an uncompressed content stream — is still caught in its
    // raw bytes.
    let carried = |content: &str, author: &str| {
        let objects = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                .to_vec(),
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
            .into_bytes(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            format!("<< /Author ({author}) >>").into_bytes(),
        ];
        let path = input.path().join("carried.pdf");
        std::fs::write(
            &path,
            disclose_fixtures::fixtures::assemble_pdf(&objects, "/Info 6 0 R"),
        )
        .unwrap();
        let report = d.json(&["verify", "--case", "L-12", path.to_str().unwrap()]);
        assert_eq!(report["clean"], false, "{report}");
        report["leaks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|leak| leak["place"] == "raw bytes" && leak["kind"] == "whole")
            .map(|leak| leak["context"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let in_info = carried(
        "BT /F1 12 Tf 72 720 Td (Visit by the officer) Tj ET",
        "Jo Parent",
    );
    assert!(
        in_info.iter().any(|c| c.contains("/Author (Jo Parent)")),
        "{in_info:?}"
    );
    let in_content = carried("BT /F1 12 Tf 72 720 Td (Visit by Parent) Tj ET", "Housing");
    assert!(
        in_content
            .iter()
            .any(|c| c.contains("(Visit by Parent) Tj")),
        "{in_content:?}"
    );
}

#[test]
fn pieces_of_names_that_are_ordinary_words_do_not_stop_the_export() {
    let d = disclose!();
    let _input = case_with(
        &d,
        "L-1",
        &[(
            "note.txt",
            "Tiffany Cole reported noise from the flat above.\nRhys Fairbairn saw the damage on Monday.\n",
        )],
    );
    assert_eq!(d.redact_everywhere("L-1", "Tiffany Cole"), 1);
    assert_eq!(d.redact_everywhere("L-1", "Rhys Fairbairn"), 1);
    d.disclose_all("L-1");
    d.run(&["render", "--case", "L-1"]).ok();
    d.run(&["verify", "--case", "L-1"]).ok();
    let checked = d.json(&["verify", "--case", "L-1", "--bundle"]);
    assert_eq!(checked["clean"], true, "{checked}");

    let out = exported(&d, "L-1");
    // The letter really does say "any" and "fair", and nothing of the names.
    let unpacked = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    zip.extract(unpacked.path()).unwrap();
    let letter = unpacked.path().join("L-1/data/letter.pdf");
    let text = tool("pdftotext", &[letter.to_str().unwrap(), "-"]).to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    assert!(words.contains(&"any") && words.contains(&"fair"), "{text}");
    let document = unpacked.path().join("L-1/data/documents/0001.pdf");
    let document = tool("pdftotext", &[document.to_str().unwrap(), "-"]).to_lowercase();
    for gone in ["tiffany", "fairbairn", "cole", "rhys"] {
        assert!(!text.contains(gone) && !document.contains(gone), "{gone}");
    }
    assert!(document.contains("reported noise"), "{document}");
}

#[test]
fn an_ambiguous_finding_is_shown_in_context_and_can_be_waived_but_a_whole_name_cannot() {
    let d = disclose!();
    let input = case_with(
        &d,
        "L-2",
        &[(
            "note.txt",
            "Complaint made by Tiffany Okonjo about the bins.\n",
        )],
    );
    assert_eq!(d.redact_everywhere("L-2", "Tiffany Okonjo"), 1);
    d.disclose_all("L-2");
    d.run(&["render", "--case", "L-2"]).ok();
    d.run(&["verify", "--case", "L-2"]).ok();

    // A file produced by hand keeps the surname alone: a word of the name.
    let produced = input.path().join("summary.txt");
    std::fs::write(
        &produced,
        "Summary: the Okonjo Bakery on the corner was closed.\n",
    )
    .unwrap();
    let checked = d.run(&[
        "--json",
        "verify",
        "--case",
        "L-2",
        produced.to_str().unwrap(),
    ]);
    assert_eq!(checked.code, 1, "{checked:?}");
    let report = checked.json();
    let leak = &report["leaks"][0];
    assert_eq!(leak["kind"], "word", "{report}");
    assert_eq!(leak["found"], "Okonjo");
    assert_eq!(leak["redacted"], "Tiffany Okonjo");
    assert_eq!(leak["waivable"], true);
    assert!(
        leak["context"]
            .as_str()
            .unwrap()
            .contains("the Okonjo Bakery on the corner"),
        "{leak}"
    );
    let human = d.run(&["verify", "--case", "L-2", produced.to_str().unwrap()]);
    assert!(
        human.stdout.contains("not this person:"),
        "{}",
        human.stdout
    );

    // A whole redacted string can never be waived; a reason is required.
    let refused = d.run(&[
        "verify",
        "--case",
        "L-2",
        "--not-this-person",
        "Tiffany Okonjo",
        "--redacted",
        "Tiffany Okonjo",
        "--reason",
        "x",
    ]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("single word"), "{}", refused.stderr);
    let blank = d.run(&[
        "verify",
        "--case",
        "L-2",
        "--not-this-person",
        "Okonjo",
        "--redacted",
        "Tiffany Okonjo",
        "--reason",
        " ",
    ]);
    assert_eq!(blank.code, 1, "{blank:?}");

    d.run(&[
        "verify",
        "--case",
        "L-2",
        "--not-this-person",
        "okonjo",
        "--redacted",
        "tiffany okonjo",
        "--reason",
        "the bakery's trading name, not the complainant",
    ])
    .ok();
    let again = d.json(&["verify", "--case", "L-2", produced.to_str().unwrap()]);
    assert_eq!(again["clean"], true, "{again}");
    assert_eq!(again["waived"][0]["found"], "Okonjo", "{again}");

    // The whole name in the same file is still a leak.
    std::fs::write(&produced, "Summary: Tiffany Okonjo rang.\n").unwrap();
    let whole = d.run(&[
        "--json",
        "verify",
        "--case",
        "L-2",
        produced.to_str().unwrap(),
    ]);
    assert_eq!(whole.code, 1);
    assert_eq!(whole.json()["leaks"][0]["kind"], "whole");

    let audit = d.run(&["audit", "--case", "L-2"]).ok().stdout;
    assert!(audit.contains("not-this-person"), "{audit}");
    assert!(audit.contains("the bakery's trading name"), "{audit}");
}

#[test]
fn with_nothing_redacted_a_pdf_that_cannot_be_drawn_or_read_is_still_a_finding() {
    let d = disclose!();
    let _input = case_with(&d, "L-3", &[]);
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.pdf");
    std::fs::write(
        &broken,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> no pages, no trailer",
    )
    .unwrap();
    let run = d.run(&[
        "--json",
        "verify",
        "--case",
        "L-3",
        broken.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report = run.json();
    assert_eq!(report["redactions"], 0, "{report}");
    let leaks = report["leaks"].as_array().unwrap();
    assert!(
        leaks
            .iter()
            .any(|l| l["place"] == "unreadable"
                && l["found"].as_str().unwrap().starts_with("pixels")),
        "the pages that cannot be drawn: {report}"
    );
}

#[test]
fn a_redacted_bare_house_number_is_checked_where_it_stood_not_wherever_the_number_is() {
    let d = disclose!();
    let _input = case_with(
        &d,
        "L-9",
        &[
            (
                "diary.txt",
                "the woman at 27 was shouting again at midnight.\n",
            ),
            (
                "invoice.txt",
                "Invoice 27 paid on 27 March. Room 27 booked.\n",
            ),
        ],
    );
    d.json(&["detect", "--case", "L-9"]);
    d.run(&[
        "redact",
        "--case",
        "L-9",
        "--accept-suggestions",
        "--kind",
        "address_line",
    ])
    .ok();
    assert_eq!(d.mark_texts("L-9", &["--status", "accepted"]), ["27"]);
    d.disclose_all("L-9");
    d.run(&["render", "--case", "L-9"]).ok();
    let checked = d.json(&["verify", "--case", "L-9", "--bundle"]);
    assert_eq!(checked["clean"], true, "{checked}");
    exported(&d, "L-9");

    // The same house number beside the same words in another item, not
    // redacted there, is the redacted number given away.
    let more = tempfile::tempdir().unwrap();
    std::fs::write(
        more.path().join("later.txt"),
        "Follow-up: the woman at 27 was seen again.\n",
    )
    .unwrap();
    d.import_folder("L-9", more.path());
    d.disclose_all("L-9");
    d.run(&["render", "--case", "L-9"]).ok();
    let checked = d.json(&["verify", "--case", "L-9", "--bundle"]);
    assert_eq!(checked["clean"], false, "{checked}");
    assert!(checked.to_string().contains("woman at 27"), "{checked}");
}

#[test]
fn ocr_reads_the_pages_with_pictures_and_a_redacted_name_drawn_in_one_is_still_caught() {
    let d = disclose!();
    d.new_case("L-4");
    d.set_demo_profile();
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("note.txt"),
        "Complaint made by Tiffany Okonjo about the bins.\n",
    )
    .unwrap();
    std::fs::write(
        input.path().join("letter.jpg"),
        fixtures::scan_jpeg(&["Letter from Tiffany Okonjo"]),
    )
    .unwrap();
    std::fs::write(
        input.path().join("scan.pdf"),
        fixtures::scanned_pdf(&["Signed by Tiffany Okonjo"]),
    )
    .unwrap();
    // Not read at import: the name is only in the pictures' pixels, so
    // nothing in them is marked and their renditions show it.
    let dir = input.path().to_str().unwrap();
    d.run(&["import", "--no-ocr", "--case", "L-4", dir]).ok();
    assert_eq!(d.redact_everywhere("L-4", "Tiffany Okonjo"), 1);
    d.disclose_all("L-4");
    d.run(&["render", "--case", "L-4"]).ok();

    let run = d.run(&["--json", "verify", "--case", "L-4"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let report = run.json();
    let mut read_in: Vec<String> = report["leaks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| {
            l["place"].as_str().unwrap().starts_with("ocr")
                && l["found"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("okonjo")
        })
        .map(|l| l["file"].as_str().unwrap().to_string())
        .collect();
    read_in.sort();
    read_in.dedup();
    assert_eq!(read_in.len(), 2, "the image and the scan: {report:#}");

    // Tesseract read the two pages with pictures and not the note's page
    // of text, whose words are all in its text layer.
    let readings = d.home.path().join("cases/L-4/ocr-cache");
    assert_eq!(std::fs::read_dir(readings).unwrap().count(), 2);
}

//! True redaction, proved with tools that are not ours: adversarial
//! fixtures are imported, a name is redacted everywhere, renditions are
//! made, and `pdftotext`, `qpdf --qdf`, `exiftool` and our own
//! `disclose verify` must all find nothing of it — while the text around
//! it survives.

use std::path::Path;

use disclose_fixtures::tools::tool;
use disclose_fixtures::{adversarial, disclose, Disclose};

/// Runs an independent tool and returns its stdout.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Nothing of "John Smith": not the name, not a word of it, not a piece.
fn assert_no_trace(text: &str, what: &str) {
    let lower = text.to_lowercase();
    for needle in ["smith", "john", "okafor"] {
        assert!(
            !lower.contains(needle),
            "{what} still has {needle:?}:\n{text}"
        );
    }
    for fragment in ["smi", "mith", "ith", "joh", "ohn"] {
        assert!(
            !words(text).iter().any(|w| w == fragment),
            "{what} has the fragment {fragment:?}:\n{text}"
        );
    }
}

fn item_id(d: &Disclose, case: &str, file_type: &str) -> i64 {
    let items = d.json(&["items", "--case", case]);
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["type"] == file_type && i["parent"].is_null())
        .unwrap_or_else(|| panic!("no {file_type} item in {items}"))["id"]
        .as_i64()
        .unwrap()
}

fn rendition(d: &Disclose, case: &str, item: i64, ext: &str) -> std::path::PathBuf {
    let path = d
        .case_dir(case)
        .join("renditions")
        .join(format!("item-{item:06}.{ext}"));
    assert!(path.exists(), "{} was not made", path.display());
    path
}

#[test]
fn adversarial_pdf_image_and_email_come_out_clean() {
    let d = disclose!();
    d.new_case("R-1");
    let input = tempfile::tempdir().unwrap();
    let original_pdf = input.path().join("complaint.pdf");
    std::fs::write(&original_pdf, adversarial::pdf()).unwrap();
    std::fs::write(input.path().join("photo.jpg"), adversarial::jpeg()).unwrap();
    std::fs::write(
        input.path().join("fence.eml"),
        adversarial::html_twin_email(),
    )
    .unwrap();
    d.run(&["import", "--case", "R-1", input.path().to_str().unwrap()])
        .ok();

    // The fixture really does hide the name where a reader can find it.
    let before = tool("pdftotext", &[original_pdf.to_str().unwrap(), "-"]);
    assert!(before.contains("John Smith"), "{before}");
    let before_meta = tool(
        "exiftool",
        &[input.path().join("photo.jpg").to_str().unwrap()],
    );
    assert!(before_meta.contains("John Smith"), "{before_meta}");

    d.run(&["decide", "--case", "R-1", "--all", "--as", "redact"])
        .ok();
    let dry = d.json(&[
        "redact",
        "--case",
        "R-1",
        "--term",
        "John Smith",
        "--everywhere",
        "--reason",
        "third-party",
        "--dry-run",
    ]);
    let occurrences = dry["count"].as_u64().unwrap();
    assert!(occurrences >= 8, "{dry}");
    let listed = d.json(&["redact", "--case", "R-1", "--list"]);
    assert_eq!(listed["count"], 0, "a dry run marks nothing: {listed}");

    let marked = d.json(&[
        "redact",
        "--case",
        "R-1",
        "--term",
        "John Smith",
        "--everywhere",
        "--reason",
        "third-party",
    ]);
    assert_eq!(marked["count"].as_u64(), Some(occurrences), "{marked}");

    // The picture's red patch, drawn on the upright image: the JPEG is
    // stored on its side (EXIF orientation 6), so stored (x, y) shows at
    // (39 - y, x).
    let jpeg = item_id(&d, "R-1", "image");
    let [x0, y0, x1, y1] = adversarial::PATCH;
    let upright = format!("{},{},{},{}", 40 - y1, x0, 40 - y0, x1);
    d.run(&[
        "redact",
        "--case",
        "R-1",
        "--item",
        &jpeg.to_string(),
        "--page",
        "1",
        "--rect",
        &upright,
        "--reason",
        "third-party",
    ])
    .ok();

    // Marks on a PDF know where they sit on the page.
    let pdf_item = item_id(&d, "R-1", "pdf").to_string();
    let on_pdf = d.json(&["redact", "--case", "R-1", "--list", "--item", &pdf_item]);
    for mark in on_pdf["marks"].as_array().unwrap() {
        let boxes = mark["boxes"].as_array().unwrap();
        assert!(!boxes.is_empty(), "a box for {mark}");
        assert!(boxes.iter().all(|b| b["page"] == 1));
    }

    let rendered = d.json(&["render", "--case", "R-1"]);
    assert_eq!(
        rendered["failures"].as_array().unwrap().len(),
        0,
        "{rendered}"
    );
    let verified = d.json(&["verify", "--case", "R-1"]);
    assert_eq!(verified["clean"], true, "{verified}");

    // The PDF: text, every stream, and metadata.
    let pdf = rendition(&d, "R-1", item_id(&d, "R-1", "pdf"), "pdf");
    let pdf = pdf.to_str().unwrap();
    let text = tool("pdftotext", &[pdf, "-"]);
    assert_no_trace(&text, "pdftotext");
    for kept in [
        "Complainant",
        "reported noise at Mill Lane.",
        "The officer visited on Tuesday.",
    ] {
        assert!(
            text.contains(kept),
            "over-redaction: {kept:?} is gone:\n{text}"
        );
    }
    let qdf = tool("qpdf", &["--qdf", "--object-streams=disable", pdf, "-"]);
    assert_no_trace(&qdf, "qpdf --qdf");
    for gone in [
        "/Annots",
        "/EmbeddedFile",
        "/JavaScript",
        "/Metadata",
        "/Outlines",
        "/Info",
    ] {
        assert!(!qdf.contains(gone), "{gone} survived in the rendition");
    }
    assert_no_trace(
        &tool("exiftool", &["-a", "-G1", pdf]),
        "exiftool on the PDF",
    );
    assert!(tool("pdfinfo", &[pdf]).contains("Pages:           1"));

    // The image: pixels, orientation and metadata.
    let jpg = rendition(&d, "R-1", jpeg, "jpg");
    let meta = tool("exiftool", &["-a", "-G1", "-u", jpg.to_str().unwrap()]);
    assert_no_trace(&meta, "exiftool on the image");
    for gone in ["GPS", "Thumbnail", "Orientation", "Artist"] {
        assert!(!meta.contains(gone), "{gone} survived:\n{meta}");
    }
    let picture = image_rgb(&jpg);
    assert_eq!(picture.dimensions(), (40, 80), "turned upright first");
    let red = picture
        .pixels()
        .filter(|p| p[0] > 200 && p[1] < 80 && p[2] < 80)
        .count();
    assert_eq!(red, 0, "the red patch is gone from the pixels");
    assert!(
        picture.get_pixel(5, 70)[0] > 200,
        "pixels outside the mark are kept"
    );

    // The email: both parts.
    let email = rendition(&d, "R-1", item_id(&d, "R-1", "email"), "pdf");
    let email_text = tool("pdftotext", &[email.to_str().unwrap(), "-"]);
    assert_no_trace(&email_text, "the email");
    assert!(
        email_text.contains("complained about the fence"),
        "{email_text}"
    );
    assert!(
        email_text.contains("R-1"),
        "stamped with the case: {email_text}"
    );

    // The leak check fails closed on what was not redacted.
    let leak = d.run(&[
        "--json",
        "verify",
        "--case",
        "R-1",
        input.path().to_str().unwrap(),
    ]);
    assert_eq!(leak.code, 1, "{leak:?}");
    let report = leak.json();
    assert_eq!(report["clean"], false);
    let places: Vec<&str> = report["leaks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["place"].as_str().unwrap())
        .collect();
    for place in ["text", "metadata"] {
        assert!(places.contains(&place), "{place} not reported: {report}");
    }
}

fn image_rgb(path: &Path) -> image::RgbImage {
    image::open(path).expect("decode the rendition").to_rgb8()
}

#[test]
fn suggestions_are_reviewed_by_kind_and_person_and_stale_renditions_stop_verify() {
    let d = disclose!();
    d.json(&["demo"]);
    let staff = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        staff.path(),
        "name,role,email\nPriya Khan,ASB Officer,priya.khan@northgate-homes.example\n",
    )
    .unwrap();
    d.run(&["staff", "import", staff.path().to_str().unwrap()])
        .ok();

    let found = d.json(&["detect", "--case", "DEMO-001"]);
    let suggested = found["suggested"].as_u64().unwrap();
    assert!(suggested > 0, "{found}");
    assert!(
        found["by_whose"]["subject"].as_u64().unwrap() > 0,
        "{found}"
    );
    assert!(found["by_whose"]["staff"].as_u64().unwrap() > 0, "{found}");
    let again = d.json(&["detect", "--case", "DEMO-001"]);
    assert_eq!(again["suggested"], 0, "a second run adds nothing: {again}");

    let all = d.marks("DEMO-001", "suggested");
    let marks = all["marks"].as_array().unwrap();
    assert!(
        marks
            .iter()
            .all(|m| m["whose"] != "subject" && m["whose"] != "staff"),
        "the subject's data and staff in role are never suggested: {all}"
    );
    let phones = d.json(&[
        "redact",
        "--case",
        "DEMO-001",
        "--accept-suggestions",
        "--kind",
        "phone",
    ]);
    let accepted = phones["count"].as_u64().unwrap();
    assert!(accepted > 0);
    assert!(phones["marks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["kind"] == "phone"));
    // Waiting: this run's suggestions and the demo clip's face and plate
    // tracks, suggested when the demo was made.
    let rest = d.json(&["redact", "--case", "DEMO-001", "--reject-suggestions"]);
    assert_eq!(
        rest["count"].as_u64().unwrap(),
        marks.len() as u64 - accepted
    );
    let third = d.json(&["detect", "--case", "DEMO-001"]);
    assert_eq!(third["suggested"], 0, "rejected suggestions stay rejected");

    d.disclose_all("DEMO-001");
    let refused = d.run(&["verify", "--case", "DEMO-001"]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("render"), "{}", refused.stderr);
    d.run(&["render", "--case", "DEMO-001"]).ok();
    d.run(&["verify", "--case", "DEMO-001"]).ok();

    // A new redaction makes that item's rendition stale until rendered.
    let okafor = d.json(&[
        "redact",
        "--case",
        "DEMO-001",
        "--term",
        "Okafor",
        "--everywhere",
        "--reason",
        "third-party",
    ]);
    assert!(okafor["count"].as_u64().unwrap() >= 1, "{okafor}");
    let stale = d.run(&["verify", "--case", "DEMO-001"]);
    assert!(stale.stderr.contains("marks changed"), "{}", stale.stderr);
    let changed: std::collections::BTreeSet<i64> = okafor["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["item_id"].as_i64().unwrap())
        .collect();
    let again = d.json(&["render", "--case", "DEMO-001"]);
    assert_eq!(
        again["rendered"],
        changed.len(),
        "only the changed items: {again}"
    );
    d.run(&["verify", "--case", "DEMO-001"]).ok();

    // Taking a redaction back is recorded and re-renders that item.
    let first = okafor["occurrences"][0]["item_id"].as_i64().unwrap();
    let marks = d.json(&[
        "redact",
        "--case",
        "DEMO-001",
        "--list",
        "--item",
        &first.to_string(),
        "--kind",
        "term",
    ]);
    let id = marks["marks"][0]["id"].as_i64().unwrap().to_string();
    let back = d.json(&["redact", "--case", "DEMO-001", "--unredact", "--mark", &id]);
    assert_eq!(back["count"], 1);
    let audit = d.run(&["audit", "--case", "DEMO-001"]).ok();
    for action in ["mark", "mark-accept", "mark-reject", "unredact", "render"] {
        assert!(audit.stdout.contains(action), "{action} not audited");
    }
}

#[test]
fn redacting_a_name_that_was_only_suggested_accepts_the_suggestion() {
    let d = disclose!();
    d.json(&["demo"]);
    d.run(&["detect", "--case", "DEMO-001"]).ok();
    let suggested = d.marks("DEMO-001", "suggested");
    assert!(
        suggested.to_string().contains("Mrs Okafor"),
        "detection suggests the neighbour: {suggested}"
    );
    d.redact_everywhere("DEMO-001", "Mrs Okafor");
    let accepted = d.marks("DEMO-001", "accepted");
    let okafor = accepted["marks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["text"] == "Mrs Okafor")
        .count();
    assert_eq!(okafor, 2, "both places are redacted: {accepted}");
    d.disclose_all("DEMO-001");
    let rendered = d.json(&["render", "--case", "DEMO-001"]);
    assert!(rendered["redactions"].as_u64().unwrap() >= 2, "{rendered}");
    d.run(&["verify", "--case", "DEMO-001"]).ok();
}

/// The engine keeps the steps of review: only a redaction can be taken
/// back, a suggestion is accepted or rejected once, an unknown mark or
/// word is refused — each refusal changes nothing, dry run or not.
#[test]
fn marks_move_only_along_the_steps_of_review() {
    let d = disclose!();
    d.json(&["demo"]);
    d.run(&["detect", "--case", "DEMO-001"]).ok();
    let list = |status: &str| {
        d.marks("DEMO-001", status)["marks"]
            .as_array()
            .unwrap()
            .clone()
    };
    let suggested = list("suggested");
    assert!(!suggested.is_empty(), "detection suggests: {suggested:?}");
    let first = suggested[0]["id"].as_i64().unwrap().to_string();
    let refused = |args: &[&str], says: &str| {
        let mut all = vec!["--json", "redact", "--case", "DEMO-001"];
        all.extend_from_slice(args);
        let run = d.run(&all);
        assert_eq!(run.code, 1, "{args:?} must be refused: {}", run.stdout);
        let error = &run.json()["error"];
        assert_eq!(error["code"], "invalid", "{error}");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(says), "{args:?}: {message}");
    };

    // A suggestion is not a redaction: it cannot be taken back, not even
    // in a dry run, nor along with a redaction.
    refused(
        &["--unredact", "--mark", &first],
        "only accepted marks can be taken back",
    );
    refused(
        &["--unredact", "--mark", &first, "--dry-run"],
        "only accepted marks can be taken back",
    );
    refused(&["--unredact", "--mark", "999999"], "no mark 999999");
    // Unknown words are errors, not a filter that matches nothing.
    refused(&["--list", "--status", "maybe"], "unknown mark status");
    refused(&["--list", "--whose", "neighbour"], "unknown owner");
    refused(
        &["--accept-suggestions", "--kind", "shoe_size"],
        "unknown kind",
    );
    // A dry run checks the mark it would make.
    refused(
        &[
            "--item",
            "1",
            "--range",
            "0:4",
            "--reason",
            "no-such-reason",
            "--dry-run",
        ],
        "no-such-reason",
    );
    assert_eq!(list("suggested").len(), suggested.len(), "nothing changed");

    // Accepted, it can be taken back, once.
    d.json(&[
        "redact",
        "--case",
        "DEMO-001",
        "--accept-suggestions",
        "--kind",
        suggested[0]["kind"].as_str().unwrap(),
        "--item",
        &suggested[0]["item_id"].to_string(),
    ]);
    let back = d.json(&[
        "redact",
        "--case",
        "DEMO-001",
        "--unredact",
        "--mark",
        &first,
    ]);
    assert_eq!(back["count"], 1, "{back}");
    refused(
        &["--unredact", "--mark", &first],
        "only accepted marks can be taken back: mark",
    );
    let statuses: Vec<String> = list("removed")
        .iter()
        .filter(|m| m["id"].as_i64().map(|id| id.to_string()).as_deref() == Some(&first))
        .map(|m| m["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["removed"]);
}

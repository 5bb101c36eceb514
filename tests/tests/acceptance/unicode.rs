//! Names print as written, never as `?`: a note naming people in five
//! scripts (Polish, Vietnamese, Greek, Cyrillic, Arabic and Urdu) and a
//! double-barrelled name with a typographic hyphen is rendered, and a
//! subject with a Polish name gets a letter and schedule — all read back
//! with poppler's `pdftotext`, which uses the embedded font's Unicode map.

use disclose_acceptance::Disclose;

use crate::redact::tool;

const NAMES: [&str; 7] = [
    "Łukasz Wójcik",
    "Nguyễn Thị Ánh",
    "Παπαδόπουλος",
    "Оксана Коваленко",
    "محمد",
    "عمران",
    "Anne‑Marie O’Brien",
];

#[test]
fn names_in_five_scripts_print_as_written() {
    let d = Disclose::new();
    d.run(&[
        "case",
        "new",
        "--ref",
        "U-1",
        "--subject",
        "Łukasz Wójcik",
        "--received",
        "2026-03-03",
    ])
    .ok();
    let template = d.run(&["profile", "template"]).ok().stdout;
    let profile = d.home.path().join("org.json");
    std::fs::write(&profile, template).unwrap();
    d.run(&["profile", "set", profile.to_str().unwrap()]).ok();
    let input = tempfile::tempdir().unwrap();
    let note: String = NAMES.iter().map(|n| format!("{n}\n")).collect();
    std::fs::write(
        input.path().join("visitors.txt"),
        format!("Visitors\n{note}"),
    )
    .unwrap();
    d.run(&["import", "--case", "U-1", input.path().to_str().unwrap()])
        .ok();
    d.disclose_all("U-1");
    d.run(&["render", "--case", "U-1"]).ok();

    let rendition = std::fs::read_dir(d.case_dir("U-1").join("renditions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = tool("pdftotext", &[rendition.to_str().unwrap(), "-"]);
    for name in NAMES {
        assert!(
            text.contains(name),
            "{name} does not print as written:\n{text}"
        );
    }
    assert!(!text.contains('?'), "{text}");

    let out = d.home.path().join("u1.zip");
    d.run(&["export", "--case", "U-1", "--out", out.to_str().unwrap()])
        .ok();
    let unpacked = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    zip.extract(unpacked.path()).unwrap();
    let letter = tool(
        "pdftotext",
        &[
            unpacked
                .path()
                .join("U-1/data/letter.pdf")
                .to_str()
                .unwrap(),
            "-",
        ],
    );
    assert!(letter.contains("Łukasz Wójcik"), "{letter}");
    assert!(letter.contains("—") && letter.contains("•"), "{letter}");
    let schedule = tool(
        "pdftotext",
        &[
            unpacked
                .path()
                .join("U-1/data/schedule.pdf")
                .to_str()
                .unwrap(),
            "-",
        ],
    );
    assert!(
        schedule.contains("Schedule of documents — U-1"),
        "{schedule}"
    );
}

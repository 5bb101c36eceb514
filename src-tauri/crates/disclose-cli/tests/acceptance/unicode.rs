//! Names print as written, never as `?`: a note naming people in five
//! scripts (Polish, Vietnamese, Greek, Cyrillic, Arabic and Urdu) and a
//! double-barrelled name with a typographic hyphen is rendered, and a
//! subject with a Polish name gets a letter and schedule — all read back
//! with poppler's `pdftotext`, which uses the embedded fonts' Unicode maps,
//! and compared after NFKC normalisation (Python's `unicodedata`), so a
//! joined Arabic form read back as its presentation-form character still
//! counts as its letter. `pdffonts` shows both fonts embedded: DejaVu Sans
//! for the European scripts, Noto Naskh Arabic for the Arabic and Urdu
//! names, whose letters DejaVu partly lacks (ے ں ہ ڑ) and which need
//! shaping (joined letters, the lam-alef ligature); and Tesseract's Urdu
//! model reads the Urdu names back from the page's pixels.

use disclose_fixtures::disclose;

use disclose_fixtures::tools::tool;

const NAMES: [&str; 11] = [
    "Łukasz Wójcik",
    "Nguyễn Thị Ánh",
    "Nguyễn Văn An",
    "Παπαδόπουλος",
    "Оксана Коваленко",
    "محمد",
    "عمران",
    "علاء الدين",
    "علی رضا",
    "چھوٹے میاں",
    "Anne‑Marie O’Brien",
];

/// `text` in Unicode normalisation form KC, by Python's `unicodedata`.
fn nfkc(text: &str) -> String {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    tool(
        "python3",
        &[
            "-c",
            "import sys, unicodedata; sys.stdout.write(unicodedata.normalize('NFKC', open(sys.argv[1], encoding='utf-8').read()))",
            file.path().to_str().unwrap(),
        ],
    )
}

#[test]
fn names_in_five_scripts_print_as_written() {
    let d = disclose!();
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
    d.set_demo_profile();
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
    let text = nfkc(&tool("pdftotext", &[rendition.to_str().unwrap(), "-"]));
    for name in NAMES {
        assert!(
            text.contains(&nfkc(name)),
            "{name} does not print as written:\n{text}"
        );
    }
    assert!(!text.contains('?') && !text.contains('\u{FFFD}'), "{text}");
    // What a reader sees: Tesseract's Urdu model reads the Urdu names
    // back from poppler's drawing of the page, so they are joined and
    // ordered as they are written.
    let pixels = tempfile::tempdir().unwrap();
    let picture = pixels.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "300",
            "-png",
            "-singlefile",
            rendition.to_str().unwrap(),
            picture.to_str().unwrap(),
        ],
    );
    let seen = nfkc(&tool(
        "tesseract",
        &[
            picture.with_extension("png").to_str().unwrap(),
            "-",
            "-l",
            "urd",
        ],
    ));
    for name in ["محمد", "علی رضا", "چھوٹے میاں"] {
        assert!(seen.contains(&nfkc(name)), "{name} is not seen:\n{seen}");
    }
    let fonts = tool("pdffonts", &[rendition.to_str().unwrap()]);
    for font in ["DejaVuSans", "NotoNaskhArabic"] {
        let line = fonts
            .lines()
            .find(|l| l.contains(font))
            .unwrap_or_else(|| panic!("{font} is not in the rendition:\n{fonts}"));
        // A CID TrueType font, Identity-H, embedded, as a subset, with a
        // Unicode map: "CID TrueType Identity-H yes yes yes".
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(
            words
                .windows(6)
                .any(|w| w == ["CID", "TrueType", "Identity-H", "yes", "yes", "yes"]),
            "{line}"
        );
    }

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

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::*;
use crate::Word;

/// A PDF written in code. Objects: 1 catalog, 2 page tree, 3 Helvetica
/// (`/F1`), 4–6 a Type0 font with Identity-H codes and a ToUnicode map
/// (`/F2`), 7 a form XObject (`/X1`), then `extra` objects from 8, then one
/// page object and one content stream per page.
#[derive(Default)]
struct Fixture {
    pages: Vec<String>,
    /// Added to every page dictionary (e.g. `/Rotate 90`).
    page_extra: String,
    form: String,
    catalog_extra: String,
    trailer_extra: String,
    extra: Vec<String>,
}

/// Codes of the Type0 test font and the text its ToUnicode map gives them.
const CID_CODES: &str = "<0001> <0141>\n<0002> <00F3>\n<0003> <0064>\n<0004> <017A>\n\
                         <0005> <0020>\n<0006> <006F>\n<0007> <FB03>\n<0008> <0063>\n<0009> <0065>";

fn stream(dict: &str, content: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len() + 1
    )
}

impl Fixture {
    fn new(pages: &[&str]) -> Self {
        Fixture {
            pages: pages.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        }
    }

    fn build(&self) -> Vec<u8> {
        let first_page = 8 + self.extra.len();
        let kids: Vec<String> = (0..self.pages.len())
            .map(|i| format!("{} 0 R", first_page + 2 * i))
            .collect();
        let to_unicode = format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
             /CMapName /Test-UCS def /CMapType 2 def\n\
             1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             9 beginbfchar\n{CID_CODES}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
        );
        let mut objects = vec![
            format!("<< /Type /Catalog /Pages 2 0 R {} >>", self.catalog_extra),
            format!(
                "<< /Type /Pages /Kids [{}] /Count {} >>",
                kids.join(" "),
                self.pages.len()
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                .to_string(),
            "<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H \
             /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>"
                .to_string(),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
             /DW 600 /W [5 [250]] >>"
                .to_string(),
            stream("", &to_unicode),
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>",
                &self.form,
            ),
        ];
        objects.extend(self.extra.iter().cloned());
        for content in &self.pages {
            let number = objects.len() + 1;
            objects.push(format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] {} \
                 /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /X1 7 0 R >> >> \
                 /Contents {} 0 R >>",
                self.page_extra,
                number + 1
            ));
            objects.push(stream("", content));
        }
        let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
        super::assemble::assemble_pdf(&objects, &self.trailer_extra)
    }
}

fn one_page(content: &str) -> Vec<u8> {
    Fixture::new(&[content]).build()
}

fn extract(pdf: &[u8]) -> Extracted {
    extract_pdf(pdf, &Limits::default()).unwrap()
}

fn word<'a>(out: &'a Extracted, text: &str) -> &'a Word {
    out.pages
        .iter()
        .flat_map(|p| &p.words)
        .find(|w| &out.text[w.start..w.end] == text)
        .unwrap_or_else(|| panic!("no word {text:?} in {:?}", out.text))
}

fn lines_of(words: &[Word]) -> BTreeMap<i64, usize> {
    let mut lines = BTreeMap::new();
    for w in words {
        *lines.entry(w.bbox[3].round() as i64).or_default() += 1;
    }
    lines
}

#[test]
fn text_words_and_boxes() {
    let mut fixture = Fixture::new(&[
        "BT /F1 12 Tf 72 700 Td (Dear Mrs Okafor,) Tj 0 -20 Td (second line) Tj ET",
    ]);
    fixture.trailer_extra =
        "/Info << /Title (Rent letter) /Author (Sam Officer) /ModDate (D:20260302101500Z) >>"
            .into();
    let out = extract(&fixture.build());
    assert_eq!(out.text, "Dear Mrs Okafor,\nsecond line");
    let page = &out.pages[0];
    assert_eq!((page.number, page.width, page.height), (1, 612.0, 792.0));
    assert_eq!(page.words.len(), 5);
    // In 12pt Helvetica "Dear Mrs " is 52.67pt wide (widths 722 556 556
    // 333 278 833 333 500 278) and "Okafor," 39.35pt (778 500 556 278 556
    // 333 278). Baseline 700pt up a 792pt page is 92pt from the top; the
    // box runs 0.8 em above it and 0.2 em below.
    let okafor = word(&out, "Okafor,").bbox;
    let expected = [124.67, 92.0 - 9.6, 124.67 + 39.35, 92.0 + 2.4];
    for (got, want) in okafor.iter().zip(expected) {
        assert!((got - want).abs() < 1.5, "{okafor:?} vs {expected:?}");
    }
    assert_eq!(lines_of(&page.words).len(), 2);
    assert_eq!(out.metadata["title"], "Rent letter");
    assert_eq!(out.metadata["author"], "Sam Officer");
    assert_eq!(out.metadata["modified"], "2026-03-02T10:15:00Z");
    assert_eq!(out.metadata["pages"], "1");
    assert_eq!(
        out.date.map(|d| d.to_rfc3339()),
        Some("2026-03-02T10:15:00+00:00".into())
    );
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn word_breaks_follow_gaps_not_kerning() {
    // Kerning (-30) joins, a gap of a third of an em (-330) splits, and a
    // Td move to the right on the same baseline splits too.
    let out = extract(&one_page(
        "BT /F1 10 Tf 72 700 Td [(Ren) -30 (tal) -330 (arrears)] TJ 100 0 Td (due) Tj ET",
    ));
    assert_eq!(out.text, "Rental arrears due");
}

#[test]
fn two_pages_and_the_page_limit() {
    let pdf = Fixture::new(&[
        "BT /F1 12 Tf 72 700 Td (first page) Tj ET",
        "BT /F1 12 Tf 72 700 Td (second page) Tj ET",
    ])
    .build();
    let out = extract(&pdf);
    assert_eq!(out.text, "first page\n\nsecond page");
    assert_eq!(out.pages.len(), 2);
    assert_eq!(out.pages[1].number, 2);
    let second = word(&out, "second");
    assert_eq!(second.start, "first page\n\n".len());
    assert!(out.pages[1].words.contains(second));
    assert_eq!(out.metadata["pages"], "2");

    let limits = Limits {
        max_pages: 1,
        ..Limits::default()
    };
    let out = extract_pdf(&pdf, &limits).unwrap();
    assert_eq!(out.text, "first page");
    assert_eq!(out.warnings, ["only the first 1 of 2 pages were read"]);
}

#[test]
fn invisible_white_outlined_and_form_text_is_read_once() {
    let mut fixture = Fixture::new(&["BT /F1 12 Tf 3 Tr 72 700 Td (invisibleocr) Tj ET \
         BT /F1 12 Tf 0 Tr 1 1 1 rg 72 650 Td (whitetext) Tj ET \
         BT /F1 12 Tf 0 Tr 72 620 Td (filled) Tj 1 Tr 0 -20 Td (outlined) Tj ET \
         BT /F1 12 Tf 2 Tr 72 560 Td (fillstroke) Tj 7 Tr 0 -20 Td (cliptext) Tj ET \
         /X1 Do"]);
    fixture.form = "BT /F1 12 Tf 72 500 Td (formtext) Tj ET".into();
    let out = extract(&fixture.build());
    assert_eq!(
        out.text,
        "invisibleocr\nwhitetext\nfilled\noutlined\nfillstroke\ncliptext\nformtext"
    );
}

#[test]
fn text_drawn_twice_in_place_is_kept_once() {
    // Fake bold: the same run again, offset by a fraction of a point.
    let out = extract(&one_page(
        "BT /F1 12 Tf 72 700 Td (Bold) Tj ET BT /F1 12 Tf 72.3 700 Td (Bold) Tj ET",
    ));
    assert_eq!(out.text, "Bold");
}

#[test]
fn cid_font_codes_are_read_through_to_unicode() {
    let out = extract(&one_page(
        "BT /F2 12 Tf 72 700 Td <0001000200030004000500060007000800090005> Tj ET",
    ));
    assert_eq!(out.text, "Łódź office");
    let lodz = word(&out, "Łódź");
    assert_eq!(lodz.end - lodz.start, "Łódź".len());
    // Four glyphs at the default width of 600/1000 em, 12pt.
    assert!(
        (lodz.bbox[0] - 72.0).abs() < 1.5 && (lodz.bbox[2] - (72.0 + 28.8)).abs() < 1.5,
        "{:?}",
        lodz.bbox
    );
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn rotated_pages_use_the_displayed_frame() {
    let mut fixture = Fixture::new(&["BT /F1 12 Tf 72 700 Td (Sideways) Tj ET"]);
    fixture.page_extra = "/Rotate 90".into();
    let out = extract(&fixture.build());
    let page = &out.pages[0];
    assert_eq!((page.width, page.height), (792.0, 612.0));
    // Turned clockwise: 700pt up becomes 700pt across, 72pt in becomes
    // 72pt down; the word runs down the page.
    let [x0, y0, x1, y1] = word(&out, "Sideways").bbox;
    assert!(x0 < 700.0 && x1 > 700.0 && x1 - x0 < 14.0, "{x0} {x1}");
    assert!((y0 - 72.0).abs() < 1.5 && y1 > 72.0 + 40.0, "{y0} {y1}");
}

#[test]
fn metadata_from_info_and_xmp() {
    let xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
        <rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" pdf:Keywords=\"rent; arrears\">\
        <dc:creator><rdf:Seq><rdf:li>J. Neighbour</rdf:li></rdf:Seq></dc:creator>\
        </rdf:Description></rdf:RDF></x:xmpmeta>";
    let mut fixture = Fixture::new(&["BT /F1 12 Tf 72 700 Td (hello) Tj ET"]);
    fixture.extra = vec![stream("/Type /Metadata /Subtype /XML", xmp)];
    fixture.catalog_extra = "/Metadata 8 0 R".into();
    fixture.trailer_extra = "/Info << /Title <FEFF004E006F0074006500200074006F002001610065> \
         /Author (Sam Officer) /Subject (Repairs) /Creator (Writer) /Producer (LibreOffice) \
         /CreationDate (D:20250101120000+01'00') >>"
        .into();
    let out = extract(&fixture.build());
    let m = &out.metadata;
    assert_eq!(m["title"], "Note to še");
    assert_eq!(m["author"], "Sam Officer");
    assert_eq!(m["xmp-author"], "J. Neighbour");
    assert_eq!(m["subject"], "Repairs");
    assert_eq!(m["keywords"], "rent; arrears");
    assert_eq!(m["creator"], "Writer");
    assert_eq!(m["producer"], "LibreOffice");
    assert_eq!(m["created"], "2025-01-01T11:00:00Z");
    assert!(!m.contains_key("modified"));
    assert_eq!(
        out.date.map(|d| d.to_rfc3339()),
        Some("2025-01-01T11:00:00+00:00".into())
    );
}

/// An AES-256 (revision 5) encryption dictionary whose user password is
/// `password`, with identity filters so the fixture's content stays plain:
/// opening still needs the password check to pass.
fn encrypt_entry(password: &str) -> String {
    let validation_salt = [7u8; 8];
    let key_salt = [9u8; 8];
    let mut user = Sha256::new();
    user.update(password.as_bytes());
    user.update(validation_salt);
    let mut u = user.finalize().to_vec();
    u.extend(validation_salt);
    u.extend(key_salt);
    format!(
        "/Encrypt << /Filter /Standard /V 5 /R 5 /Length 256 /P -4 \
         /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> \
         /StmF /Identity /StrF /Identity /O <{o}> /U <{u}> /OE <{e}> /UE <{e}> >> \
         /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]",
        o = hex::encode([1u8; 48]),
        u = hex::encode(u),
        e = hex::encode([2u8; 32]),
    )
}

#[test]
fn encrypted_pdfs() {
    let mut fixture = Fixture::new(&["BT /F1 12 Tf 72 700 Td (secret tenancy) Tj ET"]);
    fixture.trailer_extra = encrypt_entry("letmein");
    assert_eq!(
        extract_pdf(&fixture.build(), &Limits::default()),
        Err(ExtractError::Encrypted("password-protected PDF".into()))
    );

    fixture.trailer_extra = encrypt_entry("");
    let out = extract(&fixture.build());
    assert_eq!(out.text, "secret tenancy");
    assert_eq!(
        out.warnings,
        ["encrypted with an empty password (opened without one)"]
    );
}

#[test]
fn encrypt_entry_is_told_from_the_word() {
    assert!(has_encrypt_entry(b"trailer << /Encrypt 9 0 R >>"));
    assert!(has_encrypt_entry(b"<< /Encrypt<< /V 5 >> >>"));
    assert!(!has_encrypt_entry(
        b"(see /Encrypted files) /EncryptMetadata false"
    ));
}

#[test]
fn hidden_layers_are_flagged() {
    let mut fixture = Fixture::new(&["BT /F1 12 Tf 72 700 Td (shown) Tj ET"]);
    fixture.extra = vec!["<< /Type /OCG /Name (Notes) >>".into()];
    fixture.catalog_extra = "/OCProperties << /OCGs [8 0 R] /D << /OFF [8 0 R] >> >>".into();
    let out = extract(&fixture.build());
    assert!(
        out.warnings
            .iter()
            .any(|w| w.contains("layers switched off")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn broken_files_are_errors_or_partial_never_panics() {
    let pdf = Fixture::new(&[
        "BT /F1 12 Tf 72 700 Td (hello) Tj ET",
        "BT /F1 12 Tf 72 700 Td (world) Tj ET",
    ])
    .build();
    for cut in [
        10,
        pdf.len() / 3,
        pdf.len() / 2,
        pdf.len() * 2 / 3,
        pdf.len() - 20,
    ] {
        if let Ok(out) = extract_pdf(&pdf[..cut], &Limits::default()) {
            assert!(!out.warnings.is_empty(), "cut at {cut}: no warning");
        }
    }
    // Cut after the objects, before the cross-reference table: the objects
    // are found by scanning, and the missing end is reported.
    let body_end = pdf.windows(4).position(|w| w == b"xref").unwrap();
    let out = extract(&pdf[..body_end]);
    assert_eq!(out.text, "hello\n\nworld");
    assert!(out.warnings[0].contains("truncated"), "{:?}", out.warnings);

    for junk in [
        &b"%PDF-1.4 garbage"[..],
        b"%PDF-1.7\n\x00\xff\x13 1 0 obj <<",
        b"",
    ] {
        assert!(matches!(
            extract_pdf(junk, &Limits::default()),
            Err(ExtractError::Corrupt(_))
        ));
    }
    // Damage every few hundred bytes in turn.
    for at in (0..pdf.len()).step_by(97) {
        let mut damaged = pdf.clone();
        damaged[at] ^= 0x5A;
        let _ = extract_pdf(&damaged, &Limits::default());
    }
}

#[test]
fn pages_without_text_are_summarised_in_one_warning() {
    let out = extract(
        &Fixture::new(&[
            "0 0 m 100 100 l S",
            "BT /F1 12 Tf 72 700 Td (typed) Tj ET",
            "0 0 m 100 100 l S",
            "0 0 m 100 100 l S",
        ])
        .build(),
    );
    assert_eq!(out.text, "typed");
    assert_eq!(out.pages.len(), 4);
    assert_eq!(out.warnings, ["no text layer on page(s) 1, 3-4 (scanned?)"]);
    assert_eq!(out.metadata["pages-without-text"], "1, 3-4");
}

#[test]
fn page_ranges() {
    assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
    assert_eq!(ranges(&[4]), "4");
    assert_eq!(ranges(&[]), "");
}

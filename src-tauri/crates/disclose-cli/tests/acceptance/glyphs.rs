//! Word boxes cover the glyphs where the page draws them, proved in the
//! pixels rather than by trusting our own reader: for a Type3 font (glyphs
//! drawn by procedures, scaled by a font matrix, ink below the baseline),
//! a CID font (Type0, Identity-H, an embedded TrueType subset) and text
//! inside a form XObject (its own matrix, drawn under a `cm`), a name is
//! redacted everywhere and the rendition is drawn by poppler. Every pixel
//! that the original page inks for the name must lie under one solid bar
//! in the rendition, and the line kept below it must still be drawn, not
//! barred.

use disclose_core::render::writer::{self, Mark, OutPage};
use disclose_fixtures::{disclose, fixtures::assemble_pdf};
use image::GrayImage;

use crate::leaks::case_with;
use disclose_fixtures::tools::tool;

const SECRET: &str = "Okonjo";
const KEPT: &str = "Tuesday";
/// Page size of every fixture, in points.
const WIDTH: f32 = 612.0;
const HEIGHT: f32 = 792.0;
/// The name is drawn in the top third of the page, the kept word in the
/// middle third; the bottom third (where renditions are stamped) is not
/// compared.
const THIRD: f32 = HEIGHT / 3.0;
const DPI: &str = "100";

/// Draws page 1 of a PDF with poppler, in grey.
fn draw(pdf: &std::path::Path) -> GrayImage {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            DPI,
            "-gray",
            "-png",
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    image::open(dir.path().join("page.png")).unwrap().to_luma8()
}

/// Dark pixels of `picture` in the band of rows between the page heights
/// `from` and `to` (points from the top).
fn dark_in(picture: &GrayImage, from: f32, to: f32) -> Vec<(u32, u32)> {
    let scale = picture.height() as f32 / HEIGHT;
    let rows = (from * scale) as u32..((to * scale) as u32).min(picture.height());
    rows.flat_map(|y| (0..picture.width()).map(move |x| (x, y)))
        .filter(|&(x, y)| picture.get_pixel(x, y)[0] < 128)
        .collect()
}

/// Imports `original`, redacts the name everywhere, renders, and compares
/// what poppler draws of the original and of the rendition.
fn redacted_where_drawn(case: &str, original: Vec<u8>) {
    let d = disclose!();
    let input = case_with(&d, case, &[]);
    let path = input.path().join("page.pdf");
    std::fs::write(&path, &original).unwrap();
    let before = draw(&path);
    let name_ink = dark_in(&before, 0.0, THIRD);
    let kept_ink = dark_in(&before, THIRD, 2.0 * THIRD);
    assert!(
        name_ink.len() > 100 && kept_ink.len() > 100,
        "the fixture draws both words ({} and {} dark pixels)",
        name_ink.len(),
        kept_ink.len()
    );

    d.run(&["import", "--case", case, path.to_str().unwrap()])
        .ok();
    assert_eq!(
        d.redact_everywhere(case, SECRET),
        1,
        "our reader finds the name once"
    );
    d.disclose_all(case);
    d.run(&["render", "--case", case]).ok();
    let rendition = std::fs::read_dir(d.case_dir(case).join("renditions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let after = draw(&rendition);
    assert_eq!(before.dimensions(), after.dimensions());

    // Where the name was, the rendition draws one solid bar (its reason
    // in small white letters inside): the dark pixels' bounding box holds
    // every pixel the original inked for the name, and no row or column
    // of it is mostly light — a glyph stroke left outside the bar would
    // widen the box by rows or columns that are.
    let dark = dark_in(&after, 0.0, THIRD);
    let (x0, y0, x1, y1) = dark
        .iter()
        .fold((u32::MAX, u32::MAX, 0, 0), |(x0, y0, x1, y1), &(x, y)| {
            (x0.min(x), y0.min(y), x1.max(x), y1.max(y))
        });
    let outside: Vec<_> = name_ink
        .iter()
        .filter(|&&(x, y)| x < x0 || x > x1 || y < y0 || y > y1)
        .collect();
    assert!(
        outside.is_empty(),
        "{} of the name's inked pixels are outside the bar [{x0}, {y0}, {x1}, {y1}], e.g. {:?}",
        outside.len(),
        outside.iter().take(5).collect::<Vec<_>>()
    );
    let light = |x: u32, y: u32| after.get_pixel(x, y)[0] >= 128;
    let (w, h) = (x1 - x0 + 1, y1 - y0 + 1);
    for y in y0..=y1 {
        let count = (x0..=x1).filter(|&x| light(x, y)).count() as u32;
        assert!(
            count * 10 <= w * 7,
            "row {y} of the bar is mostly light ({count} of {w})"
        );
    }
    for x in x0..=x1 {
        let count = (y0..=y1).filter(|&y| light(x, y)).count() as u32;
        assert!(
            count * 10 <= h * 7,
            "column {x} of the bar is mostly light ({count} of {h})"
        );
    }
    // Drawn again from a picture, strokes may move by a pixel or two.
    let near_dark = |x: u32, y: u32| {
        (x.saturating_sub(2)..=(x + 2).min(after.width() - 1)).any(|nx| {
            (y.saturating_sub(2)..=(y + 2).min(after.height() - 1))
                .any(|ny| after.get_pixel(nx, ny)[0] < 128)
        })
    };
    let still_drawn = kept_ink.iter().filter(|&&(x, y)| near_dark(x, y)).count();
    let dark_after = dark_in(&after, THIRD, 2.0 * THIRD).len();
    assert!(
        still_drawn * 10 >= kept_ink.len() * 9,
        "the kept word is drawn ({still_drawn} of {} pixels)",
        kept_ink.len()
    );
    assert!(
        dark_after * 2 <= kept_ink.len() * 3,
        "the kept word is not barred ({dark_after} dark pixels, {} before)",
        kept_ink.len()
    );
}

/// A page content stream and its resources, as a one-page PDF; `extra`
/// objects are numbered from 5.
fn one_page(resources: &str, content: &str, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] \
/Resources {resources} /Contents 4 0 R >>"
        )
        .into_bytes(),
        stream("", content),
    ];
    objects.extend(extra);
    assemble_pdf(&objects, "")
}

fn stream(dict: &str, body: &str) -> Vec<u8> {
    format!(
        "<< {dict} /Length {} >>\nstream\n{body}\nendstream",
        body.len()
    )
    .into_bytes()
}

const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

#[test]
fn type3_glyphs_are_covered() {
    // Every letter is one procedure: a bar from below the baseline to the
    // cap height, in a 1000-unit glyph space scaled by the font matrix.
    let letters: Vec<char> = "OkonjTuesday".chars().collect();
    let procs: String = letters
        .iter()
        .map(|c| format!("/{c} 7 0 R "))
        .collect::<String>();
    let differences: String = letters
        .iter()
        .map(|&c| format!("{} /{c} ", c as u32))
        .collect();
    let widths = vec!["700"; 91].join(" ");
    let font = format!(
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 600 750] \
/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {procs}>> \
/Encoding << /Type /Encoding /Differences [{differences}] >> \
/FirstChar 32 /LastChar 122 /Widths [{widths}] /ToUnicode 6 0 R /Resources << >> >>"
    );
    let to_unicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
/CMapName /Letters def 1 begincodespacerange <00> <FF> endcodespacerange \
1 beginbfrange <20> <7A> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    let glyph = "700 0 0 -200 600 750 d1 100 -200 450 950 re f";
    let content =
        format!("BT /T3 30 Tf 72 660 Td ({SECRET}) Tj ET\nBT /T3 30 Tf 72 400 Td ({KEPT}) Tj ET");
    let pdf = one_page(
        "<< /Font << /T3 5 0 R >> >>",
        &content,
        vec![font.into_bytes(), stream("", to_unicode), stream("", glyph)],
    );
    redacted_where_drawn("G-3", pdf);
}

#[test]
fn cid_font_glyphs_are_covered() {
    // Our own writer embeds DejaVu Sans as a Type0 font (Identity-H, a
    // CIDFontType2 subset with a Unicode map): drawn here as visible text.
    let line = |y: f32, text: &str| Mark::Text {
        x: 72.0,
        y,
        size: 28.0,
        text: text.to_string(),
        bold: false,
        fit_width: None,
        invisible: false,
    };
    let pdf = writer::write(
        &[OutPage {
            width: WIDTH,
            height: HEIGHT,
            picture: None,
            marks: vec![line(130.0, SECRET), line(390.0, KEPT)],
        }],
        "",
    );
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/Type0") && text.contains("/Identity-H"),
        "the fixture uses a CID font"
    );
    redacted_where_drawn("G-C", pdf);
}

#[test]
fn text_in_a_form_xobject_is_covered() {
    // The name is drawn by a form whose own matrix scales and moves it,
    // placed on the page under a further `cm`.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Matrix [1.5 0 0 1.5 10 20] \
/Resources << /Font << /F1 6 0 R >> >>",
        &format!("BT /F1 18 Tf 5 30 Td ({SECRET}) Tj ET"),
    );
    let content = format!("q 1 0 0 1 60 560 cm /Fx1 Do Q\nBT /F1 27 Tf 72 400 Td ({KEPT}) Tj ET");
    let pdf = one_page(
        "<< /Font << /F1 6 0 R >> /XObject << /Fx1 5 0 R >> >>",
        &content,
        vec![form, HELVETICA.as_bytes().to_vec()],
    );
    redacted_where_drawn("G-F", pdf);
}

//! Reading a produced file as a recipient would, with means that are not
//! Disclose's own reader: poppler's `pdftotext` for the text of a PDF,
//! and Tesseract OCR over the pixels of every page and image — what is
//! drawn, whatever the text layer says. The same pixels show whether each
//! redacted box really is solid black where it should be.
//!
//! Both programs are runtime dependencies of the leak check (Debian
//! `poppler-utils`, `tesseract-ocr` + `tesseract-ocr-eng`); without them
//! the check refuses to run rather than pass unread files. Pages and
//! images are drawn in worker processes (`crate::isolate`), with the same
//! drawing and limits as the renditions themselves.

use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use image::GrayImage;

use crate::error::{Error, Result};
use crate::isolate::{Isolation, Picture, Slot};
use crate::process::wait_with_timeout;
use crate::render::raster::Samples;

const TIMEOUT: Duration = Duration::from_secs(180);
/// A pixel lighter than this is not black.
const LIGHT: u8 = 128;
/// A row or column of a redacted box with more light pixels than this
/// share shows the page through it (the reason label in white stays far
/// below it).
const MOST_LIGHT: f32 = 0.7;
/// Pixels left out at each edge of a box (anti-aliasing, rounding).
const EDGE: u32 = 2;

/// Fails unless `pdftotext` and `tesseract` can be run.
pub fn require_tools() -> Result<()> {
    for (program, flag, package) in [
        ("pdftotext", "-v", "poppler-utils"),
        (
            "tesseract",
            "--version",
            "tesseract-ocr and tesseract-ocr-eng",
        ),
    ] {
        let runs = Command::new(program)
            .arg(flag)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !runs {
            return Err(Error::Invalid(format!(
                "the leak check reads what was produced with {program}, which is not installed or not on PATH (Debian/Ubuntu: install {package}); nothing can be verified or exported without it"
            )));
        }
    }
    Ok(())
}

/// The text poppler reads from a PDF. Its files are written in `tmp` (the
/// case's own temporary folder) and removed after.
pub fn pdftotext(data: &[u8], tmp: &Path) -> std::result::Result<String, String> {
    let dir = tempfile::tempdir_in(tmp).map_err(|e| e.to_string())?;
    let input = dir.path().join("in.pdf");
    let output = dir.path().join("out.txt");
    std::fs::write(&input, data).map_err(|e| e.to_string())?;
    let child = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&input)
        .arg(&output)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("pdftotext could not be run: {e}"))?;
    wait_with_timeout(child, "pdftotext", TIMEOUT)?;
    std::fs::read_to_string(&output).map_err(|e| e.to_string())
}

/// One page as drawn, in grey, with how many pixels make a point (for
/// images: 1, their boxes are in pixels).
pub struct Drawn {
    pub number: u32,
    pub pixels: GrayImage,
    pub scale: (f32, f32),
    /// The page draws nothing but text and level or upright lines in
    /// plain colours (`raster::DrawnPage::plain`): in a file Disclose
    /// wrote, its words are all in its text layer.
    pub plain: bool,
}

/// Those of the PDF's pages `first..first + count` (1-based) that it has,
/// drawn as the renditions are (`render::pdf`), in `slot`'s worker, which
/// makes them grey. With `pixels` false each page is still drawn whole,
/// but its pixels stay in the worker and the page comes back empty (0 by
/// 0): for when nothing is read or checked in them.
pub fn pdf_pages(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
    (first, count): (u32, u32),
    pixels: bool,
) -> std::result::Result<Vec<Drawn>, String> {
    let samples = if pixels { Samples::Grey } else { Samples::None };
    let pages: Vec<u32> = (first..first + count).collect();
    crate::render::pdf::draw_pages_as(isolation, slot, data, pages, samples)?
        .into_iter()
        .map(|page| {
            let picture = page.picture?;
            Ok(Drawn {
                number: page.number,
                plain: page.plain,
                scale: (
                    picture.width as f32 / page.width.max(1.0),
                    picture.height as f32 / page.height.max(1.0),
                ),
                pixels: if pixels {
                    GrayImage::from_raw(picture.width, picture.height, picture.rgb)
                        .ok_or("a page drew at the wrong size")?
                } else {
                    GrayImage::new(0, 0)
                },
            })
        })
        .collect()
}

/// An image, as its pixels show it (decoded upright, on white, in `slot`'s
/// worker).
pub fn image_page(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
) -> std::result::Result<Drawn, String> {
    let (picture, _) = crate::render::image::decode(isolation, slot, data)?;
    Ok(Drawn {
        number: 1,
        pixels: grey(picture)?,
        scale: (1.0, 1.0),
        plain: false,
    })
}

fn grey(picture: Picture) -> std::result::Result<GrayImage, String> {
    let colour = image::RgbImage::from_raw(picture.width, picture.height, picture.rgb)
        .ok_or("a page drew at the wrong size")?;
    Ok(image::DynamicImage::ImageRgb8(colour).into_luma8())
}

/// The words Tesseract reads in a page's pixels (its files in `tmp`).
pub fn ocr(page: &Drawn, tmp: &Path) -> std::result::Result<String, String> {
    let dir = tempfile::tempdir_in(tmp).map_err(|e| e.to_string())?;
    let input = dir.path().join("page.png");
    let mut png = Vec::new();
    page.pixels
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    std::fs::write(&input, png).map_err(|e| e.to_string())?;
    let child = Command::new("tesseract")
        .arg(&input)
        .arg(dir.path().join("out"))
        .args(["-l", "eng", "--psm", "3"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("tesseract could not be run: {e}"))?;
    wait_with_timeout(child, "tesseract", TIMEOUT)?;
    std::fs::read_to_string(dir.path().join("out.txt")).map_err(|e| e.to_string())
}

/// Whether `rect` (page units, top-left origin) is black on the drawn
/// page: no row or column inside it is mostly light.
pub fn is_black(page: &Drawn, rect: [f32; 4]) -> bool {
    let (sx, sy) = page.scale;
    let (w, h) = page.pixels.dimensions();
    let clamp = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
    let x0 = clamp((rect[0] * sx).ceil(), w) + EDGE;
    let x1 = clamp((rect[2] * sx).floor(), w).saturating_sub(EDGE);
    let y0 = clamp((rect[1] * sy).ceil(), h) + EDGE;
    let y1 = clamp((rect[3] * sy).floor(), h).saturating_sub(EDGE);
    if x0 >= x1 || y0 >= y1 {
        return true;
    }
    let light = |x: u32, y: u32| page.pixels.get_pixel(x, y)[0] > LIGHT;
    let too_light = |count: u32, of: u32| count as f32 > of as f32 * MOST_LIGHT;
    let rows_ok =
        (y0..y1).all(|y| !too_light((x0..x1).filter(|&x| light(x, y)).count() as u32, x1 - x0));
    let columns_ok =
        (x0..x1).all(|x| !too_light((y0..y1).filter(|&y| light(x, y)).count() as u32, y1 - y0));
    rows_ok && columns_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::writer::{self, Mark, OutPage};

    /// Draws one page holding `marks` as the leak check draws it.
    fn drawn(marks: Vec<Mark>) -> Drawn {
        let pdf = writer::write(
            &[OutPage {
                width: 300.0,
                height: 200.0,
                picture: None,
                marks,
            }],
            "",
        );
        let isolation = Isolation::in_process();
        let mut pages = pdf_pages(&isolation, &mut Slot::default(), &pdf, (1, 1), true).unwrap();
        pages.remove(0)
    }

    #[test]
    fn a_bar_with_its_label_is_black_and_text_beside_it_is_not() {
        // Words' boxes inside a bar a little larger (as renditions of PDFs
        // draw them) whose label runs across them: the label's letters
        // are no gap in the bar.
        let page = drawn(vec![
            Mark::Bar {
                rect: [39.0, 98.5, 101.0, 111.5],
                label: "third-party".into(),
            },
            Mark::Text {
                x: 40.0,
                y: 150.0,
                size: 10.0,
                text: "John Smith".into(),
                bold: false,
                fit_width: None,
                invisible: false,
            },
        ]);
        for rect in [
            [40.0, 100.0, 100.0, 110.0],
            [41.0, 100.0, 63.0, 110.0],
            [66.0, 100.0, 96.0, 110.0],
        ] {
            assert!(is_black(&page, rect), "{rect:?}");
        }
        // The bar's box moved down onto the text: the words show.
        assert!(!is_black(&page, [40.0, 141.0, 96.0, 151.0]));
        assert!(!is_black(&page, [90.0, 100.0, 130.0, 110.0]));
    }
}

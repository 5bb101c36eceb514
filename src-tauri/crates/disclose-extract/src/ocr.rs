//! OCR's reading half: an image, or the pages of a PDF that have no text
//! layer, drawn and read by Tesseract (the `tesseract` program, Debian
//! `tesseract-ocr` + `tesseract-ocr-eng`), keeping a box and a confidence
//! for every word. It runs in a worker process like every reader; the
//! case's OCR queue, which merges what is read into an item, is
//! `disclose_core::ocr`.

use std::io::Cursor;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::image::decode_upright;
use crate::process::wait_with_timeout;
use crate::raster;
use crate::FileType;

const DPI: f32 = 300.0;
const MAX_PIXELS: f32 = 6000.0;
const TIMEOUT: Duration = Duration::from_secs(180);

/// A line of words read by OCR: each word, its box and its confidence.
pub type OcrLine = Vec<(String, [f32; 4], f32)>;

/// One page read by OCR: size in points (PDF) or pixels (images).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct OcrPage {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub lines: Vec<OcrLine>,
    /// Why the page could not be read, when it could not.
    pub problem: Option<String>,
}

/// Reads an image, or the `wanted` pages of a PDF (in a worker).
pub fn read_pages(
    file_type: FileType,
    data: &[u8],
    wanted: &[u32],
) -> std::result::Result<Vec<OcrPage>, String> {
    match file_type {
        FileType::Image => ocr_image(data).map(|p| vec![p]),
        FileType::Pdf => ocr_pdf(data, wanted),
        _ => Err("not an image or a PDF".to_string()),
    }
}

/// An image, turned upright by its EXIF orientation, in greyscale. HEIC
/// photos are decoded to PNG first.
fn ocr_image(data: &[u8]) -> std::result::Result<OcrPage, String> {
    let (picture, _) = decode_upright(data)?;
    let grey = picture.to_luma8();
    let (width, height) = grey.dimensions();
    let mut png = Vec::new();
    grey.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    let lines = tesseract(&png, 1.0)?;
    Ok(OcrPage {
        number: 1,
        width: width as f32,
        height: height as f32,
        lines,
        problem: None,
    })
}

/// The `wanted` pages of a PDF (those without a text layer), drawn and
/// read; a page that cannot be drawn is reported, the others still read.
fn ocr_pdf(data: &[u8], wanted: &[u32]) -> std::result::Result<Vec<OcrPage>, String> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for page in raster::rasterise(data, DPI, MAX_PIXELS, wanted)? {
        let read = page.picture.and_then(|picture| {
            let scale = picture.width as f32 / page.width.max(1.0);
            let png = grey_png(&picture)?;
            tesseract(&png, 1.0 / scale)
        });
        let (lines, problem) = match read {
            Ok(lines) => (lines, None),
            Err(problem) => (Vec::new(), Some(problem)),
        };
        out.push(OcrPage {
            number: page.number,
            width: page.width,
            height: page.height,
            lines,
            problem,
        });
    }
    Ok(out)
}

/// A drawn page as a greyscale PNG for Tesseract.
fn grey_png(picture: &crate::protocol::Picture) -> std::result::Result<Vec<u8>, String> {
    let grey: Vec<u8> = picture
        .rgb
        .chunks_exact(3)
        .map(|p| {
            ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8
        })
        .collect();
    let image = image::GrayImage::from_raw(picture.width, picture.height, grey)
        .ok_or("the drawn page has the wrong size")?;
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(png)
}

/// Runs Tesseract on a PNG and returns its lines of words with boxes
/// (scaled by `scale`) and confidences.
fn tesseract(png: &[u8], scale: f32) -> std::result::Result<Vec<OcrLine>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let input = dir.path().join("page.png");
    std::fs::write(&input, png).map_err(|e| e.to_string())?;
    let child = Command::new("tesseract")
        .arg(&input)
        .arg(dir.path().join("out"))
        .args(["-l", "eng", "--psm", "3", "tsv"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("tesseract is not installed ({e})"))?;
    wait_with_timeout(child, "tesseract", TIMEOUT)?;
    let tsv = std::fs::read_to_string(dir.path().join("out.tsv")).map_err(|e| e.to_string())?;
    Ok(parse_tsv(&tsv, scale))
}

/// Tesseract's TSV: level, page, block, paragraph, line, word, left, top,
/// width, height, confidence, text. Words are level 5.
pub(crate) fn parse_tsv(tsv: &str, scale: f32) -> Vec<OcrLine> {
    let mut lines: Vec<OcrLine> = Vec::new();
    let mut current_line = None;
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let word = cols[11].trim();
        if word.is_empty() {
            continue;
        }
        let num = |i: usize| cols[i].parse::<f32>().unwrap_or(0.0);
        let key = (cols[2], cols[3], cols[4]);
        if current_line != Some(key) {
            lines.push(Vec::new());
            current_line = Some(key);
        }
        let (left, top, width, height) = (num(6), num(7), num(8), num(9));
        let bbox = [
            left * scale,
            top * scale,
            (left + width) * scale,
            (top + height) * scale,
        ];
        if let Some(line) = lines.last_mut() {
            line.push((word.to_string(), bbox, num(10).max(0.0)));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_become_lines_with_boxes() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t95.5\tDear\n\
                   5\t1\t1\t1\t1\t2\t50\t20\t30\t40\t90\tMrs\n\
                   5\t1\t1\t1\t2\t1\t10\t80\t60\t40\t40\tOkafor\n";
        let lines = parse_tsv(tsv, 0.5);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0][1].0, "Mrs");
        assert_eq!(lines[1][0].1, [5.0, 40.0, 35.0, 60.0]);
    }
}

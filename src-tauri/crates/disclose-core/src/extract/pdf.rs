//! PDF: the text layer of every page, with the box of every word, read by
//! interpreting each page's content with `hayro-interpret` (so CID fonts,
//! form XObjects and invisible OCR text are read as a viewer would) into a
//! device that records glyphs instead of drawing them. Glyphs become text
//! in content order, with spaces at gaps and line breaks where the
//! baseline moves; word boxes are in points from the page's top-left.

use hayro_interpret::font::{Glyph, GlyphRun};
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape, Vec2};
use hayro_interpret::util::TransformExt;
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, SoftMask,
};

use super::{ExtractError, Extracted, Limits, Page, Word};

pub fn extract_pdf(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let pdf = Pdf::new(data.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => ExtractError::Encrypted("password-protected PDF".into()),
        LoadPdfError::Invalid => {
            ExtractError::Corrupt("not a readable PDF (damaged or truncated)".into())
        }
    })?;
    let mut out = Extracted::default();
    if !contains(&data[data.len().saturating_sub(1024)..], b"%%EOF") {
        out.warnings.push(
            "the file looks truncated (no end-of-file marker); some content may be missing".into(),
        );
    }
    if contains(data, b"/Encrypt") {
        out.warnings
            .push("encrypted with an empty password (opened without one)".into());
    }
    metadata(&pdf, &mut out);
    let pages = pdf.pages();
    out.metadata.insert("pages".into(), pages.len().to_string());
    if pages.len() > limits.max_pages {
        out.warnings.push(format!(
            "only the first {} of {} pages were read",
            limits.max_pages,
            pages.len()
        ));
    }
    let settings = InterpreterSettings::default();
    let cache = InterpreterCache::new();
    let mut textless = Vec::new();
    let mut undecodable = 0usize;
    for (index, page) in pages.iter().take(limits.max_pages).enumerate() {
        let number = index as u32 + 1;
        let (width, height) = page.render_dimensions();
        let transform = page.initial_transform(true).to_kurbo();
        let mut context = Context::new(
            transform,
            Rect::new(0.0, 0.0, width as f64, height as f64),
            &cache,
            page.xref(),
            settings.clone(),
        );
        let mut recorder = GlyphRecorder::default();
        let interpreted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            interpret_page(page, &mut context, &mut recorder);
        }));
        if interpreted.is_err() {
            out.warnings
                .push(format!("page {number} could not be read"));
            continue;
        }
        undecodable += recorder.undecodable;
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let words = lay_out(&recorder.glyphs, &mut out.text);
        if words.is_empty() {
            textless.push(number);
        }
        out.pages.push(Page {
            number,
            width,
            height,
            words,
        });
        if out.text.len() > limits.max_text_bytes {
            out.warnings.push(format!("text cut after page {number}"));
            break;
        }
    }
    if !textless.is_empty() {
        out.metadata
            .insert("pages-without-text".into(), ranges(&textless));
        out.warnings.push(format!(
            "no text layer on page(s) {} (scanned?)",
            ranges(&textless)
        ));
    }
    if undecodable > 0 {
        out.warnings.push(format!(
            "{undecodable} characters could not be decoded (font without a Unicode map)"
        ));
    }
    Ok(out)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// 1, 2, 3, 5 → "1-3, 5"
fn ranges(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut start = numbers[0];
    let mut prev = start;
    for &n in &numbers[1..] {
        if n != prev + 1 {
            parts.push(if start == prev {
                start.to_string()
            } else {
                format!("{start}-{prev}")
            });
            start = n;
        }
        prev = n;
    }
    parts.push(if start == prev {
        start.to_string()
    } else {
        format!("{start}-{prev}")
    });
    parts.join(", ")
}

fn metadata(pdf: &Pdf, out: &mut Extracted) {
    let m = pdf.metadata();
    for (key, value) in [
        ("title", &m.title),
        ("author", &m.author),
        ("subject", &m.subject),
        ("keywords", &m.keywords),
        ("creator", &m.creator),
        ("producer", &m.producer),
    ] {
        if let Some(text) = value
            .as_deref()
            .map(pdf_string)
            .filter(|s| !s.trim().is_empty())
        {
            out.metadata.insert(key.into(), text);
        }
    }
    for (key, value) in [
        ("created", &m.creation_date),
        ("modified", &m.modification_date),
    ] {
        let Some(d) = value else { continue };
        let date = chrono::NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)
            .and_then(|day| day.and_hms_opt(d.hour as u32, d.minute as u32, d.second as u32));
        if let Some(date) = date {
            let utc = date.and_utc();
            out.metadata.insert(key.into(), utc.to_rfc3339());
            if key == "modified" || out.date.is_none() {
                out.date = Some(utc);
            }
        }
    }
}

/// PDF text strings are UTF-16BE with a byte-order mark, or PDFDocEncoding
/// (close enough to Latin-1 for metadata).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// One glyph as drawn: its text and where it sits on the page.
#[derive(Debug, Clone)]
struct PlacedGlyph {
    text: String,
    /// Box on the page, top-left origin, points.
    rect: Rect,
    /// Where the glyph's origin sits on the baseline.
    origin: Point,
    /// Where the glyph ends on the baseline.
    end: Point,
    /// Unit vector of the writing direction on the page (rotated text
    /// and rotated pages are read along their own baseline).
    direction: Vec2,
    /// The glyph's em size on the page, in points.
    size: f64,
}

/// A device that keeps glyphs and ignores everything else.
#[derive(Default)]
struct GlyphRecorder {
    glyphs: Vec<PlacedGlyph>,
    undecodable: usize,
}

/// A gap wider than this share of the em between one glyph's ink and the
/// next glyph is a word break. Measured from the ink, not the advance, so
/// it must exceed the widest side bearing of a narrow glyph ("1", "l") and
/// stay under a space (0.25–0.33 em in common fonts).
const WORD_GAP: f64 = 0.22;

/// Glyph boxes: from 20% of the em below the baseline to 80% above.
const DESCENT: f64 = -200.0;
const ASCENT: f64 = 800.0;

impl<'a> Device<'a> for GlyphRecorder {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        // Stroked after filled (FillStroke) would record each glyph twice.
        if matches!(mode, DrawMode::Stroke(_)) && self.glyphs.last().is_some_and(|g| g.size > 0.0) {
            let run_len = run.glyphs().len();
            if self.glyphs.len() >= run_len {
                return;
            }
        }
        for glyph in run.glyphs() {
            let to_page: Affine = props.transform * glyph.transform();
            let text = match glyph.as_unicode() {
                Some(hayro_interpret::hayro_cmap::BfString::Char(c)) => c.to_string(),
                Some(hayro_interpret::hayro_cmap::BfString::String(s)) => s,
                // A simple font without a Unicode map: its codes are
                // nearly always WinAnsi.
                None if (32..256).contains(&glyph.char_code()) => encoding_rs::WINDOWS_1252
                    .decode(&[glyph.char_code() as u8])
                    .0
                    .into_owned(),
                None => {
                    self.undecodable += 1;
                    continue;
                }
            };
            let ink = match &**glyph {
                Glyph::Outline(outline) => outline.outline().bounding_box(),
                Glyph::Type3(_) => Rect::ZERO,
            };
            let right = if ink.width() > 0.0 { ink.x1 } else { 250.0 };
            let left = ink.x0.min(0.0);
            let rect = to_page.transform_rect_bbox(Rect::new(left, DESCENT, right, ASCENT));
            let origin = to_page * Point::ZERO;
            let end = to_page * Point::new(right, 0.0);
            let size = (to_page * Point::new(0.0, 1000.0)).distance(origin);
            let direction = (to_page * Point::new(1000.0, 0.0) - origin).normalize();
            if !direction.is_finite() {
                continue;
            }
            self.glyphs.push(PlacedGlyph {
                text,
                rect,
                origin,
                end,
                direction,
                size,
            });
        }
    }
}

/// Appends the page's text to `text` and returns its words with boxes.
fn lay_out(glyphs: &[PlacedGlyph], text: &mut String) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<(usize, Rect)> = None;
    let mut prev: Option<&PlacedGlyph> = None;
    let close = |current: &mut Option<(usize, Rect)>, text: &String, words: &mut Vec<Word>| {
        if let Some((start, rect)) = current.take() {
            if text.len() > start {
                words.push(Word {
                    start,
                    end: text.len(),
                    bbox: [
                        rect.x0 as f32,
                        rect.y0 as f32,
                        rect.x1 as f32,
                        rect.y1 as f32,
                    ],
                });
            }
        }
    };
    for glyph in glyphs {
        if let Some(p) = prev {
            let size = p.size.max(glyph.size).max(1.0);
            let step = glyph.origin - p.origin;
            let across = step.cross(p.direction).abs();
            let along = step.dot(p.direction);
            let new_line = across > size * 0.5 || along < -size;
            let gap = (glyph.origin - p.end).dot(p.direction);
            if new_line {
                close(&mut current, text, &mut words);
                text.push('\n');
            } else if gap > size * WORD_GAP && !p.text.ends_with(char::is_whitespace) {
                close(&mut current, text, &mut words);
                text.push(' ');
            }
        }
        prev = Some(glyph);
        if glyph.text.chars().all(char::is_whitespace) {
            close(&mut current, text, &mut words);
            if !text.ends_with(['\n', ' ']) {
                text.push(' ');
            }
            continue;
        }
        match &mut current {
            Some((_, rect)) => *rect = rect.union(glyph.rect),
            None => current = Some((text.len(), glyph.rect)),
        }
        text.push_str(&glyph.text);
    }
    close(&mut current, text, &mut words);
    while text.ends_with([' ', '\n']) {
        text.pop();
    }
    words.retain(|w| w.end <= text.len());
    words
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn lines_of(words: &[Word]) -> BTreeMap<i64, usize> {
        let mut lines = BTreeMap::new();
        for w in words {
            *lines.entry(w.bbox[3].round() as i64).or_default() += 1;
        }
        lines
    }

    /// A one-page PDF whose content stream is `content`, with Helvetica as
    /// /F1 and `extra` objects appended (numbered from 6).
    fn pdf_with(content: &str, extra: &[&str]) -> Vec<u8> {
        let mut objects = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        ];
        objects.extend(extra.iter().map(|s| s.to_string()));
        let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
        crate::demo::formats::assemble_pdf(
            &objects,
            "/Info << /Title (Rent letter) /Author (Sam Officer) /ModDate (D:20260302101500Z) >>",
        )
    }

    fn form(content: &str) -> String {
        format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        )
    }

    fn empty_form() -> String {
        form("")
    }

    #[test]
    fn text_words_and_boxes() {
        let pdf = pdf_with(
            "BT /F1 12 Tf 72 700 Td (Dear Mrs Okafor,) Tj 0 -20 Td (second line) Tj ET",
            &[&empty_form()],
        );
        let out = extract_pdf(&pdf, &Limits::default()).unwrap();
        assert_eq!(out.text, "Dear Mrs Okafor,\nsecond line");
        let page = &out.pages[0];
        assert_eq!((page.width, page.height), (612.0, 792.0));
        let okafor = page
            .words
            .iter()
            .find(|w| &out.text[w.start..w.end] == "Okafor,")
            .unwrap();
        // Baseline 700pt up a 792pt page: 92pt from the top.
        assert!(
            (okafor.bbox[3] - (92.0 + 2.4)).abs() < 1.0,
            "{:?}",
            okafor.bbox
        );
        assert!(
            okafor.bbox[0] > 72.0 + 50.0 && okafor.bbox[0] < 72.0 + 100.0,
            "{:?}",
            okafor.bbox
        );
        assert_eq!(lines_of(&page.words).len(), 2);
        assert_eq!(out.metadata["title"], "Rent letter");
        assert_eq!(out.metadata["author"], "Sam Officer");
        assert_eq!(out.metadata["modified"], "2026-03-02T10:15:00+00:00");
    }

    #[test]
    fn invisible_white_and_form_text_is_read() {
        let content = "BT /F1 12 Tf 3 Tr 72 700 Td (invisibleocr) Tj ET \
                       BT /F1 12 Tf 0 Tr 1 1 1 rg 72 650 Td (whitetext) Tj ET /X1 Do";
        let pdf = pdf_with(content, &[&form("BT /F1 12 Tf 72 600 Td (formtext) Tj ET")]);
        let out = extract_pdf(&pdf, &Limits::default()).unwrap();
        for word in ["invisibleocr", "whitetext", "formtext"] {
            assert!(
                out.text.contains(word),
                "{word} missing from {:?}",
                out.text
            );
        }
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let pdf = pdf_with("BT /F1 12 Tf 72 700 Td (hello) Tj ET", &[&empty_form()]);
        for cut in [10, pdf.len() / 3, pdf.len() / 2, pdf.len() - 20] {
            let _ = extract_pdf(&pdf[..cut], &Limits::default());
        }
        assert!(extract_pdf(b"%PDF-1.4 garbage", &Limits::default()).is_err());
    }

    #[test]
    fn a_page_without_text_is_flagged() {
        let pdf = pdf_with("0 0 m 100 100 l S", &[&empty_form()]);
        let out = extract_pdf(&pdf, &Limits::default()).unwrap();
        assert!(
            out.warnings
                .iter()
                .any(|w| w.contains("no text layer on page(s) 1")),
            "{:?}",
            out.warnings
        );
    }

    #[test]
    fn page_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
    }
}

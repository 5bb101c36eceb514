//! Writes the PDFs renditions are made of, from scratch, with `pdf-writer`:
//! pages of an optional background picture, text (seen, or invisible so a
//! picture of a page stays searchable), and redaction bars with their
//! reason label. Nothing else goes in — no document information, XMP,
//! outlines, annotations, forms, attachments or scripts — so a rendition
//! can hold only what was put on its pages.
//!
//! Text is set in the standard Helvetica fonts with WinAnsi encoding;
//! characters outside Windows-1252 print as `?`.

use flate2::write::ZlibEncoder;
use flate2::Compression;
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::io::Write;

/// A picture covering the whole page: 8-bit RGB samples, row by row.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// Something drawn on a page. Coordinates are points from the page's
/// top-left corner, y growing downwards.
pub enum Mark {
    /// A line of text whose baseline is at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        bold: bool,
        /// Stretch or squeeze the text to this width (for invisible text
        /// laid over the word it stands for).
        fit_width: Option<f32>,
        invisible: bool,
    },
    /// A solid black box with its reason code in white.
    Bar { rect: [f32; 4], label: String },
}

pub struct OutPage {
    pub width: f32,
    pub height: f32,
    pub picture: Option<Picture>,
    pub marks: Vec<Mark>,
}

const REGULAR: Name = Name(b"F1");
const BOLD: Name = Name(b"F2");
const PICTURE: Name = Name(b"Im1");
const STAMP_SIZE: f32 = 7.0;

/// The PDF of `pages`, each stamped at its foot with `stamp` and its page
/// number.
pub fn write(pages: &[OutPage], stamp: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let regular = alloc();
    let bold = alloc();
    pdf.catalog(catalog).pages(tree);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));

    let mut kids = Vec::new();
    let total = pages.len();
    for (index, page) in pages.iter().enumerate() {
        let page_id = alloc();
        let content_id = alloc();
        let picture_id = page.picture.as_ref().map(|_| alloc());
        kids.push(page_id);

        let mut content = Content::new();
        if picture_id.is_some() {
            content.save_state();
            content.transform([page.width, 0.0, 0.0, page.height, 0.0, 0.0]);
            content.x_object(PICTURE);
            content.restore_state();
        }
        for mark in &page.marks {
            draw(&mut content, page.height, mark);
        }
        draw_stamp(
            &mut content,
            page,
            &format!("{stamp} · page {} of {total}", index + 1),
        );
        let stream = deflate(&content.finish());
        pdf.stream(content_id, &stream).filter(Filter::FlateDecode);

        if let (Some(picture), Some(id)) = (&page.picture, picture_id) {
            let samples = deflate(&picture.rgb);
            let mut image = pdf.image_xobject(id, &samples);
            image.filter(Filter::FlateDecode);
            image.width(picture.width as i32);
            image.height(picture.height as i32);
            image.color_space().device_rgb();
            image.bits_per_component(8);
            image.finish();
        }

        let mut out = pdf.page(page_id);
        out.media_box(Rect::new(0.0, 0.0, page.width, page.height));
        out.parent(tree);
        out.contents(content_id);
        let mut resources = out.resources();
        resources
            .fonts()
            .pair(REGULAR, regular)
            .pair(BOLD, bold)
            .finish();
        if let Some(id) = picture_id {
            resources.x_objects().pair(PICTURE, id);
        }
        resources.finish();
        out.finish();
    }
    pdf.pages(tree).kids(kids).count(total as i32);
    pdf.finish()
}

fn draw(content: &mut Content, page_height: f32, mark: &Mark) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            text,
            bold,
            fit_width,
            invisible,
        } => {
            let encoded = win_ansi(text);
            if encoded.is_empty() {
                return;
            }
            let natural = text_width(text, *size);
            let stretch = match fit_width {
                Some(w) if natural > 0.0 => (w / natural * 100.0).clamp(1.0, 1000.0),
                _ => 100.0,
            };
            content.begin_text();
            content.set_font(if *bold { BOLD } else { REGULAR }, *size);
            // The mode outlives the text object, so every one sets its own.
            content.set_text_rendering_mode(if *invisible {
                TextRenderingMode::Invisible
            } else {
                TextRenderingMode::Fill
            });
            content.set_horizontal_scaling(stretch);
            content.set_fill_gray(0.0);
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, page_height - y]);
            content.show(Str(&encoded));
            content.end_text();
        }
        Mark::Bar { rect, label } => {
            let [x0, y0, x1, y1] = *rect;
            content.set_fill_gray(0.0);
            content.rect(x0, page_height - y1, x1 - x0, y1 - y0);
            content.fill_nonzero();
            let height = y1 - y0;
            let size = (height * 0.7).clamp(4.0, 8.0);
            let width = text_width(label, size);
            if width + 2.0 <= x1 - x0 && size <= height {
                content.begin_text();
                content.set_font(REGULAR, size);
                content.set_text_rendering_mode(TextRenderingMode::Fill);
                content.set_fill_gray(1.0);
                let baseline = y1 - (height - size * 0.72) / 2.0;
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x0 + 1.0, page_height - baseline]);
                content.show(Str(&win_ansi(label)));
                content.end_text();
            }
        }
    }
}

fn draw_stamp(content: &mut Content, page: &OutPage, stamp: &str) {
    let width = text_width(stamp, STAMP_SIZE);
    let x = (page.width - width - 12.0).max(2.0);
    content.set_fill_gray(1.0);
    content.rect(x - 2.0, 3.0, width + 4.0, STAMP_SIZE + 4.0);
    content.fill_nonzero();
    content.begin_text();
    content.set_font(REGULAR, STAMP_SIZE);
    content.set_text_rendering_mode(TextRenderingMode::Fill);
    content.set_fill_gray(0.25);
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, 5.5]);
    content.show(Str(&win_ansi(stamp)));
    content.end_text();
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// Text as Windows-1252 bytes; anything it cannot hold becomes `?`, and
/// control characters are dropped.
pub fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            ' '..='~' | '\u{a0}'..='\u{ff}' => c as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '™' => 0x99,
            'Š' => 0x8a,
            'š' => 0x9a,
            'Ž' => 0x8e,
            'ž' => 0x9e,
            'Œ' => 0x8c,
            'œ' => 0x9c,
            'Ÿ' => 0x9f,
            _ => b'?',
        })
        .collect()
}

/// Helvetica advance widths (1/1000 em) of the printable ASCII characters.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // digits
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// The width of `text` in points at `size`, in Helvetica.
pub fn text_width(text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            ' '..='~' => u32::from(HELVETICA[c as usize - 32]),
            _ => 556,
        })
        .sum();
    units as f32 * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_outside_windows_1252_prints_as_question_marks() {
        assert_eq!(win_ansi("Zoë – Łukasz\t"), b"Zo\xeb \x96 ?ukasz");
    }

    #[test]
    fn widths_follow_helvetica() {
        assert_eq!(text_width("i", 1000.0), 222.0);
        assert_eq!(text_width("W", 10.0), 9.44);
    }
}

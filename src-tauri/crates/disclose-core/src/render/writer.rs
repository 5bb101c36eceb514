//! Writes the PDFs renditions are made of, from scratch, with `pdf-writer`:
//! pages of an optional background picture, text (seen, or invisible so a
//! picture of a page stays searchable), and redaction bars with their
//! reason label. Nothing else goes in — no document information, XMP,
//! outlines, annotations, forms, attachments or scripts — so a rendition
//! can hold only what was put on its pages.
//!
//! Text is set in DejaVu Sans, with Noto Naskh Arabic for Arabic-script
//! runs, shaped and embedded as subsets ([`super::font`]), so every script
//! prints as written; bold is the same font filled and stroked.

use flate2::write::ZlibEncoder;
use flate2::Compression;
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref};

use super::font::{Embedding, Face, FontRefs};
use std::io::Write;

/// A picture covering the whole page: 8-bit RGB samples, row by row.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// A page's picture as it goes into the PDF: its samples deflated, one
/// grey byte a pixel where the picture has no colour, RGB where it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub grey: bool,
    pub deflated: Vec<u8>,
}

impl Encoded {
    /// The picture encoded: grey when every pixel is (see
    /// `raster::is_grey`). A picture of one byte a pixel is grey already
    /// (drawn with `Samples::RgbOrGrey`).
    pub fn of(picture: &Picture) -> Encoded {
        use super::raster::{is_grey, to_grey};
        let already = is_one_byte(picture);
        let grey = already || is_grey(&picture.rgb, 3);
        let samples = if grey && !already {
            to_grey(&picture.rgb, 3)
        } else {
            picture.rgb.clone()
        };
        Encoded {
            width: picture.width,
            height: picture.height,
            grey,
            deflated: deflate_picture(&samples),
        }
    }
}

/// Whether `picture` holds one byte a pixel (grey), not three.
pub fn is_one_byte(picture: &Picture) -> bool {
    picture.rgb.len() != picture.width as usize * picture.height as usize * 3
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
    /// A solid black box with its reason code in grey.
    Bar { rect: [f32; 4], label: String },
}

impl Mark {
    /// A visible line of text at `x`, its baseline set when it is placed.
    pub fn text(x: f32, text: &str, size: f32, bold: bool) -> Mark {
        Mark::Text {
            x,
            y: 0.0,
            size,
            text: text.to_string(),
            bold,
            fit_width: None,
            invisible: false,
        }
    }
}

pub struct OutPage {
    pub width: f32,
    pub height: f32,
    pub picture: Option<Encoded>,
    pub marks: Vec<Mark>,
}

const PICTURE: Name = Name(b"Im1");
/// The grey of a bar's label: readable on black (contrast 4.9:1, above
/// WCAG AA's 4.5:1) and darker than mid-grey, so the leak check's test for
/// solid black (no row or column of a box mostly lighter than mid-grey)
/// never takes a label's letters for the page showing through.
const LABEL_GREY: f32 = 0.48;
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
    let fonts: Vec<(Face, FontRefs)> = Face::ALL
        .into_iter()
        .map(|face| {
            let refs = FontRefs {
                font: alloc(),
                cid_font: alloc(),
                descriptor: alloc(),
                file: alloc(),
                to_unicode: alloc(),
                gid_map: alloc(),
            };
            (face, refs)
        })
        .collect();
    pdf.catalog(catalog).pages(tree);
    let mut glyphs = Embedding::new();

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
            draw(&mut content, &mut glyphs, page.height, mark);
        }
        draw_stamp(
            &mut content,
            &mut glyphs,
            page,
            &format!("{stamp} · page {} of {total}", index + 1),
        );
        let stream = deflate(&content.finish());
        pdf.stream(content_id, &stream).filter(Filter::FlateDecode);

        if let (Some(picture), Some(id)) = (&page.picture, picture_id) {
            let mut image = pdf.image_xobject(id, &picture.deflated);
            image.filter(Filter::FlateDecode);
            image.width(picture.width as i32);
            image.height(picture.height as i32);
            if picture.grey {
                image.color_space().device_gray();
            } else {
                image.color_space().device_rgb();
            }
            image.bits_per_component(8);
            image.finish();
        }

        let mut out = pdf.page(page_id);
        out.media_box(Rect::new(0.0, 0.0, page.width, page.height));
        out.parent(tree);
        out.contents(content_id);
        let mut resources = out.resources();
        let mut named = resources.fonts();
        for face in glyphs.faces() {
            if let Some((_, refs)) = fonts.iter().find(|(f, _)| *f == face) {
                named.pair(Name(face.resource_name()), refs.font);
            }
        }
        named.finish();
        if let Some(id) = picture_id {
            resources.x_objects().pair(PICTURE, id);
        }
        resources.finish();
        out.finish();
    }
    pdf.pages(tree).kids(kids).count(total as i32);
    glyphs.write(&mut pdf, &fonts, deflate);
    pdf.finish()
}

fn draw(content: &mut Content, glyphs: &mut Embedding, page_height: f32, mark: &Mark) {
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
            if text.chars().all(char::is_control) {
                return;
            }
            let natural = text_width(text, *size);
            let stretch = match fit_width {
                Some(w) if natural > 0.0 => (w / natural * 100.0).clamp(1.0, 1000.0),
                _ => 100.0,
            };
            content.begin_text();
            // The mode outlives the text object, so every one sets its own.
            content.set_text_rendering_mode(match (invisible, bold) {
                (true, _) => TextRenderingMode::Invisible,
                (false, true) => TextRenderingMode::FillStroke,
                (false, false) => TextRenderingMode::Fill,
            });
            if *bold {
                content.set_line_width(size * 0.04);
                content.set_stroke_gray(0.0);
            }
            content.set_horizontal_scaling(stretch);
            content.set_fill_gray(0.0);
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, page_height - y]);
            glyphs.show(content, text, *size);
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
                content.set_text_rendering_mode(TextRenderingMode::Fill);
                content.set_horizontal_scaling(100.0);
                content.set_fill_gray(LABEL_GREY);
                let baseline = y1 - (height - size * 0.72) / 2.0;
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x0 + 1.0, page_height - baseline]);
                glyphs.show(content, label, size);
                content.end_text();
            }
        }
    }
}

fn draw_stamp(content: &mut Content, glyphs: &mut Embedding, page: &OutPage, stamp: &str) {
    let width = text_width(stamp, STAMP_SIZE);
    let x = (page.width - width - 12.0).max(2.0);
    content.set_fill_gray(1.0);
    content.rect(x - 2.0, 3.0, width + 4.0, STAMP_SIZE + 4.0);
    content.fill_nonzero();
    content.begin_text();
    content.set_text_rendering_mode(TextRenderingMode::Fill);
    content.set_horizontal_scaling(100.0);
    content.set_fill_gray(0.25);
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, 5.5]);
    glyphs.show(content, stamp, STAMP_SIZE);
    content.end_text();
}

/// How hard page pictures are deflated: level 2 took about 4 s of CPU
/// less than the default (6) over the corpus's 5,421 pages, for
/// renditions 6% larger (see docs/scaling.md).
const PICTURE_LEVEL: u32 = 2;

fn deflate_picture(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(PICTURE_LEVEL));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// The width of `text` in points at `size`.
pub fn text_width(text: &str, size: f32) -> f32 {
    super::font::text_width(text, size)
}

/// Marks laid line by line down pages of one size, a new page begun when
/// a line would pass the bottom margin: how documents and tables are set.
pub struct Flow {
    width: f32,
    height: f32,
    margin: f32,
    pages: Vec<OutPage>,
    /// The marks of the page being filled.
    pub current: Vec<Mark>,
    /// The last baseline (or the top margin) on that page.
    pub y: f32,
}

impl Flow {
    pub fn new(width: f32, height: f32, margin: f32) -> Flow {
        Flow {
            width,
            height,
            margin,
            pages: Vec::new(),
            current: Vec::new(),
            y: margin,
        }
    }

    /// Whether `height` more fits above the bottom margin.
    pub fn fits(&self, height: f32) -> bool {
        self.y + height <= self.height - self.margin
    }

    pub fn new_page(&mut self) {
        self.pages.push(OutPage {
            width: self.width,
            height: self.height,
            picture: None,
            marks: std::mem::take(&mut self.current),
        });
        self.y = self.margin;
    }

    /// The baseline of a line `height` below the last, on a new page when
    /// it would not fit.
    pub fn next_baseline(&mut self, height: f32) -> f32 {
        if !self.fits(height) {
            self.new_page();
        }
        self.y += height;
        self.y
    }

    /// Puts `marks` (x relative to `dx`) on `baseline`; bars cover text of
    /// `size`.
    pub fn place(&mut self, marks: Vec<Mark>, dx: f32, baseline: f32, size: f32) {
        for mut mark in marks {
            match &mut mark {
                Mark::Text { x, y, .. } => {
                    *x += dx;
                    *y = baseline;
                }
                Mark::Bar { rect, .. } => {
                    rect[0] += dx;
                    rect[2] += dx;
                    rect[1] = baseline - size * 0.85;
                    rect[3] = baseline + size * 0.25;
                }
            }
            self.current.push(mark);
        }
    }

    /// The pages, the last one too (at least one page).
    pub fn finish(mut self) -> Vec<OutPage> {
        if !self.current.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        self.pages
    }
}

/// A word too long for a line `width` wide at `size`, cut into pieces
/// that fit (the word itself when it fits).
pub fn split_to_fit(word: &str, width: f32, size: f32) -> Vec<String> {
    if text_width(word, size) <= width {
        return vec![word.to_string()];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if text_width(&piece, size) > width - size {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The text of `pages` in drawing order, bars as `[label]`, for the
    /// layout tests.
    pub(in crate::render) fn texts(pages: &[OutPage]) -> String {
        pages
            .iter()
            .flat_map(|p| &p.marks)
            .map(|m| match m {
                Mark::Text { text, .. } => text.clone(),
                Mark::Bar { label, .. } => format!("[{label}]"),
            })
            .collect::<Vec<_>>()
            .join("|")
    }
}

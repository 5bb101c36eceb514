//! Redacted renditions of PDFs, rebuilt rather than edited. Each page is
//! drawn to a picture with `hayro` (what a reader would have seen), the
//! redacted boxes are blacked out in the picture's pixels, and the page is
//! written anew as that picture plus an invisible text layer holding only
//! the words outside the redactions — so the rest of the page can still be
//! searched and selected. Nothing of the original file is copied: its text
//! objects, fonts, vector art, images, annotations, form values,
//! attachments, scripts, metadata, outlines, hidden layers and earlier
//! revisions cannot survive, because none of them is carried over.
//!
//! A word that a redaction touches is blacked out whole, so no fragment of
//! it (the `ith` of `John Smith`) is left beside the bar.

use std::panic::{catch_unwind, AssertUnwindSafe};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;

use super::document::Span;
use super::writer::{Mark, OutPage, Picture};
use crate::extract::Page;

/// Pictures are drawn at this resolution ...
const DPI: f32 = 150.0;
/// ... but never more than this many pixels on a side.
const MAX_PIXELS: f32 = 3000.0;
/// Bars reach this far (points) beyond the box of the words they cover.
const PAD: f32 = 1.0;
/// Words closer than this (points) on one line are barred together.
const LINE_GAP: f32 = 8.0;

/// A box to black out on a page, with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub page: u32,
    pub rect: [f32; 4],
    pub label: String,
}

/// The boxes of the words that `spans` touch, on their pages; neighbouring
/// words of one line under one reason share a bar.
pub fn word_areas(pages: &[Page], spans: &[Span]) -> Vec<Area> {
    let mut out: Vec<Area> = Vec::new();
    for page in pages {
        for word in &page.words {
            if let Some(span) = spans
                .iter()
                .find(|s| s.start < word.end && word.start < s.end)
            {
                let [x0, y0, x1, y1] = word.bbox;
                if let Some(last) = out.last_mut().filter(|last| {
                    last.page == page.number
                        && last.label == span.label
                        && (last.rect[1] - (y0 - PAD)).abs() < 2.0
                        && (x0 - PAD - last.rect[2]).abs() < LINE_GAP
                }) {
                    last.rect[2] = last.rect[2].max(x1 + PAD);
                    last.rect[3] = last.rect[3].max(y1 + PAD);
                    continue;
                }
                out.push(Area {
                    page: page.number,
                    rect: [x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD],
                    label: span.label.clone(),
                });
            }
        }
    }
    out
}

/// The pages of the redacted PDF: `data` is the original, `pages` and
/// `text` what extraction read from it, `areas` what to black out.
pub fn pages(
    data: &[u8],
    pages: &[Page],
    text: &str,
    areas: &[Area],
) -> Result<Vec<OutPage>, String> {
    let pdf = catch_unwind(|| Pdf::new(data.to_vec()))
        .map_err(|_| "the PDF's structure could not be parsed".to_string())?
        .map_err(|_| "the PDF cannot be opened (damaged or encrypted)".to_string())?;
    let cache = hayro::RenderCache::new();
    let settings = InterpreterSettings::default();
    let mut out = Vec::new();
    for (index, page) in pdf.pages().iter().enumerate() {
        let number = index as u32 + 1;
        let (width, height) = page.render_dimensions();
        let scale = (DPI / 72.0).min(MAX_PIXELS / width.max(height).max(1.0));
        let pixmap = catch_unwind(AssertUnwindSafe(|| {
            hayro::render(
                page,
                &cache,
                &settings,
                &hayro::RenderSettings::default(),
                &hayro::PixmapSettings {
                    x_scale: scale,
                    y_scale: scale,
                    bg_color: hayro::vello_cpu::color::palette::css::WHITE,
                },
            )
        }))
        .map_err(|_| format!("page {number} could not be drawn"))?;
        let here: Vec<&Area> = areas.iter().filter(|a| a.page == number).collect();
        let mut picture = Picture {
            width: u32::from(pixmap.width()),
            height: u32::from(pixmap.height()),
            rgb: pixmap
                .data_as_u8_slice()
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect(),
        };
        let px_per_point = (
            picture.width as f32 / width.max(1.0),
            picture.height as f32 / height.max(1.0),
        );
        for area in &here {
            black_out(&mut picture, area.rect, px_per_point);
        }
        let mut marks = text_layer(pages.iter().find(|p| p.number == number), text, &here);
        marks.extend(here.iter().map(|a| Mark::Bar {
            rect: a.rect,
            label: a.label.clone(),
        }));
        out.push(OutPage {
            width,
            height,
            picture: Some(picture),
            marks,
        });
    }
    if out.is_empty() {
        return Err("the PDF has no pages".into());
    }
    Ok(out)
}

/// Paints `rect` black in the picture; `sx`, `sy` are pixels per unit of
/// `rect` (points on PDF pages, 1 for image pixels).
pub fn black_out(picture: &mut Picture, rect: [f32; 4], (sx, sy): (f32, f32)) {
    let clamp = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
    let x0 = clamp((rect[0] * sx).floor(), picture.width);
    let x1 = clamp((rect[2] * sx).ceil(), picture.width);
    let y0 = clamp((rect[1] * sy).floor(), picture.height);
    let y1 = clamp((rect[3] * sy).ceil(), picture.height);
    for y in y0..y1 {
        let row = (y * picture.width) as usize * 3;
        picture.rgb[row + x0 as usize * 3..row + x1 as usize * 3].fill(0);
    }
}

/// Invisible words over the picture, leaving out every word under a bar.
fn text_layer(page: Option<&Page>, text: &str, areas: &[&Area]) -> Vec<Mark> {
    let Some(page) = page else {
        return Vec::new();
    };
    page.words
        .iter()
        .filter(|w| !areas.iter().any(|a| overlaps(a.rect, w.bbox)))
        .filter_map(|w| {
            let word = text.get(w.start..w.end)?;
            let [x0, y0, x1, y1] = w.bbox;
            let size = (y1 - y0).clamp(1.0, 200.0);
            Some(Mark::Text {
                x: x0,
                y: y1 - size * 0.2,
                size,
                text: word.to_string(),
                bold: false,
                fit_width: Some((x1 - x0).max(0.1)),
                invisible: true,
            })
        })
        .collect()
}

fn overlaps(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

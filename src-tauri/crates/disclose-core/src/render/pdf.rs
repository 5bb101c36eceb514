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

use std::sync::atomic::AtomicBool;

use super::document::Span;
use super::raster::DrawnPage;
use super::writer::{Mark, OutPage, Picture};
use crate::extract::Page;
use crate::isolate::{Isolation, Job, Reply, Slot};

/// Pictures are drawn at this resolution ...
const DPI: f32 = 150.0;
/// ... but never more than this many pixels on a side.
const MAX_PIXELS: f32 = 3000.0;
/// Pages drawn per worker job, so one answer stays a few hundred MB at most.
const PAGES_PER_JOB: u32 = 8;
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

/// The pages of the redacted PDF: `drawn` are the original's pages as
/// pictures (drawn in a worker, see [`draw`]), `pages` and `text` what
/// extraction read from it, `areas` what to black out.
pub fn pages(
    drawn: Vec<DrawnPage>,
    pages: &[Page],
    text: &str,
    areas: &[Area],
) -> Result<Vec<OutPage>, String> {
    let mut out = Vec::new();
    for page in drawn {
        let (number, width, height) = (page.number, page.width, page.height);
        let drawn = page.picture?;
        let mut picture = Picture {
            width: drawn.width,
            height: drawn.height,
            rgb: drawn.rgb,
        };
        let here: Vec<&Area> = areas.iter().filter(|a| a.page == number).collect();
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

/// Draws the `count` pages of the PDF `data` in `slot`'s worker.
pub fn draw(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
    count: u32,
) -> Result<Vec<DrawnPage>, String> {
    let mut drawn = Vec::new();
    let mut first = 1;
    while first <= count.max(1) {
        let last = (first + PAGES_PER_JOB - 1).min(count.max(1));
        drawn.extend(draw_pages(isolation, slot, data, (first..=last).collect())?);
        first = last + 1;
    }
    if drawn.is_empty() {
        return Err("the PDF has no pages".into());
    }
    Ok(drawn)
}

/// Draws those of `pages` (1-based) that the PDF `data` has, in one job in
/// `slot`'s worker: the time and memory limits of the isolation apply, and
/// a page that asks for too much drawing is refused with a reason.
pub fn draw_pages(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
    pages: Vec<u32>,
) -> Result<Vec<DrawnPage>, String> {
    let never = AtomicBool::new(false);
    let job = Job::Rasterise {
        dpi: DPI,
        max_pixels: MAX_PIXELS,
        pages,
    };
    match isolation.run(slot, job, data, &never) {
        Ok(Reply::Rasterised(pages)) => pages,
        Ok(Reply::Panicked(message)) => Err(format!("the PDF could not be drawn: {message}")),
        Ok(_) => Err("the drawing worker gave an unexpected answer".into()),
        Err(failure) => Err(format!("the PDF could not be drawn: {failure}")),
    }
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

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
use super::raster::{DrawnPage, Samples};
use super::writer::{Encoded, Mark, OutPage, Picture};
use crate::extract::Page;
use crate::isolate::{Isolation, Job, Reply, Slot};

/// Pictures are drawn at this resolution ...
pub(crate) const DPI: f32 = 150.0;
/// ... but never more than this many pixels on a side.
pub(crate) const MAX_PIXELS: f32 = 3000.0;
/// Pages drawn only to show that they draw, their pixels never looked at
/// (see `Samples::None`), are drawn at this resolution: every operation is
/// still run and every picture decoded.
const UNSEEN_DPI: f32 = 18.0;
/// Pages drawn per worker job, so one answer stays a few hundred MB at most.
pub const PAGES_PER_JOB: u32 = 8;
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

/// One page's redacted picture, with the page's size in points.
#[derive(Debug, Clone, PartialEq)]
pub struct PagePicture {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub picture: Encoded,
}

/// The drawn pages blacked out under `areas` and encoded (grey where a
/// page has no colour); the first page that could not be drawn is the
/// reason none is given.
pub fn redact_drawn(drawn: Vec<DrawnPage>, areas: &[Area]) -> Result<Vec<PagePicture>, String> {
    let mut out = Vec::new();
    for page in drawn {
        let (number, width, height) = (page.number, page.width, page.height);
        let drawn = page.picture?;
        let mut picture = Picture {
            width: drawn.width,
            height: drawn.height,
            rgb: drawn.rgb,
        };
        let px_per_point = (
            picture.width as f32 / width.max(1.0),
            picture.height as f32 / height.max(1.0),
        );
        for area in areas.iter().filter(|a| a.page == number) {
            black_out(&mut picture, area.rect, px_per_point);
        }
        out.push(PagePicture {
            number,
            width,
            height,
            picture: Encoded::of(&picture),
        });
    }
    Ok(out)
}

/// Draws `numbers` (1-based) of the PDF `data` in `slot`'s worker, a few
/// pages a job, and redacts them (see [`redact_drawn`]); `cancel` stops
/// the worker mid-page.
pub fn redacted_pictures(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
    numbers: &[u32],
    areas: &[Area],
    cancel: &AtomicBool,
) -> Result<Vec<PagePicture>, String> {
    let mut out = Vec::new();
    for chunk in numbers.chunks(PAGES_PER_JOB as usize) {
        let drawn = draw_watched(
            isolation,
            slot,
            data,
            chunk.to_vec(),
            Samples::RgbOrGrey,
            cancel,
        )?;
        out.extend(redact_drawn(drawn, areas)?);
    }
    Ok(out)
}

/// The pages of the redacted PDF from their redacted pictures (any order;
/// set in page order), with `pages` and `text` (what extraction read)
/// laid over them as invisible words, leaving out the words under
/// `areas`, and a labelled bar over each area.
pub fn assemble(
    mut pictures: Vec<PagePicture>,
    pages: &[Page],
    text: &str,
    areas: &[Area],
) -> Result<Vec<OutPage>, String> {
    pictures.sort_by_key(|p| p.number);
    let mut out = Vec::new();
    for page in pictures {
        let here: Vec<&Area> = areas.iter().filter(|a| a.page == page.number).collect();
        let mut marks = text_layer(pages.iter().find(|p| p.number == page.number), text, &here);
        marks.extend(here.iter().map(|a| Mark::Bar {
            rect: a.rect,
            label: a.label.clone(),
        }));
        out.push(OutPage {
            width: page.width,
            height: page.height,
            picture: Some(page.picture),
            marks,
        });
    }
    if out.is_empty() {
        return Err("the PDF has no pages".into());
    }
    Ok(out)
}

/// The pages of the redacted PDF: `drawn` are the original's pages as
/// pictures (drawn in a worker, see [`draw_pages`]), `pages` and `text`
/// what extraction read from it, `areas` what to black out.
pub fn pages(
    drawn: Vec<DrawnPage>,
    pages: &[Page],
    text: &str,
    areas: &[Area],
) -> Result<Vec<OutPage>, String> {
    assemble(redact_drawn(drawn, areas)?, pages, text, areas)
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
    draw_pages_as(isolation, slot, data, pages, Samples::Rgb)
}

/// [`draw_pages`], the pictures' samples as `samples` says (the leak check
/// takes them grey, or only the pages' sizes).
pub fn draw_pages_as(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
    pages: Vec<u32>,
    samples: Samples,
) -> Result<Vec<DrawnPage>, String> {
    draw_watched(
        isolation,
        slot,
        data,
        pages,
        samples,
        &AtomicBool::new(false),
    )
}

/// [`draw_pages_as`], the worker stopped when `cancel` is set.
fn draw_watched(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
    pages: Vec<u32>,
    samples: Samples,
    cancel: &AtomicBool,
) -> Result<Vec<DrawnPage>, String> {
    let job = Job::Rasterise {
        dpi: if samples == Samples::None {
            UNSEEN_DPI
        } else {
            DPI
        },
        max_pixels: MAX_PIXELS,
        pages,
        samples,
    };
    match isolation.run(slot, job, data, cancel) {
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
    let channels = if super::writer::is_one_byte(picture) {
        1
    } else {
        3
    };
    for y in y0..y1 {
        let row = (y * picture.width) as usize * channels;
        picture.rgb[row + x0 as usize * channels..row + x1 as usize * channels].fill(0);
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

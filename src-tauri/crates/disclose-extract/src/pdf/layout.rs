//! From drawn glyphs to text and word boxes.
//!
//! [`GlyphRecorder`] is a `hayro-interpret` device that keeps every glyph
//! shown — filled, stroked, invisible (render mode 3), white, clipped — with
//! its Unicode text and its place on the page, and ignores everything else.
//! [`lay_out`] then walks the glyphs in content order: a glyph that leaves
//! the current baseline starts a new line, a gap between one glyph's
//! advance and the next glyph starts a new word.

use std::fmt;

use hayro_interpret::font::{Glyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape, Vec2};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

use crate::Word;

/// A gap wider than this share of the em between the end of one glyph
/// (advance or ink) and the next glyph is a word break: above kerning and tracking (under 0.1 em
/// in text set normally), under a space (0.25–0.33 em in common fonts).
const WORD_GAP: f64 = 0.15;

/// Glyph boxes reach at least from 20% of the em below the baseline to 80%
/// above it, and further where the glyph's ink does.
const DESCENT: f64 = -200.0;
const ASCENT: f64 = 800.0;

/// Advance assumed for a glyph whose font gives none, in 1/1000 em.
const DEFAULT_ADVANCE: f64 = 500.0;

/// Most glyphs kept from one page; far above any real page.
const MAX_GLYPHS_PER_PAGE: usize = 500_000;

use super::MAX_DRAW_CALLS as MAX_DRAW_CALLS_PER_PAGE;

/// Why the interpretation of a page was stopped early; carried by the
/// unwind that stops it.
#[derive(Debug)]
pub(super) struct PageCut(&'static str);

impl fmt::Display for PageCut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// One glyph as drawn: its text and where it sits on the page.
#[derive(Debug, Clone)]
pub(super) struct PlacedGlyph {
    text: String,
    /// Box on the page covering the glyph's cell and ink, top-left origin,
    /// points.
    rect: Rect,
    /// Where the glyph's origin sits on the baseline.
    origin: Point,
    /// Where the glyph ends on the baseline: its advance, or its ink where
    /// that reaches further (producers that place every glyph themselves
    /// do not always agree with the font's widths).
    advance_end: Point,
    /// Unit vector of the writing direction on the page (rotated text and
    /// rotated pages are read along their own baseline).
    direction: Vec2,
    /// The glyph's em size on the page, in points.
    size: f64,
}

/// Most glyph outlines whose ink box is remembered for one document; past
/// it the memory starts again (a document of that many distinct glyphs is
/// not a real one).
const MAX_INK_BOXES: usize = 100_000;

/// The ink box of each glyph outline met so far in a document, by hayro's
/// cache key for the outline (font program and glyph). Drawing an outline
/// to measure it is most of the cost of reading a PDF's text, and a
/// document uses the same few hundred glyphs again and again.
#[derive(Default)]
pub(super) struct InkBoxes(std::collections::HashMap<u128, Rect>);

impl InkBoxes {
    fn of(&mut self, outline: &hayro_interpret::font::OutlineGlyph) -> Rect {
        let key = outline.identifier().cache_key();
        if let Some(ink) = self.0.get(&key) {
            return *ink;
        }
        if self.0.len() >= MAX_INK_BOXES {
            self.0.clear();
        }
        let ink = outline.outline().bounding_box();
        self.0.insert(key, ink);
        ink
    }
}

/// A device that keeps glyphs and ignores everything else.
#[derive(Default)]
pub(super) struct GlyphRecorder {
    pub(super) glyphs: Vec<PlacedGlyph>,
    /// Ink boxes of the document's glyphs, carried from page to page.
    pub(super) ink: InkBoxes,
    /// Glyphs whose Unicode value could not be found.
    pub(super) undecodable: usize,
    /// Where the glyphs of the latest run start in `glyphs`, to drop a run
    /// drawn again on top of itself (fill then stroke, fake bold).
    last_run_start: usize,
    draw_calls: usize,
}

impl GlyphRecorder {
    /// A recorder for the next page, knowing the ink boxes met so far.
    pub(super) fn with_ink(ink: InkBoxes) -> GlyphRecorder {
        GlyphRecorder {
            ink,
            ..GlyphRecorder::default()
        }
    }

    fn count_call(&mut self) {
        self.draw_calls += 1;
        if self.draw_calls > MAX_DRAW_CALLS_PER_PAGE {
            // Stops interpretation without the panic hook's message; the
            // page loop catches it and keeps the glyphs seen so far.
            std::panic::resume_unwind(Box::new(PageCut("too many drawing operations")));
        }
    }

    /// Whether the glyphs from `start` repeat the run before them at (nearly)
    /// the same place.
    fn repeats_previous_run(&self, start: usize) -> bool {
        let previous = &self.glyphs[self.last_run_start..start];
        let current = &self.glyphs[start..];
        !previous.is_empty()
            && previous.len() == current.len()
            && previous.iter().zip(current).all(|(a, b)| {
                a.text == b.text && a.origin.distance(b.origin) <= 0.1 * a.size.max(1.0)
            })
    }
}

impl<'a> Device<'a> for GlyphRecorder {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {
        self.count_call();
    }
    fn push_clip_path(&mut self, _: &ClipPath) {
        self.count_call();
    }
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {
        self.count_call();
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.count_call();
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        self.count_call();
        let start = self.glyphs.len();
        for glyph in run.glyphs() {
            if self.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                std::panic::resume_unwind(Box::new(PageCut("more than 500,000 characters")));
            }
            let Some(text) = glyph_text(glyph) else {
                self.undecodable += 1;
                continue;
            };
            if let Some(placed) = place(
                props.transform * glyph.transform(),
                glyph,
                text,
                &mut self.ink,
            ) {
                self.glyphs.push(placed);
            }
        }
        if self.repeats_previous_run(start) {
            self.glyphs.truncate(start);
        } else {
            self.last_run_start = start;
        }
    }
}

/// The Unicode text of a glyph, with typographic ligatures spelled out and
/// control characters dropped; `None` when the font does not say.
fn glyph_text(glyph: &Glyph<'_>) -> Option<String> {
    let raw = match glyph.as_unicode() {
        Some(BfString::Char(c)) => c.to_string(),
        Some(BfString::String(s)) => s,
        // A simple font without a Unicode map: its codes are nearly always
        // WinAnsi.
        None if (32..256).contains(&glyph.char_code()) => encoding_rs::WINDOWS_1252
            .decode(&[glyph.char_code() as u8])
            .0
            .into_owned(),
        None => return None,
    };
    let mut text = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{FB00}' => text.push_str("ff"),
            '\u{FB01}' => text.push_str("fi"),
            '\u{FB02}' => text.push_str("fl"),
            '\u{FB03}' => text.push_str("ffi"),
            '\u{FB04}' => text.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => text.push_str("st"),
            // Tabs and line ends inside a glyph are spacing, not text.
            '\t' | '\n' | '\r' => text.push(' '),
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    Some(text)
}

/// Where `glyph` lands on the page under `to_page` (glyph space, 1000 units
/// to the em, to page points).
fn place(
    to_page: Affine,
    glyph: &Glyph<'_>,
    text: String,
    boxes: &mut InkBoxes,
) -> Option<PlacedGlyph> {
    let (ink, advance) = match glyph {
        Glyph::Outline(outline) => (boxes.of(outline), outline.advance_width().map(f64::from)),
        Glyph::Type3(type3) => (Rect::ZERO, type3.advance_width().map(f64::from)),
    };
    let ink_right = (ink.width() > 0.0).then_some(ink.x1);
    let advance = advance
        .filter(|a| a.is_finite() && *a > 0.0 && *a < 5_000.0)
        .or(ink_right)
        .unwrap_or(DEFAULT_ADVANCE);
    let cell = Rect::new(
        ink.x0.min(0.0),
        ink.y0.min(DESCENT),
        ink.x1.max(advance),
        ink.y1.max(ASCENT),
    );
    let origin = to_page * Point::ZERO;
    let size = (to_page * Point::new(0.0, 1000.0)).distance(origin);
    let direction = (to_page * Point::new(1000.0, 0.0) - origin).normalize();
    let rect = to_page.transform_rect_bbox(cell);
    let finite = [rect.x0, rect.y0, rect.x1, rect.y1, size]
        .iter()
        .all(|v| v.is_finite());
    if !finite || !direction.is_finite() {
        return None;
    }
    Some(PlacedGlyph {
        text,
        rect,
        origin,
        advance_end: to_page * Point::new(cell.x1, 0.0),
        direction,
        size,
    })
}

/// Appends the page's text to `text` and returns its words with boxes.
pub(super) fn lay_out(glyphs: &[PlacedGlyph], text: &mut String) -> Vec<Word> {
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
        if glyph.text.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let size = p.size.max(glyph.size).max(1.0);
            let step = glyph.origin - p.origin;
            let across = step.cross(p.direction).abs();
            let along = step.dot(p.direction);
            let turned = glyph.direction.dot(p.direction) < 0.9;
            let new_line = turned || across > size * 0.5 || along < -size;
            let gap = (glyph.origin - p.advance_end).dot(p.direction);
            if new_line {
                close(&mut current, text, &mut words);
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
            } else if gap > size * WORD_GAP && !text.ends_with([' ', '\n']) {
                close(&mut current, text, &mut words);
                if !text.is_empty() {
                    text.push(' ');
                }
            }
        }
        prev = Some(glyph);
        if glyph.text.chars().all(char::is_whitespace) {
            close(&mut current, text, &mut words);
            if !text.is_empty() && !text.ends_with(['\n', ' ']) {
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

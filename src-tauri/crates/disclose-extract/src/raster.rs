//! PDF pages drawn as pictures with `hayro`, for OCR and for redacted
//! renditions. This runs in a worker process (see `disclose_core::isolate`). Before
//! a page is drawn it is interpreted once without drawing, counting its
//! drawing operations: a page that asks for more than `MAX_DRAW_CALLS` is
//! not drawn, with a reason, instead of taking the machine's memory and
//! time. The same pass says whether the page is `plain`: whether all it
//! draws is glyphs of outline fonts and straight level or upright lines
//! and boxes, in plain colours — no picture, pattern, soft mask, curve or
//! Type 3 glyph — so what its pixels show in words is only its text.

use std::panic::{catch_unwind, AssertUnwindSafe};

use hayro::hayro_interpret::font::{Glyph, GlyphRun};
use hayro::hayro_interpret::kurbo::{Affine, BezPath, Point};
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache,
    InterpreterSettings, Paint, SoftMask,
};
use hayro::hayro_syntax::Pdf;
use serde::{Deserialize, Serialize};

use crate::protocol::Picture;

use crate::pdf::MAX_DRAW_CALLS;

/// One page asked for: its size in points and its picture, or why it
/// could not be drawn.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DrawnPage {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub picture: Result<Picture, String>,
    /// Whether the page draws nothing but text and level or upright lines
    /// and boxes in plain colours (see the module's header); false when in
    /// any doubt.
    #[serde(default)]
    pub plain: bool,
}

/// What a drawn page's [`Picture`] carries back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Samples {
    /// RGB, three bytes a pixel (for a rendition).
    Rgb,
    /// Grey, one byte a pixel, as `image` makes grey of the RGB (what the
    /// leak check reads): a third of the bytes to send.
    Grey,
    /// None: the page is drawn whole, but only its size comes back (when
    /// nothing is to be read or checked in its pixels, only that it draws).
    None,
    /// RGB, or one grey byte a pixel, `(r + g + b + 1) / 3`, when no
    /// pixel's channels are more than [`GREY_TOLERANCE`] apart (a
    /// rendition's page: a third of the bytes to send when it has no
    /// colour, and the grey it would be stored as).
    RgbOrGrey,
}

/// How far apart a pixel's red, green and blue may be for it to count as
/// grey: anti-aliasing and JPEG noise leave a grey page a level or two
/// off, while any colour a reader would see is much further apart.
pub const GREY_TOLERANCE: u8 = 6;

/// Whether every pixel of `rgb` (three bytes a pixel, or four with
/// `stride` 4) is grey within [`GREY_TOLERANCE`].
pub fn is_grey(pixels: &[u8], stride: usize) -> bool {
    pixels.chunks_exact(stride).all(|p| {
        let (lo, hi) = (p[0].min(p[1]).min(p[2]), p[0].max(p[1]).max(p[2]));
        hi - lo <= GREY_TOLERANCE
    })
}

/// One grey byte a pixel of `pixels` (three or four bytes a pixel).
pub fn to_grey(pixels: &[u8], stride: usize) -> Vec<u8> {
    pixels
        .chunks_exact(stride)
        .map(|p| ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2]) + 1) / 3) as u8)
        .collect()
}

/// Draws the `wanted` pages (1-based; all when empty) of the PDF at `dpi`,
/// never more than `max_pixels` on a side, as RGB.
pub fn rasterise(
    data: &[u8],
    dpi: f32,
    max_pixels: f32,
    wanted: &[u32],
) -> Result<Vec<DrawnPage>, String> {
    rasterise_as(data, dpi, max_pixels, wanted, Samples::Rgb)
}

/// [`rasterise`], the pictures' samples as `samples` says.
pub fn rasterise_as(
    data: &[u8],
    dpi: f32,
    max_pixels: f32,
    wanted: &[u32],
    samples: Samples,
) -> Result<Vec<DrawnPage>, String> {
    let pdf = catch_unwind(|| Pdf::new(data.to_vec()))
        .map_err(|_| "the PDF's structure could not be parsed".to_string())?
        .map_err(|_| "the PDF cannot be opened (damaged or encrypted)".to_string())?;
    let cache = hayro::RenderCache::new();
    let settings = InterpreterSettings::default();
    let mut out = Vec::new();
    for (index, page) in pdf.pages().iter().enumerate() {
        let number = index as u32 + 1;
        if !wanted.is_empty() && !wanted.contains(&number) {
            continue;
        }
        let (width, height) = page.render_dimensions();
        let survey = survey(page, &settings);
        let picture = if survey.busy {
            Err(format!(
                "page {number} asks for more than {MAX_DRAW_CALLS} drawing operations; not drawn"
            ))
        } else {
            let scale = (dpi / 72.0).min(max_pixels / width.max(height).max(1.0));
            catch_unwind(AssertUnwindSafe(|| {
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
            .map_err(|_| format!("page {number} could not be drawn"))
            .and_then(|pixmap| {
                let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
                let rgba = pixmap.data_as_u8_slice();
                let rgb = match samples {
                    Samples::Rgb => rgba
                        .chunks_exact(4)
                        .flat_map(|p| [p[0], p[1], p[2]])
                        .collect(),
                    // Alpha is left out, as above.
                    Samples::Grey => image::RgbaImage::from_raw(width, height, rgba.to_vec())
                        .map(|page| {
                            image::DynamicImage::ImageRgba8(page)
                                .into_luma8()
                                .into_raw()
                        })
                        .ok_or_else(|| format!("page {number} drew at the wrong size"))?,
                    Samples::None => Vec::new(),
                    Samples::RgbOrGrey if is_grey(rgba, 4) => to_grey(rgba, 4),
                    Samples::RgbOrGrey => rgba
                        .chunks_exact(4)
                        .flat_map(|p| [p[0], p[1], p[2]])
                        .collect(),
                };
                Ok(Picture { width, height, rgb })
            })
        };
        out.push(DrawnPage {
            number,
            width,
            height,
            picture,
            plain: survey.plain,
        });
    }
    Ok(out)
}

/// What interpreting a page without drawing it showed.
struct Survey {
    /// It asks for more drawing than [`MAX_DRAW_CALLS`].
    busy: bool,
    /// It draws only text and level or upright lines in plain colours,
    /// and was interpreted to the end.
    plain: bool,
}

/// Interprets the page once without drawing, counting its drawing
/// operations and noting anything but text and straight lines.
fn survey(page: &hayro::hayro_syntax::page::Page<'_>, settings: &InterpreterSettings) -> Survey {
    let cache = InterpreterCache::new();
    let mut counter = DrawCounter::default();
    let counted = crate::pdf::interpret_into(page, &cache, settings, &mut counter);
    Survey {
        busy: counted.is_err() && counter.calls > MAX_DRAW_CALLS,
        plain: counted.is_ok() && !counter.more_than_text,
    }
}

/// Counts drawing operations and stops the interpreter past the cap.
#[derive(Default)]
struct DrawCounter {
    calls: usize,
    /// Something was drawn that is not text or a level or upright line.
    more_than_text: bool,
}

/// The payload that stops interpretation of a page that draws too much.
struct TooBusy;

impl DrawCounter {
    fn count(&mut self) {
        self.calls += 1;
        if self.calls > MAX_DRAW_CALLS {
            std::panic::resume_unwind(Box::new(TooBusy));
        }
    }

    /// Notes paint other than a plain colour, or a soft mask.
    fn paint(&mut self, props: &DrawProps<'_>) {
        if !matches!(props.paint, Paint::Color(_)) || props.soft_mask.is_some() {
            self.more_than_text = true;
        }
    }
}

/// Whether every piece of `path` is a level or upright straight line (so
/// boxes and rules, never a letter's curve or slant).
fn straight_lines(path: &BezPath, transform: Affine) -> bool {
    use hayro::hayro_interpret::kurbo::PathEl;
    let mut at = None;
    let mut start = None;
    let level_or_upright = |a: Point, b: Point| {
        let (a, b) = (transform * a, transform * b);
        (a.x - b.x).abs() < 1e-3 || (a.y - b.y).abs() < 1e-3
    };
    for element in path.elements() {
        match *element {
            PathEl::MoveTo(p) => {
                at = Some(p);
                start = Some(p);
            }
            PathEl::LineTo(p) => {
                match at {
                    Some(a) if level_or_upright(a, p) => {}
                    _ => return false,
                }
                at = Some(p);
            }
            PathEl::ClosePath => {
                if let (Some(a), Some(s)) = (at, start) {
                    if !level_or_upright(a, s) {
                        return false;
                    }
                }
                at = start;
            }
            PathEl::QuadTo(..) | PathEl::CurveTo(..) => return false,
        }
    }
    true
}

impl<'a> Device<'a> for DrawCounter {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        self.count();
        self.paint(&props);
        if !straight_lines(path, props.transform) {
            self.more_than_text = true;
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {
        self.count();
    }
    fn push_transparency_group(&mut self, _: f32, mask: Option<SoftMask<'a>>, _: BlendMode) {
        self.count();
        if mask.is_some() {
            self.more_than_text = true;
        }
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.count();
        self.more_than_text = true;
    }
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        self.count();
        self.paint(&props);
        if run.glyphs().iter().any(|g| matches!(**g, Glyph::Type3(_))) {
            self.more_than_text = true;
        }
    }
}

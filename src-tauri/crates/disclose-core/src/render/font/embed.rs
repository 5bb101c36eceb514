//! The glyphs one PDF shows and the fonts written for them. Shaped runs
//! are shown glyph by glyph (two-byte codes, `Identity-H`), each placed
//! where the shaper put it; at the end every face used is embedded as a
//! subset CID font (by `subsetter`) with a `/ToUnicode` map from each code
//! to the text its glyph stands for, so what is printed can be read back
//! and searched.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use super::face::Face;
use super::shape::{shape, Glyph};

/// The objects one embedded font takes.
#[derive(Debug, Clone, Copy)]
pub struct FontRefs {
    pub font: Ref,
    pub cid_font: Ref,
    pub descriptor: Ref,
    pub file: Ref,
    pub to_unicode: Ref,
    /// The map from the codes shown to the glyphs of the embedded font.
    pub gid_map: Ref,
}

/// The glyphs used from one face.
struct Used {
    remapper: GlyphRemapper,
    unicode: BTreeMap<u16, String>,
}

impl Used {
    /// The code that shows `glyph`, remembering what it reads as.
    fn code(&mut self, glyph: &Glyph) -> u16 {
        let code = self.remapper.remap(glyph.id);
        if !glyph.text.is_empty() {
            self.unicode
                .entry(code)
                .or_insert_with(|| glyph.text.clone());
        }
        code
    }
}

/// The glyphs used by one PDF, by face.
#[derive(Default)]
pub struct Embedding {
    faces: BTreeMap<Face, Used>,
}

/// Distances below this (thousandths of an em) are not worth a move.
const NEGLIGIBLE: f32 = 0.01;

impl Embedding {
    pub fn new() -> Embedding {
        Embedding::default()
    }

    /// The faces shown so far: the fonts a page's resources must name.
    pub fn faces(&self) -> impl Iterator<Item = Face> + '_ {
        self.faces.keys().copied()
    }

    /// Shows `text` at `size` from the current text position, each run in
    /// its face. Returns whether anything was shown.
    pub fn show(&mut self, content: &mut Content, text: &str, size: f32) -> bool {
        let mut shown = false;
        for run in shape(text) {
            if run.glyphs.is_empty() {
                continue;
            }
            shown = true;
            let used = self.faces.entry(run.face).or_insert_with(|| Used {
                remapper: GlyphRemapper::new(),
                unicode: BTreeMap::new(),
            });
            content.set_font(Name(run.face.resource_name()), size);
            // Glyphs raised or lowered alike are shown together.
            for group in run.glyphs.chunk_by(|a, b| a.dy == b.dy) {
                let rise = group[0].dy * size / 1000.0;
                if rise != 0.0 {
                    content.set_rise(rise);
                }
                show_group(content, used, run.face, group);
                if rise != 0.0 {
                    content.set_rise(0.0);
                }
            }
        }
        shown
    }

    /// Writes the subset of every face used, each under the `refs` given
    /// for its face. Falls back to the whole font (with a map from the
    /// codes shown to its glyphs) if subsetting fails, so text is never
    /// lost.
    pub fn write(self, pdf: &mut Pdf, refs: &[(Face, FontRefs)], deflate: fn(&[u8]) -> Vec<u8>) {
        for (face, used) in self.faces {
            if let Some((_, refs)) = refs.iter().find(|(f, _)| *f == face) {
                write_face(pdf, face, used, refs, deflate);
            }
        }
    }
}

/// One `TJ`: codes strung together, with a move wherever the shaper
/// placed a glyph elsewhere than the font's own advance would.
fn show_group(content: &mut Content, used: &mut Used, face: Face, glyphs: &[Glyph]) {
    let mut positioned = content.show_positioned();
    let mut items = positioned.items();
    let mut codes: Vec<u8> = Vec::new();
    // Thousandths of an em still to move right before the next glyph.
    let mut pending = 0.0f32;
    for glyph in glyphs {
        let shift = pending + glyph.dx;
        if shift.abs() > NEGLIGIBLE {
            if !codes.is_empty() {
                items.show(Str(&std::mem::take(&mut codes)));
            }
            // A positive number in `TJ` moves left.
            items.adjust(-shift);
        }
        codes.extend(used.code(glyph).to_be_bytes());
        pending = glyph.advance - face.advance(glyph.id) - glyph.dx;
    }
    if !codes.is_empty() {
        items.show(Str(&codes));
    }
    if pending.abs() > NEGLIGIBLE {
        items.adjust(-pending);
    }
}

fn write_face(
    pdf: &mut Pdf,
    face: Face,
    used: Used,
    refs: &FontRefs,
    deflate: fn(&[u8]) -> Vec<u8>,
) {
    let data = face.data();
    let name = Name(face.postscript_name());
    let subset = subsetter::subset(data, 0, &used.remapper).ok();
    let code_of = |old: u16| used.remapper.get(old).unwrap_or(0);
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(refs.font)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(refs.cid_font)
        .to_unicode(refs.to_unicode);
    let mut cid = pdf.cid_font(refs.cid_font);
    cid.subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(system)
        .font_descriptor(refs.descriptor)
        .default_width(500.0);
    cid.cid_to_gid_map_stream(refs.gid_map);
    let mut widths = cid.widths();
    for old in used.remapper.remapped_gids() {
        widths.consecutive(code_of(old), [face.advance(old)]);
    }
    widths.finish();
    cid.finish();
    let figures = face.descriptor();
    let [x0, y0, x1, y1] = figures.bbox;
    pdf.font_descriptor(refs.descriptor)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(x0, y0, x1, y1))
        .italic_angle(0.0)
        .ascent(figures.ascent)
        .descent(figures.descent)
        .cap_height(figures.cap_height)
        .stem_v(80.0)
        .font_file2(refs.file);
    let program = subset.as_deref().unwrap_or(data);
    pdf.stream(refs.file, &deflate(program))
        .filter(Filter::FlateDecode);
    // Code shown → glyph in the embedded program: the same number in the
    // subset (numbered as the codes), the original glyph otherwise.
    let mut table = vec![0u8; usize::from(used.remapper.num_gids()) * 2];
    for old in used.remapper.remapped_gids() {
        let code = code_of(old);
        let glyph = if subset.is_some() { code } else { old };
        let at = usize::from(code) * 2;
        if let Some(slot) = table.get_mut(at..at + 2) {
            slot.copy_from_slice(&glyph.to_be_bytes());
        }
    }
    pdf.stream(refs.gid_map, &deflate(&table))
        .filter(Filter::FlateDecode);
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system);
    for (code, text) in &used.unicode {
        cmap.pair_with_multiple(*code, text.chars());
    }
    pdf.cmap(refs.to_unicode, &cmap.finish());
}

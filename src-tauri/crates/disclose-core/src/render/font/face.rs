//! The two typefaces shipped in `fonts/`: what each is called in a PDF,
//! which characters it has, how wide its glyphs are, and the figures its
//! font descriptor needs. Read once, on first use.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// A typeface Disclose prints with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// DejaVu Sans: Latin, Greek, Cyrillic, Hebrew, symbols and some Arabic.
    Sans,
    /// Noto Naskh Arabic: Arabic, Urdu and Persian, with the OpenType
    /// tables a shaper needs for joining, ligatures and marks.
    Naskh,
}

impl Face {
    pub const ALL: [Face; 2] = [Face::Sans, Face::Naskh];

    /// The font program, as shipped.
    pub fn data(self) -> &'static [u8] {
        match self {
            Face::Sans => include_bytes!("../fonts/DejaVuSans.ttf"),
            Face::Naskh => include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
        }
    }

    /// The subset's name in the PDF (a tag, then the font's own name).
    pub fn postscript_name(self) -> &'static [u8] {
        match self {
            Face::Sans => b"DJVUAA+DejaVuSans",
            Face::Naskh => b"NOTOAA+NotoNaskhArabic-Regular",
        }
    }

    /// The name a page's resources give the font.
    pub fn resource_name(self) -> &'static [u8] {
        match self {
            Face::Sans => b"F1",
            Face::Naskh => b"F2",
        }
    }

    fn loaded(self) -> &'static Loaded {
        static SANS: LazyLock<Loaded> = LazyLock::new(|| Loaded::new(Face::Sans.data()));
        static NASKH: LazyLock<Loaded> = LazyLock::new(|| Loaded::new(Face::Naskh.data()));
        match self {
            Face::Sans => &SANS,
            Face::Naskh => &NASKH,
        }
    }

    /// The glyph the font's character map gives `c`, if it has one.
    pub fn glyph(self, c: char) -> Option<u16> {
        self.loaded().glyphs.get(&u32::from(c)).copied()
    }

    pub fn has(self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// The advance of `glyph` in thousandths of an em.
    pub fn advance(self, glyph: u16) -> f32 {
        self.loaded()
            .advances
            .get(usize::from(glyph))
            .copied()
            .unwrap_or(500.0)
    }

    /// Thousandths of an em per font unit.
    pub fn scale(self) -> f32 {
        1000.0 / self.loaded().units_per_em
    }

    /// Figures for the font descriptor, in thousandths of an em.
    pub fn descriptor(self) -> &'static Descriptor {
        &self.loaded().descriptor
    }
}

/// What a PDF font descriptor says about the face.
pub struct Descriptor {
    pub bbox: [f32; 4],
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
}

/// Glyph ids and advances (1/1000 em) of every character the font maps.
struct Loaded {
    glyphs: BTreeMap<u32, u16>,
    advances: Vec<f32>,
    units_per_em: f32,
    descriptor: Descriptor,
}

impl Loaded {
    fn new(data: &[u8]) -> Loaded {
        let Ok(font) = FontRef::new(data) else {
            return Loaded {
                glyphs: BTreeMap::new(),
                advances: Vec::new(),
                units_per_em: 1000.0,
                descriptor: Descriptor {
                    bbox: [0.0, -250.0, 1000.0, 1000.0],
                    ascent: 800.0,
                    descent: -200.0,
                    cap_height: 700.0,
                },
            };
        };
        let glyphs = font
            .charmap()
            .mappings()
            .filter_map(|(c, g)| u16::try_from(g.to_u32()).ok().map(|g| (c, g)))
            .collect();
        let overall = font.metrics(Size::unscaled(), LocationRef::default());
        let units = f32::from(overall.units_per_em.max(1));
        let per_mille = |v: f32| v * 1000.0 / units;
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let count = overall.glyph_count.min(u32::from(u16::MAX));
        let advances = (0..count)
            .map(|g| per_mille(metrics.advance_width(GlyphId::new(g)).unwrap_or(0.0)))
            .collect();
        let bbox = overall.bounds.map_or([0.0, -250.0, 1000.0, 1000.0], |b| {
            [
                per_mille(b.x_min),
                per_mille(b.y_min),
                per_mille(b.x_max),
                per_mille(b.y_max),
            ]
        });
        let ascent = per_mille(overall.ascent);
        Loaded {
            glyphs,
            advances,
            units_per_em: units,
            descriptor: Descriptor {
                bbox,
                ascent,
                descent: per_mille(overall.descent),
                cap_height: overall.cap_height.map_or(ascent * 0.8, per_mille),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_face_has_the_letters_of_its_scripts() {
        for c in "Łukasz Wójcik Nguyễn Παπαδόπουλος Оксана".chars() {
            assert!(Face::Sans.has(c), "{c:?}");
        }
        // Urdu letters DejaVu lacks, and the lam-alef of Arabic.
        for c in "علی رضا ے ں ہ ٹ ڈ ڑ لا".chars() {
            assert!(Face::Naskh.has(c), "{c:?}");
        }
        assert!(!Face::Sans.has('ے'));
        assert!(!Face::Naskh.has('\u{4E2D}') && !Face::Sans.has('\u{4E2D}'));
        assert!(Face::Sans.advance(Face::Sans.glyph('W').unwrap()) > 500.0);
        assert!(Face::Naskh.descriptor().ascent > 0.0);
    }
}

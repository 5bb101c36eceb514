//! The one font Disclose prints with: DejaVu Sans (Debian
//! `fonts-dejavu-core`, Bitstream Vera licence, in `fonts/` beside this
//! module), so names in any European script, Vietnamese, Greek, Cyrillic,
//! Arabic and Urdu, and typographic hyphens and quotes, print as written.
//!
//! Each PDF embeds only the glyphs it uses (subset by `subsetter`) as a
//! CID font, with a `/ToUnicode` map so what is printed can be read back
//! and searched. Right-to-left runs (Arabic, Hebrew) are laid out in
//! visual order, and Arabic letters are joined: each is drawn with its
//! isolated, final, initial or medial presentation form by its neighbours
//! (the Unicode joining rules; no lam-alef ligatures), while the Unicode
//! map still reads back the letter itself. A character the font lacks
//! prints as the replacement character `�`, never as `?`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider};
use subsetter::GlyphRemapper;

static DATA: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
const POSTSCRIPT_NAME: &[u8] = b"DJVUAA+DejaVuSans";

/// Glyph ids and advances (1/1000 em) of every character the font maps.
struct Metrics {
    glyphs: BTreeMap<u32, u16>,
    advances: Vec<f32>,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let Ok(font) = FontRef::new(DATA) else {
        return Metrics {
            glyphs: BTreeMap::new(),
            advances: Vec::new(),
        };
    };
    let glyphs = font
        .charmap()
        .mappings()
        .filter_map(|(c, g)| u16::try_from(g.to_u32()).ok().map(|g| (c, g)))
        .collect();
    let overall = font.metrics(Size::unscaled(), LocationRef::default());
    let units = f32::from(overall.units_per_em.max(1));
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let count = overall.glyph_count.min(u32::from(u16::MAX));
    let advances = (0..count)
        .map(|g| metrics.advance_width(GlyphId::new(g)).unwrap_or(0.0) * 1000.0 / units)
        .collect();
    Metrics { glyphs, advances }
});

const REPLACEMENT: char = '\u{FFFD}';

/// The glyph that prints `c`, and the character it stands for (the
/// replacement character when the font lacks `c`).
fn glyph(c: char) -> (u16, char) {
    let metrics = &*METRICS;
    match metrics.glyphs.get(&u32::from(c)) {
        Some(&g) => (g, c),
        None => (
            metrics
                .glyphs
                .get(&u32::from(REPLACEMENT))
                .copied()
                .unwrap_or(0),
            REPLACEMENT,
        ),
    }
}

fn advance(glyph: u16) -> f32 {
    METRICS
        .advances
        .get(usize::from(glyph))
        .copied()
        .unwrap_or(500.0)
}

/// The width of `text` in points at `size`.
pub fn text_width(text: &str, size: f32) -> f32 {
    let units: f32 = joined(text)
        .into_iter()
        .map(|(shown, _)| advance(glyph(shown).0))
        .sum();
    units * size / 1000.0
}

/// Arabic letters with presentation forms: the letter, its isolated form
/// (the final, initial and medial forms follow it), and how many forms it
/// has — 4 for letters that join on both sides, 2 for those that join only
/// to the letter before, 1 for none.
const FORMS: [(u32, u32, u8); 49] = [
    (0x0621, 0xFE80, 1),
    (0x0622, 0xFE81, 2),
    (0x0623, 0xFE83, 2),
    (0x0624, 0xFE85, 2),
    (0x0625, 0xFE87, 2),
    (0x0626, 0xFE89, 4),
    (0x0627, 0xFE8D, 2),
    (0x0628, 0xFE8F, 4),
    (0x0629, 0xFE93, 2),
    (0x062A, 0xFE95, 4),
    (0x062B, 0xFE99, 4),
    (0x062C, 0xFE9D, 4),
    (0x062D, 0xFEA1, 4),
    (0x062E, 0xFEA5, 4),
    (0x062F, 0xFEA9, 2),
    (0x0630, 0xFEAB, 2),
    (0x0631, 0xFEAD, 2),
    (0x0632, 0xFEAF, 2),
    (0x0633, 0xFEB1, 4),
    (0x0634, 0xFEB5, 4),
    (0x0635, 0xFEB9, 4),
    (0x0636, 0xFEBD, 4),
    (0x0637, 0xFEC1, 4),
    (0x0638, 0xFEC5, 4),
    (0x0639, 0xFEC9, 4),
    (0x063A, 0xFECD, 4),
    (0x0641, 0xFED1, 4),
    (0x0642, 0xFED5, 4),
    (0x0643, 0xFED9, 4),
    (0x0644, 0xFEDD, 4),
    (0x0645, 0xFEE1, 4),
    (0x0646, 0xFEE5, 4),
    (0x0647, 0xFEE9, 4),
    (0x0648, 0xFEED, 2),
    (0x0649, 0xFEEF, 2),
    (0x064A, 0xFEF1, 4),
    // Urdu and Persian letters.
    (0x0679, 0xFB66, 4),
    (0x067E, 0xFB56, 4),
    (0x0686, 0xFB7A, 4),
    (0x0688, 0xFB88, 2),
    (0x0691, 0xFB8C, 2),
    (0x0698, 0xFB8A, 2),
    (0x06A9, 0xFB8E, 4),
    (0x06AF, 0xFB92, 4),
    (0x06BA, 0xFB9E, 2),
    (0x06BE, 0xFBAA, 4),
    (0x06C1, 0xFBA6, 4),
    (0x06CC, 0xFBFC, 4),
    (0x06D2, 0xFBAE, 2),
];

const TATWEEL: char = '\u{0640}';

/// The letter's isolated form and its number of forms.
fn forms(c: char) -> Option<(u32, u8)> {
    FORMS
        .binary_search_by_key(&u32::from(c), |&(letter, _, _)| letter)
        .ok()
        .map(|i| (FORMS[i].1, FORMS[i].2))
}

/// Whether `c` joins to the letter after it.
fn joins_forward(c: char) -> bool {
    c == TATWEEL || forms(c).is_some_and(|(_, count)| count == 4)
}

/// Whether `c` joins to the letter before it.
fn joins_back(c: char) -> bool {
    c == TATWEEL || forms(c).is_some_and(|(_, count)| count >= 2)
}

/// `text`'s printable characters in logical order, each as `(drawn,
/// stands for)`: an Arabic letter is drawn in the form its neighbours
/// call for (vowel marks between letters do not break the join), when the
/// font has that form.
fn joined(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = printable(text).collect();
    let neighbour = |from: usize, step: isize| -> Option<char> {
        let mut at = from as isize + step;
        while at >= 0 && (at as usize) < chars.len() {
            let c = chars[at as usize];
            if !is_mark(c) {
                return Some(c);
            }
            at += step;
        }
        None
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let Some((isolated, count)) = forms(c) else {
                return (c, c);
            };
            let back = count >= 2 && neighbour(i, -1).is_some_and(joins_forward);
            let forward = count == 4 && neighbour(i, 1).is_some_and(joins_back);
            let form = match (back, forward) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            match char::from_u32(isolated + form) {
                Some(shown) if METRICS.glyphs.contains_key(&u32::from(shown)) => (shown, c),
                _ => (c, c),
            }
        })
        .collect()
}

fn printable(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_control())
}

fn is_right_to_left(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// `text` in the order its characters are drawn left to right: each run
/// of right-to-left words (with the spaces between them) reversed.
pub fn visual_order(text: &str) -> String {
    let pairs: Vec<(char, char)> = printable(text).map(|c| (c, c)).collect();
    visual(&pairs).into_iter().map(|(c, _)| c).collect()
}

/// `(drawn, stands for)` pairs in the order they are drawn left to right.
fn visual(chars: &[(char, char)]) -> Vec<(char, char)> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_right_to_left(chars[i].1) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run goes on over spaces and marks while more RTL follows.
        let mut end = i;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            if is_right_to_left(c) {
                end = j + 1;
            } else if !(c.is_whitespace() || is_mark(c)) {
                break;
            }
            j += 1;
        }
        out.extend(chars[i..end].iter().rev());
        i = end;
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x064B..=0x065F | 0x0670)
}

/// The glyphs used by one PDF: text is encoded as it is drawn, and the
/// subset font is written once at the end.
pub struct Embedding {
    remapper: GlyphRemapper,
    unicode: BTreeMap<u16, char>,
}

impl Default for Embedding {
    fn default() -> Self {
        Embedding::new()
    }
}

/// The objects one embedded font takes.
pub struct FontRefs {
    pub font: Ref,
    pub cid_font: Ref,
    pub descriptor: Ref,
    pub file: Ref,
    pub to_unicode: Ref,
    /// The map from the codes shown to the glyphs of the embedded font.
    pub gid_map: Ref,
}

impl Embedding {
    pub fn new() -> Embedding {
        Embedding {
            remapper: GlyphRemapper::new(),
            unicode: BTreeMap::new(),
        }
    }

    /// `text` as the two-byte glyph codes to show, in visual order.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for (shown, letter) in visual(&joined(text)) {
            let (old, found) = glyph(shown);
            let stands_for = if found == REPLACEMENT { found } else { letter };
            let new = self.remapper.remap(old);
            self.unicode.entry(new).or_insert(stands_for);
            out.extend(new.to_be_bytes());
        }
        out
    }

    /// Writes the subset font. Falls back to the whole font (with a map
    /// from the codes shown to its glyphs) if subsetting fails, so text is
    /// never lost.
    pub fn write(self, pdf: &mut Pdf, refs: &FontRefs, deflate: fn(&[u8]) -> Vec<u8>) {
        let subset = subsetter::subset(DATA, 0, &self.remapper).ok();
        let code_of = |old: u16| self.remapper.get(old).unwrap_or(0);
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(refs.font)
            .base_font(Name(POSTSCRIPT_NAME))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(refs.cid_font)
            .to_unicode(refs.to_unicode);
        let mut cid = pdf.cid_font(refs.cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(POSTSCRIPT_NAME))
            .system_info(system)
            .font_descriptor(refs.descriptor)
            .default_width(500.0);
        cid.cid_to_gid_map_stream(refs.gid_map);
        let mut widths = cid.widths();
        for old in self.remapper.remapped_gids() {
            widths.consecutive(code_of(old), [advance(old)]);
        }
        widths.finish();
        cid.finish();
        pdf.font_descriptor(refs.descriptor)
            .name(Name(POSTSCRIPT_NAME))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(-1021.0, -463.0, 1793.0, 1232.0))
            .italic_angle(0.0)
            .ascent(928.0)
            .descent(-236.0)
            .cap_height(729.0)
            .stem_v(80.0)
            .font_file2(refs.file);
        let program = subset.as_deref().unwrap_or(DATA);
        pdf.stream(refs.file, &deflate(program))
            .filter(Filter::FlateDecode);
        // Code shown → glyph in the embedded program: the same number in
        // the subset (numbered as the codes), the original glyph otherwise.
        let mut table = vec![0u8; usize::from(self.remapper.num_gids()) * 2];
        for old in self.remapper.remapped_gids() {
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
        for (new, c) in &self.unicode {
            // The map is keyed by the code shown, which is the new id.
            cmap.pair(*new, *c);
        }
        pdf.cmap(refs.to_unicode, &cmap.finish());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_of_the_names_we_meet_has_glyphs() {
        for name in [
            "Łukasz Wójcik",
            "Nguyễn",
            "Παπαδόπουλος",
            "Оксана",
            "محمد",
            "عمران ٹ ڈ ں",
            "Anne‑Marie – “x”",
        ] {
            for c in name.chars().filter(|c| !c.is_whitespace()) {
                assert_ne!(glyph(c).1, REPLACEMENT, "{c:?} in {name}");
            }
        }
        assert_eq!(glyph('\u{4E2D}').1, REPLACEMENT);
    }

    #[test]
    fn right_to_left_runs_are_drawn_reversed() {
        assert_eq!(visual_order("Mr محمد علي, 12"), "Mr يلع دمحم, 12");
        assert_eq!(visual_order("plain"), "plain");
    }

    #[test]
    fn arabic_letters_are_joined_by_their_neighbours() {
        let shown = |text: &str| -> String { joined(text).into_iter().map(|(s, _)| s).collect() };
        // Meem initial, hah medial, meem medial, dal final.
        assert_eq!(shown("محمد"), "\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}");
        // Alef does not join forward: the reh after it stands alone.
        assert_eq!(shown("عمران"), "\u{FECB}\u{FEE4}\u{FEAE}\u{FE8D}\u{FEE5}");
        // A vowel mark does not break the join; a space does.
        assert_eq!(shown("بَب ب"), "\u{FE91}\u{064E}\u{FE90} \u{FE8F}");
        // What is read back is the letters themselves.
        let letters: String = joined("محمد").into_iter().map(|(_, l)| l).collect();
        assert_eq!(letters, "محمد");
        assert_eq!(shown("Smith"), "Smith");
    }

    #[test]
    fn widths_come_from_the_font() {
        assert!(text_width("W", 10.0) > text_width("i", 10.0));
        assert_eq!(text_width("", 10.0), 0.0);
    }
}

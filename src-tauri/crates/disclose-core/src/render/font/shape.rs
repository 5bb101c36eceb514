//! Text to positioned glyphs. A line is cut into runs, each set in the
//! first face that has its characters (Noto Naskh Arabic first for
//! right-to-left words, DejaVu Sans first for the rest), and every run is
//! shaped by HarfBuzz's rules (`harfrust`): Arabic and Urdu letters take
//! the form their neighbours call for, lam-alef becomes its ligature, marks
//! sit on their letters, right-to-left runs come out in the order they
//! are drawn. A right-to-left stretch of a line (its words, the spaces
//! and numbers between them) is drawn as a whole from right to left; the
//! line itself reads left to right.
//!
//! Each glyph carries the text it stands for, so the PDF's Unicode map
//! reads back the letters, not their joined forms. A character neither
//! face has prints as the replacement character `�`, never as `?`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use harfrust::{Buffer, BufferFlags, ClusterLevel, Direction, ShapeOptions, ShapePlan, ShaperFont};

use super::face::Face;

pub const REPLACEMENT: char = '\u{FFFD}';

/// One glyph as shaped; distances in thousandths of an em.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
    /// What the glyph stands for: a letter, a ligature's letters, or
    /// nothing for a further glyph of a letter another glyph reads as.
    pub text: String,
}

/// Glyphs of one face, in the order they are drawn left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: Face,
    pub glyphs: Vec<Glyph>,
}

/// The width of `text` in points at `size`.
pub fn text_width(text: &str, size: f32) -> f32 {
    let units: f32 = shape(text)
        .iter()
        .flat_map(|run| &run.glyphs)
        .map(|g| g.advance)
        .sum();
    units * size / 1000.0
}

/// Texts up to this many bytes (words, table cells, short lines) are
/// shaped once and remembered.
const REMEMBERED_TEXT: usize = 64;

/// Most shaped texts remembered; past it the memory starts again.
const MAX_REMEMBERED: usize = 20_000;

/// `text` (one line) as runs of glyphs in drawing order. A page is laid
/// out by measuring its words, often several times, and a document sets
/// the same words and cells again and again, so short texts are shaped
/// once per process.
pub fn shape(text: &str) -> Vec<Run> {
    static SHAPED: LazyLock<Mutex<HashMap<String, Vec<Run>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if text.len() > REMEMBERED_TEXT {
        return shape_line(text);
    }
    // A lock is only poisoned by a panic, and the map stays valid.
    let remembered = SHAPED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(text)
        .cloned();
    if let Some(runs) = remembered {
        return runs;
    }
    let runs = shape_line(text);
    let mut shaped = SHAPED.lock().unwrap_or_else(|e| e.into_inner());
    if shaped.len() >= MAX_REMEMBERED {
        shaped.clear();
    }
    shaped.insert(text.to_string(), runs.clone());
    runs
}

/// [`shape`], always shaping afresh.
fn shape_line(text: &str) -> Vec<Run> {
    let pieces = pieces(text);
    let mut runs: Vec<(bool, Run)> = pieces
        .iter()
        .map(|piece| (piece.in_rtl, shape_piece(piece)))
        .collect();
    // Each right-to-left stretch is drawn from its last piece to its first.
    let mut i = 0;
    while i < runs.len() {
        let start = i;
        while i < runs.len() && runs[i].0 {
            i += 1;
        }
        runs[start..i].reverse();
        i = i.max(start + 1);
    }
    runs.into_iter().map(|(_, run)| run).collect()
}

/// A stretch of a line set in one face and one direction.
#[derive(Debug, PartialEq)]
struct Piece {
    face: Face,
    /// Shaped right to left.
    rtl: bool,
    /// Part of a right-to-left stretch (a number in it reads left to
    /// right, but stands in the stretch's order).
    in_rtl: bool,
    text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Ltr,
    Rtl,
    Neutral,
    Mark,
}

fn class(c: char) -> Class {
    if is_mark(c) {
        Class::Mark
    } else if c.is_alphabetic() && is_right_to_left(c) {
        Class::Rtl
    } else if c.is_alphabetic() {
        Class::Ltr
    } else {
        Class::Neutral
    }
}

fn is_right_to_left(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05BD
            | 0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0670
            | 0x06D6..=0x06DC
            | 0x06DF..=0x06E4
            | 0x06E7..=0x06E8
            | 0x06EA..=0x06ED
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0xFE20..=0xFE2F
    )
}

/// Invisible characters that steer joining or breaking (zero-width
/// joiners and spaces, directional marks, soft hyphen): kept for the
/// shaper, never read back.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(u32::from(c), 0x0660..=0x0669 | 0x06F0..=0x06F9)
}

/// `text` cut into pieces of one face and direction, in reading order.
fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if is_format(c) || Face::ALL.iter().any(|f| f.has(c)) {
                c
            } else {
                REPLACEMENT
            }
        })
        .collect();
    let classes: Vec<Class> = chars.iter().map(|&c| class(c)).collect();
    // The strong direction last seen before each character, and next after.
    let strong = |k: &Class| matches!(k, Class::Ltr | Class::Rtl);
    let mut before = Vec::with_capacity(chars.len());
    let mut seen = None;
    for k in &classes {
        before.push(seen);
        if strong(k) {
            seen = Some(*k);
        }
    }
    let mut after = vec![None; chars.len()];
    seen = None;
    for (i, k) in classes.iter().enumerate().rev() {
        after[i] = seen;
        if strong(k) {
            seen = Some(*k);
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut previous: Option<(Face, bool)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let in_rtl = match classes[i] {
            Class::Rtl => true,
            Class::Ltr => false,
            Class::Mark => previous.is_some_and(|(_, rtl)| rtl),
            Class::Neutral => before[i] == Some(Class::Rtl) && after[i] == Some(Class::Rtl),
        };
        let order = if in_rtl {
            [Face::Naskh, Face::Sans]
        } else {
            [Face::Sans, Face::Naskh]
        };
        let face = match previous {
            // A mark or an invisible control stays with its letter.
            Some((face, _)) if classes[i] == Class::Mark && face.has(c) => face,
            Some((face, _)) if is_format(c) => face,
            _ => order
                .into_iter()
                .find(|f| f.has(c))
                .unwrap_or(if is_format(c) { order[0] } else { Face::Sans }),
        };
        let rtl = in_rtl && !is_digit(c);
        previous = Some((face, in_rtl));
        match out.last_mut() {
            Some(p) if p.face == face && p.rtl == rtl && p.in_rtl == in_rtl => p.text.push(c),
            _ => out.push(Piece {
                face,
                rtl,
                in_rtl,
                text: c.to_string(),
            }),
        }
    }
    out
}

fn shaper_font(face: Face) -> Option<&'static harfrust::Font> {
    static SANS: LazyLock<Option<harfrust::Font>> =
        LazyLock::new(|| harfrust::Font::new(Face::Sans.data(), 0));
    static NASKH: LazyLock<Option<harfrust::Font>> =
        LazyLock::new(|| harfrust::Font::new(Face::Naskh.data(), 0));
    match face {
        Face::Sans => SANS.as_ref(),
        Face::Naskh => NASKH.as_ref(),
    }
}

type PlanKey = (Face, Direction, Option<harfrust::Script>);

/// Shaping plans are costly to make and few: one per face, direction and
/// script.
fn plan(font: &harfrust::Font, key: PlanKey) -> Arc<ShapePlan> {
    static PLANS: LazyLock<Mutex<HashMap<PlanKey, Arc<ShapePlan>>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut plans = PLANS.lock().unwrap_or_else(|e| e.into_inner());
    plans
        .entry(key)
        .or_insert_with(|| Arc::new(ShapePlan::new(font, key.1, key.2, None, &[])))
        .clone()
}

fn shape_piece(piece: &Piece) -> Run {
    let glyphs = shaper_font(piece.face)
        .and_then(|font| shaped(font, piece))
        .unwrap_or_else(|| unshaped(piece));
    Run {
        face: piece.face,
        glyphs,
    }
}

fn shaped(font: &harfrust::Font, piece: &Piece) -> Option<Vec<Glyph>> {
    let direction = if piece.rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    };
    let mut buffer = Buffer::new();
    buffer.push_str(&piece.text);
    buffer.set_direction(direction);
    buffer.set_cluster_level(ClusterLevel::MonotoneCharacters);
    buffer.set_flags(BufferFlags::REMOVE_DEFAULT_IGNORABLES);
    buffer.guess_segment_properties();
    let plan = plan(font, (piece.face, direction, buffer.script()));
    let shaper = ShaperFont::new(font);
    harfrust::shape(&shaper, &mut buffer, ShapeOptions::new().plan(Some(&plan))).ok()?;

    // The text of each cluster runs to the start of the next one.
    let mut starts: Vec<usize> = buffer
        .glyph_infos()
        .iter()
        .map(|info| info.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    // Readers (poppler, pdf.js) take a right-to-left run's text in the
    // order it is drawn and turn it round, so a glyph standing for several
    // letters there gives them in drawn order too.
    let text_of = |cluster: usize| -> String {
        let end = starts
            .iter()
            .find(|&&s| s > cluster)
            .copied()
            .unwrap_or(piece.text.len());
        let letters = piece
            .text
            .get(cluster..end)
            .unwrap_or("")
            .chars()
            .filter(|&c| !is_format(c));
        if piece.rtl {
            letters.rev().collect()
        } else {
            letters.collect()
        }
    };
    let scale = piece.face.scale();
    let mut told = std::collections::HashSet::new();
    Some(
        buffer
            .glyph_infos()
            .iter()
            .zip(buffer.glyph_positions())
            .map(|(info, position)| {
                let cluster = info.cluster as usize;
                Glyph {
                    id: u16::try_from(info.glyph_id).unwrap_or(0),
                    advance: position.x_advance as f32 * scale,
                    dx: position.x_offset as f32 * scale,
                    dy: position.y_offset as f32 * scale,
                    text: if told.insert(cluster) {
                        text_of(cluster)
                    } else {
                        String::new()
                    },
                }
            })
            .collect(),
    )
}

/// One glyph per character, from the character map alone: what is drawn
/// if the shaper cannot be used.
fn unshaped(piece: &Piece) -> Vec<Glyph> {
    let mut glyphs: Vec<Glyph> = piece
        .text
        .chars()
        .filter(|&c| !is_format(c))
        .map(|c| {
            let id = piece.face.glyph(c).unwrap_or(0);
            Glyph {
                id,
                advance: piece.face.advance(id),
                dx: 0.0,
                dy: 0.0,
                text: c.to_string(),
            }
        })
        .collect();
    if piece.rtl {
        glyphs.reverse();
    }
    glyphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(text: &str) -> String {
        shape(text)
            .iter()
            .flat_map(|r| &r.glyphs)
            .map(|g| g.text.as_str())
            .collect()
    }

    fn faces(text: &str) -> Vec<Face> {
        shape(text).iter().map(|r| r.face).collect()
    }

    #[test]
    fn right_to_left_stretches_are_drawn_from_the_right() {
        assert_eq!(drawn("Mr محمد علي, 12"), "Mr يلع دمحم, 12");
        assert_eq!(drawn("plain"), "plain");
        // A number inside a right-to-left stretch keeps its own order.
        assert_eq!(drawn("علی 12 رضا"), "اضر 12 یلع");
    }

    #[test]
    fn each_run_is_set_in_the_first_face_that_has_it() {
        assert_eq!(faces("Łukasz Wójcik"), vec![Face::Sans]);
        assert_eq!(faces("Mr علی رضا"), vec![Face::Sans, Face::Naskh]);
        assert_eq!(faces("بے"), vec![Face::Naskh]);
        // Hebrew is not in Naskh, so it falls back to DejaVu.
        assert_eq!(faces("שרה"), vec![Face::Sans]);
    }

    #[test]
    fn arabic_is_joined_with_its_ligatures() {
        // Noto Naskh draws lam-alef as a lam shaped for it with the alef
        // set inside it, taking no room of its own.
        let run = &shape("لا")[0];
        assert_eq!(run.face, Face::Naskh);
        let alef = run.glyphs.iter().find(|g| g.text == "ا").unwrap();
        assert_ne!(Some(alef.id), Face::Naskh.glyph('ا'), "{run:?}");
        assert_eq!(alef.advance, 0.0, "{run:?}");
        // The name of God is one glyph, read back as its letters (in the
        // order drawn, as readers turn a right-to-left run round).
        let run = &shape("لله")[0];
        assert_eq!(run.glyphs.len(), 1, "{run:?}");
        assert_eq!(run.glyphs[0].text, "هلل");
        // A joined letter is not its isolated form.
        let isolated = Face::Naskh.glyph('م').unwrap();
        let joined = &shape("محمد")[0].glyphs;
        assert_eq!(joined.len(), 4);
        // Drawn right to left: the first letter is the last glyph.
        assert_eq!(joined[3].text, "م");
        assert_ne!(joined[3].id, isolated);
    }

    #[test]
    fn missing_characters_print_as_the_replacement_character() {
        assert_eq!(drawn("a\u{4E2D}b"), "a\u{FFFD}b");
        assert!(!drawn("Anne\u{00AD}Marie").contains('\u{00AD}'));
    }

    #[test]
    fn widths_come_from_the_shaped_glyphs() {
        assert!(text_width("W", 10.0) > text_width("i", 10.0));
        assert_eq!(text_width("", 10.0), 0.0);
        assert!(text_width("علی رضا", 10.0) > 0.0);
    }
}

//! Number plates in a video. OCR reads the frames once a second (less
//! often on a long video) and places every word it reads on the sample
//! it was read from; a vehicle registration that detection finds in that
//! text is followed over the samples: on each one the boxes of its words
//! make one box, and boxes of the same plate on samples close enough in
//! time make one track. A track becomes one suggested area mark per
//! sample, sharing a person key `plate-N`, like a face track: the
//! caseworker keeps or blacks out the whole of it, and its rendition
//! fills the box black between the samples too (see `super::blur`).

use std::collections::BTreeMap;

use crate::detect::{DataKind, Finding};
use crate::extract::Page;
use crate::marks::{MarkSource, NewMark, Target, Whose};
use crate::media::video;

/// The kind of a plate mark.
pub const PLATE: DataKind = DataKind::VehicleReg;
/// Intervals between the frames OCR read that a plate may be missed on
/// (misread, or hidden for a moment) and still be one track.
pub const MAX_GAP: u32 = 2;

/// The person key of plate track `n`.
pub fn track_key(n: u32) -> String {
    format!("plate-{n}")
}

/// One plate followed over samples.
#[derive(Debug, Clone, PartialEq)]
pub struct PlateTrack {
    /// 1, 2, … in order of first appearance.
    pub number: u32,
    /// The plate as first read.
    pub text: String,
    /// `(sample, box)` in sample order, in the video's pixels.
    pub boxes: Vec<(u32, [f32; 4])>,
}

/// A plate's letters and digits, upper case: "ab12 cde" and "AB12CDE"
/// are one plate.
fn plate_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The tracks of the plates `found` (vehicle registrations detected in
/// the video's text) on `pages` (its OCR'd samples, page `k + 1` being
/// sample `k`), read every `interval` seconds.
pub fn tracks(found: &[Finding], pages: &[Page], interval: f64) -> Vec<PlateTrack> {
    // Every place in the text where each plate was written.
    let mut plates: BTreeMap<String, (String, Vec<(usize, usize)>)> = BTreeMap::new();
    for f in found.iter().filter(|f| f.kind == PLATE) {
        plates
            .entry(plate_key(&f.text))
            .or_insert_with(|| (f.text.clone(), Vec::new()))
            .1
            .push((f.start, f.end));
    }
    let samples_apart = ((interval * video::RATE).round() as u32).max(1) * (MAX_GAP + 1);
    let mut out: Vec<PlateTrack> = Vec::new();
    for (text, ranges) in plates.into_values() {
        let mut seen: BTreeMap<u32, [f32; 4]> = BTreeMap::new();
        for page in pages {
            let boxes = page
                .words
                .iter()
                .filter(|w| ranges.iter().any(|&(s, e)| w.start < e && s < w.end))
                .map(|w| w.bbox)
                .filter(|b| b.iter().all(|v| v.is_finite()) && b[0] < b[2] && b[1] < b[3]);
            let Some(rect) = boxes.reduce(union) else {
                continue;
            };
            let sample = page.number.saturating_sub(1);
            seen.entry(sample)
                .and_modify(|r| *r = union(*r, rect))
                .or_insert(rect);
        }
        let mut current: Option<PlateTrack> = None;
        for (sample, rect) in seen {
            match current.as_mut() {
                Some(track) if sample - track.boxes[track.boxes.len() - 1].0 <= samples_apart => {
                    track.boxes.push((sample, rect))
                }
                _ => {
                    out.extend(current.take());
                    current = Some(PlateTrack {
                        number: 0,
                        text: text.clone(),
                        boxes: vec![(sample, rect)],
                    });
                }
            }
        }
        out.extend(current);
    }
    out.sort_by_key(|t| t.boxes[0].0);
    for (n, track) in out.iter_mut().enumerate() {
        track.number = n as u32 + 1;
    }
    out
}

fn union(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// The suggested marks of `tracks` on item `item_id`: one a sample, each
/// holding the plate's text so the leak check looks for it.
pub fn marks_of(item_id: i64, tracks: &[PlateTrack], whose: Whose) -> Vec<NewMark> {
    tracks
        .iter()
        .flat_map(|track| {
            track.boxes.iter().map(move |&(sample, rect)| NewMark {
                item_id,
                target: Target::Area {
                    page: sample + 1,
                    rect,
                },
                text: track.text.clone(),
                kind: PLATE,
                whose,
                person: track_key(track.number),
                reason: "third-party".into(),
                confidence: Some(0.8),
                source: MarkSource::Detect,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Word;

    fn page(number: u32, words: &[(usize, usize, f32)]) -> Page {
        Page {
            number,
            width: 640.0,
            height: 360.0,
            words: words
                .iter()
                .map(|&(start, end, x)| Word {
                    start,
                    end,
                    bbox: [x, 280.0, x + 60.0, 310.0],
                })
                .collect(),
        }
    }

    fn plate(start: usize, text: &str) -> Finding {
        Finding {
            start,
            end: start + text.len(),
            kind: PLATE,
            text: text.into(),
            confidence: 0.8,
        }
    }

    #[test]
    fn a_plate_read_on_neighbouring_samples_is_one_track_and_a_late_return_another() {
        // "[00:00] AB12 CDE\n" written once; read again (same words) on
        // samples 2 and 4; gone, then back on sample 20 and written anew.
        let found = [plate(8, "AB12 CDE"), plate(40, "AB12CDE")];
        let pages = [
            page(1, &[(8, 12, 400.0), (13, 16, 470.0)]),
            page(3, &[(8, 12, 390.0), (13, 16, 460.0), (0, 7, 10.0)]),
            page(5, &[(8, 12, 380.0), (13, 16, 450.0)]),
            page(21, &[(40, 47, 100.0)]),
        ];
        let tracks = tracks(&found, &pages, 1.0);
        assert_eq!(tracks.len(), 2, "{tracks:?}");
        assert_eq!(tracks[0].number, 1);
        assert_eq!(tracks[0].text, "AB12 CDE");
        let samples: Vec<u32> = tracks[0].boxes.iter().map(|b| b.0).collect();
        assert_eq!(samples, [0, 2, 4]);
        assert_eq!(tracks[0].boxes[1].1, [390.0, 280.0, 520.0, 310.0]);
        assert_eq!(tracks[1].boxes, vec![(20, [100.0, 280.0, 160.0, 310.0])]);

        let marks = marks_of(9, &tracks, Whose::ThirdParty);
        assert_eq!(marks.len(), 4);
        assert_eq!(marks[2].person, "plate-1");
        assert_eq!(marks[2].text, "AB12 CDE");
        assert_eq!(
            marks[3].target,
            Target::Area {
                page: 21,
                rect: [100.0, 280.0, 160.0, 310.0]
            }
        );
    }

    #[test]
    fn other_findings_and_unplaced_plates_make_no_track() {
        let mut phone = plate(0, "0161 496 0000");
        phone.kind = DataKind::Phone;
        let pages = [page(1, &[(0, 4, 10.0)])];
        assert!(tracks(&[phone], &pages, 1.0).is_empty());
        assert!(tracks(&[plate(50, "YT70ABC")], &pages, 1.0).is_empty());
    }
}

//! The leak check of a redacted video: its faces found again, frame by
//! sampled frame, and any face lying mostly inside a window that should
//! have hidden it, at a time the window covers, is a leak. Its metadata
//! read again with `ffprobe`: any tag beyond the container's own
//! bookkeeping is a leak too.

use std::collections::BTreeMap;

use super::blur::Window;
use crate::media::video::tracks::Face;

/// Share of a found face inside a window that makes it one the window
/// should have hidden.
const INSIDE: f32 = 0.6;

/// The times (seconds) and boxes of faces found on `found` (samples of
/// the rendition, `rate` a second) that `windows` should have hidden.
pub fn unblurred(
    found: &[Vec<Face>],
    rate: f64,
    windows: &[Window],
    frame: (u32, u32),
) -> Vec<(f64, [f32; 4])> {
    let mut leaks = Vec::new();
    for (k, faces) in found.iter().enumerate() {
        let t = k as f64 / rate;
        for w in windows.iter().filter(|w| w.start < t && t < w.end) {
            let area = w.rect(t, frame);
            for face in faces {
                if inside(face.rect, area) >= INSIDE {
                    leaks.push((t, face.rect));
                }
            }
        }
    }
    leaks
}

/// The times and boxes of faces found on `found` (samples of the
/// rendition, `rate` a second) that no face of the original's tracks
/// accounts for — `tracked`, at `(seconds, box)` — and no window was
/// there to hide: a face the review never saw. A face is accounted for
/// when half of it lies inside a tracked box, grown by half its size, from
/// a sample no further away than a track may skip.
pub fn untracked(
    found: &[Vec<Face>],
    rate: f64,
    tracked: &[(f64, [f32; 4])],
    windows: &[Window],
    frame: (u32, u32),
) -> Vec<(f64, [f32; 4])> {
    let near = f64::from(crate::media::video::tracks::MAX_GAP + 1) / rate;
    let mut leaks = Vec::new();
    for (k, faces) in found.iter().enumerate() {
        let t = k as f64 / rate;
        for face in faces {
            let hidden = windows
                .iter()
                .filter(|w| w.start < t && t < w.end)
                .any(|w| inside(face.rect, w.rect(t, frame)) >= INSIDE);
            let known = tracked
                .iter()
                .any(|&(at, rect)| (at - t).abs() <= near && inside(face.rect, grown(rect)) >= 0.5);
            if !hidden && !known {
                leaks.push((t, face.rect));
            }
        }
    }
    leaks
}

/// `rect` grown by half its width and height on every side.
fn grown(rect: [f32; 4]) -> [f32; 4] {
    let (w, h) = ((rect[2] - rect[0]) / 2.0, (rect[3] - rect[1]) / 2.0);
    [rect[0] - w, rect[1] - h, rect[2] + w, rect[3] + h]
}

/// The share of `face` lying inside `area`.
fn inside(face: [f32; 4], area: [f32; 4]) -> f32 {
    let w = (face[2].min(area[2]) - face[0].max(area[0])).max(0.0);
    let h = (face[3].min(area[3]) - face[1].max(area[1])).max(0.0);
    let own = (face[2] - face[0]).max(0.0) * (face[3] - face[1]).max(0.0);
    if own > 0.0 {
        w * h / own
    } else {
        0.0
    }
}

/// Tags an MP4 writer adds about its own layout, which say nothing about
/// the recording or who made it (besides these, the plain encoder name
/// the rendition is given, and an undetermined language).
const BOOKKEEPING: [&str; 5] = [
    "major_brand",
    "minor_version",
    "compatible_brands",
    "handler_name",
    "vendor_id",
];

/// The tags of `ffprobe -show_format -show_streams` JSON that a redacted
/// video must not carry: all but the container's bookkeeping.
pub fn stray_tags(json: &[u8]) -> Result<Vec<String>, String> {
    #[derive(serde::Deserialize)]
    struct Tagged {
        #[serde(default)]
        tags: BTreeMap<String, String>,
    }
    #[derive(serde::Deserialize)]
    struct Output {
        #[serde(default)]
        streams: Vec<Tagged>,
        format: Option<Tagged>,
    }
    let out: Output =
        serde_json::from_slice(json).map_err(|e| format!("ffprobe gave no description: {e}"))?;
    Ok(out
        .format
        .iter()
        .chain(&out.streams)
        .flat_map(|t| &t.tags)
        .filter(|(k, v)| {
            let harmless = BOOKKEEPING.contains(&k.to_ascii_lowercase().as_str())
                || (k.as_str() == "language" && v.as_str() == "und")
                || format!("{k}={v}") == super::blur::ENCODER_TAG;
            !harmless
        })
        .map(|(k, v)| format!("{k}={v}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_face_inside_a_live_window_is_a_leak_and_one_beside_it_is_not() {
        let window = Window {
            start: 0.0,
            end: 2.0,
            width: 100,
            height: 100,
            centres: vec![(0.0, 100.0, 100.0), (1.5, 200.0, 100.0)],
            black: false,
        };
        let face = |x: f32| Face {
            rect: [x, 70.0, x + 50.0, 130.0],
            score: 0.9,
        };
        // At 1.0 s the window's centre is at x 166.7: its box 116.7..216.7.
        let found = vec![
            vec![],
            vec![],
            vec![face(140.0), face(230.0)],
            vec![],
            vec![face(140.0)],
        ];
        let leaks = unblurred(&found, 2.0, &[window], (640, 360));
        assert_eq!(leaks, vec![(1.0, face(140.0).rect)]);
    }

    #[test]
    fn a_face_far_from_every_track_and_window_is_untracked() {
        let face = |x: f32| Face {
            rect: [x, 70.0, x + 50.0, 130.0],
            score: 0.9,
        };
        // A tracked face at 0.5 s near x 100; at 1.0 s a face has moved a
        // little (accounted for) and another stands far off (not).
        let tracked = [(0.5, face(100.0).rect)];
        let found = vec![vec![], vec![face(100.0)], vec![face(120.0), face(400.0)]];
        let leaks = untracked(&found, 2.0, &tracked, &[], (640, 360));
        assert_eq!(leaks, vec![(1.0, face(400.0).rect)]);
        // Long after the track, even its own place is not accounted for.
        let late: Vec<Vec<Face>> = (0..12)
            .map(|k| if k == 11 { vec![face(100.0)] } else { vec![] })
            .collect();
        assert_eq!(untracked(&late, 2.0, &tracked, &[], (640, 360)).len(), 1);
    }

    #[test]
    fn only_bookkeeping_tags_may_remain() {
        let clean = br#"{"streams":[{"tags":{"language":"und","encoder":"H.264","handler_name":"VideoHandler","vendor_id":"[0][0][0][0]"}}],
            "format":{"tags":{"major_brand":"isom","minor_version":"512","compatible_brands":"isomiso2avc1mp41"}}}"#;
        assert!(stray_tags(clean).unwrap().is_empty());
        let dirty = br#"{"streams":[{"tags":{"creation_time":"2026-11-03T14:22:05Z"}}],"format":{"tags":{"encoder":"Lavf61"}}}"#;
        assert_eq!(stray_tags(dirty).unwrap().len(), 2);
    }
}

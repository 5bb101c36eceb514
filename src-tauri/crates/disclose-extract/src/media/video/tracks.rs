//! Face detections on consecutive sampled frames linked into tracks: a
//! detection joins the track whose last box it overlaps most (or, for a
//! face that moved far between two samples, whose last box is nearest),
//! and a track survives a few samples without a detection, so a face the
//! detector misses for a moment stays one track and is blurred through
//! the gap (see `super::blur`).

use serde::{Deserialize, Serialize};

/// Samples a track may go without a detection and still continue.
pub const MAX_GAP: u32 = 2;

/// A face found on one sampled frame, in the video's pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Face {
    pub rect: [f32; 4],
    pub score: f32,
}

/// One face followed over samples: `(sample, face)` in sample order
/// (sample 0 is the first frame, sample `k` lies at `k / rate` seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub number: u32,
    pub faces: Vec<(u32, Face)>,
}

impl Track {
    fn last(&self) -> (u32, Face) {
        self.faces[self.faces.len() - 1]
    }
}

/// Intersection over union of two boxes.
pub fn iou(a: [f32; 4], b: [f32; 4]) -> f32 {
    let w = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let h = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let inter = w * h;
    let area = |r: [f32; 4]| (r[2] - r[0]).max(0.0) * (r[3] - r[1]).max(0.0);
    let union = area(a) + area(b) - inter;
    if union > 0.0 {
        inter / union
    } else {
        0.0
    }
}

/// How well a face continues a track's last box, seen `steps` samples
/// ago: its overlap, or for a face with little overlap whose centre lies
/// within one box size a step of the last centre, a small positive score;
/// `None` for no match.
fn affinity(last: [f32; 4], face: [f32; 4], steps: u32) -> Option<f32> {
    let overlap = iou(last, face);
    if overlap >= 0.2 {
        return Some(overlap);
    }
    let centre = |r: [f32; 4]| ((r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0);
    let ((ax, ay), (bx, by)) = (centre(last), centre(face));
    let size = (last[2] - last[0]).max(last[3] - last[1]) * steps as f32;
    let distance = ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt();
    (distance <= size).then(|| 0.1 * (1.0 - distance / size.max(1.0)))
}

/// Links `frames` (the faces found on each sample, in order) into tracks,
/// numbered from 1 in order of first appearance.
pub fn link(frames: &[Vec<Face>]) -> Vec<Track> {
    let mut tracks: Vec<Track> = Vec::new();
    for (sample, faces) in frames.iter().enumerate() {
        let sample = sample as u32;
        let open: Vec<usize> = (0..tracks.len())
            .filter(|&t| sample - tracks[t].last().0 <= MAX_GAP + 1)
            .collect();
        // Every (track, face) pair that could match, best first.
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for &t in &open {
            for (f, face) in faces.iter().enumerate() {
                let (seen, last) = tracks[t].last();
                if let Some(score) = affinity(last.rect, face.rect, sample - seen) {
                    pairs.push((score, t, f));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut taken_track = vec![false; tracks.len()];
        let mut taken_face = vec![false; faces.len()];
        for (_, t, f) in pairs {
            if taken_track[t] || taken_face[f] {
                continue;
            }
            taken_track[t] = true;
            taken_face[f] = true;
            tracks[t].faces.push((sample, faces[f]));
        }
        for (f, face) in faces.iter().enumerate() {
            if !taken_face[f] {
                tracks.push(Track {
                    number: tracks.len() as u32 + 1,
                    faces: vec![(sample, *face)],
                });
            }
        }
    }
    tracks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(x: f32, y: f32) -> Face {
        Face {
            rect: [x, y, x + 50.0, y + 60.0],
            score: 0.9,
        }
    }

    #[test]
    fn moving_faces_stay_apart_and_gaps_are_bridged() {
        // Face A walks right 15 px a sample; face B walks left 40 px a
        // sample (no overlap from one sample to the next) and is missed
        // on sample 2; face C appears on sample 3.
        let frames = vec![
            vec![face(0.0, 0.0), face(400.0, 0.0)],
            vec![face(360.0, 0.0), face(15.0, 0.0)],
            vec![face(30.0, 0.0)],
            vec![face(280.0, 0.0), face(45.0, 0.0), face(200.0, 300.0)],
        ];
        let tracks = link(&frames);
        assert_eq!(tracks.len(), 3);
        let samples = |t: &Track| t.faces.iter().map(|(s, _)| *s).collect::<Vec<_>>();
        assert_eq!(samples(&tracks[0]), [0, 1, 2, 3]);
        assert_eq!(tracks[0].faces[3].1.rect[0], 45.0);
        assert_eq!(samples(&tracks[1]), [0, 1, 3]);
        assert_eq!(tracks[1].faces[2].1.rect[0], 280.0);
        assert_eq!(samples(&tracks[2]), [3]);
        assert_eq!(tracks[2].number, 3);
    }

    #[test]
    fn a_track_ends_after_a_long_gap() {
        let mut frames = vec![vec![face(0.0, 0.0)]];
        frames.extend(std::iter::repeat_n(vec![], MAX_GAP as usize + 1));
        frames.push(vec![face(0.0, 0.0)]);
        assert_eq!(link(&frames).len(), 2);
        assert!(link(&[]).is_empty());
        assert!((iou([0.0, 0.0, 10.0, 10.0], [5.0, 0.0, 15.0, 10.0]) - 1.0 / 3.0).abs() < 1e-6);
    }
}

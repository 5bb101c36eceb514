//! CCTV and other video: recognised by its bytes ([`is_video`]),
//! described by `ffprobe` ([`describe`]), its burnt-in text (timestamps,
//! camera names, number plates) read by Tesseract from sampled frames
//! ([`extract_video`]), its faces found ([`faces`]) and followed
//! ([`tracks`]) on frames sampled [`RATE`] times a second. The redacted
//! rendition and its leak check, which work from a case's marks, are the
//! engine's (`disclose_core::cctv`).
//!
//! Time on a video is counted in samples: sample `k` lies at `k / RATE`
//! seconds, and is the item's page `k + 1` (see `crate::cctv` for how
//! tracks and drawn areas become marks). Everything is done on the first
//! [`MAX_SECONDS`]; the rendition ends there.

pub mod describe;
pub mod faces;
pub mod frames;
pub mod tracks;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use super::tools::Tool;
use crate::{ExtractError, Extracted, Page, Word};

/// FFmpeg may read local files only, and only with the demuxers of the
/// video containers Disclose knows (MP4/MOV, AVI, Matroska/WebM, MPEG-TS).
pub const GUARD: [&str; 4] = [
    "-protocol_whitelist",
    "file",
    "-format_whitelist",
    "mov,avi,matroska,mpegts",
];
/// The metadata key set once the text in a video's frames has been read
/// (the leak check fails a rendition whose text could not be).
pub const TEXT_READ_BY: &str = "frames-read-by";
/// Frames sampled a second, for faces.
pub const RATE: f64 = 2.0;
/// Frames read by OCR a second, at most.
const OCR_RATE: f64 = 1.0;
/// Most frames read by OCR in one video.
const OCR_FRAMES: f64 = 240.0;
/// Most of a video handled, in seconds.
pub const MAX_SECONDS: f64 = 3600.0;
/// Lowest confidence (0–100) of an OCR word kept.
const OCR_CONFIDENCE: f32 = 50.0;

/// Whether `head` (the first bytes of a file) is a video container: MP4
/// or QuickTime (other than an M4A sound file), AVI, Matroska or WebM.
pub fn is_video(head: &[u8]) -> bool {
    let ftyp = head.len() >= 12
        && &head[4..8] == b"ftyp"
        && !matches!(
            &head[8..12],
            b"M4A " | b"M4B " | b"M4P " | b"avif" | b"avis" | b"heic" | b"heix" | b"mif1" | b"msf1"
        );
    let avi = head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"AVI ";
    let ebml = head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]);
    // Old QuickTime files start with a `moov`, `mdat`, `wide` or `free` atom.
    let quicktime = head.len() >= 8 && matches!(&head[4..8], b"moov" | b"mdat" | b"wide");
    ftyp || avi || ebml || quicktime
}

/// Seconds of a video of `duration` seconds that Disclose handles; a
/// video whose length is not known (0) is handled to [`MAX_SECONDS`] or
/// its end, whichever comes first.
pub fn covered(duration: f64) -> f64 {
    if duration > 0.0 {
        duration.min(MAX_SECONDS)
    } else {
        MAX_SECONDS
    }
}

/// The number of samples in `duration` seconds.
pub fn samples(duration: f64) -> u32 {
    ((covered(duration) * RATE).ceil() as u32).max(1)
}

/// Seconds between the frames OCR reads on a video of `duration`
/// seconds: one, or more on a long video (at most [`OCR_FRAMES`] read).
pub fn ocr_interval(duration: f64) -> f64 {
    let span = covered(duration).max(0.1);
    1.0 / OCR_RATE.min(OCR_FRAMES / span)
}

/// The time of a page (sample) number.
pub fn page_time(page: u32) -> f64 {
    f64::from(page.saturating_sub(1)) / RATE
}

fn unreadable(e: String) -> ExtractError {
    if e.contains("not installed") {
        ExtractError::Unsupported(format!("video: {e}"))
    } else {
        ExtractError::Corrupt(format!("unreadable video: {e}"))
    }
}

/// Reads a video: its description, and the text burnt into its frames as
/// its text, each line with the time it appeared and each word placed on
/// the sample it was read from. A video whose text cannot be read keeps
/// its description, with the reason as a warning.
pub fn extract_video(data: &[u8]) -> Result<Extracted, ExtractError> {
    let dir = tempfile::tempdir()
        .map_err(|e| ExtractError::Corrupt(format!("no temporary folder: {e}")))?;
    let input = dir.path().join("video");
    std::fs::write(&input, data).map_err(|e| ExtractError::Corrupt(e.to_string()))?;
    let video = describe::describe(&input, dir.path()).map_err(unreadable)?;
    let mut out = Extracted {
        metadata: video.metadata.clone(),
        date: video.created,
        ..Extracted::default()
    };
    out.metadata
        .insert("frame-samples".into(), format!("{RATE} a second"));
    if video.duration > MAX_SECONDS {
        out.warnings.push(format!(
            "only the first {} minutes are read and disclosed",
            MAX_SECONDS as u64 / 60
        ));
    }
    match burnt_in_text(&input, &video, dir.path()) {
        Ok((text, pages)) => {
            out.text = text;
            out.pages = pages;
            out.metadata.insert(TEXT_READ_BY.into(), "tesseract".into());
        }
        Err(e) => out
            .warnings
            .push(format!("text in the frames not read: {e}")),
    }
    Ok(out)
}

/// The text Tesseract reads on frames taken once a second (fewer on a
/// long video): a line is written out, after its time `[mm:ss]`, when it
/// shows a word the frame before did not (a clock's every second, a
/// camera's name once, a plate as it passes).
fn burnt_in_text(
    input: &Path,
    video: &describe::Video,
    dir: &Path,
) -> Result<(String, Vec<Page>), String> {
    let span = covered(video.duration).max(0.1);
    let rate = 1.0 / ocr_interval(video.duration);
    // Small frames are enlarged for Tesseract, large ones reduced.
    let scale = if video.width < 1000 {
        2.0
    } else if video.width > 2000 {
        0.5
    } else {
        1.0
    };
    let pngs = frames::grey_pngs(input, span, rate, scale, dir)?;
    let tesseract = Tool {
        program: "tesseract".into(),
        package: "Debian package tesseract-ocr",
    };
    let mut text = String::new();
    let mut pages: Vec<Page> = Vec::new();
    let mut previous: Vec<String> = Vec::new();
    let mut written: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    for (i, png) in pngs.iter().enumerate() {
        let t = i as f64 / rate;
        let args: Vec<&std::ffi::OsStr> = vec![
            png.as_os_str(),
            "stdout".as_ref(),
            "-l".as_ref(),
            "eng".as_ref(),
            "--psm".as_ref(),
            "3".as_ref(),
            "tsv".as_ref(),
        ];
        let tsv = tesseract.run(&args, Duration::from_secs(60), dir)?;
        let _ = std::fs::remove_file(png);
        let lines: Vec<Vec<(String, [f32; 4], f32)>> =
            crate::ocr::parse_tsv(&String::from_utf8_lossy(&tsv), 1.0 / scale as f32)
                .into_iter()
                .map(|line| {
                    line.into_iter()
                        .filter(|(w, _, conf)| {
                            *conf >= OCR_CONFIDENCE && w.chars().any(char::is_alphanumeric)
                        })
                        .collect::<Vec<_>>()
                })
                // A lone letter or digit is more often a face or a shadow
                // misread than text.
                .filter(|line| {
                    line.iter()
                        .any(|(w, _, _)| w.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
                })
                .collect();
        let seen: Vec<String> = lines
            .iter()
            .flat_map(|l| l.iter().map(|w| w.0.clone()))
            .collect();
        let page_number = (t * RATE).round() as u32 + 1;
        let mut words = Vec::new();
        for line in &lines {
            // A line is written out when it shows a word the frame before
            // did not; one that is not still places its words on this
            // sample, at the text where each was last written, so a
            // plate parked in view has a box on every frame read.
            if line.iter().all(|(w, _, _)| previous.contains(w)) {
                for (word, bbox, _) in line {
                    if let Some(&(start, end)) = written.get(word) {
                        words.push(Word {
                            start,
                            end,
                            bbox: *bbox,
                        });
                    }
                }
                continue;
            }
            let secs = t as u64;
            text.push_str(&format!("[{:02}:{:02}] ", secs / 60, secs % 60));
            for (n, (word, bbox, _)) in line.iter().enumerate() {
                if n > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(word);
                written.insert(word.clone(), (start, text.len()));
                words.push(Word {
                    start,
                    end: text.len(),
                    bbox: *bbox,
                });
            }
            text.push('\n');
        }
        previous = seen;
        if !words.is_empty() {
            pages.push(Page {
                number: page_number,
                width: video.width as f32,
                height: video.height as f32,
                words,
            });
        }
    }
    Ok((text, pages))
}

/// The faces in the video at `input` (described by its item's
/// `metadata`), followed into tracks; and the model's name.
pub fn face_tracks(
    input: &Path,
    metadata: &BTreeMap<String, String>,
    dir: &Path,
) -> Result<(Vec<tracks::Track>, String), String> {
    let size = frame_size(metadata).ok_or("the video's size is not known")?;
    let duration = metadata
        .get("duration")
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0);
    let (found, model) = faces::find(input, size, samples(duration), RATE, dir)?;
    Ok((tracks::link(&found), model))
}

/// The frame size a video's item metadata records.
pub fn frame_size(metadata: &BTreeMap<String, String>) -> Option<(u32, u32)> {
    let number = |key: &str| metadata.get(key).and_then(|v| v.parse::<u32>().ok());
    Some((number("width")?, number("height")?)).filter(|(w, h)| *w >= 16 && *h >= 16)
}

/// What `ffprobe` says of the video at `path`, as JSON (see
/// [`describe::parse`]).
pub fn probe_json(path: &Path, dir: &Path) -> Result<Vec<u8>, String> {
    super::ffprobe::describe_json(path, dir, &GUARD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn video_containers_are_known_by_their_bytes() {
        assert!(is_video(b"\0\0\0\x20ftypisom\0\0\x02\0"));
        assert!(is_video(b"\0\0\0\x14ftypqt  \0\0\0\0"));
        assert!(
            !is_video(b"\0\0\0\x20ftypM4A \0\0\0\0"),
            "sound is not video"
        );
        assert!(
            !is_video(b"\0\0\0\x1cftypheic\0\0\0\0"),
            "a photo is not video"
        );
        assert!(is_video(b"RIFF\0\0\0\0AVI LIST"));
        assert!(!is_video(b"RIFF\0\0\0\0WAVEfmt "));
        assert!(is_video(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81]));
        assert!(!is_video(b"%PDF-1.7"));
        assert!(!is_video(b""));
    }

    #[test]
    fn pages_are_samples_in_time() {
        assert_eq!(page_time(1), 0.0);
        assert_eq!(page_time(4), 1.5);
        assert_eq!(samples(6.0), 12);
        assert_eq!(samples(0.25), 1);
        assert_eq!(samples(0.0), (MAX_SECONDS * RATE) as u32, "unknown length");
        assert_eq!(samples(1e9), (MAX_SECONDS * RATE) as u32);
        assert_eq!(ocr_interval(6.0), 1.0);
        assert_eq!(ocr_interval(2400.0), 10.0);
    }
}

//! Speech to text with a time for every word. FFmpeg decodes the
//! recording to 16 kHz PCM (both sides of a stereo call kept apart);
//! the speech helper (`transcribe.py`: faster-whisper running the Whisper
//! model a registry package ships) transcribes it offline. The transcript
//! becomes the item's text, one line per stretch of speech, labelled
//! "Caller" (left channel) or "Agent" (right) when the two sides were
//! recorded apart, and its timeline is kept as one page whose x axis is
//! time in seconds and whose y axis is the speaker's lane: every word's
//! box is `[start, lane, end, lane + 1]`. Search, detection and marks use
//! text ranges and boxes, so they work on a transcript unchanged, and a
//! mark's boxes are the times to silence.
//!
//! A side is transcribed in parts of at most 30 s cut at a quiet moment
//! (see `transcribe.py`); each finished part goes to the import, which
//! keeps it in the case, so a cancelled or killed import, run again,
//! transcribes only the parts still missing and ends with the transcript
//! an uninterrupted run gives.

use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

use super::tools::Tool;
use crate::{Page, Word};

const SCRIPT: &str = include_str!("transcribe.py");
/// Most of a recording transcribed, in seconds; the rest is left with a
/// warning (the helper holds the decoded sound in memory).
pub const MAX_SECONDS: f64 = 2400.0;
const DECODE_LIMIT: Duration = Duration::from_secs(300);

/// What the speech helper heard.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Transcript {
    /// The model's name, e.g. `whisper-tiny.en`.
    pub model: String,
    /// 1 for one mix, 2 for a call whose sides were recorded apart.
    pub lanes: u32,
    pub segments: Vec<Segment>,
    /// Why it stopped before the end (an import cancelled), if it did;
    /// the words heard until then are kept.
    #[serde(default)]
    pub stopped: Option<String>,
    /// With `stopped`: how far it had heard on the side it was on, in
    /// seconds.
    #[serde(default)]
    pub heard_to: f64,
    /// Parts an earlier, stopped run had finished, taken as they were
    /// rather than transcribed again, and how many seconds they hold.
    #[serde(default)]
    pub reused: u32,
    #[serde(default)]
    pub reused_seconds: f64,
}

/// A stretch of speech on one side.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Segment {
    pub lane: u32,
    pub words: Vec<Heard>,
}

/// A word and when it was said, in seconds from the start.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Heard {
    pub word: String,
    pub start: f64,
    pub end: f64,
}

/// Transcribes the recording at `input`, which has `channels` channels
/// and lasts `duration` seconds, working in `dir`.
pub fn transcribe(
    input: &Path,
    channels: u32,
    duration: f64,
    dir: &Path,
) -> Result<Transcript, String> {
    let lanes = if channels == 2 { 2 } else { 1 };
    let raw = dir.join("speech.raw");
    let seconds = MAX_SECONDS.to_string();
    let lanes_arg = lanes.to_string();
    let mut decode: Vec<&std::ffi::OsStr> =
        vec!["-nostdin".as_ref(), "-v".as_ref(), "error".as_ref()];
    decode.extend(super::tools::INPUT_GUARD.iter().map(std::ffi::OsStr::new));
    decode.extend_from_slice(&[
        "-i".as_ref(),
        input.as_os_str(),
        "-map".as_ref(),
        "0:a:0".as_ref(),
        "-t".as_ref(),
        seconds.as_ref(),
        "-ac".as_ref(),
        lanes_arg.as_ref(),
        "-ar".as_ref(),
        "16000".as_ref(),
        "-f".as_ref(),
        "s16le".as_ref(),
        "-acodec".as_ref(),
        "pcm_s16le".as_ref(),
        "-y".as_ref(),
        raw.as_os_str(),
    ]);
    Tool::ffmpeg()
        .run(&decode, DECODE_LIMIT, dir)
        .map_err(|e| format!("the sound could not be decoded: {e}"))?;
    let limit = Duration::from_secs_f64(120.0 + 3.0 * duration.min(MAX_SECONDS) * lanes as f64);
    let args: Vec<&std::ffi::OsStr> = vec![
        "-I".as_ref(),
        "-c".as_ref(),
        SCRIPT.as_ref(),
        raw.as_os_str(),
        lanes_arg.as_ref(),
    ];
    let out = Tool::speech()
        .run(&args, limit, dir)
        .map_err(|e| format!("the speech could not be transcribed: {e}"))?;
    let _ = std::fs::remove_file(&raw);
    serde_json::from_slice(&out).map_err(|e| format!("the speech helper gave no transcript: {e}"))
}

/// The label of a side of a call, when its sides were recorded apart.
pub fn speaker(lanes: u32, lane: u32) -> Option<&'static str> {
    match (lanes, lane) {
        (2, 0) => Some("Caller"),
        (2, _) => Some("Agent"),
        _ => None,
    }
}

/// The transcript as text, and its timeline as one page (see the module
/// header) lasting `duration` seconds.
pub fn text_and_timeline(transcript: &Transcript, duration: f64) -> (String, Page) {
    let mut text = String::new();
    let mut words = Vec::new();
    let lanes = transcript.lanes.max(1);
    for segment in &transcript.segments {
        if !text.is_empty() {
            text.push('\n');
        }
        if let Some(label) = speaker(lanes, segment.lane) {
            text.push_str(label);
            text.push_str(": ");
        }
        let mut first = true;
        for heard in &segment.words {
            let word = heard.word.trim();
            if word.is_empty() || !heard.start.is_finite() || !heard.end.is_finite() {
                continue;
            }
            if !first {
                text.push(' ');
            }
            first = false;
            let start = text.len();
            text.push_str(word);
            let lane = segment.lane.min(lanes - 1) as f32;
            words.push(Word {
                start,
                end: text.len(),
                bbox: [
                    heard.start as f32,
                    lane,
                    heard.end.max(heard.start) as f32,
                    lane + 1.0,
                ],
            });
        }
    }
    let page = Page {
        number: 1,
        width: duration.max(0.0) as f32,
        height: lanes as f32,
        words,
    };
    (text, page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(word: &str, start: f64, end: f64) -> Heard {
        Heard {
            word: word.into(),
            start,
            end,
        }
    }

    #[test]
    fn each_word_gets_its_time_and_a_call_its_speakers() {
        let transcript = Transcript {
            model: "m".into(),
            lanes: 2,
            segments: vec![
                Segment {
                    lane: 0,
                    words: vec![heard("Hello,", 0.5, 0.9), heard("Ann", 1.0, 1.4)],
                },
                Segment {
                    lane: 1,
                    words: vec![heard(" Hi.", 2.0, 2.3)],
                },
            ],
            stopped: None,
            heard_to: 0.0,
            reused: 0,
            reused_seconds: 0.0,
        };
        let (text, page) = text_and_timeline(&transcript, 3.0);
        assert_eq!(text, "Caller: Hello, Ann\nAgent: Hi.");
        assert_eq!(page.words.len(), 3);
        assert_eq!(&text[page.words[1].start..page.words[1].end], "Ann");
        assert_eq!(page.words[1].bbox, [1.0, 0.0, 1.4, 1.0]);
        assert_eq!(&text[page.words[2].start..page.words[2].end], "Hi.");
        assert_eq!(page.words[2].bbox[1], 1.0);
        assert_eq!((page.width, page.height), (3.0, 2.0));
    }

    #[test]
    fn one_mix_has_no_speaker_labels() {
        let transcript = Transcript {
            model: "m".into(),
            lanes: 1,
            segments: vec![Segment {
                lane: 0,
                words: vec![
                    heard("Hello", 0.0, 0.4),
                    heard("", 0.5, 0.6),
                    heard("there", f64::NAN, 1.0),
                ],
            }],
            stopped: None,
            heard_to: 0.0,
            reused: 0,
            reused_seconds: 0.0,
        };
        let (text, page) = text_and_timeline(&transcript, 1.0);
        assert_eq!(text, "Hello");
        assert_eq!(page.words.len(), 1);
    }
}

//! Call recordings and other sound files: recognised by their bytes
//! ([`is_audio`]), described by `ffprobe` ([`probe`]), transcribed with a
//! time for every word ([`speech`]). Every outside program runs bounded
//! ([`tools`]). The redacted rendition, which works from a case's marks,
//! is the engine's (`disclose_core::media::redact`).
//!
//! The reader runs inside an import worker like every other reader, so
//! its memory and wall time are capped twice: by the worker and by
//! `prlimit` and a timeout on each program it starts.

mod ffprobe;
pub mod probe;
pub mod speech;
pub mod tools;
pub mod video;

use crate::{ExtractError, Extracted};

/// Metadata key naming the model that transcribed a recording; absent
/// when it could not be transcribed.
pub const TRANSCRIBED_BY: &str = "transcribed-by";
/// Metadata key saying how much of a transcript was kept from an earlier
/// run that stopped part way (see [`speech`]).
pub const RESUMED: &str = "transcription-resumed";
/// Metadata key saying how far a transcription that stopped had got.
pub const TRANSCRIBED_TO: &str = "transcribed-to";

/// Whether `head` (the first bytes of a file) is a sound recording: WAV,
/// MP3, M4A, AAC, OGG (Vorbis, Opus), FLAC, WMA or AMR.
pub fn is_audio(head: &[u8]) -> bool {
    const ASF: [u8; 16] = [
        0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE,
        0x6C,
    ];
    let riff_wave = head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WAVE";
    let m4a =
        head.len() >= 12 && &head[4..8] == b"ftyp" && matches!(&head[8..12], b"M4A " | b"M4B ");
    riff_wave
        || m4a
        || head.starts_with(b"ID3")
        || head.starts_with(b"OggS")
        || head.starts_with(b"fLaC")
        || head.starts_with(b"#!AMR")
        || head.starts_with(&ASF)
        || mpeg_frame(head)
}

/// An MPEG audio frame header (MP3) or an ADTS one (raw AAC) at the
/// start, followed by a second frame where the first says it ends, so a
/// stray 0xFF byte is not taken for sound.
fn mpeg_frame(head: &[u8]) -> bool {
    let header = |at: usize| -> Option<usize> {
        let h = head.get(at..at + 4)?;
        if h[0] != 0xFF || h[1] & 0xE0 != 0xE0 {
            return None;
        }
        let layer = (h[1] >> 1) & 3;
        if layer == 0 {
            // ADTS: the frame length is 13 bits over bytes 3–5.
            let h = head.get(at..at + 6)?;
            let length =
                (usize::from(h[3] & 3) << 11) | (usize::from(h[4]) << 3) | usize::from(h[5] >> 5);
            return (length > 7).then_some(length);
        }
        let version = (h[1] >> 3) & 3;
        let bitrate_index = h[2] >> 4;
        let rate_index = (h[2] >> 2) & 3;
        if version == 1
            || layer != 1
            || bitrate_index == 0
            || bitrate_index == 15
            || rate_index == 3
        {
            return None;
        }
        let mpeg1 = version == 3;
        const KBPS_V1: [usize; 15] = [
            0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
        ];
        const KBPS_V2: [usize; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
        let kbps = if mpeg1 { KBPS_V1 } else { KBPS_V2 }[usize::from(bitrate_index)];
        let rate = [44_100, 48_000, 32_000][usize::from(rate_index)]
            / if mpeg1 {
                1
            } else if version == 2 {
                2
            } else {
                4
            };
        let padding = usize::from((h[2] >> 1) & 1);
        let samples = if mpeg1 { 144 } else { 72 };
        Some(samples * kbps * 1000 / rate + padding)
    };
    match header(0) {
        Some(length) => head.len() < length + 4 || header(length).is_some(),
        None => false,
    }
}

/// Reads a recording: its description, and its transcript as the text
/// with the timeline as its one page. A recording that cannot be
/// transcribed keeps its description, with the reason as a warning.
pub fn extract_audio(data: &[u8]) -> Result<Extracted, ExtractError> {
    let dir = tempfile::tempdir()
        .map_err(|e| ExtractError::Corrupt(format!("no temporary folder: {e}")))?;
    let input = dir.path().join("recording");
    std::fs::write(&input, data).map_err(|e| ExtractError::Corrupt(e.to_string()))?;
    let described = probe::probe(&input, dir.path()).map_err(|e| {
        if e.contains("not installed") {
            ExtractError::Unsupported(format!("sound recording: {e}"))
        } else {
            ExtractError::Corrupt(format!("unreadable sound recording: {e}"))
        }
    })?;
    let mut out = Extracted {
        metadata: described.metadata.clone(),
        date: described.created,
        ..Extracted::default()
    };
    match speech::transcribe(&input, described.channels, described.duration, dir.path()) {
        Ok(transcript) => {
            let (text, page) = speech::text_and_timeline(&transcript, described.duration);
            match &transcript.stopped {
                // Stopped part way: the words heard are kept, the item is
                // partial, and it does not count as transcribed (the leak
                // check cannot clear a rendition heard only in part).
                Some(why) => {
                    let lane = if transcript.lanes == 2 {
                        match transcript.segments.last().map(|s| s.lane) {
                            Some(1) => " (the agent's side; the caller's was done)",
                            _ => " (the caller's side)",
                        }
                    } else {
                        ""
                    };
                    out.metadata.insert(
                        TRANSCRIBED_TO.into(),
                        format!("{:.0} s{lane}", transcript.heard_to),
                    );
                    out.warnings.push(format!(
                        "transcribed to {}{lane} of {}, then stopped: {why}; the words heard so far are kept",
                        clock(transcript.heard_to),
                        clock(described.duration)
                    ));
                }
                None => {
                    out.metadata
                        .insert(TRANSCRIBED_BY.into(), transcript.model.clone());
                }
            }
            if transcript.reused > 0 {
                out.metadata.insert(
                    RESUMED.into(),
                    format!(
                        "{} parts ({}) heard by an earlier, stopped run",
                        transcript.reused,
                        clock(transcript.reused_seconds)
                    ),
                );
            }
            if transcript.lanes == 2 {
                out.metadata
                    .insert("speakers".into(), "Caller (left), Agent (right)".into());
            }
            if described.duration > speech::MAX_SECONDS {
                out.warnings.push(format!(
                    "only the first {} minutes were transcribed",
                    speech::MAX_SECONDS as u64 / 60
                ));
            }
            out.text = text;
            out.pages = vec![page];
        }
        Err(e) => out.warnings.push(format!("not transcribed: {e}")),
    }
    Ok(out)
}

/// Seconds as `m:ss`.
fn clock(seconds: f64) -> String {
    let whole = seconds.max(0.0) as u64;
    format!("{}:{:02}", whole / 60, whole % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sound_formats_are_known_by_their_bytes() {
        assert!(is_audio(b"RIFF\x24\0\0\0WAVEfmt "));
        assert!(!is_audio(b"RIFF\x24\0\0\0WEBPVP8 "));
        assert!(is_audio(b"ID3\x04\0\0\0\0\0\0"));
        assert!(is_audio(b"OggS\0\x02"));
        assert!(is_audio(b"\0\0\0\x20ftypM4A \0\0\0\0"));
        assert!(
            !is_audio(b"\0\0\0\x20ftypisom\0\0\0\0"),
            "video is not read as sound"
        );
        // Two MPEG-1 layer III frames at 128 kbps, 44.1 kHz: 417 bytes each.
        let mut mp3 = vec![0u8; 900];
        mp3[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x00]);
        mp3[417..421].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x00]);
        assert!(is_audio(&mp3));
        mp3[417] = 0;
        assert!(
            !is_audio(&mp3),
            "a lone frame sync in binary data is not sound"
        );
        assert!(!is_audio(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
        assert!(!is_audio(b""));
    }
}

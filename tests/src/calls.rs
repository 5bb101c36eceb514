//! Synthetic phone calls for the call-recording tests and benchmark:
//! sentences spoken by `espeak-ng` voices (or, for the benchmark's
//! independent voices, Debian's Flite), squeezed to the telephone band
//! by FFmpeg (300–3400 Hz at 8 kHz), laid turn by turn on the two sides
//! of a stereo call (caller left, agent right) or mixed into one, with a
//! little deterministic hiss; and the word error rate to score what a
//! transcription heard.

use std::path::Path;
use std::process::{Command, Stdio};

/// The sample rate of a telephone line.
pub const RATE: u32 = 8000;

/// An `espeak-ng` voice and how fast (words a minute) it speaks.
#[derive(Debug, Clone, Copy)]
pub struct Voice {
    pub name: &'static str,
    pub speed: u32,
    pub pitch: u32,
}

/// One turn of a call: who speaks (0 caller, 1 agent) and what.
#[derive(Debug, Clone, Copy)]
pub struct Turn {
    pub side: usize,
    pub text: &'static str,
}

/// `text` spoken by `voice`, telephone band, 8 kHz mono samples.
pub fn speak(text: &str, voice: Voice) -> Vec<i16> {
    let spoken = Command::new("espeak-ng")
        .args([
            "-v",
            voice.name,
            "-s",
            &voice.speed.to_string(),
            "-p",
            &voice.pitch.to_string(),
            "--stdout",
        ])
        .arg(text)
        .output()
        .expect("espeak-ng is needed (Debian espeak-ng; the README's test command installs it)");
    assert!(spoken.status.success(), "espeak-ng failed");
    telephone(spoken.stdout)
}

/// `text` spoken by Flite's voice `voice` (`kal`, `awb`, `rms`, `slt`,
/// ...), telephone band, 8 kHz mono samples.
pub fn speak_flite(text: &str, voice: &str) -> Vec<i16> {
    let wav = tempfile::Builder::new()
        .suffix(".wav")
        .tempfile()
        .expect("temp file");
    let status = Command::new("flite")
        .args(["-voice", voice, "-t", text, "-o"])
        .arg(wav.path())
        .status()
        .expect("flite is needed (Debian flite; .ci/packages.sh installs it)");
    assert!(status.success(), "flite failed");
    telephone(std::fs::read(wav.path()).expect("flite's sound"))
}

/// A WAV file squeezed by FFmpeg to the telephone band, as 8 kHz mono
/// samples.
fn telephone(wav: Vec<u8>) -> Vec<i16> {
    let mut ffmpeg = Command::new("ffmpeg")
        .args([
            "-nostdin",
            "-v",
            "error",
            "-i",
            "pipe:0",
            "-af",
            "highpass=f=300,lowpass=f=3400",
        ])
        .args([
            "-ar",
            &RATE.to_string(),
            "-ac",
            "1",
            "-f",
            "s16le",
            "pipe:1",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("ffmpeg is needed (Debian ffmpeg)");
    let mut stdin = ffmpeg.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut stdin, &wav);
    });
    let out = ffmpeg.wait_with_output().expect("ffmpeg");
    feeder.join().expect("feeder");
    assert!(out.status.success(), "ffmpeg failed");
    out.stdout
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect()
}

/// A call of `turns`, each spoken by `voices[turn.side]`, with a pause
/// between turns: interleaved samples of two channels when `stereo`,
/// else one. `noise` is the hiss's peak as a share of full scale.
pub fn call(turns: &[Turn], voices: [Voice; 2], stereo: bool, noise: f32) -> Vec<i16> {
    let spoken: Vec<(usize, Vec<i16>)> = turns
        .iter()
        .map(|turn| (turn.side, speak(turn.text, voices[turn.side])))
        .collect();
    lay_out(&spoken, stereo, noise)
}

/// A one-sided call of `sentences`, each spoken by Flite's `voice`, with
/// hiss of peak `noise`, mono.
pub fn flite_call(sentences: &[&str], voice: &str, noise: f32) -> Vec<i16> {
    let spoken: Vec<(usize, Vec<i16>)> = sentences
        .iter()
        .map(|text| (0, speak_flite(text, voice)))
        .collect();
    lay_out(&spoken, false, noise)
}

/// Turns already spoken (`(side, samples)`), laid one after another with
/// a pause between, on two channels when `stereo`, with hiss of peak
/// `noise`.
fn lay_out(spoken: &[(usize, Vec<i16>)], stereo: bool, noise: f32) -> Vec<i16> {
    let channels = if stereo { 2 } else { 1 };
    let pause = vec![0i16; (RATE / 2) as usize * channels];
    let mut out = pause.clone();
    for (side, said) in spoken {
        for &sample in said {
            if stereo {
                let (l, r) = if *side == 0 { (sample, 0) } else { (0, sample) };
                out.extend([l, r]);
            } else {
                out.push(sample);
            }
        }
        out.extend_from_slice(&pause);
    }
    let mut seed: u32 = 0x2545_F491;
    for sample in &mut out {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let hiss = ((seed as f32 / u32::MAX as f32) * 2.0 - 1.0) * noise * 32767.0;
        *sample = (f32::from(*sample) + hiss).clamp(-32768.0, 32767.0) as i16;
    }
    out
}

/// Writes `samples` (of `channels` channels at [`RATE`]) to `path`,
/// encoded as FFmpeg chooses by the file's extension, with `tags`
/// (`key=value`) as metadata.
pub fn encode(samples: &[i16], channels: u32, path: &Path, tags: &[&str]) {
    let raw = tempfile::NamedTempFile::new().expect("temp file");
    let bytes: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();
    std::fs::write(raw.path(), bytes).expect("write raw");
    let mut command = Command::new("ffmpeg");
    command
        .args([
            "-nostdin",
            "-v",
            "error",
            "-f",
            "s16le",
            "-ar",
            &RATE.to_string(),
        ])
        .args(["-ac", &channels.to_string(), "-i"])
        .arg(raw.path());
    for tag in tags {
        command.args(["-metadata", tag]);
    }
    let status = command.arg("-y").arg(path).status().expect("ffmpeg");
    assert!(
        status.success(),
        "ffmpeg could not encode {}",
        path.display()
    );
}

/// Words as compared: lower case, letters, digits and apostrophes.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The word error rate of `heard` against `said`: substitutions,
/// deletions and insertions over the words said (Levenshtein on words).
pub fn word_error_rate(said: &str, heard: &str) -> f64 {
    let (a, b) = (words(said), words(heard));
    if a.is_empty() {
        return if b.is_empty() { 0.0 } else { 1.0 };
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()] as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_error_rate_counts_edits_over_words_said() {
        assert_eq!(word_error_rate("the cat sat", "The cat, sat."), 0.0);
        assert!((word_error_rate("the cat sat on", "the bat sat") - 0.5).abs() < 1e-9);
        assert_eq!(word_error_rate("a b", "a b c d"), 1.0);
    }
}

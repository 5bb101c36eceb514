//! Transcription of call recordings: word error rate and real-time factor
//! (transcription time over the recording's length) of Disclose's speech
//! reader on recordings made here — `espeak-ng` voices at several speeds,
//! squeezed to the telephone band, with three levels of hiss — and, for
//! comparison, of Debian's PocketSphinx (`pocketsphinx_continuous`, US
//! English model) on the same files, where it is installed. Then, as an
//! independent check on voices we did not tune on, the same sentences and
//! hiss spoken by Debian's Flite (four of its voices, a different
//! synthesiser from espeak-ng's), scored apart; skipped with a notice
//! where `flite` is not installed.
//!
//! Run: `cargo bench -p disclose-fixtures --bench speech`. Another
//! Whisper model (a CTranslate2 folder) is measured with
//! `DISCLOSE_SPEECH_MODEL=/path/to/model` (without PocketSphinx).

use std::process::Command;
use std::time::Instant;

use disclose_fixtures::calls::{self, Turn, Voice};

const SENTENCES: [&str; 6] = [
    "I am calling because the heating in my flat has stopped working again.",
    "The engineer came last week but nobody has been back since then.",
    "There is mould on the bedroom wall and the children keep coughing.",
    "Could you please send someone out to look at the window frames?",
    "My rent account should be up to date after the payment on Friday.",
    "The noise from the flat upstairs goes on late into the night.",
];

const VOICES: [Voice; 4] = [
    Voice {
        name: "en-gb",
        speed: 150,
        pitch: 40,
    },
    Voice {
        name: "en-us",
        speed: 140,
        pitch: 60,
    },
    Voice {
        name: "en-gb-scotland",
        speed: 170,
        pitch: 50,
    },
    Voice {
        name: "en-gb-x-rp",
        speed: 130,
        pitch: 70,
    },
];

const NOISE: [f32; 3] = [0.0, 0.01, 0.03];

/// Flite's voices: two US men (`kal`, `rms`), a Scottish man (`awb`) and
/// a US woman (`slt`).
const FLITE_VOICES: [&str; 4] = ["kal", "awb", "rms", "slt"];

struct Score {
    errors: f64,
    words: usize,
    seconds: f64,
    audio: f64,
}

impl Score {
    fn add(&mut self, said: &str, heard: &str, seconds: f64, audio: f64) {
        let n = calls::words(said).len();
        self.errors += calls::word_error_rate(said, heard) * n as f64;
        self.words += n;
        self.seconds += seconds;
        self.audio += audio;
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} WER {:5.1} %   real-time factor {:.3}   ({} words, {:.0} s of sound)",
            100.0 * self.errors / self.words.max(1) as f64,
            self.seconds / self.audio.max(1e-9),
            self.words,
            self.audio
        )
    }
}

fn new_score() -> Score {
    Score {
        errors: 0.0,
        words: 0,
        seconds: 0.0,
        audio: 0.0,
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The floor is compared on the default model's run only.
    let other_model = std::env::var_os("DISCLOSE_SPEECH_MODEL").is_some();
    let sphinx = !other_model
        && Command::new("pocketsphinx_continuous")
            .arg("-h")
            .output()
            .is_ok();
    let said = SENTENCES.join(" ");
    let mut espeak = Totals::default();
    for (v, voice) in VOICES.iter().enumerate() {
        for noise in NOISE {
            let turns: Vec<Turn> = SENTENCES
                .iter()
                .map(|text| Turn { side: 0, text })
                .collect();
            let samples = calls::call(&turns, [*voice, *voice], false, noise);
            let wav = dir.path().join(format!("call-{v}-{noise}.wav"));
            let name = format!("whisper {} noise {noise}", voice.name);
            espeak.measure(&name, &said, &samples, &wav, sphinx);
        }
    }
    println!("---");
    espeak.print("espeak-ng", sphinx, other_model);

    let flite = Command::new("flite").arg("-lv").output().is_ok();
    if !flite {
        println!("Flite voices: flite not installed (Debian flite), not measured");
        return;
    }
    let mut independent = Totals::default();
    for voice in FLITE_VOICES {
        for noise in NOISE {
            let samples = calls::flite_call(&SENTENCES, voice, noise);
            let wav = dir.path().join(format!("flite-{voice}-{noise}.wav"));
            let name = format!("whisper flite {voice} noise {noise}");
            independent.measure(&name, &said, &samples, &wav, sphinx);
        }
    }
    println!("---");
    independent.print("Flite", sphinx, other_model);
}

/// Scores over many recordings, of Disclose and of PocketSphinx.
#[derive(Default)]
struct Totals {
    whisper: Option<Score>,
    sphinx: Option<Score>,
}

impl Totals {
    /// Transcribes `samples` (mono, written to `wav`) with Disclose and,
    /// when `sphinx`, with PocketSphinx; prints Disclose's line.
    fn measure(
        &mut self,
        name: &str,
        said: &str,
        samples: &[i16],
        wav: &std::path::Path,
        sphinx: bool,
    ) {
        let audio = samples.len() as f64 / f64::from(calls::RATE);
        calls::encode(samples, 1, wav, &[]);
        let data = std::fs::read(wav).expect("read");

        let started = Instant::now();
        let read = disclose_core::media::extract_audio(&data).expect("the recording is read");
        let seconds = started.elapsed().as_secs_f64();
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        let mut score = new_score();
        score.add(said, &read.text, seconds, audio);
        println!("{}", score.line(name));
        self.whisper
            .get_or_insert_with(new_score)
            .add(said, &read.text, seconds, audio);

        if sphinx {
            let wav16 = wav.with_extension("16k.wav");
            let ok = Command::new("ffmpeg")
                .args(["-nostdin", "-v", "error", "-i"])
                .arg(wav)
                .args(["-ar", "16000", "-y"])
                .arg(&wav16)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "ffmpeg");
            let started = Instant::now();
            let out = Command::new("pocketsphinx_continuous")
                .args(["-logfn", "/dev/null", "-infile"])
                .arg(&wav16)
                .output()
                .expect("pocketsphinx");
            let seconds = started.elapsed().as_secs_f64();
            let heard = String::from_utf8_lossy(&out.stdout);
            self.sphinx
                .get_or_insert_with(new_score)
                .add(said, &heard, seconds, audio);
        }
    }

    /// The totals over the voices of `synthesiser`.
    fn print(&self, synthesiser: &str, sphinx: bool, other_model: bool) {
        if let Some(whisper) = &self.whisper {
            println!(
                "{}",
                whisper.line(&format!("Disclose (Whisper), {synthesiser}"))
            );
        }
        match &self.sphinx {
            Some(score) => println!("{}", score.line(&format!("PocketSphinx, {synthesiser}"))),
            None if !sphinx && !other_model => println!(
                "PocketSphinx: not installed (Debian pocketsphinx, pocketsphinx-en-us), not compared"
            ),
            None => {}
        }
    }
}

//! The demo's call recording and CCTV clip, made when the demo is made:
//! the call spoken by two `espeak-ng` voices (caller on the left, agent
//! on the right, telephone band) and encoded by FFmpeg as an MP3; the
//! clip two faces (the built-in photographs in `faces/`) walking over a
//! drawn back yard by a parked car with its number plate, the camera's
//! name and a running clock burnt in, encoded as H.264 in an MP4 with the
//! recorder's tags. Nothing is shipped as media: a machine without
//! `espeak-ng` or FFmpeg gets the demo without them and a note saying
//! why (the case's notes), never a failed demo.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::media::tools::Tool;

/// The call: who speaks (0 the caller, 1 the agent) and what.
const CALL: [(usize, &str); 4] = [
    (1, "Northgate Homes, you are speaking with Priya. How can I help?"),
    (0, "Hello, it is Jane Smith from twelve Acacia Avenue. I am calling about the damp in the back bedroom."),
    (1, "Thank you Jane. Your neighbour Mark Evans at number fourteen has also reported a leak. He is on zero seven seven zero zero, nine zero zero, four five six."),
    (0, "Please ask the surveyor to call me back this afternoon."),
];
/// The clip's name, and the call's.
pub const CLIP: &str = "cctv/rear-gate-2026-01-14.mp4";
pub const RECORDING: &str = "calls/call-2026-01-07-contact-centre.mp3";
/// The plate on the parked car.
pub const PLATE: &str = "MA19 XKT";
/// Seconds of the clip.
const CLIP_SECONDS: u32 = 6;

/// What was made, and notes on what could not be.
#[derive(Debug, Default)]
pub struct Made {
    pub files: Vec<PathBuf>,
    pub notes: Vec<String>,
}

/// Makes the call and the clip under `dir`; `work` is a private scratch
/// folder. Each that cannot be made is a note, not an error.
pub fn write_media(dir: &Path, work: &Path) -> Made {
    let mut made = Made::default();
    // Media the machine cannot hear or look at would stop the demo's
    // export at the leak check: without the speech model (which also
    // runs the face model) neither is made.
    let probe = ["-c", "import faster_whisper, onnxruntime"].map(std::ffi::OsStr::new);
    if let Err(why) = Tool::speech().run(&probe, Duration::from_secs(60), work) {
        made.notes.push(format!(
            "the call recording and the CCTV clip were not made: the speech model is not installed for this account ({why})"
        ));
        return made;
    }
    for (name, result) in [
        (RECORDING, call(&dir.join(RECORDING), work)),
        (CLIP, clip(&dir.join(CLIP), work)),
    ] {
        match result {
            Ok(()) => made.files.push(dir.join(name)),
            Err(why) => made.notes.push(format!("{name} was not made: {why}")),
        }
    }
    made
}

fn parent_of(path: &Path) -> Result<(), String> {
    match path.parent() {
        Some(parent) => crate::private::make_dir(parent).map_err(|e| e.to_string()),
        None => Ok(()),
    }
}

/// The call, each turn spoken then set on its side, as a stereo MP3.
fn call(out: &Path, work: &Path) -> Result<(), String> {
    parent_of(out)?;
    let espeak = Tool {
        program: "espeak-ng".into(),
        package: "Debian package espeak-ng",
    };
    let mut args: Vec<String> = vec!["-nostdin".into(), "-v".into(), "error".into()];
    let mut graph = String::new();
    for (n, (side, text)) in CALL.iter().enumerate() {
        let wav = work.join(format!("turn-{n}.wav"));
        let (voice, speed, pitch) = if *side == 0 {
            ("en-gb", "150", "40")
        } else {
            ("en-gb-x-rp+f3", "160", "60")
        };
        let wav_s = wav.display().to_string();
        espeak
            .run(
                &["-v", voice, "-s", speed, "-p", pitch, "-w", &wav_s, text]
                    .map(std::ffi::OsStr::new),
                Duration::from_secs(60),
                work,
            )
            .map_err(|e| format!("espeak-ng: {e}"))?;
        args.extend(["-i".into(), wav_s]);
        let pan = if *side == 0 {
            "c0=c0|c1=0*c0"
        } else {
            "c0=0*c0|c1=c0"
        };
        graph.push_str(&format!(
            "[{n}:a]aresample=16000,pan=stereo|{pan},apad=pad_dur=0.6[t{n}];"
        ));
    }
    for n in 0..CALL.len() {
        graph.push_str(&format!("[t{n}]"));
    }
    graph.push_str(&format!(
        "concat=n={}:v=0:a=1,highpass=f=300,lowpass=f=3400[call]",
        CALL.len()
    ));
    args.extend(
        [
            "-filter_complex",
            &graph,
            "-map",
            "[call]",
            "-ar",
            "16000",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "48k",
            "-metadata",
            "creation_time=2026-01-07T10:14:00Z",
            "-metadata",
            "comment=Northgate Homes contact centre, line 3",
            "-y",
        ]
        .map(String::from),
    );
    args.push(out.display().to_string());
    ffmpeg(&args, work)
}

/// The clip: Jane (walking right) and a neighbour (coming closer) over a
/// back yard by a parked car, its plate, camera name and clock burnt in.
fn clip(out: &Path, work: &Path) -> Result<(), String> {
    parent_of(out)?;
    let font = work.join("font.ttf");
    let jane = work.join("jane.png");
    let neighbour = work.join("neighbour.png");
    for (path, bytes) in [
        (&font, &include_bytes!("../render/fonts/DejaVuSans.ttf")[..]),
        (&jane, &include_bytes!("faces/face-astronaut.png")[..]),
        (&neighbour, &include_bytes!("faces/face-cameraman.png")[..]),
    ] {
        crate::private::write_file(path, bytes).map_err(|e| e.to_string())?;
    }
    let font = font.display().to_string();
    let graph = format!(
        "[0:v]drawbox=x=0:y=250:w=640:h=110:color=0x3b3a36:t=fill,\
         drawbox=x=420:y=272:w=190:h=56:color=0xf2d21b:t=fill,\
         drawtext=fontfile={font}:text='{PLATE}':x=432:y=282:fontsize=32:fontcolor=black,\
         drawtext=fontfile={font}:text='CAM 4 REAR GATE':x=10:y=10:fontsize=20:fontcolor=white,\
         drawtext=fontfile={font}:text='2026-01-14 09\\:41\\:%{{eif\\:10+t\\:d\\:2}}':x=400:y=10:fontsize=20:fontcolor=white[s0];\
         [1:v]scale=88:112[p0];[s0][p0]overlay=x='40+30*t':y=60[s1];\
         [2:v]scale=80:100,hue=h=40[p1];[s1][p1]overlay=x=330:y='110+8*t'[s2]"
    );
    let mut args: Vec<String> = [
        "-nostdin",
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        &format!("color=c=0x56606a:s=640x360:r=10:d={CLIP_SECONDS}"),
        "-i",
        &jane.display().to_string(),
        "-i",
        &neighbour.display().to_string(),
        "-filter_complex",
        &graph,
        "-map",
        "[s2]",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-metadata",
        "creation_time=2026-01-14T09:41:10Z",
        "-metadata",
        "title=Rear gate camera",
        "-metadata",
        "comment=Acacia Avenue block B, recorder NVR-2",
        "-y",
    ]
    .map(String::from)
    .to_vec();
    args.push(out.display().to_string());
    ffmpeg(&args, work)
}

fn ffmpeg(args: &[String], work: &Path) -> Result<(), String> {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    Tool::ffmpeg()
        .run(&args, Duration::from_secs(120), work)
        .map(|_| ())
        .map_err(|e| format!("ffmpeg: {e}"))
}

//! Synthetic CCTV clips for the video tests and the media benchmark:
//! photographs of faces (`fixtures/faces/`, public domain and CC0) walk
//! in straight lines over a drawn scene — a street, a car's number plate,
//! the camera's name and a running clock burnt in, as a recorder draws
//! them — encoded by FFmpeg as H.264 in an MP4 with the recorder's tags.
//! Also: a frame of a video as a grey image, and the sharpness of a
//! region (the variance of its Laplacian) to tell a face from a blur.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The scene's size in pixels.
pub const FRAME: (u32, u32) = (640, 360);
/// The plate on the parked car.
pub const PLATE: &str = "AB12 CDE";
/// The camera's name, burnt into the top left corner.
pub const CAMERA: &str = "CAM 2 FRONT DOOR";

/// A face photograph moving in a straight line.
#[derive(Debug, Clone, Copy)]
pub struct Walker {
    /// A photograph in `fixtures/faces/`: `face-astronaut.png`,
    /// `face-cameraman.png` or `face-hopper.png`.
    pub photo: &'static str,
    /// Size drawn, in pixels.
    pub size: (u32, u32),
    /// Top-left corner at 0 s.
    pub from: (f64, f64),
    /// Pixels a second.
    pub speed: (f64, f64),
    /// Mirrored and tinted, to look like another person.
    pub other: bool,
}

impl Walker {
    /// The photograph's box at `t` seconds.
    pub fn rect(&self, t: f64) -> [f64; 4] {
        let (x, y) = (
            self.from.0 + self.speed.0 * t,
            self.from.1 + self.speed.1 * t,
        );
        [x, y, x + f64::from(self.size.0), y + f64::from(self.size.1)]
    }
}

/// The three people of the standard clip: the requester (walking right),
/// a passer-by (walking left) and a neighbour (coming closer).
pub const PEOPLE: [Walker; 3] = [
    Walker {
        photo: "face-astronaut.png",
        size: (88, 112),
        from: (40.0, 60.0),
        speed: (30.0, 0.0),
        other: false,
    },
    Walker {
        photo: "face-cameraman.png",
        size: (80, 100),
        from: (520.0, 20.0),
        speed: (-30.0, 0.0),
        other: false,
    },
    Walker {
        photo: "face-astronaut.png",
        size: (88, 112),
        from: (330.0, 130.0),
        speed: (0.0, 8.0),
        other: true,
    },
];

fn faces_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/faces")
}

fn font() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../src-tauri/crates/disclose-core/src/render/fonts/DejaVuSans.ttf")
}

/// Writes a clip of `seconds` at 10 frames a second to `path` (its
/// extension chooses the container: .mp4, .mov, .mkv, .avi), with
/// `walkers` over the scene and `tags` (`key=value`) in its metadata.
pub fn clip(path: &Path, walkers: &[Walker], seconds: f64, tags: &[&str]) {
    clip_with(path, walkers, seconds, tags, 0);
}

/// [`clip`] with film grain of strength `grain` (0–100) over the whole
/// picture, as a cheap camera at night adds.
pub fn clip_with(path: &Path, walkers: &[Walker], seconds: f64, tags: &[&str], grain: u32) {
    make(path, walkers, seconds, tags, grain, 0.0);
}

/// [`clip`] with the car driving: its plate moves `drive` pixels a
/// second along the road (negative: to the left), starting where it is
/// parked in [`clip`].
pub fn clip_driving(path: &Path, walkers: &[Walker], seconds: f64, tags: &[&str], drive: f64) {
    make(path, walkers, seconds, tags, 0, drive);
}

/// The plate's box at `t` seconds on a clip whose car drives `drive`
/// pixels a second.
pub fn plate_rect(t: f64, drive: f64) -> [f64; 4] {
    let x = 400.0 + drive * t;
    [x, 272.0, x + 200.0, 328.0]
}

fn make(path: &Path, walkers: &[Walker], seconds: f64, tags: &[&str], grain: u32, drive: f64) {
    let font = font();
    let font = font.to_str().unwrap();
    let mut args: Vec<String> = vec![
        "-v".into(),
        "error".into(),
        "-y".into(),
        "-f".into(),
        "lavfi".into(),
        "-i".into(),
        format!(
            "color=c=0x4a5560:s={}x{}:r=10:d={seconds}",
            FRAME.0, FRAME.1
        ),
    ];
    for w in walkers {
        args.extend(["-i".into(), faces_dir().join(w.photo).display().to_string()]);
    }
    // drawbox cannot move with time; a driving plate is drawn by
    // drawtext on a box of its own.
    let plate = if drive == 0.0 {
        format!(
            "drawbox=x=400:y=272:w=200:h=56:color=0xf2d21b:t=fill,\
             drawtext=fontfile={font}:text='{PLATE}':x=414:y=282:fontsize=32:fontcolor=black"
        )
    } else {
        format!(
            "drawtext=fontfile={font}:text='{PLATE}':x='414+({drive})*t':y=282:fontsize=32:\
             fontcolor=black:box=1:boxcolor=0xf2d21b:boxborderw=14"
        )
    };
    let mut graph = format!(
        "[0:v]drawbox=x=0:y=250:w=640:h=110:color=0x33302c:t=fill,\
         {plate},\
         drawtext=fontfile={font}:text='{CAMERA}':x=10:y=10:fontsize=20:fontcolor=white,\
         drawtext=fontfile={font}:text='2026-11-03 14\\:22\\:%{{eif\\:5+t\\:d\\:2}}':x=400:y=10:fontsize=20:fontcolor=white[s0]"
    );
    for (i, w) in walkers.iter().enumerate() {
        let look = if w.other { ",hflip,hue=h=40" } else { "" };
        graph.push_str(&format!(
            ";[{}:v]scale={}:{}{look}[p{i}];[s{i}][p{i}]overlay=x='{}+{}*t':y='{}+{}*t'[s{}]",
            i + 1,
            w.size.0,
            w.size.1,
            w.from.0,
            w.speed.0,
            w.from.1,
            w.speed.1,
            i + 1
        ));
    }
    let mut last = format!("[s{}]", walkers.len());
    if grain > 0 {
        graph.push_str(&format!(";{last}noise=alls={grain}:allf=t[grain]"));
        last = "[grain]".into();
    }
    args.extend(["-filter_complex".into(), graph, "-map".into(), last]);
    let codec = if path.extension().is_some_and(|e| e == "avi") {
        "mpeg4"
    } else {
        "libx264"
    };
    args.extend([
        "-c:v".into(),
        codec.into(),
        "-pix_fmt".into(),
        "yuv420p".into(),
    ]);
    for tag in tags {
        args.extend(["-metadata".into(), (*tag).into()]);
    }
    args.push(path.display().to_string());
    run("ffmpeg", &args);
}

fn run(program: &str, args: &[String]) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed: {e}"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The frame of `video` shown at `t` seconds, grey.
pub fn frame_at(video: &Path, t: f64) -> image::GrayImage {
    let png = run(
        "ffmpeg",
        &[
            "-v".into(),
            "error".into(),
            "-i".into(),
            video.display().to_string(),
            "-ss".into(),
            format!("{t:.3}"),
            "-frames:v".into(),
            "1".into(),
            "-f".into(),
            "image2pipe".into(),
            "-vcodec".into(),
            "png".into(),
            "-".into(),
        ],
    );
    image::load_from_memory(&png)
        .expect("a frame as PNG")
        .to_luma8()
}

/// The variance of the Laplacian over the middle half of `rect` in
/// `frame`: high on a face's edges, near zero on a blur.
pub fn sharpness(frame: &image::GrayImage, rect: [f64; 4]) -> f64 {
    let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
    let x0 = (rect[0] + w / 4.0).max(1.0) as u32;
    let y0 = (rect[1] + h / 4.0).max(1.0) as u32;
    let x1 = ((rect[2] - w / 4.0) as u32).min(frame.width() - 2);
    let y1 = ((rect[3] - h / 4.0) as u32).min(frame.height() - 2);
    let p = |x: u32, y: u32| f64::from(frame.get_pixel(x, y)[0]);
    let mut values = Vec::new();
    for y in y0..=y1 {
        for x in x0..=x1 {
            values.push(p(x - 1, y) + p(x + 1, y) + p(x, y - 1) + p(x, y + 1) - 4.0 * p(x, y));
        }
    }
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n
}

/// The text Tesseract reads on the frames of `video` taken by FFmpeg
/// `rate` times a second (enlarged twice, as OCR reads small text
/// better), each read twice (as a page, and as sparse text): `(seconds,
/// text)` a frame.
pub fn ocr_frames(video: &Path, rate: f64) -> Vec<(f64, String)> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    run(
        "ffmpeg",
        &[
            "-v".into(),
            "error".into(),
            "-i".into(),
            video.display().to_string(),
            "-vf".into(),
            format!("fps={rate},scale=iw*2:ih*2,format=gray"),
            dir.path().join("f%04d.png").display().to_string(),
        ],
    );
    let mut frames: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("the frames")
        .map(|e| e.expect("a frame").path())
        .collect();
    frames.sort();
    frames
        .iter()
        .enumerate()
        .map(|(i, png)| {
            // Read as a page and as sparse text: a line either misses is
            // still read.
            let mut text = String::new();
            for psm in ["3", "11"] {
                let out = run(
                    "tesseract",
                    &[
                        png.display().to_string(),
                        "stdout".into(),
                        "--psm".into(),
                        psm.into(),
                    ],
                );
                text.push_str(&String::from_utf8_lossy(&out));
            }
            // fps puts frame i at the middle of its interval.
            ((i as f64 + 0.5) / rate, text)
        })
        .collect()
}

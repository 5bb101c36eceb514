//! Large bundles made quickly, for the export memory test and benchmark:
//! pictures whose bytes do not compress (every pixel a random colour) but
//! whose grey levels are all one shade (every colour of the same
//! luminance), so their redacted copies are as large as the originals while
//! OCR, at import and in the leak check, has nothing to read. Then the
//! export of the case is watched for the peak resident memory of its
//! process tree.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use image::{Pixel, Rgb, RgbImage};

use crate::{tree_rss_kb, Disclose};

/// Side of a large picture, in pixels: 12.6 MB as PNG (it does not
/// compress).
pub const SIDE: u32 = 2048;

/// Every colour whose grey level is `shade`.
fn colours_of_shade(shade: u8) -> Vec<[u8; 3]> {
    let mut out = Vec::new();
    for r in 0..=255u8 {
        for b in 0..=255u8 {
            for g in 0..=255u8 {
                let grey = Rgb([r, g, b]).to_luma()[0];
                if grey == shade {
                    out.push([r, g, b]);
                }
                if grey >= shade {
                    break;
                }
            }
        }
    }
    out
}

/// Writes `count` different PNG pictures (`bulk-0001.png`, …) of `side`
/// pixels square into `dir`; returns their total size in bytes.
pub fn write_pictures(dir: &Path, count: usize, side: u32) -> u64 {
    let colours = colours_of_shade(200);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        // xorshift64*: deterministic, and enough for bytes that must not compress.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut total = 0;
    for n in 1..=count {
        let mut picture = RgbImage::new(side, side);
        for pixel in picture.pixels_mut() {
            *pixel = Rgb(colours[(next() % colours.len() as u64) as usize]);
        }
        let path = dir.join(format!("bulk-{n:04}.png"));
        picture.save(&path).expect("write a picture");
        total += std::fs::metadata(&path).expect("picture size").len();
    }
    total
}

/// A case `reference` holding `count` such pictures of `side` pixels
/// square, each decided as disclosed and rendered.
pub fn case_of_pictures(d: &Disclose, reference: &str, count: usize, side: u32) {
    let input = tempfile::tempdir().expect("input dir");
    write_pictures(input.path(), count, side);
    d.new_case(reference);
    d.run(&[
        "import",
        "--case",
        reference,
        "--no-ocr",
        input.path().to_str().expect("path"),
    ])
    .ok();
    d.run(&["decide", "--case", reference, "--all", "--as", "disclose"])
        .ok();
    d.run(&["render", "--case", reference]).ok();
}

/// Runs `disclose export` for `reference` to `out`, sampling the resident
/// memory of its process tree; returns the peak in KiB, the exit code and
/// what it printed on stderr.
pub fn export_peak(d: &Disclose, reference: &str, out: &Path) -> (u64, i32, String) {
    let mut child = d
        .command()
        .args(["export", "--case", reference, "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run disclose export");
    let pid = child.id();
    let started = Instant::now();
    let mut peak = 0;
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        peak = peak.max(tree_rss_kb(pid));
        assert!(
            started.elapsed() < Duration::from_secs(1800),
            "the export never finished"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("export output");
    (
        peak,
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

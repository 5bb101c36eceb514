//! Large bundles made quickly, for the export memory test and benchmark:
//! pictures whose bytes do not compress (every pixel a random colour) but
//! whose grey levels are all one shade (every colour of the same
//! luminance), so their redacted copies are as large as the originals while
//! OCR, at import and in the leak check, has nothing to read. Then the
//! export of the case is run under `/usr/bin/time` for its peak resident
//! memory.

use std::path::Path;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder, Rgb, RgbImage};

use crate::Disclose;

/// Side of a large picture, in pixels: 12.6 MB as PNG (it does not
/// compress).
pub const SIDE: u32 = 2048;

/// Every colour that turns grey level `shade` the way the leak check
/// turns a picture grey (`DynamicImage::into_luma8`, which does not give
/// the per-pixel `Pixel::to_luma`): all 16.7 million colours are converted
/// once and those of that shade kept.
fn colours_of_shade(shade: u8) -> Vec<[u8; 3]> {
    let mut all = RgbImage::new(4096, 4096);
    for (i, pixel) in all.pixels_mut().enumerate() {
        *pixel = Rgb([(i >> 16) as u8, (i >> 8) as u8, i as u8]);
    }
    let grey = DynamicImage::ImageRgb8(all.clone()).into_luma8();
    all.pixels()
        .zip(grey.pixels())
        .filter(|(_, g)| g[0] == shade)
        .map(|(c, _)| c.0)
        .collect()
}

/// Writes `count` different PNG pictures (`bulk-0001.png`, …) of `side`
/// pixels square into `dir`; returns their total size in bytes. One field
/// of random colours is drawn once; each picture is that field turned by a
/// different number of pixels (a copy, not a new draw), stored without
/// compression, so 2 GB are written in seconds.
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
    let pixels = side as usize * side as usize;
    let field: Vec<u8> = (0..pixels)
        .flat_map(|_| colours[(next() % colours.len() as u64) as usize])
        .collect();
    let mut picture = vec![0u8; field.len()];
    let mut total = 0;
    for n in 1..=count {
        let turn = 3 * (n * 7_919 % pixels);
        let (head, tail) = field.split_at(turn);
        picture[..tail.len()].copy_from_slice(tail);
        picture[tail.len()..].copy_from_slice(head);
        let path = dir.join(format!("bulk-{n:04}.png"));
        let file = std::io::BufWriter::new(std::fs::File::create(&path).expect("a picture file"));
        PngEncoder::new_with_quality(file, CompressionType::Uncompressed, FilterType::NoFilter)
            .write_image(&picture, side, side, ExtendedColorType::Rgb8)
            .expect("write a picture");
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

/// What one export under `/usr/bin/time` did.
pub struct Exported {
    /// Peak resident memory in KiB.
    pub peak_kb: u64,
    pub code: i32,
    /// The export's JSON (the passphrase among it).
    pub stdout: String,
    pub stderr: String,
}

/// Runs `disclose --json export --encrypt` for `reference` to `out` under
/// `/usr/bin/time` (see [`crate::timed`]).
pub fn export_peak(d: &Disclose, reference: &str, out: &Path) -> Exported {
    let mut export = d.command();
    export
        .args([
            "--json",
            "export",
            "--encrypt",
            "--case",
            reference,
            "--out",
        ])
        .arg(out);
    let (output, timed) = crate::timed::run(&export);
    Exported {
        peak_kb: timed.peak_kb,
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

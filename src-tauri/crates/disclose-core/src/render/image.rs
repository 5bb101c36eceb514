//! Redacted renditions of images: decoded, turned upright by their EXIF
//! orientation (the marks are drawn on the upright picture), laid on white
//! (so nothing hides in transparent pixels), blacked out under each mark,
//! and encoded anew — JPEG stays JPEG, everything else (HEIC included)
//! becomes PNG. The
//! encoders write pixels only, so EXIF (GPS, thumbnails), XMP, ICC and
//! text chunks of the original are gone. Animated and multi-page images
//! keep their first frame.

use std::io::Cursor;
use std::sync::atomic::AtomicBool;

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, RgbImage};

use super::pdf::{black_out, Area};
use super::writer::Picture;
use crate::isolate::{self, Isolation, Job, Reply, Slot};

/// [`disclose_extract::image::upright_on_white`] in `slot`'s worker.
pub fn decode(
    isolation: &Isolation,
    slot: &mut Slot,
    data: &[u8],
) -> Result<(isolate::Picture, bool), String> {
    let never = AtomicBool::new(false);
    match isolation.run(slot, Job::DecodeImage, data, &never) {
        Ok(Reply::Decoded(decoded)) => decoded,
        Ok(Reply::Panicked(message)) => Err(format!("the picture could not be decoded: {message}")),
        Ok(_) => Err("the decoding worker gave an unexpected answer".into()),
        Err(failure) => Err(format!("the picture could not be decoded: {failure}")),
    }
}

/// The redacted image's bytes and its file extension, from the decoded
/// picture.
pub fn image(
    decoded: (isolate::Picture, bool),
    areas: &[Area],
) -> Result<(Vec<u8>, &'static str), String> {
    let (picture, jpeg) = decoded;
    let mut pixels = Picture {
        width: picture.width,
        height: picture.height,
        rgb: picture.rgb,
    };
    for area in areas.iter().filter(|a| a.page == 1) {
        black_out(&mut pixels, area.rect, (1.0, 1.0));
    }
    let rgb = RgbImage::from_raw(pixels.width, pixels.height, pixels.rgb)
        .ok_or("the picture's size changed while redacting it")?;
    let mut out = Vec::new();
    if jpeg {
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&rgb)
            .map_err(|e| e.to_string())?;
        Ok((out, "jpg"))
    } else {
        rgb.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|e| e.to_string())?;
        Ok((out, "png"))
    }
}

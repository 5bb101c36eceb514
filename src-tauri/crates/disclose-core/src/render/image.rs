//! Redacted renditions of images: decoded, turned upright by their EXIF
//! orientation (the marks are drawn on the upright picture), laid on white
//! (so nothing hides in transparent pixels), blacked out under each mark,
//! and encoded anew — JPEG stays JPEG, everything else (HEIC included)
//! becomes PNG. The
//! encoders write pixels only, so EXIF (GPS, thumbnails), XMP, ICC and
//! text chunks of the original are gone. Animated and multi-page images
//! keep their first frame.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, ImageReader, RgbImage};

use super::pdf::Area;

/// The redacted image's bytes and its file extension.
pub fn image(data: &[u8], areas: &[Area]) -> Result<(Vec<u8>, &'static str), String> {
    let converted;
    let data = if crate::heic::is_heif(data) {
        converted = crate::heic::to_png(data)?;
        &converted[..]
    } else {
        data
    };
    let reader = ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let format = reader.format();
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    let orientation = image::ImageDecoder::orientation(&mut decoder)
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture =
        DynamicImage::from_decoder(decoder).map_err(|e| format!("cannot decode the image: {e}"))?;
    picture.apply_orientation(orientation);
    let mut rgb = on_white(&picture);
    for area in areas.iter().filter(|a| a.page == 1) {
        black_out(&mut rgb, area.rect);
    }
    let mut out = Vec::new();
    if format == Some(ImageFormat::Jpeg) {
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

fn on_white(picture: &DynamicImage) -> RgbImage {
    let rgba = picture.to_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u32::from(px[3]);
        for c in 0..3 {
            out[c] = ((u32::from(px[c]) * alpha + 255 * (255 - alpha)) / 255) as u8;
        }
    }
    rgb
}

fn black_out(rgb: &mut RgbImage, rect: [f32; 4]) {
    let (w, h) = rgb.dimensions();
    let clamp = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
    for y in clamp(rect[1].floor(), h)..clamp(rect[3].ceil(), h) {
        for x in clamp(rect[0].floor(), w)..clamp(rect[2].ceil(), w) {
            rgb.put_pixel(x, y, image::Rgb([0, 0, 0]));
        }
    }
}

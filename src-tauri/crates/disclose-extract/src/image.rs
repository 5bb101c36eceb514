//! Images: their size, format and orientation are read here; their text
//! comes later from OCR (see `crate::ocr`; the import queues it for
//! every image). HEIC photos are decoded through `crate::heic`.
//! [`decode_upright`] is how OCR and redaction get at the pixels.

use std::io::Cursor;

use super::{ExtractError, Extracted, Limits};
use crate::heic;

/// The picture turned upright by its EXIF orientation (HEIC photos decoded
/// to PNG first), and the format its bytes are in.
pub fn decode_upright(
    data: &[u8],
) -> Result<(image::DynamicImage, Option<image::ImageFormat>), String> {
    let converted;
    let data = if heic::is_heif(data) {
        converted = heic::to_png(data)?;
        &converted[..]
    } else {
        data
    };
    let mut reader = image::ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    reader.limits(decode_limits());
    let format = reader.format();
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    let (width, height) = image::ImageDecoder::dimensions(&decoder);
    let bytes = u64::from(width) * u64::from(height) * 4;
    if bytes > MAX_DECODED_BYTES {
        return Err(format!(
            "the picture is {width} × {height} pixels, more than Disclose decodes \
             ({} megapixels at most); its size and format are recorded",
            MAX_DECODED_BYTES / 4 / 1_000_000
        ));
    }
    let orientation = image::ImageDecoder::orientation(&mut decoder)
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = image::DynamicImage::from_decoder(decoder)
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    picture.apply_orientation(orientation);
    Ok((picture, format))
}

/// The picture upright and laid on white, and whether it was a JPEG. This
/// decodes untrusted bytes, so it runs in a worker (see [`decode`]).
pub fn upright_on_white(data: &[u8]) -> Result<(crate::protocol::Picture, bool), String> {
    let (picture, format) = decode_upright(data)?;
    let rgb = on_white(picture);
    Ok((
        crate::protocol::Picture {
            width: rgb.width(),
            height: rgb.height(),
            rgb: rgb.into_raw(),
        },
        format == Some(image::ImageFormat::Jpeg),
    ))
}

fn on_white(picture: image::DynamicImage) -> image::RgbImage {
    // An opaque RGB picture is on white already: no copy, no pass.
    let picture = match picture {
        image::DynamicImage::ImageRgb8(rgb) => return rgb,
        other => other,
    };
    let rgba = picture.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u32::from(px[3]);
        for c in 0..3 {
            out[c] = ((u32::from(px[c]) * alpha + 255 * (255 - alpha)) / 255) as u8;
        }
    }
    rgb
}

/// Most bytes a decoded picture may take (RGBA): 150 megapixels, far
/// beyond a scan at 600 dpi or a phone photo, far below a pixel bomb.
pub const MAX_DECODED_BYTES: u64 = 600_000_000;

/// Metadata key set on a picture too large to decode: OCR skips it.
pub const NOT_DECODED: &str = "not-decoded";

/// What the decoders may allocate, checked against the header before any
/// pixel is decoded.
fn decode_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(65_000);
    limits.max_image_height = Some(65_000);
    limits.max_alloc = Some(MAX_DECODED_BYTES + (64 << 20));
    limits
}

pub fn extract_image(data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    if heic::is_heif(data) {
        let png = heic::to_png(data).map_err(ExtractError::Unsupported)?;
        let mut out = extract_image(&png, _limits)?;
        out.metadata.insert("format".into(), "heic".into());
        return Ok(out);
    }
    if data.len() > 12 && &data[4..8] == b"ftyp" {
        return Err(ExtractError::Unsupported(
            "an ISO media file that is not a HEIF picture".into(),
        ));
    }
    let reader = image::ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(|e| ExtractError::Corrupt(format!("unreadable image: {e}")))?;
    let format = reader.format();
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| ExtractError::Corrupt(format!("unreadable image: {e}")))?;
    let mut out = Extracted::default();
    if let Some(format) = format {
        out.metadata
            .insert("format".into(), format!("{format:?}").to_lowercase());
    }
    out.metadata.insert("width".into(), width.to_string());
    out.metadata.insert("height".into(), height.to_string());
    if u64::from(width) * u64::from(height) * 4 > MAX_DECODED_BYTES {
        out.metadata.insert(NOT_DECODED.into(), "too large".into());
        out.warnings.push(format!(
            "the picture is {width} × {height} pixels, more than Disclose decodes ({} megapixels at most): its text is not read",
            MAX_DECODED_BYTES / 4 / 1_000_000
        ));
    }
    Ok(out)
}

//! The streams of a PDF worth reading as text: every Flate stream,
//! decompressed (up to a limit each), so text a viewer would not show is
//! read too — except the samples of images (`/Subtype /Image`), which are
//! pixels, not text: what they show is read by OCR. A page picture
//! decompresses to megabytes, and looking for every redacted string in it
//! cost more than the rest of the check.

use std::io::Read;
use std::sync::LazyLock;

use regex::bytes::Regex;

/// Most bytes one stream is decompressed to.
const MAX_DECODED: u64 = 64 << 20;
/// How far before its `stream` keyword a stream's dictionary is looked for.
const MAX_DICTIONARY: usize = 4096;

static STREAM: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?-u)stream").ok());
static END: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?-u)endstream").ok());
static OBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?-u)\bobj\b").ok());
static IMAGE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?-u)/Subtype\s*/Image[\s/>\[(<]").ok());

/// The decompressed Flate streams of `data` that are not image samples,
/// all at once.
#[cfg(test)]
pub fn text_streams(data: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    each_text_stream(data, |stream| out.push(stream.to_vec()));
    out
}

/// Hands each decompressed Flate stream of `data` that is not image
/// samples to `each`, one at a time, so only one is held.
pub fn each_text_stream(data: &[u8], mut each: impl FnMut(&[u8])) {
    let (Some(stream), Some(end_re)) = (STREAM.as_ref(), END.as_ref()) else {
        return;
    };
    let mut at = 0;
    while let Some(keyword) = stream.find_at(data, at) {
        let start = keyword.end();
        let body_start = match data.get(start..start + 2) {
            Some(b"\r\n") => start + 2,
            Some([b'\n', _]) => start + 1,
            _ => start,
        };
        let Some(end) = end_re.find_at(data, body_start).map(|m| m.start()) else {
            break;
        };
        if !is_image(data, keyword.start()) {
            let mut decoded = Vec::new();
            let mut inflater =
                flate2::read::ZlibDecoder::new(&data[body_start..end]).take(MAX_DECODED);
            if inflater.read_to_end(&mut decoded).is_ok() || !decoded.is_empty() {
                each(&decoded);
            }
        }
        at = end + b"endstream".len();
    }
}

/// Whether the dictionary of the stream whose keyword starts at `keyword`
/// (from its object's `obj` on) says it is an image.
fn is_image(data: &[u8], keyword: usize) -> bool {
    let (Some(object), Some(image)) = (OBJECT.as_ref(), IMAGE.as_ref()) else {
        return false;
    };
    let window = &data[keyword.saturating_sub(MAX_DICTIONARY)..keyword];
    let from = object.find_iter(window).last().map_or(0, |m| m.end());
    image.is_match(&window[from..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn object(number: u32, dictionary: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("{number} 0 obj\n<< {dictionary} /Filter /FlateDecode >>\nstream\n")
            .into_bytes();
        out.extend(deflate(body));
        out.extend(b"\nendstream\nendobj\n");
        out
    }

    #[test]
    fn text_streams_are_read_and_image_samples_are_not() {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend(object(1, "/Length 9", b"BT (John Smith) Tj ET"));
        pdf.extend(object(
            2,
            "/Type /XObject /Subtype /Image /Width 2 /Height 1",
            b"John Smith pixels",
        ));
        pdf.extend(object(3, "/Subtype/Image/Width 1", b"more pixels"));
        pdf.extend(object(
            4,
            "/Type /Metadata /Subtype /XML",
            b"<x>Jane Doe</x>",
        ));
        // A dictionary naming an image only in a value that is not its
        // subtype is still read.
        pdf.extend(object(5, "/Title (Subtype Image)", b"Ann Lee"));
        let streams: Vec<String> = text_streams(&pdf)
            .iter()
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect();
        assert_eq!(
            streams,
            ["BT (John Smith) Tj ET", "<x>Jane Doe</x>", "Ann Lee"],
            "{streams:?}"
        );
    }

    #[test]
    fn broken_streams_do_not_stop_the_reading() {
        assert!(text_streams(b"stream\nnot deflated\nendstream").is_empty());
        assert!(text_streams(b"1 0 obj << >> stream\nno end").is_empty());
        assert!(text_streams(b"").is_empty());
    }
}

//! The streams of a PDF worth reading as text: every Flate stream,
//! decompressed (up to a limit each), so text a viewer would not show is
//! read too — except the samples of images (`/Subtype /Image`), which are
//! pixels, not text: what they show is read by OCR. A page picture
//! decompresses to megabytes, and looking for every redacted string in it
//! cost more than the rest of the check. Nor the parts of fonts (a font
//! program, its map of codes to glyphs or to characters): tables and
//! glyph outlines, in which a short word ("post", "Id") stands by chance.
//!
//! And a PDF's raw bytes as a reader could read them ([`readable_raw`]):
//! what lies outside its compressed streams (dictionaries, the document
//! information, uncompressed streams such as XMP or a plain content
//! stream), without the compressed bytes — in which a short redacted word
//! turns up by chance, and whose text is read decompressed — and the parts
//! of fonts, and without the file's own syntax (its `%PDF-1.7` header,
//! `obj`, `stream`, `trailer`, `%%EOF` and the like, a CID font's
//! `/Registry (Adobe) /Ordering (Identity)`).

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
/// A stream's keyword after its dictionary, and its end of line.
static STREAM_START: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?-u)>>[\x00\t\n\x0C\r ]*stream(?:\r\n|\n|\r)").ok());
static FILTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?-u)/Filter[\x00\t\n\x0C\r ]*[/\[]").ok());
/// The file's own syntax: its header line, the keywords around objects,
/// streams and cross-reference sections, and its end marker.
static SYNTAX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u)\A%PDF-[0-9.]*|\b(?:obj|endobj|stream|endstream|xref|trailer|startxref)\b|%%EOF",
        r"|/Registry\s*\(Adobe\)\s*/Ordering\s*\((?:Identity|UCS)\)",
    ))
    .ok()
});
/// A reference to a part of a font: its program, its map of codes to
/// characters, its map of codes to glyphs.
static FONT_PART: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?-u)/(?:FontFile[23]?|ToUnicode|CIDToGIDMap)\s*([0-9]+)\s+[0-9]+\s+R").ok()
});
/// An object's head: its number, its generation and `obj`.
static OBJECT_HEAD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?-u)\b([0-9]+)\s+[0-9]+\s+obj\b").ok());
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
    let fonts = font_parts(data);
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
        if !is_image(data, keyword.start()) && !of(data, keyword.start(), &fonts) {
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

/// The bytes of a PDF a reader could read as they stand: the bodies of
/// its streams with a `/Filter` each left out (a line break in their
/// place), and its own syntax blanked.
pub fn readable_raw(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().min(1 << 20));
    let mut at = 0;
    let fonts = font_parts(data);
    if let (Some(start), Some(end_re), Some(filter)) =
        (STREAM_START.as_ref(), END.as_ref(), FILTER.as_ref())
    {
        let mut from = 0;
        while let Some(keyword) = start.find_at(data, from) {
            let body_start = keyword.end();
            let Some(end) = end_re.find_at(data, body_start).map(|m| m.start()) else {
                break;
            };
            let dictionary_end = keyword.start() + 2;
            if dictionary_holds(data, dictionary_end, filter) || of(data, dictionary_end, &fonts) {
                out.extend_from_slice(&data[at..body_start]);
                out.push(b'\n');
                at = end;
            }
            from = end;
        }
    }
    out.extend_from_slice(&data[at..]);
    if let Some(syntax) = SYNTAX.as_ref() {
        let found: Vec<_> = syntax.find_iter(&out).map(|m| m.range()).collect();
        for range in found {
            out[range].fill(b' ');
        }
    }
    out
}

/// The numbers of the objects that are parts of fonts.
fn font_parts(data: &[u8]) -> std::collections::HashSet<u64> {
    let Some(part) = FONT_PART.as_ref() else {
        return Default::default();
    };
    part.captures_iter(data)
        .filter_map(|c| std::str::from_utf8(&c[1]).ok()?.parse().ok())
        .collect()
}

/// Whether the stream whose keyword starts at `keyword` is one of the
/// objects numbered in `objects`.
fn of(data: &[u8], keyword: usize, objects: &std::collections::HashSet<u64>) -> bool {
    let Some(head) = OBJECT_HEAD.as_ref() else {
        return false;
    };
    if objects.is_empty() {
        return false;
    }
    let window = &data[keyword.saturating_sub(MAX_DICTIONARY)..keyword];
    head.captures_iter(window)
        .last()
        .and_then(|c| std::str::from_utf8(&c[1]).ok()?.parse().ok())
        .is_some_and(|number: u64| objects.contains(&number))
}

/// Whether the dictionary of the stream whose keyword starts at `keyword`
/// (from its object's `obj` on) says it is an image.
fn is_image(data: &[u8], keyword: usize) -> bool {
    IMAGE
        .as_ref()
        .is_some_and(|image| dictionary_holds(data, keyword, image))
}

/// Whether the dictionary before the stream keyword at `keyword` (from its
/// object's `obj` on) holds `what`.
fn dictionary_holds(data: &[u8], keyword: usize, what: &Regex) -> bool {
    let Some(object) = OBJECT.as_ref() else {
        return false;
    };
    let window = &data[keyword.saturating_sub(MAX_DICTIONARY)..keyword];
    let from = object.find_iter(window).last().map_or(0, |m| m.end());
    what.is_match(&window[from..])
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
    fn readable_raw_bytes_leave_out_compressed_bodies_and_the_files_own_syntax() {
        let mut pdf = b"%PDF-1.7\n%\x80\x80\n".to_vec();
        pdf.extend(object(1, "/Length 9", b"BT (Compressed Smith) Tj ET"));
        pdf.extend(
            b"2 0 obj\n<< /Length 24 >>\nstream\nBT (Plain Smith) Tj ET\nendstream\nendobj\n",
        );
        pdf.extend(
            b"3 0 obj\n<< /Type /Font /ToUnicode 4 0 R /FontFile2 5 0 R \
/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>\nendobj\n",
        );
        pdf.extend(
            b"4 0 obj\n<< /Length 20 >>\nstream\n%!PS-Adobe-3.0 Resource-CMap\nendstream\nendobj\n",
        );
        pdf.extend(object(5, "/Length 9", b"post Id name glyf"));
        pdf.extend(b"trailer\n<< /Info << /Author (Jane Doe) >> >>\nstartxref\n9\n%%EOF\n");
        let raw = String::from_utf8_lossy(&readable_raw(&pdf)).into_owned();
        assert!(!raw.contains("PDF") && !raw.contains("Compressed"), "{raw}");
        for kept in [
            "Plain Smith",
            "/Author (Jane Doe)",
            "/FlateDecode",
            "/Length 24",
        ] {
            assert!(raw.contains(kept), "{kept} in {raw}");
        }
        assert!(
            !raw.contains("Resource-CMap") && !raw.contains("Identity"),
            "{raw}"
        );
        assert!(raw.contains("/Supplement 0"), "{raw}");
        let decoded: Vec<Vec<u8>> = text_streams(&pdf);
        assert_eq!(decoded, [b"BT (Compressed Smith) Tj ET".to_vec()]);
        for syntax in ["obj", "stream", "trailer", "startxref", "EOF"] {
            assert!(!raw.contains(syntax), "{syntax} in {raw}");
        }
        assert_eq!(readable_raw(b"plain text"), b"plain text");
    }

    #[test]
    fn broken_streams_do_not_stop_the_reading() {
        assert!(text_streams(b"stream\nnot deflated\nendstream").is_empty());
        assert!(text_streams(b"1 0 obj << >> stream\nno end").is_empty());
        assert!(text_streams(b"").is_empty());
    }
}

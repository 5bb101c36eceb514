//! A set of hostile files, made in code: each one attacks a reader the way
//! real malicious or broken files do (decompression and repeat bombs, pixel
//! bombs in every image format, page-tree and xref loops, deep nesting,
//! overlapping zip entries, huge length claims), plus three test files that
//! make a worker hang, abort or allocate without bound (they act only when
//! `DISCLOSE_TEST_HOOKS=1`), so the watchdog is proven apart from any
//! reader's bugs. Small on disk: every file is under 2 MB.

use std::io::{Cursor, Read, Write};

use flate2::write::ZlibEncoder;
use flate2::Compression;

use crate::fixtures;

/// `(file name, bytes)` of every hostile file.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(&str, Vec<u8>)> = vec![
        ("far-corner.xlsx", far_corner_xlsx()),
        ("repeat-bomb.ods", repeat_bomb_ods()),
        ("pixel-bomb.png", pixel_bomb_png()),
        ("pixel-bomb.gif", pixel_bomb_gif()),
        ("pixel-bomb.bmp", pixel_bomb_bmp()),
        ("pixel-bomb.jpg", pixel_bomb_jpeg()),
        ("pixel-bomb.tiff", pixel_bomb_tiff()),
        ("pixel-bomb.webp", pixel_bomb_webp()),
        ("many-paths.pdf", many_paths_pdf()),
        ("page-tree-loop.pdf", page_tree_loop_pdf()),
        ("xref-loop.pdf", xref_loop_pdf()),
        ("deep-arrays.pdf", deep_arrays_pdf()),
        ("overlapping.zip", overlapping_zip()),
        ("length-claim.zip", length_claim_zip()),
        ("deep.html", deep_html()),
        ("deep.docx", deep_docx()),
        ("entity-bomb.docx", entity_bomb_docx()),
        ("length-claim.rtf", length_claim_rtf()),
        ("deep.json", "[".repeat(100_000).into_bytes()),
        ("wide.csv", ",".repeat(1_000_000).into_bytes()),
        ("folded.vcf", folded_vcard()),
        ("fat-loop.doc", fat_loop_ole()),
        ("header-only.pst", header_only_pst()),
        ("bomb-in-mail.eml", bomb_in_mail()),
    ];
    out.push(("hang.bin", b"DISCLOSE-TEST-HANG".to_vec()));
    out.push(("abort.bin", b"DISCLOSE-TEST-ABORT".to_vec()));
    out.push(("alloc.bin", b"DISCLOSE-TEST-ALLOC".to_vec()));
    out.into_iter().map(|(n, b)| (n.to_string(), b)).collect()
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(data).expect("compress");
    encoder.finish().expect("compress")
}

/// The fixture zip `base` with entry `name` replaced by `data`.
fn with_entry(base: &[u8], name: &str, data: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(base)).expect("fixture zip");
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("entry bytes");
        entries.push((entry.name().expect("entry name").to_string(), bytes));
    }
    for entry in entries.iter_mut().filter(|e| e.0 == name) {
        entry.1 = data.to_vec();
    }
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
    fixtures::zip(&refs)
}

/// A workbook of 1.5 KB with one cell at A1 and one at XFD1048576: read as
/// a dense grid it needs half a terabyte.
fn far_corner_xlsx() -> Vec<u8> {
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>farcornerfirst</t></is></c></row>
<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>farcornerlast</t></is></c></row>
</sheetData></worksheet>"#;
    with_entry(
        &fixtures::xlsx(&[&["a"]], &[&["b"]]),
        "xl/worksheets/sheet1.xml",
        sheet.as_bytes(),
    )
}

/// A spreadsheet whose one cell is repeated across every column of every
/// row the format allows.
fn repeat_bomb_ods() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="Bomb"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>repeat</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    fixtures::zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header claims 60,000 × 60,000 pixels, with 8 MB of
/// compressed-away zero rows behind it.
fn pixel_bomb_png() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&60_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png_chunk(&mut out, b"IHDR", &ihdr);
    png_chunk(&mut out, b"IDAT", &zlib(&vec![0u8; 8 << 20]));
    png_chunk(&mut out, b"IEND", &[]);
    out
}

/// A GIF of 65,535 × 65,535 pixels.
fn pixel_bomb_gif() -> Vec<u8> {
    let mut out = b"GIF89a".to_vec();
    out.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0, 0]);
    out.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
    out.extend_from_slice(&[0x2C, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0]);
    out.extend_from_slice(&[2, 2, 0x4C, 0x01, 0, 0x3B]);
    out
}

/// A 24-bit BMP claiming 50,000 × 50,000 pixels in 100 bytes.
fn pixel_bomb_bmp() -> Vec<u8> {
    let mut out = b"BM".to_vec();
    out.extend_from_slice(&100u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&54u32.to_le_bytes());
    out.extend_from_slice(&40u32.to_le_bytes());
    out.extend_from_slice(&50_000i32.to_le_bytes());
    out.extend_from_slice(&50_000i32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&24u16.to_le_bytes());
    out.extend_from_slice(&[0; 24]);
    out.resize(100, 0);
    out
}

/// A baseline JPEG frame header of 65,000 × 65,000 pixels.
fn pixel_bomb_jpeg() -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    out.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8]);
    out.extend_from_slice(&65_000u16.to_be_bytes());
    out.extend_from_slice(&65_000u16.to_be_bytes());
    out.extend_from_slice(&[1, 1, 0x11, 0]);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// A TIFF of 60,000 × 60,000 RGB pixels in one strip that is not there.
fn pixel_bomb_tiff() -> Vec<u8> {
    let mut out = b"II*\0".to_vec();
    out.extend_from_slice(&8u32.to_le_bytes());
    let entries: [(u16, u16, u32, u32); 8] = [
        (256, 4, 1, 60_000),
        (257, 4, 1, 60_000),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 2),
        (273, 4, 1, 200),
        (277, 3, 1, 3),
        (279, 4, 1, 4_000_000_000),
    ];
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, count, value) in entries {
        out.extend_from_slice(&tag.to_le_bytes());
        out.extend_from_slice(&kind.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
    }
    out.extend_from_slice(&0u32.to_le_bytes());
    out.resize(256, 0);
    out
}

/// A lossless WebP of 16,383 × 16,383 pixels (the format's largest).
fn pixel_bomb_webp() -> Vec<u8> {
    let mut vp8l = vec![0x2F];
    let bits: u32 = 16_382 | (16_382 << 14);
    vp8l.extend_from_slice(&bits.to_le_bytes());
    vp8l.extend_from_slice(&[0; 16]);
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&((4 + 8 + vp8l.len()) as u32).to_le_bytes());
    out.extend_from_slice(b"WEBPVP8L");
    out.extend_from_slice(&(vp8l.len() as u32).to_le_bytes());
    out.extend_from_slice(&vp8l);
    out
}

fn pdf_with_page_content(content: &[u8]) -> Vec<u8> {
    let compressed = zlib(content);
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        compressed.len()
    )
    .into_bytes();
    stream.extend_from_slice(&compressed);
    stream.extend_from_slice(b"\nendstream");
    fixtures::assemble_pdf(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
            stream,
        ],
        "",
    )
}

/// One page that draws 1.5 million paths (a few hundred KB compressed).
fn many_paths_pdf() -> Vec<u8> {
    let mut content = Vec::with_capacity(30 << 20);
    for i in 0..1_500_000u32 {
        let x = i % 600;
        let y = (i / 600) % 780;
        content.extend_from_slice(format!("{x} {y} m {} {} l S\n", x + 3, y + 3).as_bytes());
    }
    pdf_with_page_content(&content)
}

/// A page tree whose node lists itself as its own kid.
fn page_tree_loop_pdf() -> Vec<u8> {
    fixtures::assemble_pdf(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>".to_vec(),
        ],
        "",
    )
}

/// A cross-reference chain whose `/Prev` points back at itself.
fn xref_loop_pdf() -> Vec<u8> {
    let base = fixtures::pdf(&[&["xref loop"]]);
    let text = String::from_utf8_lossy(&base).into_owned();
    let xref = text.rfind("startxref\n").expect("startxref") + "startxref\n".len();
    let offset: String = text[xref..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    text.replacen("/Root 1 0 R", &format!("/Root 1 0 R /Prev {offset}"), 1)
        .into_bytes()
}

/// Content nested 100,000 arrays deep.
fn deep_arrays_pdf() -> Vec<u8> {
    let mut content = "[".repeat(100_000).into_bytes();
    content.extend_from_slice(&"]".repeat(100_000).into_bytes());
    content.extend_from_slice(b" TJ");
    pdf_with_page_content(&content)
}

/// A zip whose many central-directory entries all point at the same
/// compressed data (the overlapping-entries bomb).
fn overlapping_zip() -> Vec<u8> {
    let data = zlib_raw(&vec![0u8; 4 << 20]);
    let crc = crc32(&vec![0u8; 4 << 20]);
    let mut out = Vec::new();
    let name = b"a.txt";
    out.extend_from_slice(&[0x50, 0x4B, 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&(4u32 << 20).to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name);
    out.extend_from_slice(&data);
    let directory_at = out.len();
    let entries = 2_000u16;
    for i in 0..entries {
        let name = format!("copy{i:05}.txt");
        out.extend_from_slice(&[0x50, 0x4B, 1, 2, 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(4u32 << 20).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    }
    let directory_len = out.len() - directory_at;
    out.extend_from_slice(&[0x50, 0x4B, 5, 6, 0, 0, 0, 0]);
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&(directory_len as u32).to_le_bytes());
    out.extend_from_slice(&(directory_at as u32).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn zlib_raw(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(data).expect("compress");
    encoder.finish().expect("compress")
}

/// A zip entry that claims to hold 4 GB.
fn length_claim_zip() -> Vec<u8> {
    let mut zip = fixtures::zip(&[("claim.txt", b"lengthclaimword")]);
    let Some(at) = zip.windows(4).rposition(|w| w == [0x50, 0x4B, 1, 2]) else {
        return zip;
    };
    zip[at + 24..at + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    zip
}

fn deep_html() -> Vec<u8> {
    ("<html><body>".to_string() + &"<div>".repeat(200_000) + "deepword").into_bytes()
}

fn deep_docx() -> Vec<u8> {
    let body = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}<w:t>deepdocxword</w:t>{}</w:body></w:document>",
        "<w:p>".repeat(100_000),
        "</w:p>".repeat(100_000)
    );
    with_entry(
        &fixtures::docx(&["x"], "", "", "", ""),
        "word/document.xml",
        body.as_bytes(),
    )
}

/// The "billion laughs": entities defined in terms of each other.
fn entity_bomb_docx() -> Vec<u8> {
    let mut dtd = String::from("<!DOCTYPE w:document [<!ENTITY l0 \"ha\">");
    for i in 1..10 {
        dtd.push_str(&format!(
            "<!ENTITY l{i} \"{}\">",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    dtd.push_str("]>");
    let body = format!(
        "<?xml version=\"1.0\"?>{dtd}<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    );
    with_entry(
        &fixtures::docx(&["x"], "", "", "", ""),
        "word/document.xml",
        body.as_bytes(),
    )
}

fn length_claim_rtf() -> Vec<u8> {
    b"{\\rtf1 {\\*\\blipuid \\bin2147483647 x} lengthclaimrtf}".to_vec()
}

/// A vCard whose one note is folded over 200,000 continuation lines.
fn folded_vcard() -> Vec<u8> {
    let mut out = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded Contact\r\nNOTE:a".to_string();
    for _ in 0..200_000 {
        out.push_str("\r\n b");
    }
    out.push_str("\r\nEND:VCARD\r\n");
    out.into_bytes()
}

/// An OLE compound file whose sector chain points back at itself.
fn fat_loop_ole() -> Vec<u8> {
    let mut doc = fixtures::doc("fat loop text");
    if doc.len() >= 1024 {
        // The first FAT sector (sector 0, at 512): every entry points at
        // entry 1, a chain that never ends.
        for entry in doc[512..1024].chunks_exact_mut(4) {
            entry.copy_from_slice(&1u32.to_le_bytes());
        }
    }
    doc
}

fn header_only_pst() -> Vec<u8> {
    let mut out = b"!BDN".to_vec();
    out.resize(512, 0xFF);
    out[10] = 23;
    out
}

/// An e-mail whose attachment is a decompression bomb.
fn bomb_in_mail() -> Vec<u8> {
    let bomb = fixtures::zip(&[("zeros.bin", &vec![0u8; 32 << 20])]);
    fixtures::eml_with_attachment(
        "bomb@example.org",
        "Attached",
        "bombmailword",
        "zeros.zip",
        "application/zip",
        &bomb,
    )
}

/// Ordinary files that must all read `ok` beside the hostile ones: `(name,
/// bytes, a word only that file holds)`.
pub fn ordinary() -> Vec<(String, Vec<u8>, String)> {
    let mut out = vec![
        (
            "letter.pdf".to_string(),
            fixtures::pdf(&[&["Repairs letter ordinaryalpha"]]),
            "ordinaryalpha".to_string(),
        ),
        (
            "notes.docx".to_string(),
            fixtures::docx(&["Visit notes ordinarybravo"], "", "", "", ""),
            "ordinarybravo".to_string(),
        ),
        (
            "rent.xlsx".to_string(),
            fixtures::xlsx(&[&["Week", "Paid"], &["1", "ordinarycharlie"]], &[]),
            "ordinarycharlie".to_string(),
        ),
        (
            "note.txt".to_string(),
            b"Phone call ordinarydelta".to_vec(),
            "ordinarydelta".to_string(),
        ),
    ];
    let messages: Vec<Vec<u8>> = (0..3)
        .map(|i| {
            fixtures::eml(
                &format!("m{i}@example.org"),
                "officer@example.org",
                "tenant@example.com",
                &format!("Message {i}"),
                "Thu, 5 Mar 2026 10:00:00 +0000",
                &format!("ordinaryecho{i}"),
            )
        })
        .collect();
    out.push((
        "mail.mbox".to_string(),
        fixtures::mbox(&messages),
        "ordinaryecho2".to_string(),
    ));
    out
}

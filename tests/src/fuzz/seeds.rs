//! Seed inputs for the fuzz targets, written in code by the project's own
//! fixture writers (`crate::fixtures`, the PST writer in
//! `crate::pst`) plus a few small files written here for formats those
//! writers do not cover (ODS, XLS, RTF, vCard, iCalendar, images). AFL
//! starts from these; the replay test runs them too.

use std::io::{Cursor, Read, Write};

use crate::fixtures as formats;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::pst;

/// The seeds of `target`, as (file name, bytes).
pub fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let named = |list: Vec<Vec<u8>>, ext: &str| -> Vec<(String, Vec<u8>)> {
        list.into_iter()
            .enumerate()
            .map(|(i, data)| (format!("seed-{i}.{ext}"), data))
            .collect()
    };
    match target {
        "eml" => named(emails(), "eml"),
        "mbox" => named(vec![formats::mbox(&emails())], "mbox"),
        "pdf" | "pdf_render" => named(
            vec![
                formats::pdf(&[&["Rent statement", "Arrears: 120.00"], &["Page two"]]),
                crate::adversarial::pdf(),
            ],
            "pdf",
        ),
        "docx" => named(
            with_stored(formats::docx(
                &["Dear tenant,", "The repair is booked."],
                "Housing Office",
                "Page 1",
                "Check the date",
                "old text",
            )),
            "docx",
        ),
        "odt" => named(
            with_stored(formats::odt(&["First line", "Second line"])),
            "odt",
        ),
        "pptx" => named(
            with_stored(formats::pptx(&["Repairs plan", "Budget"], "Speaker notes")),
            "pptx",
        ),
        "xlsx" => named(
            with_stored(formats::xlsx(
                &[&["Name", "Rent"], &["Flat 3", "450.5"]],
                &[&["hidden", "1"]],
            )),
            "xlsx",
        ),
        "xls" => named(vec![xls()], "xls"),
        "ods" => named(with_stored(ods()), "ods"),
        "csv" => named(
            vec![b"name,rent,note\r\nFlat 3,450.50,\"late, twice\"\r\nFlat 4,399,\r\n".to_vec()],
            "csv",
        ),
        "doc" => named(
            vec![formats::doc("Dear tenant,\nThe repair is booked.")],
            "doc",
        ),
        "ppt" => named(vec![formats::ppt(&["Repairs plan", "Budget 2026"])], "ppt"),
        "msg" => named(
            vec![formats::msg(
                "Boiler",
                "It is broken again.",
                "note.txt",
                b"cold",
            )],
            "msg",
        ),
        "rtf_compressed" => named(
            vec![
                pst::lzfu_compress(RTF.as_bytes()),
                stored_rtf(RTF.as_bytes()),
            ],
            "bin",
        ),
        "rtf" => named(vec![RTF.as_bytes().to_vec()], "rtf"),
        "html" => named(vec![HTML.as_bytes().to_vec()], "html"),
        "json" => named(
            vec![
                br#"{"tenant":{"name":"Jane","flats":[3,4.5,true,null]},"notes":["a\u00e9"]}"#
                    .to_vec(),
            ],
            "json",
        ),
        "text" => named(
            vec![
                "Plain note about flat 3 \u{2013} caf\u{e9}\r\n"
                    .as_bytes()
                    .to_vec(),
                b"\xff\xfeh\0i\0".to_vec(),
            ],
            "txt",
        ),
        "card" => named(
            vec![VCARD.as_bytes().to_vec(), ICAL.as_bytes().to_vec()],
            "txt",
        ),
        "zip" => named(
            with_stored(formats::zip(&[
                ("notes/a.txt", b"first note"),
                ("nested.zip", &formats::zip(&[("b.txt", b"inner")])),
            ])),
            "zip",
        ),
        "image_png" => named(vec![picture(image::ImageFormat::Png)], "png"),
        "image_jpeg" => named(
            vec![picture(image::ImageFormat::Jpeg), rotated_jpeg()],
            "jpg",
        ),
        "image_gif" => named(vec![picture(image::ImageFormat::Gif)], "gif"),
        "image_bmp" => named(vec![picture(image::ImageFormat::Bmp)], "bmp"),
        "image_tiff" => named(vec![picture(image::ImageFormat::Tiff)], "tif"),
        "image_webp" => named(vec![picture(image::ImageFormat::WebP)], "webp"),
        "sniff" => {
            let mut out = Vec::new();
            for other in [
                "eml",
                "pdf",
                "docx",
                "xls",
                "rtf",
                "card",
                "image_png",
                "csv",
            ] {
                for (name, data) in seeds(other) {
                    let mut input = vec![0u8];
                    input.extend_from_slice(&data[..data.len().min(4096)]);
                    out.push((format!("{other}-{name}"), input));
                }
            }
            out
        }
        "pst" => named(vec![pst::write_pst(&mailbox())], "pst"),
        _ => Vec::new(),
    }
}

fn emails() -> Vec<Vec<u8>> {
    vec![
        formats::eml(
            "a1@example.org",
            "Jane Smith <jane@example.org>",
            "Housing <housing@example.org>",
            "Damp in flat 3",
            "Wed, 4 Mar 2026 09:30:00 +0000",
            "The bedroom wall is wet.",
        ),
        formats::eml_with_attachment(
            "a2@example.org",
            "Photos",
            "See attached.",
            "note.txt",
            "text/plain",
            b"mould behind the wardrobe",
        ),
    ]
}

/// The archive as written, and again with every entry stored uncompressed
/// so that mutations reach the entries' contents.
fn with_stored(zipped: Vec<u8>) -> Vec<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(zipped.clone())).expect("our own zip");
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("entry data");
        let name = entry.name().expect("entry name").to_string();
        out.start_file(name, options).expect("entry");
        out.write_all(&data).expect("write");
    }
    let stored = out.finish().expect("finish").into_inner();
    vec![zipped, stored]
}

/// A small OpenDocument spreadsheet with one table.
fn ods() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Rents">
<table:table-row><table:table-cell office:value-type="string"><text:p>Flat</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Rent</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>3</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="450.5"><text:p>450.5</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    formats::zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", MANIFEST.as_bytes()),
    ])
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;

/// A BIFF8 record.
fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

/// A BOF record's body for a substream of type `dt`.
fn bof(dt: u16) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(&0x0600u16.to_le_bytes());
    b.extend_from_slice(&dt.to_le_bytes());
    b.extend_from_slice(&[0; 12]);
    b
}

/// A small Excel 97 workbook: one sheet with a shared string and a number.
fn xls() -> Vec<u8> {
    xls_claiming(1, 2, None)
}

/// The workbook of [`xls`], whose sheet's DIMENSIONS record claims `rows`
/// by `columns` and which holds one more number at `far_cell` (row,
/// column) when given.
pub fn xls_claiming(rows: u32, columns: u16, far_cell: Option<(u16, u16)>) -> Vec<u8> {
    let name = b"Rents";
    let mut globals = Vec::new();
    record(&mut globals, 0x0809, &bof(0x0005));
    record(&mut globals, 0x0042, &1200u16.to_le_bytes());
    let sheet_entry_len = 4 + (4 + 4 + name.len());
    let mut sst = Vec::new();
    sst.extend_from_slice(&1u32.to_le_bytes());
    sst.extend_from_slice(&1u32.to_le_bytes());
    sst.extend_from_slice(&4u16.to_le_bytes());
    sst.push(0);
    sst.extend_from_slice(b"Flat");
    let globals_len = globals.len() + sheet_entry_len + 4 + sst.len() + 4;
    let mut sheet_entry = Vec::new();
    sheet_entry.extend_from_slice(&(globals_len as u32).to_le_bytes());
    sheet_entry.extend_from_slice(&[0, 0, name.len() as u8, 0]);
    sheet_entry.extend_from_slice(name);
    record(&mut globals, 0x0085, &sheet_entry);
    record(&mut globals, 0x00FC, &sst);
    record(&mut globals, 0x000A, &[]);
    assert_eq!(globals.len(), globals_len);
    let mut sheet = Vec::new();
    record(&mut sheet, 0x0809, &bof(0x0010));
    let mut dims = Vec::new();
    dims.extend_from_slice(&0u32.to_le_bytes());
    dims.extend_from_slice(&rows.to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    dims.extend_from_slice(&columns.to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    record(&mut sheet, 0x0200, &dims);
    let mut label = vec![0, 0, 0, 0, 0, 0];
    label.extend_from_slice(&0u32.to_le_bytes());
    record(&mut sheet, 0x00FD, &label);
    let mut number = vec![0, 0, 1, 0, 0, 0];
    number.extend_from_slice(&450.5f64.to_le_bytes());
    record(&mut sheet, 0x0203, &number);
    if let Some((row, column)) = far_cell {
        let mut far = row.to_le_bytes().to_vec();
        far.extend_from_slice(&column.to_le_bytes());
        far.extend_from_slice(&[0, 0]);
        far.extend_from_slice(&1.0f64.to_le_bytes());
        record(&mut sheet, 0x0203, &far);
    }
    record(&mut sheet, 0x000A, &[]);
    globals.extend_from_slice(&sheet);
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("compound file");
    file.create_stream("/Workbook")
        .and_then(|mut s| s.write_all(&globals))
        .expect("workbook stream");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

const RTF: &str = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}{\f1\fcharset204 Times;}}{\info{\title Rent}{\author Jo}{\creatim\yr2024\mo1\dy2}}
{\header \pard Housing Office\par}\pard Arrears of \'a3120 {\b bold {\i nested}}\par
Dash\u8212? euro\u8364\'80 {\f1 \'cf\'f0}\par\trowd\cellx1000 Name\cell\row
{\*\annotation \pard Check\par}{\field{\*\fldinst HYPERLINK x}{\fldrslt link}}{\pict 0102}\par}";

/// Compressed-RTF framing with the "stored" (`MELA`) kind.
fn stored_rtf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&((raw.len() + 12) as u32).to_le_bytes());
    out.extend_from_slice(&(raw.len() as u32).to_le_bytes());
    out.extend_from_slice(&0x414C_454Du32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(raw);
    out
}

const HTML: &str = "<!DOCTYPE html><html><head><title>Notice</title><meta charset=\"utf-8\"><style>p{}</style><script>x()</script></head><body><h1>Notice &amp; letter</h1><p>Rent <b>due</b> &pound;5<br>now</p><table><tr><td>a</td><td>b</td></tr></table><ul><li>one</li></ul><a href=\"mailto:a@b\">mail</a><img alt=\"photo\"></body></html>";

const VCARD: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Smith\r\nN:Smith;Jane;;;\r\nEMAIL;TYPE=INTERNET:jane@example.org\r\nTEL;TYPE=HOME:01234 567890\r\nADR;TYPE=HOME:;;3 Elm Road;Leeds;;LS1 1AA;UK\r\nNOTE:Prefers e-mail\\, not calls\r\n long line folded\r\nEND:VCARD\r\n";

const ICAL: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\nDTSTART:20260304T093000Z\r\nDTEND:20260304T103000Z\r\nSUMMARY:Inspection\r\nLOCATION:Flat 3\r\nDESCRIPTION:Damp check\\nbring meter\r\nATTENDEE;CN=Jane:mailto:jane@example.org\r\nEND:VEVENT\r\nBEGIN:VTODO\r\nSUMMARY:Call back\r\nDUE:20260305\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";

/// A 12 × 8 picture with a gradient, in `format`.
fn picture(format: image::ImageFormat) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(12, 8, |x, y| {
        image::Rgb([(x * 20) as u8, (y * 30) as u8, ((x + y) * 10) as u8])
    });
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut out, format)
        .expect("encode picture");
    out.into_inner()
}

/// A JPEG whose EXIF block says "rotate 90°", so the orientation path runs.
fn rotated_jpeg() -> Vec<u8> {
    let plain = picture(image::ImageFormat::Jpeg);
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&6u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A small mailbox with every kind of item and body, and an attached
/// message, so the attached-message reader runs.
fn mailbox() -> pst::Mailbox {
    let person = |name: &str, address: &str| (name.to_string(), address.to_string());
    let inner = pst::Mail {
        subject: "Complaint".into(),
        from: person("Sarah Bell", "sarah@example.org"),
        to: vec![person("Housing", "housing@example.org")],
        sent: 1_700_000_000,
        body: pst::Body::Plain("Noise at night.".into()),
        attachments: vec![pst::Attachment::File {
            name: "log.txt".into(),
            data: b"23:40 music".to_vec(),
        }],
        ..Default::default()
    };
    let mail = pst::Mail {
        subject: "Inspection".into(),
        from: person("Priya Shah", "priya@example.org"),
        to: vec![person("Jane Smith", "jane@example.org")],
        cc: vec![person("Repairs", "repairs@example.org")],
        sent: 1_709_542_800,
        message_id: "<m1@example.org>".into(),
        body: pst::Body::Html("<p>See <b>notes</b>.</p>".into()),
        attachments: vec![
            pst::Attachment::File {
                name: "notes.txt".into(),
                data: b"mould".to_vec(),
            },
            pst::Attachment::Message {
                name: "Complaint".into(),
                mail: Box::new(inner),
            },
        ],
        ..Default::default()
    };
    let rtf = pst::Mail {
        subject: "Statement".into(),
        from: person("Rents", "rents@example.org"),
        sent: 1_709_629_200,
        body: pst::Body::Rtf(r"{\rtf1\ansi Arrears \'a3312\par}".into()),
        ..Default::default()
    };
    pst::Mailbox {
        display_name: "Housing".into(),
        password: None,
        folders: vec![pst::Folder {
            name: "Inbox".into(),
            items: vec![
                pst::Item::Mail(mail),
                pst::Item::Mail(rtf),
                pst::Item::Appointment(pst::Appointment {
                    subject: "Visit".into(),
                    location: "Flat 3".into(),
                    start: 1_709_542_800,
                    end: 1_709_546_400,
                    body: "Bring meter".into(),
                }),
                pst::Item::Contact(pst::Contact {
                    display_name: "Jane Smith".into(),
                    email: "jane@example.org".into(),
                    ..Default::default()
                }),
                pst::Item::Task(pst::Task {
                    subject: "Call back".into(),
                    due: 1_709_629_200,
                    body: "Before Friday".into(),
                }),
            ],
            folders: Vec::new(),
        }],
    }
}

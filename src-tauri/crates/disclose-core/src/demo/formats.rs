//! Writers for small files in the formats Disclose reads — email, mbox,
//! zip, PDF, DOCX, XLSX, ODT, Word 97, PowerPoint 97, Outlook .msg — built
//! in code so every byte is ours and the same on every run. The demo case
//! and the test fixtures are made with them.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub use crate::extract::pdf::assemble::assemble_pdf;

fn zip_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::from_date_and_time(2026, 1, 2, 3, 4, 5).expect("valid date"))
}

/// A zip of `(name, bytes)` entries.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, zip_options()).expect("zip entry");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A plain-text email.
pub fn eml(
    message_id: &str,
    from: &str,
    to: &str,
    subject: &str,
    date: &str,
    body: &str,
) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{message_id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// A plain-text reply linked to `in_reply_to` by In-Reply-To and
/// References.
pub fn reply(
    id: &str,
    in_reply_to: &str,
    from: &str,
    to: &str,
    subject: &str,
    date: &str,
    body: &str,
) -> Vec<u8> {
    let mut message =
        format!("In-Reply-To: <{in_reply_to}>\r\nReferences: <{in_reply_to}>\r\n").into_bytes();
    message.extend_from_slice(&eml(id, from, to, subject, date, body));
    message
}

/// An email with one attachment (base64).
pub fn eml_with_attachment(
    message_id: &str,
    subject: &str,
    body: &str,
    name: &str,
    content_type: &str,
    data: &[u8],
) -> Vec<u8> {
    let mut out = format!(
        "From: Housing Officer <officer@northgate-homes.example>\r\nTo: Jane Smith <jane.smith@example.com>\r\n\
Subject: {subject}\r\nDate: Wed, 4 Mar 2026 09:30:00 +0000\r\nMessage-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\
--BOUNDARY\r\nContent-Type: {content_type}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n"
    );
    out.push_str(&crate::extract::text::base64(data));
    out.push_str("\r\n--BOUNDARY--\r\n");
    out.into_bytes()
}

/// An mbox holding the given messages.
pub fn mbox(messages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(b"From MAILER-DAEMON Thu Mar  5 10:00:00 2026\n");
        out.extend_from_slice(
            &m.iter()
                .copied()
                .filter(|&b| b != b'\r')
                .collect::<Vec<_>>(),
        );
        out.extend_from_slice(b"\n");
    }
    out
}

/// A one-page-per-entry PDF in Helvetica, each page's lines drawn from the
/// top. Offsets in the cross-reference table are computed, so the file is
/// valid for every reader.
pub fn pdf(pages: &[&[&str]]) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    let page_count = pages.len();
    // 1: catalog, 2: pages, 3: font, then per page: page object, content stream.
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..page_count)
        .map(|i| format!("{} 0 R", 4 + i * 2))
        .collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {page_count} >>",
        kids.join(" ")
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, lines) in pages.iter().enumerate() {
        let mut content = String::from("BT /F1 12 Tf 72 720 Td 16 TL\n");
        for line in lines.iter() {
            let escaped = line
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!("({escaped}) Tj T*\n"));
        }
        content.push_str("ET");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + i * 2
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ));
    }
    let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
    assemble_pdf(
        &objects,
        "/Info << /Author (Northgate Homes) /Title (Tenancy letter) >>",
    )
}

const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn w_para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A DOCX with body, header, footer, a comment and a tracked deletion.
pub fn docx(body: &[&str], header: &str, footer: &str, comment: &str, deleted: &str) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
</Relationships>"#;
    let paragraphs: String = body.iter().map(|p| w_para(p)).collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W_NS}><w:body>{paragraphs}\
<w:p><w:del w:id=\"1\" w:author=\"Officer\"><w:r><w:delText>{deleted}</w:delText></w:r></w:del></w:p>\
<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Commented text.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/></w:p>\
<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></w:sectPr></w:body></w:document>"
    );
    let header_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr {W_NS}>{}</w:hdr>",
        w_para(header)
    );
    let footer_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:ftr {W_NS}>{}</w:ftr>",
        w_para(footer)
    );
    let comments = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments {W_NS}><w:comment w:id=\"0\" w:author=\"Reviewer\">{}</w:comment></w:comments>",
        w_para(comment)
    );
    let core = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>ASB case notes</dc:title><dc:creator>Sam Officer</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-01T09:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2026-02-02T10:00:00Z</dcterms:modified>
</cp:coreProperties>"#;
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/header1.xml", header_xml.as_bytes()),
        ("word/footer1.xml", footer_xml.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

fn sheet_xml(rows: &[&[&str]]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (r, row) in rows.iter().enumerate() {
        xml.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let col = (b'A' + c as u8) as char;
            xml.push_str(&format!(
                "<c r=\"{col}{}\" t=\"inlineStr\"><is><t>{cell}</t></is></c>",
                r + 1
            ));
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// An XLSX with a visible sheet and a hidden one.
pub fn xlsx(visible: &[&[&str]], hidden: &[&[&str]]) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Rent" sheetId="1" r:id="rId1"/><sheet name="Complaints" sheetId="2" state="hidden" r:id="rId2"/></sheets>
</workbook>"#;
    let wb_rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
</Relationships>"#;
    let s1 = sheet_xml(visible);
    let s2 = sheet_xml(hidden);
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", s1.as_bytes()),
        ("xl/worksheets/sheet2.xml", s2.as_bytes()),
    ])
}

/// An ODT with one paragraph per entry.
pub fn odt(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<text:p>{p}</text:p>"))
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    // ODF wants `mimetype` first and stored.
    w.start_file(
        "mimetype",
        zip_options().compression_method(CompressionMethod::Stored),
    )
    .expect("zip entry");
    w.write_all(b"application/vnd.oasis.opendocument.text")
        .expect("zip write");
    for (name, data) in [
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ] {
        w.start_file(name, zip_options()).expect("zip entry");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn ole_file(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    for (path, data) in streams {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if parent != std::path::Path::new("/") {
                file.create_storage_all(parent).expect("storage");
            }
        }
        file.create_stream(path)
            .expect("stream")
            .write_all(data)
            .expect("write stream");
    }
    // Storages carry creation and modification times; fix them so the same
    // content gives the same bytes.
    let fixed = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600);
    let storages: Vec<std::path::PathBuf> = file
        .walk()
        .filter(|e| e.is_storage() || e.is_root())
        .map(|e| e.path().to_path_buf())
        .collect();
    for storage in storages {
        file.set_created_time(&storage, fixed).expect("set time");
        file.set_modified_time(&storage, fixed).expect("set time");
    }
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

/// A Word 97–2003 document: a minimal FIB and one UTF-16 text piece.
pub fn doc(text: &str) -> Vec<u8> {
    let body = utf16(&text.replace('\n', "\r"));
    let text_at = 0x0800u32;
    let mut word = vec![0u8; text_at as usize];
    word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    word[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
    word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes()); // table stream is 1Table
    word.extend_from_slice(&body);
    let chars = (body.len() / 2) as u32;
    // CLX: one piece descriptor table (type 2) with CPs [0, chars] and one PCD.
    let mut plc = Vec::new();
    plc.extend_from_slice(&0u32.to_le_bytes());
    plc.extend_from_slice(&chars.to_le_bytes());
    plc.extend_from_slice(&0u16.to_le_bytes());
    plc.extend_from_slice(&text_at.to_le_bytes());
    plc.extend_from_slice(&0u16.to_le_bytes());
    let mut clx = vec![2u8];
    clx.extend_from_slice(&(plc.len() as u32).to_le_bytes());
    clx.extend_from_slice(&plc);
    word[0x01A2..0x01A6].copy_from_slice(&0u32.to_le_bytes());
    word[0x01A6..0x01AA].copy_from_slice(&(clx.len() as u32).to_le_bytes());
    ole_file(&[("/WordDocument", word), ("/1Table", clx)])
}

/// An Outlook message with a sender, one recipient, a plain body and an
/// attached text file.
pub fn msg(subject: &str, body: &str, attachment_name: &str, attachment: &[u8]) -> Vec<u8> {
    let mut props = vec![0u8; 32];
    // PR_CLIENT_SUBMIT_TIME (0x0039, PT_SYSTIME): 2026-03-04 09:30:00 UTC.
    let ticks: u64 = (1_772_616_600 + 11_644_473_600) * 10_000_000;
    props.extend_from_slice(&0x0039_0040u32.to_le_bytes());
    props.extend_from_slice(&6u32.to_le_bytes());
    props.extend_from_slice(&ticks.to_le_bytes());
    let mut recipient_props = vec![0u8; 8];
    recipient_props.extend_from_slice(&0x0C15_0003u32.to_le_bytes());
    recipient_props.extend_from_slice(&6u32.to_le_bytes());
    recipient_props.extend_from_slice(&1u64.to_le_bytes());
    ole_file(&[
        ("/__properties_version1.0", props),
        ("/__substg1.0_001A001F", utf16("IPM.Note")),
        ("/__substg1.0_0037001F", utf16(subject)),
        ("/__substg1.0_0C1A001F", utf16("Sam Officer")),
        (
            "/__substg1.0_0C1F001F",
            utf16("sam.officer@northgate-homes.example"),
        ),
        ("/__substg1.0_1000001F", utf16(body)),
        (
            "/__substg1.0_1035001F",
            utf16("<msg-fixture@northgate-homes.example>"),
        ),
        (
            "/__recip_version1.0_#00000000/__properties_version1.0",
            recipient_props,
        ),
        (
            "/__recip_version1.0_#00000000/__substg1.0_3001001F",
            utf16("Jane Smith"),
        ),
        (
            "/__recip_version1.0_#00000000/__substg1.0_39FE001F",
            utf16("jane.smith@example.com"),
        ),
        (
            "/__attach_version1.0_#00000000/__properties_version1.0",
            vec![0u8; 8],
        ),
        (
            "/__attach_version1.0_#00000000/__substg1.0_3707001F",
            utf16(attachment_name),
        ),
        (
            "/__attach_version1.0_#00000000/__substg1.0_37010102",
            attachment.to_vec(),
        ),
    ])
}

/// A PowerPoint 97–2003 presentation with one text atom per line.
pub fn ppt(lines: &[&str]) -> Vec<u8> {
    let mut atoms = Vec::new();
    for line in lines {
        let text = utf16(line);
        atoms.extend_from_slice(&0u16.to_le_bytes());
        atoms.extend_from_slice(&0x0FA0u16.to_le_bytes());
        atoms.extend_from_slice(&(text.len() as u32).to_le_bytes());
        atoms.extend_from_slice(&text);
    }
    let mut stream = Vec::new();
    stream.extend_from_slice(&0x000Fu16.to_le_bytes());
    stream.extend_from_slice(&0x03E8u16.to_le_bytes()); // Document container
    stream.extend_from_slice(&(atoms.len() as u32).to_le_bytes());
    stream.extend_from_slice(&atoms);
    ole_file(&[("/PowerPoint Document", stream)])
}

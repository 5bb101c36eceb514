//! Fixtures built to defeat naive redaction: a PDF that hides one name in
//! every place a recipient could dig it out of, a JPEG whose EXIF carries
//! the name, GPS and an unredacted thumbnail, and an email whose HTML part
//! repeats its plain-text part.

use std::io::Cursor;

use crate::fixtures::assemble_pdf;

/// The name every fixture hides.
pub const NAME: &str = "John Smith";
/// A name only in the PDF's first revision, replaced by a later one.
pub const OLD_NAME: &str = "Peter Okafor";

fn stream(dict: &str, body: &str) -> Vec<u8> {
    format!(
        "<< {dict} /Length {} >>\nstream\n{body}\nendstream",
        body.len()
    )
    .into_bytes()
}

fn page_content(with_old_revision: bool) -> String {
    let cid: String = "CID font John Smith"
        .chars()
        .map(|c| format!("{:04X}", c as u32))
        .collect();
    let mut content = String::new();
    if with_old_revision {
        content.push_str("BT /F1 12 Tf 72 740 Td (Draft naming Peter Okafor) Tj ET\n");
    }
    content.push_str(&format!(
        "BT /F1 12 Tf 72 720 Td (Complainant John Smith reported noise at Mill Lane.) Tj ET\n\
         BT /F1 12 Tf 72 690 Td (Boxed: John Smith) Tj ET\n\
         0 0 0 rg 110 686 80 16 re f\n\
         1 1 1 rg BT /F1 12 Tf 72 660 Td (White text John Smith) Tj ET 0 0 0 rg\n\
         BT 3 Tr /F1 12 Tf 72 630 Td (Invisible text John Smith) Tj 0 Tr ET\n\
         BT /F2 12 Tf 72 600 Td <{cid}> Tj ET\n\
         /X1 Do\n\
         BT /F1 12 Tf 72 540 Td (The officer visited on Tuesday.) Tj ET"
    ));
    content
}

const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
1 beginbfrange <0000> <00FF> <0000> endbfrange\n\
endcmap CMapName currentdict /CMap defineresource pop end end";

const XMP: &str = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\
<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\
<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator><rdf:Seq><rdf:li>John Smith</rdf:li></rdf:Seq></dc:creator>\
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";

/// A PDF hiding [`NAME`] in ordinary text, under a drawn black box, in
/// white text, in invisible text, in a CID font, in a form XObject, in the
/// document information and XMP metadata, in an annotation, an attachment,
/// a JavaScript action and an outline — and [`OLD_NAME`] in an earlier
/// revision that a later one replaced. Its text outside the name (e.g.
/// "Mill Lane", "Tuesday") must survive redaction.
pub fn pdf() -> Vec<u8> {
    let objects: Vec<Vec<u8>> = vec![
        // 1: catalog
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(notes.txt) 9 0 R] >> >> \
/Metadata 11 0 R /OpenAction 12 0 R /Outlines 13 0 R >>"
            .to_vec(),
        // 2: pages
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        // 3: the page
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
/Resources << /Font << /F1 4 0 R /F2 6 0 R >> /XObject << /X1 5 0 R >> >> /Contents 8 0 R /Annots [10 0 R] >>"
            .to_vec(),
        // 4: Helvetica
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        // 5: a form XObject with text of its own
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>",
            "BT /F1 12 Tf 72 570 Td (Form XObject names John Smith too) Tj ET",
        ),
        // 6, 7: a CID-keyed font
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 14 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica \
/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /CIDToGIDMap /Identity /DW 600 >>"
            .to_vec(),
        // 8: the page's content, first revision
        stream("", &page_content(true)),
        // 9: the attachment's file specification
        b"<< /Type /Filespec /F (notes.txt) /UF (notes.txt) /EF << /F 15 0 R >> >>".to_vec(),
        // 10: a note annotation
        b"<< /Type /Annot /Subtype /Text /Rect [400 700 420 720] /Contents (Note about John Smith) /T (John Smith) >>"
            .to_vec(),
        // 11: XMP
        stream("/Type /Metadata /Subtype /XML", XMP),
        // 12: JavaScript
        b"<< /S /JavaScript /JS (app.alert\\('John Smith'\\)) >>".to_vec(),
        // 13: outline
        b"<< /Type /Outlines /First 16 0 R /Last 16 0 R /Count 1 >>".to_vec(),
        // 14: ToUnicode for the CID font
        stream("", TO_UNICODE),
        // 15: the attached file
        stream("/Type /EmbeddedFile", "Attachment text: John Smith called again."),
        // 16: outline entry
        b"<< /Title (John Smith section) /Parent 13 0 R /Dest [3 0 R /XYZ 0 792 0] >>".to_vec(),
    ];
    let info = "/Info << /Author (John Smith) /Title (About John Smith) /Subject (Complaint) >>";
    let mut out = assemble_pdf(&objects, info);
    // A later revision replaces the page content, dropping the old name.
    let previous_xref = startxref(&out);
    let offset = out.len();
    out.extend_from_slice(b"8 0 obj\n");
    out.extend_from_slice(&stream("", &page_content(false)));
    out.extend_from_slice(b"\nendobj\n");
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "xref\n0 1\n0000000000 65535 f \n8 1\n{offset:010} 00000 n \n\
             trailer\n<< /Size {} /Root 1 0 R /Prev {previous_xref} {info} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn startxref(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let at = text.rfind("startxref").expect("startxref") + "startxref".len();
    text[at..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("xref offset")
}

/// The red patch of [`jpeg`], in the stored (not yet upright) picture.
pub const PATCH: [u32; 4] = [10, 5, 30, 15];

/// An 80 × 40 JPEG, white with a red patch, stored turned on its side
/// (EXIF orientation 6), whose EXIF names [`NAME`] (artist, description),
/// has GPS coordinates and a thumbnail of the unredacted picture.
pub fn jpeg() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(80, 40, |x, y| {
        if (PATCH[0]..PATCH[2]).contains(&x) && (PATCH[1]..PATCH[3]).contains(&y) {
            image::Rgb([255, 0, 0])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    let encode = |img: &image::RgbImage| {
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
            .expect("encode jpeg");
        out
    };
    let main = encode(&picture);
    let thumbnail = encode(&image::imageops::thumbnail(&picture, 16, 8));
    let exif = exif(&thumbnail);
    let mut out = main[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&main[2..]);
    out
}

/// An EXIF block (little-endian TIFF): IFD0 with orientation, artist,
/// description and a GPS pointer; a GPS IFD; IFD1 holding the thumbnail.
fn exif(thumbnail: &[u8]) -> Vec<u8> {
    let artist = b"John Smith\0";
    let description = b"John Smith at the back door\0";
    // Layout after the 8-byte TIFF header: IFD0 (4 entries), GPS IFD (1
    // entry), IFD1 (2 entries), then the strings and the thumbnail.
    let ifd_size = |n: u32| 2 + 12 * n + 4;
    let ifd0 = 8;
    let gps = ifd0 + ifd_size(4);
    let ifd1 = gps + ifd_size(1);
    let artist_at = ifd1 + ifd_size(2);
    let description_at = artist_at + artist.len() as u32;
    let thumb_at = description_at + description.len() as u32;

    let mut t = b"II*\0".to_vec();
    t.extend_from_slice(&ifd0.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value.to_le_bytes());
    };
    t.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut t, 0x010E, 2, description.len() as u32, description_at);
    entry(&mut t, 0x0112, 3, 1, 6);
    entry(&mut t, 0x013B, 2, artist.len() as u32, artist_at);
    entry(&mut t, 0x8825, 4, 1, gps);
    t.extend_from_slice(&ifd1.to_le_bytes());
    t.extend_from_slice(&1u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0"));
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0201, 4, 1, thumb_at);
    entry(&mut t, 0x0202, 4, 1, thumbnail.len() as u32);
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(artist);
    t.extend_from_slice(description);
    t.extend_from_slice(thumbnail);
    let mut out = b"Exif\0\0".to_vec();
    out.extend_from_slice(&t);
    out
}

/// An email whose plain-text and HTML parts both name [`NAME`].
pub fn html_twin_email() -> Vec<u8> {
    b"From: Housing Officer <officer@landlord.example>\r\n\
To: Jane Tenant <jane@example.com>\r\n\
Subject: Fence dispute\r\n\
Date: Tue, 03 Mar 2026 10:00:00 +0000\r\n\
Message-ID: <fence-1@landlord.example>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n\
--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Your neighbour John Smith complained about the fence on Tuesday.\r\n\
--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
<html><body><p>Your neighbour <b>John Smith</b> complained about the fence on Tuesday.</p>\
<p style=\"display:none\">Internal: John Smith is the complainant.</p></body></html>\r\n\
--b1--\r\n"
        .to_vec()
}

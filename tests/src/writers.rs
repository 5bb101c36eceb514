//! Writers of fixture files that only the tests and benches need — a
//! PPTX, a scan as a JPEG and as an image-only PDF — beside the demo's
//! writers in `disclose_core::demo::formats`, which they build on.

use std::io::Cursor;

use disclose_core::demo::formats::{assemble_pdf, pdf, zip};

/// A PPTX with one slide per entry and speaker notes on the first.
pub fn pptx(slides: &[&str], notes: &str) -> Vec<u8> {
    const A: &str = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"";
    const P: &str = "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
    let slide = |text: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:sld {A} {P}><p:cSld><p:spTree><p:sp><p:txBody>\
<a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )
    };
    let mut parts: Vec<(String, Vec<u8>)> = vec![(
        "[Content_Types].xml".into(),
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec(),
    )];
    parts.push((
        "ppt/presentation.xml".into(),
        format!("<?xml version=\"1.0\"?><p:presentation {P}/>").into_bytes(),
    ));
    for (i, text) in slides.iter().enumerate() {
        parts.push((
            format!("ppt/slides/slide{}.xml", i + 1),
            slide(text).into_bytes(),
        ));
    }
    let notes_xml = format!(
        "<?xml version=\"1.0\"?><p:notes {A} {P}><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{notes}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>"
    );
    parts.push((
        "ppt/notesSlides/notesSlide1.xml".into(),
        notes_xml.into_bytes(),
    ));
    let entries: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip(&entries)
}

/// A "scan": the text drawn by [`pdf`] and rendered to a greyscale JPEG at
/// 200 dpi, with no text layer — what a scanner produces.
pub fn scan_jpeg(lines: &[&str]) -> Vec<u8> {
    let source = pdf(&[lines]);
    let document = hayro::hayro_syntax::Pdf::new(source).expect("our own PDF opens");
    let scale = 200.0 / 72.0;
    let settings = hayro::PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: hayro::vello_cpu::color::palette::css::WHITE,
    };
    let page = &document.pages()[0];
    let pixmap = hayro::render(
        page,
        &hayro::RenderCache::new(),
        &hayro::hayro_interpret::InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &settings,
    );
    let png = pixmap.into_png().expect("PNG encoding");
    let grey = image::load_from_memory(&png)
        .expect("our own PNG decodes")
        .to_luma8();
    let mut jpeg = Vec::new();
    grey.write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .expect("JPEG encoding");
    jpeg
}

/// A one-page PDF holding only a scanned image of `lines` (no text layer).
pub fn scanned_pdf(lines: &[&str]) -> Vec<u8> {
    let jpeg = scan_jpeg(lines);
    let (width, height) = image::load_from_memory(&jpeg)
        .map(|i| (i.width(), i.height()))
        .expect("decodes");
    let content = "q 612 0 0 792 0 0 cm /Im1 Do Q";
    let mut image_object = format!(
        "<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
        jpeg.len()
    )
    .into_bytes();
    image_object.extend_from_slice(&jpeg);
    image_object.extend_from_slice(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()).into_bytes(),
        image_object,
    ];
    assemble_pdf(&objects, "")
}

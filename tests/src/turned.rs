//! A PDF whose page is turned (`/Rotate 90`) and whose lines are drawn
//! with a text matrix turned the other way, so a viewer shows them
//! upright: word boxes must follow both turns to cover the glyphs where
//! they are drawn.

use crate::fixtures::assemble_pdf;

/// The lines as a reader sees them, top to bottom.
pub const LINES: [&str; 3] = [
    "Visit notes for the tenant at number 8",
    "Address: 14 Acacia Road, Leeds",
    "The officer called on Tuesday.",
];

/// One A4-ish page, `/Rotate 90`, Helvetica 18, each line drawn upwards
/// in user space (text matrix `0 1 -1 0`), which the page's turn shows
/// left to right.
pub fn pdf() -> Vec<u8> {
    let mut content = String::new();
    for (index, line) in LINES.iter().enumerate() {
        let x = 150 + index as i32 * 40;
        content.push_str(&format!(
            "BT /F1 18 Tf 0 1 -1 0 {x} 120 Tm ({line}) Tj ET\n"
        ));
    }
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 \
/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        )
        .into_bytes(),
    ];
    assemble_pdf(&objects, "")
}

//! A spreadsheet with a hidden row and a hidden column renders as a table
//! in which both are printed and labelled as hidden, read back with
//! poppler's `pdftotext`; the visible rows carry no label.

use std::io::Write;

use disclose_acceptance::Disclose;

use crate::redact::tool;

fn xlsx() -> Vec<u8> {
    let parts: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Visits" sheetId="1" r:id="rId7"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="3" max="3" width="12" hidden="1" customWidth="1"/></cols><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Visitor</t></is></c><c r="C1" t="inlineStr"><is><t>Notes</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>2026-01-05</t></is></c><c r="B2" t="inlineStr"><is><t>Gasfitter</t></is></c><c r="C2" t="inlineStr"><is><t>Boiler</t></is></c></row>
<row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>2026-01-06</t></is></c><c r="B3" t="inlineStr"><is><t>Surveyor</t></is></c><c r="C3" t="inlineStr"><is><t>Damp</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>2026-01-07</t></is></c><c r="B4" t="inlineStr"><is><t>Plumber</t></is></c><c r="C4" t="inlineStr"><is><t>Leak</t></is></c></row>
</sheetData></worksheet>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn hidden_rows_and_columns_are_labelled_in_the_rendition() {
    let d = Disclose::new();
    d.new_case("T-1");
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("visits.xlsx"), xlsx()).unwrap();
    d.run(&["import", "--case", "T-1", input.path().to_str().unwrap()])
        .ok();
    d.disclose_all("T-1");
    d.run(&["render", "--case", "T-1"]).ok();
    let rendition = std::fs::read_dir(d.case_dir("T-1").join("renditions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = tool("pdftotext", &["-layout", rendition.to_str().unwrap(), "-"]);
    let line = |word: &str| {
        text.lines()
            .find(|l| l.contains(word))
            .unwrap_or_else(|| panic!("no line with {word}:\n{text}"))
            .to_string()
    };
    assert!(line("Surveyor").contains("(hidden row)"), "{text}");
    assert!(!line("Gasfitter").contains("hidden"), "{text}");
    assert!(!line("Plumber").contains("hidden"), "{text}");
    assert!(line("Visitor").contains("Notes (hidden column)"), "{text}");
    assert!(!line("Visitor").contains("Visitor (hidden"), "{text}");
    assert_eq!(text.matches("(hidden row)").count(), 1, "{text}");
}

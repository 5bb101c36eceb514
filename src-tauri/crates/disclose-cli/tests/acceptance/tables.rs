//! A spreadsheet with hidden rows and a hidden column renders as a table
//! in which both are printed and labelled as hidden, read back with
//! poppler's `pdftotext`; the visible rows carry no label. The same sheet
//! is made as XLSX, as ODS (rows collapsed and filtered, one element
//! standing for two rows) and as XLS (BIFF8 `ROW` and `COLINFO` flags).

use std::io::Write;

use disclose_fixtures::disclose;

use disclose_fixtures::tools::tool;

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

/// The same visits as [`xlsx`] as an OpenDocument spreadsheet: the third
/// column collapsed, the Surveyor row collapsed, and one filtered row
/// element standing for two Locksmith rows.
fn ods() -> Vec<u8> {
    let row = |attrs: &str, cells: [&str; 3]| {
        let cells: String = cells
            .iter()
            .map(|c| {
                format!(r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#)
            })
            .collect();
        format!("<table:table-row{attrs}>{cells}</table:table-row>")
    };
    let rows = [
        row("", ["Date", "Visitor", "Notes"]),
        row("", ["2026-01-05", "Gasfitter", "Boiler"]),
        row(
            r#" table:visibility="collapse""#,
            ["2026-01-06", "Surveyor", "Damp"],
        ),
        row(
            r#" table:visibility="filter" table:number-rows-repeated="2""#,
            ["2026-01-08", "Locksmith", "Keys"],
        ),
        row("", ["2026-01-07", "Plumber", "Leak"]),
    ]
    .concat();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Visits">
<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="1021"/>
{rows}
</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    for (name, body) in [
        ("content.xml", content.as_str()),
        ("META-INF/manifest.xml", manifest),
    ] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A BIFF8 record.
fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    out.extend((kind).to_le_bytes());
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
}

/// The same visits as an Excel 97 workbook: strings in a shared table,
/// the Surveyor row's `ROW` record flagged hidden (0x20), and a `COLINFO`
/// hiding the third column.
fn xls() -> Vec<u8> {
    xls_with(&[])
}

/// [`xls`] with `more` visits after the first three.
fn xls_with(more: &[[String; 3]]) -> Vec<u8> {
    let mut rows: Vec<[String; 3]> = [
        ["Date", "Visitor", "Notes"],
        ["2026-01-05", "Gasfitter", "Boiler"],
        ["2026-01-06", "Surveyor", "Damp"],
        ["2026-01-07", "Plumber", "Leak"],
    ]
    .iter()
    .map(|r| r.map(String::from))
    .collect();
    rows.extend_from_slice(more);
    let strings: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
    let bof = |dt: u16| {
        let mut b = 0x0600u16.to_le_bytes().to_vec();
        b.extend(dt.to_le_bytes());
        b.extend([0; 12]);
        b
    };
    let mut sst = Vec::new();
    sst.extend((strings.len() as u32).to_le_bytes());
    sst.extend((strings.len() as u32).to_le_bytes());
    for s in &strings {
        sst.extend((s.len() as u16).to_le_bytes());
        sst.push(0);
        sst.extend(s.as_bytes());
    }
    let name = b"Visits";
    let mut sheet_entry = vec![0u8; 4];
    sheet_entry.extend([0, 0, name.len() as u8, 0]);
    sheet_entry.extend(name);
    let mut globals = Vec::new();
    record(&mut globals, 0x0809, &bof(0x0005));
    record(&mut globals, 0x0042, &1200u16.to_le_bytes());
    let entry_at = globals.len() + 4;
    record(&mut globals, 0x0085, &sheet_entry);
    record(&mut globals, 0x00FC, &sst);
    record(&mut globals, 0x000A, &[]);
    let sheet_at = globals.len() as u32;
    globals[entry_at..entry_at + 4].copy_from_slice(&sheet_at.to_le_bytes());

    let mut sheet = Vec::new();
    record(&mut sheet, 0x0809, &bof(0x0010));
    // COLINFO: columns 2 to 2, width, format, hidden.
    let mut colinfo = Vec::new();
    for v in [2u16, 2, 2560, 15, 0x0001, 0] {
        colinfo.extend(v.to_le_bytes());
    }
    record(&mut sheet, 0x007D, &colinfo);
    for (r, cells) in rows.iter().enumerate() {
        let mut row = Vec::new();
        let flags: u16 = if cells[1] == "Surveyor" {
            0x0120
        } else {
            0x0100
        };
        for v in [r as u16, 0, 3, 255, 0, 0, flags, 15] {
            row.extend(v.to_le_bytes());
        }
        record(&mut sheet, 0x0208, &row);
    }
    for (r, cells) in rows.iter().enumerate() {
        for c in 0..cells.len() {
            let mut label = Vec::new();
            for v in [r as u16, c as u16, 15] {
                label.extend(v.to_le_bytes());
            }
            label.extend(((r * 3 + c) as u32).to_le_bytes());
            record(&mut sheet, 0x00FD, &label);
        }
    }
    record(&mut sheet, 0x000A, &[]);
    globals.extend(sheet);
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook")
        .unwrap()
        .write_all(&globals)
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

/// Imports `name` made of `bytes`, renders it, and checks that exactly the
/// rows of `hidden_visitors` and the Notes column are labelled hidden.
fn hidden_rows_and_columns_are_labelled(name: &str, bytes: Vec<u8>, hidden_visitors: &[&str]) {
    let d = disclose!();
    d.new_case("T-1");
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join(name), bytes).unwrap();
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
    for visitor in hidden_visitors {
        assert!(line(visitor).contains("(hidden row)"), "{name}: {text}");
    }
    assert!(!line("Gasfitter").contains("hidden"), "{name}: {text}");
    assert!(!line("Plumber").contains("hidden"), "{name}: {text}");
    assert!(
        line("Visitor").contains("Notes (hidden column)"),
        "{name}: {text}"
    );
    assert!(
        !line("Visitor").contains("Visitor (hidden"),
        "{name}: {text}"
    );
    let rows_hidden: usize = hidden_visitors
        .iter()
        .map(|v| text.matches(v).count())
        .sum();
    assert_eq!(
        text.matches("(hidden row)").count(),
        rows_hidden,
        "{name}: {text}"
    );
}

#[test]
fn hidden_rows_and_columns_are_labelled_in_the_rendition() {
    hidden_rows_and_columns_are_labelled("visits.xlsx", xlsx(), &["Surveyor"]);
}

#[test]
fn hidden_rows_and_columns_of_an_ods_sheet_are_labelled() {
    hidden_rows_and_columns_are_labelled("visits.ods", ods(), &["Surveyor", "Locksmith"]);
}

/// Excel 97 workbooks too large for a compound file's mini stream (most
/// real ones) are read, not refused as damaged.
#[test]
fn a_large_xls_workbook_is_read() {
    let more: Vec<[String; 3]> = (0..150)
        .map(|n| {
            [
                format!("2026-02-{:02}", n % 28 + 1),
                format!("Visitor {n}"),
                "Check".into(),
            ]
        })
        .collect();
    let d = disclose!();
    d.new_case("T-1");
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("visits.xls"), xls_with(&more)).unwrap();
    let summary = d.json(&["import", "--case", "T-1", input.path().to_str().unwrap()]);
    assert_eq!(summary["failed"], 0, "{summary:#}");
    let found = d.json(&["search", "--case", "T-1", "\"Visitor 149\""]);
    assert_eq!(found["hits"], 1, "{found:#}");
}

#[test]
fn hidden_rows_and_columns_of_an_xls_sheet_are_labelled() {
    hidden_rows_and_columns_are_labelled("visits.xls", xls(), &["Surveyor"]);
}

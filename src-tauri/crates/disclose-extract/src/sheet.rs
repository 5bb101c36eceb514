//! Spreadsheets (XLSX, XLS, ODS) and CSV, with their rows kept as records.
//!
//! Every sheet is read, hidden and very hidden ones included (they are marked
//! so, in the text and in the records). The text has a "[Sheet: NAME]" line
//! per sheet followed by its rows as tab-separated lines; each sheet is also
//! a [`RecordTable`] whose columns are its first non-empty row.

mod biff;
mod cells;
mod delimited;
mod hidden;

use std::io::Cursor;

use calamine::{
    open_workbook_auto_from_rs, open_workbook_from_rs, Data, Ods, Reader, SheetType, SheetVisible,
    Sheets, Xls, Xlsx,
};

pub use delimited::extract_csv;

use super::office::package::{
    attr, insert_date, local_name, natural_key, push_section, walk, Package, XmlEvent,
};
use super::{ExtractError, Extracted, FileType, Limits, RecordTable};

/// Reads a workbook. The spreadsheet library can panic on damaged files
/// (found by fuzzing); that is reported as a damaged file.
pub fn extract_workbook(
    file_type: FileType,
    data: &[u8],
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    std::panic::catch_unwind(|| read_workbook(file_type, data, limits)).unwrap_or_else(|_| {
        Err(ExtractError::Corrupt(
            "the spreadsheet library could not read this file (damaged)".into(),
        ))
    })
}

fn read_workbook(
    file_type: FileType,
    data: &[u8],
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    let mut out = Extracted::default();
    let mut xls_hidden = Default::default();
    let repacked;
    let data = if data.starts_with(COMPOUND_FILE_MAGIC) {
        repacked = biff::repack(data).map_err(|e| match e {
            biff::NotAWorkbook::Encrypted => {
                ExtractError::Encrypted("the workbook is password-protected".into())
            }
            biff::NotAWorkbook::NoWorkbook => {
                ExtractError::Corrupt("the file holds no workbook stream".into())
            }
            biff::NotAWorkbook::Damaged(why) => {
                ExtractError::Corrupt(format!("the workbook's container is damaged: {why}"))
            }
        })?;
        out.warnings.extend(repacked.warnings.iter().cloned());
        xls_hidden = repacked.hidden.clone();
        &repacked.bytes[..]
    } else {
        data
    };
    let mut book = open_book(file_type, data)?;
    read_properties(&mut book, &mut out);

    let sheets = book.sheets_metadata().to_vec();
    let hidden_cells = match book {
        Sheets::Xlsx(_) => hidden::xlsx(data, limits),
        Sheets::Ods(_) => hidden::ods(data, limits),
        Sheets::Xls(_) => xls_hidden,
        _ => Default::default(),
    };
    let mut hidden_names = Vec::new();
    let mut sections: Vec<String> = Vec::new();
    let mut text_len = 0usize;
    for (index, sheet) in sheets.iter().enumerate() {
        if text_len > limits.max_text_bytes {
            out.warnings.push(format!(
                "text limit reached: {} sheet(s) from '{}' on were not read",
                sheets.len() - index,
                sheet.name
            ));
            break;
        }
        let hidden = sheet.visible != SheetVisible::Visible;
        if hidden {
            hidden_names.push(sheet.name.clone());
        }
        let range = match cells::read_sheet(&mut book, &sheet.name) {
            Ok(range) => range,
            Err(e) => {
                if sheet.typ == SheetType::WorkSheet {
                    out.warnings
                        .push(format!("sheet '{}' could not be read: {e}", sheet.name));
                }
                continue;
            }
        };
        let mut section = format!("[Sheet: {}]", sheet.name);
        match sheet.visible {
            SheetVisible::Hidden => section.push_str(" (hidden)"),
            SheetVisible::VeryHidden => section.push_str(" (hidden) (very hidden)"),
            SheetVisible::Visible => {}
        }
        let mut table = RecordTable {
            name: sheet.name.clone(),
            hidden,
            columns: Vec::new(),
            rows: Vec::new(),
            hidden_rows: Vec::new(),
            hidden_columns: Vec::new(),
        };
        let total_rows = range.height();
        if range.cut {
            out.warnings.push(format!(
                "sheet '{}' has more than {} cells with values; the rest were not read",
                sheet.name,
                cells::MAX_CELLS
            ));
        }
        let hidden_here = hidden_cells.get(&sheet.name).cloned().unwrap_or_default();
        let first_column = range.first_column();
        table.hidden_columns = hidden_here
            .columns
            .iter()
            .filter(|&&c| c >= first_column)
            .map(|&c| (c - first_column) as usize)
            .collect();
        for (row_number, (sheet_row, row)) in range.rows(cell_text).into_iter().enumerate() {
            if text_len + section.len() > limits.max_text_bytes {
                out.warnings.push(format!(
                    "sheet '{}' cut after {row_number} of {total_rows} rows (text limit)",
                    sheet.name
                ));
                break;
            }
            let mut cells: Vec<String> = row;
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            if cells.is_empty() {
                continue;
            }
            section.push('\n');
            section.push_str(&text_line(&cells));
            if table.columns.is_empty() {
                table.columns = cells;
            } else {
                if hidden_here.row_is_hidden(sheet_row) {
                    table.hidden_rows.push(table.rows.len());
                }
                table.rows.push(cells);
            }
        }
        text_len += section.len() + 2;
        sections.push(section);
        out.records.push(table);
    }
    out.text = sections.join("\n\n");
    if !hidden_names.is_empty() {
        out.metadata
            .insert("hidden-sheets".into(), hidden_names.join(", "));
    }
    if matches!(book, Sheets::Xlsx(_)) {
        read_xlsx_parts(data, limits, &mut out);
    }
    Ok(out)
}

/// How an OLE compound file (XLS, and encrypted XLSX) begins. The
/// spreadsheet library never sees one that [`biff::repack`] has not made.
const COMPOUND_FILE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Opens the workbook with the reader for its sniffed type, falling back to
/// detection when the type was wrong (an .xls that is really XLSX).
fn open_book(file_type: FileType, data: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, ExtractError> {
    let cursor = Cursor::new(data);
    let first = match file_type {
        FileType::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor.clone())
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        FileType::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(cursor.clone())
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        FileType::Ods => open_workbook_from_rs::<Ods<_>, _>(cursor.clone())
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        other => Err(format!("{other:?} is not a spreadsheet type")),
    };
    match first {
        Ok(book) => Ok(book),
        Err(e) if e.to_lowercase().contains("password") => Err(ExtractError::Encrypted(
            "the workbook is password-protected".into(),
        )),
        Err(e) => open_workbook_auto_from_rs(cursor).map_err(|_| {
            ExtractError::Corrupt(format!("the spreadsheet could not be opened: {e}"))
        }),
    }
}

fn read_properties(book: &mut Sheets<Cursor<&[u8]>>, out: &mut Extracted) {
    let Ok(props) = book.workbook_properties() else {
        return;
    };
    let fields = [
        ("author", &props.creator),
        ("last-modified-by", &props.last_modified_by),
        ("title", &props.title),
        ("subject", &props.subject),
        ("description", &props.description),
        ("keywords", &props.keywords),
        ("company", &props.company),
        ("manager", &props.manager),
        ("application", &props.application),
    ];
    for (key, value) in fields {
        if let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            out.metadata.insert(key.into(), value.into());
        }
    }
    for (name, value) in &props.custom_properties {
        if !value.trim().is_empty() {
            out.metadata
                .insert(format!("custom:{name}"), value.trim().into());
        }
    }
    let created = props
        .created
        .as_deref()
        .and_then(|d| insert_date(out, "created", d));
    let modified = props
        .modified
        .as_deref()
        .and_then(|d| insert_date(out, "modified", d));
    out.date = modified.or(created);
}

/// A cell as a person reads it: dates as ISO dates, whole numbers without a
/// decimal point, no binary floating-point noise.
pub(crate) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format_number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) => {
            let value = dt.as_f64();
            if dt.is_duration() {
                return format_duration(value);
            }
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (0.0..1.0).contains(&value) {
                format!("{h:02}:{mi:02}:{s:02}")
            } else if h == 0 && mi == 0 && s == 0 {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

pub(crate) fn format_number(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    // Fifteen significant digits, as spreadsheets show, drop noise such as
    // 0.30000000000000004.
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    rounded.to_string()
}

fn format_duration(days: f64) -> String {
    let total = (days * 86_400.0).round();
    if !total.is_finite() || total.abs() > 1e12 {
        return format_number(days);
    }
    let sign = if total < 0.0 { "-" } else { "" };
    let total = total.abs() as u64;
    format!(
        "{sign}{}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    )
}

/// Cells joined by tabs; tabs and line breaks inside cells become spaces.
pub(crate) fn text_line(cells: &[String]) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        line.extend(cell.chars().map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        }));
    }
    line
}

/// What calamine does not read from an XLSX: legacy cell comments (notes,
/// where Excel also mirrors threaded comments) and embedded files.
fn read_xlsx_parts(data: &[u8], limits: &Limits, out: &mut Extracted) {
    let Ok(mut package) = Package::open(data, limits, "XLSX") else {
        return;
    };
    package.children_under("xl/embeddings/", out);
    let mut parts: Vec<String> = package
        .names()
        .iter()
        .filter(|n| n.starts_with("xl/comments") && n.ends_with(".xml"))
        .cloned()
        .collect();
    parts.sort_by_key(|n| natural_key(n));
    let mut lines = Vec::new();
    for part in parts {
        let xml = match package.read_text(&part) {
            Ok(xml) => xml,
            Err(e) => {
                out.warnings.push(e);
                continue;
            }
        };
        let mut authors: Vec<String> = Vec::new();
        let mut in_author = false;
        let mut comment: Option<(String, Option<usize>, String)> = None;
        let mut in_text = false;
        let _ = walk(&xml, |ev| match ev {
            XmlEvent::Start(e) => match local_name(e) {
                "author" => {
                    in_author = true;
                    authors.push(String::new());
                }
                "comment" => {
                    let cell = attr(e, "ref").unwrap_or_default();
                    let author = attr(e, "authorId").and_then(|a| a.parse().ok());
                    comment = Some((cell, author, String::new()));
                }
                "t" => in_text = true,
                _ => {}
            },
            XmlEvent::Text(t) => {
                if in_author {
                    if let Some(a) = authors.last_mut() {
                        a.push_str(t);
                    }
                } else if in_text {
                    if let Some((_, _, body)) = comment.as_mut() {
                        body.push_str(t);
                    }
                }
            }
            XmlEvent::End(name) => match name {
                "author" => in_author = false,
                "t" => in_text = false,
                "comment" => {
                    if let Some((cell, author, body)) = comment.take() {
                        let author = author
                            .and_then(|i| authors.get(i))
                            .map_or("", String::as_str);
                        let body = body.trim().replace(['\r', '\n'], " ");
                        lines.push(match author {
                            "" => format!("{cell}: {body}"),
                            a => format!("{cell} ({a}): {body}"),
                        });
                    }
                }
                _ => {}
            },
        });
    }
    if !lines.is_empty() {
        out.metadata
            .insert("has-comments".into(), lines.len().to_string());
        push_section(&mut out.text, "Cell comments", &lines.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::tests::build_zip;

    fn sample_xlsx() -> Vec<u8> {
        let workbook = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rent" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#;
        let sheet1 = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Tenant</t></is></c><c r="B1" t="inlineStr"><is><t>Balance</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Jane Smith</t></is></c><c r="B2"><v>1</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>Tom Jones</t></is></c><c r="B3"><v>0.30000000000000004</v></c></row>
</sheetData></worksheet>"#;
        let sheet2 = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Informant</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Neighbour at No. 8</t></is></c></row>
</sheetData></worksheet>"#;
        let comments = r#"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Pat Manager</author></authors><commentList><comment ref="B2" authorId="0"><text><r><t>Arrears agreed</t></r></text></comment></commentList></comments>"#;
        let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
        let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        build_zip(&[
            ("[Content_Types].xml", content_types.as_bytes()),
            ("_rels/.rels", root_rels.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet1.as_bytes()),
            ("xl/worksheets/sheet2.xml", sheet2.as_bytes()),
            ("xl/comments1.xml", comments.as_bytes()),
            ("xl/embeddings/oleObject1.bin", b"ole"),
        ])
    }

    #[test]
    fn xlsx_hidden_sheet_is_read_and_marked() {
        let out = extract_workbook(FileType::Xlsx, &sample_xlsx(), &Limits::default()).unwrap();
        assert!(
            out.text
                .contains("[Sheet: Rent]\nTenant\tBalance\nJane Smith\t1\nTom Jones\t0.3"),
            "{}",
            out.text
        );
        assert!(
            out.text
                .contains("[Sheet: Notes] (hidden)\nInformant\nNeighbour at No. 8"),
            "{}",
            out.text
        );
        assert!(
            out.text
                .contains("[Cell comments]\nB2 (Pat Manager): Arrears agreed"),
            "{}",
            out.text
        );
        assert_eq!(
            out.metadata.get("hidden-sheets").map(String::as_str),
            Some("Notes")
        );
        assert_eq!(out.records.len(), 2);
        let rent = &out.records[0];
        assert_eq!((rent.name.as_str(), rent.hidden), ("Rent", false));
        assert_eq!(rent.columns, vec!["Tenant", "Balance"]);
        assert_eq!(
            rent.rows,
            vec![vec!["Jane Smith", "1"], vec!["Tom Jones", "0.3"]]
        );
        let notes = &out.records[1];
        assert!(notes.hidden);
        assert_eq!(notes.rows, vec![vec!["Neighbour at No. 8"]]);
        assert_eq!(out.children.len(), 1);
        assert_eq!(out.children[0].name, "oleObject1.bin");
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    }

    #[test]
    fn huge_sheets_are_cut_with_a_warning() {
        let limits = Limits {
            max_text_bytes: 40,
            ..Limits::default()
        };
        let out = extract_workbook(FileType::Xlsx, &sample_xlsx(), &limits).unwrap();
        assert!(
            out.warnings.iter().any(|w| w.contains("cut after")),
            "{:?}",
            out.warnings
        );
        assert!(out.text.len() < 200);
    }

    #[test]
    fn garbage_is_corrupt_not_a_panic() {
        for t in [FileType::Xls, FileType::Xlsx, FileType::Ods] {
            assert!(matches!(
                extract_workbook(t, b"\xd0\xcf\x11\xe0 nonsense", &Limits::default()),
                Err(ExtractError::Corrupt(_))
            ));
        }
    }

    #[test]
    fn numbers_and_dates_read_like_a_spreadsheet() {
        assert_eq!(format_number(1.0), "1");
        assert_eq!(format_number(-42.0), "-42");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(1234.5678), "1234.5678");
        let date =
            calamine::ExcelDateTime::new(45_000.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2023-03-15");
        let stamp =
            calamine::ExcelDateTime::new(45_000.5, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(stamp)), "2023-03-15T12:00:00");
        let time = calamine::ExcelDateTime::new(0.25, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(time)), "06:00:00");
    }
}

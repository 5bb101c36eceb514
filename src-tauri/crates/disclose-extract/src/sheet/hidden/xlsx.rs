//! Hidden rows and columns of XLSX sheets: `<row hidden="1">` and
//! `<col min max hidden="1">` in each worksheet part.

use std::collections::HashMap;

use super::{Hidden, MAX_COLUMNS};
use crate::office::package::{attr, local_name, walk, Package, XmlEvent};
use crate::Limits;

/// Sheet name → its hidden rows and columns, for the sheets that have any.
/// A damaged part is skipped: nothing is then labelled in that sheet.
pub fn xlsx(data: &[u8], limits: &Limits) -> HashMap<String, Hidden> {
    let mut out = HashMap::new();
    let Ok(mut package) = Package::open(data, limits, "XLSX") else {
        return out;
    };
    let targets = relationships(&mut package);
    let Ok(workbook) = package.read_text("xl/workbook.xml") else {
        return out;
    };
    let mut sheets = Vec::new();
    let _ = walk(&workbook, |ev| {
        if let XmlEvent::Start(e) = ev {
            if local_name(e) == "sheet" {
                if let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "id")) {
                    sheets.push((name, id));
                }
            }
        }
    });
    for (name, id) in sheets {
        let Some(target) = targets.get(&id) else {
            continue;
        };
        let part = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        if let Ok(xml) = package.read_text(&part) {
            let hidden = sheet(&xml);
            if !hidden.is_empty() {
                out.insert(name, hidden);
            }
        }
    }
    out
}

/// Relationship id → target of the workbook's parts.
fn relationships(package: &mut Package<'_>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if let Ok(xml) = package.read_text("xl/_rels/workbook.xml.rels") {
        let _ = walk(&xml, |ev| {
            if let XmlEvent::Start(e) = ev {
                if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                    out.insert(id, target);
                }
            }
        });
    }
    out
}

/// The hidden rows and columns of one worksheet part.
fn sheet(xml: &str) -> Hidden {
    let mut hidden = Hidden::default();
    let mut next_row = 0u32;
    let _ = walk(xml, |ev| {
        let XmlEvent::Start(e) = ev else {
            return;
        };
        let is_hidden = || attr(e, "hidden").is_some_and(|v| v == "1" || v == "true");
        match local_name(e) {
            "row" => {
                let row = attr(e, "r")
                    .and_then(|r| r.parse::<u32>().ok())
                    .map_or(next_row, |r| r.saturating_sub(1));
                next_row = row.saturating_add(1);
                if is_hidden() {
                    hidden.hide_rows(row..row.saturating_add(1));
                }
            }
            "col" if is_hidden() => {
                let number = |name| attr(e, name).and_then(|v| v.parse::<u32>().ok());
                if let (Some(min), Some(max)) = (number("min"), number("max")) {
                    hidden.hide_columns(min.max(1) - 1..max.min(MAX_COLUMNS));
                }
            }
            _ => {}
        }
    });
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rows_and_column_ranges_are_read_zero_based() {
        let xml = r#"<worksheet><cols><col min="2" max="3" hidden="1"/><col min="4" max="4"/></cols>
<sheetData><row r="1"/><row r="4" hidden="1"/><row hidden="true"/></sheetData></worksheet>"#;
        let hidden = sheet(xml);
        let rows: Vec<u32> = (0..10).filter(|&r| hidden.row_is_hidden(r)).collect();
        assert_eq!(rows, [3, 4]);
        assert_eq!(hidden.columns.into_iter().collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn a_huge_column_range_is_bounded() {
        let hidden = sheet(r#"<worksheet><col min="1" max="4294967295" hidden="1"/></worksheet>"#);
        assert_eq!(hidden.columns.len(), MAX_COLUMNS as usize);
    }
}

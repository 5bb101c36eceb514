//! Hidden rows and columns of ODS sheets: `table:visibility="collapse"`
//! (hidden) or `"filter"` (filtered out) on `table:table-row` and
//! `table:table-column` in `content.xml`, each standing for as many rows or
//! columns as its `number-rows-repeated` / `number-columns-repeated` says.

use std::collections::HashMap;

use super::Hidden;
use crate::office::package::{attr, local_name, walk, Package, XmlEvent};
use crate::Limits;

/// Sheet name → its hidden rows and columns, for the sheets that have any.
/// A damaged package is skipped: nothing is then labelled.
pub fn ods(data: &[u8], limits: &Limits) -> HashMap<String, Hidden> {
    let Ok(mut package) = Package::open(data, limits, "ODS") else {
        return HashMap::new();
    };
    match package.read_text("content.xml") {
        Ok(xml) => content(&xml),
        Err(_) => HashMap::new(),
    }
}

/// A table being read: its name, what is hidden, and where the next row
/// and column start.
struct Table {
    name: String,
    hidden: Hidden,
    next_row: u32,
    next_column: u32,
}

fn content(xml: &str) -> HashMap<String, Hidden> {
    let mut out = HashMap::new();
    // Tables inside a table's cells count their own rows; only the
    // outermost ones are sheets.
    let mut open: Vec<Table> = Vec::new();
    let _ = walk(xml, |ev| match ev {
        XmlEvent::Start(e) => {
            let repeated = |name| {
                attr(e, name)
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .max(1)
            };
            let is_hidden =
                || attr(e, "visibility").is_some_and(|v| v == "collapse" || v == "filter");
            match local_name(e) {
                "table" => open.push(Table {
                    name: attr(e, "name").unwrap_or_default(),
                    hidden: Hidden::default(),
                    next_row: 0,
                    next_column: 0,
                }),
                "table-row" => {
                    if let Some(table) = open.last_mut() {
                        let start = table.next_row;
                        table.next_row = start.saturating_add(repeated("number-rows-repeated"));
                        if is_hidden() {
                            table.hidden.hide_rows(start..table.next_row);
                        }
                    }
                }
                "table-column" => {
                    if let Some(table) = open.last_mut() {
                        let start = table.next_column;
                        table.next_column =
                            start.saturating_add(repeated("number-columns-repeated"));
                        if is_hidden() {
                            table.hidden.hide_columns(start..table.next_column);
                        }
                    }
                }
                _ => {}
            }
        }
        XmlEvent::End("table") => {
            if let Some(table) = open.pop() {
                if open.is_empty() && !table.hidden.is_empty() {
                    out.insert(table.name, table.hidden);
                }
            }
        }
        _ => {}
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_and_filtered_rows_and_columns_count_their_repeats() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:table="t"><office:body><office:spreadsheet>
<table:table table:name="Rent">
<table:table-column table:number-columns-repeated="2"/>
<table:table-column table:visibility="collapse"/>
<table:table-column table:number-columns-repeated="1000" table:visibility="filter"/>
<table:table-row><table:table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>
<table:table-row table:visibility="collapse" table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-row table:visibility="visible"><table:table-cell/></table:table-row>
<table:table-row table:visibility="filter"/>
</table:table>
<table:table table:name="Plain"><table:table-row><table:table-cell/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
        let sheets = content(xml);
        assert_eq!(sheets.len(), 1);
        let rent = &sheets["Rent"];
        let rows: Vec<u32> = (0..20).filter(|&r| rent.row_is_hidden(r)).collect();
        assert_eq!(rows, [4, 5, 7]);
        assert_eq!(rent.columns.len(), 1001);
        assert!(rent.columns.contains(&2) && !rent.columns.contains(&1));
    }

    #[test]
    fn absurd_repeats_are_bounded() {
        let xml = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="4294967295"/>
<table:table-row table:number-rows-repeated="4294967295" table:visibility="collapse"/>
<table:table-column table:number-columns-repeated="99999999999" table:visibility="collapse"/></table:table>"#;
        let sheets = content(xml);
        let s = &sheets["S"];
        assert!(!s.row_is_hidden(0));
        assert_eq!(s.columns.len(), 1);
    }
}

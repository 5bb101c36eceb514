//! Portable data (`data/portable/`): what the requester gave and what is
//! held about them, as JSON and CSV, each JSON file with a JSON Schema
//! (draft 2020-12) beside it:
//!
//! - `subject.json` — the requester's details as the case holds them (not
//!   the household's, which are other people's);
//! - `documents.json` / `.csv` — the schedule as data;
//! - `records-NNNN-K.json` / `.csv` — each table of structured records
//!   (spreadsheets, CSV exports) from disclosed document NNNN, with every
//!   redacted string in a cell replaced by `[redacted: reason]`.

use serde_json::{json, Value};

use super::schedule::ScheduleRow;
use crate::case::Case;
use crate::error::{Error, Result};
use crate::extract::RecordTable;
use crate::render::table::{self, Piece, Redacted};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// `(file name, bytes)` pairs for `data/portable/`.
pub type Files = Vec<(String, Vec<u8>)>;

fn pretty(value: &Value) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(|e| Error::Invalid(e.to_string()))
}

fn string_array() -> Value {
    json!({ "type": "array", "items": { "type": "string" } })
}

pub fn subject(case: &Case, files: &mut Files) -> Result<()> {
    let s = &case.subject;
    let value = json!({
        "reference": case.reference,
        "name": s.name,
        "other_names": s.aliases,
        "date_of_birth": s.date_of_birth.map(|d| d.to_string()),
        "addresses": s.addresses,
        "postcodes": s.postcodes,
        "account_references": s.account_refs,
        "national_insurance_number": s.ni_number,
        "phones": s.phones,
        "emails": s.emails,
    });
    let schema = json!({
        "$schema": DRAFT,
        "title": "The requester's details as we hold them",
        "type": "object",
        "required": ["reference", "name"],
        "additionalProperties": false,
        "properties": {
            "reference": { "type": "string", "description": "Our reference for the request" },
            "name": { "type": "string" },
            "other_names": string_array(),
            "date_of_birth": { "type": ["string", "null"], "format": "date" },
            "addresses": string_array(),
            "postcodes": string_array(),
            "account_references": string_array(),
            "national_insurance_number": { "type": ["string", "null"] },
            "phones": string_array(),
            "emails": string_array(),
        }
    });
    files.push(("subject.json".into(), pretty(&value)?));
    files.push(("subject.schema.json".into(), pretty(&schema)?));
    Ok(())
}

pub fn documents(rows: &[ScheduleRow], csv: Vec<u8>, files: &mut Files) -> Result<()> {
    let value = serde_json::to_value(rows).map_err(|e| Error::Invalid(e.to_string()))?;
    let schema = json!({
        "$schema": DRAFT,
        "title": "The documents in this response, as listed in the schedule",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["number", "item_id", "date", "type", "description", "redactions", "redaction_reasons", "withheld_reason", "file"],
            "additionalProperties": false,
            "properties": {
                "number": { "type": "integer", "minimum": 1 },
                "item_id": { "type": "integer" },
                "date": { "type": "string" },
                "type": { "type": "string" },
                "description": { "type": "string" },
                "redactions": { "type": "integer", "minimum": 0 },
                "redaction_reasons": string_array(),
                "withheld_reason": { "type": "string" },
                "file": { "type": "string" },
            }
        }
    });
    files.push(("documents.json".into(), pretty(&value)?));
    files.push(("documents.schema.json".into(), pretty(&schema)?));
    files.push(("documents.csv".into(), csv));
    Ok(())
}

/// The cell with each redacted string replaced by its label: the same
/// strings, found the same way, as the rendition's table bars.
fn redact_cell(cell: &str, redacted: &[Redacted]) -> String {
    table::pieces(cell, redacted)
        .into_iter()
        .map(|piece| match piece {
            Piece::Words(words) => words,
            Piece::Bar(label) => format!("[redacted: {label}]"),
        })
        .collect()
}

/// Column names made unique, so each row can be a JSON object.
fn unique_columns(columns: &[String], width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for index in 0..width {
        let base = columns
            .get(index)
            .filter(|c| !c.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| format!("column {}", index + 1));
        let mut name = base.clone();
        let mut n = 2;
        while out.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        out.push(name);
    }
    out
}

pub fn records(
    number: u32,
    tables: &[RecordTable],
    redacted: &[Redacted],
    files: &mut Files,
) -> Result<()> {
    for (k, table) in tables.iter().enumerate() {
        let width = table
            .rows
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(table.columns.len());
        let header: Vec<String> = table
            .columns
            .iter()
            .map(|c| redact_cell(c, redacted))
            .collect();
        let columns = unique_columns(&header, width);
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| {
                (0..width)
                    .map(|i| redact_cell(r.get(i).map(String::as_str).unwrap_or(""), redacted))
                    .collect()
            })
            .collect();
        let objects: Vec<Value> = rows
            .iter()
            .map(|r| {
                Value::Object(
                    columns
                        .iter()
                        .cloned()
                        .zip(r.iter().map(|v| Value::String(v.clone())))
                        .collect(),
                )
            })
            .collect();
        let stem = format!("records-{number:04}-{}", k + 1);
        let value = json!({ "document": number, "hidden_sheet": table.hidden, "columns": columns, "rows": objects });
        let properties: serde_json::Map<String, Value> = columns
            .iter()
            .map(|c| (c.clone(), json!({ "type": "string" })))
            .collect();
        let schema = json!({
            "$schema": DRAFT,
            "title": format!("Records from document {number}, table {}", k + 1),
            "type": "object",
            "required": ["document", "hidden_sheet", "columns", "rows"],
            "additionalProperties": false,
            "properties": {
                "document": { "const": number },
                "hidden_sheet": { "type": "boolean" },
                "columns": string_array(),
                "rows": {
                    "type": "array",
                    "items": { "type": "object", "properties": properties, "additionalProperties": false }
                }
            }
        });
        let mut csv = csv::Writer::from_writer(Vec::new());
        let _ = csv.write_record(&columns);
        for r in &rows {
            let _ = csv.write_record(r);
        }
        files.push((format!("{stem}.json"), pretty(&value)?));
        files.push((format!("{stem}.schema.json"), pretty(&schema)?));
        files.push((format!("{stem}.csv"), csv.into_inner().unwrap_or_default()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::variants::Variants;

    fn redacted(terms: &[&str]) -> Vec<Redacted> {
        terms
            .iter()
            .map(|t| Redacted {
                variants: Variants::new(t).unwrap(),
                label: "third-party".into(),
            })
            .collect()
    }

    #[test]
    fn each_redacted_string_in_a_cell_becomes_its_label_once() {
        let strings = redacted(&[
            "Okafor\t07700 900123",
            "Okafor",
            "07700 900123",
            "Kofi Okafor",
        ]);
        assert_eq!(
            redact_cell("Kofi Okafor", &strings),
            "[redacted: third-party]"
        );
        assert_eq!(
            redact_cell("Mr Okafor's dog", &strings),
            "Mr [redacted: third-party] dog"
        );
        assert_eq!(
            redact_cell("07700900123", &strings),
            "[redacted: third-party]"
        );
        assert_eq!(redact_cell("tenant", &strings), "tenant");
    }
}

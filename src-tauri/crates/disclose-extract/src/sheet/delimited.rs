//! CSV and other delimited exports (housing-system reports of tenancies,
//! rent and repairs): charset detected, delimiter sniffed among comma,
//! semicolon, tab and pipe, ragged rows accepted, and the rows kept as one
//! record table named after the file.

use super::text_line;
use crate::text::{decode, floor_char_boundary};
use crate::{ExtractError, Extracted, Limits, RecordTable};

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Bytes and records looked at when sniffing the delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
const SNIFF_RECORDS: usize = 50;

pub fn extract_csv(data: &[u8], name: &str, limits: &Limits) -> Result<Extracted, ExtractError> {
    let (text, encoding) = decode(data);
    let delimiter = sniff_delimiter(&text);
    let mut out = Extracted::default();
    out.metadata.insert("encoding".into(), encoding.into());
    out.metadata
        .insert("delimiter".into(), delimiter_name(delimiter).into());

    let table_name = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    let mut table = RecordTable {
        name: table_name,
        hidden: false,
        columns: Vec::new(),
        rows: Vec::new(),
        hidden_rows: Vec::new(),
        hidden_columns: Vec::new(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = String::new();
    for (row_number, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.warnings.push(format!(
                    "CSV row {} could not be read: {e}; the rest was skipped",
                    row_number + 1
                ));
                break;
            }
        };
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        let line = text_line(&cells);
        if lines.len() + line.len() + 1 > limits.max_text_bytes {
            out.warnings
                .push(format!("CSV cut after {row_number} rows (text limit)"));
            break;
        }
        if !lines.is_empty() {
            lines.push('\n');
        }
        lines.push_str(&line);
        if table.columns.is_empty() {
            table.columns = cells;
        } else {
            table.rows.push(cells);
        }
    }
    out.text = lines;
    if !table.columns.is_empty() {
        out.records.push(table);
    }
    Ok(out)
}

/// Picks the delimiter that splits the first records most consistently:
/// the one whose (non-zero) count per record most often equals its most
/// common value; ties go to the larger count. Quoted text is not counted.
fn sniff_delimiter(text: &str) -> u8 {
    let sample = &text[..floor_char_boundary(text, SNIFF_BYTES)];
    let mut records: Vec<[usize; 4]> = Vec::new();
    let mut current = [0usize; 4];
    let mut in_quotes = false;
    let mut has_content = false;
    for b in sample.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                if has_content {
                    records.push(current);
                }
                current = [0; 4];
                has_content = false;
                if records.len() >= SNIFF_RECORDS {
                    break;
                }
                continue;
            }
            b'\r' => continue,
            _ if !in_quotes => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                    current[i] += 1;
                }
            }
            _ => {}
        }
        has_content = true;
    }
    if has_content && records.len() < SNIFF_RECORDS {
        records.push(current);
    }
    let mut best = (b',', 0usize, 0usize);
    for (i, &delimiter) in DELIMITERS.iter().enumerate() {
        let counts: Vec<usize> = records.iter().map(|r| r[i]).filter(|&c| c > 0).collect();
        let Some(mode) = most_common(&counts) else {
            continue;
        };
        let consistent = records.iter().filter(|r| r[i] == mode).count();
        if (consistent, mode) > (best.1, best.2) {
            best = (delimiter, consistent, mode);
        }
    }
    best.0
}

fn most_common(values: &[usize]) -> Option<usize> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for chunk in sorted.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| chunk.len() > n) {
            best = Some((chunk[0], chunk.len()));
        }
    }
    best.map(|(value, _)| value)
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "comma",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_semicolon_export() {
        let data = b"Tenancy ref;Name;Arrears;Note\r\nT-001;Ren\xe9e O'Neil;\xa3120.50;\"Paid; partly\"\r\nT-002;Sam Kaur;\xa30\r\n\r\nT-003;\"Lee, Ann\";\xa35;\"line one\nline two\"\r\n";
        let out = extract_csv(data, "exports/rent/arrears.csv", &Limits::default()).unwrap();
        assert_eq!(
            out.metadata.get("delimiter").map(String::as_str),
            Some("semicolon")
        );
        assert_eq!(
            out.metadata.get("encoding").map(String::as_str),
            Some("windows-1252")
        );
        let table = &out.records[0];
        assert_eq!(table.name, "arrears.csv");
        assert_eq!(
            table.columns,
            vec!["Tenancy ref", "Name", "Arrears", "Note"]
        );
        assert_eq!(table.rows.len(), 3);
        assert_eq!(
            table.rows[0],
            vec!["T-001", "Renée O'Neil", "£120.50", "Paid; partly"]
        );
        assert_eq!(table.rows[1], vec!["T-002", "Sam Kaur", "£0"]);
        assert_eq!(table.rows[2][3], "line one\nline two");
        assert!(
            out.text.starts_with(
                "Tenancy ref\tName\tArrears\tNote\nT-001\tRenée O'Neil\t£120.50\tPaid; partly\n"
            ),
            "{}",
            out.text
        );
        assert!(out.text.contains("line one line two"));
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n1|\"x,y,z\"\n"), b'|');
        assert_eq!(sniff_delimiter("single column\nvalue\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn empty_and_ragged_files() {
        let out = extract_csv(b"", "empty.csv", &Limits::default()).unwrap();
        assert!(out.text.is_empty() && out.records.is_empty());
        let out = extract_csv(
            b"a,b\n1\n1,2,3,4\n\"unterminated",
            "r.csv",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(out.records[0].rows.len(), 3);
    }

    #[test]
    fn long_csv_is_cut_with_a_warning() {
        let data = "name,ref\n".to_string() + &"Jane Smith,T-1\n".repeat(1000);
        let limits = Limits {
            max_text_bytes: 100,
            ..Limits::default()
        };
        let out = extract_csv(data.as_bytes(), "big.csv", &limits).unwrap();
        assert!(out.text.len() <= 100);
        assert!(out.warnings.iter().any(|w| w.contains("cut after")));
    }
}

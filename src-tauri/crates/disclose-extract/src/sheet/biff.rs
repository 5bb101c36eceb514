//! An XLS workbook made safe for the spreadsheet library before it reads it.
//!
//! calamine reads every sheet of an XLS eagerly into a dense rows × columns
//! grid, sized from the sheet's DIMENSIONS record and from its farthest
//! cell, and walks the compound file's sector chains with its own reader.
//! A 20 KB file can therefore ask for 192 GB (an abort no `catch_unwind`
//! sees) or loop for ever in a chain (found by fuzzing). So the workbook
//! stream is first read with the `cfb` crate, whose chains cannot loop,
//! its records are checked, and a fresh compound file holding only that
//! stream is what calamine gets:
//!
//! - DIMENSIONS records are blanked (they only size a reservation);
//! - a cell past column IV (the last of the format) is left out;
//! - a sheet whose cells would span more than [`MAX_GRID_CELLS`] keeps its
//!   first rows up to that size, and says so.
//!
//! A blanked record keeps its length and gets a type no reader knows, so
//! every other record stays where it was.

use std::io::{Cursor, Read, Write};

/// The largest grid one sheet may span (rows × columns): a sheet of
/// 65,536 rows by 128 columns fits, and the grid stays under 500 MB.
pub const MAX_GRID_CELLS: u64 = 65_536 * 128;

/// XLS sheets have 256 columns (A to IV).
const COLUMNS: u32 = 256;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
/// Records that place one cell: row and column are their first four bytes.
const SINGLE_CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
/// A record type no version of the format defines.
const BLANKED: u16 = 0x7FFF;

/// What [`repack`] made of a workbook.
#[derive(Debug)]
pub struct Repacked {
    /// A compound file holding only the checked workbook stream.
    pub bytes: Vec<u8>,
    /// What was left out, for the item's warnings.
    pub warnings: Vec<String>,
    /// The rows and columns hidden in each sheet.
    pub hidden: std::collections::HashMap<String, super::hidden::Hidden>,
}

/// Why a compound file could not be handed on.
#[derive(Debug, PartialEq, Eq)]
pub enum NotAWorkbook {
    /// The container itself is damaged.
    Damaged(String),
    /// An encrypted Office package (password-protected XLSX and friends).
    Encrypted,
    /// A compound file with no workbook stream.
    NoWorkbook,
}

/// Reads the workbook stream out of the compound file `data`, checks its
/// records and packs it into a fresh compound file.
pub fn repack(data: &[u8]) -> Result<Repacked, NotAWorkbook> {
    let mut container = cfb::CompoundFile::open(Cursor::new(data))
        .map_err(|e| NotAWorkbook::Damaged(e.to_string()))?;
    let Some(name) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|name| container.is_stream(name))
    else {
        return Err(if container.is_stream("/EncryptedPackage") {
            NotAWorkbook::Encrypted
        } else {
            NotAWorkbook::NoWorkbook
        });
    };
    let damaged = |e: std::io::Error| NotAWorkbook::Damaged(e.to_string());
    let mut workbook = read_stream(&mut container, name).map_err(damaged)?;
    let warnings = check_records(&mut workbook);
    let hidden = super::hidden::xls(&workbook);
    let mut streams = vec![(name, workbook)];
    for properties in PROPERTY_STREAMS {
        if container.is_stream(properties) {
            streams.push((
                properties,
                read_stream(&mut container, properties).map_err(damaged)?,
            ));
        }
    }
    let bytes = pack(&streams).map_err(damaged)?;
    Ok(Repacked {
        bytes,
        warnings,
        hidden,
    })
}

/// The document's properties (author, title, company), copied as they are.
const PROPERTY_STREAMS: [&str; 2] = [
    "/\u{5}SummaryInformation",
    "/\u{5}DocumentSummaryInformation",
];

fn read_stream(
    container: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    container.open_stream(name)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Packs `streams` into a version 3 compound file (512-byte sectors), the
/// kind Excel 97 writes: the spreadsheet library refuses a version 4 file
/// whose streams are all too large for the mini stream.
fn pack(streams: &[(&str, Vec<u8>)]) -> std::io::Result<Vec<u8>> {
    let mut container =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))?;
    for (name, bytes) in streams {
        container.create_stream(name)?.write_all(bytes)?;
    }
    container.flush()?;
    Ok(container.into_inner().into_inner())
}

/// A cell record: where it starts in the stream, its sheet and its cells.
struct CellRecord {
    at: usize,
    sheet: usize,
    row: u32,
    first_column: u32,
    last_column: u32,
}

/// Blanks what could make the reader allocate without bound; returns the
/// warnings for what was left out.
fn check_records(stream: &mut [u8]) -> Vec<String> {
    let mut cells = Vec::new();
    let mut sheet = 0usize;
    let mut depth = 0usize;
    let mut off_grid = 0usize;
    let mut at = 0usize;
    while at + 4 <= stream.len() {
        let kind = u16_at(stream, at);
        let len = u16_at(stream, at + 2) as usize;
        let Some(data) = stream.get(at + 4..at + 4 + len) else {
            break;
        };
        match kind {
            BOF => {
                if depth == 0 {
                    sheet += 1;
                }
                depth += 1;
            }
            EOF => depth = depth.saturating_sub(1),
            DIMENSIONS => blank(stream, at),
            _ => {
                if let Some(cell) = cell_record(kind, data, at, sheet) {
                    if cell.last_column >= COLUMNS {
                        off_grid += 1;
                        blank(stream, at);
                    } else {
                        cells.push(cell);
                    }
                }
            }
        }
        at += 4 + len;
    }
    let mut warnings = Vec::new();
    if off_grid > 0 {
        warnings.push(format!(
            "{off_grid} cell record(s) past column IV, the last an XLS sheet has, were left out"
        ));
    }
    warnings.extend(cut_wide_sheets(stream, &mut cells));
    warnings
}

fn cell_record(kind: u16, data: &[u8], at: usize, sheet: usize) -> Option<CellRecord> {
    if data.len() < 4 || !(kind == MULRK || SINGLE_CELLS.contains(&kind)) {
        return None;
    }
    let row = u16_at(data, 0) as u32;
    let first_column = u16_at(data, 2) as u32;
    let last_column = if kind == MULRK && data.len() >= 6 {
        u16_at(data, data.len() - 2) as u32
    } else {
        first_column
    };
    Some(CellRecord {
        at,
        sheet,
        row,
        first_column,
        last_column: last_column.max(first_column),
    })
}

/// Leaves out the rows of a sheet past the point where its grid would
/// exceed [`MAX_GRID_CELLS`].
fn cut_wide_sheets(stream: &mut [u8], cells: &mut [CellRecord]) -> Vec<String> {
    let mut warnings = Vec::new();
    cells.sort_by_key(|c| (c.sheet, c.row));
    for sheet_cells in cells.chunk_by(|a, b| a.sheet == b.sheet) {
        let first_row = sheet_cells[0].row;
        let first_column = sheet_cells
            .iter()
            .map(|c| c.first_column)
            .min()
            .unwrap_or(0);
        let last_column = sheet_cells.iter().map(|c| c.last_column).max().unwrap_or(0);
        let width = u64::from(last_column - first_column + 1);
        let rows_kept = MAX_GRID_CELLS / width;
        let left_out: Vec<&CellRecord> = sheet_cells
            .iter()
            .filter(|c| u64::from(c.row - first_row) >= rows_kept)
            .collect();
        if !left_out.is_empty() {
            // The first BOF of the stream opens the workbook's globals.
            warnings.push(format!(
                "sheet {} spans more than {MAX_GRID_CELLS} cells; its rows after row {} were left out",
                sheet_cells[0].sheet.saturating_sub(1),
                u64::from(first_row) + rows_kept
            ));
        }
        for cell in left_out {
            blank(stream, cell.at);
        }
    }
    warnings
}

fn blank(stream: &mut [u8], at: usize) {
    stream[at..at + 2].copy_from_slice(&BLANKED.to_le_bytes());
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One BIFF record: its type, its length and `data` (also the hidden
    /// rows' and columns' tests' writer).
    pub(crate) fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn number(row: u16, column: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(column.to_le_bytes());
        data.extend([0u8; 10]);
        record(0x0203, &data)
    }

    fn kinds(stream: &[u8]) -> Vec<u16> {
        let mut at = 0;
        let mut out = Vec::new();
        while at + 4 <= stream.len() {
            out.push(u16_at(stream, at));
            at += 4 + u16_at(stream, at + 2) as usize;
        }
        out
    }

    #[test]
    fn far_cells_and_dimensions_are_blanked_and_the_rest_kept() {
        let mut stream = record(BOF, &[0; 16]);
        stream.extend(record(EOF, &[]));
        stream.extend(record(BOF, &[0; 16]));
        stream.extend(record(DIMENSIONS, &[0xFF; 14]));
        stream.extend(number(0, 0));
        stream.extend(number(3, 300));
        stream.extend(number(65_535, 255));
        stream.extend(record(EOF, &[]));
        let warnings = check_records(&mut stream);
        assert_eq!(
            kinds(&stream),
            vec![BOF, EOF, BOF, BLANKED, 0x0203, BLANKED, BLANKED, EOF],
            "{warnings:?}"
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[1].contains("sheet 1 spans") && warnings[1].contains("after row 32768"),
            "{warnings:?}"
        );
    }

    #[test]
    fn an_ordinary_sheet_is_left_alone() {
        let mut stream = record(BOF, &[0; 16]);
        for row in 0..100 {
            stream.extend(number(row, row % 10));
        }
        stream.extend(record(EOF, &[]));
        let before = stream.clone();
        assert!(check_records(&mut stream).is_empty());
        assert_eq!(stream, before);
    }

    #[test]
    fn containers_without_a_workbook_are_named() {
        assert!(matches!(
            repack(b"not a compound file"),
            Err(NotAWorkbook::Damaged(_))
        ));
        let mut empty = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        empty.create_stream("/EncryptedPackage").unwrap();
        empty.flush().unwrap();
        let bytes = empty.into_inner().into_inner();
        assert_eq!(repack(&bytes).unwrap_err(), NotAWorkbook::Encrypted);
    }
}

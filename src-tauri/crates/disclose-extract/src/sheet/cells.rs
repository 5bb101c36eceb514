//! A sheet's cells, read sparsely: only the cells that hold something are
//! kept, in row order, never a dense rows × columns grid (a workbook of
//! 1.5 KB can claim a cell at XFD1048576). XLSX sheets are read cell by
//! cell; XLS and ODS through calamine's ranges, whose size their formats
//! bound. At most [`MAX_CELLS`] cells are kept from one sheet.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Sheets};

/// Most non-empty cells kept from one sheet (a sheet of a million rows by
/// four columns fits).
pub const MAX_CELLS: usize = 4_000_000;

/// The largest sheet Excel makes: a cell past it is a damaged reference
/// and is left out rather than widening every row to reach it.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// The non-empty cells of one sheet.
pub struct SparseSheet {
    /// `(row, column, value)`, row-major.
    cells: Vec<(u32, u32, Data)>,
    /// Whether cells past [`MAX_CELLS`] were left out.
    pub cut: bool,
}

impl SparseSheet {
    fn new(mut cells: Vec<(u32, u32, Data)>, cut: bool) -> SparseSheet {
        cells.sort_by_key(|&(row, column, _)| (row, column));
        SparseSheet { cells, cut }
    }

    /// Rows from the first row with a value to the last.
    pub fn height(&self) -> usize {
        match (self.cells.first(), self.cells.last()) {
            (Some(first), Some(last)) => (last.0 - first.0) as usize + 1,
            _ => 0,
        }
    }

    /// The sheet's first used column: cell 0 of every row.
    pub fn first_column(&self) -> u32 {
        self.cells.iter().map(|c| c.1).min().unwrap_or(0)
    }

    /// Each row that holds something, with its row number (0-based), as its
    /// cells' text from the sheet's first used column to the row's last
    /// value.
    pub fn rows(&self, text: impl Fn(&Data) -> String) -> Vec<(u32, Vec<String>)> {
        let first_column = self.first_column();
        let mut rows = Vec::new();
        let mut start = 0;
        while start < self.cells.len() {
            let row = self.cells[start].0;
            let end = start
                + self.cells[start..]
                    .iter()
                    .take_while(|c| c.0 == row)
                    .count();
            let mut line: Vec<String> = Vec::new();
            for (_, column, value) in &self.cells[start..end] {
                let at = (column - first_column) as usize;
                if line.len() <= at {
                    line.resize(at + 1, String::new());
                }
                line[at] = text(value);
            }
            rows.push((row, line));
            start = end;
        }
        rows
    }
}

/// Reads the sheet `name` of `book`. The spreadsheet library can panic on
/// damaged files; that is reported as the sheet's error.
pub fn read_sheet(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Result<SparseSheet, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_cells(book, name)))
        .unwrap_or_else(|_| Err("the spreadsheet library could not read it (damaged)".into()))
}

fn read_cells(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Result<SparseSheet, String> {
    if let Sheets::Xlsx(xlsx) = book {
        let mut reader = xlsx
            .worksheet_cells_reader(name)
            .map_err(|e| e.to_string())?;
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
            if matches!(cell.get_value(), DataRef::Empty) {
                continue;
            }
            if cells.len() >= MAX_CELLS {
                return Ok(SparseSheet::new(cells, true));
            }
            let (row, column) = cell.get_position();
            if row >= MAX_ROWS || column >= MAX_COLUMNS {
                continue;
            }
            cells.push((row, column, Data::from(cell.get_value().clone())));
        }
        return Ok(SparseSheet::new(cells, false));
    }
    let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
    let (start_row, start_column) = range.start().unwrap_or((0, 0));
    let mut cells: Vec<(u32, u32, Data)> = range
        .used_cells()
        .filter(|(_, _, value)| !matches!(value, Data::Empty))
        .take(MAX_CELLS + 1)
        .map(|(row, column, value)| {
            (
                row as u32 + start_row,
                column as u32 + start_column,
                value.clone(),
            )
        })
        .collect();
    let cut = cells.len() > MAX_CELLS;
    cells.truncate(MAX_CELLS);
    Ok(SparseSheet::new(cells, cut))
}

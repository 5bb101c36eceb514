//! Which rows and columns of each sheet are hidden, which the spreadsheet
//! library does not report. The cells are read as usual; this only says
//! which of them the file's owner did not see on screen, so renditions can
//! label them. One reader per format:
//!
//! - [`xlsx`]: `<row hidden="1">` and `<col hidden="1">`;
//! - [`ods`]: `table:visibility="collapse"` or `"filter"` on rows and
//!   columns, which may stand for many (`number-rows-repeated`);
//! - [`xls`]: the hidden flag of BIFF `ROW` and `COLINFO` records.

mod ods;
mod xls;
mod xlsx;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

pub use ods::ods;
pub use xls::xls;
pub use xlsx::xlsx;

/// The most columns a sheet has (Excel's and LibreOffice's width): a
/// column past it is not taken to be hidden.
pub const MAX_COLUMNS: u32 = 16_384;

/// Hidden rows and columns of one sheet, 0-based as the cells are.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Hidden {
    /// Disjoint runs of hidden rows, start → end (exclusive): one ODS
    /// element can hide a million rows.
    rows: BTreeMap<u32, u32>,
    pub columns: BTreeSet<u32>,
}

impl Hidden {
    pub fn hide_rows(&mut self, rows: Range<u32>) {
        if rows.is_empty() {
            return;
        }
        let (mut start, mut end) = (rows.start, rows.end);
        // Runs that touch or overlap this one are merged into it.
        let touching: Vec<(u32, u32)> = self
            .rows
            .range(..=end)
            .rev()
            .take_while(|(_, &e)| e >= start)
            .map(|(&s, &e)| (s, e))
            .collect();
        for (s, e) in touching {
            self.rows.remove(&s);
            start = start.min(s);
            end = end.max(e);
        }
        self.rows.insert(start, end);
    }

    pub fn hide_columns(&mut self, columns: Range<u32>) {
        self.columns
            .extend(columns.start..columns.end.min(MAX_COLUMNS));
    }

    pub fn row_is_hidden(&self, row: u32) -> bool {
        self.rows
            .range(..=row)
            .next_back()
            .is_some_and(|(_, &end)| row < end)
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_rows_merge_and_answer_for_every_row() {
        let mut hidden = Hidden::default();
        hidden.hide_rows(5..6);
        hidden.hide_rows(0..2);
        hidden.hide_rows(6..1_000_000);
        hidden.hide_rows(1..3);
        hidden.hide_rows(7..7);
        assert_eq!(hidden.rows.len(), 2, "{hidden:?}");
        for (row, expected) in [(0, true), (2, true), (3, false), (4, false), (5, true)] {
            assert_eq!(hidden.row_is_hidden(row), expected, "row {row}");
        }
        assert!(hidden.row_is_hidden(999_999) && !hidden.row_is_hidden(1_000_000));
        hidden.hide_columns(16_380..u32::MAX);
        assert_eq!(hidden.columns.len(), 4);
    }
}

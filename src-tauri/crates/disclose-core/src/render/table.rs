//! Record-shaped items (CSV, spreadsheets, JSON records) rendered as real
//! tables on landscape A4: each sheet under its name (a hidden sheet says
//! so), the column headings in bold, each row's cells wrapped inside their
//! column. Wide tables are split into blocks of columns, each repeating
//! the headings. Rows and columns hidden in the sheet are printed too, each
//! labelled "hidden row" / "hidden column", so the reader knows what the
//! file's owner did not see on screen. Every redacted string is replaced in the cells by a bar
//! with its reason, as in the other renditions.

use super::document::Span;
use super::writer::{split_to_fit, text_width, Flow, Mark, OutPage};
use crate::extract::RecordTable;
use crate::marks::Variants;

const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
const MARGIN: f32 = 40.0;
const SIZE: f32 = 8.0;
const LEADING: f32 = 10.0;
const LABEL_SIZE: f32 = 6.0;
const TITLE_SIZE: f32 = 11.0;
const PADDING: f32 = 4.0;
const MIN_COLUMN: f32 = 60.0;
const MAX_COLUMN: f32 = 220.0;
/// The labels of rows and columns hidden in the sheet.
const HIDDEN_ROW: &str = "(hidden row)";
const HIDDEN_COLUMN: &str = "(hidden column)";

/// A redacted string and the label of its bar.
pub struct Redacted {
    pub variants: Variants,
    pub label: String,
}

/// Pages showing `title` and then every table.
pub fn pages(title: &str, tables: &[RecordTable], redacted: &[Redacted]) -> Vec<OutPage> {
    let mut sheet = Sheet::new();
    sheet.line(
        vec![Mark::text(MARGIN, title, TITLE_SIZE, true)],
        TITLE_SIZE + 6.0,
    );
    for table in tables {
        sheet.table(table, redacted);
    }
    sheet.finish()
}

/// One cell's content: words and bars.
pub enum Piece {
    Words(String),
    Bar(String),
}

/// The cell's text with each redacted string cut out and barred.
pub fn pieces(cell: &str, redacted: &[Redacted]) -> Vec<Piece> {
    let mut spans: Vec<Span> = Vec::new();
    for r in redacted {
        for range in r.variants.find_iter(cell) {
            spans.push(Span {
                start: range.start,
                end: range.end,
                label: r.label.clone(),
            });
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        if span.start < at {
            at = at.max(span.end);
            continue;
        }
        if span.start > at {
            out.push(Piece::Words(cell[at..span.start].to_string()));
        }
        out.push(Piece::Bar(span.label));
        at = span.end;
    }
    if at < cell.len() {
        out.push(Piece::Words(cell[at..].to_string()));
    }
    out
}

/// Lines of marks (x relative to the cell's left edge) for one cell.
fn wrap(pieces: &[Piece], width: f32, bold: bool) -> Vec<Vec<Mark>> {
    let mut lines: Vec<Vec<Mark>> = vec![Vec::new()];
    let mut x = 0.0;
    let mut run = String::new();
    let mut run_x = 0.0;
    let flush = |lines: &mut Vec<Vec<Mark>>, run: &mut String, run_x: f32| {
        if !run.trim().is_empty() {
            if let Some(line) = lines.last_mut() {
                line.push(Mark::text(run_x, run.trim_end(), SIZE, bold));
            }
        }
        run.clear();
    };
    for piece in pieces {
        match piece {
            Piece::Words(words) => {
                for word in split_long(words, width) {
                    let w = text_width(word.trim_end(), SIZE);
                    if x + w > width && x > 0.0 {
                        flush(&mut lines, &mut run, run_x);
                        lines.push(Vec::new());
                        x = 0.0;
                    }
                    if run.is_empty() {
                        run_x = x;
                    }
                    run.push_str(&word);
                    x += text_width(&word, SIZE);
                }
            }
            Piece::Bar(label) => {
                flush(&mut lines, &mut run, run_x);
                let w = (text_width(label, LABEL_SIZE) + 6.0).min(width);
                if x + w > width && x > 0.0 {
                    lines.push(Vec::new());
                    x = 0.0;
                }
                if let Some(line) = lines.last_mut() {
                    line.push(Mark::Bar {
                        rect: [x, 0.0, x + w, 0.0],
                        label: label.clone(),
                    });
                }
                x += w + 2.0;
            }
        }
    }
    flush(&mut lines, &mut run, run_x);
    lines
}

/// Words with their following spaces; a word wider than `width` cut into
/// pieces that fit.
fn split_long(words: &str, width: f32) -> Vec<String> {
    words
        .replace(['\n', '\t', '\r'], " ")
        .split_inclusive(' ')
        .flat_map(|word| split_to_fit(word, width, SIZE))
        .collect()
}

/// Widths for `columns` (each column's widest cell, within limits),
/// scaled to fill the line when they fall short.
fn column_widths(table: &RecordTable, columns: &[usize]) -> Vec<f32> {
    let mut widths: Vec<f32> = columns
        .iter()
        .map(|&c| {
            let heading = table.columns.get(c).map_or(0.0, |h| text_width(h, SIZE));
            let widest = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| text_width(cell, SIZE))
                .fold(heading, f32::max);
            (widest + 2.0 * PADDING).clamp(MIN_COLUMN, MAX_COLUMN)
        })
        .collect();
    let total: f32 = widths.iter().sum();
    let room = WIDTH - 2.0 * MARGIN;
    if total > 0.0 && total < room {
        for w in &mut widths {
            *w *= room / total;
        }
    }
    widths
}

/// The columns in blocks that fit across a page.
fn column_blocks(table: &RecordTable) -> Vec<Vec<usize>> {
    let count = table
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(table.columns.len()))
        .max()
        .unwrap_or(0);
    let room = WIDTH - 2.0 * MARGIN;
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut used = 0.0;
    for c in 0..count {
        let w = column_widths(table, &[c])[0].min(MAX_COLUMN);
        match blocks.last_mut() {
            Some(block) if used + w <= room => {
                block.push(c);
                used += w;
            }
            _ => {
                blocks.push(vec![c]);
                used = w;
            }
        }
    }
    blocks
}

/// Places rows top to bottom, starting new pages as they fill.
struct Sheet {
    flow: Flow,
}

impl Sheet {
    fn new() -> Sheet {
        Sheet {
            flow: Flow::new(WIDTH, HEIGHT, MARGIN),
        }
    }

    /// One line of marks (x absolute, y replaced by the baseline).
    fn line(&mut self, marks: Vec<Mark>, height: f32) {
        let baseline = self.flow.next_baseline(height);
        self.flow.place(marks, 0.0, baseline, SIZE);
    }

    fn table(&mut self, table: &RecordTable, redacted: &[Redacted]) {
        let blocks = column_blocks(table);
        for block in &blocks {
            let mut heading = format!("Sheet: {}", table.name);
            if table.hidden {
                heading.push_str(" — hidden sheet (not shown when the file is opened)");
            }
            if blocks.len() > 1 {
                heading.push_str(&format!(
                    " — columns {}–{} of {}",
                    block[0] + 1,
                    block[block.len() - 1] + 1,
                    blocks.iter().map(Vec::len).sum::<usize>()
                ));
            }
            self.flow.y += LEADING;
            self.line(
                vec![Mark::text(MARGIN, &heading, SIZE + 1.0, true)],
                LEADING + 2.0,
            );
            let widths = column_widths(table, block);
            let headings: Vec<String> = block
                .iter()
                .map(|&c| {
                    let heading = table
                        .columns
                        .get(c)
                        .filter(|h| !h.trim().is_empty())
                        .cloned()
                        .unwrap_or_else(|| format!("column {}", c + 1));
                    if table.hidden_columns.contains(&c) {
                        format!("{heading} {HIDDEN_COLUMN}")
                    } else {
                        heading
                    }
                })
                .collect();
            self.row(&headings, &widths, true, redacted, false);
            self.rule(widths.iter().sum());
            for (index, row) in table.rows.iter().enumerate() {
                let cells: Vec<String> = block
                    .iter()
                    .map(|&c| row.get(c).cloned().unwrap_or_default())
                    .collect();
                let hidden = table.hidden_rows.contains(&index);
                self.row(&cells, &widths, false, redacted, hidden);
            }
            if table.rows.is_empty() {
                self.line(vec![Mark::text(MARGIN, "(no rows)", SIZE, false)], LEADING);
            }
        }
    }

    /// A thin line under the headings.
    fn rule(&mut self, width: f32) {
        let y = self.flow.y + 2.0;
        self.flow.current.push(Mark::Bar {
            rect: [MARGIN, y, MARGIN + width, y + 0.6],
            label: String::new(),
        });
        self.flow.y += 3.0;
    }

    /// One row of cells; a hidden row starts with its label.
    fn row(
        &mut self,
        cells: &[String],
        widths: &[f32],
        bold: bool,
        redacted: &[Redacted],
        hidden: bool,
    ) {
        let wrapped: Vec<Vec<Vec<Mark>>> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(n, (cell, w))| {
                let mut cut = pieces(cell, redacted);
                if hidden && n == 0 {
                    cut.insert(0, Piece::Words(format!("{HIDDEN_ROW} ")));
                }
                wrap(&cut, w - 2.0 * PADDING, bold)
            })
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        if !self.flow.fits(lines as f32 * LEADING) {
            self.flow.new_page();
        }
        let top = self.flow.y;
        let mut x = MARGIN;
        for (cell, w) in wrapped.into_iter().zip(widths) {
            for (n, line) in cell.into_iter().enumerate() {
                let baseline = top + (n as f32 + 1.0) * LEADING;
                self.flow.place(line, x + PADDING, baseline, SIZE);
            }
            x += w;
        }
        self.flow.y = top + lines as f32 * LEADING;
    }

    fn finish(self) -> Vec<OutPage> {
        self.flow.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::writer::tests::texts;

    #[test]
    fn headings_cells_hidden_sheets_and_redactions() {
        let table = RecordTable {
            name: "Contacts".into(),
            hidden: true,
            columns: vec!["name".into(), "phone".into()],
            rows: vec![
                vec!["Tiffany Okonjo".into(), "+44 113 496 0123".into()],
                vec!["Office".into(), "0113 496 0000".into()],
            ],
            hidden_rows: vec![1],
            hidden_columns: vec![1],
        };
        let redacted = [Redacted {
            variants: Variants::new("0113 496 0123").unwrap(),
            label: "third-party".into(),
        }];
        let all = texts(&pages("Item 3", &[table], &redacted));
        assert!(all.contains("Sheet: Contacts — hidden sheet"), "{all}");
        assert!(all.contains("name|phone"), "{all}");
        assert!(all.contains("Tiffany Okonjo|[third-party]"), "{all}");
        assert!(!all.contains("496 0123"), "{all}");
        assert!(all.contains("(hidden row) Office|0113 496 0000"), "{all}");
        assert!(all.contains("name|phone (hidden column)"), "{all}");
        assert_eq!(all.matches("(hidden row)").count(), 1, "{all}");
    }

    #[test]
    fn wide_tables_are_split_into_blocks_of_columns() {
        let table = RecordTable {
            name: "Wide".into(),
            hidden: false,
            columns: (1..=30).map(|c| format!("c{c}")).collect(),
            rows: vec![(1..=30).map(|c| format!("v{c}")).collect()],
            hidden_rows: Vec::new(),
            hidden_columns: Vec::new(),
        };
        let all = texts(&pages("Item 4", &[table], &[]));
        assert!(all.contains("columns 1–"), "{all}");
        assert!(all.contains("v30"), "{all}");
    }
}

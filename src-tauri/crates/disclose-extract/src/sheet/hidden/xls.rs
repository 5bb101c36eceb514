//! Hidden rows and columns of XLS sheets, read from the workbook stream's
//! BIFF records: a `ROW` record whose option flags say its height is zero
//! (`fDyZero`, 0x20) is a hidden row, a `COLINFO` record with `fHidden`
//! (0x01) hides its columns. Each sheet's records follow the `BOF` the
//! workbook's `BOUNDSHEET` record points at, which also gives its name.

use std::collections::HashMap;

use super::Hidden;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;
/// The `BOF` version of BIFF8 (Excel 97 and later).
const BIFF8: u16 = 0x0600;

/// Sheet name → its hidden rows and columns, for the sheets that have any.
/// Damaged records are skipped.
pub fn xls(stream: &[u8]) -> HashMap<String, Hidden> {
    let mut names: HashMap<usize, String> = HashMap::new();
    let mut biff8 = true;
    let mut by_sheet: HashMap<String, Hidden> = HashMap::new();
    let mut current: Option<String> = None;
    let mut depth = 0usize;
    for (at, kind, data) in records(stream) {
        match kind {
            BOF => {
                if depth == 0 {
                    if at == 0 {
                        biff8 = u16_at(data, 0) == Some(BIFF8);
                    }
                    current = names.get(&at).cloned();
                }
                depth += 1;
            }
            EOF => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    current = None;
                }
            }
            BOUNDSHEET => {
                if let (Some(position), Some(name)) = (u32_at(data, 0), sheet_name(data, biff8)) {
                    names.insert(position as usize, name);
                }
            }
            ROW => {
                let (Some(name), Some(row), Some(flags)) =
                    (&current, u16_at(data, 0), u16_at(data, 12))
                else {
                    continue;
                };
                if flags & 0x20 != 0 {
                    let row = u32::from(row);
                    by_sheet
                        .entry(name.clone())
                        .or_default()
                        .hide_rows(row..row + 1);
                }
            }
            COLINFO => {
                let (Some(name), Some(first), Some(last), Some(flags)) =
                    (&current, u16_at(data, 0), u16_at(data, 2), u16_at(data, 8))
                else {
                    continue;
                };
                if flags & 0x01 != 0 && first <= last {
                    by_sheet
                        .entry(name.clone())
                        .or_default()
                        .hide_columns(u32::from(first)..u32::from(last) + 1);
                }
            }
            _ => {}
        }
    }
    by_sheet
}

/// `(offset, type, data)` of each whole record in the stream.
fn records(stream: &[u8]) -> impl Iterator<Item = (usize, u16, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let kind = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        let record = (at, kind, data);
        at += 4 + len;
        Some(record)
    })
}

/// The sheet name of a `BOUNDSHEET` record: after the position, state and
/// type, a one-byte length and (BIFF8) a flag for two-byte characters.
fn sheet_name(data: &[u8], biff8: bool) -> Option<String> {
    let count = usize::from(*data.get(6)?);
    if !biff8 {
        let bytes = data.get(7..7 + count)?;
        return Some(bytes.iter().map(|&b| char::from(b)).collect());
    }
    let wide = data.get(7)? & 0x01 != 0;
    if wide {
        let bytes = data.get(8..8 + count * 2)?;
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        let bytes = data.get(8..8 + count)?;
        Some(bytes.iter().map(|&b| char::from(b)).collect())
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn bof() -> Vec<u8> {
        let mut data = BIFF8.to_le_bytes().to_vec();
        data.extend([0u8; 14]);
        record(BOF, &data)
    }

    fn row(number: u16, flags: u16) -> Vec<u8> {
        let mut data = number.to_le_bytes().to_vec();
        data.extend([0u8; 10]);
        data.extend(flags.to_le_bytes());
        data.extend([0u8; 2]);
        record(ROW, &data)
    }

    fn colinfo(first: u16, last: u16, flags: u16) -> Vec<u8> {
        let mut data = Vec::new();
        for v in [first, last, 0, 0, flags, 0] {
            data.extend(v.to_le_bytes());
        }
        record(COLINFO, &data)
    }

    #[test]
    fn hidden_rows_and_columns_are_found_under_their_sheet() {
        let boundsheet = |position: u32, name: &str| {
            let mut data = position.to_le_bytes().to_vec();
            data.extend([0, 0, name.len() as u8, 0]);
            data.extend(name.as_bytes());
            record(BOUNDSHEET, &data)
        };
        // Globals, then two sheets; the positions are filled in below.
        let globals_len = bof().len() + 2 * boundsheet(0, "Rent").len() + 4;
        let first = globals_len as u32;
        let mut sheet1 = bof();
        sheet1.extend(row(0, 0));
        sheet1.extend(row(2, 0x20));
        sheet1.extend(colinfo(1, 2, 0x01));
        sheet1.extend(colinfo(4, 4, 0));
        sheet1.extend(record(EOF, &[]));
        let second = first + sheet1.len() as u32;
        let mut sheet2 = bof();
        sheet2.extend(row(5, 0));
        sheet2.extend(record(EOF, &[]));
        let mut stream = bof();
        stream.extend(boundsheet(first, "Rent"));
        stream.extend(boundsheet(second, "Keys"));
        stream.extend(record(EOF, &[]));
        assert_eq!(stream.len(), globals_len);
        stream.extend(sheet1);
        stream.extend(sheet2);

        let hidden = xls(&stream);
        assert_eq!(hidden.len(), 1, "{hidden:?}");
        let rent = &hidden["Rent"];
        let rows: Vec<u32> = (0..10).filter(|&r| rent.row_is_hidden(r)).collect();
        assert_eq!(rows, [2]);
        assert_eq!(rent.columns.iter().copied().collect::<Vec<_>>(), [1, 2]);
        // A truncated stream is read as far as it goes.
        assert!(xls(&stream[..stream.len() - 3]).contains_key("Rent"));
        assert!(xls(b"\x09\x08").is_empty());
    }
}

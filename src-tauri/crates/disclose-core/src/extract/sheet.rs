//! Spreadsheets (XLSX, XLS, ODS) and CSV, with their rows kept as records.

use super::{ExtractError, Extracted, FileType, Limits};

pub fn extract_workbook(_t: FileType, _data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("spreadsheet reader not built yet".into()))
}

pub fn extract_csv(_data: &[u8], _name: &str, _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("CSV reader not built yet".into()))
}

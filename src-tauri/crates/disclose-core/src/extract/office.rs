//! Word-processing documents: DOCX and ODT.

use super::{ExtractError, Extracted, Limits};

pub fn extract_docx(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("DOCX reader not built yet".into()))
}

pub fn extract_odt(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("ODT reader not built yet".into()))
}

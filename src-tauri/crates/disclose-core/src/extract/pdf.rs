//! PDF: the text layer with the position of every word on every page.

use super::{ExtractError, Extracted, Limits};

pub fn extract_pdf(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("PDF reader not built yet".into()))
}

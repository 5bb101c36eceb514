//! HTML to text.

use super::{ExtractError, Extracted, Limits};

pub fn extract_html(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("HTML reader not built yet".into()))
}

//! RTF to text.

use super::{ExtractError, Extracted, Limits};

pub fn extract_rtf(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("RTF reader not built yet".into()))
}

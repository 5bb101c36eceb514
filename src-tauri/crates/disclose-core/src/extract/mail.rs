//! Email: RFC 5322 messages (.eml) and mbox files.

use super::{ExtractError, Extracted, Limits};

pub fn extract_eml(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("email reader not built yet".into()))
}

pub fn extract_mbox(_data: &[u8], _limits: &Limits) -> Result<Extracted, ExtractError> {
    Err(ExtractError::Unsupported("mbox reader not built yet".into()))
}

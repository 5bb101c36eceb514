//! What a failed command sends to the window: a stable code the UI can act
//! on and a message a caseworker can read.

use serde::Serialize;

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct CommandError {
    /// invalid, not_found, exists, query, database, index, io, extract,
    /// cancelled, locked (an encrypted home not unlocked) or internal.
    pub code: String,
    pub message: String,
}

impl From<disclose_core::Error> for CommandError {
    fn from(e: disclose_core::Error) -> CommandError {
        CommandError {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

impl CommandError {
    pub fn internal(message: impl Into<String>) -> CommandError {
        CommandError {
            code: "internal".into(),
            message: message.into(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

//! The crate's error: one enum with a stable machine code per variant, so
//! the CLI and the desktop shell can branch on `code()`, never on text.

use crate::extract::ExtractError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(String),
    #[error("case '{0}' not found")]
    CaseNotFound(String),
    #[error("case '{0}' already exists")]
    CaseExists(String),
    #[error("item {0} not found")]
    ItemNotFound(i64),
    #[error("query error: {0}")]
    Query(String),
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Extract(#[from] ExtractError),
    #[error("cancelled")]
    Cancelled,
    /// An encrypted home not unlocked, or a wrong passphrase.
    #[error("{0}")]
    Locked(String),
    /// What is on disk no longer matches what was recorded (a changed or
    /// damaged original or rendition, a missing or damaged index).
    #[error("{0}")]
    Integrity(String),
}

impl Error {
    /// A stable code for programs: `invalid`, `not_found`, ...
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid",
            Error::CaseNotFound(_) | Error::ItemNotFound(_) => "not_found",
            Error::CaseExists(_) => "exists",
            Error::Query(_) => "query",
            Error::Database(_) => "database",
            Error::Index(_) => "index",
            Error::Io(_) => "io",
            Error::Extract(_) => "extract",
            Error::Cancelled => "cancelled",
            Error::Locked(_) => "locked",
            Error::Integrity(_) => "integrity",
        }
    }

    /// Whether the user can fix it (bad input) rather than the machine.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::Invalid(_)
                | Error::CaseNotFound(_)
                | Error::CaseExists(_)
                | Error::ItemNotFound(_)
                | Error::Query(_)
                | Error::Locked(_)
        )
    }
}

impl From<tantivy::query::QueryParserError> for Error {
    fn from(e: tantivy::query::QueryParserError) -> Self {
        Error::Query(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

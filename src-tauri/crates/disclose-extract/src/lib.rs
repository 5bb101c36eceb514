//! Disclose's readers, a crate of their own: one reader per file format,
//! each turning untrusted bytes into plain UTF-8 text, metadata, page
//! layout (where the format has pages), child files (attachments, archive
//! entries) and structured records (spreadsheet and CSV rows); the file's
//! type sniffed by its content ([`sniff`]); the [`Limits`] every reader
//! honours; and the worker process they run in ([`worker`], speaking
//! [`protocol`]): readers, OCR's reading ([`ocr`]), PDF pages drawn
//! ([`raster`]) and Outlook mailboxes streamed ([`mailbox`]).
//!
//! Readers never panic on purpose and know nothing of cases, SQLite, the
//! search index or the audit log: they take bytes and return an
//! [`Extracted`] or an [`ExtractError`] whose message is shown to the user
//! as the reason an item failed. The engine (`disclose-core`) runs them in
//! worker processes with a time and memory limit, behind `catch_unwind`,
//! so one hostile file cannot stop an import.

pub mod archive;
pub mod card;
pub mod heic;
pub mod html;
pub mod image;
pub mod mail;
pub mod mailbox;
pub mod mapi;
pub mod mbox;
pub mod media;
pub mod ocr;
pub mod office;
pub mod ole;
pub mod pdf;
pub mod process;
pub mod protocol;
pub mod pst;
pub mod raster;
pub mod rtf;
pub mod sheet;
pub mod sniff;
pub mod text;
pub mod worker;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use sniff::{sniff, FileType};

/// What a reader got out of one file.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Extracted {
    /// All text a recipient could find in the file, in reading order.
    pub text: String,
    /// Format metadata with lower-case keys: `author`, `title`, `created`,
    /// `modified`, and for email `from`, `to`, `cc`, `bcc`, `subject`, `date`,
    /// `message-id`, `in-reply-to`, `references`.
    pub metadata: BTreeMap<String, String>,
    /// The item's own date: when an email was sent, when a document was last
    /// modified.
    pub date: Option<DateTime<Utc>>,
    /// Layout of paginated formats (PDF): which bytes of `text` sit where.
    pub pages: Vec<Page>,
    /// Files inside this one (email attachments, archive entries), extracted
    /// in turn by the pipeline.
    pub children: Vec<Child>,
    /// Structured rows of spreadsheets and CSV files, kept for portability.
    pub records: Vec<RecordTable>,
    /// Problems that did not stop extraction; any warning makes the item
    /// `partial`, with the warnings as its reason.
    pub warnings: Vec<String>,
}

/// One page of a paginated document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page size in PDF points (1/72 inch).
    pub width: f32,
    pub height: f32,
    /// The words on the page, in text order.
    pub words: Vec<Word>,
}

/// A word of text and where it is drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Word {
    /// Byte range of the word in [`Extracted::text`].
    pub start: usize,
    pub end: usize,
    /// `[x0, y0, x1, y1]` in points, origin at the page's top-left corner,
    /// y growing downwards.
    pub bbox: [f32; 4],
}

/// A file found inside another one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Child {
    /// The name it had inside its container (attachment file name, archive
    /// entry path, sanitised).
    pub name: String,
    #[serde(skip)]
    pub data: Vec<u8>,
}

/// One table of structured rows (a sheet, a CSV file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordTable {
    /// Sheet name; the file name for CSV.
    pub name: String,
    /// Hidden sheets are extracted too and marked.
    pub hidden: bool,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Rows hidden in the sheet (indexes into `rows`).
    #[serde(default)]
    pub hidden_rows: Vec<usize>,
    /// Columns hidden in the sheet (indexes into `columns` and each row).
    #[serde(default)]
    pub hidden_columns: Vec<usize>,
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Serialize, Deserialize)]
pub enum ExtractError {
    #[error("encrypted: {0}")]
    Encrypted(String),
    #[error("corrupt or truncated: {0}")]
    Corrupt(String),
    #[error("unsupported: {0}")]
    Unsupported(String),
    #[error("over a safety limit: {0}")]
    Limit(String),
}

/// Safety limits that every reader honours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Files larger than this are stored and hashed but not parsed.
    pub max_parse_bytes: u64,
    /// Largest single entry a container may expand to.
    pub max_child_bytes: u64,
    /// Most bytes all children of one container may expand to together.
    pub max_children_total_bytes: u64,
    /// Most children one container may have.
    pub max_children: usize,
    /// Highest expansion ratio (uncompressed / compressed) of an archive entry.
    pub max_ratio: u64,
    /// Deepest nesting of containers (zip in email in zip ...).
    pub max_depth: u32,
    /// Most characters of text kept from one file.
    pub max_text_bytes: usize,
    /// Most pages read from one document.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_parse_bytes: 256 << 20,
            max_child_bytes: 128 << 20,
            max_children_total_bytes: 256 << 20,
            max_children: 1_000_000,
            max_ratio: 200,
            max_depth: 8,
            max_text_bytes: 64 << 20,
            max_pages: 5_000,
        }
    }
}

/// Runs the reader for `file_type` over `data`. `name` is the file name, used
/// only for hints (e.g. a CSV table's name).
pub fn extract(
    file_type: FileType,
    data: &[u8],
    name: &str,
    limits: &Limits,
) -> Result<Extracted, ExtractError> {
    let mut out = match file_type {
        FileType::Email => mail::extract_eml(data, limits),
        FileType::Mbox => mail::extract_mbox(data, limits),
        FileType::Pdf => pdf::extract_pdf(data, limits),
        FileType::Docx => office::extract_docx(data, limits),
        FileType::Odt | FileType::Odp => office::extract_odt(data, limits),
        FileType::Pptx => office::extract_pptx(data, limits),
        FileType::Xlsx | FileType::Xls | FileType::Ods => {
            sheet::extract_workbook(file_type, data, limits)
        }
        FileType::Csv => sheet::extract_csv(data, name, limits),
        FileType::Json => text::extract_json(data, limits),
        FileType::Html => html::extract_html(data, limits),
        FileType::Rtf => rtf::extract_rtf(data, limits),
        FileType::Text => text::extract_text(data, limits),
        FileType::Zip => archive::extract_zip(data, limits),
        FileType::Image => image::extract_image(data, limits),
        FileType::Audio => crate::media::extract_audio(data),
        FileType::Video => crate::media::video::extract_video(data),
        FileType::Contact | FileType::Calendar | FileType::Task => card::extract_card(data, limits),
        FileType::Doc | FileType::Ppt | FileType::Msg | FileType::Ole => {
            ole::extract_ole(data, limits)
        }
        other => Err(ExtractError::Unsupported(
            other.unsupported_reason().to_string(),
        )),
    }?;
    if out.text.len() > limits.max_text_bytes {
        let cut = text::floor_char_boundary(&out.text, limits.max_text_bytes);
        out.text.truncate(cut);
        out.warnings
            .push(format!("text cut at {} MiB", limits.max_text_bytes >> 20));
        out.pages
            .iter_mut()
            .for_each(|p| p.words.retain(|w| w.end <= cut));
    }
    Ok(out)
}

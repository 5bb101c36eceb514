//! File type detection by content first, extension second: a PDF renamed
//! `.txt` is read as a PDF, and garbage named `.pdf` is not trusted.

use std::io::Cursor;

use serde::{Deserialize, Serialize};

/// The formats Disclose knows, as stored in the case (`type` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    Email,
    Mbox,
    Pdf,
    Docx,
    Odt,
    /// OpenDocument presentation.
    Odp,
    Xlsx,
    Xls,
    Ods,
    Csv,
    Json,
    Html,
    Rtf,
    Text,
    Zip,
    Image,
    /// Word 97–2003.
    Doc,
    /// PowerPoint 97–2003.
    Ppt,
    /// Outlook message.
    Msg,
    /// Another OLE compound file (e.g. Publisher).
    Ole,
    Pptx,
    Pst,
    /// vCard.
    Contact,
    /// iCalendar events (appointments, meetings).
    Calendar,
    /// iCalendar to-dos (Outlook tasks).
    Task,
    /// Sound recordings (WAV, MP3, M4A/AAC, OGG/Opus, FLAC, WMA, AMR).
    Audio,
    /// Video (MP4/MOV, AVI, MKV/WebM): CCTV exports.
    Video,
    Binary,
}

impl FileType {
    pub fn as_str(self) -> &'static str {
        match self {
            FileType::Email => "email",
            FileType::Mbox => "mbox",
            FileType::Pdf => "pdf",
            FileType::Docx => "docx",
            FileType::Odt => "odt",
            FileType::Odp => "odp",
            FileType::Xlsx => "xlsx",
            FileType::Xls => "xls",
            FileType::Ods => "ods",
            FileType::Csv => "csv",
            FileType::Json => "json",
            FileType::Html => "html",
            FileType::Rtf => "rtf",
            FileType::Text => "text",
            FileType::Zip => "zip",
            FileType::Image => "image",
            FileType::Doc => "doc",
            FileType::Ppt => "ppt",
            FileType::Msg => "msg",
            FileType::Ole => "ole",
            FileType::Pptx => "pptx",
            FileType::Pst => "pst",
            FileType::Contact => "contact",
            FileType::Calendar => "calendar",
            FileType::Task => "task",
            FileType::Audio => "audio",
            FileType::Video => "video",
            FileType::Binary => "binary",
        }
    }

    pub fn parse(s: &str) -> Option<FileType> {
        ALL.iter().copied().find(|t| t.as_str() == s)
    }

    /// Why the formats without a reader yet cannot be read.
    pub fn unsupported_reason(self) -> &'static str {
        match self {
            FileType::Pst => "an Outlook mailbox (.pst) inside another file is not read; extract it and import the .pst itself",
            _ => "unrecognised binary content",
        }
    }
}

impl std::fmt::Display for FileType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

pub const ALL: [FileType; 28] = [
    FileType::Email,
    FileType::Mbox,
    FileType::Pdf,
    FileType::Docx,
    FileType::Odt,
    FileType::Odp,
    FileType::Xlsx,
    FileType::Xls,
    FileType::Ods,
    FileType::Csv,
    FileType::Json,
    FileType::Html,
    FileType::Rtf,
    FileType::Text,
    FileType::Zip,
    FileType::Image,
    FileType::Doc,
    FileType::Ppt,
    FileType::Msg,
    FileType::Ole,
    FileType::Pptx,
    FileType::Pst,
    FileType::Contact,
    FileType::Calendar,
    FileType::Task,
    FileType::Audio,
    FileType::Video,
    FileType::Binary,
];

/// How an Outlook data file (`.pst`) starts.
pub const PST_MAGIC: &[u8; 4] = b"!BDN";

/// Decides the type of `data`, named `name`, from its bytes; the extension
/// only picks between formats the bytes cannot tell apart (CSV vs text, the
/// kinds of OLE file).
pub fn sniff(data: &[u8], name: &str) -> FileType {
    let ext = extension(name);
    let head = &data[..data.len().min(8192)];
    if head.starts_with(b"%PDF-") || find(&head[..head.len().min(1024)], b"%PDF-").is_some() {
        return FileType::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return sniff_zip(data);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return sniff_ole(data);
    }
    if head.starts_with(PST_MAGIC) {
        return FileType::Pst;
    }
    match super::card::sniff_card(head) {
        Some(super::card::CardKind::Contact) => return FileType::Contact,
        Some(super::card::CardKind::Calendar) => return FileType::Calendar,
        Some(super::card::CardKind::Task) => return FileType::Task,
        None => {}
    }
    if head.starts_with(b"{\\rtf") {
        return FileType::Rtf;
    }
    if is_image(head) {
        return FileType::Image;
    }
    if crate::media::is_audio(head) {
        return FileType::Audio;
    }
    if crate::media::video::is_video(head) {
        return FileType::Video;
    }
    if looks_binary(head) {
        return FileType::Binary;
    }
    let lower: Vec<u8> = head
        .iter()
        .take(2048)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let trimmed = trim_start(&lower);
    if trimmed.starts_with(b"from ") && ext != "txt" && looks_like_mbox(head) {
        return FileType::Mbox;
    }
    if looks_like_email(head) {
        return FileType::Email;
    }
    if trimmed.starts_with(b"<!doctype html")
        || trimmed.starts_with(b"<html")
        || (matches!(ext.as_str(), "htm" | "html") && trimmed.starts_with(b"<"))
    {
        return FileType::Html;
    }
    if (trimmed.starts_with(b"{") || trimmed.starts_with(b"["))
        && (ext == "json" || serde_json::from_slice::<serde_json::Value>(data).is_ok())
    {
        return FileType::Json;
    }
    match ext.as_str() {
        "csv" | "tsv" => FileType::Csv,
        "eml" => FileType::Email,
        "mbox" | "mbx" => FileType::Mbox,
        _ => FileType::Text,
    }
}

fn extension(name: &str) -> String {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

fn is_image(head: &[u8]) -> bool {
    head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || (head.starts_with(b"BM") && head.len() > 14)
        || crate::heic::is_heif(head)
        || (head.starts_with(b"RIFF") && head.len() > 12 && &head[8..12] == b"WEBP")
}

/// Text has no NUL bytes and few control characters; UTF-16 with a BOM is
/// text too.
fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    if head.is_empty() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

fn looks_like_mbox(head: &[u8]) -> bool {
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    // "From sender@example.com Mon Jan  1 00:00:00 2001"
    first_line.len() > 5 && first_line.split(|&b| b == b' ').count() >= 3
}

/// An RFC 5322 message starts with header lines, and has at least two of the
/// headers every real message carries.
fn looks_like_email(head: &[u8]) -> bool {
    const HEADERS: [&str; 9] = [
        "from:",
        "to:",
        "subject:",
        "date:",
        "message-id:",
        "received:",
        "return-path:",
        "mime-version:",
        "x-mailer:",
    ];
    let text = String::from_utf8_lossy(head);
    let mut seen = 0;
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if line.starts_with([' ', '\t']) {
            continue;
        }
        if !lower.contains(':') || lower.split(':').next().is_some_and(|h| h.contains(' ')) {
            if i == 0 {
                return false;
            }
            break;
        }
        if HEADERS.iter().any(|h| lower.starts_with(h)) {
            seen += 1;
        }
    }
    seen >= 2
}

/// Which kind of OLE compound file, from the streams inside it.
fn sniff_ole(data: &[u8]) -> FileType {
    let Ok(file) = cfb::CompoundFile::open(Cursor::new(data)) else {
        return FileType::Ole;
    };
    if file.is_stream("/WordDocument") {
        FileType::Doc
    } else if file.is_stream("/PowerPoint Document") {
        FileType::Ppt
    } else if file.is_stream("/Workbook") || file.is_stream("/Book") {
        FileType::Xls
    } else if file.is_stream("/__properties_version1.0") {
        FileType::Msg
    } else {
        FileType::Ole
    }
}

fn sniff_zip(data: &[u8]) -> FileType {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(data)) else {
        return FileType::Zip;
    };
    if let Ok(mut mimetype) = archive.by_name("mimetype") {
        let mut s = String::new();
        use std::io::Read;
        if mimetype.by_ref().take(200).read_to_string(&mut s).is_ok() {
            if s.contains("opendocument.text") {
                return FileType::Odt;
            }
            if s.contains("opendocument.presentation") {
                return FileType::Odp;
            }
            if s.contains("opendocument.spreadsheet") {
                return FileType::Ods;
            }
        }
    }
    let has = |prefix: &str| {
        archive
            .file_names_raw()
            .any(|n| n.starts_with(prefix.as_bytes()))
    };
    if has("word/") {
        FileType::Docx
    } else if has("xl/") {
        FileType::Xlsx
    } else if has("ppt/") {
        FileType::Pptx
    } else {
        FileType::Zip
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(sniff(b"%PDF-1.4\n...", "letter.txt"), FileType::Pdf);
        assert_eq!(
            sniff(b"\x00\x01\x02garbage\x00", "letter.pdf"),
            FileType::Binary
        );
        assert_eq!(sniff(b"hello there", "notes.pdf"), FileType::Text);
    }

    #[test]
    fn email_needs_real_headers() {
        let eml = b"From: a@b.com\r\nTo: c@d.com\r\nSubject: hi\r\n\r\nbody";
        assert_eq!(sniff(eml, "x.txt"), FileType::Email);
        assert_eq!(
            sniff(b"Note: this is a memo\nnot an email", "x.txt"),
            FileType::Text
        );
    }

    #[test]
    fn json_csv_html() {
        assert_eq!(sniff(b"{\"a\": 1}", "x.dat"), FileType::Json);
        assert_eq!(sniff(b"a,b\n1,2\n", "x.csv"), FileType::Csv);
        assert_eq!(sniff(b"<!DOCTYPE html><p>x</p>", "x"), FileType::Html);
    }
}

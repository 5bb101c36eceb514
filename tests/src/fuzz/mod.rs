//! Fuzz targets: one per reader, each handing untrusted bytes to the same
//! public entry point the import uses. The AFL driver in `fuzz/` runs them
//! under coverage-guided fuzzing; the `fuzz_replay` test runs every saved
//! input through them in-process, so CI checks the corpora without AFL.
//!
//! A target returns nothing: a reader may accept or refuse its input, but
//! it must never panic or abort. Panics that a reader catches itself (the
//! PDF and PST readers guard their third-party parsers) are part of the
//! reader's behaviour and count as handled.

pub mod seeds;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use disclose_extract::{self as extract, FileType, Limits};

/// Every target, by the name used on the command line and as the folder of
/// its corpus.
pub const TARGETS: &[&str] = &[
    "eml",
    "mbox",
    "pdf",
    "pdf_render",
    "docx",
    "odt",
    "pptx",
    "xlsx",
    "xls",
    "ods",
    "csv",
    "doc",
    "ppt",
    "msg",
    "rtf_compressed",
    "rtf",
    "html",
    "json",
    "text",
    "card",
    "zip",
    "image_png",
    "image_jpeg",
    "image_gif",
    "image_bmp",
    "image_tiff",
    "image_webp",
    "sniff",
    "pst",
];

/// The `fuzz/` folder of the repository, where the saved inputs live.
pub fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repository root")
        .join("fuzz")
}

/// Feeds `data` to the reader behind `target`. Returns false for an
/// unknown target name.
pub fn run(target: &str, data: &[u8]) -> bool {
    let limits = Limits::default();
    let by_type = |file_type: FileType, name: &str| {
        let _ = extract::extract(file_type, data, name, &limits);
    };
    match target {
        "eml" => by_type(FileType::Email, "message.eml"),
        "mbox" => by_type(FileType::Mbox, "mailbox.mbox"),
        "pdf" => by_type(FileType::Pdf, "document.pdf"),
        "pdf_render" => {
            let _ = disclose_extract::raster::rasterise(data, 150.0, 3000.0, &[]);
        }
        "docx" => by_type(FileType::Docx, "document.docx"),
        "odt" => {
            by_type(FileType::Odt, "document.odt");
            by_type(FileType::Odp, "slides.odp");
        }
        "pptx" => by_type(FileType::Pptx, "slides.pptx"),
        "xlsx" => by_type(FileType::Xlsx, "book.xlsx"),
        "xls" => by_type(FileType::Xls, "book.xls"),
        "ods" => by_type(FileType::Ods, "book.ods"),
        "csv" => by_type(FileType::Csv, "table.csv"),
        "doc" => by_type(FileType::Doc, "document.doc"),
        "ppt" => by_type(FileType::Ppt, "slides.ppt"),
        "msg" => by_type(FileType::Msg, "message.msg"),
        "rtf_compressed" => {
            let _ = extract::mapi::decompress_rtf(data, &limits);
        }
        "rtf" => by_type(FileType::Rtf, "document.rtf"),
        "html" => by_type(FileType::Html, "page.html"),
        "json" => by_type(FileType::Json, "data.json"),
        "text" => by_type(FileType::Text, "notes.txt"),
        "card" => {
            by_type(FileType::Contact, "contact.vcf");
            by_type(FileType::Calendar, "event.ics");
        }
        "zip" => by_type(FileType::Zip, "archive.zip"),
        "image_png" | "image_jpeg" | "image_gif" | "image_bmp" | "image_tiff" | "image_webp" => {
            by_type(FileType::Image, "picture");
            let _ = extract::image::decode_upright(data);
        }
        "sniff" => sniff(data),
        "pst" => pst(data),
        _ => return false,
    }
    true
}

/// The first byte picks the file name whose extension `sniff` may use as a
/// hint; the rest is the content.
fn sniff(data: &[u8]) {
    const NAMES: [&str; 16] = [
        "file", "a.txt", "a.csv", "a.json", "a.html", "a.eml", "a.mbox", "a.vcf", "a.ics", "a.rtf",
        "a.doc", "a.xls", "a.msg", "a.pst", "a.zip", "a.pdf",
    ];
    let (name, content) = match data.split_first() {
        Some((first, rest)) => (NAMES[usize::from(*first) % NAMES.len()], rest),
        None => ("file", data),
    };
    let _ = extract::sniff(content, name);
}

/// The PST reader takes a path: the input is written to a temporary file,
/// and every item it yields is read to the end.
fn pst(data: &[u8]) {
    let Ok(file) = tempfile::NamedTempFile::new() else {
        return;
    };
    if std::fs::write(file.path(), data).is_err() {
        return;
    }
    let _ = extract::pst::read_mailbox(file.path(), &Limits::default(), &|_| false, &mut |_item| {
        ControlFlow::Continue(())
    });
}

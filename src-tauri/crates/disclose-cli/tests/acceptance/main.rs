//! Acceptance tests: the real `disclose` binary on self-made fixtures.
//! One test binary for the whole suite keeps link time down.

mod ages;
mod audit;
mod calls;
mod cases;
mod cctv;
mod contacts;
mod corpus;
mod cued;
mod cued_numbers;
mod deadline;
mod decide;
mod demo;
mod detect;
mod encryption;
mod everywhere;
mod export;
mod glyphs;
mod golden;
mod homes;
mod hostile;
mod import;
mod informal;
mod integrity;
mod isolation;
mod leaks;
mod learned;
mod logins;
mod mail_lists;
mod misread;
mod nicknames;
mod notices;
mod ocr;
mod officers;
mod people;
mod pixels;
mod privacy;
mod pst;
mod redact;
mod registers;
mod renditions;
mod resume;
mod retention;
mod search;
mod social;
mod stamps;
mod stream;
mod tables;
mod threads;
mod towns;
mod unicode;
mod wording;
mod world;

use disclose_fixtures::{disclose, Disclose};

/// The person names `disclose detect FILE --json` finds in `text`.
fn names(d: &Disclose, text: &str) -> Vec<String> {
    d.detect_kind(text, "person_name")
}

/// Every name of `want` is found in `text`, each exactly, and nothing else is.
fn assert_names(text: &str, want: &[&str]) {
    let d = disclose!();
    assert_eq!(names(&d, text), want, "in {text:?}");
}

//! Acceptance tests: the real `disclose` binary on self-made fixtures.
//! One test binary for the whole suite keeps link time down.

mod cases;
mod corpus;
mod deadline;
mod decide;
mod demo;
mod detect;
mod everywhere;
mod export;
mod golden;
mod hostile;
mod import;
mod isolation;
mod leaks;
mod ocr;
mod people;
mod pixels;
mod pst;
mod redact;
mod resume;
mod retention;
mod search;
mod threads;
mod unicode;

//! Acceptance tests: the real `disclose` binary on self-made fixtures.
//! One test binary for the whole suite keeps link time down.

mod audit;
mod calls;
mod cases;
mod cctv;
mod corpus;
mod deadline;
mod decide;
mod demo;
mod detect;
mod encryption;
mod everywhere;
mod export;
mod glyphs;
mod golden;
mod hostile;
mod import;
mod informal;
mod integrity;
mod isolation;
mod leaks;
mod learned;
mod ocr;
mod people;
mod pixels;
mod privacy;
mod pst;
mod redact;
mod renditions;
mod resume;
mod retention;
mod search;
mod stream;
mod tables;
mod threads;
mod unicode;

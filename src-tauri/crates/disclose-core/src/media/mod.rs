//! Call recordings and other sound files. Reading them (recognised by
//! their bytes, described by `ffprobe`, transcribed with a time for every
//! word, every outside program bounded) is a reader like any other and
//! lives in `disclose_extract::media`, re-exported here; what the engine
//! adds is the redacted rendition ([`redact`]), which works from a case's
//! marks.

pub mod redact;

pub use crate::extract::media::*;

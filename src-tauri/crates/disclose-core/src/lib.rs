//! Disclose engine: everything the desktop app and the `disclose` CLI do,
//! with no dependency on either. See ARCHITECTURE.md for the flow of a case.

pub mod actor;
pub mod audit;
pub mod bundle;
pub mod case;
pub mod cctv;
pub mod clock;
pub mod context;
pub mod crypt;
pub mod demo;
pub mod detect;
pub mod error;
pub mod facets;
pub mod identifiers;
pub mod index;
pub mod ingest;
pub mod integrity;
pub mod isolate;
pub mod marks;
pub mod media;
pub mod ocr;
pub mod private;
pub mod profile;
pub mod render;
pub mod retention;
pub mod review;
pub mod scan;
pub mod search;
pub mod spread;
pub mod staff;
pub mod store;
pub mod suggest;
pub mod sweep;
pub mod threads;
pub mod variants;
pub mod verify;
mod vocab;

pub use context::Context;
pub use error::{Error, Result};

/// The readers, their limits and the worker they run in: a crate of their
/// own (`disclose-extract`), under the names the engine has always used.
pub use disclose_extract as extract;
pub use disclose_extract::{heic, process};

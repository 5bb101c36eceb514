//! Disclose engine: everything the desktop app and the `disclose` CLI do,
//! with no dependency on either. See ARCHITECTURE.md for the flow of a case.

pub mod actor;
pub mod audit;
pub mod bundle;
pub mod case;
pub mod clock;
pub mod context;
pub mod crypt;
pub mod demo;
pub mod detect;
pub mod error;
pub mod extract;
pub mod facets;
pub mod heic;
pub mod identifiers;
pub mod index;
pub mod ingest;
pub mod integrity;
pub mod isolate;
pub mod marks;
pub mod media;
pub mod ocr;
pub mod private;
pub mod process;
pub mod profile;
pub mod render;
pub mod retention;
pub mod review;
pub mod search;
pub mod staff;
pub mod store;
pub mod suggest;
pub mod sweep;
pub mod threads;
pub mod verify;
mod vocab;

pub use context::Context;
pub use error::{Error, Result};

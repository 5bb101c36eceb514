//! Disclose engine: everything the desktop app and the `disclose` CLI do,
//! with no dependency on either. See ARCHITECTURE.md for the flow of a case.

pub mod extract;

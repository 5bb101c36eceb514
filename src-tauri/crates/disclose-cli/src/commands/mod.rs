//! One module per command area; each parses its arguments, calls the engine
//! and prints.

pub mod audit;
pub mod case;
pub mod deadline;
pub mod decide;
pub mod demo;
pub mod detect;
pub mod doctor;
pub mod export;
pub mod holidays;
pub mod home;
pub mod import;
pub mod integrity;
pub mod items;
pub mod redact;
pub mod render;
pub mod search;
pub mod staff;
pub mod whoami;

use disclose_core::case::{CaseFolder, Home};

use crate::output::Output;

pub struct Context {
    pub home: Home,
    pub out: Output,
}

impl Context {
    /// Opens a case, printing its warnings (wide permissions, a damaged
    /// index) to stderr.
    pub fn open(&self, reference: &str) -> anyhow::Result<CaseFolder> {
        let folder = CaseFolder::open(&self.home, reference)?;
        for warning in folder.warnings() {
            eprintln!("warning: {warning}");
        }
        Ok(folder)
    }
}

/// Now, as recorded in the case (RFC 3339, UTC).
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Who is at the keyboard, for the chain of custody: the name set with
/// `disclose whoami --set`, and the account from the system.
pub fn user(ctx: &Context) -> String {
    disclose_core::actor::Actor::current(&ctx.home).label()
}

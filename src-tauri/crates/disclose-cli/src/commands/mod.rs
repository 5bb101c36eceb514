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
pub mod video;
pub mod whoami;

use disclose_core::case::{CaseFolder, Home};

use crate::output::Output;

pub struct Context {
    pub home: Home,
    pub out: Output,
    /// The engine's context: this home, the person at the keyboard (the
    /// name set with `disclose whoami --set`, and the account from the
    /// system) and the system clock.
    pub session: disclose_core::Context,
}

impl Context {
    /// Opens a case, printing its warnings (wide permissions, a damaged
    /// index) to stderr.
    pub fn open(&self, reference: &str) -> anyhow::Result<CaseFolder> {
        let folder = CaseFolder::open(&self.session, reference)?;
        for warning in folder.warnings() {
            eprintln!("warning: {warning}");
        }
        Ok(folder)
    }
}

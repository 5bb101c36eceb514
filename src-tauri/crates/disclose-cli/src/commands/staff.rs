//! `disclose staff`: the organisation's staff directory, which detection
//! uses to tell staff acting in their role from third parties.

use std::path::PathBuf;

use clap::Subcommand;

use disclose_core::staff::{self, StaffMember};

use super::Context;
use crate::Outcome;

#[derive(Subcommand)]
pub enum StaffCommand {
    /// Replace the directory with a CSV (columns name, role, email).
    Import { file: PathBuf },
    /// Show the directory.
    List,
}

pub fn run(ctx: &Context, command: StaffCommand) -> anyhow::Result<Outcome> {
    let staff = match command {
        StaffCommand::Import { file } => staff::import_csv(&ctx.home, &file)?,
        StaffCommand::List => staff::load(&ctx.home)?,
    };
    ctx.out.print(&staff, |list: &Vec<StaffMember>| {
        for m in list {
            println!("{:<28} {:<24} {}", m.name, m.role, m.email);
        }
        println!("{} staff in the directory", list.len());
    });
    Ok(Outcome::Ok)
}

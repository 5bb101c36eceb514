//! `disclose holidays import | list`: the bank holidays deadlines use. A
//! GOV.UK bank-holidays file imported into the home replaces the computed
//! days for the years it lists; every open case is then re-checked.

use std::path::PathBuf;

use chrono::Datelike;
use clap::Subcommand;
use serde::Serialize;

use disclose_core::case::due;
use disclose_core::clock::{Calendar, Holiday, Region};

use super::Context;
use crate::Outcome;

#[derive(Subcommand)]
pub enum HolidaysCommand {
    /// Import the bank-holidays JSON that GOV.UK publishes
    /// (https://www.gov.uk/bank-holidays.json), then re-check every open case.
    Import { file: PathBuf },
    /// The bank holidays in force for a region and year, and where each came from.
    List {
        /// england-wales, scotland or northern-ireland.
        #[arg(long, default_value = "england-wales")]
        region: String,
        /// The year (default: this year).
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Serialize)]
struct Listing {
    region: Region,
    year: i32,
    holidays: Vec<Holiday>,
}

pub fn run(ctx: &Context, command: HolidaysCommand) -> anyhow::Result<Outcome> {
    match command {
        HolidaysCommand::Import { file } => {
            let done = due::import_holidays(&ctx.session, &file)?;
            ctx.out.print(&done, |d| {
                for r in &d.file.regions {
                    let years = match (r.first_year, r.last_year) {
                        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
                        (Some(a), _) => a.to_string(),
                        _ => "no years".into(),
                    };
                    println!("  {:<17} {years}: {} days", r.region.as_str(), r.days);
                }
                if let Some(path) = &d.file.path {
                    println!("Saved {path}; computed rules still cover the other years.");
                }
                for m in &d.moved {
                    println!("  {}: due {} -> {}", m.reference, m.before, m.after);
                }
                match d.moved.len() {
                    0 => println!("No open case's due date moved."),
                    n => println!("{n} open case(s) now have a different due date (recorded in each audit trail)."),
                }
            });
        }
        HolidaysCommand::List { region, year } => {
            let region: Region = region.parse()?;
            let year = year.unwrap_or_else(|| chrono::Local::now().year());
            if !(1900..=9999).contains(&year) {
                anyhow::bail!("the year must be from 1900 to 9999");
            }
            let listing = Listing {
                region,
                year,
                holidays: Calendar::load(&ctx.home)?.holidays(region, year),
            };
            ctx.out.print(&listing, |l| {
                for h in &l.holidays {
                    println!(
                        "{}  {:<44} {}",
                        h.date.format("%a %d %b %Y"),
                        h.name,
                        h.source.describe()
                    );
                }
                println!(
                    "{} bank holidays in {} in {}",
                    l.holidays.len(),
                    l.region,
                    l.year
                );
            });
        }
    }
    Ok(Outcome::Ok)
}

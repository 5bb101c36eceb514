//! `disclose deadline`: the statutory clock on its own, for any dates, with
//! the bank holidays of the Disclose home (built in, or imported).

use chrono::NaiveDate;
use clap::Args;

use disclose_core::clock::{self, Calendar, DeadlineInput, Pause, Region};

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct DeadlineArgs {
    /// The day the request (or the ID/clarification that started the clock) arrived.
    #[arg(long)]
    received: NaiveDate,
    /// england-wales, scotland or northern-ireland.
    #[arg(long, default_value = "england-wales")]
    region: String,
    /// A pause while waiting for ID or clarification, FROM:TO, both days
    /// counted (repeatable).
    #[arg(long)]
    pause: Vec<String>,
    /// Extended by two months (complex or numerous requests).
    #[arg(long)]
    extend: bool,
}

pub fn run(ctx: &Context, args: DeadlineArgs) -> anyhow::Result<Outcome> {
    let region: Region = args.region.parse()?;
    let pauses = args
        .pause
        .iter()
        .map(|p| p.parse::<Pause>())
        .collect::<Result<Vec<_>, _>>()?;
    let deadline = clock::compute(
        &DeadlineInput {
            received: args.received,
            region,
            pauses,
            extended: args.extend,
        },
        &Calendar::load(&ctx.home)?,
    )?;
    ctx.out.print(&deadline, |d| {
        for step in &d.explanation {
            println!("  {step}");
        }
        println!("Due: {}", d.due);
        if d.extended_due.is_none() {
            println!("An extension must be notified by {}", d.extension_notice_by);
        }
    });
    Ok(Outcome::Ok)
}

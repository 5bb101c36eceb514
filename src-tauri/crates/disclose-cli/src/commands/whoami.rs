//! `disclose whoami [--set NAME]`: the name recorded for this machine's
//! account in the audit trail and the chain of custody.

use clap::Args;

use disclose_core::actor::{self, Actor};

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct WhoamiArgs {
    /// Your name as it should appear in the audit trail, e.g. "Priya Khan".
    #[arg(long)]
    set: Option<String>,
}

pub fn run(ctx: &Context, args: WhoamiArgs) -> anyhow::Result<Outcome> {
    let me = match args.set {
        Some(name) => actor::set_name(&ctx.home, &name)?,
        None => Actor::current(&ctx.home),
    };
    ctx.out.print(&me, |me| {
        println!("Recorded as: {}", me.label());
        if me.name.is_none() {
            println!("Set your name with: disclose whoami --set \"Your Name\"");
        }
    });
    Ok(Outcome::Ok)
}

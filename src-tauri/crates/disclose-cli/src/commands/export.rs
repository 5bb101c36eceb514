//! `disclose export` builds the disclosure bundle; `disclose profile` shows,
//! checks and sets the organisation profile the letter is written from.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use disclose_core::bundle::{self, ExportOptions, ExportResult};
use disclose_core::profile::{self, Profile};

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long = "case")]
    case: String,
    /// The zip to write.
    #[arg(long)]
    out: PathBuf,
    /// Encrypt every entry with AES-256 and a generated passphrase, shown
    /// once: send it to the requester separately.
    #[arg(long)]
    encrypt: bool,
    /// Show the manifest and write nothing.
    #[arg(long)]
    dry_run: bool,
}

pub fn run_export(ctx: &Context, args: ExportArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    let profile = profile::load(&ctx.home)?;
    let options = ExportOptions {
        out: args.out,
        encrypt: args.encrypt,
        dry_run: args.dry_run,
    };
    let today = ctx.session.today();
    let result = bundle::export(&mut folder, &profile, &options, today)?;
    ctx.out.print(&result, |r: &ExportResult| {
        for f in &r.files {
            println!("  {:>10}  {}", f.bytes, f.path);
        }
        if r.dry_run {
            println!(
                "Would write {} ({} file(s); {} document(s) disclosed, {} withheld)",
                r.path,
                r.files.len(),
                r.items,
                r.withheld
            );
            return;
        }
        println!(
            "Wrote {} ({} file(s); {} document(s) disclosed, {} withheld)\n  sha256 {}",
            r.path,
            r.files.len(),
            r.items,
            r.withheld,
            r.sha256
        );
        if let Some(p) = &r.passphrase {
            println!("Passphrase (shown once, not stored — send it separately): {p}");
        }
    });
    Ok(Outcome::Ok)
}

#[derive(Subcommand)]
pub enum ProfileCommand {
    /// Show the organisation profile.
    Show,
    /// Print a filled-in example (the demo landlord's) to edit.
    Template,
    /// Check a profile file and, if complete, make it the organisation's.
    Set { file: PathBuf },
}

pub fn run_profile(ctx: &Context, command: ProfileCommand) -> anyhow::Result<Outcome> {
    let shown = match command {
        ProfileCommand::Show => profile::load(&ctx.home)?,
        ProfileCommand::Template => {
            println!("{}", serde_json::to_string_pretty(&profile::demo())?);
            return Ok(Outcome::Ok);
        }
        ProfileCommand::Set { file } => {
            let text = std::fs::read_to_string(&file)?;
            let profile: Profile = serde_json::from_str(&text)
                .map_err(|e| anyhow::anyhow!("{} is not a profile: {e}", file.display()))?;
            profile::save(&ctx.home, &profile)?;
            profile
        }
    };
    ctx.out.print(&shown, |p: &Profile| {
        println!("{}", p.name);
        println!("  {}", p.address.join(", "));
        println!("  ICO registration {}", p.ico_registration);
        println!("  DPO: {}", p.dpo_contact);
        println!(
            "  {} purpose(s), {} categories, {} recipient(s), {} retention rule(s), {} source(s)",
            p.purposes.len(),
            p.categories.len(),
            p.recipients.len(),
            p.retention.len(),
            p.sources.len()
        );
    });
    Ok(Outcome::Ok)
}

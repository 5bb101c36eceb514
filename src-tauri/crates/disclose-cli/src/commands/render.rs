//! `disclose render` and `disclose verify`: make the redacted renditions of
//! the items to disclose, then prove them clean.

use std::path::PathBuf;

use clap::Args;

use disclose_core::profile;
use disclose_core::render::{self, RenderSummary};
use disclose_core::verify::{self, VerifyReport};

use super::{now, Context};
use crate::Outcome;

#[derive(Args)]
pub struct RenderArgs {
    #[arg(long = "case")]
    case: String,
    /// Render every item again, not only the new and the stale.
    #[arg(long)]
    force: bool,
}

pub fn run_render(ctx: &Context, args: RenderArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    let summary = render::render_case(&mut folder, &now(), args.force)?;
    ctx.out.print(&summary, |s: &RenderSummary| {
        println!(
            "Rendered {} of {} item(s) to disclose ({} already up to date): {} page(s), {} redaction(s)",
            s.rendered, s.items, s.up_to_date, s.pages, s.redactions
        );
        for f in &s.failures {
            println!("  item {:>5}  not rendered: {}", f.item_id, f.reason);
        }
        println!("Renditions are in {}", folder.dir().join("renditions").display());
    });
    Ok(if summary.failures.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

#[derive(Args)]
pub struct VerifyArgs {
    #[arg(long = "case")]
    case: String,
    /// A produced file, folder or zip to check instead of the case's
    /// renditions.
    path: Option<PathBuf>,
}

/// Exits 0 when clean, 1 when anything redacted was found (or a file could
/// not be read).
pub fn run_verify(ctx: &Context, args: VerifyArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    if args.path.is_none() {
        let problems = render::problems(&folder)?;
        if !problems.is_empty() {
            anyhow::bail!(
                "{} item(s) to disclose have no current rendition (first: item {}, {}); run `disclose render --case {}` first",
                problems.len(),
                problems[0].item_id,
                problems[0].reason,
                args.case
            );
        }
    }
    // The organisation's own words (its profile, which the letter quotes)
    // are not pieces of anyone's name.
    let trusted = profile::load(&ctx.home)
        .ok()
        .and_then(|p| serde_json::to_string(&p).ok())
        .unwrap_or_default();
    let report = verify::verify_allowing(&folder, args.path.as_deref(), &trusted)?;
    ctx.out.print(&report, |r: &VerifyReport| {
        for leak in &r.leaks {
            println!(
                "LEAK  {}  [{}]  found {:?} (redacted: {:?}{})",
                leak.file,
                leak.place,
                leak.found,
                leak.redacted,
                leak.item_id
                    .map(|i| format!(", item {i}"))
                    .unwrap_or_default()
            );
        }
        if r.clean {
            println!(
                "Clean: {} file(s) checked for {} redacted string(s), their forms and fragments",
                r.files, r.redactions
            );
        } else {
            println!(
                "NOT CLEAN: {} finding(s) in {} file(s)",
                r.leaks.len(),
                r.files
            );
        }
    });
    Ok(if report.clean {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

//! `disclose render` and `disclose verify`: make the redacted renditions of
//! the items to disclose, then prove them clean.

use std::path::PathBuf;

use clap::Args;

use disclose_core::render::{self, RenderSummary};
use disclose_core::verify::{self, FindingKind, VerifyReport, Waiver};
use disclose_core::{bundle, profile};

use super::Context;
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
    let summary = crate::interrupt::watched("Rendering", ctx.out.json, |watch| {
        render::render_case_watched(&mut folder, args.force, watch)
    })?;
    ctx.out.print(&summary, |s: &RenderSummary| {
        println!(
            "Rendered {} of {} item(s) to disclose ({} already up to date): {} page(s), {} redaction(s)",
            s.rendered, s.items, s.up_to_date, s.pages, s.redactions
        );
        if s.reused_pages > 0 {
            println!(
                "{} page picture(s) kept from the last render (only other pages' marks changed)",
                s.reused_pages
            );
        }
        for f in &s.failures {
            println!("  item {:>5}  not rendered: {}", f.item_id, f.reason);
        }
        println!("Renditions are in {}", folder.dir().join("renditions").display());
        if s.cancelled {
            println!(
                "Stopped: what was rendered is kept; run `disclose render --case {}` again to render the rest",
                args.case
            );
        }
    });
    Ok(if summary.cancelled {
        Outcome::Interrupted
    } else if summary.failures.is_empty() {
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
    #[arg(conflicts_with = "bundle")]
    path: Option<PathBuf>,
    /// Check everything an export would write now (letter, schedule,
    /// documents, portable data), not only the renditions.
    #[arg(long)]
    bundle: bool,
    /// Record an ambiguous finding (a word, fragment or near match) as not
    /// the person: the word found. Needs --redacted and --reason.
    #[arg(long, requires_all = ["redacted", "reason"], conflicts_with_all = ["path", "bundle"])]
    not_this_person: Option<String>,
    /// With --not-this-person: the redacted string the finding was taken for.
    #[arg(long, requires = "not_this_person")]
    redacted: Option<String>,
    /// With --not-this-person: why it is not the person (kept in the audit trail).
    #[arg(long, requires = "not_this_person")]
    reason: Option<String>,
}

/// Exits 0 when clean, 1 when anything redacted was found (or a file could
/// not be read).
pub fn run_verify(ctx: &Context, args: VerifyArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    if let Some(found) = &args.not_this_person {
        let waiver = verify::waive(
            &mut folder,
            found,
            args.redacted.as_deref().unwrap_or_default(),
            args.reason.as_deref().unwrap_or_default(),
        )?;
        ctx.out.print(&waiver, |w: &Waiver| {
            println!(
                "Recorded: {:?} is not {:?} ({}). The leak check no longer counts it.",
                w.found, w.redacted, w.reason
            );
        });
        return Ok(Outcome::Ok);
    }
    let profile = profile::load(&ctx.home).ok();
    let report = if args.bundle {
        let profile = profile.ok_or_else(|| {
            anyhow::anyhow!(
                "the organisation profile is missing: set it up before checking the bundle"
            )
        })?;
        let today = ctx.session.today();
        bundle::leak_report(&folder, &profile, today)?
    } else {
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
        // The organisation's own words (its profile, which the letter
        // quotes) and Disclose's fixed wording are not pieces of anyone's
        // name.
        let trusted = match &profile {
            Some(p) => format!(
                "{}\n{}",
                serde_json::to_string(p).unwrap_or_default(),
                bundle::fixed_wording(&folder, p).unwrap_or_default()
            ),
            None => String::new(),
        };
        verify::verify_allowing(&folder, args.path.as_deref(), &trusted)?
    };
    let reference = args.case.clone();
    ctx.out
        .print(&report, |r: &VerifyReport| print_report(r, &reference));
    Ok(if report.clean {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

fn kind_name(kind: FindingKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn print_report(r: &VerifyReport, reference: &str) {
    for leak in &r.leaks {
        println!(
            "LEAK  {}  [{}] {}  found {:?} (redacted: {:?}{})",
            leak.file,
            leak.place,
            kind_name(leak.kind),
            leak.found,
            leak.redacted,
            leak.item_id
                .map(|i| format!(", item {i}"))
                .unwrap_or_default()
        );
        if !leak.context.is_empty() {
            println!("      in: \u{2026}{}\u{2026}", leak.context);
        }
        if leak.waivable {
            if let Some(item) = leak.in_item {
                println!(
                    "      redact it:       disclose redact --case {reference} --item {item} --term {:?} --reason third-party",
                    leak.found
                );
            }
            println!(
                "      not this person: disclose verify --case {reference} --not-this-person {:?} --redacted {:?} --reason \"...\"",
                leak.found, leak.redacted
            );
        }
    }
    for leak in &r.waived {
        println!(
            "not this person  {}  [{}]  {:?} (taken for {:?})",
            leak.file, leak.place, leak.found, leak.redacted
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
}

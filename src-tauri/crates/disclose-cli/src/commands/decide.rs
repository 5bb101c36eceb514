//! `disclose decide`: record a review decision on items chosen by id, by
//! query, or all of them — the same engine the desktop review screen uses;
//! `disclose review`: the review queue that screen reads, page by page.

use clap::Args;
use serde::Serialize;

use disclose_core::review::{self, Decision, ReviewProgress};
use disclose_core::search::matching_ids;

use super::Context;
use crate::Outcome;

#[derive(Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["item", "query", "all"])))]
pub struct DecideArgs {
    #[arg(long = "case")]
    case: String,
    /// Item ids (repeatable).
    #[arg(long)]
    item: Vec<i64>,
    /// Every item matching this search.
    #[arg(long)]
    query: Option<String>,
    /// Every item in the case.
    #[arg(long)]
    all: bool,
    /// disclose, redact, withhold, not-relevant or duplicate.
    #[arg(long = "as", value_name = "DECISION")]
    decision: Decision,
    /// The reason or exemption (required to withhold): third-party, crime,
    /// legal-privilege, management-forecast, negotiations,
    /// confidential-reference, serious-harm, not-requester-data.
    #[arg(long)]
    reason: Option<String>,
    /// A note kept with the decision.
    #[arg(long, default_value = "")]
    note: String,
}

#[derive(Serialize)]
struct DecideView {
    decision: Decision,
    reason: Option<String>,
    items: Vec<i64>,
    progress: ReviewProgress,
}

pub fn run(ctx: &Context, args: DecideArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    let items = if args.all {
        folder.items(None)?.iter().map(|i| i.id).collect()
    } else if let Some(query) = &args.query {
        matching_ids(&folder, query)?
    } else {
        args.item.clone()
    };
    if items.is_empty() {
        anyhow::bail!("no items matched: nothing was decided");
    }
    review::decide(
        &mut folder,
        &items,
        args.decision,
        args.reason.as_deref(),
        &args.note,
    )?;
    let view = DecideView {
        decision: args.decision,
        reason: args.reason,
        items,
        progress: folder.review_progress()?,
    };
    ctx.out.print(&view, |v| {
        println!(
            "Recorded {} for {} item(s); {} of {} decided",
            v.decision.as_str(),
            v.items.len(),
            v.progress.decided,
            v.progress.total
        );
    });
    Ok(Outcome::Ok)
}

#[derive(Args)]
pub struct ReviewArgs {
    #[arg(long = "case")]
    case: String,
    /// Only the items not yet decided.
    #[arg(long)]
    undecided: bool,
    /// Skip this many items of the list.
    #[arg(long, default_value_t = 0)]
    offset: u64,
    /// List at most this many items (all without it).
    #[arg(long)]
    limit: Option<u64>,
}

/// `disclose review`: the review queue — items in id order with their
/// current decisions, a page at a time if asked — as the desktop's review
/// screen reads it.
pub fn run_review(ctx: &Context, args: ReviewArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let page = folder.review_page(args.undecided, args.offset, args.limit)?;
    ctx.out.print(&page, |p| {
        for row in &p.rows {
            let decided = row.decision.as_ref().map_or("-".to_string(), |d| {
                let reason = d.reason.as_deref().map(|r| format!(" ({r})"));
                format!("{}{}", d.decision.as_str(), reason.unwrap_or_default())
            });
            let i = &row.item;
            println!(
                "{:>6}  {:<8} {:<7} {:<14} {}",
                i.id,
                i.file_type,
                i.status.as_str(),
                decided,
                i.path
            );
        }
        let shown = match p.rows.len() as u64 {
            0 => "no items".to_string(),
            n => format!("items {}-{}", p.offset + 1, p.offset + n),
        };
        let which = if args.undecided { " undecided" } else { "" };
        println!(
            "{shown} of {}{which}; {} of {} decided",
            p.listed, p.decided, p.total
        );
    });
    Ok(Outcome::Ok)
}

#[derive(Args)]
pub struct ReasonsArgs {}

/// `disclose reasons`: the reason codes in use (the defaults, and the
/// home's `reasons.json`).
pub fn run_reasons(ctx: &Context, _args: ReasonsArgs) -> anyhow::Result<Outcome> {
    let reasons = review::reasons(ctx.home.root())?;
    ctx.out.print(&reasons, |list| {
        for r in list {
            println!("{:<24} {} ({})", r.code, r.label, r.citation);
        }
    });
    Ok(Outcome::Ok)
}

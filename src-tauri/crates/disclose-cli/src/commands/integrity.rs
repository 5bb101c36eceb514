//! `disclose check --case REF` (everything the case holds against what was
//! recorded: one report) and `disclose reindex --case REF` (rebuild the
//! search index from the store).

use clap::Args;

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct CaseArg {
    #[arg(long = "case")]
    case: String,
}

pub fn run_check(ctx: &Context, args: CaseArg) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let report = disclose_core::integrity::check_case(&folder)?;
    ctx.out.print(&report, |r| {
        println!("Case {}", r.reference);
        println!("  Originals:  {} checked", r.originals_checked);
        println!("  Renditions: {} checked", r.renditions_checked);
        println!(
            "  Index:      {} of {} indexed item(s) found",
            r.index_documents, r.index_expected
        );
        println!(
            "  Audit:      {} entries, {}",
            r.audit.entries,
            if r.audit.intact { "intact" } else { "BROKEN" }
        );
        for p in &r.problems {
            let item = p.item_id.map(|i| format!(" item {i}")).unwrap_or_default();
            println!("  PROBLEM {}{item}: {}: {}", p.kind, p.path, p.problem);
        }
        if r.ok {
            println!("Everything matches what was recorded.");
        } else {
            println!("{} problem(s) found.", r.problems.len());
            if r.problems.iter().any(|p| p.kind == "index") {
                println!(
                    "Rebuild the index with: disclose reindex --case {}",
                    r.reference
                );
            }
        }
    });
    Ok(if report.ok {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

pub fn run_reindex(ctx: &Context, args: CaseArg) -> anyhow::Result<Outcome> {
    let mut folder = disclose_core::case::CaseFolder::open(&ctx.session, &args.case)?;
    let documents = folder.reindex()?;
    let shown = serde_json::json!({ "reference": args.case, "documents": documents });
    ctx.out.print(&shown, |_| {
        println!(
            "Rebuilt the search index of {}: {documents} item(s) indexed.",
            args.case
        )
    });
    Ok(Outcome::Ok)
}

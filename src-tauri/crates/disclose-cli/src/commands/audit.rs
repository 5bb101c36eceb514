//! `disclose audit --case REF [--verify]`: the trail, or its verification
//! (the hash chain, and its head against the home's registry of cases).

use clap::Args;

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct AuditArgs {
    #[arg(long = "case")]
    case: String,
    /// Check the hash chain instead of listing; fails if anything was changed.
    #[arg(long)]
    verify: bool,
}

pub fn run(ctx: &Context, args: AuditArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    if !args.verify {
        let entries = folder.audit_entries()?;
        ctx.out.print(&entries, |entries| {
            for e in entries {
                println!(
                    "{:>5}  {}  {:<10} {:<14} {}",
                    e.id, e.at, e.actor, e.action, e.detail
                );
            }
        });
        return Ok(Outcome::Ok);
    }
    let v = folder.verify_audit()?;
    ctx.out.print(&v, |v| match (v.broken_at, &v.problem) {
        (Some(id), Some(problem)) => {
            eprintln!("error: the audit trail was changed at entry {id}: {problem}")
        }
        _ => {
            println!(
                "Audit trail intact: {} entries, every hash and link checked.",
                v.entries
            );
            match &v.anchored {
                Some(a) => println!(
                    "It matches the anchor in the home's registry of cases ({} entries, head {}).",
                    a.entries, a.head
                ),
                None => println!(
                    "The home's registry of cases holds no anchor for it yet (the case was made elsewhere or before anchoring): removal of its newest entries cannot be ruled out."
                ),
            }
        }
    });
    Ok(if v.intact {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

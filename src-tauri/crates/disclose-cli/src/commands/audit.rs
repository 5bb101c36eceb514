//! `disclose audit --case REF [--verify]`.

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
        let entries = folder.store.audit_entries()?;
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
    let v = folder.store.verify_audit()?;
    ctx.out.print(&v, |v| match (v.broken_at, &v.problem) {
        (Some(id), Some(problem)) => {
            eprintln!("error: the audit trail was changed at entry {id}: {problem}")
        }
        _ => println!(
            "Audit trail intact: {} entries, every hash and link checked.",
            v.entries
        ),
    });
    Ok(if v.intact {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}

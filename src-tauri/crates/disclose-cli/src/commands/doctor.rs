//! `disclose doctor`: narrows the modes of the home and every case folder
//! back to private (folders 0700, files 0600, originals 0400).

use super::Context;
use crate::Outcome;

pub fn run(ctx: &Context) -> anyhow::Result<Outcome> {
    let report = disclose_core::private::repair(ctx.home.root())?;
    ctx.out.print(&report, |r| {
        for fixed in &r.repaired {
            println!("made private: {} (was {})", fixed.path, fixed.mode);
        }
        println!(
            "Checked {} file(s) and folder(s) in {}; {} made private.",
            r.checked,
            ctx.home.root().display(),
            r.repaired.len()
        );
    });
    Ok(Outcome::Ok)
}

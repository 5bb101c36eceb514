//! `disclose demo`: creates the built-in demo case and imports its files.

use clap::Args;
use serde::Serialize;

use disclose_core::demo::{self, DEMO_REFERENCE};
use disclose_core::ingest::ImportSummary;

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct DemoArgs {
    /// Reference for the demo case.
    #[arg(long = "ref", default_value = DEMO_REFERENCE)]
    reference: String,
    /// Only write the demo's files into this folder (to try an import),
    /// with its call recording and CCTV clip where the speech model runs.
    #[arg(long = "write-files", value_name = "DIR")]
    write_files: Option<std::path::PathBuf>,
}

#[derive(Serialize)]
struct DemoView {
    case: String,
    folder: String,
    import: ImportSummary,
}

pub fn run(ctx: &Context, args: DemoArgs) -> anyhow::Result<Outcome> {
    if let Some(dir) = args.write_files {
        let (written, notes) = demo::write_demo_files_and_media(&dir, demo::DEMO_SEED)?;
        for note in &notes {
            eprintln!("note: {note}");
        }
        ctx.out.print(&written, |w| {
            println!("Wrote {} demo files into {}", w.len(), dir.display());
        });
        return Ok(Outcome::Ok);
    }
    let (folder, import) = demo::create_demo(&ctx.session, &args.reference)?;
    let view = DemoView {
        case: args.reference.clone(),
        folder: folder.dir().display().to_string(),
        import,
    };
    ctx.out.print(&view, |v| {
        let s = &v.import;
        println!("Created the demo case {} in {}", v.case, v.folder);
        println!(
            "Imported {} files: {} items, {} ok, {} partial, {} failed, {} duplicates",
            s.inputs, s.items, s.ok, s.partial, s.failed, s.duplicates
        );
        for (path, reason) in &s.failures {
            println!("  failed: {path}: {reason}");
        }
        println!("Next: disclose sweep --case {}", v.case);
    });
    Ok(Outcome::Ok)
}

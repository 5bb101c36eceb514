//! `disclose detect FILE...`: the personal data found in any file, without
//! a case. With `--json`, one JSON object per file and line:
//! `{"file", "findings": [{"start", "end", "kind", "text", "confidence"}]}`,
//! offsets being byte offsets into the file's extracted UTF-8 text; a file
//! that cannot be read gets `"error"` instead of findings.
//!
//! `disclose detect --case REF` runs over a case instead and stores what it
//! finds as redaction suggestions (see `disclose redact`).

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use disclose_core::detect::{findings, Finding};
use disclose_core::extract::{extract, sniff, Limits};
use disclose_core::spread;
use disclose_core::suggest::{self, SuggestSummary};
use disclose_core::{profile, staff};

use super::Context;
use crate::Outcome;

#[derive(Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["files", "case"])))]
pub struct DetectArgs {
    /// Files to read (any supported format; text files as they are).
    files: Vec<PathBuf>,
    /// Run over a case instead, storing redaction suggestions.
    #[arg(long = "case", conflicts_with = "files")]
    case: Option<String>,
}

#[derive(Serialize)]
struct FileFindings {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<Finding>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

pub fn run(ctx: &Context, args: DetectArgs) -> anyhow::Result<Outcome> {
    if let Some(reference) = &args.case {
        return run_case(ctx, reference);
    }
    let limits = Limits::default();
    let mut outcome = Outcome::Ok;
    // Read and searched over the cores, printed in the order given.
    let files = args.files.iter().map(Ok::<_, anyhow::Error>);
    let find = |path: &&PathBuf| file_findings(path, &limits);
    spread::map_in_order(files, find, |path, result| {
        let file = path.display().to_string();
        let line = match result {
            Ok(found) => FileFindings {
                file,
                findings: Some(found),
                error: None,
            },
            Err(error) => {
                outcome = Outcome::Partial;
                FileFindings {
                    file,
                    findings: None,
                    error: Some(error),
                }
            }
        };
        print_line(ctx, &line)?;
        Ok(true)
    })?;
    Ok(outcome)
}

/// The findings in one file's extracted text, or why it could not be read.
fn file_findings(path: &Path, limits: &Limits) -> Result<Vec<Finding>, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let data = std::fs::read(path).map_err(|e| e.to_string())?;
    let extracted =
        extract(sniff(&data, &name), &data, &name, limits).map_err(|e| e.to_string())?;
    Ok(findings(&extracted.text))
}

fn print_line(ctx: &Context, line: &FileFindings) -> anyhow::Result<()> {
    if ctx.out.json {
        println!("{}", serde_json::to_string(&line)?);
    } else {
        match (&line.findings, &line.error) {
            (_, Some(error)) => println!("{}: could not be read: {error}", line.file),
            (Some(found), _) => {
                println!("{}: {} finding(s)", line.file, found.len());
                for f in found {
                    println!("  {:>6}-{:<6} {:<12} {}", f.start, f.end, f.kind, f.text);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// `disclose detect --case REF`: suggestions stored for review.
fn run_case(ctx: &Context, reference: &str) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(reference)?;
    let staff = staff::load(&ctx.home)?;
    let organisation = profile::load(&ctx.home).ok();
    let summary = crate::interrupt::watched("Detecting", ctx.out.json, |watch| {
        suggest::run_watched(&mut folder, &staff, organisation.as_ref(), watch)
    })?;
    ctx.out.print(&summary, |s: &SuggestSummary| {
        let whose: Vec<String> = s.by_whose.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!(
            "{} finding(s) in {} item(s) ({}); {} new suggestion(s) to review",
            s.findings,
            s.items,
            whose.join(", "),
            s.suggested
        );
        if s.face_tracks > 0 {
            println!(
                "{} face track(s) in videos, suggested for blurring",
                s.face_tracks
            );
        }
        for problem in &s.not_looked_at {
            println!("faces not looked for in {problem}");
        }
        if s.cancelled {
            println!(
                "Stopped: the suggestions found so far are stored; run `disclose detect --case {reference}` again to look at every item"
            );
        }
    });
    Ok(if summary.cancelled {
        Outcome::Interrupted
    } else {
        Outcome::Ok
    })
}

//! `disclose detect FILE...`: the personal data found in any file, without
//! a case. With `--json`, one JSON object per file and line:
//! `{"file", "findings": [{"start", "end", "kind", "text", "confidence"}]}`,
//! offsets being byte offsets into the file's extracted UTF-8 text; a file
//! that cannot be read gets `"error"` instead of findings.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use disclose_core::detect::{findings, Finding};
use disclose_core::extract::{extract, sniff, Limits};

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct DetectArgs {
    /// Files to read (any supported format; text files as they are).
    #[arg(required = true)]
    files: Vec<PathBuf>,
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
    let limits = Limits::default();
    let mut outcome = Outcome::Ok;
    for path in &args.files {
        let file = path.display().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|data| {
                extract(sniff(&data, &name), &data, &name, &limits).map_err(|e| e.to_string())
            });
        let line = match result {
            Ok(extracted) => FileFindings {
                file,
                findings: Some(findings(&extracted.text)),
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
    }
    Ok(outcome)
}

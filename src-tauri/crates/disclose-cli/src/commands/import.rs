//! `disclose import --case REF PATH...`, with a progress bar on a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use disclose_core::ingest::{self, ImportOptions, ImportSummary, ProgressEvent, ProgressSink};
use disclose_core::isolate::ProcessLimits;

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct ImportArgs {
    #[arg(long = "case")]
    case: String,
    /// Files and folders to import (folders are walked recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Extraction threads, each with its worker process (default: two per
    /// core), and OCR threads (default: one per core).
    #[arg(long)]
    workers: Option<usize>,
    /// Do not OCR images and scanned pages now (run `disclose ocr` later).
    #[arg(long)]
    no_ocr: bool,
    #[command(flatten)]
    limits: FileLimits,
}

/// What one file may use while it is read (each file is read in a worker
/// process of its own; past a limit the worker is stopped and the file
/// recorded as failed with the limit it hit).
#[derive(Args)]
pub struct FileLimits {
    /// Wall time one file may take to read, e.g. 120s, 5m (OCR and drawing:
    /// per page).
    #[arg(long, default_value = "120s", value_parser = parse_timeout)]
    file_timeout: std::time::Duration,
    /// Memory one file's reader process may use, e.g. 1GiB, 512MiB.
    #[arg(long, default_value = "1GiB", value_parser = parse_memory)]
    file_memory: u64,
}

impl FileLimits {
    fn process(&self) -> ProcessLimits {
        ProcessLimits {
            timeout: self.file_timeout,
            memory: self.file_memory,
        }
    }
}

fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    disclose_core::isolate::parse_duration(text)
        .ok_or_else(|| format!("'{text}' is not a time such as 120s or 5m"))
}

fn parse_memory(text: &str) -> Result<u64, String> {
    disclose_core::isolate::parse_bytes(text)
        .ok_or_else(|| format!("'{text}' is not a size such as 1GiB or 512MiB (64MiB at least)"))
}

struct Bar {
    bar: Mutex<Option<ProgressBar>>,
}

impl ProgressSink for Bar {
    fn event(&self, event: &ProgressEvent) {
        let Ok(mut guard) = self.bar.lock() else {
            return;
        };
        match event {
            ProgressEvent::Found { files, .. } => {
                let bar = ProgressBar::new(*files);
                bar.set_style(
                    ProgressStyle::with_template(
                        "{bar:30} {pos}/{len} files  {elapsed_precise}  {wide_msg}",
                    )
                    .expect("valid template"),
                );
                *guard = Some(bar);
            }
            ProgressEvent::FileStarted { path, .. } => {
                if let Some(bar) = guard.as_ref() {
                    bar.set_message(path.clone());
                }
            }
            ProgressEvent::FileDone { .. } => {
                if let Some(bar) = guard.as_ref() {
                    bar.inc(1);
                }
            }
            ProgressEvent::ItemsStored { path, items, .. } => {
                if let Some(bar) = guard.as_ref() {
                    bar.set_message(format!("{path}: {items} items stored"));
                }
            }
            ProgressEvent::Transcribing { path, seconds, of } => {
                if let Some(bar) = guard.as_ref() {
                    bar.set_message(format!(
                        "{path}: transcribing, {} of {}",
                        clock(*seconds),
                        clock(*of)
                    ));
                }
            }
            ProgressEvent::Indexed { .. } => {
                if let Some(bar) = guard.take() {
                    bar.finish_and_clear();
                }
            }
        }
    }
}

pub fn run(ctx: &Context, args: ImportArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    let mut options = ImportOptions::default();
    if let Some(w) = args.workers {
        options.workers = w;
        options.ocr_workers = w;
    }
    options.ocr = !args.no_ocr;
    options.process = args.limits.process();
    let started = std::time::Instant::now();
    let cancel = crate::interrupt::cancel_on_ctrl_c(
        "Stopping after the files in hand; a recording being transcribed keeps its finished parts, and importing again carries on from there (Ctrl-C again to quit now).",
    );
    let summary = if !ctx.out.json && std::io::stdout().is_terminal() {
        let bar = Bar {
            bar: Mutex::new(None),
        };
        ingest::import(&mut folder, &args.paths, &options, &bar, cancel)?
    } else {
        ingest::import(
            &mut folder,
            &args.paths,
            &options,
            &ingest::NoProgress,
            cancel,
        )?
    };
    let seconds = started.elapsed().as_secs_f64();
    ctx.out.print(&summary, |s| print_summary(s, seconds));
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

fn print_summary(s: &ImportSummary, seconds: f64) {
    println!(
        "Imported {} files ({} already in the case) in {:.1}s: {} items, {} ok, {} partial, {} failed, {} duplicates",
        s.inputs, s.already_imported, seconds, s.items, s.ok, s.partial, s.failed, s.duplicates
    );
    if s.ocr.items > 0 {
        println!(
            "OCR read {} pages of {} items ({} failed, {} pages of low confidence flagged).",
            s.ocr.pages, s.ocr.items, s.ocr.failed, s.ocr.low_confidence_pages
        );
    }
    if s.ocr_pending > 0 {
        println!(
            "{} items wait for OCR: run `disclose ocr --case REF` (needs Tesseract).",
            s.ocr_pending
        );
    }
    for resumed in &s.resumed {
        println!(
            "{}: transcription resumed from {} ({} parts heard by an earlier run).",
            resumed.path,
            clock(resumed.resumed_from),
            resumed.parts
        );
    }
    if s.cancelled {
        println!("Cancelled: what was stored is kept; run the same import again to finish it.");
    }
    if s.reindexed > 0 {
        println!(
            "Re-indexed {} items left over from an interrupted import.",
            s.reindexed
        );
    }
    if !s.failures.is_empty() {
        println!("Failed:");
        for (path, reason) in &s.failures {
            println!("  {path}: {reason}");
        }
    }
}

#[derive(Args)]
pub struct OcrArgs {
    #[arg(long = "case")]
    case: String,
    /// OCR threads (default: one per core).
    #[arg(long)]
    workers: Option<usize>,
    #[command(flatten)]
    limits: FileLimits,
}

/// `disclose ocr`: reads the images and scanned pages still waiting.
pub fn run_ocr(ctx: &Context, args: OcrArgs) -> anyhow::Result<Outcome> {
    if !disclose_core::ocr::available() {
        anyhow::bail!(
            "Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)"
        );
    }
    let mut folder = ctx.open(&args.case)?;
    let workers = args
        .workers
        .unwrap_or_else(|| ImportOptions::default().ocr_workers);
    let cancel = AtomicBool::new(false);
    let limits = args.limits.process();
    let summary = if !ctx.out.json && std::io::stdout().is_terminal() {
        let bar = Bar {
            bar: Mutex::new(None),
        };
        disclose_core::ocr::run(&mut folder, workers, &limits, &bar, &cancel)?
    } else {
        disclose_core::ocr::run(&mut folder, workers, &limits, &ingest::NoProgress, &cancel)?
    };
    ctx.out.print(&summary, |s| {
        println!(
            "OCR read {} pages of {} items ({} failed, {} pages of low confidence flagged).",
            s.pages, s.items, s.failed, s.low_confidence_pages
        );
    });
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

/// Seconds as `m:ss`.
fn clock(seconds: f64) -> String {
    let whole = seconds.max(0.0) as u64;
    format!("{}:{:02}", whole / 60, whole % 60)
}

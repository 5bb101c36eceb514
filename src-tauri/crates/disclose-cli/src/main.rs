//! `disclose`: the command line over the Disclose engine, for batch work,
//! automation and tests. Every command prints human text, or one JSON
//! document with `--json`. Exit codes: 0 ok, 1 user error, 2 partial (some
//! items failed).

mod commands;
mod interrupt;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use disclose_core::case::Home;

#[derive(Parser)]
#[command(
    name = "disclose",
    version,
    about = "Answer subject access and data portability requests"
)]
struct Cli {
    /// Where case folders live (default: the platform data directory).
    #[arg(long, global = true, env = "DISCLOSE_HOME")]
    home: Option<PathBuf>,
    /// Machine-readable JSON output.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the built-in demo case (a fictional landlord and tenant) and import its files.
    Demo(commands::demo::DemoArgs),
    /// Create, list and show cases.
    #[command(subcommand)]
    Case(commands::case::CaseCommand),
    /// The statutory deadline for given dates (bank holidays per region, pauses, extension).
    Deadline(commands::deadline::DeadlineArgs),
    /// Encryption at rest for the home: turn it on, see whether it is on.
    #[command(subcommand)]
    Home(commands::home::HomeCommand),
    /// Bank holidays: import GOV.UK's file, list what is in force.
    #[command(subcommand)]
    Holidays(commands::holidays::HolidaysCommand),
    /// Import files, folders, archives and mailboxes into a case.
    Import(commands::import::ImportArgs),
    /// Read the images and scanned pages still waiting for OCR.
    Ocr(commands::import::OcrArgs),
    /// List a case's items.
    Items(commands::items::ItemsArgs),
    /// Email conversations, with the inclusive messages marked.
    Threads(commands::items::ThreadsArgs),
    /// Show one item: its details and extracted text.
    Item(commands::items::ItemArgs),
    /// Full-text search of a case (`disclose search --syntax` for the query language).
    Search(commands::search::SearchArgs),
    /// Run every identifier of the subject against the case.
    Sweep(commands::search::SweepArgs),
    /// The case's search log: every search and sweep, when, and how many hits.
    Searches(commands::search::SweepArgs),
    /// The case's audit trail; `--verify` proves it untampered.
    Audit(commands::audit::AuditArgs),
    /// Record a review decision on items (by id, by query, or all).
    Decide(commands::decide::DecideArgs),
    /// The review queue: items with their decisions, all or undecided, a page at a time.
    Review(commands::decide::ReviewArgs),
    /// The reason codes (exemptions) in use, with the law they cite.
    Reasons(commands::decide::ReasonsArgs),
    /// Find personal data in any files, or store suggestions for a case (--case).
    Detect(commands::detect::DetectArgs),
    /// Make, accept, reject, list and take back redaction marks.
    Redact(commands::redact::RedactArgs),
    /// A video's face tracks: list them, keep or blur one, write a sampled frame.
    Video(commands::video::VideoArgs),
    /// Make the redacted renditions of the items to disclose.
    Render(commands::render::RenderArgs),
    /// The leak check: look for anything redacted in what was produced.
    Verify(commands::render::VerifyArgs),
    /// Build the disclosure bundle: a BagIt bag in a zip, optionally AES-256 encrypted.
    Export(commands::export::ExportArgs),
    /// The organisation profile the response letter is written from.
    #[command(subcommand)]
    Profile(commands::export::ProfileCommand),
    /// Check every original, rendition, the index and the audit trail against what was recorded.
    Check(commands::integrity::CaseArg),
    /// Rebuild a case's search index from its store.
    Reindex(commands::integrity::CaseArg),
    /// Who you are recorded as; `--set "Your Name"` once per machine.
    Whoami(commands::whoami::WhoamiArgs),
    /// Make the home and every case private again (folders 0700, files 0600).
    Doctor,
    /// The staff directory used to tell staff from third parties.
    #[command(subcommand)]
    Staff(commands::staff::StaffCommand),
}

/// What a command tells `main` about how it went.
pub enum Outcome {
    Ok,
    /// Done, but some items failed: exit code 2.
    Partial,
    /// A check failed (already reported): exit code 1.
    Failed,
    /// Stopped by Ctrl-C, what was finished kept: exit code 130.
    Interrupted,
}

fn main() -> ExitCode {
    disclose_core::isolate::serve_if_worker();
    quiet_worker_panics();
    let cli = Cli::parse();
    let out = output::Output { json: cli.json };
    let result = Home::resolve(cli.home.as_deref())
        .map_err(anyhow::Error::from)
        .and_then(|home| {
            // An encrypted home is unlocked before any command that reads it.
            if !matches!(cli.command, Command::Deadline(_) | Command::Home(_)) {
                commands::home::unlock_if_encrypted(&home)?;
            }
            let session = disclose_core::Context::new(home.clone());
            let ctx = commands::Context { home, out, session };
            match cli.command {
                Command::Demo(a) => commands::demo::run(&ctx, a),
                Command::Case(c) => commands::case::run(&ctx, c),
                Command::Deadline(a) => commands::deadline::run(&ctx, a),
                Command::Holidays(c) => commands::holidays::run(&ctx, c),
                Command::Home(c) => commands::home::run(&ctx, c),
                Command::Import(a) => commands::import::run(&ctx, a),
                Command::Ocr(a) => commands::import::run_ocr(&ctx, a),
                Command::Items(a) => commands::items::run_list(&ctx, a),
                Command::Item(a) => commands::items::run_show(&ctx, a),
                Command::Threads(a) => commands::items::run_threads(&ctx, a),
                Command::Search(a) => commands::search::run_search(&ctx, a),
                Command::Sweep(a) => commands::search::run_sweep(&ctx, a),
                Command::Searches(a) => commands::search::run_log(&ctx, a),
                Command::Audit(a) => commands::audit::run(&ctx, a),
                Command::Decide(a) => commands::decide::run(&ctx, a),
                Command::Review(a) => commands::decide::run_review(&ctx, a),
                Command::Reasons(a) => commands::decide::run_reasons(&ctx, a),
                Command::Detect(a) => commands::detect::run(&ctx, a),
                Command::Redact(a) => commands::redact::run(&ctx, a),
                Command::Video(a) => commands::video::run(&ctx, a),
                Command::Render(a) => commands::render::run_render(&ctx, a),
                Command::Verify(a) => commands::render::run_verify(&ctx, a),
                Command::Check(a) => commands::integrity::run_check(&ctx, a),
                Command::Reindex(a) => commands::integrity::run_reindex(&ctx, a),
                Command::Whoami(a) => commands::whoami::run(&ctx, a),
                Command::Doctor => commands::doctor::run(&ctx),
                Command::Staff(c) => commands::staff::run(&ctx, c),
                Command::Export(a) => commands::export::run_export(&ctx, a),
                Command::Profile(c) => commands::export::run_profile(&ctx, c),
            }
        });
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(2),
        Ok(Outcome::Failed) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(e) => {
            out.error(&e);
            ExitCode::from(1)
        }
    }
}

/// Readers run behind `catch_unwind` on worker threads; a crash there is
/// recorded as the item's failure reason, so it is not printed. Output cut
/// short by a closed pipe (`disclose items | head`) ends quietly, as other
/// command-line tools do.
fn quiet_worker_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("disclose-worker"));
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") {
            std::process::exit(141);
        }
        if !on_worker {
            default(info);
        }
    }));
}

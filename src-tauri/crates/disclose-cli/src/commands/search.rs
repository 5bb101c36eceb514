//! `disclose search` and `disclose sweep`.

use clap::Args;

use disclose_core::index::QUERY_HELP;
use disclose_core::search::{self, SearchRequest, SortBy};
use disclose_core::sweep;

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct SearchArgs {
    #[arg(long = "case", required_unless_present = "syntax")]
    case: Option<String>,
    /// The query (see --syntax).
    #[arg(required_unless_present = "syntax")]
    query: Option<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// relevance or date (newest first).
    #[arg(long, default_value = "relevance")]
    sort: String,
    /// Print the query syntax and exit.
    #[arg(long)]
    syntax: bool,
}

#[derive(Args)]
pub struct SweepArgs {
    #[arg(long = "case")]
    case: String,
}

pub fn run_search(ctx: &Context, args: SearchArgs) -> anyhow::Result<Outcome> {
    if args.syntax {
        println!("{QUERY_HELP}");
        return Ok(Outcome::Ok);
    }
    let (Some(case), Some(query)) = (args.case, args.query) else {
        anyhow::bail!("give --case REF and a query");
    };
    let folder = ctx.open(&case)?;
    let sort = match args.sort.as_str() {
        "relevance" => SortBy::Relevance,
        "date" => SortBy::Date,
        other => anyhow::bail!("unknown sort '{other}' (expected relevance or date)"),
    };
    let request = SearchRequest {
        query: &query,
        limit: args.limit,
        offset: args.offset,
        sort,
        log: true,
    };
    let results = search::search(&folder, &request)?;
    ctx.out.print(&results, |r| {
        // Written at once: a line at a time is a write to the terminal or
        // pipe per line.
        let mut text = format!("{} hits for {}\n", r.hits, r.query);
        for hit in &r.results {
            let date = hit
                .date
                .as_deref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default();
            text.push_str(&format!(
                "\n[{}] {}  ({}{date})\n    {}\n",
                hit.item,
                hit.path,
                hit.file_type,
                highlight(&hit.snippet, &hit.highlights)
            ));
        }
        print!("{text}");
    });
    Ok(Outcome::Ok)
}

/// Marks highlighted ranges with »« for a terminal.
fn highlight(snippet: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &(s, e) in ranges {
        if s < last
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&snippet[last..s]);
        out.push('»');
        out.push_str(&snippet[s..e]);
        out.push('«');
        last = e;
    }
    out.push_str(&snippet[last..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn run_sweep(ctx: &Context, args: SweepArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let report = sweep::sweep(&folder)?;
    ctx.out.print(&report, |r| {
        println!("Subject sweep: {} items hit", r.items_hit);
        for id in &r.identifiers {
            println!(
                "\n{} {:?}: {} items   ({})",
                id.kind,
                id.value,
                id.items.len(),
                id.query
            );
            for item in id.items.iter().take(10) {
                println!(
                    "  [{}] {}  ×{}  {}",
                    item.item, item.path, item.count, item.snippet
                );
            }
            if id.items.len() > 10 {
                println!("  … and {} more", id.items.len() - 10);
            }
        }
    });
    Ok(Outcome::Ok)
}

pub fn run_log(ctx: &Context, args: SweepArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let log = folder.search_log()?;
    ctx.out.print(&log, |log| {
        for e in log {
            println!("{}  {:<6} {:>6} hits  {}", e.at, e.kind, e.hits, e.query);
        }
    });
    Ok(Outcome::Ok)
}

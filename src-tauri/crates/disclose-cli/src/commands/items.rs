//! `disclose items` and `disclose item`.

use clap::Args;
use serde::Serialize;

use disclose_core::store::{ItemRow, Status};

use super::Context;
use crate::Outcome;

#[derive(Args)]
pub struct ItemsArgs {
    #[arg(long = "case")]
    case: String,
    /// Only items with this status: ok, partial or failed.
    #[arg(long)]
    status: Option<String>,
}

#[derive(Args)]
pub struct ItemArgs {
    #[arg(long = "case")]
    case: String,
    /// The item's id.
    id: i64,
}

pub fn run_list(ctx: &Context, args: ItemsArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let status = args.status.as_deref().map(Status::parse).transpose()?;
    let items = folder.items(status)?;
    ctx.out.print(&items, |items| {
        for i in items {
            let dup = i
                .duplicate_of
                .map(|d| format!(" (duplicate of {d})"))
                .unwrap_or_default();
            let reason = i
                .reason
                .as_deref()
                .map(|r| format!("  — {r}"))
                .unwrap_or_default();
            println!(
                "{:>6}  {:<8} {:<7} {}{}{}",
                i.id,
                i.file_type,
                i.status.as_str(),
                i.path,
                dup,
                reason
            );
        }
        println!("{} items", items.len());
    });
    Ok(Outcome::Ok)
}

#[derive(Serialize)]
struct ItemView {
    #[serde(flatten)]
    item: ItemRow,
    children: Vec<i64>,
    text: String,
    pages: Vec<disclose_core::extract::Page>,
    records: Vec<disclose_core::extract::RecordTable>,
}

pub fn run_show(ctx: &Context, args: ItemArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let item = folder.item(args.id)?;
    let view = ItemView {
        children: folder.children(item.id)?.iter().map(|c| c.id).collect(),
        text: folder.text(item.id)?,
        pages: folder.pages(item.id)?,
        records: folder.records(item.id)?,
        item,
    };
    ctx.out.print(&view, |v| {
        let i = &v.item;
        println!(
            "Item {}  {}  ({}, {} bytes)",
            i.id, i.path, i.file_type, i.size
        );
        println!("  sha256   {}", i.sha256);
        println!(
            "  status   {}{}",
            i.status.as_str(),
            i.reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        );
        if let Some(p) = i.parent {
            println!("  parent   {p}");
        }
        if !v.children.is_empty() {
            println!("  children {:?}", v.children);
        }
        for (k, val) in &i.metadata {
            println!("  {k:<8} {val}");
        }
        println!("\n{}", v.text);
    });
    Ok(Outcome::Ok)
}

#[derive(Args)]
pub struct ThreadsArgs {
    #[arg(long = "case")]
    case: String,
}

#[derive(Serialize)]
struct ThreadView {
    thread: i64,
    subject: String,
    messages: Vec<ThreadMessage>,
}

#[derive(Serialize)]
struct ThreadMessage {
    item: i64,
    date: Option<String>,
    from: String,
    inclusive: bool,
    path: String,
}

/// `disclose threads`: conversations, oldest message first, with the
/// inclusive messages marked.
pub fn run_threads(ctx: &Context, args: ThreadsArgs) -> anyhow::Result<Outcome> {
    let folder = ctx.open(&args.case)?;
    let mut threads: std::collections::BTreeMap<i64, ThreadView> =
        std::collections::BTreeMap::new();
    let mut items: Vec<ItemRow> = folder
        .items(None)?
        .into_iter()
        .filter(|i| i.thread_id.is_some())
        .collect();
    items.sort_by_key(|i| (i.date.clone(), i.id));
    for item in items {
        let thread = item.thread_id.unwrap_or(item.id);
        let view = threads.entry(thread).or_insert_with(|| ThreadView {
            thread,
            subject: item.metadata.get("subject").cloned().unwrap_or_default(),
            messages: Vec::new(),
        });
        view.messages.push(ThreadMessage {
            item: item.id,
            date: item.date.clone(),
            from: item.metadata.get("from").cloned().unwrap_or_default(),
            inclusive: item.inclusive.unwrap_or(true),
            path: item.path.clone(),
        });
    }
    let threads: Vec<ThreadView> = threads.into_values().collect();
    ctx.out.print(&threads, |threads| {
        for t in threads {
            println!(
                "Thread {} — {} ({} messages)",
                t.thread,
                t.subject,
                t.messages.len()
            );
            for m in &t.messages {
                let mark = if m.inclusive { "*" } else { " " };
                println!(
                    "  {mark} [{}] {}  {}",
                    m.item,
                    m.date.as_deref().unwrap_or("-"),
                    m.from
                );
            }
        }
        println!("* inclusive: read these to have seen the whole conversation");
    });
    Ok(Outcome::Ok)
}

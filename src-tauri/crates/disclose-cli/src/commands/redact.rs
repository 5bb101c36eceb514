//! `disclose redact`: make, accept, reject, list and take back redaction
//! marks. One action per run:
//!
//! - `--term TEXT (--everywhere | --item ID) --reason CODE` marks every
//!   occurrence of a name or string, variants included;
//! - `--item ID --range START:END --reason CODE` marks bytes of the text;
//! - `--item ID --page N --rect X0,Y0,X1,Y1 --reason CODE` marks an area;
//! - `--accept-suggestions` / `--reject-suggestions`, narrowed by
//!   `--kind`, `--person`, `--whose` and `--item`;
//! - `--unredact --mark ID...` takes redactions back;
//! - `--list` shows marks (same filters).
//!
//! `--dry-run` lists what would be marked or changed and writes nothing.

use clap::Args;
use serde::Serialize;

use disclose_core::marks::{
    self, DataKind, Mark, MarkFilter, MarkStatus, Occurrence, Selection, Target, Whose,
};

use super::Context;
use crate::Outcome;

#[derive(Args)]
#[command(group(clap::ArgGroup::new("action").required(true).args([
    "term", "range", "rect", "accept_suggestions", "reject_suggestions", "unredact", "list"
])))]
pub struct RedactArgs {
    #[arg(long = "case")]
    case: String,
    /// A name or string to redact, in all its forms.
    #[arg(long)]
    term: Option<String>,
    /// With --term: in every item of the case.
    #[arg(long, requires = "term")]
    everywhere: bool,
    /// Bytes of an item's text to redact, as START:END.
    #[arg(long, requires = "item")]
    range: Option<String>,
    /// An area to redact, as X0,Y0,X1,Y1 (points on PDFs, pixels on
    /// images; origin top-left; on a recording's timeline, seconds and
    /// speaker lanes: START,0,END,2 silences both sides).
    #[arg(long, requires_all = ["item", "page"])]
    rect: Option<String>,
    /// The 1-based page of --rect.
    #[arg(long)]
    page: Option<u32>,
    /// Accept suggested marks (narrow with --kind, --person, --whose, --item).
    #[arg(long)]
    accept_suggestions: bool,
    /// Reject suggested marks (same filters).
    #[arg(long)]
    reject_suggestions: bool,
    /// Take back redactions: the marks given with --mark.
    #[arg(long, requires = "mark")]
    unredact: bool,
    /// List marks (same filters, plus --status).
    #[arg(long)]
    list: bool,
    /// Mark ids (repeatable).
    #[arg(long)]
    mark: Vec<i64>,
    /// Only this item.
    #[arg(long)]
    item: Option<i64>,
    /// Only findings of this kind (person_name, phone, email, ...).
    #[arg(long)]
    kind: Option<String>,
    /// Only this person (the key shown by --list).
    #[arg(long)]
    person: Option<String>,
    /// Only data of: household, staff, third_party, unknown.
    #[arg(long)]
    whose: Option<String>,
    /// With --list: suggested, accepted, rejected or removed.
    #[arg(long)]
    status: Option<String>,
    /// The reason code: third-party, crime, legal-privilege,
    /// management-forecast, negotiations, confidential-reference,
    /// serious-harm, not-requester-data.
    #[arg(long)]
    reason: Option<String>,
    /// Show what would be marked or changed, and change nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Serialize)]
struct RedactView {
    action: &'static str,
    dry_run: bool,
    count: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    occurrences: Vec<Occurrence>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<Mark>,
}

pub fn run(ctx: &Context, args: RedactArgs) -> anyhow::Result<Outcome> {
    let mut folder = ctx.open(&args.case)?;
    let filter = MarkFilter {
        item: args.item,
        status: None,
        kind: args.kind.as_deref().map(DataKind::parse).transpose()?,
        person: args.person.clone(),
        whose: args.whose.as_deref().map(Whose::parse).transpose()?,
    };
    let view = if let Some(term) = &args.term {
        if !args.everywhere && args.item.is_none() {
            anyhow::bail!("say where to redact {term:?}: --everywhere, or --item ID");
        }
        let reason = required_reason(&args)?;
        let (found, _) = marks::redact_term(&mut folder, term, args.item, reason, args.dry_run)?;
        RedactView {
            action: "term",
            dry_run: args.dry_run,
            count: found.len(),
            occurrences: found,
            marks: Vec::new(),
        }
    } else if args.range.is_some() || args.rect.is_some() {
        let item = args.item.unwrap_or_default();
        let reason = required_reason(&args)?;
        let target = match (&args.range, &args.rect) {
            (Some(range), _) => {
                let (start, end) = parse_range(range)?;
                Target::Text { start, end }
            }
            (None, Some(rect)) => Target::Area {
                page: args.page.unwrap_or(1),
                rect: parse_rect(rect)?,
            },
            (None, None) => unreachable!("checked above"),
        };
        let marks = marks::redact_place(&mut folder, item, target, reason, args.dry_run)?;
        RedactView {
            action: if args.range.is_some() {
                "range"
            } else {
                "area"
            },
            dry_run: args.dry_run,
            count: if args.dry_run { 1 } else { marks.len() },
            occurrences: Vec::new(),
            marks,
        }
    } else if args.accept_suggestions || args.reject_suggestions {
        let (status, action) = if args.accept_suggestions {
            (MarkStatus::Accepted, "accept-suggestions")
        } else {
            (MarkStatus::Rejected, "reject-suggestions")
        };
        let chosen = marks::decide(
            &mut folder,
            &Selection::Suggestions(filter),
            status,
            args.dry_run,
        )?;
        RedactView {
            action,
            dry_run: args.dry_run,
            count: chosen.len(),
            occurrences: Vec::new(),
            marks: chosen,
        }
    } else if args.unredact {
        let chosen = marks::decide(
            &mut folder,
            &Selection::Marks(args.mark.clone()),
            MarkStatus::Removed,
            args.dry_run,
        )
        .map_err(|e| anyhow::anyhow!("{e}; check the ids with --list"))?;
        RedactView {
            action: "unredact",
            dry_run: args.dry_run,
            count: chosen.len(),
            occurrences: Vec::new(),
            marks: chosen,
        }
    } else {
        let status = args.status.as_deref().map(MarkStatus::parse).transpose()?;
        let listed = folder.placed_marks(&MarkFilter { status, ..filter })?;
        RedactView {
            action: "list",
            dry_run: false,
            count: listed.len(),
            occurrences: Vec::new(),
            marks: listed,
        }
    };
    ctx.out.print(&view, print_human);
    Ok(Outcome::Ok)
}

fn print_human(v: &RedactView) {
    let verb = match (v.action, v.dry_run) {
        ("list", _) => "Listed",
        (_, true) => "Would change",
        ("accept-suggestions", _) => "Accepted",
        ("reject-suggestions", _) => "Rejected",
        ("unredact", _) => "Took back",
        _ => "Marked",
    };
    for o in &v.occurrences {
        println!(
            "  item {:>5}  {:>6}..{:<6}  {}",
            o.item_id, o.start, o.end, o.text
        );
    }
    for m in &v.marks {
        let place = match m.target {
            Target::Text { start, end } => format!("{start}..{end}"),
            Target::Area { page, rect } => format!(
                "p{page} [{:.0},{:.0},{:.0},{:.0}]",
                rect[0], rect[1], rect[2], rect[3]
            ),
        };
        println!(
            "  #{:<5} item {:>5}  {:<14} {:<9} {:<11} {:<13} {:<18} {}",
            m.id,
            m.item_id,
            place,
            m.status.as_str(),
            m.whose,
            m.kind,
            m.reason,
            m.text.replace('\n', " ")
        );
    }
    println!("{verb} {} mark(s)", v.count);
}

fn required_reason(args: &RedactArgs) -> anyhow::Result<&str> {
    args.reason.as_deref().ok_or_else(|| {
        anyhow::anyhow!("give the reason for the redaction with --reason CODE (e.g. third-party)")
    })
}

fn parse_range(s: &str) -> anyhow::Result<(usize, usize)> {
    let (a, b) = s
        .split_once(':')
        .ok_or_else(|| anyhow::anyhow!("--range takes START:END byte offsets, e.g. 120:134"))?;
    Ok((a.trim().parse()?, b.trim().parse()?))
}

fn parse_rect(s: &str) -> anyhow::Result<[f32; 4]> {
    let values: Vec<f32> = s
        .split(',')
        .map(|v| v.trim().parse::<f32>())
        .collect::<Result<_, _>>()
        .map_err(|_| anyhow::anyhow!("--rect takes four numbers X0,Y0,X1,Y1"))?;
    <[f32; 4]>::try_from(values)
        .map_err(|_| anyhow::anyhow!("--rect takes four numbers X0,Y0,X1,Y1"))
}

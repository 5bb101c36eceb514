//! `disclose case new | list | show | pause | extend | close | purge | purged`.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use disclose_core::case::due::{self, Cause};
use disclose_core::case::{all_cases, Case, CaseFolder, CaseOverview, HouseholdMember, Kind};
use disclose_core::clock::Region;
use disclose_core::retention;

use super::Context;
use crate::Outcome;

#[derive(Subcommand)]
pub enum CaseCommand {
    /// Create a case.
    New(Box<NewArgs>),
    /// List all cases.
    List,
    /// Show a case and what it holds.
    Show { reference: String },
    /// Close a case: how it ended, and from when its retention runs.
    Close {
        reference: String,
        /// How the request ended: responded, withdrawn, refused, ...
        #[arg(long)]
        outcome: String,
        /// The day it closed (YYYY-MM-DD; default today).
        #[arg(long)]
        on: Option<NaiveDate>,
    },
    /// Securely remove a closed case once its retention period has run,
    /// keeping a minimal record (reference, dates, outcome).
    Purge {
        reference: String,
        /// Days to keep a case after it closed.
        #[arg(long, default_value_t = 730)]
        retention_days: u64,
    },
    /// The minimal records of purged cases.
    Purged,
    /// Stop the clock while waiting for ID or clarification (Art. 12A).
    Pause {
        reference: String,
        /// FROM:TO, both YYYY-MM-DD.
        period: disclose_core::clock::Pause,
    },
    /// Extend the deadline by two months (complex or numerous requests).
    Extend {
        reference: String,
        /// Take the extension back.
        #[arg(long)]
        undo: bool,
    },
}

#[derive(Args)]
pub struct NewArgs {
    /// The case reference (letters, digits, - _ .), also its folder name.
    #[arg(long = "ref")]
    reference: String,
    /// The data subject's full name.
    #[arg(long)]
    subject: String,
    /// access, portability or both.
    #[arg(long, default_value = "access")]
    kind: String,
    /// Who made the request, if not the subject (e.g. a solicitor).
    #[arg(long)]
    requester: Option<String>,
    /// Date the request was received (YYYY-MM-DD; default today).
    #[arg(long)]
    received: Option<NaiveDate>,
    /// england-wales, scotland or northern-ireland (for bank holidays).
    #[arg(long, default_value = "england-wales")]
    region: String,
    /// Another name the subject is or was known by (repeatable).
    #[arg(long)]
    alias: Vec<String>,
    /// Date of birth (YYYY-MM-DD).
    #[arg(long)]
    dob: Option<NaiveDate>,
    /// An address (repeatable).
    #[arg(long)]
    address: Vec<String>,
    #[arg(long)]
    postcode: Vec<String>,
    #[arg(long)]
    email: Vec<String>,
    #[arg(long)]
    phone: Vec<String>,
    /// National Insurance number.
    #[arg(long)]
    ni: Option<String>,
    /// Tenancy, rent account or other reference (repeatable).
    #[arg(long = "account-ref")]
    account_ref: Vec<String>,
    /// A pause of the clock while waiting for ID or clarification, FROM:TO (repeatable).
    #[arg(long)]
    pause: Vec<String>,
    /// The deadline was extended by two months.
    #[arg(long)]
    extend: bool,
    /// A household member as "Name" or "Name:relationship" (repeatable).
    #[arg(long)]
    household: Vec<String>,
    #[arg(long, default_value = "")]
    notes: String,
}

pub fn run(ctx: &Context, command: CaseCommand) -> anyhow::Result<Outcome> {
    match command {
        CaseCommand::New(args) => new(ctx, *args),
        CaseCommand::List => list(ctx),
        CaseCommand::Show { reference } => show(ctx, &reference),
        CaseCommand::Close {
            reference,
            outcome,
            on,
        } => {
            let mut folder = ctx.open(&reference)?;
            let on = on.unwrap_or_else(|| ctx.session.today());
            let closed = retention::close(&mut folder, &outcome, on)?;
            ctx.out.print(&closed, |c| {
                println!("Closed {reference} on {} ({})", c.closed_on, c.outcome)
            });
            Ok(Outcome::Ok)
        }
        CaseCommand::Purge {
            reference,
            retention_days,
        } => {
            let record = retention::purge(&ctx.session, &reference, retention_days)?;
            ctx.out.print(&record, |r| {
                println!(
                    "Purged {}: {} file(s) overwritten and removed; kept {}",
                    r.reference,
                    r.files_removed,
                    ctx.home
                        .case_dir(&r.reference)
                        .join("purged.json")
                        .display()
                );
            });
            if !record.exports_outside.is_empty() {
                eprintln!(
                    "warning: {} bundle(s) of this case were exported outside its folder, where purge cannot reach them; whoever holds them must delete them: {}",
                    record.exports_outside.len(),
                    record.exports_outside.join(", ")
                );
            }
            Ok(Outcome::Ok)
        }
        CaseCommand::Pause { reference, period } => {
            let mut folder = ctx.open(&reference)?;
            let deadline = folder.change_deadline(Some(period), None)?;
            ctx.out
                .print(&deadline, |d| println!("Paused; now due {}", d.due));
            Ok(Outcome::Ok)
        }
        CaseCommand::Extend { reference, undo } => {
            let mut folder = ctx.open(&reference)?;
            let deadline = folder.change_deadline(None, Some(!undo))?;
            ctx.out.print(&deadline, |d| println!("Now due {}", d.due));
            Ok(Outcome::Ok)
        }
        CaseCommand::Purged => {
            let records = retention::purged(&ctx.home)?;
            ctx.out.print(&records, |list| {
                for r in list {
                    println!(
                        "{:<16} received {}  closed {} ({})  purged {} by {}",
                        r.reference, r.received, r.closed_on, r.outcome, r.purged_on, r.purged_by
                    );
                }
                println!("{} purged case(s)", list.len());
            });
            Ok(Outcome::Ok)
        }
    }
}

fn new(ctx: &Context, a: NewArgs) -> anyhow::Result<Outcome> {
    let received = a.received.unwrap_or_else(|| ctx.session.today());
    let mut case = Case::new(&a.reference, &a.subject, received)?;
    case.kind = a.kind.parse::<Kind>()?;
    case.region = a
        .region
        .parse::<Region>()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    case.requester = a.requester.unwrap_or_else(|| a.subject.clone());
    case.subject.aliases = a.alias;
    case.subject.date_of_birth = a.dob;
    case.subject.addresses = a.address;
    case.subject.postcodes = a.postcode;
    case.subject.emails = a.email;
    case.subject.phones = a.phone;
    case.subject.ni_number = a.ni;
    case.subject.account_refs = a.account_ref;
    case.household = a
        .household
        .iter()
        .map(|h| {
            let (name, relationship) = h.split_once(':').unwrap_or((h, ""));
            HouseholdMember {
                name: name.trim().into(),
                relationship: relationship.trim().into(),
            }
        })
        .collect();
    case.notes = a.notes;
    case.pauses = a
        .pause
        .iter()
        .map(|p| p.parse())
        .collect::<Result<Vec<_>, _>>()?;
    case.extended = a.extend;
    let folder = CaseFolder::create(&ctx.session, &case)?;
    let shown = CaseOverview::of(&folder, ctx.session.today())?;
    ctx.out.print(&shown, |v| {
        println!(
            "Created case {} for {} in {}",
            v.case.reference, v.case.subject.name, v.folder
        );
    });
    Ok(Outcome::Ok)
}

/// Lists every case. Open cases are re-checked first, so a due date moved
/// by a new release's rules is recorded and shown.
fn list(ctx: &Context) -> anyhow::Result<Outcome> {
    due::recheck_all(&ctx.session, Cause::Rules)?;
    let cases = all_cases(&ctx.session)?;
    let purged = retention::purged(&ctx.home)?;
    ctx.out.print(&cases, |cases| {
        if cases.is_empty() && purged.is_empty() {
            println!("No cases yet. Create one with: disclose case new --ref REF --subject NAME");
        }
        for v in cases {
            if v.purging {
                println!(
                    "{:<20} purging — interrupted; finish it with: disclose case purge {}",
                    v.case.reference, v.case.reference
                );
                continue;
            }
            let state = match &v.closure {
                Some(c) => format!("closed {} ({})", c.closed_on, c.outcome),
                None => days_text(v.days_left.unwrap_or_default()),
            };
            println!(
                "{:<20} {:<28} {:<12} due {}  {:<16} {} items",
                v.case.reference,
                v.case.subject.name,
                format!("{:?}", v.case.kind).to_lowercase(),
                v.deadline.due,
                state,
                v.items
            );
        }
        for r in &purged {
            println!(
                "{:<20} {:<28} {:<12} due {}  closed {} ({}), purged {}",
                r.reference, "(purged)", "", r.due, r.closed_on, r.outcome, r.purged_on
            );
        }
    });
    Ok(Outcome::Ok)
}

/// "5 days left", "due today", "3 days overdue".
fn days_text(days: i64) -> String {
    match days {
        0 => "due today".into(),
        1 => "1 day left".into(),
        d if d > 1 => format!("{d} days left"),
        -1 => "1 day overdue".into(),
        d => format!("{} days overdue", -d),
    }
}

fn show(ctx: &Context, reference: &str) -> anyhow::Result<Outcome> {
    let folder = ctx.open(reference)?;
    due::recheck(&folder, &folder.calendar()?, Cause::Rules)?;
    let view = CaseOverview::of(&folder, ctx.session.today())?;
    ctx.out.print(&view, |v| {
        let c = &v.case;
        let s = &c.subject;
        let name = |v: serde_json::Value| v.as_str().map(String::from).unwrap_or_default();
        let region = name(serde_json::json!(c.region));
        let kind = name(serde_json::json!(c.kind));
        println!("Case {}  ({kind} request, {region})", c.reference);
        println!("  Subject:      {}", s.name);
        println!("  Requester:    {}", c.requester);
        println!("  Received:     {}", c.received);
        match (&v.closure, v.days_left) {
            (Some(c), _) => {
                println!("  Due:          {}", v.deadline.due);
                println!(
                    "  Closed:       {} ({}, by {})",
                    c.closed_on, c.outcome, c.closed_by
                );
            }
            (None, days) => println!(
                "  Due:          {} ({})",
                v.deadline.due,
                days_text(days.unwrap_or_default())
            ),
        }
        for m in &v.due_moves {
            println!(
                "  Due moved:    {} -> {} on {}: {}",
                m.before,
                m.after,
                m.at.get(..10).unwrap_or(&m.at),
                m.why
            );
        }
        if v.closure.is_none() && v.deadline.extended_due.is_none() {
            println!(
                "  Extend by:    {} (last day to notify an extension)",
                v.deadline.extension_notice_by
            );
        }
        let list = |label: &str, values: &[String]| {
            if !values.is_empty() {
                println!("  {label:<13} {}", values.join("; "));
            }
        };
        list("Aliases:", &s.aliases);
        if let Some(d) = s.date_of_birth {
            println!("  Born:         {d}");
        }
        list("Addresses:", &s.addresses);
        list("Postcodes:", &s.postcodes);
        list("Accounts:", &s.account_refs);
        if let Some(ni) = &s.ni_number {
            println!("  NI number:    {ni}");
        }
        list("Phones:", &s.phones);
        list("Emails:", &s.emails);
        for h in &c.household {
            println!("  Household:    {} ({})", h.name, h.relationship);
        }
        println!("  Folder:       {}", v.folder);
        println!("  Items:        {} ({} duplicates)", v.items, v.duplicates);
        for (status, n) in &v.by_status {
            println!("    {status:<10} {n}");
        }
        for (t, n) in &v.by_type {
            println!("    {t:<10} {n}");
        }
    });
    Ok(Outcome::Ok)
}

//! The response letter: confirmation that data is processed, the Art.
//! 15(1)(a)–(h) and 15(2) information from the organisation profile, what
//! was searched, how the copy is organised, what was withheld or redacted
//! and why in plain words, the glossary of reason codes, the person's
//! rights and how to complain to the ICO. The searches are described by
//! the kinds of the requester's identifiers, never by the queries, which
//! may name other people.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::schedule::{reason_label, LeftOut, ScheduleRow};
use crate::case::{Case, Kind};
use crate::profile::Profile;
use crate::review::Reason;

pub struct LetterFacts<'a> {
    pub profile: &'a Profile,
    pub case: &'a Case,
    pub rows: &'a [ScheduleRow],
    pub left_out: &'a LeftOut,
    pub items_held: u64,
    pub searches_run: u64,
    pub today: NaiveDate,
    pub reasons: &'a [Reason],
    /// The newest entry of the case's audit trail when the copy was made,
    /// and how many entries it had.
    pub audit_head: &'a str,
    pub audit_entries: u64,
}

fn list(out: &mut String, items: &[String]) {
    for item in items {
        out.push_str(&format!("  • {item}\n"));
    }
}

fn heading(out: &mut String, text: &str) {
    out.push_str(&format!("\n{}\n", text.to_uppercase()));
}

/// The letter's text (laid out into pages by the renderer).
pub fn text(f: &LetterFacts<'_>) -> String {
    let p = f.profile;
    let c = f.case;
    let mut out = String::new();
    out.push_str(&format!("{}\n{}\n\n", p.name, p.address.join(", ")));
    out.push_str(&format!(
        "Date: {}\nOur reference: {}\nRequest received: {}\n\n",
        f.today.format("%-d %B %Y"),
        c.reference,
        c.received.format("%-d %B %Y")
    ));
    out.push_str(&format!("Dear {},\n\n", c.requester));
    let what = match c.kind {
        Kind::Access => "your request for a copy of your personal data (UK GDPR Article 15)",
        Kind::Portability => "your request to receive your data in a portable form (UK GDPR Article 20)",
        Kind::Both => "your request for a copy of your personal data and to receive it in a portable form (UK GDPR Articles 15 and 20)",
    };
    out.push_str(&format!(
        "Thank you for {what}. We confirm that {} processes personal data about {}. This letter and the files with it are our full response.\n",
        p.name, c.subject.name
    ));

    heading(&mut out, "What we searched");
    out.push_str(&format!(
        "We searched everything we gathered for this request — {} item(s): emails, letters, case notes, records and scans — for {}.",
        f.items_held,
        identifiers_searched(c),
    ));
    if f.searches_run > 0 {
        out.push_str(&format!(" We ran {} search(es) in all.", f.searches_run));
    }
    out.push_str(" Every search is recorded in our audit trail.\n");

    heading(&mut out, "How your copy is organised");
    out.push_str("  • letter.pdf — this letter.\n  • schedule.pdf and schedule.csv — a numbered list of every document, with what was redacted or withheld.\n  • documents/ — the documents, numbered as in the schedule.\n  • portable/ — your data in machine-readable form (JSON and CSV, each with a JSON Schema describing it).\n  • index.html — open it in any web browser to browse the schedule and open each document; it works offline.\n");

    heading(&mut out, "What we have withheld or redacted, and why");
    let disclosed = f
        .rows
        .iter()
        .filter(|r| r.withheld_reason.is_empty())
        .count();
    let withheld: Vec<&ScheduleRow> = f
        .rows
        .iter()
        .filter(|r| !r.withheld_reason.is_empty())
        .collect();
    let mut redaction_counts: BTreeMap<&str, u64> = BTreeMap::new();
    for row in f.rows {
        for reason in &row.redaction_reasons {
            *redaction_counts.entry(reason.as_str()).or_default() += 1;
        }
    }
    out.push_str(&format!(
        "We are giving you {disclosed} document(s). {}\n",
        if redaction_counts.is_empty() {
            "Nothing in them has been redacted.".to_string()
        } else {
            "Some contain redactions — black bars, each labelled with the reason code:".to_string()
        }
    ));
    for (reason, docs) in &redaction_counts {
        out.push_str(&format!(
            "  • {} — in {docs} document(s). {}\n",
            reason_label(f.reasons, reason),
            plain(reason)
        ));
    }
    if withheld.is_empty() {
        out.push_str("We have not withheld any document in full.\n");
    } else {
        out.push_str(&format!(
            "We have withheld {} document(s) in full:\n",
            withheld.len()
        ));
        for row in withheld {
            out.push_str(&format!(
                "  • Document {} ({}): {}. {}\n",
                row.number,
                row.date,
                reason_label(f.reasons, &row.withheld_reason),
                plain(&row.withheld_reason)
            ));
        }
    }
    for (decision, count) in f.left_out {
        let why = match decision.as_str() {
            "duplicate" => "were exact or near copies of documents you are receiving",
            _ => "did not contain your personal data or fell outside your request",
        };
        out.push_str(&format!(
            "{count} further item(s) found in the search are not included because they {why}.\n"
        ));
    }

    heading(&mut out, "About the personal data we hold (Article 15(1))");
    out.push_str("(a) Why we use it:\n");
    list(&mut out, &p.purposes);
    out.push_str("(b) The kinds of data we hold:\n");
    list(&mut out, &p.categories);
    out.push_str("(c) Who we share it with:\n");
    list(&mut out, &p.recipients);
    out.push_str("(d) How long we keep it:\n");
    list(&mut out, &p.retention);
    out.push_str("(e) Your rights:\n");
    list(&mut out, &p.rights);
    out.push_str(&format!("(f) Complaints: {}\n", p.complaint_route));
    out.push_str("(g) Where we got it, when not from you:\n");
    list(&mut out, &p.sources);
    out.push_str(&format!(
        "(h) Automated decisions: {}\n",
        p.automated_decisions
    ));
    if !p.international_transfers.trim().is_empty() {
        out.push_str(&format!(
            "Transfers outside the UK (Article 15(2)): {}\n",
            p.international_transfers
        ));
    }

    heading(&mut out, "The reason codes");
    for r in f.reasons {
        out.push_str(&format!(
            "  • {} — {} ({}). {}\n",
            r.code,
            r.label,
            r.citation,
            plain(&r.code)
        ));
    }

    heading(&mut out, "Questions and complaints");
    out.push_str(&format!(
        "If anything is unclear or you think something is missing, please contact our Data Protection Officer: {}. {}\n\nYours sincerely,\n\n{}\n",
        p.dpo_contact, p.complaint_route, p.signatory
    ));

    heading(&mut out, "Appendix: our record of this request");
    out.push_str(&format!(
        "We keep a tamper-evident record of everything done on your request. When this copy was made it had {} entries, and the fingerprint (SHA-256) of the newest was:\n  {}\nThe same fingerprint is in the file bag-info.txt of this copy. If you ever question how your request was handled, quoting it lets us show that our record has not been changed since.\n",
        f.audit_entries, f.audit_head
    ));
    out
}

/// What each reason means, in plain words.
fn plain(code: &str) -> &'static str {
    match code {
        "third-party" => "It is information about someone else, and it would not be fair to them to share it without their consent.",
        "crime" => "Sharing it would be likely to harm the prevention or detection of crime.",
        "legal-privilege" => "It is confidential legal advice or was prepared for legal proceedings.",
        "management-forecast" => "It is management planning that would be harmed if shared now.",
        "negotiations" => "It records our intentions in negotiations with you, and sharing it would harm them.",
        "confidential-reference" => "It is a reference given in confidence.",
        "serious-harm" => "A health or social work professional advised that sharing it would be likely to cause serious harm.",
        "not-requester-data" => "It is not personal data about you.",
        _ => "",
    }
}

fn identifiers_searched(c: &Case) -> String {
    let s = &c.subject;
    let mut kinds = vec![format!("your name ({})", s.name)];
    if !s.aliases.is_empty() {
        kinds.push("the other names you have used".into());
    }
    if s.date_of_birth.is_some() {
        kinds.push("your date of birth".into());
    }
    if !s.addresses.is_empty() || !s.postcodes.is_empty() {
        kinds.push("your address and postcode".into());
    }
    if !s.account_refs.is_empty() {
        kinds.push("your tenancy and account references".into());
    }
    if s.ni_number.is_some() {
        kinds.push("your National Insurance number".into());
    }
    if !s.phones.is_empty() {
        kinds.push("your phone numbers".into());
    }
    if !s.emails.is_empty() {
        kinds.push("your email addresses".into());
    }
    match kinds.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => kinds.join(""),
    }
}

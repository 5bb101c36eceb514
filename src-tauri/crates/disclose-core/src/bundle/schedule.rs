//! The schedule of documents: one row per item disclosed or withheld, in
//! date order, numbered as the documents in the bundle are. Descriptions
//! say what kind of record each is; an email's subject is given only when
//! it holds nothing that was redacted anywhere in the case.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::Result;
use crate::extract::FileType;
use crate::review::{Decision, Reason};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScheduleRow {
    /// The document's number in the bundle.
    pub number: u32,
    pub item_id: i64,
    pub date: String,
    #[serde(rename = "type")]
    pub kind: FileType,
    pub description: String,
    /// How many redactions were made.
    pub redactions: u64,
    /// The reason codes of those redactions.
    pub redaction_reasons: Vec<String>,
    /// Why the whole item is withheld; empty when it is disclosed.
    pub withheld_reason: String,
    /// Where the document is in the bundle (`documents/0001.pdf`); empty
    /// when withheld.
    pub file: String,
}

/// Items left out of the schedule, by decision (not relevant, duplicate).
pub type LeftOut = BTreeMap<String, u64>;

pub(crate) fn type_label(file_type: FileType) -> &'static str {
    use FileType::*;
    match file_type {
        Email | Msg | Mbox => "Email",
        Pdf => "PDF document",
        Docx | Doc | Odt | Rtf => "Word-processed document",
        Xlsx | Xls | Ods | Csv => "Spreadsheet or records export",
        Pptx | Ppt | Odp => "Presentation",
        Image => "Image or scan",
        Audio => "Call or sound recording, with its transcript",
        Video => "Video or CCTV footage, other people blurred",
        Html => "Web page or portal record",
        Json => "System record",
        Text => "Text note",
        Zip => "Archive listing",
        Pst => "Outlook mailbox listing",
        Calendar => "Calendar entry",
        Task => "Task",
        Contact => "Contact card",
        Ole | Binary => "File",
    }
}

/// Every type label, one a line: Disclose's own wording in the schedule.
pub(crate) fn type_labels() -> String {
    crate::extract::sniff::ALL
        .iter()
        .map(|&file_type| type_label(file_type))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows, and counts of what was left out and why.
pub fn rows(folder: &CaseFolder) -> Result<(Vec<ScheduleRow>, LeftOut)> {
    let store = &folder.store;
    let decisions = store.decisions()?;
    let redacted_texts: Vec<String> = store
        .accepted_marks()?
        .into_iter()
        .filter(|m| !m.text.trim().is_empty())
        .map(|m| m.text.to_lowercase())
        .collect();
    let mut left_out = LeftOut::new();
    let mut chosen = Vec::new();
    for item in store.items(None)? {
        let Some(decision) = decisions.get(&item.id) else {
            continue;
        };
        match decision.decision {
            Decision::Disclose | Decision::Redact | Decision::Withhold => {
                chosen.push((item, decision.clone()))
            }
            other => *left_out.entry(other.as_str().to_string()).or_default() += 1,
        }
    }
    chosen.sort_by(|a, b| {
        let date = |i: &crate::store::ItemRow| i.date.clone().unwrap_or_default();
        date(&a.0).cmp(&date(&b.0)).then(a.0.id.cmp(&b.0.id))
    });
    let mut by_item = store.redactions_by_item()?;
    let mut rows = Vec::new();
    for (index, (item, decision)) in chosen.iter().enumerate() {
        let number = index as u32 + 1;
        let withheld = decision.decision == Decision::Withhold;
        let redactions = if withheld {
            Vec::new()
        } else {
            by_item.remove(&item.id).unwrap_or_default()
        };
        let mut reasons: Vec<String> = redactions.iter().map(|m| m.reason.clone()).collect();
        reasons.sort();
        reasons.dedup();
        let mut description = type_label(item.file_type).to_string();
        if let Some(subject) = item
            .metadata
            .get("subject")
            .filter(|s| !s.trim().is_empty())
        {
            let lower = subject.to_lowercase();
            if !redacted_texts.iter().any(|t| lower.contains(t.as_str())) {
                description.push_str(&format!(": \u{201c}{}\u{201d}", subject.trim()));
            }
        }
        if item.parent.is_some() {
            description.push_str(" (attachment)");
        }
        rows.push(ScheduleRow {
            number,
            item_id: item.id,
            date: item
                .date
                .as_deref()
                .and_then(|d| d.get(..10))
                .unwrap_or("")
                .to_string(),
            kind: item.file_type,
            description,
            redactions: redactions.len() as u64,
            redaction_reasons: reasons,
            withheld_reason: if withheld {
                decision.reason.clone().unwrap_or_default()
            } else {
                String::new()
            },
            file: String::new(),
        });
    }
    Ok((rows, left_out))
}

/// The schedule as CSV.
pub fn csv(rows: &[ScheduleRow]) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record([
        "number",
        "date",
        "type",
        "description",
        "redactions",
        "redaction_reasons",
        "withheld_reason",
        "file",
    ]);
    for r in rows {
        let _ = out.write_record([
            r.number.to_string(),
            r.date.clone(),
            r.kind.as_str().to_string(),
            r.description.clone(),
            r.redactions.to_string(),
            r.redaction_reasons.join(" "),
            r.withheld_reason.clone(),
            r.file.clone(),
        ]);
    }
    out.into_inner().unwrap_or_default()
}

/// The schedule as lines of text, for its PDF.
pub fn text(rows: &[ScheduleRow], reasons: &[Reason]) -> String {
    let mut out = String::from(
        "Each document in this bundle, in date order. Redactions and withheld documents are explained in the letter; the reason codes are listed at its end.\n\n",
    );
    for r in rows {
        out.push_str(&format!(
            "{:>4}  {}  {}\n      ",
            r.number,
            if r.date.is_empty() {
                "undated"
            } else {
                &r.date
            },
            r.description
        ));
        if !r.withheld_reason.is_empty() {
            out.push_str(&format!(
                "Withheld: {}",
                reason_label(reasons, &r.withheld_reason)
            ));
        } else if r.redactions > 0 {
            out.push_str(&format!(
                "{} redaction(s): {} · {}",
                r.redactions,
                r.redaction_reasons.join(", "),
                r.file
            ));
        } else {
            out.push_str(&format!("Disclosed in full · {}", r.file));
        }
        out.push_str("\n\n");
    }
    out
}

pub fn reason_label(reasons: &[Reason], code: &str) -> String {
    reasons
        .iter()
        .find(|r| r.code == code)
        .map(|r| format!("{} ({})", r.label, r.citation))
        .unwrap_or_else(|| code.to_string())
}

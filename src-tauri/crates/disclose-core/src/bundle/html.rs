//! `data/index.html`: an offline page to browse the schedule and open each
//! document. Self-contained — its own styles, no scripts, and a Content
//! Security Policy that forbids loading anything but the bundle's files.

use super::schedule::{reason_label, ScheduleRow};
use crate::review::Reason;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

pub fn page(
    organisation: &str,
    reference: &str,
    rows: &[ScheduleRow],
    reasons: &[Reason],
) -> Vec<u8> {
    let mut body = String::new();
    for r in rows {
        let status = if !r.withheld_reason.is_empty() {
            format!(
                "Withheld: {}",
                escape(&reason_label(reasons, &r.withheld_reason))
            )
        } else if r.redactions > 0 {
            format!(
                "{} redaction(s): {}",
                r.redactions,
                escape(&r.redaction_reasons.join(", "))
            )
        } else {
            "Disclosed in full".into()
        };
        let open = if r.file.is_empty() {
            String::from("—")
        } else {
            format!("<a href=\"{0}\">{0}</a>", escape(&r.file))
        };
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            r.number,
            escape(&r.date),
            escape(&r.description),
            status,
            open
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'\">\n\
<title>Your data from {org} — {reference}</title>\n\
<style>body{{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5;color:#1b1b1b}}\
table{{border-collapse:collapse;width:100%}}th,td{{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}}\
a{{color:#0b57d0}}</style>\n</head>\n<body>\n<h1>Your data from {org}</h1>\n\
<p>Reference {reference}. Start with <a href=\"letter.pdf\">the letter</a>; the <a href=\"schedule.pdf\">schedule</a> \
(also as <a href=\"schedule.csv\">CSV</a>) lists every document. Machine-readable copies of your data are in \
the <code>portable</code> folder.</p>\n\
<table>\n<thead><tr><th>No.</th><th>Date</th><th>Description</th><th>Redactions</th><th>Document</th></tr></thead>\n\
<tbody>\n{body}</tbody>\n</table>\n</body>\n</html>\n",
        org = escape(organisation),
        reference = escape(reference),
    )
    .into_bytes()
}

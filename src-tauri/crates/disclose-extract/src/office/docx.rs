//! DOCX (WordprocessingML): body, headers, footers, footnotes, endnotes,
//! comments, text boxes, tracked insertions and deletions, hidden text,
//! document properties and embedded files.
//!
//! The body reads as the document currently shows; what a reader of the file
//! could still find but would not see (deleted revisions, hidden runs, text
//! boxes, comments) follows in titled sections, and metadata flags say that
//! such content exists.

use std::collections::BTreeSet;

use super::package::{
    attr, insert_date, local_name, natural_key, property_fields, push_section, walk, Package,
    TextFlow, XmlEvent,
};
use crate::{ExtractError, Extracted, Limits};

/// What the parts of one document add up to beyond their own text.
#[derive(Default)]
struct Findings {
    deletions: Vec<String>,
    hidden: Vec<String>,
    text_boxes: Vec<String>,
    insertion_count: usize,
    deletion_count: usize,
    revision_authors: BTreeSet<String>,
}

/// Which kind of part is walked: note and comment parts are lists of entries.
#[derive(Clone, Copy, PartialEq, Default)]
enum PartKind {
    #[default]
    Flow,
    Notes,
    Comments,
}

pub fn extract_docx(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut package = Package::open(data, limits, "DOCX")?;
    let main = main_part(&mut package);
    if !package.has(&main) {
        return Err(ExtractError::Corrupt(format!(
            "the zip has no {main}, so it is not a Word document"
        )));
    }
    let mut out = Extracted::default();
    let mut findings = Findings::default();

    let body = match package.read_text(&main) {
        Ok(xml) => {
            walk_part(
                &xml,
                PartKind::Flow,
                &mut findings,
                &mut out.warnings,
                &main,
            )
            .0
        }
        Err(e) => {
            return Err(ExtractError::Corrupt(format!(
                "the document body could not be read: {e}"
            )))
        }
    };
    let mut text = body;

    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    for (prefix, title) in [("header", "Header"), ("footer", "Footer")] {
        let mut parts: Vec<String> = package
            .names()
            .iter()
            .filter(|n| {
                n.strip_prefix(dir)
                    .and_then(|r| r.strip_prefix('/'))
                    .is_some_and(|r| {
                        r.starts_with(prefix) && r.ends_with(".xml") && !r.contains('/')
                    })
            })
            .cloned()
            .collect();
        parts.sort_by_key(|n| natural_key(n));
        let mut seen = BTreeSet::new();
        for part in parts {
            match package.read_text(&part) {
                Ok(xml) => {
                    let section = walk_part(
                        &xml,
                        PartKind::Flow,
                        &mut findings,
                        &mut out.warnings,
                        &part,
                    )
                    .0;
                    if seen.insert(section.clone()) {
                        push_section(&mut text, title, &section);
                    }
                }
                Err(e) => out.warnings.push(e),
            }
        }
    }

    let mut comment_count = 0;
    for (file, title, kind) in [
        ("footnotes.xml", "Footnotes", PartKind::Notes),
        ("endnotes.xml", "Endnotes", PartKind::Notes),
        ("comments.xml", "Comments", PartKind::Comments),
    ] {
        let part = if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        };
        if !package.has(&part) {
            continue;
        }
        match package.read_text(&part) {
            Ok(xml) => {
                let (_, entries) = walk_part(&xml, kind, &mut findings, &mut out.warnings, &part);
                if kind == PartKind::Comments {
                    comment_count = entries.len();
                }
                push_section(&mut text, title, &entries.join("\n"));
            }
            Err(e) => out.warnings.push(e),
        }
    }

    push_section(&mut text, "Text boxes", &findings.text_boxes.join("\n"));
    push_section(
        &mut text,
        "Tracked deletions",
        &findings.deletions.join("\n"),
    );
    push_section(&mut text, "Hidden text", &findings.hidden.join("\n"));
    out.text = text;

    if comment_count > 0 {
        out.metadata
            .insert("has-comments".into(), comment_count.to_string());
    }
    let revisions = findings.insertion_count + findings.deletion_count;
    if revisions > 0 {
        out.metadata
            .insert("has-tracked-changes".into(), revisions.to_string());
        out.metadata.insert(
            "tracked-insertions".into(),
            findings.insertion_count.to_string(),
        );
        out.metadata.insert(
            "tracked-deletions".into(),
            findings.deletion_count.to_string(),
        );
    }
    if !findings.revision_authors.is_empty() {
        let authors: Vec<&str> = findings
            .revision_authors
            .iter()
            .map(String::as_str)
            .collect();
        out.metadata
            .insert("revision-authors".into(), authors.join(", "));
    }
    if !findings.hidden.is_empty() {
        out.metadata
            .insert("has-hidden-text".into(), findings.hidden.len().to_string());
    }
    if !findings.text_boxes.is_empty() {
        out.metadata.insert(
            "has-text-boxes".into(),
            findings.text_boxes.len().to_string(),
        );
    }

    read_core_properties(&mut package, &mut out);
    read_app_properties(&mut package, &mut out);
    let embeddings = if dir.is_empty() {
        "embeddings/".to_string()
    } else {
        format!("{dir}/embeddings/")
    };
    package.children_under(&embeddings, &mut out);
    Ok(out)
}

/// The main document part named by the package relationships, normally
/// `word/document.xml`.
fn main_part(package: &mut Package<'_>) -> String {
    const DEFAULT: &str = "word/document.xml";
    if package.has(DEFAULT) || !package.has("_rels/.rels") {
        return DEFAULT.to_string();
    }
    let Ok(xml) = package.read_text("_rels/.rels") else {
        return DEFAULT.to_string();
    };
    let mut found = None;
    let _ = walk(&xml, |ev| {
        if let XmlEvent::Start(e) = ev {
            let is_main = attr(e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
            if found.is_none() && local_name(e) == "Relationship" && is_main {
                found = attr(e, "Target").map(|t| t.trim_start_matches('/').to_string());
            }
        }
    });
    found.unwrap_or_else(|| DEFAULT.to_string())
}

/// Walks one WordprocessingML part. Returns its flowing text and, for note
/// and comment parts, one line per entry.
fn walk_part(
    xml: &str,
    kind: PartKind,
    findings: &mut Findings,
    warnings: &mut Vec<String>,
    part: &str,
) -> (String, Vec<String>) {
    let mut state = PartWalker {
        kind,
        ..PartWalker::default()
    };
    let result = walk(xml, |ev| state.visit(ev, findings));
    if let Err(e) = result {
        warnings.push(format!("{part}: {e}; text after that point is missing"));
    }
    state.flush_hidden(findings);
    (state.flow.finish(), state.entries)
}

#[derive(Default)]
struct PartWalker {
    kind: PartKind,
    flow: TextFlow,
    text_box: TextFlow,
    entries: Vec<String>,
    entry_prefix: Option<String>,
    entry_skipped: bool,
    in_text: bool,
    in_deleted_text: bool,
    in_run: bool,
    run_hidden: bool,
    hidden_run_text: String,
    run_properties_depth: usize,
    paragraph_properties_depth: usize,
    deletion_depth: usize,
    deletion_text: String,
    deletion_author: Option<String>,
    text_box_depth: usize,
    fallback_depth: usize,
}

impl PartWalker {
    fn target(&mut self) -> &mut TextFlow {
        if self.text_box_depth > 0 {
            &mut self.text_box
        } else {
            &mut self.flow
        }
    }

    fn visit(&mut self, ev: XmlEvent<'_, '_>, findings: &mut Findings) {
        match ev {
            XmlEvent::Start(e) => {
                let name = local_name(e);
                if self.fallback_depth > 0 {
                    if name == "Fallback" {
                        self.fallback_depth += 1;
                    }
                    return;
                }
                self.start(name, e, findings);
            }
            XmlEvent::End(name) => {
                if self.fallback_depth > 0 {
                    if name == "Fallback" {
                        self.fallback_depth -= 1;
                    }
                    return;
                }
                self.end(name, findings);
            }
            XmlEvent::Text(t) => {
                if self.fallback_depth > 0 || self.entry_skipped {
                    return;
                }
                if self.in_deleted_text {
                    self.deletion_text.push_str(t);
                } else if self.in_text {
                    if self.run_hidden {
                        self.hidden_run_text.push_str(t);
                    } else {
                        if !t.is_empty() {
                            self.flush_hidden(findings);
                        }
                        self.target().text(t);
                    }
                }
            }
        }
    }

    fn start(
        &mut self,
        name: &str,
        e: &quick_xml::events::BytesStart<'_>,
        findings: &mut Findings,
    ) {
        let in_properties = self.run_properties_depth > 0 || self.paragraph_properties_depth > 0;
        match name {
            // Alternate content repeats itself as a fallback for old readers.
            "Fallback" => self.fallback_depth = 1,
            "t" => self.in_text = true,
            "delText" => self.in_deleted_text = true,
            "r" => {
                self.in_run = true;
                self.run_hidden = false;
            }
            "rPr" => self.run_properties_depth += 1,
            "pPr" => self.paragraph_properties_depth += 1,
            "vanish" if self.in_run && self.paragraph_properties_depth == 0 => {
                self.run_hidden =
                    attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
            }
            "tab" if self.in_run && !in_properties => self.target().text("\t"),
            "br" | "cr" if self.in_run => self.target().line_break(),
            "noBreakHyphen" if self.in_run => self.target().text("-"),
            "tbl" => self.target().table_start(),
            "txbxContent" => self.text_box_depth += 1,
            "ins" | "moveTo" if !in_properties => {
                findings.insertion_count += 1;
                if let Some(author) = attr(e, "author") {
                    findings.revision_authors.insert(author);
                }
            }
            "del" | "moveFrom" if !in_properties => {
                findings.deletion_count += 1;
                if let Some(author) = attr(e, "author") {
                    findings.revision_authors.insert(author);
                }
                self.deletion_depth += 1;
                if self.deletion_depth == 1 {
                    self.deletion_text.clear();
                    self.deletion_author = attr(e, "author");
                }
            }
            "footnote" | "endnote" if self.kind == PartKind::Notes => {
                self.flow = TextFlow::default();
                let kind = attr(e, "type").unwrap_or_default();
                self.entry_skipped = matches!(
                    kind.as_str(),
                    "separator" | "continuationSeparator" | "continuationNotice"
                );
                self.entry_prefix =
                    Some(attr(e, "id").map_or_else(String::new, |id| format!("[{id}] ")));
            }
            "comment" if self.kind == PartKind::Comments => {
                self.flow = TextFlow::default();
                let author = attr(e, "author").unwrap_or_else(|| "unknown author".into());
                let prefix = match attr(e, "date") {
                    Some(date) => format!("{author} ({date}): "),
                    None => format!("{author}: "),
                };
                self.entry_prefix = Some(prefix);
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, findings: &mut Findings) {
        match name {
            "t" => self.in_text = false,
            "delText" => self.in_deleted_text = false,
            "r" => {
                self.in_run = false;
                self.run_hidden = false;
            }
            "rPr" => self.run_properties_depth = self.run_properties_depth.saturating_sub(1),
            "pPr" => {
                self.paragraph_properties_depth = self.paragraph_properties_depth.saturating_sub(1)
            }
            "p" => {
                self.flush_hidden(findings);
                if self.deletion_depth > 0 && !self.deletion_text.ends_with(' ') {
                    self.deletion_text.push(' ');
                }
                self.target().paragraph_end();
            }
            "tc" => self.target().cell_end(),
            "tr" => self.target().row_end(),
            "tbl" => self.target().table_end(),
            "txbxContent" => {
                self.text_box_depth = self.text_box_depth.saturating_sub(1);
                if self.text_box_depth == 0 {
                    let text = std::mem::take(&mut self.text_box).finish();
                    if !text.is_empty() {
                        findings.text_boxes.push(text);
                    }
                }
            }
            "del" | "moveFrom"
                if self.run_properties_depth == 0 && self.paragraph_properties_depth == 0 =>
            {
                self.deletion_depth = self.deletion_depth.saturating_sub(1);
                if self.deletion_depth == 0 {
                    let text = self.deletion_text.trim();
                    if !text.is_empty() {
                        let line = match self.deletion_author.take() {
                            Some(author) => format!("{author}: {text}"),
                            None => text.to_string(),
                        };
                        findings.deletions.push(line);
                    }
                    self.deletion_text.clear();
                }
            }
            "footnote" | "endnote" | "comment" => {
                if let Some(prefix) = self.entry_prefix.take() {
                    let body = std::mem::take(&mut self.flow).finish();
                    if !self.entry_skipped && !body.is_empty() {
                        self.entries.push(format!("{prefix}{body}"));
                    }
                }
                self.entry_skipped = false;
            }
            _ => {}
        }
    }

    fn flush_hidden(&mut self, findings: &mut Findings) {
        let text = self.hidden_run_text.trim();
        if !text.is_empty() {
            findings.hidden.push(text.to_string());
        }
        self.hidden_run_text.clear();
    }
}

/// `docProps/core.xml`: Dublin Core properties.
pub(crate) fn read_core_properties(package: &mut Package<'_>, out: &mut Extracted) {
    let fields = property_fields(package, "docProps/core.xml", out, |e| {
        Some(local_name(e).to_string())
    });
    for (name, value) in fields {
        let key = match name.as_str() {
            "creator" => "author",
            "lastModifiedBy" => "last-modified-by",
            "title" => "title",
            "subject" => "subject",
            "description" => "description",
            "keywords" => "keywords",
            "category" => "category",
            "created" | "modified" | "lastPrinted" => {
                let key = if name == "lastPrinted" {
                    "last-printed"
                } else {
                    name.as_str()
                };
                let date = insert_date(out, key, &value);
                if name == "modified" || (name == "created" && out.date.is_none()) {
                    out.date = date.or(out.date);
                }
                continue;
            }
            _ => continue,
        };
        let value = value.trim();
        if !value.is_empty() {
            out.metadata.insert(key.to_string(), value.to_string());
        }
    }
}

/// `docProps/app.xml`: application, company, manager, template.
pub(crate) fn read_app_properties(package: &mut Package<'_>, out: &mut Extracted) {
    if !package.has("docProps/app.xml") {
        return;
    }
    let Ok(xml) = package.read_text("docProps/app.xml") else {
        return;
    };
    let mut current: Option<&'static str> = None;
    let _ = walk(&xml, |ev| match ev {
        XmlEvent::Start(e) => {
            current = match local_name(e) {
                "Application" => Some("application"),
                "Company" => Some("company"),
                "Manager" => Some("manager"),
                "Template" => Some("template"),
                _ => None,
            }
        }
        XmlEvent::Text(t) => {
            if let Some(key) = current {
                if !t.trim().is_empty() {
                    out.metadata
                        .entry(key.to_string())
                        .or_default()
                        .push_str(t.trim());
                }
            }
        }
        XmlEvent::End(_) => current = None,
    });
}

//! ODT (OpenDocument text): body, page headers and footers from the styles,
//! footnotes and endnotes, annotations, tracked deletions, text boxes,
//! hidden text and the document's meta properties.

use std::collections::BTreeSet;

use quick_xml::events::BytesStart;

use super::package::{
    attr, insert_date, local_name, property_fields, push_section, walk, Package, TextFlow, XmlEvent,
};
use crate::{ExtractError, Extracted, Limits};

/// Most spaces one `text:s` element may stand for.
const MAX_SPACE_RUN: usize = 256;

pub fn extract_odt(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut package = Package::open(data, limits, "ODT")?;
    if package.has("META-INF/manifest.xml") {
        if let Ok(manifest) = package.read_text("META-INF/manifest.xml") {
            if manifest.contains("encryption-data") {
                return Err(ExtractError::Encrypted(
                    "the ODT document is password-protected".into(),
                ));
            }
        }
    }
    if !package.has("content.xml") {
        return Err(ExtractError::Corrupt(
            "the zip has no content.xml, so it is not an OpenDocument file".into(),
        ));
    }
    let mut out = Extracted::default();
    let content = package
        .read_text("content.xml")
        .map_err(|e| ExtractError::Corrupt(format!("the document body could not be read: {e}")))?;
    let mut body = OdtWalker::default();
    if let Err(e) = walk(&content, |ev| body.visit(ev)) {
        out.warnings.push(format!(
            "content.xml: {e}; text after that point is missing"
        ));
    }

    let mut page_parts = OdtWalker {
        page_styles_only: true,
        ..OdtWalker::default()
    };
    if package.has("styles.xml") {
        match package.read_text("styles.xml") {
            Ok(xml) => {
                if let Err(e) = walk(&xml, |ev| page_parts.visit(ev)) {
                    out.warnings.push(format!("styles.xml: {e}"));
                }
            }
            Err(e) => out.warnings.push(e),
        }
    }

    let mut text = std::mem::take(&mut body.flow).finish();
    for header in &page_parts.headers {
        push_section(&mut text, "Header", header);
    }
    for footer in &page_parts.footers {
        push_section(&mut text, "Footer", footer);
    }
    push_section(&mut text, "Footnotes", &body.footnotes.join("\n"));
    push_section(&mut text, "Endnotes", &body.endnotes.join("\n"));
    push_section(&mut text, "Comments", &body.comments.join("\n"));
    push_section(&mut text, "Text boxes", &body.text_boxes.join("\n"));
    push_section(&mut text, "Tracked deletions", &body.deletions.join("\n"));
    push_section(&mut text, "Hidden text", &body.hidden.join("\n"));
    out.text = text;

    if !body.comments.is_empty() {
        out.metadata
            .insert("has-comments".into(), body.comments.len().to_string());
    }
    let revisions = body.insertion_count + body.deletion_count;
    if revisions > 0 {
        out.metadata
            .insert("has-tracked-changes".into(), revisions.to_string());
        out.metadata.insert(
            "tracked-insertions".into(),
            body.insertion_count.to_string(),
        );
        out.metadata
            .insert("tracked-deletions".into(), body.deletion_count.to_string());
    }
    if !body.revision_authors.is_empty() {
        let authors: Vec<&str> = body.revision_authors.iter().map(String::as_str).collect();
        out.metadata
            .insert("revision-authors".into(), authors.join(", "));
    }
    if body.hidden_count > 0 {
        out.metadata
            .insert("has-hidden-text".into(), body.hidden_count.to_string());
    }
    if !body.text_boxes.is_empty() {
        out.metadata
            .insert("has-text-boxes".into(), body.text_boxes.len().to_string());
    }
    read_meta(&mut package, &mut out);
    Ok(out)
}

/// What a `dc:creator` / `dc:date` inside an annotation or a change record
/// is being read for.
#[derive(Clone, Copy, PartialEq)]
enum Capture {
    Author,
    Date,
}

#[derive(Default)]
struct OdtWalker {
    /// Reading styles.xml: only page headers and footers carry text.
    page_styles_only: bool,
    flow: TextFlow,
    note: TextFlow,
    annotation: TextFlow,
    text_box: TextFlow,
    page_part: TextFlow,
    footnotes: Vec<String>,
    endnotes: Vec<String>,
    comments: Vec<String>,
    text_boxes: Vec<String>,
    deletions: Vec<String>,
    hidden: Vec<String>,
    headers: Vec<String>,
    footers: Vec<String>,
    revision_authors: BTreeSet<String>,
    hidden_count: usize,
    insertion_count: usize,
    deletion_count: usize,
    tracked_changes_depth: usize,
    deletion_depth: usize,
    deletion_text: String,
    change_author: String,
    change_info_depth: usize,
    note_depth: usize,
    note_is_endnote: bool,
    note_citation: String,
    in_citation: bool,
    annotation_depth: usize,
    annotation_author: String,
    annotation_date: String,
    capture: Option<Capture>,
    text_box_depth: usize,
    page_part_kind: Option<bool>,
    paragraph_depth: usize,
    seen_page_parts: BTreeSet<String>,
}

impl OdtWalker {
    fn target(&mut self) -> Option<&mut TextFlow> {
        if self.tracked_changes_depth > 0 {
            None
        } else if self.annotation_depth > 0 {
            Some(&mut self.annotation)
        } else if self.note_depth > 0 {
            Some(&mut self.note)
        } else if self.text_box_depth > 0 {
            Some(&mut self.text_box)
        } else if self.page_styles_only {
            self.page_part_kind.map(|_| &mut self.page_part)
        } else {
            Some(&mut self.flow)
        }
    }

    fn visit(&mut self, ev: XmlEvent<'_, '_>) {
        match ev {
            XmlEvent::Start(e) => self.start(local_name(e), e),
            XmlEvent::End(name) => self.end(name),
            XmlEvent::Text(t) => {
                // Outside paragraphs XML whitespace is layout, not text; inside
                // them ODF collapses runs of white space to one space.
                if self.paragraph_depth > 0 || self.capture.is_some() {
                    self.text(&collapse_white_space(t));
                }
            }
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(capture) = self.capture {
            let field = match (
                capture,
                self.annotation_depth > 0 && self.change_info_depth == 0,
            ) {
                (Capture::Author, true) => &mut self.annotation_author,
                (Capture::Date, true) => &mut self.annotation_date,
                (Capture::Author, false) => &mut self.change_author,
                (Capture::Date, false) => return,
            };
            field.push_str(t);
        } else if self.in_citation {
            self.note_citation.push_str(t);
        } else if self.deletion_depth > 0 {
            if self.change_info_depth == 0 {
                self.deletion_text.push_str(t);
            }
        } else if let Some(flow) = self.target() {
            flow.text(t);
        }
    }

    fn start(&mut self, name: &str, e: &BytesStart<'_>) {
        if matches!(name, "p" | "h") {
            self.paragraph_depth += 1;
        }
        match name {
            "tab" => self.text("\t"),
            "s" => {
                let count = attr(e, "c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1);
                self.text(&" ".repeat(count.clamp(1, MAX_SPACE_RUN)));
            }
            "line-break" => {
                if let Some(flow) = self.target() {
                    flow.line_break();
                }
            }
            "table" => {
                if let Some(flow) = self.target() {
                    flow.table_start();
                }
            }
            "tracked-changes" => self.tracked_changes_depth += 1,
            "insertion" if self.tracked_changes_depth > 0 => self.insertion_count += 1,
            "deletion" if self.tracked_changes_depth > 0 => {
                self.deletion_count += 1;
                self.deletion_depth += 1;
                self.deletion_text.clear();
                self.change_author.clear();
            }
            "change-info" => {
                self.change_info_depth += 1;
                self.change_author.clear();
            }
            "creator" if self.change_info_depth > 0 || self.annotation_depth > 0 => {
                self.capture = Some(Capture::Author);
            }
            "date" if self.change_info_depth > 0 || self.annotation_depth > 0 => {
                self.capture = Some(Capture::Date);
            }
            "note" => {
                self.note_depth += 1;
                if self.note_depth == 1 {
                    self.note = TextFlow::default();
                    self.note_citation.clear();
                    self.note_is_endnote = attr(e, "note-class").as_deref() == Some("endnote");
                }
            }
            "note-citation" => self.in_citation = true,
            "annotation" => {
                self.annotation_depth += 1;
                if self.annotation_depth == 1 {
                    self.annotation = TextFlow::default();
                    self.annotation_author.clear();
                    self.annotation_date.clear();
                }
            }
            "text-box" => self.text_box_depth += 1,
            "hidden-text" | "hidden-paragraph" => {
                self.hidden_count += 1;
                if let Some(value) = attr(e, "string-value").filter(|v| !v.trim().is_empty()) {
                    self.hidden.push(value.trim().to_string());
                }
            }
            "section" | "span" | "p" | "h" if attr(e, "display").as_deref() == Some("none") => {
                self.hidden_count += 1;
            }
            "header" | "header-left" | "header-first" if self.page_styles_only => {
                self.page_part = TextFlow::default();
                self.page_part_kind = Some(true);
            }
            "footer" | "footer-left" | "footer-first" if self.page_styles_only => {
                self.page_part = TextFlow::default();
                self.page_part_kind = Some(false);
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" | "h" => {
                self.paragraph_depth = self.paragraph_depth.saturating_sub(1);
                if self.deletion_depth > 0 {
                    if self.change_info_depth == 0 && !self.deletion_text.ends_with(' ') {
                        self.deletion_text.push(' ');
                    }
                } else if let Some(flow) = self.target() {
                    flow.paragraph_end();
                }
            }
            "table-cell" | "covered-table-cell" => {
                if let Some(flow) = self.target() {
                    flow.cell_end();
                }
            }
            "table-row" => {
                if let Some(flow) = self.target() {
                    flow.row_end();
                }
            }
            "table" => {
                if let Some(flow) = self.target() {
                    flow.table_end();
                }
            }
            "tracked-changes" => {
                self.tracked_changes_depth = self.tracked_changes_depth.saturating_sub(1)
            }
            "deletion" if self.deletion_depth > 0 => {
                self.deletion_depth -= 1;
                let text = self.deletion_text.trim();
                let author = self.change_author.trim();
                if !text.is_empty() {
                    self.deletions.push(if author.is_empty() {
                        text.to_string()
                    } else {
                        format!("{author}: {text}")
                    });
                }
                self.deletion_text.clear();
            }
            "change-info" => {
                self.change_info_depth = self.change_info_depth.saturating_sub(1);
                let author = self.change_author.trim();
                if !author.is_empty() {
                    self.revision_authors.insert(author.to_string());
                }
            }
            "creator" | "date" => self.capture = None,
            "note-citation" => self.in_citation = false,
            "note" if self.note_depth > 0 => {
                self.note_depth -= 1;
                if self.note_depth == 0 {
                    let body = std::mem::take(&mut self.note).finish();
                    if !body.is_empty() {
                        let line = format!("[{}] {body}", self.note_citation.trim());
                        if self.note_is_endnote {
                            self.endnotes.push(line);
                        } else {
                            self.footnotes.push(line);
                        }
                    }
                }
            }
            "annotation" if self.annotation_depth > 0 => {
                self.annotation_depth -= 1;
                if self.annotation_depth == 0 {
                    let body = std::mem::take(&mut self.annotation).finish();
                    let author = match self.annotation_author.trim() {
                        "" => "unknown author",
                        a => a,
                    };
                    let line = match self.annotation_date.trim() {
                        "" => format!("{author}: {body}"),
                        date => format!("{author} ({date}): {body}"),
                    };
                    self.comments.push(line);
                }
            }
            "text-box" if self.text_box_depth > 0 => {
                self.text_box_depth -= 1;
                if self.text_box_depth == 0 {
                    let body = std::mem::take(&mut self.text_box).finish();
                    if !body.is_empty() {
                        self.text_boxes.push(body);
                    }
                }
            }
            "header" | "header-left" | "header-first" | "footer" | "footer-left"
            | "footer-first"
                if self.page_styles_only =>
            {
                let is_header = self.page_part_kind.take().unwrap_or(true);
                let body = std::mem::take(&mut self.page_part).finish();
                if !body.is_empty() && self.seen_page_parts.insert(body.clone()) {
                    if is_header {
                        self.headers.push(body);
                    } else {
                        self.footers.push(body);
                    }
                }
            }
            _ => {}
        }
    }
}

fn collapse_white_space(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut last_space = false;
    for c in t.chars() {
        if matches!(c, ' ' | '\n' | '\r' | '\t') {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

/// `meta.xml`: creator, last editor, title, dates, user-defined fields.
fn read_meta(package: &mut Package<'_>, out: &mut Extracted) {
    let fields = property_fields(package, "meta.xml", out, |e| match local_name(e) {
        "user-defined" => attr(e, "name").map(|n| format!("custom:{n}")),
        other => Some(other.to_string()),
    });
    for (name, value) in fields {
        let value = value.trim();
        let key = match name.as_str() {
            "initial-creator" => "author",
            "creator" => "last-modified-by",
            "title" => "title",
            "subject" => "subject",
            "description" => "description",
            "keyword" => "keywords",
            "generator" => "application",
            "creation-date" => {
                let date = insert_date(out, "created", value);
                out.date = out.date.or(date);
                continue;
            }
            "date" => {
                if let Some(date) = insert_date(out, "modified", value) {
                    out.date = Some(date);
                }
                continue;
            }
            "print-date" => {
                insert_date(out, "last-printed", value);
                continue;
            }
            custom if custom.starts_with("custom:") => custom,
            _ => continue,
        };
        if !value.is_empty() {
            out.metadata
                .entry(key.to_string())
                .or_insert_with(|| value.to_string());
        }
    }
}

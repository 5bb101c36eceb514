//! Zip packages (OOXML and OpenDocument) and the pieces their readers share:
//! bounded reads of named parts, a forgiving XML event walker, a text writer
//! that knows paragraphs and table cells, and date parsing.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::{text, Child, ExtractError, Extracted, Limits};

/// Deepest element nesting the walker follows before giving up on a part.
const MAX_XML_DEPTH: usize = 4_096;

/// An opened zip package whose parts are read within the [`Limits`].
pub(crate) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    limits: &'a Limits,
    bytes_read: u64,
}

impl<'a> Package<'a> {
    /// Opens `data` as a zip; `kind` names the format in the error message.
    pub(crate) fn open(
        data: &'a [u8],
        limits: &'a Limits,
        kind: &str,
    ) -> Result<Self, ExtractError> {
        let zip = zip::ZipArchive::new(Cursor::new(data)).map_err(|e| {
            ExtractError::Corrupt(format!("{kind} file is not a readable zip package: {e}"))
        })?;
        let names = zip
            .file_names_raw()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        Ok(Package {
            zip,
            names,
            limits,
            bytes_read: 0,
        })
    }

    /// Part names in archive order.
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Reads one part; the error is a plain-English reason fit for a warning.
    pub(crate) fn read(&mut self, name: &str) -> Result<Vec<u8>, String> {
        let index = self
            .names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| format!("part '{name}' is missing"))?;
        let limits = self.limits;
        let mut entry = self
            .zip
            .by_index(index)
            .map_err(|e| format!("part '{name}' is unreadable: {e}"))?;
        if entry.encrypted() {
            return Err(format!("part '{name}' is encrypted"));
        }
        let declared = entry.size();
        let budget = limits.max_child_bytes.min(
            limits
                .max_children_total_bytes
                .saturating_sub(self.bytes_read),
        );
        if declared > budget {
            return Err(format!(
                "part '{name}' is too large ({declared} bytes) and was not read"
            ));
        }
        let compressed = entry.compressed_size().max(1);
        if declared > (1 << 20) && declared / compressed > limits.max_ratio {
            return Err(format!(
                "part '{name}' expands {}x (zip bomb?) and was not read",
                declared / compressed
            ));
        }
        let mut bytes = Vec::with_capacity(declared as usize);
        entry
            .by_ref()
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("part '{name}' is corrupt: {e}"))?;
        self.bytes_read += bytes.len() as u64;
        if bytes.len() as u64 > budget {
            return Err(format!(
                "part '{name}' expands past the size limits and was not read"
            ));
        }
        Ok(bytes)
    }

    /// Reads a part as text (UTF-8, or UTF-16 with a byte-order mark).
    pub(crate) fn read_text(&mut self, name: &str) -> Result<String, String> {
        self.read(name).map(|bytes| text::decode(&bytes).0)
    }

    /// Reads the parts whose names start with `prefix` as child files, named
    /// by the rest of their path.
    pub(crate) fn children_under(&mut self, prefix: &str, out: &mut Extracted) {
        let wanted: Vec<String> = self
            .names
            .iter()
            .filter(|n| n.starts_with(prefix) && !n.ends_with('/'))
            .cloned()
            .collect();
        for name in wanted {
            if out.children.len() >= self.limits.max_children {
                out.warnings.push(format!(
                    "more than {} embedded files; the rest were not read",
                    self.limits.max_children
                ));
                break;
            }
            match self.read(&name) {
                Ok(data) => out.children.push(Child {
                    name: name[prefix.len()..].to_string(),
                    data,
                }),
                Err(e) => out.warnings.push(e),
            }
        }
    }
}

/// One step of [`walk`].
pub(crate) enum XmlEvent<'e, 'x> {
    Start(&'e BytesStart<'x>),
    End(&'e str),
    Text(&'e str),
}

/// Streams the elements and text of `xml` to `visit`, with entities
/// resolved and empty elements reported as a start and an end. Errors stop
/// the walk; what was visited before stays visited.
pub(crate) fn walk(xml: &str, mut visit: impl FnMut(XmlEvent<'_, '_>)) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error near byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(format!("XML nested deeper than {MAX_XML_DEPTH} elements"));
                }
                visit(XmlEvent::Start(&e));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                visit(XmlEvent::End(e.local_name().as_ref()));
            }
            Event::Text(t) => visit(XmlEvent::Text(&t.xml10_content())),
            Event::CData(t) => visit(XmlEvent::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                if let Some(s) = resolve_entity(&r) {
                    visit(XmlEvent::Text(&s));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn resolve_entity(r: &BytesRef<'_>) -> Option<Cow<'static, str>> {
    if r.is_char_ref() {
        return r
            .resolve_char_ref()
            .ok()
            .flatten()
            .map(|c| Cow::Owned(c.to_string()));
    }
    let s = match r.xml10_content().as_ref() {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    };
    Some(Cow::Borrowed(s))
}

/// Local name (no namespace prefix) of an element.
pub(crate) fn local_name<'x>(e: &'x BytesStart<'_>) -> &'x str {
    let name = e.name().0;
    name.rsplit(':').next().unwrap_or(name)
}

/// Value of the attribute with local name `name`, entities resolved.
pub(crate) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        let key = a.key.0;
        let local = key.rsplit(':').next().unwrap_or(key);
        if local == name {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        } else {
            None
        }
    })
}

/// Builds running text with paragraphs as lines and table cells separated
/// by tabs (a paragraph inside a cell becomes a space).
#[derive(Default)]
pub(crate) struct TextFlow {
    pub(crate) out: String,
    table_depth: usize,
}

impl TextFlow {
    pub(crate) fn text(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(crate) fn paragraph_end(&mut self) {
        if self.table_depth > 0 {
            if !self.out.is_empty() && !self.out.ends_with([' ', '\t', '\n']) {
                self.out.push(' ');
            }
        } else {
            self.out.push('\n');
        }
    }

    pub(crate) fn line_break(&mut self) {
        if self.table_depth > 0 {
            self.out.push(' ');
        } else {
            self.out.push('\n');
        }
    }

    pub(crate) fn table_start(&mut self) {
        if self.table_depth == 0 && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.table_depth += 1;
    }

    pub(crate) fn table_end(&mut self) {
        self.table_depth = self.table_depth.saturating_sub(1);
    }

    pub(crate) fn cell_end(&mut self) {
        self.trim_end_spaces();
        self.out.push(if self.table_depth > 1 { ' ' } else { '\t' });
    }

    pub(crate) fn row_end(&mut self) {
        while self.out.ends_with(['\t', ' ']) {
            self.out.pop();
        }
        self.out.push(if self.table_depth > 1 { ' ' } else { '\n' });
    }

    fn trim_end_spaces(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
    }

    /// The finished text, blank lines at the ends removed.
    pub(crate) fn finish(self) -> String {
        self.out.trim_matches(['\n', ' ']).to_string()
    }
}

/// Appends a titled section ("\n\n[Title]\n...") when `body` has text.
pub(crate) fn push_section(out: &mut String, title: &str, body: &str) {
    let body = body.trim_matches(['\n', ' ']);
    if body.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push('[');
    out.push_str(title);
    out.push_str("]\n");
    out.push_str(body);
}

/// Parses the ISO 8601 dates of document properties; dates without a zone
/// are taken as UTC.
pub(crate) fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, format) {
            return Some(d.and_utc());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

/// Stores a date property as ISO 8601 (UTC) when it parses, as found if not.
pub(crate) fn insert_date(out: &mut Extracted, key: &str, raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = parse_date(raw);
    let value = parsed.map_or_else(
        || raw.to_string(),
        |d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    );
    out.metadata.insert(key.to_string(), value);
    parsed
}

/// The elements of a document-properties part (`docProps/core.xml`,
/// `meta.xml`) as (name, text) pairs in document order, each element
/// named by `name_of` (`None` skips it). A part that is absent gives none;
/// one that cannot be read gives none and a warning.
pub(crate) fn property_fields(
    package: &mut Package<'_>,
    part: &str,
    out: &mut Extracted,
    name_of: impl Fn(&BytesStart<'_>) -> Option<String>,
) -> Vec<(String, String)> {
    if !package.has(part) {
        return Vec::new();
    }
    let xml = match package.read_text(part) {
        Ok(xml) => xml,
        Err(e) => {
            out.warnings.push(e);
            return Vec::new();
        }
    };
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut current: Option<String> = None;
    let _ = walk(&xml, |ev| match ev {
        XmlEvent::Start(e) => current = name_of(e),
        XmlEvent::Text(t) => {
            if let Some(name) = &current {
                match fields.last_mut() {
                    Some((n, v)) if n == name => v.push_str(t),
                    _ => fields.push((name.clone(), t.to_string())),
                }
            }
        }
        XmlEvent::End(_) => current = None,
    });
    fields
}

/// Sorts part names like `header10.xml` after `header2.xml`.
pub(crate) fn natural_key(name: &str) -> (String, u64) {
    let stem = name.trim_end_matches(".xml");
    let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let number = stem[stem.len() - digits..].parse().unwrap_or(0);
    (stem[..stem.len() - digits].to_string(), number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walker_resolves_entities_and_survives_bad_xml() {
        let mut text = String::new();
        let result = walk("<a>x &amp; y &#163;<b/>z &bogus;</a>", |ev| {
            if let XmlEvent::Text(t) = ev {
                text.push_str(t);
            }
        });
        assert!(result.is_ok());
        assert_eq!(text, "x & y £z ");
        let mut seen = 0;
        assert!(walk("<a><b>text</a", |_| seen += 1).is_err() || seen > 0);
        let deep = "<a>".repeat(10_000);
        assert!(walk(&deep, |_| {}).is_err());
    }

    #[test]
    fn dates_become_utc() {
        assert_eq!(
            parse_date("2024-03-01T10:00:00+01:00").map(|d| d.to_rfc3339()),
            Some("2024-03-01T09:00:00+00:00".to_string())
        );
        assert!(parse_date("2024-03-01T10:00:00.123").is_some());
        assert!(parse_date("yesterday").is_none());
    }
}

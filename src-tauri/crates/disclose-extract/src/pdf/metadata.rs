//! Document metadata: the information dictionary, then the XMP packet of
//! the catalog. XMP fills what the dictionary lacks; an XMP value that
//! disagrees with the dictionary is kept too (as `xmp-<key>`), since a
//! stale author in either place is still something a recipient can read.

use chrono::{DateTime, NaiveDate, Utc};
use hayro_interpret::hayro_syntax::object::{DateTime as PdfDate, Dict, Stream};
use hayro_interpret::hayro_syntax::Pdf;

use crate::office::package::{attr, local_name, parse_date, walk, XmlEvent};
use crate::Extracted;

/// XMP packets larger than this are not read.
const MAX_XMP_BYTES: usize = 4 << 20;

/// XMP properties and the metadata key each one feeds.
const XMP_KEYS: &[(&str, &str)] = &[
    ("title", "title"),
    ("creator", "author"),
    ("description", "subject"),
    ("Keywords", "keywords"),
    ("CreatorTool", "creator"),
    ("Producer", "producer"),
    ("CreateDate", "created"),
    ("ModifyDate", "modified"),
];

pub(super) fn read(pdf: &Pdf, catalog: Option<&Dict<'_>>, out: &mut Extracted) {
    let info = pdf.metadata();
    for (key, value) in [
        ("title", &info.title),
        ("author", &info.author),
        ("subject", &info.subject),
        ("keywords", &info.keywords),
        ("creator", &info.creator),
        ("producer", &info.producer),
    ] {
        if let Some(text) = value
            .as_deref()
            .map(pdf_string)
            .filter(|s| !s.trim().is_empty())
        {
            out.metadata.insert(key.into(), text);
        }
    }
    let mut created = info.creation_date.as_ref().and_then(to_utc);
    let mut modified = info.modification_date.as_ref().and_then(to_utc);

    if let Some(xmp) = catalog.and_then(xmp_packet) {
        for (key, value) in read_xmp(&xmp) {
            let date_slot = match key {
                "created" => Some(&mut created),
                "modified" => Some(&mut modified),
                _ => None,
            };
            match date_slot {
                Some(slot) => match parse_date(&value) {
                    Some(date) if slot.is_none() => *slot = Some(date),
                    Some(date) if *slot != Some(date) => {
                        out.metadata.insert(format!("xmp-{key}"), iso(date));
                    }
                    Some(_) => {}
                    None => {
                        out.metadata.insert(format!("xmp-{key}"), value);
                    }
                },
                None => match out.metadata.get(key) {
                    None => {
                        out.metadata.insert(key.to_string(), value);
                    }
                    Some(existing) if existing.trim() != value.trim() => {
                        out.metadata.insert(format!("xmp-{key}"), value);
                    }
                    Some(_) => {}
                },
            }
        }
    }
    if let Some(date) = created {
        out.metadata.insert("created".into(), iso(date));
    }
    if let Some(date) = modified {
        out.metadata.insert("modified".into(), iso(date));
    }
    out.date = modified.or(created);
}

fn iso(date: DateTime<Utc>) -> String {
    date.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A `D:YYYYMMDDHHmmSS+HH'mm'` date as UTC. The parser keeps the sign of
/// the offset on its hours only, so `-00'30'` reads as +00:30.
fn to_utc(date: &PdfDate) -> Option<DateTime<Utc>> {
    let local = NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)?
        .and_hms_opt(date.hour as u32, date.minute as u32, date.second as u32)?;
    let hours = date.utc_offset_hour as i64;
    let minutes = date.utc_offset_minute.min(59) as i64;
    let offset = if hours < 0 {
        hours * 60 - minutes
    } else {
        hours * 60 + minutes
    };
    Some((local - chrono::Duration::minutes(offset)).and_utc())
}

/// PDF text strings are UTF-16BE with a byte-order mark, UTF-8 with one
/// (PDF 2.0), or PDFDocEncoding (close enough to Latin-1 for metadata).
pub(super) fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    bytes.iter().map(|&b| b as char).collect()
}

fn xmp_packet(catalog: &Dict<'_>) -> Option<String> {
    let stream = catalog.get::<Stream<'_>>(b"Metadata")?;
    let data = stream.decoded().ok()?;
    if data.len() > MAX_XMP_BYTES {
        return None;
    }
    Some(String::from_utf8_lossy(&data).into_owned())
}

/// The document properties of an XMP packet, as (metadata key, value).
/// Properties may be elements (with `rdf:Alt`/`rdf:Seq` lists inside) or
/// attributes of `rdf:Description`; list items are joined with "; ".
fn read_xmp(xml: &str) -> Vec<(&'static str, String)> {
    let mut found: Vec<(&'static str, String)> = Vec::new();
    let mut current: Option<(&'static str, Vec<String>)> = None;
    let mut text = String::new();
    let key_of = |name: &str| {
        XMP_KEYS
            .iter()
            .find(|(property, _)| *property == name)
            .map(|&(_, key)| key)
    };
    let _ = walk(xml, |event| match event {
        XmlEvent::Start(e) => {
            let name = local_name(e);
            if name == "Description" {
                for (property, key) in XMP_KEYS {
                    if let Some(value) = attr(e, property).filter(|v| !v.trim().is_empty()) {
                        found.push((key, value.trim().to_string()));
                    }
                }
            } else if current.is_none() {
                if let Some(key) = key_of(name) {
                    current = Some((key, Vec::new()));
                }
            }
            text.clear();
        }
        XmlEvent::Text(t) => text.push_str(t),
        XmlEvent::End(name) => {
            let Some((key, items)) = &mut current else {
                return;
            };
            let value = text.trim();
            if !value.is_empty() && !items.iter().any(|i| i == value) {
                items.push(value.to_string());
            }
            text.clear();
            if key_of(name) == Some(*key) {
                let (key, items) = current.take().unwrap_or_default();
                if !items.is_empty() {
                    found.push((key, items.join("; ")));
                }
            }
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_elements_lists_and_attributes() {
        let xmp = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2025-01-02T03:04:05+01:00" xmp:CreatorTool="Writer"/>
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">
 <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Tenancy &amp; rent</rdf:li></rdf:Alt></dc:title>
 <dc:creator><rdf:Seq><rdf:li>Ann Lee</rdf:li><rdf:li>Bo Chan</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let found = read_xmp(xmp);
        assert!(found.contains(&("created", "2025-01-02T03:04:05+01:00".into())));
        assert!(found.contains(&("creator", "Writer".into())));
        assert!(found.contains(&("title", "Tenancy & rent".into())));
        assert!(found.contains(&("author", "Ann Lee; Bo Chan".into())));
    }

    #[test]
    fn info_dates_with_offsets_become_utc() {
        let date = PdfDate {
            year: 2026,
            month: 3,
            day: 2,
            hour: 10,
            minute: 15,
            second: 0,
            utc_offset_hour: -5,
            utc_offset_minute: 30,
        };
        assert_eq!(iso(to_utc(&date).unwrap()), "2026-03-02T15:45:00Z");
    }

    #[test]
    fn text_strings() {
        assert_eq!(pdf_string(b"\xFE\xFF\x00A\x00\xE9"), "Aé");
        assert_eq!(pdf_string(b"\xEF\xBB\xBFcaf\xC3\xA9"), "café");
        assert_eq!(pdf_string(b"caf\xE9"), "café");
    }
}

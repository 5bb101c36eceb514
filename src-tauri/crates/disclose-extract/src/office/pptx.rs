//! PowerPoint presentations (PPTX): the text of every slide in order, then
//! speaker notes and comments, which a recipient of the file can read too;
//! document properties; embedded files as children.

use super::docx::{read_app_properties, read_core_properties};
use super::package::{local_name, natural_key, push_section, walk, Package, XmlEvent};
use crate::{ExtractError, Extracted, Limits};

pub fn extract_pptx(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let mut package = Package::open(data, limits, "PowerPoint")?;
    let mut out = Extracted::default();
    let slides = parts(&package, "ppt/slides/slide");
    if slides.is_empty() {
        return Err(ExtractError::Corrupt(
            "PowerPoint file has no slides".into(),
        ));
    }
    let mut text = String::new();
    for (index, name) in slides.iter().enumerate() {
        let body = paragraphs(&mut package, name, &mut out);
        push_section(&mut text, &format!("Slide {}", index + 1), &body);
    }
    let notes: Vec<String> = parts(&package, "ppt/notesSlides/notesSlide")
        .iter()
        .map(|name| paragraphs(&mut package, name, &mut out))
        .collect();
    push_section(&mut text, "Speaker notes", &notes.join("\n"));
    let comments: Vec<String> = parts(&package, "ppt/comments/")
        .iter()
        .map(|name| paragraphs(&mut package, name, &mut out))
        .collect();
    push_section(&mut text, "Comments", &comments.join("\n"));
    out.text = text;
    out.metadata
        .insert("slides".into(), slides.len().to_string());
    read_core_properties(&mut package, &mut out);
    read_app_properties(&mut package, &mut out);
    package.children_under("ppt/embeddings/", &mut out);
    Ok(out)
}

/// XML parts under `prefix`, in slide order (slide2 before slide10).
fn parts(package: &Package, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = package
        .names()
        .iter()
        .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
        .cloned()
        .collect();
    names.sort_by_key(|n| natural_key(n));
    names
}

/// The text of a part, a line per paragraph (`a:p`, or `p:text` in comments).
fn paragraphs(package: &mut Package, name: &str, out: &mut Extracted) -> String {
    let xml = match package.read_text(name) {
        Ok(xml) => xml,
        Err(e) => {
            out.warnings.push(e);
            return String::new();
        }
    };
    let mut text = String::new();
    let mut in_text = false;
    let result = walk(&xml, |event| match event {
        XmlEvent::Start(e) => in_text = matches!(local_name(e), "t" | "text"),
        XmlEvent::Text(t) if in_text => text.push_str(t),
        XmlEvent::End(name) => {
            in_text = false;
            if matches!(name, "p" | "text") && !text.ends_with('\n') {
                text.push('\n');
            }
        }
        _ => {}
    });
    if let Err(e) = result {
        out.warnings.push(format!("{name}: {e}"));
    }
    text
}

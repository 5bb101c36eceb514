//! PDF: the text layer of every page, with the box of every word, read by
//! interpreting each page's content with `hayro-interpret` (so CID fonts,
//! form XObjects and invisible OCR text are read as a viewer would) into a
//! device that records glyphs instead of drawing them. Glyphs become text
//! in content order, with spaces at gaps and line breaks where the
//! baseline moves (see [`layout`]). Pages are separated by a blank line.
//!
//! Word boxes and page sizes are in points of the page *as displayed*: the
//! crop box, turned by the page's `/Rotate`, with the origin at its
//! top-left corner and y growing downwards.
//!
//! Known gaps: text inside optional-content layers that are switched off
//! is skipped by the interpreter, so such files get a warning instead; a
//! page whose content expands to absurd sizes is cut short with a warning.

pub mod assemble;
mod layout;
mod metadata;
#[cfg(test)]
mod tests;

use std::panic::{catch_unwind, AssertUnwindSafe};

use hayro_interpret::hayro_syntax::object::Dict;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::kurbo::Rect;
use hayro_interpret::util::TransformExt;
use hayro_interpret::{interpret_page, Context, InterpreterCache, InterpreterSettings};

use super::{ExtractError, Extracted, Limits, Page};
use layout::{lay_out, GlyphRecorder, PageCut};

/// Most drawing operations interpreted on one page, when reading its text
/// and when drawing it, so a page of millions of paths, or of form
/// XObjects that draw each other many times over, ends. A few thousand is
/// usual; a detailed map a few hundred thousand.
pub const MAX_DRAW_CALLS: usize = 1_000_000;

/// Interprets one page as displayed (crop box, `/Rotate`) into `device`.
/// A panic — the interpreter failing, or a device stopping the page past a
/// cap — is caught and returned as its payload.
pub fn interpret_into<'a>(
    page: &hayro_interpret::hayro_syntax::page::Page<'a>,
    cache: &InterpreterCache<'a>,
    settings: &InterpreterSettings,
    device: &mut impl hayro_interpret::Device<'a>,
) -> std::thread::Result<()> {
    let (width, height) = page.render_dimensions();
    catch_unwind(AssertUnwindSafe(|| {
        let mut context = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, width as f64, height as f64),
            cache,
            page.xref(),
            settings.clone(),
        );
        interpret_page(page, &mut context, device);
    }))
}

/// Separates the text of one page from the next.
const PAGE_BREAK: &str = "\n\n";

pub fn extract_pdf(data: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    if !data.starts_with(b"%PDF") && !contains(&data[..data.len().min(1024)], b"%PDF-") {
        return Err(ExtractError::Corrupt("no PDF header".into()));
    }
    let pdf = catch_unwind(|| Pdf::new(data.to_vec()))
        .map_err(|_| ExtractError::Corrupt("the PDF's structure could not be parsed".into()))?
        .map_err(|e| match e {
            LoadPdfError::Decryption(_) => ExtractError::Encrypted("password-protected PDF".into()),
            LoadPdfError::Invalid => {
                ExtractError::Corrupt("not a readable PDF (damaged or truncated)".into())
            }
        })?;
    let mut out = Extracted::default();
    if !contains(&data[data.len().saturating_sub(1024)..], b"%%EOF") {
        out.warnings.push(
            "the file looks truncated (no end-of-file marker); some content may be missing".into(),
        );
    }
    if has_encrypt_entry(data) {
        out.warnings
            .push("encrypted with an empty password (opened without one)".into());
    }
    let catalog = pdf.xref().get::<Dict<'_>>(pdf.xref().root_id());
    if catalog.as_ref().is_some_and(has_hidden_layers) {
        out.warnings
            .push("has optional-content layers switched off; text in them may be missing".into());
    }
    // Metadata is best effort: a broken info dictionary must not lose the text.
    if catch_unwind(AssertUnwindSafe(|| {
        metadata::read(&pdf, catalog.as_ref(), &mut out)
    }))
    .is_err()
    {
        out.warnings
            .push("document metadata could not be read".into());
    }

    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(ExtractError::Corrupt(
            "the PDF has no readable pages".into(),
        ));
    }
    out.metadata.insert("pages".into(), pages.len().to_string());
    if pages.len() > limits.max_pages {
        out.warnings.push(format!(
            "only the first {} of {} pages were read",
            limits.max_pages,
            pages.len()
        ));
    }
    let settings = InterpreterSettings::default();
    let cache = InterpreterCache::new();
    let mut textless = Vec::new();
    let mut failed = Vec::new();
    let mut undecodable = 0usize;
    let mut ink = layout::InkBoxes::default();
    for (index, page) in pages.iter().take(limits.max_pages).enumerate() {
        let number = index as u32 + 1;
        let (width, height) = page.render_dimensions();
        let mut recorder = GlyphRecorder::with_ink(std::mem::take(&mut ink));
        let interpreted = interpret_into(page, &cache, &settings, &mut recorder);
        ink = std::mem::take(&mut recorder.ink);
        match interpreted {
            Ok(()) => {}
            Err(payload) => match payload.downcast_ref::<PageCut>() {
                Some(cut) => out.warnings.push(format!(
                    "page {number}: {cut}; the rest of the page was not read"
                )),
                None => {
                    failed.push(number);
                    continue;
                }
            },
        }
        undecodable += recorder.undecodable;
        if !out.text.is_empty() {
            out.text.push_str(PAGE_BREAK);
        }
        let words = lay_out(&recorder.glyphs, &mut out.text);
        if words.is_empty() {
            textless.push(number);
        }
        out.pages.push(Page {
            number,
            width,
            height,
            words,
        });
        if out.text.len() > limits.max_text_bytes {
            out.warnings.push(format!("text cut after page {number}"));
            break;
        }
    }
    if out.pages.is_empty() {
        return Err(ExtractError::Corrupt(
            "none of the PDF's pages could be read".into(),
        ));
    }
    if !failed.is_empty() {
        out.warnings.push(format!(
            "page(s) {} could not be read (damaged content)",
            ranges(&failed)
        ));
    }
    if !textless.is_empty() {
        out.metadata
            .insert("pages-without-text".into(), ranges(&textless));
        out.warnings.push(format!(
            "no text layer on page(s) {} (scanned?)",
            ranges(&textless)
        ));
    }
    if undecodable > 0 {
        out.warnings.push(format!(
            "{undecodable} characters could not be decoded (font without a Unicode map)"
        ));
    }
    Ok(out)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether a trailer names an `/Encrypt` dictionary (`/Encrypt 12 0 R` or
/// `/Encrypt <<`), as opposed to the word turning up in some text.
fn has_encrypt_entry(data: &[u8]) -> bool {
    const KEY: &[u8] = b"/Encrypt";
    let mut from = 0;
    while let Some(at) = data[from..]
        .windows(KEY.len())
        .position(|w| w == KEY)
        .map(|p| from + p)
    {
        from = at + KEY.len();
        let rest = &data[from..];
        let value = rest.trim_ascii_start();
        // `/EncryptMetadata` and friends continue with a letter.
        if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        if value.first().is_some_and(u8::is_ascii_digit) || value.starts_with(b"<<") {
            return true;
        }
    }
    false
}

/// Whether the document's default view hides some optional content.
fn has_hidden_layers(catalog: &Dict<'_>) -> bool {
    let Some(config) = catalog
        .get::<Dict<'_>>(b"OCProperties")
        .and_then(|p| p.get::<Dict<'_>>(b"D"))
    else {
        return false;
    };
    let off = config
        .get::<hayro_interpret::hayro_syntax::object::Array<'_>>(b"OFF")
        .is_some_and(|a| a.raw_iter().next().is_some());
    let base_off = config
        .get::<hayro_interpret::hayro_syntax::object::Name<'_>>(b"BaseState")
        .is_some_and(|n| n.as_ref() == b"OFF");
    off || base_off
}

/// 1, 2, 3, 5 → "1-3, 5"
fn ranges(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut iter = numbers.iter().copied();
    let Some(mut start) = iter.next() else {
        return String::new();
    };
    let mut prev = start;
    let mut push = |start: u32, end: u32| {
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        })
    };
    for n in iter {
        if n != prev + 1 {
            push(start, prev);
            start = n;
        }
        prev = n;
    }
    push(start, prev);
    parts.join(", ")
}

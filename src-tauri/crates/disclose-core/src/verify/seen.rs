//! What the pixels of produced files show, for the leak check:
//!
//! - Tesseract's reading of each drawn page is kept in the case folder
//!   (`ocr-cache/`, wiped with the case) under the SHA-256 of the page's
//!   pixels, so a page drawn the same again is not read again. The key is
//!   the very image Tesseract would read, so a changed page is always
//!   read afresh.
//! - A page whose pixels are all one shade has nothing to read and is not
//!   given to Tesseract.
//! - The pages of one file are read in parallel batches (and the check
//!   reads files side by side, one per core).
//!
//! - When the case has no redacted strings, nothing Tesseract could read
//!   would be a finding (its words are only searched for those), so pages
//!   are not given to it; and when a file has no boxes to check either,
//!   its pages are drawn whole in the worker (every drawing operation run
//!   and every picture decoded, at a small scale: no pixel of it is looked
//!   at) but their pixels are not sent back. Pixels that are sent come
//!   grey, made so in the worker.
//!
//! - In a file Disclose wrote itself (a rendition, the letter, the
//!   schedule), a page that draws nothing but text and level or upright
//!   lines in plain colours (`Drawn::plain`: no picture, pattern, curve or
//!   Type 3 glyph) is not given to Tesseract: every word it shows was
//!   written by Disclose into its text layer, which the check reads with
//!   two readers (the file's extraction and `pdftotext`). A page with any
//!   picture on it — a rebuilt PDF's page, an image — is read.
//!
//! Nothing else is skipped: every page of every PDF and image is still
//! drawn, read (or found in the cache) and checked for its black boxes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::recipient::{self, Drawn};
use crate::isolate::{Isolation, Slot};
use crate::marks::PageBox;

/// What one page showed.
pub struct PageSeen {
    pub number: u32,
    /// The words Tesseract read, or why it could not.
    pub text: Result<String, String>,
    /// The redacted boxes on the page that are not solid black, with the
    /// redacted text under each.
    pub not_black: Vec<([f32; 4], String)>,
}

/// What the pixels of one file showed, or why they could not be drawn
/// (after the pages that could).
#[derive(Default)]
pub struct Seen {
    pub pages: Vec<PageSeen>,
    pub error: Option<String>,
}

/// Tesseract's readings by page, in memory and in the case folder.
pub struct OcrCache {
    dir: Option<PathBuf>,
    tmp: PathBuf,
    memory: Mutex<HashMap<String, String>>,
    /// Whether anything is looked for in the words read.
    wanted: bool,
}

impl OcrCache {
    /// A cache kept in `dir` (created when first written), or only in
    /// memory; `tmp` is where Tesseract is given the page (the case's `tmp/`).
    pub fn new(dir: Option<PathBuf>, tmp: PathBuf) -> OcrCache {
        OcrCache {
            dir,
            tmp,
            memory: Mutex::new(HashMap::new()),
            wanted: true,
        }
    }

    /// The same, reading no page when nothing is looked for in the words
    /// (the case has no redacted strings).
    pub fn looking_for_words(mut self, wanted: bool) -> OcrCache {
        self.wanted = wanted;
        self
    }

    /// The words on `page`, from the cache or read by Tesseract.
    pub fn read(&self, page: &Drawn) -> Result<String, String> {
        if !self.wanted || is_blank(page) {
            return Ok(String::new());
        }
        let key = key(page);
        if let Some(text) = self.memory.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(text);
        }
        let file = self.dir.as_ref().map(|d| d.join(format!("{key}.txt")));
        // HOOK (encryption at rest): the readings are sealed in an
        // encrypted home, like the renditions they were read from.
        let stored = file
            .as_ref()
            .and_then(|f| crate::crypt::read(f).ok())
            .and_then(|bytes| String::from_utf8(bytes).ok());
        if let Some(text) = stored {
            self.remember(key, &text);
            return Ok(text);
        }
        let text = recipient::ocr(page, &self.tmp)?;
        if let Some(file) = &file {
            // Written whole and renamed, private; a failure only costs a
            // later re-read.
            let _ = crate::crypt::seal_for(file, text.as_bytes())
                .map_err(crate::Error::from)
                .and_then(|sealed| crate::private::write_file(file, &sealed));
        }
        self.remember(key, &text);
        Ok(text)
    }

    fn remember(&self, key: String, text: &str) {
        if let Ok(mut memory) = self.memory.lock() {
            memory.insert(key, text.to_string());
        }
    }
}

/// The SHA-256 of the page's size and pixels.
fn key(page: &Drawn) -> String {
    let mut hash = Sha256::new();
    hash.update(page.pixels.width().to_le_bytes());
    hash.update(page.pixels.height().to_le_bytes());
    hash.update(page.pixels.as_raw());
    hex::encode(hash.finalize())
}

/// Whether every pixel of the page is the same shade.
fn is_blank(page: &Drawn) -> bool {
    let raw = page.pixels.as_raw();
    raw.first()
        .is_none_or(|&first| raw.iter().all(|&p| p == first))
}

/// Pages drawn in one job when their pixels are not sent back.
const UNSEEN_PER_JOB: u32 = 64;

/// How many things to do at once: one per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Draws a PDF's pages (or an image) in `slot`'s worker, and reads and
/// checks each.
pub fn look(
    data: &[u8],
    (is_pdf, own): (bool, bool),
    boxes: &[(PageBox, String)],
    cache: &OcrCache,
    isolation: &Isolation,
    slot: &mut Slot,
) -> Seen {
    let mut seen = Seen::default();
    if !is_pdf {
        match recipient::image_page(isolation, slot, data) {
            Ok(page) => seen.pages = read_pages(&[page], boxes, cache, false),
            Err(e) => seen.error = Some(e),
        }
        return seen;
    }
    // The pixels are wanted for Tesseract or for boxes to check; without
    // either, every page is still drawn (one that cannot be is a finding).
    let pixels = cache.wanted || !boxes.is_empty();
    // Pages for Tesseract a few at a time, one per core; pages whose
    // pixels stay in the worker many to a job.
    let batch = match (cache.wanted, pixels) {
        (true, _) => workers() as u32,
        (false, true) => crate::render::pdf::PAGES_PER_JOB,
        (false, false) => UNSEEN_PER_JOB,
    };
    let mut first = 1;
    loop {
        match recipient::pdf_pages(isolation, slot, data, (first, batch), pixels) {
            Ok(pages) => {
                let drawn = pages.len() as u32;
                seen.pages.extend(read_pages(&pages, boxes, cache, own));
                if drawn < batch {
                    break;
                }
                first += batch;
            }
            Err(e) => {
                seen.error = Some(e);
                break;
            }
        }
    }
    if seen.pages.is_empty() && seen.error.is_none() {
        seen.error = Some("the PDF has no pages".into());
    }
    seen
}

/// Reads drawn pages in parallel and checks their boxes; with `own` (a
/// file Disclose wrote), plain pages are not read (see the module's
/// header).
fn read_pages(
    pages: &[Drawn],
    boxes: &[(PageBox, String)],
    cache: &OcrCache,
    own: bool,
) -> Vec<PageSeen> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .iter()
            .map(|page| {
                scope.spawn(move || {
                    if own && page.plain {
                        Ok(String::new())
                    } else {
                        cache.read(page)
                    }
                })
            })
            .collect();
        pages
            .iter()
            .zip(handles)
            .map(|(page, handle)| PageSeen {
                number: page.number,
                text: handle.join().unwrap_or_else(|_| Err("OCR crashed".into())),
                not_black: boxes
                    .iter()
                    .filter(|(b, _)| b.page == page.number && !recipient::is_black(page, b.rect))
                    .map(|(b, redacted)| (b.rect, redacted.clone()))
                    .collect(),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::GrayImage;

    fn page(pixels: GrayImage) -> Drawn {
        Drawn {
            number: 1,
            pixels,
            scale: (1.0, 1.0),
            plain: false,
        }
    }

    #[test]
    fn a_page_of_one_shade_is_blank_and_one_dark_pixel_is_not() {
        let mut pixels = GrayImage::from_pixel(40, 30, image::Luma([255]));
        assert!(is_blank(&page(pixels.clone())));
        pixels.put_pixel(3, 4, image::Luma([254]));
        assert!(!is_blank(&page(pixels)));
    }

    #[test]
    fn a_reading_in_the_cache_is_used_for_the_same_pixels_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut pixels = GrayImage::from_pixel(40, 30, image::Luma([255]));
        pixels.put_pixel(3, 4, image::Luma([0]));
        let drawn = page(pixels.clone());
        std::fs::write(dir.path().join(format!("{}.txt", key(&drawn))), "kept").unwrap();
        let cache = OcrCache::new(Some(dir.path().to_path_buf()), std::env::temp_dir());
        assert_eq!(cache.read(&drawn).unwrap(), "kept");
        pixels.put_pixel(5, 5, image::Luma([0]));
        assert_ne!(key(&page(pixels)), key(&drawn));
    }

    #[test]
    fn a_page_is_not_read_when_no_words_are_looked_for() {
        let dir = tempfile::tempdir().unwrap();
        let mut pixels = GrayImage::from_pixel(40, 30, image::Luma([255]));
        pixels.put_pixel(3, 4, image::Luma([0]));
        // Tesseract would be given the page in a folder that is not there.
        let cache = OcrCache::new(Some(dir.path().to_path_buf()), dir.path().join("absent"))
            .looking_for_words(false);
        assert_eq!(cache.read(&page(pixels)).unwrap(), "");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}

//! Redacted renditions (`disclose render`): for every item whose decision
//! is to disclose it (with or without redactions), the file the requester
//! will get, with every accepted mark removed for real:
//!
//! - PDFs are rebuilt from pictures of their pages plus an invisible layer
//!   of the words left standing ([`pdf`]);
//! - images are re-encoded from their pixels, blacked out, with no
//!   metadata ([`image`]);
//! - recordings become an MP3 with the marked words under a tone, and
//!   videos an MP4 with the faces and areas marked blurred, captioned with
//!   the case and item (`crate::media`, `crate::cctv`);
//! - everything else (emails, records, office files, text) becomes a clean
//!   PDF of its text with bars in place of the redactions ([`document`]).
//!
//! Every PDF page is stamped with the case reference, the item number and
//! the page number. Renditions live in the case folder's `renditions/`
//! under neutral names (`item-000042.pdf`) and are recorded with the
//! fingerprint of the marks they were made from, so one made before the
//! marks changed is known to be stale. Once they are made, every
//! rendition's leak check is made and kept (`verify::check_renditions`),
//! so the export reads only what it writes from records.

mod batch;
pub mod cache;
pub mod document;
pub mod font;
pub mod image;
pub mod pdf;
pub use crate::extract::raster;
pub mod table;
pub mod writer;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::extract::FileType;
use crate::marks::{self, Mark, Target};
use crate::review::Decision;
use crate::store::{originals, ItemRow, Store};
use crate::verify::{CheckProgress, Watch};
use document::Span;
use pdf::Area;

/// A rendition as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rendition {
    pub item_id: i64,
    /// Relative to the case folder: `renditions/item-000042.pdf`.
    pub path: String,
    pub sha256: String,
    pub redactions: u64,
    pub pages: u64,
    pub rendered_at: String,
    /// The SHA-256 of the transcript PDF beside a recording's rendition.
    pub transcript_sha256: Option<String>,
}

/// Why an item that should have a rendition has none (or an old one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RenderProblem {
    pub item_id: i64,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RenderSummary {
    /// Items whose decision is disclose or redact.
    pub items: u64,
    pub rendered: u64,
    /// Already rendered from the current marks.
    pub up_to_date: u64,
    pub redactions: u64,
    pub pages: u64,
    /// Pages whose pictures were kept from an earlier render (only other
    /// pages' marks had changed).
    pub reused_pages: u64,
    pub failures: Vec<RenderProblem>,
    /// Stopped before the end: what was rendered is kept, and the next
    /// run renders the rest.
    pub cancelled: bool,
}

/// Items that go to the requester: decided disclose or redact.
pub fn items_to_render(store: &Store) -> Result<Vec<ItemRow>> {
    let decisions = store.decisions()?;
    Ok(store
        .items(None)?
        .into_iter()
        .filter(|item| {
            decisions
                .get(&item.id)
                .is_some_and(|d| matches!(d.decision, Decision::Disclose | Decision::Redact))
        })
        .collect())
}

/// Renders every item to disclose whose rendition is missing or stale
/// (all of them with `force`, every page drawn afresh).
pub fn render_case(folder: &mut CaseFolder, force: bool) -> Result<RenderSummary> {
    render_case_watched(folder, force, &Watch::none())
}

/// As [`render_case`], telling `watch` after each item and stopping when
/// it asks: the items finished are kept (`cancelled` in the summary), and
/// the next run renders the rest.
pub fn render_case_watched(
    folder: &mut CaseFolder,
    force: bool,
    watch: &Watch,
) -> Result<RenderSummary> {
    let now = &folder.now();
    let items = items_to_render(&folder.store)?;
    let mut todo = Vec::new();
    for item in &items {
        if force || !folder.store.rendition_is_current(item.id)? {
            todo.push(item.clone());
        }
    }
    // Rendering is the first half of the work shown, the leak check of
    // what was made the second.
    let halves = |p: CheckProgress| CheckProgress {
        done: p.done,
        total: p.total * 2,
    };
    let rendering = Watch {
        progress: &|p| (watch.progress)(halves(p)),
        cancel: watch.cancel,
    };
    // Each rendition's leak check is started as soon as it is written, on
    // threads of its own beside the render's, and kept with its
    // fingerprint, so the export reads only what is new. A check that
    // cannot be made here (no Tesseract, say) is made by the export.
    let mut early = crate::verify::alongside::Early::new(folder);
    let mut summary = match &mut early {
        Some(early) => early.alongside(folder, watch, |folder, lane| {
            batch::run(folder, &todo, force, &rendering, Some(lane))
        })?,
        None => batch::run(folder, &todo, force, &rendering, None)?,
    }
    .summary;
    if !summary.cancelled {
        let rendered = summary.rendered;
        let checking = Watch {
            progress: &|p| {
                (watch.progress)(CheckProgress {
                    done: rendered + p.done,
                    total: rendered + p.total,
                })
            },
            cancel: watch.cancel,
        };
        // Then every rendition's (what is looked for may have changed for
        // renditions not made again): those checked early are found kept.
        let checked = match early {
            Some(early) => early.finish(folder, &checking),
            None => crate::verify::check_renditions(folder, &checking),
        };
        match checked {
            // The end: every rendition counted, those whose check was kept
            // as much as those read now.
            Ok(report) => {
                let checked = rendered + report.reused + report.read;
                (watch.progress)(CheckProgress {
                    done: checked,
                    total: checked,
                })
            }
            Err(Error::Cancelled) => summary.cancelled = true,
            Err(_) => {}
        }
    }
    summary.items = items.len() as u64;
    summary.up_to_date = (items.len() - todo.len()) as u64;
    let actor = folder.actor().to_string();
    folder.store.audit(
        now,
        &actor,
        crate::audit::Action::Render,
        &serde_json::json!({
            "rendered": summary.rendered,
            "redactions": summary.redactions,
            "failed": summary.failures.iter().map(|f| f.item_id).collect::<Vec<_>>(),
            "cancelled": summary.cancelled,
        }),
    )?;
    Ok(summary)
}

/// The item as the requester will get it: its rendition's bytes, made
/// now if it is missing or older than the item's marks (PDF bytes for every
/// type but images and recordings, which come back as themselves).
pub fn current_rendition(folder: &mut CaseFolder, id: i64) -> Result<Vec<u8>> {
    if !folder.store.rendition_is_current(id)? {
        let item = folder.store.item(id)?;
        render_item(folder, &item)?.map_err(Error::Invalid)?;
    }
    let made = folder
        .store
        .rendition(id)?
        .ok_or_else(|| Error::Invalid(format!("item {id} has no rendition")))?;
    Ok(crate::crypt::read(&folder.dir().join(made.path))?)
}

/// Renders one item, replacing its previous rendition. The outer error is
/// the machine's (database, disk); the inner one says why this item could
/// not be rendered.
pub fn render_item(
    folder: &mut CaseFolder,
    item: &ItemRow,
) -> Result<std::result::Result<Rendition, String>> {
    let mut outcome = batch::run(
        folder,
        std::slice::from_ref(item),
        false,
        &Watch::none(),
        None,
    )?;
    Ok(outcome
        .results
        .remove(&item.id)
        .unwrap_or_else(|| Err("not rendered".into())))
}

/// A recording's or a video's rendition, made here: its bytes, extension,
/// page count and (for a recording) its transcript PDF.
type MediaRendition = (Vec<u8>, &'static str, usize, Option<Vec<u8>>);

fn media_rendition(
    folder: &CaseFolder,
    item: &ItemRow,
    case: &crate::case::Case,
    redactions: &[Mark],
    stamp: &str,
) -> Result<std::result::Result<MediaRendition, String>> {
    let data = match verified_original(folder, item)? {
        Ok(data) => data,
        Err(reason) => return Ok(Err(reason)),
    };
    if item.file_type == FileType::Video {
        return Ok(
            crate::cctv::render(folder, &item.metadata, &data, redactions, stamp)
                .map(|bytes| (bytes, "mp4", 1, None)),
        );
    }
    let text = folder.store.text(item.id)?;
    let placed = folder.store.place(redactions.to_vec())?;
    let title = format!(
        "{} · item {} · transcript of a recording{}",
        case.reference,
        item.id,
        item.date
            .as_deref()
            .map(|d| format!(" · {}", d.get(..10).unwrap_or(d)))
            .unwrap_or_default()
    );
    let spans = spans_of(&transcript_marks(&folder.store, redactions)?);
    let pages = document::pages(&title, &text, &spans);
    let count = pages.len();
    let transcript = writer::write(&pages, stamp);
    Ok(audio(folder, item, &data, &placed).map(|bytes| (bytes, "mp3", count, Some(transcript))))
}

/// The title and body of an item rendered as a document: its text, with
/// the list of its attachments.
fn document_text(
    folder: &CaseFolder,
    item: &ItemRow,
    case: &crate::case::Case,
) -> Result<(String, String)> {
    let mut body = folder.store.text(item.id)?;
    let attachments = folder.store.children(item.id)?;
    if !attachments.is_empty() {
        let list: Vec<String> = attachments
            .iter()
            .map(|c| format!("item {} ({})", c.id, c.file_type.as_str()))
            .collect();
        body.push_str(&format!("\n\nAttachments: {}", list.join(", ")));
    }
    let title = format!(
        "{} · item {} · {}{}",
        case.reference,
        item.id,
        item.file_type.as_str(),
        item.date
            .as_deref()
            .map(|d| format!(" · {}", d.get(..10).unwrap_or(d)))
            .unwrap_or_default()
    );
    Ok((title, body))
}

/// Writes a finished rendition (`made`: bytes, extension, page count) and
/// its transcript, replacing the item's previous one, and records it with
/// the fingerprint of the marks it was made from.
fn save(
    folder: &CaseFolder,
    item: &ItemRow,
    redactions: &[Mark],
    now: &str,
    (bytes, ext, pages): (&[u8], &str, usize),
    transcript: Option<Vec<u8>>,
) -> Result<Rendition> {
    let relative = format!("renditions/item-{:06}.{ext}", item.id);
    let path = folder.dir().join(&relative);
    if let Some(old) = folder.store.rendition(item.id)? {
        let _ = std::fs::remove_file(folder.dir().join(old.path));
    }
    // HOOK (encryption at rest): the rendition and its transcript are
    // sealed in an encrypted home.
    write_atomically(&path, &crate::crypt::seal_for(&path, bytes)?)?;
    let companion = transcript_path(&path);
    let transcript_sha256 = match transcript {
        Some(pdf) => {
            write_atomically(&companion, &crate::crypt::seal_for(&companion, &pdf)?)?;
            Some(originals::sha256_hex(&pdf))
        }
        None => {
            let _ = std::fs::remove_file(&companion);
            None
        }
    };
    let rendition = Rendition {
        item_id: item.id,
        path: relative,
        sha256: originals::sha256_hex(bytes),
        redactions: redactions.len() as u64,
        pages: pages as u64,
        rendered_at: now.to_string(),
        transcript_sha256,
    };
    folder
        .store
        .save_rendition(&rendition, &marks::fingerprint(redactions))?;
    Ok(rendition)
}

/// The redacted copy of a recording: its marked words silenced (see
/// `crate::media::redact`), made in the case's `tmp/`.
fn audio(
    folder: &CaseFolder,
    item: &ItemRow,
    data: &[u8],
    placed: &[Mark],
) -> std::result::Result<Vec<u8>, String> {
    let number = |key: &str| item.metadata.get(key).and_then(|v| v.parse::<f64>().ok());
    let channels = number("channels").unwrap_or(1.0) as u32;
    let duration = number("duration").unwrap_or(0.0);
    let tmp = folder.tmp_dir();
    crate::private::make_dir(&tmp).map_err(|e| e.to_string())?;
    let dir = tempfile::tempdir_in(&tmp).map_err(|e| e.to_string())?;
    let input = dir.path().join("original");
    std::fs::write(&input, data).map_err(|e| e.to_string())?;
    let ranges = crate::media::redact::silences(placed, crate::media::redact::MARGIN);
    crate::media::redact::mp3(&input, channels, duration, &ranges, dir.path())
}

/// The marks as text ranges of a transcript: a time range marked on the
/// timeline hides the words said in it.
fn transcript_marks(store: &Store, redactions: &[Mark]) -> Result<Vec<Mark>> {
    let mut out = Vec::new();
    for mark in redactions {
        for range in store.hidden_ranges(mark)? {
            let mut hidden = mark.clone();
            hidden.target = Target::Text {
                start: range.start,
                end: range.end,
            };
            out.push(hidden);
        }
    }
    Ok(out)
}

/// Where the transcript PDF of a recording's rendition lies: beside it,
/// `item-000042.transcript.pdf` for `item-000042.mp3`.
pub fn transcript_path(rendition: &std::path::Path) -> PathBuf {
    rendition.with_extension("transcript.pdf")
}

/// The item's original, checked against its hash; a changed one is a
/// reason this item cannot be rendered.
fn verified_original(
    folder: &CaseFolder,
    item: &ItemRow,
) -> Result<std::result::Result<Vec<u8>, String>> {
    match originals::read_verified(&folder.originals_dir(), &item.sha256) {
        Ok(data) => Ok(Ok(data)),
        Err(crate::Error::Integrity(reason)) => Ok(Err(reason)),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, so a crash
/// never leaves a half-written file under the final name.
pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    crate::private::make_dir(dir)?;
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut temporary, bytes)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Text marks as non-overlapping spans, each labelled with its reason.
fn spans_of(redactions: &[Mark]) -> Vec<Span> {
    let ranges: Vec<(std::ops::Range<usize>, &str)> = redactions
        .iter()
        .filter_map(|m| match m.target {
            Target::Text { start, end } => Some((start..end, m.reason.as_str())),
            Target::Area { .. } => None,
        })
        .collect();
    marks::merge_ranges(ranges.iter().map(|(r, _)| r.clone()).collect())
        .into_iter()
        .map(|merged| Span {
            label: ranges
                .iter()
                .find(|(r, _)| r.start >= merged.start && r.start < merged.end)
                .map(|(_, reason)| reason.to_string())
                .unwrap_or_default(),
            start: merged.start,
            end: merged.end,
        })
        .collect()
}

/// The strings the marks hide, each line of them on its own too, for
/// barring them wherever they stand in a table's cells (and for labelling
/// them in the bundle's portable records).
pub(crate) fn redacted_strings(redactions: &[Mark]) -> Vec<table::Redacted> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for mark in redactions {
        let pieces = std::iter::once(mark.text.as_str()).chain(mark.text.split(['\t', '\n']));
        for piece in pieces.map(str::trim).filter(|p| !p.is_empty()) {
            if !seen.insert(piece.to_lowercase()) {
                continue;
            }
            if let Ok(variants) = marks::Variants::new(piece) {
                out.push(table::Redacted {
                    variants,
                    label: mark.reason.clone(),
                });
            }
        }
    }
    out
}

/// Every box to black out: the marked areas, and the words under the
/// marked text.
pub(crate) fn areas_of(redactions: &[Mark], pages: &[crate::extract::Page]) -> Vec<Area> {
    let mut areas = pdf::word_areas(pages, &spans_of(redactions));
    areas.extend(redactions.iter().filter_map(|m| match m.target {
        Target::Area { page, rect } => Some(Area {
            page,
            rect,
            label: m.reason.clone(),
        }),
        Target::Text { .. } => None,
    }));
    areas
}

impl Store {
    fn save_rendition(&self, rendition: &Rendition, fingerprint: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO renditions (item_id, path, sha256, marks, redactions, pages, rendered_at, transcript_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                rendition.item_id,
                rendition.path,
                rendition.sha256,
                fingerprint,
                rendition.redactions as i64,
                rendition.pages as i64,
                rendition.rendered_at,
                rendition.transcript_sha256
            ],
        )?;
        Ok(())
    }

    /// Every rendition, by item, with the fingerprint of the marks it was
    /// made from, read at once.
    pub fn renditions_by_item(&self) -> Result<BTreeMap<i64, (Rendition, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT item_id, path, sha256, redactions, pages, rendered_at, transcript_sha256, marks FROM renditions",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (rendition_from_row(r)?, r.get::<_, String>(7)?),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn rendition(&self, item: i64) -> Result<Option<Rendition>> {
        Ok(self
            .conn
            .query_row(
                "SELECT item_id, path, sha256, redactions, pages, rendered_at, transcript_sha256 FROM renditions WHERE item_id = ?1",
                [item],
                rendition_from_row,
            )
            .optional()?)
    }

    /// Whether the item's rendition was made from its current marks.
    pub fn rendition_is_current(&self, item: i64) -> Result<bool> {
        let recorded: Option<String> = self
            .conn
            .query_row(
                "SELECT marks FROM renditions WHERE item_id = ?1",
                [item],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match recorded {
            Some(made_from) => made_from_current_marks(&made_from, &self.redactions(item)?),
            None => false,
        })
    }
}

/// Whether a rendition recorded as made from the marks fingerprinted
/// `made_from` is current for the item's redactions now.
fn made_from_current_marks(made_from: &str, redactions: &[Mark]) -> bool {
    made_from == marks::fingerprint(redactions)
}

/// A rendition from the first seven columns of a `renditions` row (item,
/// path, sha256, redactions, pages, rendered_at, transcript_sha256).
fn rendition_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Rendition> {
    Ok(Rendition {
        item_id: r.get(0)?,
        path: r.get(1)?,
        sha256: r.get(2)?,
        redactions: r.get::<_, i64>(3)? as u64,
        pages: r.get::<_, i64>(4)? as u64,
        rendered_at: r.get(5)?,
        transcript_sha256: r.get(6)?,
    })
}

/// The items to disclose whose rendition is missing or older than their
/// marks — what stops an export.
pub fn problems(folder: &CaseFolder) -> Result<Vec<RenderProblem>> {
    let mut out = Vec::new();
    // Read once for the whole case: the Export screen asks on every visit.
    let renditions = folder.store.renditions_by_item()?;
    let redactions = folder.store.redactions_by_item()?;
    for item in items_to_render(&folder.store)? {
        let current = |made_from: &str| {
            made_from_current_marks(
                made_from,
                redactions.get(&item.id).map_or(&[], Vec::as_slice),
            )
        };
        let reason = match renditions.get(&item.id) {
            None => "not rendered yet",
            Some((r, _)) if !folder.dir().join(&r.path).exists() => "its rendition file is missing",
            Some((_, made_from)) if !current(made_from) => {
                "its marks changed since it was rendered"
            }
            Some(_) => continue,
        };
        out.push(RenderProblem {
            item_id: item.id,
            reason: reason.into(),
        });
    }
    Ok(out)
}

/// Opens a rendition to read. Every read of a rendition's bytes (the
/// leak check, the export) goes through here.
pub fn open_rendition(path: &std::path::Path) -> Result<Box<dyn std::io::Read>> {
    // HOOK (encryption at rest): decrypted as it is read in an encrypted home.
    Ok(crate::crypt::open(path)?)
}

/// A rendition's bytes, read through [`open_rendition`].
pub fn read_rendition(path: &std::path::Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut open_rendition(path)?, &mut bytes)?;
    Ok(bytes)
}

/// Paths of the current renditions, by item.
pub fn rendition_paths(folder: &CaseFolder) -> Result<BTreeMap<i64, PathBuf>> {
    let mut out = BTreeMap::new();
    for item in items_to_render(&folder.store)? {
        if let Some(r) = folder.store.rendition(item.id)? {
            out.insert(item.id, folder.dir().join(r.path));
        }
    }
    Ok(out)
}

//! The per-file work of an import, run on every core: read the file, hash
//! it, keep the original, detect its type, have a worker process extract
//! it (see `crate::isolate`), and do the same for every child, depth
//! first. The result is a tree of [`Node`]s holding text and metadata but
//! no raw bytes, ready for the single writer.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::extract::media;
use crate::extract::{self, sniff, Extracted, FileType, Limits};
use crate::isolate::{Failure, Isolation, Slot, Speech, Stopped};
use crate::store::originals;
use crate::store::Status;

/// One item, extracted, with its children.
#[derive(Debug)]
pub struct Node {
    pub source_key: String,
    pub path: String,
    pub name: String,
    pub sha256: String,
    pub size: u64,
    pub file_type: FileType,
    pub status: Status,
    pub reason: Option<String>,
    /// The same bytes were already claimed by another item: its first copy
    /// is the one extracted.
    pub same_bytes_as_earlier: bool,
    pub file_modified: Option<String>,
    pub extracted: Extracted,
    pub children: Vec<Node>,
    /// The run was cancelled while this item (or one inside it) was being
    /// read: the input is not stored, so a later import reads it.
    pub cancelled: bool,
    /// A recording whose transcription carried on from the parts an
    /// earlier run had finished.
    pub resumed: Option<super::Resumed>,
}

impl Node {
    /// The hashes of this item and every item inside it.
    pub fn hashes<'n>(&'n self, out: &mut Vec<&'n str>) {
        if !self.sha256.is_empty() {
            out.push(&self.sha256);
        }
        for child in &self.children {
            child.hashes(out);
        }
    }

    /// Whether this item or any inside it was cut short by a cancel.
    pub fn any_cancelled(&self) -> bool {
        self.cancelled || self.children.iter().any(Node::any_cancelled)
    }
}

/// What the workers share.
pub struct WorkerContext<'a> {
    pub originals: &'a Path,
    pub limits: &'a Limits,
    /// Hashes already claimed, in the case or earlier in this run.
    pub seen: &'a Mutex<HashSet<String>>,
    /// Where readers run.
    pub isolation: &'a Isolation,
    /// Syncs the originals kept.
    pub durable: &'a super::durable::Durable,
    pub cancel: &'a AtomicBool,
    /// Told how far long work in a reader (a transcription) has got.
    pub progress: &'a dyn super::ProgressSink,
    /// Where the finished parts of transcriptions are kept
    /// (see [`super::speech_parts`]).
    pub speech_parts: &'a Path,
}

/// A failed item, with nothing read from it.
pub(super) fn failed_node(
    source_key: String,
    path: String,
    name: String,
    reason: String,
    sha256: String,
    size: u64,
) -> Node {
    Node {
        source_key,
        path,
        name,
        sha256,
        size,
        file_type: FileType::Binary,
        status: Status::Failed,
        reason: Some(reason),
        same_bytes_as_earlier: false,
        file_modified: None,
        extracted: Extracted::default(),
        children: Vec::new(),
        cancelled: false,
        resumed: None,
    }
}

/// An input that stopped earlier runs: kept (bytes and hash) and recorded
/// as failed, but not read.
pub fn poisoned_file(ctx: &WorkerContext, abs: &Path, display: &str, source_key: String) -> Node {
    let name = file_name(abs);
    let reason = "not read: the import was stopped twice while reading this file \
                  (the whole run was killed or crashed); it is not tried again"
        .to_string();
    let file_modified = std::fs::metadata(abs)
        .ok()
        .as_ref()
        .and_then(modified_rfc3339);
    let mut node = match originals::store_streaming(ctx.originals, abs) {
        Ok((sha, size)) => failed_node(source_key, display.to_string(), name, reason, sha, size),
        Err(e) => failed_node(
            source_key,
            display.to_string(),
            name,
            format!("{reason}; the file cannot be read either: {e}"),
            String::new(),
            0,
        ),
    };
    node.file_type = sniff_head(abs).unwrap_or(FileType::Binary);
    node.file_modified = file_modified;
    node
}

fn file_name(abs: &Path) -> String {
    abs.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Processes one top-level file, reading it in `slot`'s worker.
pub fn process_file(
    ctx: &WorkerContext,
    slot: &mut Slot,
    abs: &Path,
    display: &str,
    source_key: String,
) -> Node {
    let name = file_name(abs);
    let meta = std::fs::metadata(abs);
    let file_modified = meta.as_ref().ok().and_then(modified_rfc3339);
    let size = meta.as_ref().map(|m| m.len()).unwrap_or(0);
    let fail = |reason: String, sha: String, size: u64| {
        let mut node = failed_node(
            source_key.clone(),
            display.to_string(),
            name.clone(),
            reason,
            sha,
            size,
        );
        node.file_modified = file_modified.clone();
        node
    };
    if size > ctx.limits.max_parse_bytes {
        return match originals::store_streaming(ctx.originals, abs) {
            Ok((sha, size)) => {
                let mut node = fail(
                    format!(
                        "too large to read ({} MiB, the limit is {} MiB); the original is kept",
                        size >> 20,
                        ctx.limits.max_parse_bytes >> 20
                    ),
                    sha,
                    size,
                );
                node.file_type = sniff_head(abs).unwrap_or(FileType::Binary);
                node
            }
            Err(e) => fail(format!("cannot read the file: {e}"), String::new(), size),
        };
    }
    let data = match std::fs::read(abs) {
        Ok(d) => d,
        Err(e) => return fail(format!("cannot read the file: {e}"), String::new(), size),
    };
    let mut budget = ctx.limits.max_children_total_bytes;
    let mut node = process_bytes(
        ctx,
        slot,
        &data,
        &name,
        display.to_string(),
        source_key,
        0,
        &mut budget,
    );
    node.file_modified = file_modified;
    node
}

/// When a file was last modified, as RFC 3339.
pub(super) fn modified_rfc3339(meta: &std::fs::Metadata) -> Option<String> {
    let modified = meta.modified().ok()?;
    Some(chrono::DateTime::<chrono::Utc>::from(modified).to_rfc3339())
}

/// The type of a file on disk, from its first 8 KiB.
fn sniff_head(abs: &Path) -> Option<FileType> {
    use std::io::Read;
    let mut head = vec![0u8; 8192];
    let mut f = std::fs::File::open(abs).ok()?;
    let n = f.read(&mut head).ok()?;
    head.truncate(n);
    Some(sniff(&head, &abs.to_string_lossy()))
}

/// Processes bytes already in memory (a file or a child); `budget` is what
/// is left of the bytes this input's children may expand to.
#[allow(clippy::too_many_arguments)]
pub(super) fn process_bytes(
    ctx: &WorkerContext,
    slot: &mut Slot,
    data: &[u8],
    name: &str,
    path: String,
    source_key: String,
    depth: u32,
    budget: &mut u64,
) -> Node {
    let sha256 = originals::sha256_hex(data);
    let file_type = sniff(data, name);
    let mut node = Node {
        source_key,
        path,
        name: name.to_string(),
        sha256: sha256.clone(),
        size: data.len() as u64,
        file_type,
        status: Status::Ok,
        reason: None,
        same_bytes_as_earlier: false,
        file_modified: None,
        extracted: Extracted::default(),
        children: Vec::new(),
        cancelled: false,
        resumed: None,
    };
    if let Err(e) = originals::store(ctx.originals, &sha256, data) {
        node.status = Status::Failed;
        node.reason = Some(format!("cannot keep the original: {e}"));
        return node;
    }
    // Synced in the background (also when another item kept the same bytes
    // a moment ago), before the writer commits this item.
    ctx.durable.add(&sha256);
    let first_time = ctx
        .seen
        .lock()
        .map(|mut s| s.insert(sha256))
        .unwrap_or(true);
    if !first_time {
        node.same_bytes_as_earlier = true;
        return node;
    }
    let shown = node.path.clone();
    let report = |seconds: f64, of: f64| {
        ctx.progress.event(&super::ProgressEvent::Transcribing {
            path: shown.clone(),
            seconds,
            of,
        })
    };
    let earlier = if file_type == FileType::Audio {
        super::speech_parts::load(ctx.speech_parts, &node.sha256)
    } else {
        super::speech_parts::Earlier {
            list: Vec::new(),
            parts: 0,
            seconds: 0.0,
        }
    };
    let keep = |part: &str, json: &[u8]| {
        let _ = super::speech_parts::keep(ctx.speech_parts, &node.sha256, part, json);
    };
    let speech = Speech {
        progress: &report,
        done: &earlier.list,
        keep: &keep,
    };
    let result = ctx
        .isolation
        .extract_reporting(slot, file_type, data, name, ctx.limits, ctx.cancel, &speech);
    let mut extracted = match result {
        Ok(e) => e,
        Err(stopped) => {
            node.status = Status::Failed;
            node.cancelled = stopped == Stopped::Worker(Failure::Cancelled);
            node.reason = Some(match stopped {
                Stopped::Panicked(message) => format!(
                    "the {} reader crashed on this file: {message}",
                    file_type.as_str()
                ),
                other => other.to_string(),
            });
            return node;
        }
    };
    if file_type == FileType::Audio {
        let metadata = &extracted.metadata;
        if metadata.contains_key(media::TRANSCRIBED_TO) && ctx.cancel.load(Ordering::Relaxed) {
            // Cancelled part way: not stored, so importing again carries
            // on from the parts kept.
            node.status = Status::Failed;
            node.cancelled = true;
            node.reason = Some("cancelled while it was transcribed".into());
            return node;
        }
        if metadata.contains_key(media::RESUMED) {
            node.resumed = Some(super::Resumed {
                path: node.path.clone(),
                parts: earlier.parts,
                resumed_from: (earlier.seconds * 10.0).round() / 10.0,
            });
        }
        if metadata.contains_key(media::TRANSCRIBED_BY) {
            super::speech_parts::forget(ctx.speech_parts, &node.sha256);
        }
    }
    let children = std::mem::take(&mut extracted.children);
    add_children(
        ctx,
        slot,
        &mut node,
        children,
        depth,
        budget,
        &mut extracted.warnings,
    );
    if !extracted.warnings.is_empty() {
        node.status = Status::Partial;
        node.reason = Some(extracted.warnings.join("; "));
    }
    node.extracted = extracted;
    node
}

/// Extracts `children` (found inside `node`) as its child items; what
/// cannot be read for a limit becomes a warning on `node`.
pub(super) fn add_children(
    ctx: &WorkerContext,
    slot: &mut Slot,
    node: &mut Node,
    children: Vec<extract::Child>,
    depth: u32,
    budget: &mut u64,
    warnings: &mut Vec<String>,
) {
    if !children.is_empty() && depth + 1 > ctx.limits.max_depth {
        warnings.push(format!(
            "{} inner files not read: nested deeper than {} levels",
            children.len(),
            ctx.limits.max_depth
        ));
        return;
    }
    let first = node.children.len();
    for (index, child) in children.into_iter().enumerate() {
        let size = child.data.len() as u64;
        if size > *budget {
            warnings.push(format!(
                "inner file '{}' not read: the container expands past the size limit",
                child.name
            ));
            continue;
        }
        *budget -= size;
        let key = format!("{}#{}/{}", node.source_key, first + index, child.name);
        let path = format!("{}/{}", node.path, child.name);
        let child_name = child
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&child.name)
            .to_string();
        node.children.push(process_bytes(
            ctx,
            slot,
            &child.data,
            &child_name,
            path,
            key,
            depth + 1,
            budget,
        ));
    }
}

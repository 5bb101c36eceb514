//! Mailboxes in an import: Outlook data files (`.pst`) and mbox files. A
//! mailbox can hold hundreds of thousands of messages, so it is not read as
//! one tree like other files: one thread reads it message by message (see
//! [`crate::extract::pst`] and [`crate::extract::mbox`]) and
//! extracts each message with its attachments, while the import's writer
//! stores them in batches under the mailbox's own item. Memory stays bounded
//! by the batch, whatever the size of the file.
//!
//! The mailbox item is written first and marked as being read; it gets its
//! final status when the walk ends. A killed or cancelled import leaves the
//! mark, so the next import of the same file carries on, skipping the
//! messages already stored.

use std::collections::{BTreeMap, HashSet};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

use super::walk::InputFile;
use super::worker::{self, Node, WorkerContext};
use super::writer::Writer;
use super::{ProgressEvent, ProgressSink};
use crate::error::Result;
use crate::extract::{mbox, pst, Extracted, FileType};
use crate::isolate::Slot;
use crate::store::{originals, Status};

/// The reason a mailbox item carries while it is being read.
pub const STILL_READING: &str =
    "the mailbox was not read to the end (the import stopped); import it again to carry on";

/// Stored messages are written in batches of this many.
const BATCH: usize = 64;

/// The kinds of mailbox read message by message.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Pst,
    Mbox,
}

/// Which kind of mailbox the file is, if any (only its first bytes are
/// read: every input is asked, before the import starts).
fn kind_of(file: &InputFile) -> Option<Kind> {
    use std::io::Read;
    let mut magic = [0u8; 4];
    let is_pst = std::fs::File::open(&file.abs)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && &magic == crate::extract::sniff::PST_MAGIC;
    if is_pst {
        Some(Kind::Pst)
    } else if mbox::is_mbox(&file.abs).unwrap_or(false) {
        Some(Kind::Mbox)
    } else {
        None
    }
}

/// Whether the file is a mailbox read message by message.
pub fn is_mailbox(file: &InputFile) -> bool {
    kind_of(file).is_some()
}

/// Whether an import must (still) read this input: never stored, or left
/// half-read by an earlier run.
pub fn needs_reading(store: &crate::store::Store, source_key: &str) -> Result<bool> {
    Ok(match store.item_for_source(source_key)? {
        None => true,
        Some((_, reason)) => reason.as_deref() == Some(STILL_READING),
    })
}

/// Reads one mailbox into the case.
pub fn import_mailbox(
    writer: &mut Writer,
    ctx: &WorkerContext,
    file: &InputFile,
    source_key: String,
    progress: &dyn ProgressSink,
    cancel: &AtomicBool,
) -> Result<()> {
    progress.event(&ProgressEvent::FileStarted {
        path: file.display.clone(),
        bytes: file.size,
    });
    let kind = kind_of(file).unwrap_or(Kind::Pst);
    let existing = writer.folder.store.item_for_source(&source_key)?;
    let fresh = existing.is_none();
    let parent = match existing {
        Some((id, _)) => id,
        None => {
            let node = mailbox_node(ctx, file, &source_key, kind);
            if node.status == Status::Failed || node.same_bytes_as_earlier {
                return writer.write_batch(vec![node], progress);
            }
            // Reported done once read to the end, below.
            writer.write_batch(vec![node], &super::NoProgress)?;
            match writer.folder.store.item_for_source(&source_key)? {
                Some((id, _)) => id,
                None => return Ok(()),
            }
        }
    };
    let done: HashSet<String> = writer
        .folder
        .store
        .child_source_keys(parent)?
        .into_iter()
        .collect();
    let stored_nodes: Vec<u32> = done
        .iter()
        .filter_map(|key| key.rsplit_once("#pst/"))
        .filter(|(source, _)| *source == source_key)
        .filter_map(|(_, node)| u32::from_str_radix(node, 16).ok())
        .collect();
    let item_key = |node: u32| match kind {
        Kind::Pst => format!("{source_key}#pst/{node:08x}"),
        Kind::Mbox => format!("{source_key}#mbox/{node:08}"),
    };

    let (tx, rx) = crossbeam_channel::bounded::<Node>(BATCH);
    let outcome = std::thread::scope(|scope| -> Result<_> {
        let reader = scope.spawn(|| {
            let mut slot = Slot::default();
            let mut reader_slot = Slot::default();
            let skip = |node: u32| done.contains(&item_key(node));
            let mut on_item = |item: pst::MailboxItem| {
                if cancel.load(Ordering::Relaxed) {
                    return ControlFlow::Break(());
                }
                let node = item_node(ctx, &mut slot, file, item_key(item.node), item);
                match tx.send(node) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                }
            };
            let report = match kind {
                Kind::Pst => crate::isolate::mailbox::read_mailbox(
                    ctx.isolation,
                    &mut reader_slot,
                    &file.abs,
                    ctx.limits,
                    &skip,
                    stored_nodes.clone(),
                    &mut on_item,
                    ctx.cancel,
                ),
                Kind::Mbox => mbox::read_mbox(&file.abs, ctx.limits, &skip, &mut on_item),
            };
            drop(tx);
            report
        });
        let mut batch = Vec::new();
        let mut written = Ok(());
        for node in rx.iter() {
            batch.push(node);
            if batch.len() >= BATCH {
                written = writer.write_under(
                    Some((parent, &file.display)),
                    std::mem::take(&mut batch),
                    progress,
                );
                if written.is_err() {
                    break;
                }
            }
        }
        if written.is_ok() {
            written = writer.write_under(Some((parent, &file.display)), batch, progress);
        }
        // Dropping the receiver stops the reader at its next message.
        drop(rx);
        let report = reader.join().unwrap_or_else(|_| {
            Err(crate::extract::ExtractError::Corrupt(
                "the mailbox reader crashed".into(),
            ))
        });
        written.map(|()| report)
    })?;

    let (status, reason, metadata) = match outcome {
        Err(e) => (Status::Failed, Some(e.to_string()), BTreeMap::new()),
        Ok(report) if report.stopped => {
            (Status::Partial, Some(STILL_READING.into()), BTreeMap::new())
        }
        Ok(report) => {
            let mut metadata = BTreeMap::new();
            if kind == Kind::Pst {
                metadata.insert("title".to_string(), report.display_name.clone());
                metadata.insert("pst-format".to_string(), report.format.to_string());
            } else {
                metadata.insert("messages".to_string(), report.items.to_string());
            }
            if !report.folders.is_empty() {
                metadata.insert(
                    "folders".to_string(),
                    report
                        .folders
                        .iter()
                        .map(|(path, n)| format!("{path} ({n})"))
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
            if report.problems.is_empty() {
                (Status::Ok, None, metadata)
            } else {
                let shown: Vec<&str> = report
                    .problems
                    .iter()
                    .take(10)
                    .map(String::as_str)
                    .collect();
                let more = report.problems.len().saturating_sub(shown.len());
                let mut reason = format!(
                    "{} part(s) of the mailbox could not be read: {}",
                    report.problems.len(),
                    shown.join("; ")
                );
                if more > 0 {
                    reason.push_str(&format!("; and {more} more"));
                }
                (Status::Partial, Some(reason), metadata)
            }
        }
    };
    let text = listing(kind, &file.display, &metadata, status, reason.as_deref());
    writer
        .folder
        .store
        .finish_container(parent, status, reason.as_deref(), &metadata, &text)?;
    writer.reindex(parent)?;
    if fresh {
        writer.summary.recount(Status::Partial, status);
    }
    if status == Status::Failed {
        writer
            .summary
            .failures
            .push((file.display.clone(), reason.unwrap_or_default()));
    }
    progress.event(&ProgressEvent::FileDone {
        path: file.display.clone(),
        items: writer.summary.items,
        failed: writer.summary.failed,
    });
    Ok(())
}

/// The mailbox item's text: what it is and which folders it holds, so it
/// reads (and is found) as a listing of the mailbox.
fn listing(
    kind: Kind,
    name: &str,
    metadata: &BTreeMap<String, String>,
    status: Status,
    reason: Option<&str>,
) -> String {
    let mut lines = vec![match kind {
        Kind::Pst => format!("Outlook mailbox: {name}"),
        Kind::Mbox => format!("Mailbox: {name}"),
    }];
    if let Some(messages) = metadata.get("messages") {
        lines.push(format!("Messages: {messages}"));
    }
    if let Some(title) = metadata.get("title").filter(|t| !t.is_empty()) {
        lines.push(format!("Name: {title}"));
    }
    if let Some(folders) = metadata.get("folders").filter(|f| !f.is_empty()) {
        lines.push("Folders (items):".into());
        lines.extend(folders.split("; ").map(|f| format!("  {f}")));
    }
    if status != Status::Ok {
        lines.push(format!("Not read in full: {}", reason.unwrap_or("")));
    }
    lines.join("\n")
}

/// The mailbox's own item: its bytes kept and hashed as they stream past.
fn mailbox_node(ctx: &WorkerContext, file: &InputFile, source_key: &str, kind: Kind) -> Node {
    let (sha256, size, status, reason) = match originals::store_streaming(ctx.originals, &file.abs)
    {
        Ok((sha, size)) => (sha, size, Status::Partial, Some(STILL_READING.to_string())),
        Err(e) => (
            String::new(),
            file.size,
            Status::Failed,
            Some(format!("cannot read the file: {e}")),
        ),
    };
    let same_bytes_as_earlier = !sha256.is_empty()
        && !ctx
            .seen
            .lock()
            .map(|mut seen| seen.insert(sha256.clone()))
            .unwrap_or(true);
    Node {
        source_key: source_key.to_string(),
        path: file.display.clone(),
        name: file
            .abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sha256,
        size,
        file_type: match kind {
            Kind::Pst => FileType::Pst,
            Kind::Mbox => FileType::Mbox,
        },
        status,
        reason,
        same_bytes_as_earlier,
        resumed: None,
        file_modified: std::fs::metadata(&file.abs)
            .ok()
            .as_ref()
            .and_then(worker::modified_rfc3339),
        extracted: Extracted::default(),
        children: Vec::new(),
        cancelled: false,
    }
}

/// One message of the mailbox, extracted with everything attached to it.
fn item_node(
    ctx: &WorkerContext,
    slot: &mut Slot,
    file: &InputFile,
    key: String,
    item: pst::MailboxItem,
) -> Node {
    let path = if item.folder.is_empty() {
        format!("{}/{}", file.display, item.name)
    } else {
        format!("{}/{}/{}", file.display, item.folder, item.name)
    };
    let mut budget = ctx.limits.max_children_total_bytes;
    let mut node =
        worker::process_bytes(ctx, slot, &item.data, &item.name, path, key, 1, &mut budget);
    let mut warnings = item.warnings;
    if !node.same_bytes_as_earlier && node.status != Status::Failed {
        worker::add_children(
            ctx,
            slot,
            &mut node,
            item.attachments,
            1,
            &mut budget,
            &mut warnings,
        );
    }
    if !item.folder.is_empty() {
        node.extracted
            .metadata
            .insert("folder".into(), item.folder.clone());
    }
    if !warnings.is_empty() && node.status != Status::Failed {
        let mut reasons: Vec<String> = node.reason.take().into_iter().collect();
        reasons.extend(warnings);
        node.status = Status::Partial;
        node.reason = Some(reasons.join("; "));
    }
    node
}

//! Outlook mailboxes read in a worker: the worker walks the `.pst` and
//! streams its items back one frame each, announcing every item before it
//! reads it. If the worker dies or stalls on an item, that item is noted as
//! a problem, skipped, and a fresh worker carries on from there; the
//! messages already handed over are kept. Each frame resets the time limit,
//! so a mailbox of any size may take as long as it needs while no single
//! item may hang.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use super::protocol::{self, Job, Reply};
use super::{Failure, Isolation, Slot};
use crate::extract::pst::{self, MailboxItem, MailboxReport};
use crate::extract::{Child, ExtractError, Limits};

/// A fresh worker is started at most this many times for one mailbox.
const MAX_RESTARTS: usize = 20;

/// One mailbox item as it crosses the pipe.
#[derive(Debug, Serialize, Deserialize)]
pub struct WireItem {
    node: u32,
    folder: String,
    name: String,
    data: ByteBuf,
    attachments: Vec<(String, ByteBuf)>,
    warnings: Vec<String>,
}

impl From<MailboxItem> for WireItem {
    fn from(item: MailboxItem) -> WireItem {
        WireItem {
            node: item.node,
            folder: item.folder,
            name: item.name,
            data: ByteBuf::from(item.data),
            attachments: item
                .attachments
                .into_iter()
                .map(|c| (c.name, ByteBuf::from(c.data)))
                .collect(),
            warnings: item.warnings,
        }
    }
}

impl From<WireItem> for MailboxItem {
    fn from(item: WireItem) -> MailboxItem {
        MailboxItem {
            node: item.node,
            folder: item.folder,
            name: item.name,
            data: item.data.into_vec(),
            attachments: item
                .attachments
                .into_iter()
                .map(|(name, data)| Child {
                    name,
                    data: data.into_vec(),
                })
                .collect(),
            warnings: item.warnings,
        }
    }
}

/// What reading found, as it crosses the pipe.
#[derive(Debug, Serialize, Deserialize)]
pub struct WireReport {
    display_name: String,
    format: String,
    folders: Vec<(String, u64)>,
    items: u64,
    problems: Vec<String>,
    stopped: bool,
}

impl From<MailboxReport> for WireReport {
    fn from(report: MailboxReport) -> WireReport {
        WireReport {
            display_name: report.display_name,
            format: report.format.to_string(),
            folders: report.folders,
            items: report.items,
            problems: report.problems,
            stopped: report.stopped,
        }
    }
}

impl From<WireReport> for MailboxReport {
    fn from(report: WireReport) -> MailboxReport {
        MailboxReport {
            display_name: report.display_name,
            format: match report.format.as_str() {
                "ansi" => "ansi",
                "unicode" => "unicode",
                _ => "",
            },
            folders: report.folders,
            items: report.items,
            problems: report.problems,
            stopped: report.stopped,
        }
    }
}

/// The worker's side: walks the mailbox, writing a frame before each item
/// (`MailboxReading`), one per item, and the report last.
pub(super) fn serve(
    path: &Path,
    limits: &Limits,
    skip: &[u32],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let skip: std::collections::HashSet<u32> = skip.iter().copied().collect();
    let mut failed = None;
    let report = {
        let out = std::cell::RefCell::new(&mut *out);
        let announce = |node: u32| {
            if skip.contains(&node) {
                return true;
            }
            let _ = protocol::send(*out.borrow_mut(), &Reply::MailboxReading(node));
            false
        };
        let mut on_item = |item: MailboxItem| match protocol::send(
            *out.borrow_mut(),
            &Reply::MailboxItem(item.into()),
        ) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e);
                ControlFlow::Break(())
            }
        };
        pst::read_mailbox(path, limits, &announce, &mut on_item)
    };
    if let Some(e) = failed {
        return Err(e);
    }
    protocol::send(out, &Reply::MailboxDone(report.map(WireReport::from)))
}

/// Reads the mailbox at `path` in `slot`'s worker (or here, without
/// isolation): the same contract as [`pst::read_mailbox`].
#[allow(clippy::too_many_arguments)]
pub fn read_mailbox(
    isolation: &Isolation,
    slot: &mut Slot,
    path: &Path,
    limits: &Limits,
    skip: &dyn Fn(u32) -> bool,
    stored: Vec<u32>,
    on_item: &mut dyn FnMut(MailboxItem) -> ControlFlow<()>,
    cancel: &AtomicBool,
) -> Result<MailboxReport, ExtractError> {
    let Some(spec) = &isolation.spec else {
        return pst::read_mailbox(path, limits, skip, on_item);
    };
    let mut skipped = stored;
    let mut problems = Vec::new();
    let mut emitted = 0u64;
    for _ in 0..=MAX_RESTARTS {
        let job = Job::ReadMailbox {
            path: path.to_path_buf(),
            limits: limits.clone(),
            skip: skipped.clone(),
        };
        let mut reading = None;
        let mut done = None;
        let mut stopped_by_caller = false;
        let streamed = slot.run_stream(spec, &job, cancel, &mut |reply| match reply {
            Reply::MailboxReading(node) => {
                reading = Some(node);
                ControlFlow::Continue(())
            }
            Reply::MailboxItem(item) => {
                let item = MailboxItem::from(item);
                skipped.push(item.node);
                emitted += 1;
                reading = None;
                if on_item(item).is_break() {
                    stopped_by_caller = true;
                    return ControlFlow::Break(());
                }
                ControlFlow::Continue(())
            }
            Reply::MailboxDone(report) => {
                done = Some(report);
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        });
        if stopped_by_caller || streamed == Err(Failure::Cancelled) {
            return Ok(MailboxReport {
                stopped: true,
                items: emitted,
                problems,
                ..MailboxReport::default()
            });
        }
        match (streamed, done) {
            (Ok(()), Some(result)) => {
                let mut report = MailboxReport::from(result?);
                problems.append(&mut report.problems);
                report.problems = problems;
                report.items = emitted;
                return Ok(report);
            }
            (result, _) => {
                let failure = result
                    .err()
                    .unwrap_or_else(|| Failure::Crashed("it ended without a report".into()));
                match reading {
                    Some(node) => {
                        problems.push(format!("item {node:x} could not be read: {failure}"));
                        skipped.push(node);
                    }
                    None => {
                        return Err(ExtractError::Corrupt(format!(
                            "the mailbox reader stopped: {failure}"
                        )))
                    }
                }
            }
        }
    }
    Err(ExtractError::Corrupt(format!(
        "the mailbox reader stopped on {MAX_RESTARTS} items; the rest was not read ({})",
        problems.join("; ")
    )))
}

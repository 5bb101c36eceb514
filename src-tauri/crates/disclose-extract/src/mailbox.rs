//! Outlook mailboxes read in a worker, the worker's half: it walks the
//! `.pst` and streams its items back one frame each, announcing every item
//! before it reads it, so the parent (`disclose_core::isolate::mailbox`)
//! knows which item a dead or stalled worker was on and can start a fresh
//! one past it.

use std::ops::ControlFlow;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use crate::protocol::{self, Reply};
use crate::pst::{self, MailboxItem, MailboxReport};
use crate::{Child, Limits};

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
pub fn serve(
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

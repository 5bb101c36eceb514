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

use super::{Failure, Isolation, Slot};
use crate::extract::protocol::{Job, Reply};
use crate::extract::pst::{self, MailboxItem, MailboxReport};
use crate::extract::{ExtractError, Limits};

/// A fresh worker is started at most this many times for one mailbox.
const MAX_RESTARTS: usize = 20;

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

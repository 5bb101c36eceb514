//! Mailboxes in the mbox format (one file of messages, each starting with a
//! `From ` line), read from disk message by message so that a mailbox of
//! any size is read in bounded memory, like an Outlook mailbox (see
//! [`super::pst`]). Each message is handed on as an `.eml`; `>From ` lines
//! that the mbox quoting added are unquoted. A message larger than the
//! parse limit is skipped with a problem noted, not held in memory.

use std::io::{self, BufRead, BufReader};
use std::ops::ControlFlow;
use std::path::Path;

use super::pst::{MailboxItem, MailboxReport};
use super::{ExtractError, Limits};

/// Reads the mbox file at `path`. `skip` says which messages (numbered
/// from one) are already stored; `on_item` receives each other message and
/// may stop the walk.
pub fn read_mbox(
    path: &Path,
    limits: &Limits,
    skip: &dyn Fn(u32) -> bool,
    on_item: &mut dyn FnMut(MailboxItem) -> ControlFlow<()>,
) -> Result<MailboxReport, ExtractError> {
    let file = std::fs::File::open(path)
        .map_err(|e| ExtractError::Corrupt(format!("the mailbox cannot be opened: {e}")))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut report = MailboxReport {
        format: "mbox",
        ..MailboxReport::default()
    };
    let mut message = Message::default();
    let mut line = Vec::new();
    let mut previous_blank = true;
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| ExtractError::Corrupt(format!("the mailbox could not be read: {e}")))?;
        let at_end = read == 0;
        let starts_message = !at_end && previous_blank && line.starts_with(b"From ");
        if at_end || starts_message {
            if message.started {
                report.items += 1;
                let number = report.items as u32;
                if let Some(item) = message.finish(number, limits, &mut report.problems) {
                    if !skip(number) && on_item(item).is_break() {
                        report.stopped = true;
                        break;
                    }
                }
            }
            if at_end {
                break;
            }
            message = Message {
                started: true,
                ..Message::default()
            };
            previous_blank = false;
            continue;
        }
        previous_blank = line == b"\n" || line == b"\r\n";
        if !message.started {
            // Text before the first `From ` line is not a message.
            continue;
        }
        message.push(&line, limits.max_parse_bytes);
    }
    if report.items == 0 {
        return Err(ExtractError::Corrupt(
            "no messages found in the mailbox".into(),
        ));
    }
    Ok(report)
}

/// The message being read.
#[derive(Default)]
struct Message {
    started: bool,
    data: Vec<u8>,
    /// Bytes seen, kept or not.
    size: u64,
}

impl Message {
    fn push(&mut self, line: &[u8], max: u64) {
        self.size += line.len() as u64;
        if self.size > max {
            self.data = Vec::new();
            return;
        }
        // mboxrd quoting: `>From `, `>>From ` ... lose one `>`.
        let unquoted = line
            .iter()
            .position(|&b| b != b'>')
            .filter(|&n| n > 0 && line[n..].starts_with(b"From "))
            .map_or(line, |_| &line[1..]);
        self.data.extend_from_slice(unquoted);
    }

    fn finish(
        mut self,
        number: u32,
        limits: &Limits,
        problems: &mut Vec<String>,
    ) -> Option<MailboxItem> {
        if self.size > limits.max_parse_bytes {
            problems.push(format!(
                "message {number} is larger than {} MiB and was not read",
                limits.max_parse_bytes >> 20
            ));
            return None;
        }
        // The blank line before the next `From ` belongs to the mbox.
        if self.data.ends_with(b"\r\n\r\n") {
            self.data.truncate(self.data.len() - 2);
        } else if self.data.ends_with(b"\n\n") {
            self.data.truncate(self.data.len() - 1);
        }
        Some(MailboxItem {
            node: number,
            folder: String::new(),
            name: format!("message-{number:06}.eml"),
            data: self.data,
            attachments: Vec::new(),
            warnings: Vec::new(),
        })
    }
}

/// Whether the file at `path` is an mbox mailbox (from its first bytes).
pub fn is_mbox(path: &Path) -> io::Result<bool> {
    use std::io::Read;
    let mut head = vec![0u8; 8192];
    let n = std::fs::File::open(path)?.read(&mut head)?;
    head.truncate(n);
    Ok(super::sniff(&head, &path.to_string_lossy()) == super::FileType::Mbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Vec<MailboxItem>, MailboxReport) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("box.mbox");
        std::fs::write(&path, text).unwrap();
        let mut items = Vec::new();
        let report = read_mbox(&path, &Limits::default(), &|_| false, &mut |item| {
            items.push(item);
            ControlFlow::Continue(())
        })
        .unwrap();
        (items, report)
    }

    #[test]
    fn messages_are_split_at_from_lines_and_unquoted() {
        let text = "From a@example.org Mon Jan  5 10:00:00 2026\n\
                    Subject: one\n\n\
                    Hello\n>From the start\n\n\
                    From b@example.org Mon Jan  5 11:00:00 2026\n\
                    Subject: two\n\n\
                    Dear tenant,\n\
                    From here on, a line inside a paragraph.\n";
        let (items, report) = read_all(text);
        assert_eq!(report.items, 2);
        assert_eq!(items.len(), 2);
        let first = String::from_utf8(items[0].data.clone()).unwrap();
        assert_eq!(first, "Subject: one\n\nHello\nFrom the start\n");
        let second = String::from_utf8(items[1].data.clone()).unwrap();
        assert!(
            second.contains("From here on"),
            "a From inside a paragraph stays: {second}"
        );
        assert_eq!(items[1].name, "message-000002.eml");
    }

    #[test]
    fn fifty_thousand_messages_are_all_read() {
        let mut text = String::new();
        for n in 0..50_000 {
            text.push_str(&format!(
                "From tenant{n}@example.org Mon Jan  5 10:00:00 2026\nSubject: repair {n}\n\nBoiler.\n\n"
            ));
        }
        let (items, report) = read_all(&text);
        assert_eq!(report.items, 50_000);
        assert_eq!(items.len(), 50_000);
    }

    #[test]
    fn stored_messages_are_skipped_and_a_file_without_messages_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("box.mbox");
        std::fs::write(
            &path,
            "From a\nSubject: 1\n\nx\n\nFrom b\nSubject: 2\n\ny\n",
        )
        .unwrap();
        let mut names = Vec::new();
        read_mbox(&path, &Limits::default(), &|n| n == 1, &mut |item| {
            names.push(item.name);
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(names, ["message-000002.eml"]);
        std::fs::write(&path, "no messages here\n").unwrap();
        assert!(read_mbox(&path, &Limits::default(), &|_| false, &mut |_| {
            ControlFlow::Continue(())
        })
        .is_err());
    }
}

//! Outlook data files (`.pst`, ANSI and Unicode), read with Microsoft's
//! `outlook-pst` crate straight from disk, one message at a time, so a
//! mailbox of any size is read in bounded memory.
//!
//! Every folder under the mailbox's top folder is walked; each item is
//! handed to the caller as a file in a standard format, which the import
//! then reads like any other file of that kind: e-mail (and anything else
//! that is not one of the kinds below) as an `.eml` with its attachments,
//! appointments and tasks as iCalendar, contacts and distribution lists as
//! vCard. The folder path travels with each item.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::ops::ControlFlow;
use std::path::Path;
use std::rc::Rc;

use outlook_pst::ltp::prop_context::PropertyValue;
use outlook_pst::ltp::table_context::TableContext;
use outlook_pst::messaging::attachment::{Attachment, AttachmentData};
use outlook_pst::messaging::message::Message;
use outlook_pst::messaging::store::{EntryId, Store};
use outlook_pst::ndb::node_id::NodeId;
use outlook_pst::ndb::page::NodeBTreeEntry;
use outlook_pst::PstFile;

mod cards;
mod embedded;

use super::mapi::{self, *};
use super::{archive, Child, ExtractError, Limits};

/// PidTagPstPassword: a CRC of the password set in Outlook.
const PST_PASSWORD: u16 = 0x67FF;
const START_DATE: u16 = 0x0060;
const END_DATE: u16 = 0x0061;
const ATTACH_SIZE: u16 = 0x0E20;
const ATTACH_METHOD: u16 = 0x3705;
/// Deepest folder nesting followed.
const MAX_FOLDER_DEPTH: usize = 64;

/// One item of the mailbox, as a file.
#[derive(Debug)]
pub struct MailboxItem {
    /// The item's node id, unique in the file: the key a resumed import
    /// skips by.
    pub node: u32,
    /// Folder path under the mailbox's top, e.g. `Inbox/Repairs`.
    pub folder: String,
    /// `Subject.eml`, `Name.vcf`, `Subject.ics`.
    pub name: String,
    pub data: Vec<u8>,
    /// Files attached to an appointment, contact or task (an e-mail's
    /// attachments travel inside its `.eml`).
    pub attachments: Vec<Child>,
    /// Parts of the item that could not be read.
    pub warnings: Vec<String>,
}

/// What reading the mailbox found, besides its items.
#[derive(Debug, Default)]
pub struct MailboxReport {
    pub display_name: String,
    /// `ansi` or `unicode`.
    pub format: &'static str,
    pub folders: Vec<(String, u64)>,
    pub items: u64,
    /// Folders and items that could not be read, with the reason.
    pub problems: Vec<String>,
    /// The caller stopped the walk (cancelled).
    pub stopped: bool,
}

/// Reads the mailbox at `path`. `skip` says which nodes are already stored
/// (a resumed import); `on_item` receives each other item in folder order
/// and may stop the walk.
pub fn read_mailbox(
    path: &Path,
    limits: &Limits,
    skip: &dyn Fn(u32) -> bool,
    on_item: &mut dyn FnMut(MailboxItem) -> ControlFlow<()>,
) -> Result<MailboxReport, ExtractError> {
    let mut walk = Walk {
        limits,
        skip,
        on_item,
        report: MailboxReport::default(),
        named: BTreeMap::new(),
    };
    let damaged = |e: io::Error| {
        ExtractError::Corrupt(format!(
            "the Outlook mailbox could not be opened (damaged or cut short?): {e}"
        ))
    };
    if file_version(path).map_err(damaged)? >= 23 {
        walk.report.format = "unicode";
        walk.run::<Unicode>(path, Unicode::open(path).map_err(damaged)?)?;
    } else {
        walk.report.format = "ansi";
        walk.run::<Ansi>(path, Ansi::open(path).map_err(damaged)?)?;
    }
    Ok(walk.report)
}

/// The format version in the file's header: 14 or 15 for ANSI files, 23
/// or more for Unicode ones.
fn file_version(path: &Path) -> io::Result<u16> {
    use std::io::Read;
    let mut head = [0u8; 12];
    std::fs::File::open(path)?.read_exact(&mut head)?;
    Ok(u16::from_le_bytes([head[10], head[11]]))
}

/// The file is opened afresh after this many items: the PST library
/// caches every B-tree page it reads, for as long as the file is open.
const REOPEN_EVERY: u64 = 1_000;

/// An open mailbox file and its message store.
struct Opened<F: Flavor> {
    file: Rc<F::File>,
    store: Rc<F::Store>,
}

/// The two file formats differ only in types; this names the calls that
/// need the concrete ones.
trait Flavor: Sized {
    type File: outlook_pst::PstFile;
    type Store: Store + 'static;
    type Message: Message + 'static;
    fn open(path: &Path) -> io::Result<Opened<Self>>;
    /// The sub-node tree block of a node in the file's node B-tree.
    fn node_sub_tree(file: &Self::File, node: u32) -> io::Result<u64>;
    /// A data block, decoded, with the blocks of its data tree after it.
    fn block(file: &Self::File, bid: u64) -> io::Result<Vec<u8>>;
    fn read_message(store: &Rc<Self::Store>, entry: &EntryId) -> io::Result<Rc<Self::Message>>;
    fn read_attachment(message: &Rc<Self::Message>, node: NodeId)
        -> io::Result<Rc<dyn Attachment>>;
}

struct Unicode;
struct Ansi;

/// One `Flavor` implementation per file format; `$bid` is the format's
/// block id width (`u64` or `u32`).
macro_rules! flavor {
    ($flavor:ident, $file:ident, $store:ident, $message:ident, $attachment:ident, $bid:ty) => {
        impl Flavor for $flavor {
            type File = outlook_pst::$file;
            type Store = outlook_pst::messaging::store::$store;
            type Message = outlook_pst::messaging::message::$message;

            fn open(path: &Path) -> io::Result<Opened<Self>> {
                let file = Rc::new(Self::File::open(path)?);
                let store = Self::Store::read(file.clone())?;
                Ok(Opened { file, store })
            }

            fn node_sub_tree(file: &Self::File, node: u32) -> io::Result<u64> {
                let entry = file.read_node(NodeId::from(node))?;
                Ok(entry
                    .sub_node()
                    .map(|b| u64::from(<$bid>::from(b)))
                    .unwrap_or(0))
            }

            fn block(file: &Self::File, bid: u64) -> io::Result<Vec<u8>> {
                let bid =
                    <$bid>::try_from(bid).map_err(|_| io::Error::other("block id out of range"))?;
                file.read_block(bid.into())
            }

            fn read_message(
                store: &Rc<Self::Store>,
                entry: &EntryId,
            ) -> io::Result<Rc<Self::Message>> {
                Self::Message::read(store.clone(), entry, None)
            }

            fn read_attachment(
                message: &Rc<Self::Message>,
                node: NodeId,
            ) -> io::Result<Rc<dyn Attachment>> {
                Ok(outlook_pst::messaging::attachment::$attachment::read(
                    message.clone(),
                    node,
                    None,
                )?)
            }
        }
    };
}

flavor!(
    Unicode,
    UnicodePstFile,
    UnicodeStore,
    UnicodeMessage,
    UnicodeAttachment,
    u64
);
flavor!(
    Ansi,
    AnsiPstFile,
    AnsiStore,
    AnsiMessage,
    AnsiAttachment,
    u32
);

struct Walk<'a> {
    limits: &'a Limits,
    skip: &'a dyn Fn(u32) -> bool,
    on_item: &'a mut dyn FnMut(MailboxItem) -> ControlFlow<()>,
    report: MailboxReport,
    /// This mailbox's ids of the named properties shown by name.
    named: BTreeMap<u16, &'static str>,
}

impl Walk<'_> {
    fn run<F: Flavor>(&mut self, path: &Path, mut opened: Opened<F>) -> Result<(), ExtractError> {
        let properties = opened.store.properties();
        if matches!(properties.get(PST_PASSWORD), Some(PropertyValue::Integer32(crc)) if *crc != 0)
        {
            return Err(ExtractError::Encrypted(
                "the Outlook mailbox is password-protected; remove its password in Outlook \
                 (Account Settings, Data Files, Settings, Change Password) and import it again"
                    .into(),
            ));
        }
        self.report.display_name = properties.display_name().unwrap_or_default();
        self.named = cards::named_fields(opened.store.as_ref());
        let top = properties.ipm_sub_tree_entry_id().map_err(|e| {
            ExtractError::Corrupt(format!("the mailbox's top folder is missing: {e}"))
        })?;
        let mut seen = HashSet::new();
        let mut pending = vec![(u32::from(top.node_id()), String::new(), 0usize)];
        let mut since_open = 0;
        while let Some((folder_node, folder_path, depth)) = pending.pop() {
            if !seen.insert(folder_node) {
                continue;
            }
            let Some((children, nodes)) = self.folder(&opened, folder_node, &folder_path, depth)
            else {
                continue;
            };
            // Popped from the end: reversed so folders are read in order.
            pending.extend(children.into_iter().rev());
            for node in nodes {
                if (self.skip)(node) {
                    continue;
                }
                if since_open >= REOPEN_EVERY {
                    opened = F::open(path).map_err(|e| {
                        ExtractError::Corrupt(format!("the mailbox could not be reopened: {e}"))
                    })?;
                    since_open = 0;
                }
                since_open += 1;
                let store = &opened.store;
                let attached = Attached::<F> {
                    file: &opened.file,
                    path,
                };
                let path = &folder_path;
                let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    self.read_item::<F>(store, &attached, node, path)
                }))
                .unwrap_or_else(|_| Err(io::Error::other("the PST library crashed on it")));
                let item = match read {
                    Ok(item) => item,
                    Err(e) => {
                        self.report
                            .problems
                            .push(format!("'{path}': item {node:x} could not be read: {e}"));
                        continue;
                    }
                };
                self.report.items += 1;
                if (self.on_item)(item).is_break() {
                    self.report.stopped = true;
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// A folder's sub-folders (node, path, depth) and its items' nodes;
    /// `None`, with a problem noted, when it cannot be read.
    #[allow(clippy::type_complexity)]
    fn folder<F: Flavor>(
        &mut self,
        opened: &Opened<F>,
        node: u32,
        path: &str,
        depth: usize,
    ) -> Option<(Vec<(u32, String, usize)>, Vec<u32>)> {
        let store = &opened.store;
        let properties = store.properties();
        let folder = properties
            .make_entry_id(NodeId::from(node))
            .and_then(|entry| store.open_folder(&entry));
        let folder = match folder {
            Ok(f) => f,
            Err(e) => {
                self.report
                    .problems
                    .push(format!("folder '{path}' could not be read: {e}"));
                return None;
            }
        };
        let mut children = Vec::new();
        if let Some(table) = folder.hierarchy_table() {
            for row in table.rows_matrix() {
                let child = u32::from(row.id());
                let name = properties
                    .make_entry_id(NodeId::from(child))
                    .and_then(|entry| store.open_folder(&entry))
                    .ok()
                    .and_then(|f| f.properties().display_name().ok())
                    .unwrap_or_else(|| format!("folder {child:x}"));
                let child_path = if path.is_empty() {
                    name
                } else {
                    format!("{path}/{name}")
                };
                if depth + 1 > MAX_FOLDER_DEPTH {
                    self.report
                        .problems
                        .push(format!("folder '{child_path}' nested too deep; not read"));
                    continue;
                }
                children.push((child, child_path, depth + 1));
            }
        }
        let nodes: Vec<u32> = folder
            .contents_table()
            .map(|contents| {
                contents
                    .rows_matrix()
                    .map(|row| u32::from(row.id()))
                    .collect()
            })
            .unwrap_or_default();
        if !path.is_empty() {
            self.report
                .folders
                .push((path.to_string(), nodes.len() as u64));
        }
        Some((children, nodes))
    }

    fn read_item<F: Flavor>(
        &self,
        store: &Rc<F::Store>,
        attached: &Attached<F>,
        node: u32,
        folder: &str,
    ) -> io::Result<MailboxItem> {
        let entry = store.properties().make_entry_id(NodeId::from(node))?;
        let message = F::read_message(store, &entry)?;
        let props = Props::of(message.properties().iter());
        let class = props.text(MESSAGE_CLASS).to_ascii_lowercase();
        let mut warnings = Vec::new();
        let named = &self.named;
        let kind = if class.starts_with("ipm.appointment") {
            Some("VEVENT")
        } else if class.starts_with("ipm.task") {
            Some("VTODO")
        } else if class.starts_with("ipm.contact") || class.starts_with("ipm.distlist") {
            Some("VCARD")
        } else {
            None
        };
        let mut attachments =
            attachments::<F>(&message, node, attached, self.limits, &mut warnings);
        let (name, data) = match kind {
            Some("VCARD") => (
                format!("{}.vcf", props.first(&[DISPLAY_NAME, SUBJECT], "contact")),
                cards::vcard(&props, named, self.limits),
            ),
            Some(component) => (
                format!("{}.ics", props.subject_or("appointment")),
                cards::calendar(&props, named, message.as_ref(), component, self.limits),
            ),
            None => {
                let mut mail = mail(
                    &props,
                    recipients(message.as_ref()),
                    self.limits,
                    &mut warnings,
                );
                mail.attachments = std::mem::take(&mut attachments);
                (
                    format!("{}.eml", props.subject_or("message")),
                    mapi::to_eml(&mail),
                )
            }
        };
        Ok(MailboxItem {
            node,
            folder: folder.to_string(),
            name: archive::safe_name(&name.replace('/', "-")).0,
            data,
            attachments,
            warnings,
        })
    }
}

/// A property value as Disclose uses it.
#[derive(Debug, Clone)]
enum Val {
    Text(String),
    Int(i64),
    /// FILETIME ticks.
    Time(i64),
    Bytes(Vec<u8>),
}

impl Val {
    fn of(value: &PropertyValue) -> Option<Val> {
        Some(match value {
            PropertyValue::Unicode(s) => Val::Text(s.to_string()),
            PropertyValue::String8(s) => Val::Text(string8(s.buffer())),
            PropertyValue::Integer16(n) => Val::Int(i64::from(*n)),
            PropertyValue::Integer32(n) => Val::Int(i64::from(*n)),
            PropertyValue::Integer64(n) => Val::Int(*n),
            PropertyValue::Boolean(b) => Val::Int(i64::from(*b)),
            PropertyValue::Time(t) => Val::Time(*t),
            PropertyValue::Binary(b) => Val::Bytes(b.buffer().to_vec()),
            _ => return None,
        })
    }
}

/// An 8-bit string, in the Windows code page Outlook writes by default.
fn string8(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
}

/// A message's properties with the values Disclose uses.
#[derive(Debug, Default)]
struct Props(BTreeMap<u16, Val>);

impl Props {
    fn of<'a>(iter: impl Iterator<Item = (&'a u16, &'a PropertyValue)>) -> Props {
        Props(iter.filter_map(|(k, v)| Some((*k, Val::of(v)?))).collect())
    }

    fn text(&self, id: u16) -> String {
        let text = match self.0.get(&id) {
            Some(Val::Text(t)) => t.trim_end_matches('\0'),
            _ => return String::new(),
        };
        // A subject may start with a marker (U+0001) and the length of its
        // prefix ("RE: "): the marker pair is not part of the text.
        match text.strip_prefix('\u{1}') {
            Some(rest) if id == SUBJECT => rest.chars().skip(1).collect(),
            _ => text.to_string(),
        }
    }

    fn int(&self, id: u16) -> Option<i64> {
        match self.0.get(&id)? {
            Val::Int(n) => Some(*n),
            _ => None,
        }
    }

    fn first(&self, ids: &[u16], fallback: &str) -> String {
        ids.iter()
            .map(|&id| self.text(id))
            .find(|t| !t.trim().is_empty())
            .map(|t| short(&t))
            .unwrap_or_else(|| fallback.to_string())
    }

    fn subject_or(&self, fallback: &str) -> String {
        self.first(&[SUBJECT], fallback)
    }

    fn time(&self, id: u16) -> Option<chrono::DateTime<chrono::Utc>> {
        match self.0.get(&id)? {
            Val::Time(t) => mapi::filetime(*t as u64),
            _ => None,
        }
    }

    fn bytes(&self, id: u16) -> Option<&[u8]> {
        match self.0.get(&id)? {
            Val::Bytes(b) => Some(b),
            Val::Text(t) => Some(t.as_bytes()),
            _ => None,
        }
    }

    /// String properties not already shown, for the record: custom and
    /// unnamed properties can hold personal data too. Address types and
    /// values already on the card are left out.
    fn other_strings(&self, used: &[u16], shown: &str) -> Vec<(u16, String)> {
        const NOISE: [u16; 8] = [
            0x0E1D, 0x0070, 0x0C1E, 0x0064, 0x3002, 0x001A, 0x0075, 0x0077,
        ];
        let shown = shown.to_lowercase();
        let mut seen = HashSet::new();
        self.0
            .keys()
            .filter(|id| !used.contains(id) && !NOISE.contains(id))
            .filter_map(|&id| {
                let text = self.text(id).trim().to_string();
                let key = text.to_lowercase();
                let fresh = !text.is_empty()
                    && !matches!(key.as_str(), "smtp" | "ex" | "fax" | "unknown")
                    && !shown.contains(&cards::escape(&key))
                    && seen.insert(key);
                fresh.then_some((id, text))
            })
            .collect()
    }
}

/// A subject cut to a sensible file name length.
fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.chars().take(80).collect()
}

/// Each row of a table: its id, and its cells as property id → value
/// (cells that cannot be read are left out).
fn table_rows(table: &dyn TableContext) -> Vec<(u32, Props)> {
    let context = table.context();
    table
        .rows_matrix()
        .map(|row| {
            let values = row.columns(context).unwrap_or_default();
            let cells = context
                .columns()
                .iter()
                .zip(values)
                .filter_map(|(column, value)| {
                    let value = table
                        .read_column(value.as_ref()?, column.prop_type())
                        .ok()?;
                    Some((column.prop_id(), Val::of(&value)?))
                })
                .collect();
            (u32::from(row.id()), Props(cells))
        })
        .collect()
}

/// To, Cc and Bcc as `Name <address>` lists, from the recipient table.
fn recipients(message: &dyn Message) -> [Vec<String>; 3] {
    match message.recipient_table() {
        Some(table) => recipient_lists(table_rows(table.as_ref()).into_iter().map(|(_, p)| p)),
        None => Default::default(),
    }
}

/// To, Cc and Bcc as `Name <address>` lists, from recipient rows.
fn recipient_lists(rows: impl Iterator<Item = Props>) -> [Vec<String>; 3] {
    let mut lists: [Vec<String>; 3] = Default::default();
    for props in rows {
        let email = [props.text(SMTP_ADDRESS), props.text(EMAIL_ADDRESS)]
            .into_iter()
            .find(|a| a.contains('@'))
            .unwrap_or_default();
        let entry = mapi::address(&props.text(DISPLAY_NAME), &email);
        let slot = match props.int(RECIPIENT_TYPE).unwrap_or(1) & 0xFF {
            2 => 1,
            3 => 2,
            _ => 0,
        };
        if !entry.is_empty() {
            lists[slot].push(entry);
        }
    }
    lists
}

fn sender(props: &Props) -> String {
    let address = [
        SENDER_SMTP,
        SENDER_EMAIL,
        SENT_REPRESENTING_SMTP,
        SENT_REPRESENTING_EMAIL,
    ]
    .into_iter()
    .map(|id| props.text(id))
    .find(|a| a.contains('@'))
    .unwrap_or_default();
    let name = [SENDER_NAME, SENT_REPRESENTING_NAME]
        .into_iter()
        .map(|id| props.text(id))
        .find(|n| !n.is_empty())
        .unwrap_or_default();
    let from = mapi::address(&name, &address);
    if from.is_empty() {
        mapi::header_line(&props.text(TRANSPORT_HEADERS), "from").unwrap_or_default()
    } else {
        from
    }
}

fn body(props: &Props, limits: &Limits, warnings: &mut Vec<String>) -> String {
    let plain = props.text(BODY);
    mapi::body_text(
        Some(plain.as_str()),
        props.bytes(HTML),
        props.bytes(RTF_COMPRESSED),
        limits,
        warnings,
    )
}

/// An e-mail (or any item without a kind of its own), attachments aside.
fn mail(
    props: &Props,
    [to, cc, bcc]: [Vec<String>; 3],
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> mapi::Message {
    let pick = |list: Vec<String>, display: u16| {
        if list.is_empty() {
            props.text(display)
        } else {
            list.join(", ")
        }
    };
    let headers = props.text(TRANSPORT_HEADERS);
    let mut message_id = props.text(MESSAGE_ID);
    if message_id.is_empty() {
        message_id = mapi::header_line(&headers, "message-id").unwrap_or_default();
    }
    mapi::Message {
        class: props.text(MESSAGE_CLASS),
        subject: props.text(SUBJECT),
        from: sender(props),
        to: pick(to, DISPLAY_TO),
        cc: pick(cc, DISPLAY_CC),
        bcc: pick(bcc, DISPLAY_BCC),
        date: props
            .time(CLIENT_SUBMIT_TIME)
            .or_else(|| props.time(DELIVERY_TIME)),
        message_id,
        in_reply_to: props.text(IN_REPLY_TO),
        references: props.text(REFERENCES),
        body: body(props, limits, warnings),
        attachments: Vec::new(),
        warnings: Vec::new(),
    }
}

/// What reading attached messages needs: the crate cannot (see
/// [`embedded`]).
struct Attached<'a, F: Flavor> {
    file: &'a F::File,
    path: &'a Path,
}

fn attachments<F: Flavor>(
    message: &Rc<F::Message>,
    message_node: u32,
    attached: &Attached<F>,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Vec<Child> {
    let Some(table) = message.attachment_table() else {
        return Vec::new();
    };
    let mut children = Vec::new();
    for (index, (node, row)) in table_rows(table.as_ref()).into_iter().enumerate() {
        let name = row.first(
            &[ATTACH_LONG_FILENAME, ATTACH_FILENAME, DISPLAY_NAME],
            &format!("attachment-{}", index + 1),
        );
        // The attachment table says which attachments are messages; the
        // crate cannot open those, so they are not handed to it.
        let attachment = (row.int(ATTACH_METHOD) != Some(5))
            .then(|| F::read_attachment(message, NodeId::from(node)));
        let data = match &attachment {
            Some(Ok(a)) => a.data(),
            _ => None,
        };
        if attachment.is_none() || matches!(data, Some(AttachmentData::Message(_))) {
            let read_block = |bid: u64| F::block(attached.file, bid);
            let read = embedded::Reader::open(attached.path, &read_block).and_then(|raw| {
                let sub = F::node_sub_tree(attached.file, message_node)?;
                raw.attached_message(sub, node)
            });
            match read {
                Ok(inner) => children.push(Child {
                    name: archive::safe_name(&eml_name(&name)).0,
                    data: attached_eml(&inner, limits, warnings),
                }),
                Err(e) => {
                    warnings.push(format!("attached message '{name}' could not be read: {e}"))
                }
            }
            continue;
        }
        match (&attachment, data) {
            (Some(Err(e)), _) => {
                warnings.push(format!("attachment '{name}' could not be read: {e}"))
            }
            (_, Some(AttachmentData::Binary(data))) => {
                if data.buffer().len() as u64 > limits.max_child_bytes {
                    warnings.push(format!(
                        "attachment '{name}' is over the size limit; not read"
                    ));
                    continue;
                }
                children.push(Child {
                    name: archive::safe_name(&name).0,
                    data: data.buffer().to_vec(),
                });
            }
            _ => {
                let size = row.int(ATTACH_SIZE).unwrap_or(0);
                warnings.push(format!(
                    "attachment '{name}' ({size} bytes) is a link or an OLE object; not read"
                ));
            }
        }
    }
    children
}

fn eml_name(name: &str) -> String {
    if name.to_ascii_lowercase().ends_with(".eml") {
        name.to_string()
    } else {
        format!("{name}.eml")
    }
}

/// An attached message, with its own attachments, as an `.eml`.
fn attached_eml(
    message: &embedded::AttachedMessage,
    limits: &Limits,
    warnings: &mut Vec<String>,
) -> Vec<u8> {
    let recipients = recipient_lists(message.recipients.iter().map(|p| Props(p.0.clone())));
    let mut mail = mail(&message.props, recipients, limits, warnings);
    for part in &message.attachments {
        match part {
            embedded::AttachedPart::File { name, data } => mail.attachments.push(Child {
                name: archive::safe_name(name).0,
                data: data.clone(),
            }),
            embedded::AttachedPart::Message { name, message } => mail.attachments.push(Child {
                name: archive::safe_name(&eml_name(name)).0,
                data: attached_eml(message, limits, warnings),
            }),
            embedded::AttachedPart::Unreadable { name, reason } => warnings.push(format!(
                "attachment '{name}' of an attached message could not be read: {reason}"
            )),
        }
    }
    mapi::to_eml(&mail)
}

//! Attached messages inside a `.pst`. The `outlook-pst` crate (1.2) stops
//! at the property that points to an attached message (type `PtypObject`),
//! so this part of the format (MS-PST 2.2.2.8, 2.3.1, 2.3.2, 2.3.3) is read
//! here: the sub-node tree of the message, the attachment's property
//! context, and the attached message's own properties and attachments,
//! recursively. Data blocks are still read, and decoded, by the crate;
//! only the block B-tree pages and sub-node blocks, which are never
//! encoded, are read straight from the file.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::{Props, Val};

/// Deepest attached-message nesting followed.
const MAX_DEPTH: u32 = 8;
/// Deepest B-tree or sub-node tree followed.
const MAX_TREE_DEPTH: u32 = 16;
/// Most nodes of one B-tree-on-heap, or blocks of one sub-node tree, read
/// (a heap holds at most 2,047 allocations per block).
const MAX_TREE_VISITS: usize = 4_096;
/// Most nodes one sub-node tree may list (a damaged tree can point at the
/// same blocks over and over).
const MAX_SUB_NODES: usize = 100_000;
const NID_TYPE_ATTACHMENT: u32 = 0x05;
/// The recipient table's node in a message's sub-node tree.
const NID_RECIPIENT_TABLE: u32 = 0x692;

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

fn le(data: &[u8], at: usize, width: usize) -> io::Result<u64> {
    let bytes = data
        .get(at..at + width)
        .ok_or_else(|| bad("structure runs past its block"))?;
    Ok(bytes
        .iter()
        .rev()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

/// A node inside a message: its data block and its own sub-node tree.
#[derive(Debug, Clone, Copy)]
pub(super) struct SubNode {
    pub data: u64,
    pub sub: u64,
}

/// An attached message: its properties and its own attachments, read.
pub(super) struct AttachedMessage {
    pub props: Props,
    /// One row of the recipient table each.
    pub recipients: Vec<Props>,
    pub attachments: Vec<AttachedPart>,
}

/// One attachment of an attached message.
pub(super) enum AttachedPart {
    File {
        name: String,
        data: Vec<u8>,
    },
    Message {
        name: String,
        message: Box<AttachedMessage>,
    },
    Unreadable {
        name: String,
        reason: String,
    },
}

pub(super) struct Reader<'a> {
    file: RefCell<File>,
    /// Unicode (64-bit ids and offsets) rather than ANSI (32-bit).
    wide: bool,
    bbt_root: u64,
    read_block: &'a dyn Fn(u64) -> io::Result<Vec<u8>>,
}

impl<'a> Reader<'a> {
    pub fn open(
        path: &Path,
        read_block: &'a dyn Fn(u64) -> io::Result<Vec<u8>>,
    ) -> io::Result<Reader<'a>> {
        let mut file = File::open(path)?;
        let mut header = vec![0u8; 0x100];
        file.read_exact(&mut header)?;
        let version = le(&header, 10, 2)?;
        let wide = version >= 23;
        let bbt_root = if wide {
            le(&header, 0xF0, 8)?
        } else {
            le(&header, 0xC4, 4)?
        };
        Ok(Reader {
            file: RefCell::new(file),
            wide,
            bbt_root,
            read_block,
        })
    }

    fn width(&self) -> usize {
        if self.wide {
            8
        } else {
            4
        }
    }

    fn read_at(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut file = self.file.borrow_mut();
        file.seek(SeekFrom::Start(offset))?;
        let mut data = vec![0u8; len];
        file.read_exact(&mut data)?;
        Ok(data)
    }

    /// Where block `bid` is and how big it is, from the block B-tree.
    fn locate(&self, bid: u64) -> io::Result<(u64, usize)> {
        let w = self.width();
        let wanted = bid & !1;
        let mut page_at = self.bbt_root;
        for _ in 0..MAX_TREE_DEPTH {
            let page = self.read_at(page_at, 512)?;
            let meta = if self.wide { 488 } else { 496 };
            let (count, size, level) =
                (page[meta] as usize, page[meta + 2] as usize, page[meta + 3]);
            if size == 0 || count * size > meta {
                return Err(bad("damaged block B-tree page"));
            }
            let entry = |i: usize, field: usize| le(&page, i * size + field * w, w);
            if level == 0 {
                for i in 0..count {
                    if entry(i, 0)? & !1 == wanted {
                        let length = le(&page, i * size + 2 * w, 2)? as usize;
                        return Ok((entry(i, 1)?, length));
                    }
                }
                return Err(bad("block not found"));
            }
            let mut next = None;
            for i in 0..count {
                if entry(i, 0)? <= wanted {
                    next = Some(entry(i, 2)?);
                }
            }
            page_at = next.ok_or_else(|| bad("block not found"))?;
        }
        Err(bad("block B-tree too deep"))
    }

    /// The nodes of the sub-node tree rooted at block `bid`.
    pub fn sub_nodes(&self, bid: u64) -> io::Result<BTreeMap<u32, SubNode>> {
        let mut out = BTreeMap::new();
        if bid != 0 {
            self.collect_sub_nodes(bid, 0, &mut 0, &mut out)?;
        }
        Ok(out)
    }

    /// `blocks` counts the blocks read, so a damaged tree that points
    /// back at itself ends with an error instead of running on.
    fn collect_sub_nodes(
        &self,
        bid: u64,
        depth: u32,
        blocks: &mut usize,
        out: &mut BTreeMap<u32, SubNode>,
    ) -> io::Result<()> {
        if depth > MAX_TREE_DEPTH {
            return Err(bad("sub-node tree too deep"));
        }
        *blocks += 1;
        if *blocks > MAX_TREE_VISITS {
            return Err(bad("sub-node tree loops back on itself"));
        }
        let (offset, length) = self.locate(bid)?;
        let block = self.read_at(offset, length)?;
        let w = self.width();
        let (kind, level, count) = (block.first().copied(), le(&block, 1, 1)?, le(&block, 2, 2)?);
        if kind != Some(0x02) {
            return Err(bad("not a sub-node block"));
        }
        let start = if self.wide { 8 } else { 4 };
        let entry_size = if level == 0 { 3 * w } else { 2 * w };
        for i in 0..count as usize {
            if out.len() > MAX_SUB_NODES {
                return Err(bad("sub-node tree too large"));
            }
            let at = start + i * entry_size;
            let nid = le(&block, at, w)? as u32;
            if level == 0 {
                let data = le(&block, at + w, w)?;
                let sub = le(&block, at + 2 * w, w)?;
                out.insert(nid, SubNode { data, sub });
            } else {
                self.collect_sub_nodes(le(&block, at + w, w)?, depth + 1, blocks, out)?;
            }
        }
        Ok(())
    }

    /// The attached message that attachment `attachment` of a message
    /// (whose sub-node tree is `message_sub`) carries.
    pub fn attached_message(
        &self,
        message_sub: u64,
        attachment: u32,
    ) -> io::Result<AttachedMessage> {
        let nodes = self.sub_nodes(message_sub)?;
        let node = nodes
            .get(&attachment)
            .ok_or_else(|| bad("attachment node not found"))?;
        let (props, objects) = self.properties(*node)?;
        if props.int(super::ATTACH_METHOD) != Some(5) {
            return Err(bad("not an attached message"));
        }
        self.object_message(*node, &objects, 0)
    }

    /// The message an attachment's object property points to.
    fn object_message(
        &self,
        attachment: SubNode,
        objects: &BTreeMap<u16, u32>,
        depth: u32,
    ) -> io::Result<AttachedMessage> {
        if depth >= MAX_DEPTH {
            return Err(bad("attached messages nested too deep"));
        }
        let nid = objects
            .get(&super::mapi::ATTACH_DATA)
            .ok_or_else(|| bad("the attached message is missing"))?;
        let inner = self.sub_nodes(attachment.sub)?;
        let node = inner
            .get(nid)
            .ok_or_else(|| bad("the attached message's node is missing"))?;
        self.message(*node, depth)
    }

    fn message(&self, node: SubNode, depth: u32) -> io::Result<AttachedMessage> {
        let (props, _) = self.properties(node)?;
        let nodes = self.sub_nodes(node.sub)?;
        let mut attachments = Vec::new();
        for (&nid, &child) in &nodes {
            if nid & 0x1F == NID_TYPE_ATTACHMENT {
                attachments.push(self.part(child, depth));
            }
        }
        let recipients = match nodes.get(&NID_RECIPIENT_TABLE) {
            Some(table) => self.table(*table).unwrap_or_default(),
            None => Vec::new(),
        };
        Ok(AttachedMessage {
            props,
            recipients,
            attachments,
        })
    }

    fn part(&self, node: SubNode, depth: u32) -> AttachedPart {
        let (props, objects) = match self.properties(node) {
            Ok(p) => p,
            Err(e) => {
                return AttachedPart::Unreadable {
                    name: "attachment".into(),
                    reason: e.to_string(),
                }
            }
        };
        let name = props.first(
            &[
                super::mapi::ATTACH_LONG_FILENAME,
                super::mapi::ATTACH_FILENAME,
                super::mapi::DISPLAY_NAME,
            ],
            "attachment",
        );
        match props.int(super::ATTACH_METHOD) {
            Some(5) => match self.object_message(node, &objects, depth + 1) {
                Ok(message) => AttachedPart::Message {
                    name,
                    message: Box::new(message),
                },
                Err(e) => AttachedPart::Unreadable {
                    name,
                    reason: e.to_string(),
                },
            },
            _ => match props.bytes(super::mapi::ATTACH_DATA) {
                Some(data) => AttachedPart::File {
                    name,
                    data: data.to_vec(),
                },
                None => AttachedPart::Unreadable {
                    name,
                    reason: "no data (a link or an OLE object)".into(),
                },
            },
        }
    }

    /// A property context: its values, and the node ids its object
    /// properties point to.
    fn properties(&self, node: SubNode) -> io::Result<(Props, BTreeMap<u16, u32>)> {
        let heap = Heap::new((self.read_block)(node.data)?)?;
        let nodes = self.sub_nodes(node.sub)?;
        let mut props = Props::default();
        let mut objects = BTreeMap::new();
        for (key, record) in heap.tree_records(heap.user_root()?)? {
            let (Ok(id), Ok(kind), Ok(raw)) =
                (le(&key, 0, 2), le(&record, 0, 2), le(&record, 2, 4))
            else {
                continue;
            };
            let (id, raw) = (id as u16, raw as u32);
            let value = if kind == 0x000D {
                if let Some(nid) = heap.item(raw).and_then(|b| le(b, 0, 4).ok()) {
                    objects.insert(id, nid as u32);
                }
                None
            } else {
                let fixed = heap.item(raw).and_then(|b| le(b, 0, 8).ok());
                self.decode(&heap, &nodes, kind as u16, u64::from(raw), fixed)
            };
            if let Some(value) = value {
                props.0.insert(id, value);
            }
        }
        Ok((props, objects))
    }

    /// A value of type `kind` from its 4-byte slot `raw`; `fixed` is the
    /// 8-byte value of 8-byte types (kept in the heap by property contexts,
    /// in the row by tables).
    fn decode(
        &self,
        heap: &Heap,
        nodes: &BTreeMap<u32, SubNode>,
        kind: u16,
        raw: u64,
        fixed: Option<u64>,
    ) -> Option<Val> {
        let raw32 = raw as u32;
        match kind {
            0x0002 => Some(Val::Int(i64::from(raw32 as u16 as i16))),
            0x0003 => Some(Val::Int(i64::from(raw32 as i32))),
            0x000B => Some(Val::Int(i64::from(raw32 & 0xFF))),
            0x0014 => Some(Val::Int(fixed? as i64)),
            0x0040 => Some(Val::Time(fixed? as i64)),
            0x001F => self
                .value_bytes(heap, nodes, raw32)
                .map(|b| Val::Text(crate::ole::utf16le(&b))),
            0x001E => self
                .value_bytes(heap, nodes, raw32)
                .map(|b| Val::Text(super::string8(&b))),
            0x0102 => self.value_bytes(heap, nodes, raw32).map(Val::Bytes),
            _ => None,
        }
    }

    /// The rows of a table context (MS-PST 2.3.4), each as properties.
    fn table(&self, node: SubNode) -> io::Result<Vec<Props>> {
        let heap = Heap::new((self.read_block)(node.data)?)?;
        let nodes = self.sub_nodes(node.sub)?;
        let info = heap
            .item(heap.user_root()?)
            .ok_or_else(|| bad("table header missing"))?;
        if info.first() != Some(&0x7C) {
            return Err(bad("not a table"));
        }
        let columns = le(info, 1, 1)? as usize;
        let existence_at = le(info, 6, 2)? as usize;
        let row_size = le(info, 8, 2)? as usize;
        let rows = self
            .value_bytes(&heap, &nodes, le(info, 14, 4)? as u32)
            .unwrap_or_default();
        let mut descriptors = Vec::with_capacity(columns);
        for c in 0..columns {
            let at = 22 + 8 * c;
            let tag = le(info, at, 4)?;
            descriptors.push((
                (tag >> 16) as u16,
                (tag & 0xFFFF) as u16,
                le(info, at + 4, 2)? as usize,
                le(info, at + 6, 1)? as usize,
                le(info, at + 7, 1)? as usize,
            ));
        }
        if row_size == 0 {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for row in rows.chunks_exact(row_size) {
            let mut props = Props::default();
            for &(id, kind, at, size, bit) in &descriptors {
                let exists = row
                    .get(existence_at + bit / 8)
                    .is_some_and(|b| b & (0x80 >> (bit % 8)) != 0);
                let Ok(cell) = le(row, at, size.min(8)) else {
                    continue;
                };
                if !exists {
                    continue;
                }
                if let Some(value) = self.decode(&heap, &nodes, kind, cell, Some(cell)) {
                    props.0.insert(id, value);
                }
            }
            out.push(props);
        }
        Ok(out)
    }

    /// A variable-size value: in the heap, or in a sub-node of its own.
    fn value_bytes(
        &self,
        heap: &Heap,
        nodes: &BTreeMap<u32, SubNode>,
        hnid: u32,
    ) -> Option<Vec<u8>> {
        if hnid == 0 {
            return Some(Vec::new());
        }
        if hnid & 0x1F == 0 {
            return heap.item(hnid).map(<[u8]>::to_vec);
        }
        let node = nodes.get(&hnid)?;
        (self.read_block)(node.data).ok()
    }
}

/// A heap-on-node (MS-PST 2.3.1): the first block's allocations.
struct Heap {
    data: Vec<u8>,
    items: Vec<(usize, usize)>,
}

impl Heap {
    fn new(data: Vec<u8>) -> io::Result<Heap> {
        if data.get(2) != Some(&0xEC) {
            return Err(bad("not a heap"));
        }
        let map = le(&data, 0, 2)? as usize;
        let count = le(&data, map, 2)? as usize;
        let mut offsets = Vec::with_capacity(count + 1);
        for i in 0..=count {
            offsets.push(le(&data, map + 4 + 2 * i, 2)? as usize);
        }
        let items = offsets.windows(2).map(|w| (w[0], w[1])).collect();
        Ok(Heap { data, items })
    }

    fn user_root(&self) -> io::Result<u32> {
        Ok(le(&self.data, 4, 4)? as u32)
    }

    /// The allocation `hid` names, if it is in the first block.
    fn item(&self, hid: u32) -> Option<&[u8]> {
        if hid & 0x1F != 0 || hid >> 16 != 0 {
            return None;
        }
        let index = ((hid >> 5) & 0x7FF) as usize;
        let &(start, end) = self.items.get(index.checked_sub(1)?)?;
        self.data.get(start..end)
    }

    /// The (key, data) records of the B-tree-on-heap whose header is `hid`.
    fn tree_records(&self, hid: u32) -> io::Result<Vec<(Vec<u8>, Vec<u8>)>> {
        let header = self.item(hid).ok_or_else(|| bad("tree header missing"))?;
        if header.first() != Some(&0xB5) {
            return Err(bad("not a B-tree-on-heap"));
        }
        let (key, entry, levels) = (
            le(header, 1, 1)? as usize,
            le(header, 2, 1)? as usize,
            le(header, 3, 1)? as u32,
        );
        let mut out = Vec::new();
        let mut visits = 0;
        if key > 0 {
            let shape = (key, entry);
            self.walk(
                le(header, 4, 4)? as u32,
                levels,
                shape,
                &mut visits,
                &mut out,
            )?;
        }
        Ok(out)
    }

    /// `shape` is the size of a key and of a leaf record's data; `visits`
    /// counts the tree's nodes read, so a damaged tree that points back at
    /// itself ends with an error instead of running on.
    fn walk(
        &self,
        hid: u32,
        level: u32,
        (key, entry): (usize, usize),
        visits: &mut usize,
        out: &mut Vec<(Vec<u8>, Vec<u8>)>,
    ) -> io::Result<()> {
        if hid == 0 {
            return Ok(());
        }
        if level > MAX_TREE_DEPTH {
            return Err(bad("B-tree-on-heap too deep"));
        }
        *visits += 1;
        if *visits > MAX_TREE_VISITS {
            return Err(bad("B-tree-on-heap loops back on itself"));
        }
        let records = self.item(hid).ok_or_else(|| bad("tree records missing"))?;
        let size = if level == 0 { key + entry } else { key + 4 };
        for record in records.chunks_exact(size) {
            if level == 0 {
                out.push((record[..key].to_vec(), record[key..].to_vec()));
            } else {
                let child = le(record, key, 4)? as u32;
                self.walk(child, level - 1, (key, entry), visits, out)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A heap with one allocation per item, as a property context's first
    /// block lays it out.
    fn heap_of(items: &[&[u8]]) -> Vec<u8> {
        let mut data = vec![0u8; 12];
        let mut offsets = vec![data.len() as u16];
        for item in items {
            data.extend_from_slice(item);
            offsets.push(data.len() as u16);
        }
        let map = data.len() as u16;
        data[0..2].copy_from_slice(&map.to_le_bytes());
        data[2] = 0xEC;
        data[3] = 0xBC;
        data[4..8].copy_from_slice(&0x20u32.to_le_bytes());
        data.extend_from_slice(&(items.len() as u16).to_le_bytes());
        data.extend_from_slice(&0u16.to_le_bytes());
        for offset in offsets {
            data.extend_from_slice(&offset.to_le_bytes());
        }
        data
    }

    #[test]
    fn a_property_tree_is_read_from_its_heap() {
        // Item 1: the tree's header (cbKey 2, cbEnt 6, leaf root = item 2);
        // item 2: two records.
        let header = [0xB5, 2, 6, 0, 0x40, 0, 0, 0];
        let mut records = Vec::new();
        records.extend_from_slice(&0x0037u16.to_le_bytes());
        records.extend_from_slice(&0x0003u16.to_le_bytes());
        records.extend_from_slice(&7u32.to_le_bytes());
        records.extend_from_slice(&0x3705u16.to_le_bytes());
        records.extend_from_slice(&0x0003u16.to_le_bytes());
        records.extend_from_slice(&5u32.to_le_bytes());
        let heap = Heap::new(heap_of(&[&header, &records])).unwrap();
        let found = heap.tree_records(heap.user_root().unwrap()).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].0, 0x3705u16.to_le_bytes());
        assert_eq!(le(&found[1].1, 2, 4).unwrap(), 5);
    }

    #[test]
    fn a_tree_that_points_back_at_itself_is_an_error() {
        // Item 2 is an intermediate node whose 100 entries all point at
        // item 2 again, 15 levels deep.
        let header = [0xB5, 2, 6, 15, 0x40, 0, 0, 0];
        let looping: Vec<u8> = (0..100).flat_map(|_| [0u8, 0, 0x40, 0, 0, 0]).collect();
        let heap = Heap::new(heap_of(&[&header, &looping])).unwrap();
        assert!(heap.tree_records(0x20).is_err());
    }

    #[test]
    fn damaged_heaps_are_errors_not_panics() {
        let good = heap_of(&[&[0xB5, 2, 6, 3, 0x40, 0, 0, 0], &[1, 2, 3]]);
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            vec![0xEC; 3],
            vec![0xFF, 0xFF, 0xEC, 0xBC, 0, 0, 0, 0],
            good[..good.len() - 3].to_vec(),
        ];
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0xFF;
            cases.push(bad);
        }
        for data in cases {
            if let Ok(heap) = Heap::new(data) {
                let root = heap.user_root().unwrap_or(0);
                let _ = heap.tree_records(root);
                let _ = heap.item(0xFFFF_FFE0);
            }
        }
    }
}

//! Generator for Outlook PST files (Unicode format, [MS-PST]) with known content.
//!
//! Used by acceptance tests and benchmarks of a PST reader. `write_pst` turns a
//! [`Mailbox`] model into the bytes of a complete `.pst` file. The file is built
//! bottom-up in one pass, in layers that mirror the specification:
//!
//! * helpers: CRC-32 (MS-PST 5.3), little-endian writers, FILETIME, UTF-16,
//!   an LZFu compressor for RTF bodies (MS-OXRTFCP, literal-only encoding);
//! * NDB: data blocks with trailers, XBLOCK/XXBLOCK data trees, SLBLOCK/SIBLOCK
//!   subnode trees, NBT/BBT B-tree pages, AMap/PMap/FMap pages and the header;
//! * LTP: heap-on-node (multi-block), BTH (multi-level), property contexts
//!   and table contexts;
//! * messaging: message store, name-to-id map, root folder, IPM subtree,
//!   Deleted Items, Search Root, user folders, messages, recipients,
//!   attachments (by value and embedded messages).
//!
//! Depends on `std` only. Encryption is `NDB_CRYPT_NONE`.

use std::collections::BTreeMap;

// ---------------------------------------------------------------------------
// Public model
// ---------------------------------------------------------------------------

/// A whole mailbox (one PST file).
#[derive(Clone, Debug, Default)]
pub struct Mailbox {
    pub display_name: String,
    pub folders: Vec<Folder>,
    pub password: Option<String>,
}

/// A user folder, placed under "Top of Personal Folders".
#[derive(Clone, Debug, Default)]
pub struct Folder {
    pub name: String,
    pub items: Vec<Item>,
    pub folders: Vec<Folder>,
}

/// A message of one of the supported classes.
#[derive(Clone, Debug)]
pub enum Item {
    Mail(Mail),
    Appointment(Appointment),
    Contact(Contact),
    Task(Task),
}

/// An `IPM.Note`.
#[derive(Clone, Debug, Default)]
pub struct Mail {
    pub subject: String,
    /// (display name, smtp address)
    pub from: (String, String),
    pub to: Vec<(String, String)>,
    pub cc: Vec<(String, String)>,
    pub bcc: Vec<(String, String)>,
    /// Unix seconds (UTC).
    pub sent: i64,
    pub message_id: String,
    pub in_reply_to: String,
    pub body: Body,
    pub attachments: Vec<Attachment>,
}

/// Message body; exactly one representation is stored.
#[derive(Clone, Debug)]
pub enum Body {
    /// PidTagBody (0x1000, PT_UNICODE).
    Plain(String),
    /// PidTagHtml (0x1013, PT_BINARY, UTF-8 bytes).
    Html(String),
    /// Raw RTF text, stored LZFu-compressed in PidTagRtfCompressed (0x1009).
    Rtf(String),
}

impl Default for Body {
    fn default() -> Self {
        Body::Plain(String::new())
    }
}

/// A message attachment.
#[derive(Clone, Debug)]
pub enum Attachment {
    File { name: String, data: Vec<u8> },
    Message { name: String, mail: Box<Mail> },
}

/// An `IPM.Appointment`.
#[derive(Clone, Debug, Default)]
pub struct Appointment {
    pub subject: String,
    pub location: String,
    pub start: i64,
    pub end: i64,
    pub body: String,
}

/// An `IPM.Contact`.
#[derive(Clone, Debug, Default)]
pub struct Contact {
    pub display_name: String,
    pub given_name: String,
    pub surname: String,
    pub email: String,
    pub phone: String,
    pub home_address: String,
    pub company: String,
}

/// An `IPM.Task`.
#[derive(Clone, Debug, Default)]
pub struct Task {
    pub subject: String,
    pub due: i64,
    pub body: String,
}

/// The whole PST file.
pub fn write_pst(mailbox: &Mailbox) -> Vec<u8> {
    let mut builder = Builder::new(mailbox);
    builder.write_store(mailbox);
    builder.finish()
}

/// Property id of the named property PidLidLocation in generated files.
pub const NAMED_LOCATION: u16 = 0x8000;
/// Property id of the named property PidLidEmail1EmailAddress in generated files.
pub const NAMED_EMAIL1: u16 = 0x8001;
/// Property id of the named property PidLidTaskDueDate in generated files.
pub const NAMED_TASK_DUE: u16 = 0x8002;
/// Property id of the named property PidLidAppointmentStartWhole in generated files.
pub const NAMED_APPT_START: u16 = 0x8003;
/// Property id of the named property PidLidAppointmentEndWhole in generated files.
pub const NAMED_APPT_END: u16 = 0x8004;

// ---------------------------------------------------------------------------
// Byte helpers, CRC, time, strings
// ---------------------------------------------------------------------------

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 as used by MS-PST and MS-OXRTFCP (initial value 0, no final xor).
fn crc32(data: &[u8]) -> u32 {
    data.iter().fold(0u32, |crc, &b| {
        CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

fn w16(buf: &mut Vec<u8>, v: u16) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn w32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn w64(buf: &mut Vec<u8>, v: u64) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn set16(buf: &mut [u8], at: usize, v: u16) {
    buf[at..at + 2].copy_from_slice(&v.to_le_bytes());
}

fn set32(buf: &mut [u8], at: usize, v: u32) {
    buf[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

fn set64(buf: &mut [u8], at: usize, v: u64) {
    buf[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

fn align_up(v: u64, align: u64) -> u64 {
    v.div_ceil(align) * align
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Unix seconds to FILETIME (100 ns ticks since 1601-01-01).
fn filetime(unix: i64) -> i64 {
    unix * 10_000_000 + 116_444_736_000_000_000
}

/// Block / page signature (MS-PST 5.5).
fn signature(ib: u64, bid: u64) -> u16 {
    let v = (ib as u32) ^ (bid as u32);
    ((v >> 16) as u16) ^ (v as u16)
}

/// Compressed RTF (MS-OXRTFCP) using only literal runs plus the end marker.
pub fn lzfu_compress(raw: &[u8]) -> Vec<u8> {
    const PREBUF_LEN: usize = 207;
    let end_ref = (((PREBUF_LEN + raw.len()) % 4096) as u16) << 4;
    let tokens = raw.len() + 1;
    let mut body = Vec::with_capacity(raw.len() + raw.len() / 8 + 4);
    for group in (0..tokens).step_by(8) {
        let mut control = 0u8;
        let mut bytes = Vec::with_capacity(9);
        for t in group..(group + 8).min(tokens) {
            match raw.get(t) {
                Some(&b) => bytes.push(b),
                None => {
                    control |= 1 << (t - group);
                    bytes.extend_from_slice(&end_ref.to_be_bytes());
                }
            }
        }
        body.push(control);
        body.extend_from_slice(&bytes);
    }
    let mut out = Vec::with_capacity(body.len() + 16);
    w32(&mut out, (body.len() + 12) as u32);
    w32(&mut out, raw.len() as u32);
    w32(&mut out, 0x7546_5A4C); // "LZFu"
    w32(&mut out, crc32(&body));
    out.extend_from_slice(&body);
    out
}

// ---------------------------------------------------------------------------
// Property values
// ---------------------------------------------------------------------------

const PT_LONG: u16 = 0x0003;
const PT_BOOLEAN: u16 = 0x000B;
const PT_OBJECT: u16 = 0x000D;
const PT_I8: u16 = 0x0014;
const PT_UNICODE: u16 = 0x001F;
const PT_SYSTIME: u16 = 0x0040;
const PT_BINARY: u16 = 0x0102;

/// A property value as stored in a PC or TC.
#[derive(Clone, Debug)]
enum Val {
    Long(i32),
    Bool(bool),
    /// FILETIME ticks.
    Time(i64),
    Str(String),
    Bin(Vec<u8>),
    /// Subnode NID and size of an embedded object.
    Obj(u32, u32),
}

impl Val {
    fn time(unix: i64) -> Val {
        Val::Time(filetime(unix))
    }

    fn ptype(&self) -> u16 {
        match self {
            Val::Long(_) => PT_LONG,
            Val::Bool(_) => PT_BOOLEAN,
            Val::Time(_) => PT_SYSTIME,
            Val::Str(_) => PT_UNICODE,
            Val::Bin(_) => PT_BINARY,
            Val::Obj(..) => PT_OBJECT,
        }
    }

    /// Values stored directly in the 4-byte slot of a PC record.
    fn inline(&self) -> Option<u32> {
        match self {
            Val::Long(v) => Some(*v as u32),
            Val::Bool(v) => Some(u32::from(*v)),
            _ => None,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        match self {
            Val::Long(v) => v.to_le_bytes().to_vec(),
            Val::Bool(v) => vec![u8::from(*v)],
            Val::Time(v) => v.to_le_bytes().to_vec(),
            Val::Str(s) => utf16(s),
            Val::Bin(b) => b.clone(),
            Val::Obj(nid, size) => {
                let mut out = Vec::with_capacity(8);
                w32(&mut out, *nid);
                w32(&mut out, *size);
                out
            }
        }
    }
}

type Props = Vec<(u16, Val)>;

/// A table row: row id and one optional value per column.
type Row = (u32, Vec<Option<Val>>);

/// Table columns: (property id, property type).
type Cols = &'static [(u16, u16)];

/// Appends a string property unless it is empty.
fn push_str(props: &mut Props, id: u16, s: &str) {
    if !s.is_empty() {
        props.push((id, Val::Str(s.to_string())));
    }
}

fn find_prop(props: &[(u16, Val)], id: u16) -> Option<&Val> {
    props
        .iter()
        .rev()
        .find(|(pid, _)| *pid == id)
        .map(|(_, v)| v)
}

// ---------------------------------------------------------------------------
// NDB layer: blocks, trees, pages, allocation maps, header
// ---------------------------------------------------------------------------

const BLOCK_DATA_MAX: usize = 8176;
const HEAP_ALLOC_MAX: usize = 3580;
const PAGE_SIZE: u64 = 512;
const AMAP_FIRST: u64 = 0x4400;
const AMAP_SPAN: u64 = 496 * 8 * 64;
const XBLOCK_MAX: usize = (BLOCK_DATA_MAX - 8) / 8;
const SLBLOCK_MAX: usize = (BLOCK_DATA_MAX - 8) / 24;
const SIBLOCK_MAX: usize = (BLOCK_DATA_MAX - 8) / 16;

const PTYPE_BBT: u8 = 0x80;
const PTYPE_NBT: u8 = 0x81;
const PTYPE_FMAP: u8 = 0x82;
const PTYPE_PMAP: u8 = 0x83;
const PTYPE_AMAP: u8 = 0x84;

struct BbtEntry {
    bid: u64,
    ib: u64,
    cb: u16,
}

struct NbtEntry {
    nid: u32,
    data: u64,
    sub: u64,
    parent: u32,
}

/// One entry of a subnode tree (SLENTRY).
#[derive(Clone, Copy, Debug)]
struct SubNode {
    nid: u32,
    data: u64,
    sub: u64,
}

/// Node data written by the LTP layer plus the subnodes it needs.
struct NodeData {
    data: u64,
    subs: Vec<SubNode>,
}

/// The node database: file image, block/node indexes and the space allocator.
struct Ndb {
    out: Vec<u8>,
    eof: u64,
    next_bid: u64,
    next_pid: u64,
    bbt: Vec<BbtEntry>,
    nbt: Vec<NbtEntry>,
    used: Vec<(u64, u64)>,
}

impl Ndb {
    fn new() -> Self {
        Ndb {
            out: vec![0; AMAP_FIRST as usize],
            eof: AMAP_FIRST,
            next_bid: 4,
            next_pid: 4,
            bbt: Vec::new(),
            nbt: Vec::new(),
            used: Vec::new(),
        }
    }

    /// Bytes taken by the map pages at the start of AMap range `idx`.
    fn map_pages_len(idx: u64) -> u64 {
        (1 + u64::from(Self::has_pmap(idx)) + u64::from(Self::has_fmap(idx))) * PAGE_SIZE
    }

    fn has_pmap(idx: u64) -> bool {
        idx.is_multiple_of(8)
    }

    fn has_fmap(idx: u64) -> bool {
        idx >= 128 && (idx - 128).is_multiple_of(496)
    }

    /// Reserves `size` bytes, never crossing an AMap range or its map pages.
    fn reserve(&mut self, size: u64, align: u64) -> u64 {
        loop {
            let start = align_up(self.eof, align);
            let idx = (start - AMAP_FIRST) / AMAP_SPAN;
            let base = AMAP_FIRST + idx * AMAP_SPAN;
            let maps_end = base + Self::map_pages_len(idx);
            if start < maps_end {
                self.eof = maps_end;
                continue;
            }
            if start + size > base + AMAP_SPAN {
                self.eof = base + AMAP_SPAN;
                continue;
            }
            self.eof = start + size;
            if self.out.len() < self.eof as usize {
                self.out.resize(self.eof as usize, 0);
            }
            self.used.push((start, size));
            return start;
        }
    }

    fn alloc_bid(&mut self, internal: bool) -> u64 {
        let bid = self.next_bid | if internal { 2 } else { 0 };
        self.next_bid += 4;
        bid
    }

    /// Writes one block (data + trailer, padded to 64 bytes); returns its BID.
    fn put_block(&mut self, data: &[u8], internal: bool) -> u64 {
        assert!(data.len() <= BLOCK_DATA_MAX, "block too large");
        let bid = self.alloc_bid(internal);
        let total = align_up(data.len() as u64 + 16, 64);
        let ib = self.reserve(total, 64);
        let at = ib as usize;
        self.out[at..at + data.len()].copy_from_slice(data);
        let t = at + total as usize - 16;
        set16(&mut self.out, t, data.len() as u16);
        set16(&mut self.out, t + 2, signature(ib, bid));
        set32(&mut self.out, t + 4, crc32(data));
        set64(&mut self.out, t + 8, bid);
        self.bbt.push(BbtEntry {
            bid,
            ib,
            cb: data.len() as u16,
        });
        bid
    }

    /// Writes a byte stream as a data tree (one block, XBLOCK or XXBLOCK).
    fn put_data(&mut self, data: &[u8]) -> u64 {
        let chunks: Vec<&[u8]> = if data.is_empty() {
            vec![data]
        } else {
            data.chunks(BLOCK_DATA_MAX).collect()
        };
        self.put_chunks(&chunks)
    }

    /// Writes each chunk as one data block and links them with a data tree.
    fn put_chunks<T: AsRef<[u8]>>(&mut self, chunks: &[T]) -> u64 {
        let leaves: Vec<(u64, usize)> = chunks
            .iter()
            .map(|c| (self.put_block(c.as_ref(), false), c.as_ref().len()))
            .collect();
        if leaves.len() == 1 {
            return leaves[0].0;
        }
        if leaves.len() <= XBLOCK_MAX {
            return self.put_xblock(1, &leaves);
        }
        let groups: Vec<(u64, usize)> = leaves
            .chunks(XBLOCK_MAX)
            .map(|g| (self.put_xblock(1, g), g.iter().map(|l| l.1).sum()))
            .collect();
        assert!(groups.len() <= XBLOCK_MAX, "data stream too large");
        self.put_xblock(2, &groups)
    }

    /// XBLOCK (level 1) or XXBLOCK (level 2).
    fn put_xblock(&mut self, level: u8, children: &[(u64, usize)]) -> u64 {
        let total: usize = children.iter().map(|c| c.1).sum();
        let mut b = vec![0x01, level];
        w16(&mut b, children.len() as u16);
        w32(&mut b, total as u32);
        for (bid, _) in children {
            w64(&mut b, *bid);
        }
        self.put_block(&b, true)
    }

    /// Writes a subnode tree (SLBLOCK, or SIBLOCK over SLBLOCKs); 0 if empty.
    fn put_subnodes(&mut self, mut subs: Vec<SubNode>) -> u64 {
        if subs.is_empty() {
            return 0;
        }
        subs.sort_by_key(|s| s.nid);
        let leaves: Vec<(u32, u64)> = subs
            .chunks(SLBLOCK_MAX)
            .map(|c| (c[0].nid, self.put_slblock(c)))
            .collect();
        if leaves.len() == 1 {
            return leaves[0].1;
        }
        assert!(leaves.len() <= SIBLOCK_MAX, "too many subnodes");
        let mut b = vec![0x02, 0x01];
        w16(&mut b, leaves.len() as u16);
        w32(&mut b, 0);
        for (nid, bid) in leaves {
            w64(&mut b, u64::from(nid));
            w64(&mut b, bid);
        }
        self.put_block(&b, true)
    }

    fn put_slblock(&mut self, subs: &[SubNode]) -> u64 {
        let mut b = vec![0x02, 0x00];
        w16(&mut b, subs.len() as u16);
        w32(&mut b, 0);
        for s in subs {
            w64(&mut b, u64::from(s.nid));
            w64(&mut b, s.data);
            w64(&mut b, s.sub);
        }
        self.put_block(&b, true)
    }

    fn add_node(&mut self, nid: u32, data: NodeData, parent: u32) {
        let sub = self.put_subnodes(data.subs);
        self.nbt.push(NbtEntry {
            nid,
            data: data.data,
            sub,
            parent,
        });
    }

    /// Writes one B-tree page; returns (bid, ib).
    fn put_btree_page(
        &mut self,
        ptype: u8,
        level: u8,
        ent_size: usize,
        entries: &[Vec<u8>],
    ) -> (u64, u64) {
        let bid = self.next_pid;
        self.next_pid += 4;
        let ib = self.reserve(PAGE_SIZE, PAGE_SIZE);
        let mut page = vec![0u8; PAGE_SIZE as usize];
        for (i, e) in entries.iter().enumerate() {
            page[i * ent_size..(i + 1) * ent_size].copy_from_slice(e);
        }
        page[488] = entries.len() as u8;
        page[489] = (488 / ent_size) as u8;
        page[490] = ent_size as u8;
        page[491] = level;
        let crc = crc32(&page[..496]);
        page[496] = ptype;
        page[497] = ptype;
        set16(&mut page, 498, signature(ib, bid));
        set32(&mut page, 500, crc);
        set64(&mut page, 504, bid);
        let at = ib as usize;
        self.out[at..at + PAGE_SIZE as usize].copy_from_slice(&page);
        (bid, ib)
    }

    /// Builds a (multi-level) B-tree from sorted (key, leaf entry) pairs.
    fn put_btree(&mut self, ptype: u8, ent_size: usize, leaves: Vec<(u64, Vec<u8>)>) -> (u64, u64) {
        let mut level = 0u8;
        let mut size = ent_size;
        let mut current = leaves;
        loop {
            let per_page = 488 / size;
            let mut parents = Vec::new();
            let mut last = (0, 0);
            let groups: Vec<&[(u64, Vec<u8>)]> = if current.is_empty() {
                vec![&[]]
            } else {
                current.chunks(per_page).collect()
            };
            for group in groups {
                let entries: Vec<Vec<u8>> = group.iter().map(|e| e.1.clone()).collect();
                last = self.put_btree_page(ptype, level, size, &entries);
                let key = group.first().map_or(0, |e| e.0);
                let mut e = Vec::with_capacity(24);
                w64(&mut e, key);
                w64(&mut e, last.0);
                w64(&mut e, last.1);
                parents.push((key, e));
            }
            if parents.len() == 1 {
                return last;
            }
            current = parents;
            size = 24;
            level += 1;
        }
    }

    fn nbt_leaves(&mut self) -> Vec<(u64, Vec<u8>)> {
        self.nbt.sort_by_key(|n| n.nid);
        self.nbt
            .iter()
            .map(|n| {
                let mut e = Vec::with_capacity(32);
                w64(&mut e, u64::from(n.nid));
                w64(&mut e, n.data);
                w64(&mut e, n.sub);
                w32(&mut e, n.parent);
                w32(&mut e, 0);
                (u64::from(n.nid), e)
            })
            .collect()
    }

    fn bbt_leaves(&mut self) -> Vec<(u64, Vec<u8>)> {
        self.bbt.sort_by_key(|b| b.bid);
        self.bbt
            .iter()
            .map(|b| {
                let mut e = Vec::with_capacity(24);
                w64(&mut e, b.bid);
                w64(&mut e, b.ib);
                w16(&mut e, b.cb);
                w16(&mut e, 2);
                w32(&mut e, 0);
                (b.bid, e)
            })
            .collect()
    }

    /// Writes a map page (AMap, PMap, FMap) at `ib`.
    fn put_map_page(&mut self, ib: u64, ptype: u8, bits: &[u8]) {
        let at = ib as usize;
        let page = &mut self.out[at..at + PAGE_SIZE as usize];
        page[..496].copy_from_slice(bits);
        let crc = crc32(&page[..496]);
        page[496] = ptype;
        page[497] = ptype;
        set16(page, 498, 0);
        set32(page, 500, crc);
        set64(page, 504, ib);
    }

    /// Writes all AMap/PMap/FMap pages; returns (last AMap offset, free bytes).
    fn put_maps(&mut self) -> (u64, u64) {
        let ranges = (self.eof - AMAP_FIRST).div_ceil(AMAP_SPAN);
        let mut bits = vec![vec![0u8; 496]; ranges as usize];
        let mut mark = |start: u64, size: u64| {
            for slot in (start - AMAP_FIRST) / 64..(start - AMAP_FIRST + size).div_ceil(64) {
                let (range, bit) = (
                    (slot * 64 / AMAP_SPAN) as usize,
                    (slot % (AMAP_SPAN / 64)) as usize,
                );
                bits[range][bit / 8] |= 0x80 >> (bit % 8);
            }
        };
        for idx in 0..ranges {
            mark(AMAP_FIRST + idx * AMAP_SPAN, Self::map_pages_len(idx));
        }
        for &(start, size) in &self.used {
            mark(start, size);
        }
        let mut free = 0;
        for (idx, map) in bits.iter().enumerate() {
            let idx = idx as u64;
            let base = AMAP_FIRST + idx * AMAP_SPAN;
            free += map.iter().map(|b| u64::from(b.count_zeros())).sum::<u64>() * 64;
            self.put_map_page(base, PTYPE_AMAP, map);
            if Self::has_pmap(idx) {
                self.put_map_page(base + PAGE_SIZE, PTYPE_PMAP, &[0xFF; 496]);
            }
            if Self::has_fmap(idx) {
                self.put_map_page(base + 2 * PAGE_SIZE, PTYPE_FMAP, &[0; 496]);
            }
        }
        (AMAP_FIRST + (ranges - 1) * AMAP_SPAN, free)
    }

    /// Finishes the file: B-trees, allocation maps and header.
    fn finish(mut self, rgnid: &[u32; 32], unique: u32) -> Vec<u8> {
        let nbt = self.nbt_leaves();
        let nbt_root = self.put_btree(PTYPE_NBT, 32, nbt);
        let bbt = self.bbt_leaves();
        let bbt_root = self.put_btree(PTYPE_BBT, 24, bbt);
        let (amap_last, amap_free) = self.put_maps();
        self.out.truncate(self.eof as usize);
        let header = Header {
            next_pid: self.next_pid,
            next_bid: self.next_bid,
            unique,
            rgnid,
            eof: self.eof,
            amap_last,
            amap_free,
            nbt: nbt_root,
            bbt: bbt_root,
        };
        let bytes = header.bytes();
        self.out[..bytes.len()].copy_from_slice(&bytes);
        self.out
    }
}

/// The values that go into the Unicode file header.
struct Header<'a> {
    next_pid: u64,
    next_bid: u64,
    unique: u32,
    rgnid: &'a [u32; 32],
    eof: u64,
    amap_last: u64,
    amap_free: u64,
    nbt: (u64, u64),
    bbt: (u64, u64),
}

impl Header<'_> {
    fn bytes(&self) -> Vec<u8> {
        let mut h = vec![0u8; 564];
        h[0..4].copy_from_slice(b"!BDN");
        h[8..10].copy_from_slice(b"SM");
        set16(&mut h, 10, 23); // wVer: Unicode
        set16(&mut h, 12, 19); // wVerClient
        h[14] = 0x01; // bPlatformCreate
        h[15] = 0x01; // bPlatformAccess
        set64(&mut h, 32, self.next_pid);
        set32(&mut h, 40, self.unique);
        for (i, nid) in self.rgnid.iter().enumerate() {
            set32(&mut h, 44 + 4 * i, *nid);
        }
        // ROOT at 180
        set64(&mut h, 184, self.eof);
        set64(&mut h, 192, self.amap_last);
        set64(&mut h, 200, self.amap_free);
        set64(&mut h, 208, 0);
        set64(&mut h, 216, self.nbt.0);
        set64(&mut h, 224, self.nbt.1);
        set64(&mut h, 232, self.bbt.0);
        set64(&mut h, 240, self.bbt.1);
        h[248] = 0x02; // fAMapValid: VALID_AMAP2
        h[256..512].fill(0xFF); // rgbFM, rgbFP (deprecated)
        h[512] = 0x80; // bSentinel
        h[513] = 0x00; // bCryptMethod: NDB_CRYPT_NONE
        set64(&mut h, 516, self.next_bid);
        let partial = crc32(&h[8..8 + 471]);
        set32(&mut h, 4, partial);
        let full = crc32(&h[8..8 + 516]);
        set32(&mut h, 524, full);
        h
    }
}

// ---------------------------------------------------------------------------
// LTP layer: heap-on-node, BTH, PC, TC
// ---------------------------------------------------------------------------

const HN_SIG_BTH: u8 = 0xB5;
const HN_SIG_TC: u8 = 0x7C;
const HN_SIG_PC: u8 = 0xBC;

/// One block of a heap-on-node: its allocations, in order.
struct HeapBlock {
    header_len: usize,
    data: Vec<u8>,
    offsets: Vec<usize>,
    zero_sized: u16,
}

impl HeapBlock {
    fn new(index: usize) -> Self {
        let header_len = match index {
            0 => 12,
            i if i % 128 == 8 => 66,
            _ => 2,
        };
        HeapBlock {
            header_len,
            data: Vec::new(),
            offsets: Vec::new(),
            zero_sized: 0,
        }
    }

    fn fits(&self, len: usize) -> bool {
        let end = align_up((self.header_len + self.data.len() + len) as u64, 2) as usize;
        self.offsets.len() < 2047 && end + 4 + 2 * (self.offsets.len() + 2) <= BLOCK_DATA_MAX
    }

    fn bytes(&self, index: usize, client_sig: u8, user_root: u32) -> Vec<u8> {
        let end = self.header_len + self.data.len();
        let map_at = align_up(end as u64, 2) as usize;
        let mut b = Vec::with_capacity(map_at + 6 + 2 * self.offsets.len());
        w16(&mut b, map_at as u16);
        if index == 0 {
            b.extend_from_slice(&[0xEC, client_sig]);
            w32(&mut b, user_root);
            w32(&mut b, 0);
        } else if self.header_len == 66 {
            b.extend_from_slice(&[0; 64]);
        }
        b.extend_from_slice(&self.data);
        b.resize(map_at, 0);
        w16(&mut b, self.offsets.len() as u16);
        w16(&mut b, self.zero_sized);
        for off in &self.offsets {
            w16(&mut b, *off as u16);
        }
        w16(&mut b, end as u16);
        b
    }
}

/// A heap-on-node being built; spills into further blocks when full.
struct Heap {
    blocks: Vec<HeapBlock>,
}

impl Heap {
    fn new() -> Self {
        Heap {
            blocks: vec![HeapBlock::new(0)],
        }
    }

    /// Allocates `bytes` (at most 3580) and returns the HID.
    fn alloc(&mut self, bytes: &[u8]) -> u32 {
        assert!(bytes.len() <= HEAP_ALLOC_MAX, "heap allocation too large");
        if !self.blocks.last().is_some_and(|b| b.fits(bytes.len())) {
            self.blocks.push(HeapBlock::new(self.blocks.len()));
        }
        let index = self.blocks.len() - 1;
        let block = &mut self.blocks[index];
        block.offsets.push(block.header_len + block.data.len());
        block.data.extend_from_slice(bytes);
        if bytes.is_empty() {
            block.zero_sized += 1;
        }
        ((index as u32) << 16) | ((block.offsets.len() as u32) << 5)
    }

    fn finish(&self, client_sig: u8, user_root: u32) -> Vec<Vec<u8>> {
        self.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| b.bytes(i, client_sig, user_root))
            .collect()
    }
}

/// Writes a BTH of sorted `key ++ data` records; returns the BTHHEADER HID.
fn put_bth(heap: &mut Heap, key_size: usize, data_size: usize, records: &[Vec<u8>]) -> u32 {
    let mut root = 0;
    let mut levels = 0u8;
    let mut current = records.to_vec();
    while !current.is_empty() {
        let record_len = current[0].len();
        let per_alloc = HEAP_ALLOC_MAX / record_len;
        let nodes: Vec<Vec<u8>> = current
            .chunks(per_alloc)
            .map(|chunk| {
                let hid = heap.alloc(&chunk.concat());
                let mut e = chunk[0][..key_size].to_vec();
                w32(&mut e, hid);
                e
            })
            .collect();
        if nodes.len() == 1 {
            root = u32::from_le_bytes(nodes[0][key_size..].try_into().expect("hid"));
            break;
        }
        current = nodes;
        levels += 1;
    }
    let mut h = vec![HN_SIG_BTH, key_size as u8, data_size as u8, levels];
    w32(&mut h, root);
    heap.alloc(&h)
}

/// Column layout of a table context.
struct TcLayout {
    /// (tag, offset, size, existence bit), in column order.
    cols: Vec<(u32, u16, u8, u8)>,
    end4: u16,
    end2: u16,
    end1: u16,
    row_size: usize,
}

fn cell_size(ptype: u16) -> u8 {
    match ptype {
        PT_I8 | PT_SYSTIME => 8,
        PT_BOOLEAN => 1,
        0x0002 => 2,
        _ => 4,
    }
}

impl TcLayout {
    /// `cols` excludes the row id / row version columns, which come first.
    fn new(cols: &[(u16, u16)]) -> Self {
        let mut all = vec![(0x67F2u16, PT_LONG), (0x67F3, PT_LONG)];
        all.extend_from_slice(cols);
        let mut placed: Vec<(u32, u16, u8, u8)> = Vec::new();
        let mut offset = 8u16;
        let mut ends = [0u16; 4];
        for (group, size) in [8u8, 4, 2, 1].into_iter().enumerate() {
            for (bit, &(id, ptype)) in all.iter().enumerate() {
                let tag = (u32::from(id) << 16) | u32::from(ptype);
                if cell_size(ptype) != size {
                    continue;
                }
                let at = match bit {
                    0 => 0,
                    1 => 4,
                    _ => {
                        offset += u16::from(size);
                        offset - u16::from(size)
                    }
                };
                placed.push((tag, at, size, bit as u8));
            }
            ends[group] = offset;
        }
        let bitmap = all.len().div_ceil(8);
        placed.sort_by_key(|c| c.3);
        TcLayout {
            cols: placed,
            end4: ends[1],
            end2: ends[2],
            end1: ends[3],
            row_size: usize::from(ends[3]) + bitmap,
        }
    }
}

/// The LTP writer: turns properties and rows into heaps and nodes.
struct Ltp {
    ndb: Ndb,
    next_local: u32,
}

impl Ltp {
    fn local_nid(&mut self, nid_type: u32) -> u32 {
        self.next_local += 1;
        (self.next_local << 5) | nid_type
    }

    /// Stores a variable-size value in the heap or, if too big, in a subnode.
    fn put_value(&mut self, heap: &mut Heap, subs: &mut Vec<SubNode>, v: &Val) -> u32 {
        let bytes = v.bytes();
        if bytes.len() <= HEAP_ALLOC_MAX {
            return heap.alloc(&bytes);
        }
        let nid = self.local_nid(0x1F);
        let data = self.ndb.put_data(&bytes);
        subs.push(SubNode { nid, data, sub: 0 });
        nid
    }

    /// Writes a property context.
    fn put_pc(&mut self, props: &[(u16, Val)]) -> NodeData {
        let mut sorted: BTreeMap<u16, &Val> = BTreeMap::new();
        for (id, v) in props {
            sorted.insert(*id, v);
        }
        let mut heap = Heap::new();
        let mut subs = Vec::new();
        let mut records = Vec::with_capacity(sorted.len());
        for (id, v) in sorted {
            let hnid = match v.inline() {
                Some(x) => x,
                None => self.put_value(&mut heap, &mut subs, v),
            };
            let mut r = Vec::with_capacity(8);
            w16(&mut r, id);
            w16(&mut r, v.ptype());
            w32(&mut r, hnid);
            records.push(r);
        }
        let root = put_bth(&mut heap, 2, 6, &records);
        let data = self.ndb.put_chunks(&heap.finish(HN_SIG_PC, root));
        NodeData { data, subs }
    }

    /// Writes a table context. Each row is (row id, one value per column).
    fn put_tc(&mut self, cols: &[(u16, u16)], rows: &[Row]) -> NodeData {
        let layout = TcLayout::new(cols);
        let mut heap = Heap::new();
        let mut subs = Vec::new();
        let mut matrix = Vec::with_capacity(rows.len() * layout.row_size);
        for (index, (row_id, values)) in rows.iter().enumerate() {
            let row = self.tc_row(&layout, &mut heap, &mut subs, *row_id, index as u32, values);
            matrix.extend_from_slice(&row);
        }
        let mut index: Vec<(u32, u32)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.0, i as u32))
            .collect();
        index.sort();
        let records: Vec<Vec<u8>> = index
            .iter()
            .map(|(id, i)| [id.to_le_bytes(), i.to_le_bytes()].concat())
            .collect();
        let row_index = put_bth(&mut heap, 4, 4, &records);
        let rows_ref = self.put_matrix(&mut heap, &mut subs, &matrix, layout.row_size);
        let info = tc_info(&layout, row_index, rows_ref);
        let root = heap.alloc(&info);
        let data = self.ndb.put_chunks(&heap.finish(HN_SIG_TC, root));
        NodeData { data, subs }
    }

    fn tc_row(
        &mut self,
        layout: &TcLayout,
        heap: &mut Heap,
        subs: &mut Vec<SubNode>,
        row_id: u32,
        version: u32,
        values: &[Option<Val>],
    ) -> Vec<u8> {
        let mut row = vec![0u8; layout.row_size];
        set32(&mut row, 0, row_id);
        set32(&mut row, 4, version + 1);
        let bitmap_at = usize::from(layout.end1);
        row[bitmap_at] |= 0xC0;
        for (i, value) in values.iter().enumerate() {
            let Some(v) = value else { continue };
            let (_, at, size, bit) = layout.cols[i + 2];
            let at = usize::from(at);
            match size {
                8 => row[at..at + 8].copy_from_slice(&v.bytes()),
                1 => row[at] = v.bytes()[0],
                _ => {
                    let cell = match v.inline() {
                        Some(x) => x,
                        None => self.put_value(heap, subs, v),
                    };
                    set32(&mut row, at, cell);
                }
            }
            row[bitmap_at + usize::from(bit) / 8] |= 0x80 >> (bit % 8);
        }
        row
    }

    /// Stores the row matrix in the heap or in a subnode; returns its HNID.
    fn put_matrix(
        &mut self,
        heap: &mut Heap,
        subs: &mut Vec<SubNode>,
        matrix: &[u8],
        row_size: usize,
    ) -> u32 {
        if matrix.is_empty() {
            return 0;
        }
        if matrix.len() <= HEAP_ALLOC_MAX {
            return heap.alloc(matrix);
        }
        let per_block = BLOCK_DATA_MAX / row_size * row_size;
        let chunks: Vec<&[u8]> = matrix.chunks(per_block).collect();
        let nid = self.local_nid(0x1F);
        let data = self.ndb.put_chunks(&chunks);
        subs.push(SubNode { nid, data, sub: 0 });
        nid
    }
}

/// TCINFO structure.
fn tc_info(layout: &TcLayout, row_index: u32, rows: u32) -> Vec<u8> {
    let mut b = vec![HN_SIG_TC, layout.cols.len() as u8];
    w16(&mut b, layout.end4);
    w16(&mut b, layout.end2);
    w16(&mut b, layout.end1);
    w16(&mut b, layout.row_size as u16);
    w32(&mut b, row_index);
    w32(&mut b, rows);
    w32(&mut b, 0);
    let mut cols = layout.cols.clone();
    cols.sort_by_key(|c| c.0);
    for (tag, at, size, bit) in cols {
        w32(&mut b, tag);
        w16(&mut b, at);
        b.push(size);
        b.push(bit);
    }
    b
}

/// Picks the values of `cols` from a property list (None when absent).
fn row_from_props(cols: &[(u16, u16)], props: &[(u16, Val)]) -> Vec<Option<Val>> {
    cols.iter()
        .map(|&(id, ptype)| find_prop(props, id).filter(|v| v.ptype() == ptype).cloned())
        .collect()
}

// ---------------------------------------------------------------------------
// Messaging layer
// ---------------------------------------------------------------------------

const NID_MESSAGE_STORE: u32 = 0x21;
const NID_NAME_TO_ID_MAP: u32 = 0x61;
const NID_ROOT_FOLDER: u32 = 0x122;
const NID_IPM_SUBTREE: u32 = 0x8022;
const NID_SEARCH_ROOT: u32 = 0x8042;
const NID_DELETED_ITEMS: u32 = 0x8082;
const NID_ATTACHMENT_TABLE: u32 = 0x671;
const NID_RECIPIENT_TABLE: u32 = 0x692;

const NID_TYPE_NORMAL_FOLDER: u32 = 0x02;
const NID_TYPE_NORMAL_MESSAGE: u32 = 0x04;
const NID_TYPE_ATTACHMENT: u32 = 0x05;
const NID_TYPE_HIERARCHY_TABLE: u32 = 0x0D;
const NID_TYPE_CONTENTS_TABLE: u32 = 0x0E;
const NID_TYPE_ASSOC_CONTENTS_TABLE: u32 = 0x0F;

const FIRST_USER_FOLDER_INDEX: u32 = 0x405;
const FIRST_MESSAGE_INDEX: u32 = 0x10000;

const HIERARCHY_COLS: &[(u16, u16)] = &[
    (0x0E30, PT_LONG),
    (0x0E33, PT_I8),
    (0x0E34, PT_BINARY),
    (0x0E38, PT_LONG),
    (0x3001, PT_UNICODE),
    (0x3602, PT_LONG),
    (0x3603, PT_LONG),
    (0x360A, PT_BOOLEAN),
    (0x3613, PT_UNICODE),
    (0x6635, PT_LONG),
    (0x6636, PT_LONG),
];

const CONTENTS_COLS: &[(u16, u16)] = &[
    (0x0017, PT_LONG),
    (0x001A, PT_UNICODE),
    (0x0036, PT_LONG),
    (0x0037, PT_UNICODE),
    (0x0039, PT_SYSTIME),
    (0x0042, PT_UNICODE),
    (0x0057, PT_BOOLEAN),
    (0x0058, PT_BOOLEAN),
    (0x0070, PT_UNICODE),
    (0x0071, PT_BINARY),
    (0x0E03, PT_UNICODE),
    (0x0E04, PT_UNICODE),
    (0x0E06, PT_SYSTIME),
    (0x0E07, PT_LONG),
    (0x0E08, PT_LONG),
    (0x0E17, PT_LONG),
    (0x0E30, PT_LONG),
    (0x0E33, PT_I8),
    (0x0E34, PT_BINARY),
    (0x0E38, PT_LONG),
    (0x0E3C, PT_BINARY),
    (0x0E3D, PT_BINARY),
    (0x3008, PT_SYSTIME),
    (0x65C6, PT_LONG),
];

const ASSOC_COLS: &[(u16, u16)] = &[
    (0x001A, PT_UNICODE),
    (0x0E07, PT_LONG),
    (0x0E17, PT_LONG),
    (0x3001, PT_UNICODE),
];

const RECIPIENT_COLS: &[(u16, u16)] = &[
    (0x0C15, PT_LONG),
    (0x0E0F, PT_BOOLEAN),
    (0x0FF9, PT_BINARY),
    (0x0FFE, PT_LONG),
    (0x0FFF, PT_BINARY),
    (0x3001, PT_UNICODE),
    (0x3002, PT_UNICODE),
    (0x3003, PT_UNICODE),
    (0x300B, PT_BINARY),
    (0x3900, PT_LONG),
    (0x39FE, PT_UNICODE),
    (0x39FF, PT_UNICODE),
    (0x3A40, PT_BOOLEAN),
];

const ATTACHMENT_COLS: &[(u16, u16)] = &[
    (0x0E20, PT_LONG),
    (0x3704, PT_UNICODE),
    (0x3705, PT_LONG),
    (0x370B, PT_LONG),
];

/// GUIDs (in on-disk byte order) of the property sets used by named properties.
const PSETID_APPOINTMENT: [u8; 16] = guid(0x0006_2002);
const PSETID_ADDRESS: [u8; 16] = guid(0x0006_2004);
const PSETID_TASK: [u8; 16] = guid(0x0006_2003);

/// `{xxxxxxxx-0000-0000-C000-000000000046}` in little-endian GUID layout.
const fn guid(data1: u32) -> [u8; 16] {
    let d = data1.to_le_bytes();
    [
        d[0], d[1], d[2], d[3], 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46,
    ]
}

/// Named properties: (property id, LID, property set, GUID index in the stream).
const NAMED_PROPS: [(u16, u32, [u8; 16], u16); 5] = [
    (NAMED_LOCATION, 0x8208, PSETID_APPOINTMENT, 3),
    (NAMED_EMAIL1, 0x8083, PSETID_ADDRESS, 4),
    (NAMED_TASK_DUE, 0x8105, PSETID_TASK, 5),
    (NAMED_APPT_START, 0x820D, PSETID_APPOINTMENT, 3),
    (NAMED_APPT_END, 0x820E, PSETID_APPOINTMENT, 3),
];

/// A folder to be written, with its NID and children.
struct FolderSpec<'a> {
    nid: u32,
    name: String,
    class: &'static str,
    items: &'a [Item],
    children: Vec<FolderSpec<'a>>,
}

/// A written message: its node data and the properties used for table rows.
struct WrittenMessage {
    data: u64,
    sub: u64,
    props: Props,
    size: u32,
}

/// Builds the messaging layer on top of the LTP and NDB writers.
struct Builder {
    ltp: Ltp,
    record_key: [u8; 16],
    next_folder: u32,
    next_message: u32,
}

impl Builder {
    fn new(mailbox: &Mailbox) -> Self {
        let seed = crc32(mailbox.display_name.as_bytes());
        let mut record_key = [0u8; 16];
        for (i, chunk) in record_key.chunks_mut(4).enumerate() {
            let v = crc32(&[seed.to_le_bytes(), (i as u32).to_le_bytes()].concat());
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        Builder {
            ltp: Ltp {
                ndb: Ndb::new(),
                next_local: 0x400,
            },
            record_key,
            next_folder: FIRST_USER_FOLDER_INDEX,
            next_message: FIRST_MESSAGE_INDEX,
        }
    }

    fn entry_id(&self, nid: u32) -> Vec<u8> {
        let mut e = vec![0u8; 4];
        e.extend_from_slice(&self.record_key);
        w32(&mut e, nid);
        e
    }

    fn finish(self) -> Vec<u8> {
        let mut rgnid = [0x400u32; 32];
        rgnid[3] = 0x4000;
        rgnid[8] = 0x8000;
        rgnid[NID_TYPE_NORMAL_FOLDER as usize] = self.next_folder;
        rgnid[NID_TYPE_NORMAL_MESSAGE as usize] = self.next_message;
        let unique = self.next_message + self.next_folder;
        self.ltp.ndb.finish(&rgnid, unique)
    }

    fn write_store(&mut self, mailbox: &Mailbox) {
        self.write_store_pc(mailbox);
        self.write_name_to_id_map();
        self.write_templates();
        let tree = self.folder_tree(mailbox);
        self.write_folder(&tree, NID_ROOT_FOLDER);
    }

    fn write_store_pc(&mut self, mailbox: &Mailbox) {
        let mut props = vec![
            (0x0FF9, Val::Bin(self.record_key.to_vec())),
            (0x35DF, Val::Long(0x89)),
            (0x35E0, Val::Bin(self.entry_id(NID_IPM_SUBTREE))),
            (0x35E3, Val::Bin(self.entry_id(NID_DELETED_ITEMS))),
            (0x35E7, Val::Bin(self.entry_id(NID_SEARCH_ROOT))),
        ];
        push_str(&mut props, 0x3001, &mailbox.display_name);
        if let Some(password) = &mailbox.password {
            props.push((0x67FF, Val::Long(crc32(password.as_bytes()) as i32)));
        }
        let pc = self.ltp.put_pc(&props);
        self.ltp.ndb.add_node(NID_MESSAGE_STORE, pc, 0);
    }

    fn write_name_to_id_map(&mut self) {
        const BUCKETS: u32 = 251;
        let mut guids = Vec::new();
        let mut entries = Vec::new();
        let mut buckets: BTreeMap<u16, Vec<u8>> = BTreeMap::new();
        for (prop_id, lid, set, guid_index) in &NAMED_PROPS {
            let guid_at = usize::from(guid_index - 3) * 16;
            if guids.len() == guid_at {
                guids.extend_from_slice(set);
            }
            let mut e = Vec::with_capacity(8);
            w32(&mut e, *lid);
            w16(&mut e, guid_index << 1);
            w16(&mut e, prop_id - 0x8000);
            let bucket = ((lid ^ (u32::from(*guid_index) << 1)) % BUCKETS) as u16;
            buckets
                .entry(0x1000 + bucket)
                .or_default()
                .extend_from_slice(&e);
            entries.extend_from_slice(&e);
        }
        let mut props = vec![
            (0x0001, Val::Long(BUCKETS as i32)),
            (0x0002, Val::Bin(guids)),
            (0x0003, Val::Bin(entries)),
            (0x0004, Val::Bin(Vec::new())),
        ];
        props.extend(buckets.into_iter().map(|(id, b)| (id, Val::Bin(b))));
        let pc = self.ltp.put_pc(&props);
        self.ltp.ndb.add_node(NID_NAME_TO_ID_MAP, pc, 0);
    }

    /// The empty template tables Outlook keeps for new folders and messages.
    fn write_templates(&mut self) {
        let templates: [(u32, Cols); 5] = [
            (0x60D, HIERARCHY_COLS),
            (0x60E, CONTENTS_COLS),
            (0x60F, ASSOC_COLS),
            (NID_ATTACHMENT_TABLE, ATTACHMENT_COLS),
            (NID_RECIPIENT_TABLE, RECIPIENT_COLS),
        ];
        for (nid, cols) in templates {
            let tc = self.ltp.put_tc(cols, &[]);
            self.ltp.ndb.add_node(nid, tc, 0);
        }
    }

    fn folder_tree<'a>(&mut self, mailbox: &'a Mailbox) -> FolderSpec<'a> {
        let deleted = FolderSpec {
            nid: NID_DELETED_ITEMS,
            name: "Deleted Items".into(),
            class: "IPF.Note",
            items: &[],
            children: Vec::new(),
        };
        let mut ipm_children = vec![deleted];
        ipm_children.extend(mailbox.folders.iter().map(|f| self.user_folder(f)));
        let ipm = FolderSpec {
            nid: NID_IPM_SUBTREE,
            name: "Top of Personal Folders".into(),
            class: "",
            items: &[],
            children: ipm_children,
        };
        let search = FolderSpec {
            nid: NID_SEARCH_ROOT,
            name: "Search Root".into(),
            class: "",
            items: &[],
            children: Vec::new(),
        };
        FolderSpec {
            nid: NID_ROOT_FOLDER,
            name: String::new(),
            class: "",
            items: &[],
            children: vec![ipm, search],
        }
    }

    fn user_folder<'a>(&mut self, folder: &'a Folder) -> FolderSpec<'a> {
        let nid = (self.next_folder << 5) | NID_TYPE_NORMAL_FOLDER;
        self.next_folder += 1;
        FolderSpec {
            nid,
            name: folder.name.clone(),
            class: "IPF.Note",
            items: &folder.items,
            children: folder.folders.iter().map(|f| self.user_folder(f)).collect(),
        }
    }

    /// Writes a folder and everything below it; returns its hierarchy row props.
    fn write_folder(&mut self, folder: &FolderSpec, parent: u32) -> Props {
        let mut hierarchy_rows = Vec::new();
        for child in &folder.children {
            let props = self.write_folder(child, folder.nid);
            hierarchy_rows.push((child.nid, row_from_props(HIERARCHY_COLS, &props)));
        }
        let mut contents_rows = Vec::new();
        for item in folder.items {
            let nid = (self.next_message << 5) | NID_TYPE_NORMAL_MESSAGE;
            self.next_message += 1;
            let msg = self.write_item(item);
            self.ltp.ndb.nbt.push(NbtEntry {
                nid,
                data: msg.data,
                sub: msg.sub,
                parent: folder.nid,
            });
            contents_rows.push((nid, row_from_props(CONTENTS_COLS, &msg.props)));
        }
        let base = folder.nid & !0x1F;
        let tables: [(u32, Cols, &[Row]); 3] = [
            (NID_TYPE_HIERARCHY_TABLE, HIERARCHY_COLS, &hierarchy_rows),
            (NID_TYPE_CONTENTS_TABLE, CONTENTS_COLS, &contents_rows),
            (NID_TYPE_ASSOC_CONTENTS_TABLE, ASSOC_COLS, &[]),
        ];
        for (nid_type, cols, rows) in tables {
            let tc = self.ltp.put_tc(cols, rows);
            self.ltp.ndb.add_node(base | nid_type, tc, 0);
        }
        let mut props = vec![
            (0x3602, Val::Long(folder.items.len() as i32)),
            (0x3603, Val::Long(0)),
            (0x360A, Val::Bool(!folder.children.is_empty())),
        ];
        push_str(&mut props, 0x3001, &folder.name);
        push_str(&mut props, 0x3613, folder.class);
        let pc = self.ltp.put_pc(&props);
        self.ltp.ndb.add_node(folder.nid, pc, parent);
        props
    }

    fn write_item(&mut self, item: &Item) -> WrittenMessage {
        match item {
            Item::Mail(m) => self.write_mail(m),
            Item::Appointment(a) => self.write_message(appointment_props(a), &[], &[]),
            Item::Contact(c) => self.write_message(contact_props(c), &[], &[]),
            Item::Task(t) => self.write_message(task_props(t), &[], &[]),
        }
    }

    fn write_mail(&mut self, mail: &Mail) -> WrittenMessage {
        let mut recipients = Vec::new();
        for (kind, list) in [(1, &mail.to), (2, &mail.cc), (3, &mail.bcc)] {
            recipients.extend(list.iter().map(|r| (kind, r)));
        }
        self.write_message(mail_props(mail), &recipients, &mail.attachments)
    }

    /// Writes message node data: PC plus recipient / attachment subnodes.
    fn write_message(
        &mut self,
        mut props: Props,
        recipients: &[(i32, &(String, String))],
        attachments: &[Attachment],
    ) -> WrittenMessage {
        let mut subs = Vec::new();
        let rows: Vec<Row> = recipients
            .iter()
            .enumerate()
            .map(|(i, (kind, r))| {
                (
                    i as u32,
                    row_from_props(RECIPIENT_COLS, &recipient_props(*kind, r)),
                )
            })
            .collect();
        let table = self.ltp.put_tc(RECIPIENT_COLS, &rows);
        subs.push(self.sub_node(NID_RECIPIENT_TABLE, table));
        let mut size = props_size(&props);
        if !attachments.is_empty() {
            size += self.write_attachments(attachments, &mut subs);
        }
        props.push((0x0E08, Val::Long(size as i32)));
        let pc = self.ltp.put_pc(&props);
        subs.extend(pc.subs);
        let sub = self.ltp.ndb.put_subnodes(subs);
        WrittenMessage {
            data: pc.data,
            sub,
            props,
            size,
        }
    }

    fn sub_node(&mut self, nid: u32, data: NodeData) -> SubNode {
        let sub = self.ltp.ndb.put_subnodes(data.subs);
        SubNode {
            nid,
            data: data.data,
            sub,
        }
    }

    /// Writes attachment PCs and the attachment table; returns their total size.
    fn write_attachments(&mut self, attachments: &[Attachment], subs: &mut Vec<SubNode>) -> u32 {
        let mut rows = Vec::new();
        let mut total = 0;
        for (i, attachment) in attachments.iter().enumerate() {
            let nid = self.ltp.local_nid(NID_TYPE_ATTACHMENT);
            let (node, props, size) = self.write_attachment(attachment, i);
            total += size;
            subs.push(SubNode { nid, ..node });
            rows.push((nid, row_from_props(ATTACHMENT_COLS, &props)));
        }
        let table = self.ltp.put_tc(ATTACHMENT_COLS, &rows);
        subs.push(self.sub_node(NID_ATTACHMENT_TABLE, table));
        total
    }

    /// Writes one attachment PC; an embedded message becomes a subnode of it.
    fn write_attachment(&mut self, attachment: &Attachment, index: usize) -> (SubNode, Props, u32) {
        let (name, mut props, mut own_subs, size) = match attachment {
            Attachment::File { name, data } => {
                let props = vec![(0x3705, Val::Long(1)), (0x3701, Val::Bin(data.clone()))];
                (name, props, Vec::new(), data.len() as u32)
            }
            Attachment::Message { name, mail } => {
                let msg = self.write_mail(mail);
                let nid = self.ltp.local_nid(NID_TYPE_NORMAL_MESSAGE);
                let node = SubNode {
                    nid,
                    data: msg.data,
                    sub: msg.sub,
                };
                let props = vec![(0x3705, Val::Long(5)), (0x3701, Val::Obj(nid, msg.size))];
                (name, props, vec![node], msg.size)
            }
        };
        props.push((0x0E20, Val::Long(size as i32)));
        props.push((0x370B, Val::Long(-1)));
        props.push((0x0E21, Val::Long(index as i32)));
        push_str(&mut props, 0x3001, name);
        push_str(&mut props, 0x3704, name);
        push_str(&mut props, 0x3707, name);
        if let Some(ext) = name.rfind('.').map(|i| &name[i..]) {
            push_str(&mut props, 0x3703, ext);
        }
        let pc = self.ltp.put_pc(&props);
        own_subs.extend(pc.subs);
        let sub = self.ltp.ndb.put_subnodes(own_subs);
        let node = SubNode {
            nid: 0,
            data: pc.data,
            sub,
        };
        (node, props, size)
    }
}

/// Approximate size of the property values, for PidTagMessageSize.
fn props_size(props: &[(u16, Val)]) -> u32 {
    props.iter().map(|(_, v)| v.bytes().len() as u32 + 8).sum()
}

/// Properties every message gets.
fn base_props(class: &str, subject: &str, time: i64) -> Props {
    let mut props = vec![
        (0x0017, Val::Long(1)),
        (0x0036, Val::Long(0)),
        (0x0E07, Val::Long(0x01)),
        (0x0E17, Val::Long(0)),
        (0x3007, Val::time(time)),
        (0x3008, Val::time(time)),
        (0x3FDE, Val::Long(65001)),
    ];
    push_str(&mut props, 0x001A, class);
    push_str(&mut props, 0x0037, subject);
    push_str(&mut props, 0x0070, subject);
    props
}

fn join_names(list: &[(String, String)]) -> String {
    list.iter()
        .map(|r| r.0.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn mail_props(mail: &Mail) -> Props {
    let mut props = base_props("IPM.Note", &mail.subject, mail.sent);
    if !mail.attachments.is_empty() {
        props.push((0x0E07, Val::Long(0x11)));
        props.push((0x0E1B, Val::Bool(true)));
    }
    props.push((0x0039, Val::time(mail.sent)));
    props.push((0x0E06, Val::time(mail.sent)));
    let (name, address) = &mail.from;
    for (name_id, type_id, addr_id, smtp_id) in [
        (0x0C1A, 0x0C1E, 0x0C1F, 0x5D01),
        (0x0042, 0x0064, 0x0065, 0x5D02),
    ] {
        push_str(&mut props, name_id, name);
        if !address.is_empty() {
            push_str(&mut props, type_id, "SMTP");
            push_str(&mut props, addr_id, address);
            push_str(&mut props, smtp_id, address);
        }
    }
    push_str(&mut props, 0x0E04, &join_names(&mail.to));
    push_str(&mut props, 0x0E03, &join_names(&mail.cc));
    push_str(&mut props, 0x0E02, &join_names(&mail.bcc));
    push_str(&mut props, 0x1035, &mail.message_id);
    push_str(&mut props, 0x1042, &mail.in_reply_to);
    match &mail.body {
        Body::Plain(text) => push_str(&mut props, 0x1000, text),
        Body::Html(html) => props.push((0x1013, Val::Bin(html.as_bytes().to_vec()))),
        Body::Rtf(rtf) => {
            props.push((0x1009, Val::Bin(lzfu_compress(rtf.as_bytes()))));
            props.push((0x0E1F, Val::Bool(true)));
        }
    }
    props
}

fn appointment_props(a: &Appointment) -> Props {
    let mut props = base_props("IPM.Appointment", &a.subject, a.start);
    props.push((0x0060, Val::time(a.start)));
    props.push((0x0061, Val::time(a.end)));
    push_str(&mut props, 0x1000, &a.body);
    push_str(&mut props, NAMED_LOCATION, &a.location);
    props.push((NAMED_APPT_START, Val::time(a.start)));
    props.push((NAMED_APPT_END, Val::time(a.end)));
    props
}

fn contact_props(c: &Contact) -> Props {
    let mut props = base_props("IPM.Contact", &c.display_name, 0);
    push_str(&mut props, 0x3001, &c.display_name);
    push_str(&mut props, 0x3A06, &c.given_name);
    push_str(&mut props, 0x3A11, &c.surname);
    push_str(&mut props, 0x3A08, &c.phone);
    push_str(&mut props, 0x3A5D, &c.home_address);
    push_str(&mut props, 0x3A16, &c.company);
    if !c.email.is_empty() {
        push_str(&mut props, 0x3002, "SMTP");
        push_str(&mut props, 0x3003, &c.email);
        push_str(&mut props, NAMED_EMAIL1, &c.email);
    }
    props
}

fn task_props(t: &Task) -> Props {
    let mut props = base_props("IPM.Task", &t.subject, t.due);
    push_str(&mut props, 0x1000, &t.body);
    props.push((NAMED_TASK_DUE, Val::time(t.due)));
    props
}

fn recipient_props(kind: i32, (name, address): &(String, String)) -> Props {
    let mut props = vec![
        (0x0C15, Val::Long(kind)),
        (0x0E0F, Val::Bool(false)),
        (0x0FFE, Val::Long(6)),
        (0x3900, Val::Long(0)),
        (0x3A40, Val::Bool(false)),
        (0x3002, Val::Str("SMTP".into())),
    ];
    push_str(&mut props, 0x3001, name);
    push_str(&mut props, 0x39FF, name);
    push_str(&mut props, 0x3003, address);
    push_str(&mut props, 0x39FE, address);
    if !address.is_empty() {
        let key = format!("SMTP:{}\0", address.to_uppercase());
        props.push((0x300B, Val::Bin(key.into_bytes())));
    }
    props
}

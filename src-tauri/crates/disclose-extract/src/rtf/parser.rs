//! The RTF token stream turned into text: control words, groups and
//! destinations, with an explicit group stack.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use encoding_rs::Encoding;

use crate::office::package::push_section;
use crate::Extracted;

/// Deepest group nesting with its own state.
pub const MAX_GROUP_DEPTH: usize = 512;
/// Longest control word and parameter honoured.
const MAX_WORD_LEN: usize = 32;
const MAX_PARAM_DIGITS: usize = 10;

/// Where the text of the current group goes.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Dest {
    Body,
    Header,
    Footer,
    Footnote,
    Comment,
    CommentAuthor,
    Info,
    InfoField(InfoField),
    FontTable,
    Skip,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum InfoField {
    Title,
    Subject,
    Author,
    Operator,
    Keywords,
    Comment,
    Company,
    Manager,
    Category,
    Created,
    Revised,
    Printed,
}

impl InfoField {
    fn key(self) -> &'static str {
        match self {
            InfoField::Title => "title",
            InfoField::Subject => "subject",
            InfoField::Author => "author",
            InfoField::Operator => "last-modified-by",
            InfoField::Keywords => "keywords",
            InfoField::Comment => "description",
            InfoField::Company => "company",
            InfoField::Manager => "manager",
            InfoField::Category => "category",
            InfoField::Created => "created",
            InfoField::Revised => "modified",
            InfoField::Printed => "last-printed",
        }
    }

    fn is_date(self) -> bool {
        matches!(
            self,
            InfoField::Created | InfoField::Revised | InfoField::Printed
        )
    }
}

#[derive(Clone, Copy)]
struct Group {
    dest: Dest,
    /// This group opened its destination, so closing it finishes an entry.
    opened_dest: bool,
    unicode_skip: usize,
    encoding: Option<&'static Encoding>,
}

pub(super) struct Parser {
    stack: Vec<Group>,
    group: Group,
    /// Groups nested past the depth limit, sharing the deepest state.
    overflow: usize,
    depth_warned: bool,
    doc_encoding: &'static Encoding,
    font_encodings: HashMap<i32, &'static Encoding>,
    current_font: i32,
    pending_bytes: Vec<u8>,
    pending_high_surrogate: Option<u16>,
    skip_chars: usize,
    star: bool,
    body: String,
    headers: Vec<String>,
    footers: Vec<String>,
    footnotes: Vec<String>,
    comments: Vec<String>,
    entry: String,
    comment_author: String,
    info_text: String,
    date_parts: [i32; 5],
    metadata: Vec<(String, String)>,
    dates: Vec<(InfoField, DateTime<Utc>)>,
    revision_marks: usize,
    max_text: usize,
    text_cut: bool,
}

impl Parser {
    pub(super) fn new(max_text: usize) -> Self {
        Parser {
            stack: Vec::new(),
            group: Group {
                dest: Dest::Body,
                opened_dest: false,
                unicode_skip: 1,
                encoding: None,
            },
            overflow: 0,
            depth_warned: false,
            doc_encoding: encoding_rs::WINDOWS_1252,
            font_encodings: HashMap::new(),
            current_font: 0,
            pending_bytes: Vec::new(),
            pending_high_surrogate: None,
            skip_chars: 0,
            star: false,
            body: String::new(),
            headers: Vec::new(),
            footers: Vec::new(),
            footnotes: Vec::new(),
            comments: Vec::new(),
            entry: String::new(),
            comment_author: String::new(),
            info_text: String::new(),
            date_parts: [0; 5],
            metadata: Vec::new(),
            dates: Vec::new(),
            revision_marks: 0,
            max_text,
            text_cut: false,
        }
    }

    pub(super) fn run(&mut self, data: &[u8]) {
        let mut i = 0;
        while i < data.len() {
            let b = data[i];
            i += 1;
            match b {
                b'{' => {
                    self.flush_bytes();
                    self.open_group();
                }
                b'}' => {
                    self.flush_bytes();
                    self.close_group();
                }
                b'\\' => i = self.control(data, i),
                b'\r' | b'\n' | 0 => {}
                _ => self.text_byte(b),
            }
            if self.text_cut {
                break;
            }
        }
        self.flush_bytes();
        while !self.stack.is_empty() {
            self.close_group();
        }
    }

    fn open_group(&mut self) {
        self.skip_chars = 0;
        if self.stack.len() >= MAX_GROUP_DEPTH {
            self.overflow += 1;
            self.depth_warned = true;
            return;
        }
        self.stack.push(self.group);
        self.group.opened_dest = false;
    }

    fn close_group(&mut self) {
        self.skip_chars = 0;
        self.star = false;
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let Some(parent) = self.stack.pop() else {
            return;
        };
        if self.group.opened_dest {
            self.finish_destination(self.group.dest);
        }
        self.group = parent;
    }

    fn finish_destination(&mut self, dest: Dest) {
        let entry = std::mem::take(&mut self.entry);
        let entry = entry.trim();
        match dest {
            Dest::Header if !entry.is_empty() => self.headers.push(entry.to_string()),
            Dest::Footer if !entry.is_empty() => self.footers.push(entry.to_string()),
            Dest::Footnote if !entry.is_empty() => self.footnotes.push(entry.to_string()),
            Dest::Comment => {
                let author = std::mem::take(&mut self.comment_author);
                let author = match author.trim() {
                    "" => "unknown author",
                    a => a,
                };
                self.comments.push(format!("{author}: {entry}"));
            }
            Dest::InfoField(field) => {
                let value = std::mem::take(&mut self.info_text);
                if field.is_date() {
                    let [y, mo, d, h, mi] = self.date_parts;
                    let date =
                        NaiveDate::from_ymd_opt(y, mo.clamp(1, 12) as u32, d.clamp(1, 31) as u32)
                            .and_then(|date| {
                                date.and_hms_opt(h.clamp(0, 23) as u32, mi.clamp(0, 59) as u32, 0)
                            });
                    if let Some(date) = date {
                        self.dates.push((field, date.and_utc()));
                    }
                    self.date_parts = [0; 5];
                } else if !value.trim().is_empty() {
                    self.metadata
                        .push((field.key().to_string(), value.trim().to_string()));
                }
            }
            _ => {}
        }
    }

    /// Parses the control word or symbol after a backslash at `data[i - 1]`;
    /// returns the index after it.
    fn control(&mut self, data: &[u8], mut i: usize) -> usize {
        let Some(&c) = data.get(i) else {
            return i;
        };
        if !c.is_ascii_alphabetic() {
            i += 1;
            match c {
                b'\'' => {
                    let byte = data
                        .get(i..i + 2)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    if let Some(byte) = byte {
                        i += 2;
                        self.text_byte(byte);
                    }
                }
                b'\\' | b'{' | b'}' => self.text_byte(c),
                b'*' => self.star = true,
                _ => {
                    self.flush_bytes();
                    if self.consume_skip() {
                        return i;
                    }
                    match c {
                        b'~' => self.emit("\u{a0}"),
                        b'_' => self.emit("-"),
                        b'\r' | b'\n' => self.emit("\n"),
                        _ => {}
                    }
                }
            }
            return i;
        }
        let word_start = i;
        while i < data.len() && data[i].is_ascii_alphabetic() && i - word_start < MAX_WORD_LEN {
            i += 1;
        }
        let word = std::str::from_utf8(&data[word_start..i]).unwrap_or("");
        while i < data.len() && data[i].is_ascii_alphabetic() {
            i += 1;
        }
        let param_start = i;
        if data.get(i) == Some(&b'-') && data.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let digits_start = i;
        while i < data.len() && data[i].is_ascii_digit() && i - digits_start < MAX_PARAM_DIGITS {
            i += 1;
        }
        let param = if i > digits_start {
            std::str::from_utf8(&data[param_start..i])
                .ok()
                .and_then(|p| p.parse::<i64>().ok())
        } else {
            None
        };
        while i < data.len() && data[i].is_ascii_digit() {
            i += 1;
        }
        if data.get(i) == Some(&b' ') {
            i += 1;
        }
        if word == "bin" {
            self.flush_bytes();
            let skip = usize::try_from(param.unwrap_or(0).max(0)).unwrap_or(usize::MAX);
            return i.saturating_add(skip).min(data.len());
        }
        self.flush_bytes();
        self.word(word, param);
        i
    }

    fn word(&mut self, word: &str, param: Option<i64>) {
        let star = std::mem::take(&mut self.star);
        let param32 = param.map(|p| p.clamp(i32::MIN as i64, i32::MAX as i64) as i32);
        if let Some(dest) = self.destination(word) {
            self.set_destination(dest);
            return;
        }
        if star {
            self.set_destination(Dest::Skip);
            return;
        }
        match word {
            "ansicpg" => {
                if let Some(encoding) = param32.and_then(codepage_encoding) {
                    self.doc_encoding = encoding;
                }
            }
            "mac" => self.doc_encoding = encoding_rs::MACINTOSH,
            "f" => {
                let font = param32.unwrap_or(0);
                if self.group.dest == Dest::FontTable {
                    self.current_font = font;
                } else {
                    self.group.encoding = self.font_encodings.get(&font).copied();
                }
            }
            "fcharset" | "cpg" if self.group.dest == Dest::FontTable => {
                let encoding = param32.and_then(if word == "cpg" {
                    codepage_encoding
                } else {
                    charset_encoding
                });
                if let Some(encoding) = encoding {
                    self.font_encodings.insert(self.current_font, encoding);
                }
            }
            "uc" => self.group.unicode_skip = param.unwrap_or(1).clamp(0, 16) as usize,
            "u" => {
                if let Some(p) = param {
                    self.unicode(p);
                }
            }
            "yr" | "mo" | "dy" | "hr" | "min" => {
                let slot = ["yr", "mo", "dy", "hr", "min"]
                    .iter()
                    .position(|w| *w == word)
                    .unwrap_or(0);
                self.date_parts[slot] = param32.unwrap_or(0);
            }
            "deleted" | "revised" if param.is_none_or(|p| p != 0) => self.revision_marks += 1,
            _ => {
                if self.consume_skip() {
                    return;
                }
                let text = match word {
                    "par" | "line" | "sect" | "page" | "softline" => "\n",
                    "row" => {
                        if let Some(t) = self.target_text() {
                            while t.ends_with('\t') {
                                t.pop();
                            }
                        }
                        "\n"
                    }
                    "tab" | "cell" | "nestcell" => "\t",
                    "emdash" => "\u{2014}",
                    "endash" => "\u{2013}",
                    "bullet" => "\u{2022}",
                    "lquote" => "\u{2018}",
                    "rquote" => "\u{2019}",
                    "ldblquote" => "\u{201c}",
                    "rdblquote" => "\u{201d}",
                    "emspace" | "enspace" | "qmspace" => " ",
                    _ => return,
                };
                self.emit(text);
            }
        }
    }

    /// The destination a control word starts, if it is one.
    fn destination(&self, word: &str) -> Option<Dest> {
        let in_info = matches!(self.group.dest, Dest::Info);
        Some(match word {
            "fonttbl" => Dest::FontTable,
            "info" => Dest::Info,
            "header" | "headerl" | "headerr" | "headerf" => Dest::Header,
            "footer" | "footerl" | "footerr" | "footerf" => Dest::Footer,
            "footnote" => Dest::Footnote,
            "annotation" => Dest::Comment,
            "atnauthor" => Dest::CommentAuthor,
            "title" if in_info => Dest::InfoField(InfoField::Title),
            "subject" if in_info => Dest::InfoField(InfoField::Subject),
            "author" if in_info => Dest::InfoField(InfoField::Author),
            "operator" if in_info => Dest::InfoField(InfoField::Operator),
            "keywords" if in_info => Dest::InfoField(InfoField::Keywords),
            "comment" | "doccomm" if in_info => Dest::InfoField(InfoField::Comment),
            "company" if in_info => Dest::InfoField(InfoField::Company),
            "manager" if in_info => Dest::InfoField(InfoField::Manager),
            "category" if in_info => Dest::InfoField(InfoField::Category),
            "creatim" if in_info => Dest::InfoField(InfoField::Created),
            "revtim" if in_info => Dest::InfoField(InfoField::Revised),
            "printim" if in_info => Dest::InfoField(InfoField::Printed),
            "colortbl" | "stylesheet" | "listtable" | "listoverridetable" | "revtbl"
            | "rsidtbl" | "generator" | "pict" | "objdata" | "themedata" | "colorschememapping"
            | "datastore" | "latentstyles" | "xmlnstbl" | "fldinst" | "bkmkstart" | "bkmkend"
            | "filetbl" | "mmathPr" | "pgdsctbl" | "wgrffmtfilter" | "xmlopen" | "falt"
            | "panose" | "leveltext" | "levelnumbers" | "listname" | "nonshppict" | "shprslt"
            | "sn" | "sv" | "atnid" | "atnref" | "atndate" | "atnparent" | "protusertbl"
            | "template" | "docvar" | "passwordhash" | "password" | "userprops" | "ftnsep"
            | "ftnsepc" | "aftnsep" | "aftnsepc" | "blipuid" | "fchars" | "lchars" | "pn"
            | "xe" | "tc" | "private" => Dest::Skip,
            _ => return None,
        })
    }

    fn set_destination(&mut self, dest: Dest) {
        // Skipped and table destinations stay skipped for everything inside.
        if matches!(self.group.dest, Dest::Skip) {
            return;
        }
        if self.group.opened_dest {
            self.finish_destination(self.group.dest);
        }
        self.group.dest = dest;
        self.group.opened_dest = true;
        if let Dest::InfoField(_) = dest {
            self.info_text.clear();
            self.date_parts = [0; 5];
        }
    }

    /// Consumes one fallback character after `\uN`; true if it was skipped.
    fn consume_skip(&mut self) -> bool {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            true
        } else {
            false
        }
    }

    fn text_byte(&mut self, b: u8) {
        if self.consume_skip() {
            return;
        }
        self.pending_bytes.push(b);
    }

    fn unicode(&mut self, value: i64) {
        let unit = if value < 0 { value + 65_536 } else { value };
        let unit = u16::try_from(unit).unwrap_or(0xFFFD);
        self.flush_bytes();
        let c = match (self.pending_high_surrogate.take(), unit) {
            (_, 0xD800..=0xDBFF) => {
                self.pending_high_surrogate = Some(unit);
                None
            }
            (Some(high), 0xDC00..=0xDFFF) => char::from_u32(
                0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00),
            ),
            (_, unit) => Some(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}')),
        };
        if let Some(c) = c {
            let mut buf = [0u8; 4];
            self.emit(c.encode_utf8(&mut buf));
        }
        self.skip_chars = self.group.unicode_skip;
    }

    fn flush_bytes(&mut self) {
        if self.pending_bytes.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending_bytes);
        let encoding = self.group.encoding.unwrap_or(self.doc_encoding);
        let (text, _, _) = encoding.decode(&bytes);
        self.emit(&text);
    }

    fn target_text(&mut self) -> Option<&mut String> {
        match self.group.dest {
            Dest::Body => Some(&mut self.body),
            Dest::Header | Dest::Footer | Dest::Footnote | Dest::Comment => Some(&mut self.entry),
            Dest::CommentAuthor => Some(&mut self.comment_author),
            Dest::InfoField(_) => Some(&mut self.info_text),
            Dest::Info | Dest::FontTable | Dest::Skip => None,
        }
    }

    fn emit(&mut self, text: &str) {
        let max = self.max_text;
        let Some(target) = self.target_text() else {
            return;
        };
        if target.len() + text.len() > max {
            self.text_cut = true;
            return;
        }
        target.push_str(text);
    }

    pub(super) fn finish(self) -> Extracted {
        let mut out = Extracted::default();
        let mut text = tidy(&self.body);
        push_section(&mut text, "Header", &dedupe(&self.headers).join("\n"));
        push_section(&mut text, "Footer", &dedupe(&self.footers).join("\n"));
        push_section(&mut text, "Footnotes", &self.footnotes.join("\n"));
        push_section(&mut text, "Comments", &self.comments.join("\n"));
        out.text = text;
        for (key, value) in self.metadata {
            out.metadata.entry(key).or_insert(value);
        }
        for (field, date) in &self.dates {
            out.metadata.insert(
                field.key().into(),
                date.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
        }
        let date_of = |wanted: InfoField| {
            self.dates
                .iter()
                .find(|(f, _)| *f == wanted)
                .map(|(_, d)| *d)
        };
        out.date = date_of(InfoField::Revised).or_else(|| date_of(InfoField::Created));
        if !self.comments.is_empty() {
            out.metadata
                .insert("has-comments".into(), self.comments.len().to_string());
        }
        if self.revision_marks > 0 {
            out.metadata.insert(
                "has-tracked-changes".into(),
                self.revision_marks.to_string(),
            );
        }
        if self.depth_warned {
            out.warnings.push(format!(
                "groups nested deeper than {MAX_GROUP_DEPTH} were read flat"
            ));
        }
        if self.text_cut {
            out.warnings
                .push("text limit reached; the rest of the document was not read".into());
        }
        out
    }
}

fn dedupe(items: &[String]) -> Vec<String> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(item) {
            seen.push(item.clone());
        }
    }
    seen
}

/// Trims line ends and keeps at most one blank line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blanks = 0;
    for line in s.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        blanks = if line.is_empty() { blanks + 1 } else { 0 };
        if blanks > 1 {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

/// Windows code page number to an encoding.
fn codepage_encoding(cp: i32) -> Option<&'static Encoding> {
    let label = match cp {
        437 | 850 | 1252 => "windows-1252",
        874 => "windows-874",
        1250..=1258 => return Encoding::for_label(format!("windows-{cp}").as_bytes()),
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        866 => "ibm866",
        10000 => "macintosh",
        20866 => "koi8-r",
        28591..=28606 => return Encoding::for_label(format!("iso-8859-{}", cp - 28590).as_bytes()),
        65001 => "utf-8",
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// RTF `\fcharset` number to an encoding.
fn charset_encoding(charset: i32) -> Option<&'static Encoding> {
    let cp = match charset {
        0 => 1252,
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    };
    codepage_encoding(cp)
}

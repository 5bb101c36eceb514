//! Evaluation sets for detection and how a detector is scored on them.
//!
//! A set is texts with labelled spans: a **name** of someone other than the
//! subject, an **identifier** of such a person (phone, e-mail address, …),
//! the **subject**'s own data (personal data, but no leak if missed) and
//! **hard negatives**: text that looks like personal data and is not
//! (organisations, places, products, words that are names). The scores:
//!
//! - name leak / identifier leak: labelled spans less than 90% covered by
//!   findings of any kind;
//! - hard-negative rate: hard negatives that any finding overlaps;
//! - precision (overlap): findings that overlap a personal-data span;
//! - documents/s: detection alone, text already extracted, word lists
//!   loaded (the mean of passes over the set for a second).
//!
//! Sets come from the generated `labelled` documents, from hand labels of
//! real e-mails in the shared corpus (`detect_labels/`, read with
//! [`enron`]; the corpus itself is never copied into the project) and from
//! a public Twitter NER set that a registry package ships ([`tweets`],
//! installed outside the project by `install_ner_eval`).

use std::path::Path;
use std::time::Instant;

use crate::labelled::{Document, Whose};
use disclose_core::detect::Finding;
use disclose_core::extract::{extract, sniff, Limits};
use disclose_core::spread;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Name,
    Identifier,
    Subject,
    HardNegative,
}

#[derive(Debug, Clone)]
pub struct Labelled {
    /// Where the text came from (a corpus file, a demo document number).
    pub source: String,
    pub text: String,
    pub spans: Vec<(usize, usize, Label)>,
}

/// Generated documents as a set: other people's names and identifiers,
/// the subject's data, and the organisation's own data (not a leak, not
/// a false finding either: attribution disclosed it).
pub fn from_demo(docs: &[Document]) -> Vec<Labelled> {
    docs.iter()
        .enumerate()
        .map(|(n, d)| Labelled {
            source: format!("demo #{n}"),
            text: d.text.clone(),
            spans: d
                .spans
                .iter()
                .map(|s| {
                    let label = match (s.whose, s.kind) {
                        (Whose::Subject | Whose::None, _) => Label::Subject,
                        (_, "person_name") => Label::Name,
                        _ => Label::Identifier,
                    };
                    (s.start, s.end, label)
                })
                .collect(),
        })
        .collect()
}

/// The hand-labelled e-mails of `labels` (one `file start end label` per
/// line, `#` comments; a `file` line opens each file, `other` marks contact
/// data of no person, counted like the subject's) read from `corpus`, split into the part tuned on
/// (`split == 0`: even file numbers) and the held-out part (`split == 1`:
/// odd). Offsets are bytes into the text Disclose extracts from the file.
pub fn enron(corpus: &Path, labels: &str, split: u32) -> Result<Vec<Labelled>, String> {
    hand_labelled(corpus, labels, |file| file_number(file) % 2 == split)
}

/// Every file of `labels` that `keep` accepts, read from under `root`
/// (a file may name a sub-folder: "freeeed/pii/some_pii.txt"), with its
/// spans. The format is that of [`enron`].
pub fn hand_labelled(
    root: &Path,
    labels: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<Labelled>, String> {
    labelled_texts(root, labels, keep, extracted_text)
}

/// The files of `labels` read as written, not extracted: texts of ours
/// whose offsets are into the file itself (an e-mail typed into a `.txt`
/// file would otherwise be read as an e-mail, its headers rewritten).
pub fn written(root: &Path, labels: &str) -> Result<Vec<Labelled>, String> {
    labelled_texts(
        root,
        labels,
        |_| true,
        |path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display())),
    )
}

fn labelled_texts(
    root: &Path,
    labels: &str,
    keep: impl Fn(&str) -> bool,
    read: impl Fn(&Path) -> Result<String, String>,
) -> Result<Vec<Labelled>, String> {
    let mut sets: Vec<Labelled> = Vec::new();
    for (n, line) in labels.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, start, end, label] = fields[..] else {
            return Err(format!("label line {}: four fields expected", n + 1));
        };
        if !keep(file) {
            continue;
        }
        let (start, end): (usize, usize) = match (start.parse(), end.parse()) {
            (Ok(s), Ok(e)) => (s, e),
            _ => return Err(format!("label line {}: bad offsets", n + 1)),
        };
        let label = match label {
            "name" => Some(Label::Name),
            "id" => Some(Label::Identifier),
            "neg" => Some(Label::HardNegative),
            "other" => Some(Label::Subject),
            "file" => None,
            other => return Err(format!("label line {}: unknown label {other}", n + 1)),
        };
        if sets.last().is_none_or(|l| l.source != file) {
            sets.push(Labelled {
                source: file.to_string(),
                text: read(&root.join(file))?,
                spans: Vec::new(),
            });
        }
        let Some(label) = label else {
            continue;
        };
        let doc = sets.last_mut().expect("just pushed");
        if end > doc.text.len()
            || start >= end
            || !doc.text.is_char_boundary(start)
            || !doc.text.is_char_boundary(end)
        {
            return Err(format!(
                "label line {}: {start}..{end} is not a span of the text of {file}",
                n + 1
            ));
        }
        doc.spans.push((start, end, label));
    }
    Ok(sets)
}

/// "00012_345.eml" → 12.
fn file_number(file: &str) -> u32 {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.split('_')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The text `disclose detect FILE` reads: the file's extracted text.
pub fn extracted_text(path: &Path) -> Result<String, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    extract(sniff(&data, &name), &data, &name, &Limits::default())
        .map(|e| e.text)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// How a detector did on one set.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub documents: usize,
    /// The bytes of text of the set's documents.
    pub bytes: usize,
    /// (labelled, leaked) for names and identifiers.
    pub names: (usize, usize),
    pub identifiers: (usize, usize),
    /// (labelled, overlapped by a finding).
    pub hard_negatives: (usize, usize),
    /// (findings, findings overlapping personal data).
    pub findings: (usize, usize),
    /// Seconds a pass over the set, on one core and spread over every core.
    pub seconds: f64,
    pub seconds_on_cores: f64,
    /// Spans that leaked, hard negatives hit and findings that were wrong,
    /// for `SHOW_MISSES`.
    pub misses: Vec<String>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl Scores {
    pub fn name_leak(&self) -> f64 {
        pct(self.names.1, self.names.0)
    }
    pub fn identifier_leak(&self) -> f64 {
        pct(self.identifiers.1, self.identifiers.0)
    }
    pub fn hard_negative_rate(&self) -> f64 {
        pct(self.hard_negatives.1, self.hard_negatives.0)
    }
    pub fn precision(&self) -> f64 {
        if self.findings.0 == 0 {
            1.0
        } else {
            self.findings.1 as f64 / self.findings.0 as f64
        }
    }
    pub fn documents_per_second(&self) -> f64 {
        self.documents as f64 / self.seconds.max(1e-9)
    }
    pub fn documents_per_second_on_cores(&self) -> f64 {
        self.documents as f64 / self.seconds_on_cores.max(1e-9)
    }

    /// One line per measure, with the targets of issue 16.
    pub fn report(&self, set: &str) -> String {
        format!(
            "{set}: {docs} documents\n  \
             third-party name leak: {:.2}% ({} of {}) [target <= 2%]\n  \
             identifier leak:       {:.2}% ({} of {}) [target <= 0.5%]\n  \
             hard negatives hit:    {:.2}% ({} of {}) [target <= 10%]\n  \
             precision (overlap):   {:.3} ({} of {} findings) [target >= 0.9]\n  \
             speed:                 {:.0} documents/s, {:.2} MB/s, {} bytes a document on average (detection only, one core); {:.0} documents/s on {cores} cores [target >= 1000 documents/s]",
            self.name_leak(),
            self.names.1,
            self.names.0,
            self.identifier_leak(),
            self.identifiers.1,
            self.identifiers.0,
            self.hard_negative_rate(),
            self.hard_negatives.1,
            self.hard_negatives.0,
            self.precision(),
            self.findings.1,
            self.findings.0,
            self.documents_per_second(),
            self.bytes as f64 / self.seconds.max(1e-9) / 1e6,
            self.bytes / self.documents.max(1),
            self.documents_per_second_on_cores(),
            docs = self.documents,
            cores = spread::cores(),
        )
    }
}

/// The bytes of a labelled span that carry its data: letters and digits,
/// without a possessive "'s" at its end. Spaces, quotes and punctuation
/// between or around the words ("Bailey  Susan", "'Susan'", "(713)
/// 853-4737") say nothing about anyone, and a finding "Smith" of a span
/// "Smith's" leaves only the "'s" to read.
fn carrying_bytes(text: &str, start: usize, end: usize) -> Vec<usize> {
    let span = &text[start..end];
    let span = span
        .strip_suffix("'s")
        .or_else(|| span.strip_suffix("’s"))
        .or_else(|| span.strip_suffix("'S"))
        .or_else(|| span.strip_suffix("’S"))
        .filter(|s| !s.is_empty())
        .unwrap_or(span);
    span.char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .flat_map(|(k, c)| start + k..start + k + c.len_utf8())
        .collect()
}

/// Whether to start another timed pass: until a second has gone by,
/// and at least one.
fn another_pass(started: Instant, passes: u32) -> bool {
    passes == 0 || started.elapsed().as_secs_f64() < 1.0
}

/// The seconds `pass` takes, averaged over passes until a second has gone by.
fn seconds_a_pass(mut pass: impl FnMut()) -> f64 {
    let started = Instant::now();
    let mut passes = 0;
    while another_pass(started, passes) {
        pass();
        passes += 1;
    }
    started.elapsed().as_secs_f64() / f64::from(passes)
}

/// The seconds a pass of `find` over `set` takes spread over every core,
/// as `disclose detect` and a case's sweep run: passes handed to the same
/// workers until a second has gone by.
fn seconds_a_pass_on_cores(set: &[Labelled], find: &(impl Fn(&str) -> Vec<Finding> + Sync)) -> f64 {
    let started = Instant::now();
    let mut passes = 0;
    let documents = std::iter::from_fn(|| {
        another_pass(started, passes).then(|| {
            passes += 1;
            set.iter().map(Ok::<_, ()>)
        })
    })
    .flatten();
    spread::map_in_order(
        documents,
        |d| find(&d.text),
        |_, found| {
            std::hint::black_box(found);
            Ok(true)
        },
    )
    .expect("no input fails");
    started.elapsed().as_secs_f64() / f64::from(passes)
}

/// Runs `find` over every text of `set` and scores it.
pub fn score(set: &[Labelled], find: impl Fn(&str) -> Vec<Finding> + Sync) -> Scores {
    // Word lists are loaded on first use: warm up, then time whole passes
    // over the set until a second has gone by, on one core and then as a
    // case's sweep and `disclose detect` run, over every core.
    let found: Vec<Vec<Finding>> = set.iter().map(|d| find(&d.text)).collect();
    let seconds = seconds_a_pass(|| {
        for d in set {
            std::hint::black_box(find(&d.text));
        }
    });
    let seconds_on_cores = seconds_a_pass_on_cores(set, &find);
    let mut s = Scores {
        documents: set.len(),
        bytes: set.iter().map(|d| d.text.len()).sum(),
        seconds,
        seconds_on_cores,
        ..Scores::default()
    };
    for (doc, found) in set.iter().zip(&found) {
        for &(start, end, label) in &doc.spans {
            let carried = carrying_bytes(&doc.text, start, end);
            let covered = carried
                .iter()
                .filter(|&&i| found.iter().any(|f| f.start <= i && i < f.end))
                .count();
            let leaked = covered * 10 < carried.len() * 9;
            let overlapped = found.iter().any(|f| f.start < end && start < f.end);
            let tally = match label {
                Label::Name => &mut s.names,
                Label::Identifier => &mut s.identifiers,
                Label::HardNegative => &mut s.hard_negatives,
                Label::Subject => continue,
            };
            tally.0 += 1;
            let bad = if label == Label::HardNegative {
                overlapped
            } else {
                leaked
            };
            tally.1 += usize::from(bad);
            if bad {
                s.misses.push(format!(
                    "{} {label:?} @{start} {:?}",
                    doc.source,
                    &doc.text[start..end]
                ));
            }
        }
        for f in found {
            s.findings.0 += 1;
            let right = doc.spans.iter().any(|&(start, end, label)| {
                label != Label::HardNegative && f.start < end && start < f.end
            });
            s.findings.1 += usize::from(right);
            if !right {
                s.misses.push(format!(
                    "{} false {} @{} {:?}",
                    doc.source, f.kind, f.start, f.text
                ));
            }
        }
    }
    s
}

/// Tweets in the two-column CoNLL form of the Twitter NER set of Ritter et
/// al. (2011), the WNUT-16 training set (token, tab, `O` or `B-`/`I-` and a
/// type; a blank line between tweets). Each tweet becomes a text of its
/// tokens joined by single spaces, the five HTML entities of the data
/// decoded. Labels: `person` is a name; `geo-loc`, `company`, `facility`,
/// `product`, `sportsteam`, `movie` and `tvshow` are hard negatives (never
/// a person); a `musicartist` (a band or a singer) and an @-mention (a
/// person's account, unlabelled in the data) are personal data that is
/// neither a leak when missed nor a false finding when found; `other` is
/// left unlabelled. `source` is "tweet N", N counting from 0.
pub fn tweets(conll: &str) -> Vec<Labelled> {
    let mut out: Vec<Labelled> = Vec::new();
    let mut doc = Labelled {
        source: String::new(),
        text: String::new(),
        spans: Vec::new(),
    };
    // The entity being read: its start, type and end so far.
    let mut open: Option<(usize, String, usize)> = None;
    let finish = |doc: &mut Labelled, open: &mut Option<(usize, String, usize)>| {
        if let Some((start, kind, end)) = open.take() {
            if let Some(label) = tweet_label(&kind) {
                doc.spans.push((start, end, label));
            }
        }
    };
    for line in conll.lines().chain(std::iter::once("")) {
        let mut fields = line.trim_end_matches('\r').split('\t');
        let (token, tag) = match (fields.next(), fields.next()) {
            (Some(token), Some(tag)) if !token.trim().is_empty() => (token.trim(), tag.trim()),
            _ => {
                finish(&mut doc, &mut open);
                if !doc.text.is_empty() {
                    doc.source = format!("tweet {}", out.len());
                    out.push(std::mem::replace(
                        &mut doc,
                        Labelled {
                            source: String::new(),
                            text: String::new(),
                            spans: Vec::new(),
                        },
                    ));
                }
                continue;
            }
        };
        if !doc.text.is_empty() {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(&decode_entities(token));
        let end = doc.text.len();
        let (bio, kind) = tag.split_once('-').unwrap_or((tag, ""));
        match (bio, &mut open) {
            ("I", Some((_, open_kind, open_end))) if open_kind == kind => *open_end = end,
            ("B" | "I", _) => {
                finish(&mut doc, &mut open);
                open = Some((start, kind.to_string(), end));
            }
            _ => {
                finish(&mut doc, &mut open);
                if token.starts_with('@') && token.len() > 1 {
                    doc.spans.push((start, end, Label::Subject));
                }
            }
        }
    }
    out
}

fn tweet_label(kind: &str) -> Option<Label> {
    match kind {
        "person" => Some(Label::Name),
        "geo-loc" | "company" | "facility" | "product" | "sportsteam" | "movie" | "tvshow" => {
            Some(Label::HardNegative)
        }
        "musicartist" => Some(Label::Subject),
        _ => None,
    }
}

fn decode_entities(token: &str) -> String {
    token
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Where `install_ner_eval` of `.ci/packages.sh` puts the Twitter NER set
/// read by [`tweets`]: `$DISCLOSE_NER_EVAL`, or else
/// `$XDG_CACHE_HOME/disclose-ner-eval/ner.txt` (`~/.cache` by default).
/// `None` when it is not there.
pub fn tweets_file() -> Option<std::path::PathBuf> {
    let path = match std::env::var_os("DISCLOSE_NER_EVAL") {
        Some(path) => std::path::PathBuf::from(path),
        None => std::env::var_os("XDG_CACHE_HOME")
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?
            .join("disclose-ner-eval/ner.txt"),
    };
    path.is_file().then_some(path)
}

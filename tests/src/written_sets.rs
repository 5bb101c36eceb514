//! The landlord evaluation sets written by hand (`benches/detect_labels/`,
//! a folder of texts and a `.tsv` of labels each), in the order they were
//! written, and whether each one's misses have been read. One list, so the
//! detection bench (which scores them all) and the name model's training
//! (which learns only from the read ones) cannot disagree about a set.

use std::path::{Path, PathBuf};

use crate::detect_eval::{self, Labelled};

pub struct WrittenSet {
    /// How the bench prints it: which set, who wrote it, whether it is read.
    pub title: &'static str,
    pub labels: &'static str,
    /// Its misses have been read (and tuned on): training may use it.
    /// A set still blind is scored and never read.
    pub read: bool,
}

impl WrittenSet {
    /// Its texts with their labelled spans, read as written.
    pub fn load(&self) -> Result<Vec<Labelled>, String> {
        detect_eval::written(&labels_folder(), self.labels)
    }
}

/// Where the labels and the texts of every set live.
pub fn labels_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/detect_labels")
}

pub const WRITTEN_SETS: [WrittenSet; 27] = [
    // 40 documents written by hand, labelled before the detector was run
    // on them; read from 2026-12-05.
    WrittenSet {
        title: "third fresh set (written by hand, tuned on since 2026-12-05)",
        labels: include_str!("../benches/detect_labels/third.tsv"),
        read: true,
    },
    // 30 documents by the lead, unseen by the engineers tuning the
    // detector until 2026-12-05.
    WrittenSet {
        title: "fourth fresh set (written by the lead, tuned on since 2026-12-05)",
        labels: include_str!("../benches/detect_labels/fourth.tsv"),
        read: true,
    },
    // From the fifth on, each set was written by an engineer who had never
    // read the detector, scored once when it landed, and read when a later
    // set took its place as the blind headline.
    WrittenSet {
        title: "fifth fresh set (written blind, tuned on since 2026-12-05)",
        labels: include_str!("../benches/detect_labels/fifth.tsv"),
        read: true,
    },
    WrittenSet {
        title: "sixth fresh set (written blind, tuned on since 2026-12-05)",
        labels: include_str!("../benches/detect_labels/sixth.tsv"),
        read: true,
    },
    WrittenSet {
        title: "seventh fresh set (written blind, tuned on since 2026-12-05)",
        labels: include_str!("../benches/detect_labels/seventh.tsv"),
        read: true,
    },
    WrittenSet {
        title: "eighth fresh set (written blind, tuned on since 2026-12-05)",
        labels: include_str!("../benches/detect_labels/eighth.tsv"),
        read: true,
    },
    WrittenSet {
        title: "ninth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/ninth.tsv"),
        read: true,
    },
    WrittenSet {
        title: "tenth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/tenth.tsv"),
        read: true,
    },
    WrittenSet {
        title: "eleventh fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/eleventh.tsv"),
        read: true,
    },
    // Written at the sixteenth round's end; the blind headline until the
    // fifteenth landed.
    WrittenSet {
        title: "twelfth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/twelfth.tsv"),
        read: true,
    },
    // Both written at the seventeenth round's start; the thirteenth was the
    // blind headline until the sixteenth landed, the fourteenth until the
    // seventeenth.
    WrittenSet {
        title: "thirteenth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/thirteenth.tsv"),
        read: true,
    },
    WrittenSet {
        title: "fourteenth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/fourteenth.tsv"),
        read: true,
    },
    // Written at the eighteenth round's start, scored once before any
    // change of the round; read in the twenty-first.
    WrittenSet {
        title: "fifteenth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/fifteenth.tsv"),
        read: true,
    },
    // Written at the nineteenth round's start, scored once before any
    // change of the round; the blind headline in the twenty-first, read in
    // the twenty-second.
    WrittenSet {
        title: "sixteenth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/sixteenth.tsv"),
        read: true,
    },
    // Written at the twentieth round's start, scored once before any
    // change of the round; the blind headline in the twenty-second, read
    // in the twenty-third.
    WrittenSet {
        title: "seventeenth fresh set (written blind, tuned on since 2026-12-06)",
        labels: include_str!("../benches/detect_labels/seventeenth.tsv"),
        read: true,
    },
    // Written at the twenty-first round's start, scored once before any
    // change of the round; the blind headline in the twenty-third, read in
    // the twenty-fourth.
    WrittenSet {
        title: "eighteenth fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/eighteenth.tsv"),
        read: true,
    },
    // Written at the twenty-second round's start, scored once before any
    // change of the round; the blind headline in the twenty-fourth, read in
    // the twenty-fifth.
    WrittenSet {
        title: "nineteenth fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/nineteenth.tsv"),
        read: true,
    },
    // Written at the twenty-third round's start, scored once before any
    // change of the round; the blind headline in the twenty-fifth, read in
    // the twenty-sixth.
    WrittenSet {
        title: "twentieth fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/twentieth.tsv"),
        read: true,
    },
    // Written at the twenty-fourth round's start, scored once before any
    // change of the round; the blind headline in the twenty-sixth, read in
    // the twenty-seventh.
    WrittenSet {
        title: "twenty-first fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/twentyfirst.tsv"),
        read: true,
    },
    // Written at the twenty-fifth round's start, scored once before any
    // change of the round; the blind headline in the twenty-seventh, read
    // in the twenty-eighth.
    WrittenSet {
        title: "twenty-second fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/twentysecond.tsv"),
        read: true,
    },
    // Written at the twenty-sixth round's start, scored once before any
    // change of the round; the blind headline in the twenty-eighth, read
    // in the twenty-ninth.
    WrittenSet {
        title: "twenty-third fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/twentythird.tsv"),
        read: true,
    },
    // Written at the twenty-seventh round's start, scored once before any
    // change of the round; the blind headline in the twenty-ninth, read in
    // the thirtieth.
    WrittenSet {
        title: "twenty-fourth fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/twentyfourth.tsv"),
        read: true,
    },
    // Written at the twenty-eighth round's start, scored once before any
    // change of the round; the blind headline in the thirtieth, read in the
    // thirty-first.
    WrittenSet {
        title: "twenty-fifth fresh set (written blind, tuned on since 2026-12-07)",
        labels: include_str!("../benches/detect_labels/twentyfifth.tsv"),
        read: true,
    },
    // Written at the twenty-ninth round's start, scored once before any
    // change of the round; the blind headline in the thirty-first, read in
    // the thirty-second.
    WrittenSet {
        title: "twenty-sixth fresh set (written blind, tuned on since 2026-12-08)",
        labels: include_str!("../benches/detect_labels/twentysixth.tsv"),
        read: true,
    },
    // Written at the thirtieth round's start, scored once before any
    // change of the round.
    WrittenSet {
        title: "twenty-seventh fresh set (written blind, misses unread)",
        labels: include_str!("../benches/detect_labels/twentyseventh.tsv"),
        read: false,
    },
    // Written at the thirty-first round's start, scored once before any
    // change of the round.
    WrittenSet {
        title: "twenty-eighth fresh set (written blind, misses unread)",
        labels: include_str!("../benches/detect_labels/twentyeighth.tsv"),
        read: false,
    },
    // Written at the thirty-second round's start, scored once before any
    // change of the round.
    WrittenSet {
        title: "twenty-ninth fresh set (written blind, misses unread)",
        labels: include_str!("../benches/detect_labels/twentyninth.tsv"),
        read: false,
    },
];

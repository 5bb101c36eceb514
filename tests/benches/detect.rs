//! Detection benchmark on generated, labelled social-housing documents:
//! per-kind precision and recall, the leak rate of other people's names and
//! identifiers, recall on the subject's own spans, and throughput — for the
//! seed the recognisers were tuned on, one whose misses were looked at once,
//! and one never looked at while tuning. Then the same documents through
//! attribution, as `disclose detect --case` runs it: the **subject
//! over-redaction rate** (the subject's own spans that would be suggested
//! for redaction) and the leak rates of what would be suggested;
//! `SHOW_LEAKS=1` prints each name that would not be suggested.
//!
//! First, every evaluation set scored the same way (`detect_eval`): the
//! hand-labelled Enron e-mails of the shared corpus (the part tuned on and
//! the held-out part; skipped with a notice when the corpus is absent) and
//! the landlord sets written by hand (`written_sets`), the
//! seeds' privacy notices, the tweets of a public Twitter NER set from a
//! registry package (two halves: even tweets looked at, odd held out;
//! skipped with a notice when `install_ner_eval` has not been run) and the
//! generated sets, each with its name and identifier leak, hard-negative
//! rate, precision, documents/s and the peak memory so far (the Enron sets
//! also without the name model, "rules alone"). `SHOW_MISSES=1`
//! prints each leaked span and false finding of the tuning sets
//! (`SHOW_MISSES=all`: of every set, to read for patterns); `ONLY=WORDS`
//! scores only the evaluation sets whose name holds WORDS, and nothing else.
//!
//! Run: `cargo bench -p disclose-fixtures --bench detect`

use std::time::Instant;

use chrono::NaiveDate;
use disclose_core::case::{Case, HouseholdMember};
use disclose_core::detect::ner::Model;
use disclose_core::detect::{findings, findings_with_model};
use disclose_core::staff::StaffMember;
use disclose_core::suggest::People;
use disclose_fixtures::detect_eval::{self, Labelled};
use disclose_fixtures::labelled::{documents, score, Document, Whose};
use disclose_fixtures::written_sets::WRITTEN_SETS;
use disclose_fixtures::{peak_rss_kb, shared_corpus};

const DOCUMENTS: usize = 500;
const TUNED_SEED: u64 = 0xD15C_1005;
const SECOND_SEED: u64 = 0x5EED_2026;
const FRESH_SEED: u64 = 0x0DD5_EED5;

/// The hand labels of 200 e-mails of `freeeed/mixed` in the shared corpus.
const ENRON_LABELS: &str = include_str!("detect_labels/enron.tsv");
/// The fresh set: further e-mails and documents of the shared corpus,
/// labelled before any detection change was made for it and never tuned on.
const FRESH_LABELS: &str = include_str!("detect_labels/fresh.tsv");
/// A second fresh set: 40 further corpus files drawn at random, labelled
/// before the detector was run on them and scored once, never tuned on.
const HELDOUT_LABELS: &str = include_str!("detect_labels/heldout.tsv");
/// The landlord privacy notices of `shared/seeds`: hard negatives, tuned on
/// in the fourth round.
const NOTICE_LABELS: &str = include_str!("detect_labels/notices.tsv");

fn main() {
    // A labelling aid: `DUMP_TEXTS=DIR` writes the extracted text of every
    // corpus file named in `DIR/files.txt` to `DIR/<file name>.txt`.
    if let Some(dir) = std::env::var_os("DUMP_TEXTS") {
        dump_texts(std::path::Path::new(&dir));
        return;
    }
    evaluation_sets();
    if std::env::var_os("ONLY").is_some() {
        return;
    }
    let seeds = [
        ("tuned", TUNED_SEED),
        ("second", SECOND_SEED),
        ("fresh", FRESH_SEED),
    ];
    for (label, seed) in seeds {
        let docs = documents(seed, DOCUMENTS);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let started = Instant::now();
        let report = score(&docs, findings);
        let seconds = started.elapsed().as_secs_f64();
        println!("== seed {seed:#x} ({label}): {DOCUMENTS} documents, {bytes} bytes ==");
        println!("{report}");
        println!(
            "time: {:.3} s with scoring ({:.1} documents/s)",
            seconds,
            DOCUMENTS as f64 / seconds
        );
        let ok = report.name_leak_rate() < 0.02
            && report.identifier_leak_rate() < 0.005
            && report.min_precision() > 0.9;
        println!("targets met: {}", if ok { "yes" } else { "NO" });
        attribution(&docs);
        println!();
    }
}

/// The case a document belongs to, as a caseworker would set it up: the
/// subject's full name and identifiers, the household, the staff directory.
fn people(doc: &Document) -> People {
    let texts = |whose: Whose, name: bool| -> Vec<String> {
        doc.spans
            .iter()
            .filter(|s| s.whose == whose && (s.kind == "person_name") == name)
            .map(|s| doc.text[s.start..s.end].to_string())
            .collect()
    };
    let subject_name = texts(Whose::Subject, true)
        .into_iter()
        .max_by_key(|n| n.split_whitespace().count())
        .unwrap_or_else(|| "Unknown Person".into());
    let mut case = Case::new(
        "BENCH",
        &subject_name,
        NaiveDate::from_ymd_opt(2026, 3, 3).expect("date"),
    )
    .expect("case");
    for (span, value) in doc
        .spans
        .iter()
        .filter(|s| s.whose == Whose::Subject)
        .map(|s| (s, doc.text[s.start..s.end].to_string()))
    {
        let s = &mut case.subject;
        match span.kind {
            "phone" => s.phones.push(value),
            "email" => s.emails.push(value),
            "postcode" => s.postcodes.push(value),
            "ni_number" => s.ni_number = Some(value),
            "address_line" => s.addresses.push(value),
            "person_name" => {}
            _ => s.account_refs.push(value),
        }
    }
    case.household = texts(Whose::Household, true)
        .into_iter()
        .map(|name| HouseholdMember {
            name,
            relationship: String::new(),
        })
        .collect();
    let staff: Vec<StaffMember> = texts(Whose::Staff, true)
        .into_iter()
        .map(|name| StaffMember {
            name,
            role: String::new(),
            email: String::new(),
        })
        .collect();
    People::new(&case, &staff, Some(&disclose_core::profile::demo()))
}

/// Subject over-redaction and leaks once findings are attributed.
fn attribution(docs: &[Document]) {
    let (mut subject, mut over) = (0, 0);
    let (mut names, mut names_leaked, mut ids, mut ids_leaked) = (0, 0, 0, 0);
    for doc in docs {
        let people = people(doc);
        let suggested: Vec<(usize, usize)> = findings(&doc.text)
            .into_iter()
            .filter(|f| {
                matches!(
                    people.whose(f),
                    disclose_core::marks::Whose::ThirdParty
                        | disclose_core::marks::Whose::Household
                )
            })
            .map(|f| (f.start, f.end))
            .collect();
        let overlapped = |s: usize, e: usize| suggested.iter().any(|&(a, b)| a < e && s < b);
        let covered = |s: usize, e: usize| suggested.iter().any(|&(a, b)| a <= s && e <= b);
        for span in &doc.spans {
            match span.whose {
                Whose::Subject => {
                    subject += 1;
                    over += usize::from(overlapped(span.start, span.end));
                }
                Whose::ThirdParty | Whose::Household if span.kind == "person_name" => {
                    names += 1;
                    names_leaked += usize::from(!covered(span.start, span.end));
                    if std::env::var_os("SHOW_LEAKS").is_some() && !covered(span.start, span.end) {
                        let found: Vec<String> = findings(&doc.text)
                            .into_iter()
                            .filter(|f| f.start < span.end && span.start < f.end)
                            .map(|f| format!("{:?}={}", f.text, people.whose(&f)))
                            .collect();
                        println!(
                            "LEAK {:?} {:?}: {found:?}",
                            span.whose,
                            &doc.text[span.start..span.end]
                        );
                    }
                }
                Whose::ThirdParty | Whose::Household => {
                    ids += 1;
                    ids_leaked += usize::from(!covered(span.start, span.end));
                }
                Whose::Staff | Whose::None => {}
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "after attribution (staff in role disclosed): subject over-redaction {:.2}% ({over} of {subject} subject spans suggested); third-party and household leak: names {:.2}% ({names_leaked} of {names}), identifiers {:.2}% ({ids_leaked} of {ids})",
        pct(over, subject),
        pct(names_leaked, names),
        pct(ids_leaked, ids),
    );
}

/// Each evaluation set, scored with the same measures.
fn evaluation_sets() {
    let mut sets: Vec<(&str, Vec<Labelled>, bool)> = Vec::new();
    match shared_corpus() {
        Some(corpus) => {
            let mixed = corpus.join("freeeed/mixed");
            for (label, split, tuned) in [
                ("enron e-mails, tuning half", 0, true),
                ("enron e-mails, held-out half", 1, false),
            ] {
                match detect_eval::enron(&mixed, ENRON_LABELS, split) {
                    Ok(set) => sets.push((label, set, tuned)),
                    Err(e) => println!("enron labels could not be read: {e}"),
                }
            }
        }
        None => println!(
            "SKIPPED: the Enron evaluation sets need ../shared/corpus, which is not present"
        ),
    }
    // Never tuned on: a fresh look at how detection does on real text.
    match shared_corpus() {
        Some(corpus) => match detect_eval::hand_labelled(&corpus, FRESH_LABELS, |_| true) {
            Ok(set) => sets.push(("fresh set (corpus, never tuned on)", set, false)),
            Err(e) => println!("SKIPPED: the fresh set could not be read: {e}"),
        },
        None => println!("SKIPPED: the fresh set needs ../shared/corpus, which is not present"),
    }
    match shared_corpus() {
        Some(corpus) => match detect_eval::hand_labelled(&corpus, HELDOUT_LABELS, |_| true) {
            Ok(set) => sets.push((
                "second fresh set (corpus, drawn at random, never tuned on)",
                set,
                false,
            )),
            Err(e) => println!("SKIPPED: the second fresh set could not be read: {e}"),
        },
        None => {
            println!("SKIPPED: the second fresh set needs ../shared/corpus, which is not present")
        }
    }
    let seeds = shared_corpus().map(|c| c.join("../seeds"));
    match seeds.filter(|s| s.is_dir()) {
        Some(seeds) => match detect_eval::hand_labelled(&seeds, NOTICE_LABELS, |_| true) {
            Ok(set) => sets.push((
                "landlord privacy notices (hard negatives, tuned on)",
                set,
                true,
            )),
            Err(e) => println!("SKIPPED: the privacy notices could not be read: {e}"),
        },
        None => {
            println!("SKIPPED: the privacy-notice set needs ../shared/seeds, which is not present")
        }
    }
    // Ours, so they need no corpus; read as written (their labels are
    // offsets into the files themselves).
    for written in &WRITTEN_SETS {
        match written.load() {
            Ok(set) => sets.push((written.title, set, written.read)),
            Err(e) => println!("the {} could not be read: {e}", written.title),
        }
    }
    // Text nobody here wrote, from a registry package (see
    // `install_ner_eval`); read, never copied into the project.
    match detect_eval::tweets_file() {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(conll) => {
                let (even, odd): (Vec<_>, Vec<_>) = detect_eval::tweets(&conll)
                    .into_iter()
                    .enumerate()
                    .partition(|(n, _)| n % 2 == 0);
                let strip = |v: Vec<(usize, Labelled)>| v.into_iter().map(|(_, t)| t).collect();
                // The even half may be read and trained on; the odd half
                // is held out.
                sets.push((
                    "tweets (Twitter NER), even half (looked at)",
                    strip(even),
                    true,
                ));
                sets.push((
                    "tweets (Twitter NER), odd half (held out, never tuned on)",
                    strip(odd),
                    false,
                ));
            }
            Err(e) => println!("SKIPPED: the tweets set could not be read: {e}"),
        },
        None => println!(
            "SKIPPED: the tweets set (Twitter NER) is not installed: run `source .ci/packages.sh; install_ner_eval`"
        ),
    }
    sets.push((
        "demo::labelled, tuned seed",
        detect_eval::from_demo(&documents(TUNED_SEED, DOCUMENTS)),
        true,
    ));
    sets.push((
        "demo::labelled, fresh seed",
        detect_eval::from_demo(&documents(FRESH_SEED, DOCUMENTS)),
        false,
    ));
    // `ONLY=WORDS` scores only the sets whose name holds WORDS (for
    // profiling one set).
    let only = std::env::var("ONLY").ok();
    for (label, set, tuned) in &sets {
        if only.as_deref().is_some_and(|o| !label.contains(o)) {
            continue;
        }
        if label.starts_with("enron") || label.contains("fresh set") || label.starts_with("tweets")
        {
            // The same detector without its name model: what the model adds.
            let rules = detect_eval::score(set, |t| findings_with_model(t, &Model::default()));
            println!("{}", rules.report(&format!("{label}, rules alone")));
        }
        let scores = detect_eval::score(set, findings);
        println!("{}", scores.report(label));
        println!("  peak memory so far:    {} MiB", peak_rss_kb() / 1024);
        let show = std::env::var("SHOW_MISSES").ok();
        if show.as_deref() == Some("all") || *tuned && show.is_some() {
            for miss in &scores.misses {
                println!("  MISS {miss}");
            }
        }
    }
    println!();
}

fn dump_texts(dir: &std::path::Path) {
    let corpus = shared_corpus().expect("the shared corpus");
    let list = std::fs::read_to_string(dir.join("files.txt")).expect("files.txt");
    for file in list.lines().filter(|l| !l.is_empty()) {
        // A bare file name is one of `freeeed/mixed`; a path is under the
        // corpus ("freeeed/pii/some_pii.txt", "../seeds/000_….txt").
        let path = if file.contains('/') {
            corpus.join(file)
        } else {
            corpus.join("freeeed/mixed").join(file)
        };
        let name = file.rsplit('/').next().unwrap_or(file);
        match detect_eval::extracted_text(&path) {
            Ok(text) => std::fs::write(dir.join(format!("{name}.txt")), text).expect("write"),
            Err(e) => println!("{e}"),
        }
    }
}

//! What reading every file in a worker process costs: the real `disclose`
//! binary imports the shared corpus (`../shared/corpus/freeeed/mixed`, OCR
//! deferred) with its readers isolated and in-process
//! (`DISCLOSE_ISOLATION=off`), alternating, three times each, in the same
//! run; it prints each wall time, the medians and the cost.
//!
//! Run: `cargo build --release -p disclose-cli && cargo bench -p disclose-acceptance --bench isolation`

use std::path::Path;
use std::time::Instant;

use disclose_acceptance::Disclose;

const ROUNDS: usize = 3;

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/freeeed/mixed");
    if !corpus.is_dir() {
        println!("SKIPPED: {} is not present", corpus.display());
        return;
    }
    let mut isolated = Vec::new();
    let mut in_process = Vec::new();
    for round in 0..ROUNDS {
        for isolate in [true, false] {
            let seconds = import_seconds(&corpus, isolate, &format!("R{round}"));
            println!(
                "round {}: {:<11} {seconds:.2} s",
                round + 1,
                if isolate { "isolated" } else { "in-process" }
            );
            if isolate {
                isolated.push(seconds);
            } else {
                in_process.push(seconds);
            }
        }
    }
    let (a, b) = (median(&mut isolated), median(&mut in_process));
    println!(
        "median import + index of the corpus: isolated {a:.2} s, in-process {b:.2} s: isolation costs {:+.1}% of throughput",
        (a / b - 1.0) * 100.0
    );
}

fn import_seconds(corpus: &Path, isolate: bool, reference: &str) -> f64 {
    let d = Disclose::new();
    d.run(&[
        "case",
        "new",
        "--ref",
        reference,
        "--subject",
        "Kenneth Lay",
        "--received",
        "2026-03-03",
    ])
    .ok();
    let mut command = d.command();
    command.args([
        "import",
        "--no-ocr",
        "--case",
        reference,
        corpus.to_str().unwrap(),
    ]);
    if !isolate {
        command.env("DISCLOSE_ISOLATION", "off");
    }
    let started = Instant::now();
    let out = command.output().expect("run disclose import");
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    seconds
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

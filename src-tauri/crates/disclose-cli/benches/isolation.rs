//! What reading every file in a worker process costs: the real `disclose`
//! binary imports the shared corpus (`../shared/corpus/freeeed/mixed`, OCR
//! deferred) with its readers isolated and in-process
//! (`DISCLOSE_ISOLATION=off`), alternating, five times each, in the same
//! run; it prints each run's wall and CPU time (the import and its workers),
//! the medians and the cost. CPU time is the steadier figure on a machine
//! where other work competes for the cores.
//!
//! Run: `cargo build --release -p disclose-cli && cargo bench -p disclose-acceptance --bench isolation`

use std::path::Path;
use std::time::Instant;

use disclose_fixtures::disclose;

const ROUNDS: usize = 5;

fn main() {
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared/corpus/freeeed/mixed");
    if !corpus.is_dir() {
        println!("SKIPPED: {} is not present", corpus.display());
        return;
    }
    let mut isolated = Vec::new();
    let mut in_process = Vec::new();
    for round in 0..ROUNDS {
        for isolate in [true, false] {
            let took = import_seconds(&corpus, isolate, &format!("R{round}"));
            println!(
                "round {}: {:<11} {:.2} s wall, {:.2} s CPU",
                round + 1,
                if isolate { "isolated" } else { "in-process" },
                took.0,
                took.1
            );
            if isolate {
                isolated.push(took);
            } else {
                in_process.push(took);
            }
        }
    }
    for (what, pick) in [("wall", 0), ("CPU", 1)] {
        let mut a: Vec<f64> = isolated.iter().map(|t| [t.0, t.1][pick]).collect();
        let mut b: Vec<f64> = in_process.iter().map(|t| [t.0, t.1][pick]).collect();
        let (a, b) = (median(&mut a), median(&mut b));
        println!(
            "median {what} time to import + index the corpus: isolated {a:.2} s, in-process {b:.2} s: isolation costs {:+.1}%",
            (a / b - 1.0) * 100.0
        );
    }
}

/// CPU seconds (user + system) of this process's waited-for children and
/// their own waited-for children, from `/proc/self/stat`.
fn children_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<f64> = after_name
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    // cutime and cstime, fields 16 and 17 of the line, in clock ticks (100 a second).
    (fields.get(13).unwrap_or(&0.0) + fields.get(14).unwrap_or(&0.0)) / 100.0
}

/// The import's wall and CPU seconds.
fn import_seconds(corpus: &Path, isolate: bool, reference: &str) -> (f64, f64) {
    let d = disclose!();
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
    let cpu_before = children_cpu_seconds();
    let out = command.output().expect("run disclose import");
    let seconds = started.elapsed().as_secs_f64();
    let cpu = children_cpu_seconds() - cpu_before;
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (seconds, cpu)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

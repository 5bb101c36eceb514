//! How Disclose grows with a case: synthetic cases of 10,000, 30,000 and
//! 100,000 items (`disclose_fixtures::scale`, built from the shared
//! corpus) are imported with the real `disclose` binary, OCR deferred.
//! For each size it prints the import's wall time and the peak resident
//! memory of the import and its workers, the case's and the index's size
//! on disk, search latency with process start (p50, p95), and the times of
//! the subject sweep and of `detect --case`; then it discloses 5,000 of
//! the items (the rest not relevant) and times their render and the
//! encrypted export, with the bundle's size. Where Recoll is installed,
//! `recollindex` runs over the same files for sizes up to
//! `DISCLOSE_SCALE_RECOLL_MAX` items (default 30,000), printed beside.
//!
//! Run: `cargo build --release -p disclose-cli && cargo bench -p
//! disclose-cli --bench scale` (sizes: `DISCLOSE_SCALE_SIZES`,
//! e.g. `10000,30000`).

use std::process::Stdio;
use std::time::{Duration, Instant};

use disclose_fixtures::scale::{generate, Sources};
use disclose_fixtures::{disclose, recoll_seconds, shared_corpus, tree_rss_kb, Disclose};

const QUERIES: &[&str] = &[
    "rent",
    "repair",
    "\"housing file\"",
    "complaint",
    "okafor",
    "tenant AND arrears",
    "meeting OR call",
    "gas -price",
    "whitl*",
    "nowack~",
    "from:priya",
    "to:hussain",
    "subject:HR",
    "type:pdf",
    "type:email AND date:[2020-01-01 TO 2020-06-30]",
    "\"mill lane\"",
    "contract",
    "energy",
    "schedule",
    "acacia",
];

fn main() {
    let Some(corpus) = shared_corpus() else {
        println!("SKIPPED: the shared corpus (../shared/corpus) is not present");
        return;
    };
    let Some(sources) = Sources::read(&corpus) else {
        println!("SKIPPED: the shared corpus has no freeeed/mixed e-mails");
        return;
    };
    let sizes: Vec<usize> = std::env::var("DISCLOSE_SCALE_SIZES")
        .unwrap_or_else(|_| "10000,30000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let recoll_max: usize = std::env::var("DISCLOSE_SCALE_RECOLL_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30_000);
    println!("| items | files | input MB | import s | items/s | peak RSS MB | recollindex s | case MB | index MB | search p50 ms | search p95 ms | sweep s | detect --case s | render 5,000 s | export 5,000 s | bundle MB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for size in sizes {
        measure(&sources, size, size <= recoll_max);
    }
}

fn measure(sources: &Sources, size: usize, with_recoll: bool) {
    let input = tempfile::tempdir().expect("input folder");
    let made = generate(sources, input.path(), size, 2026);
    let d = disclose!();
    d.run(&[
        "case",
        "new",
        "--ref",
        "SCALE",
        "--subject",
        "Priya Okafor",
        "--received",
        "2026-03-03",
        "--postcode",
        "SK1 1AA",
    ])
    .ok();

    let started = Instant::now();
    let mut import = d
        .command()
        .args(["import", "--no-ocr", "--case", "SCALE"])
        .arg(input.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the import");
    let mut peak_kb = 0;
    while import.try_wait().expect("import status").is_none() {
        peak_kb = peak_kb.max(tree_rss_kb(import.id()));
        std::thread::sleep(Duration::from_millis(100));
    }
    let import_seconds = started.elapsed().as_secs_f64();
    let recoll = if with_recoll {
        recoll_seconds(input.path())
    } else {
        None
    };
    drop(input);

    let case_dir = d.case_dir("SCALE");
    let mut latencies: Vec<f64> = Vec::new();
    for query in QUERIES {
        let t = Instant::now();
        d.run(&["search", "--case", "SCALE", query, "--limit", "20"])
            .ok();
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    latencies.sort_by(f64::total_cmp);
    let pct = |p: f64| disclose_fixtures::quantile(&latencies, p);
    let timed = |args: &[&str]| {
        let t = Instant::now();
        d.run(args).ok();
        t.elapsed().as_secs_f64()
    };
    let sweep = timed(&["sweep", "--case", "SCALE"]);
    let detect = timed(&["detect", "--case", "SCALE"]);
    let disclosed = disclose_some(&d, 5_000);
    let render = timed(&["render", "--case", "SCALE"]);
    let bundle = tempfile::tempdir().expect("bundle folder");
    let zip = bundle.path().join("SCALE.zip");
    let export = timed(&[
        "export",
        "--case",
        "SCALE",
        "--encrypt",
        "--out",
        zip.to_str().expect("a UTF-8 path"),
    ]);
    let bundle_mb = std::fs::metadata(&zip).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let or_dash = |v: Option<f64>, text: String| v.map(|_| text).unwrap_or_else(|| "—".into());
    println!(
        "| {} | {} | {:.0} | {:.1} | {:.0} | {:.0} | {} | {:.0} | {:.0} | {:.0} | {:.0} | {:.1} | {:.1} | {:.1} ({disclosed} items) | {:.1} | {} |",
        made.items,
        made.files,
        made.bytes as f64 / 1e6,
        import_seconds,
        made.items as f64 / import_seconds,
        peak_kb as f64 / 1024.0,
        or_dash(recoll, format!("{:.1}", recoll.unwrap_or(0.0))),
        disclose_fixtures::size_on_disk(&case_dir) as f64 / 1e6,
        disclose_fixtures::size_on_disk(&case_dir.join("index")) as f64 / 1e6,
        pct(0.5),
        pct(0.95),
        sweep,
        detect,
        render,
        export,
        if bundle_mb > 0.0 {
            format!("{bundle_mb:.0}")
        } else {
            "failed".into()
        },
    );
}

/// Decides every item not relevant, then `count` readable ones disclosed,
/// and makes the organisation profile the demo landlord's; returns how
/// many were disclosed.
fn disclose_some(d: &Disclose, count: usize) -> usize {
    d.set_demo_profile();
    d.run(&["decide", "--case", "SCALE", "--all", "--as", "not-relevant"]);
    let items = d.json(&["items", "--case", "SCALE"]);
    let chosen: Vec<String> = items
        .as_array()
        .into_iter()
        .flatten()
        .filter(|item| item["status"] != "failed")
        .take(count)
        .map(|item| item["id"].to_string())
        .collect();
    let mut args = vec!["decide", "--case", "SCALE", "--as", "disclose"];
    for id in &chosen {
        args.extend(["--item", id.as_str()]);
    }
    d.run(&args);
    chosen.len()
}

//! Import and search benchmark on the shared corpus
//! (`../shared/corpus/freeeed/mixed`): files/s, MB/s, peak memory, search
//! latency p50/p95, and Recoll's indexing time on the same folder in the
//! same run when `recollindex` is installed. Files are read in worker
//! processes, as in the app, and their time is counted.
//!
//! Run: `cargo bench -p disclose-fixtures --bench import`

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use disclose_core::case::{Case, CaseFolder, Home};
use disclose_core::ingest::{self, ImportOptions, NoProgress};

const QUERIES: &[&str] = &[
    "enron",
    "meeting",
    "\"natural gas\"",
    "\"please let me know\"",
    "contract AND price",
    "power OR electricity",
    "california -energy",
    "schedul*",
    "kaminsky~",
    "recieved~",
    "from:jeff",
    "to:kenneth",
    "subject:meeting",
    "type:pdf",
    "type:email AND date:[2001-01-01 TO 2001-06-30]",
    "\"gas price\"~3",
    "path:mixed AND report",
    "trading",
    "credit risk",
    "vince",
];

fn main() {
    // Readers run in worker processes, as in the app: this bench binary is
    // started again as the worker program.
    disclose_core::isolate::serve_if_worker();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/freeeed/mixed");
    if !corpus.is_dir() {
        println!("SKIPPED: {} is not present", corpus.display());
        return;
    }
    let files: Vec<_> = walk(&corpus);
    let bytes: u64 = files
        .iter()
        .map(|f| f.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "corpus: {} files, {:.1} MB",
        files.len(),
        bytes as f64 / 1e6
    );

    let recoll = disclose_fixtures::recoll_seconds(&corpus);

    let home = tempfile::tempdir().expect("temp home");
    let home = Home::new(home.path());
    let (folder, summary, seconds) =
        disclose_fixtures::bench_import(&home, "BENCH", std::slice::from_ref(&corpus));
    println!(
        "disclose import + index: {:.2} s, {:.0} files/s, {:.1} MB/s, {} items (ok {}, partial {}, failed {}, duplicates {}), {} workers",
        seconds,
        files.len() as f64 / seconds,
        bytes as f64 / 1e6 / seconds,
        summary.items,
        summary.ok,
        summary.partial,
        summary.failed,
        summary.duplicates,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)
    );
    println!(
        "peak RSS: {:.0} MB (the import; its reader processes apart)",
        disclose_fixtures::peak_rss_kb() as f64 / 1024.0
    );
    match recoll {
        Some(r) => println!(
            "recollindex on the same folder: {r:.2} s  → disclose is {:.1}x faster",
            r / seconds
        ),
        None => println!("recollindex: not installed (Debian package recollcmd), no comparison"),
    }

    let latencies = disclose_fixtures::search_latencies_ms(&folder, QUERIES, 10);
    let pct = |p: f64| disclose_fixtures::quantile(&latencies, p);
    println!(
        "search ({} queries x 10, top 20 with snippets): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        QUERIES.len(),
        pct(0.5),
        pct(0.95),
        latencies[latencies.len() - 1]
    );
    ocr_benchmark(corpus.parent().expect("corpus folder"), &home);
}

/// OCR throughput on the corpus's scanned PDFs (the `scans/` folder and
/// the image-only PDFs of `mixed/`).
fn ocr_benchmark(corpus: &Path, home: &Home) {
    if !disclose_core::ocr::available() {
        println!("OCR: tesseract not installed, skipped");
        return;
    }
    let input = tempfile::tempdir().expect("temp dir");
    let mixed = corpus.join("mixed");
    let scans = corpus.join("scans");
    let mut sources: Vec<std::path::PathBuf> = walk(&scans);
    for entry in walk(&mixed) {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if ["_05.pdf", "_21.pdf", "_27.pdf", "_28.pdf", "mmm.pdf"]
            .iter()
            .any(|s| name.ends_with(s))
        {
            sources.push(entry);
        }
    }
    for source in &sources {
        if let Some(name) = source.file_name() {
            std::fs::copy(source, input.path().join(name)).expect("copy scan");
        }
    }
    let received = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).expect("date");
    let case = Case::new("BENCH-OCR", "Kenneth Lay", received).expect("case");
    let mut folder =
        CaseFolder::create(&disclose_fixtures::bench_context(home), &case).expect("case folder");
    let options = ImportOptions {
        ocr: false,
        ..ImportOptions::default()
    };
    let cancel = AtomicBool::new(false);
    ingest::import(
        &mut folder,
        &[input.path().to_path_buf()],
        &options,
        &NoProgress,
        &cancel,
    )
    .expect("import");
    let start = Instant::now();
    let summary = disclose_core::ocr::run(
        &mut folder,
        options.workers,
        &options.process,
        &NoProgress,
        &cancel,
    )
    .expect("ocr");
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "OCR: {} pages of {} scanned files in {:.1} s: {:.1} pages/min ({} workers)",
        summary.pages,
        summary.items,
        seconds,
        summary.pages as f64 * 60.0 / seconds,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read corpus").flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

//! What encryption at rest costs: the shared corpus
//! (`../shared/corpus/freeeed/mixed`) imported into a home without
//! encryption and into an encrypted one in the same run (OCR deferred),
//! then the same searches on both: import time, opening the case (the
//! encrypted index is decrypted into memory), search latency and the size
//! on disk, side by side.
//!
//! Run: `cargo bench -p disclose-fixtures --bench encryption`

use std::path::Path;
use std::time::Instant;

use disclose_core::case::{CaseFolder, Home};
use disclose_core::search::{self, SearchRequest};

const QUERIES: &[&str] = &[
    "enron",
    "meeting",
    "\"natural gas\"",
    "contract AND price",
    "power OR electricity",
    "schedul*",
    "kaminsky~",
    "from:jeff",
    "subject:meeting",
    "type:pdf",
    "\"gas price\"~3",
    "credit risk",
];

struct Figures {
    import_s: f64,
    /// CPU time of the import, all threads: steadier than wall time on a
    /// busy machine.
    import_cpu_s: f64,
    unlock_s: f64,
    open_ms: f64,
    p50_ms: f64,
    p95_ms: f64,
    bytes: u64,
    items: u64,
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/freeeed/mixed");
    if !corpus.is_dir() {
        println!("SKIPPED: {} is not present", corpus.display());
        return;
    }
    let plain = measure(&corpus, false);
    let sealed = measure(&corpus, true);
    for (label, f) in [("without encryption", &plain), ("encrypted", &sealed)] {
        println!(
            "{label:>18}: import {:.2} s, {:.2} s CPU ({} items), unlock {:.2} s, open case {:.0} ms, search p50 {:.2} ms p95 {:.2} ms, home {:.1} MB",
            f.import_s,
            f.import_cpu_s,
            f.items,
            f.unlock_s,
            f.open_ms,
            f.p50_ms,
            f.p95_ms,
            f.bytes as f64 / 1e6
        );
    }
    let pct = |a: f64, b: f64| (b / a - 1.0) * 100.0;
    println!(
        "cost of encryption: import {:+.0}% ({:+.0}% CPU), open case {:+.0} ms, search p50 {:+.0}%, p95 {:+.0}%, size {:+.1}%",
        pct(plain.import_s, sealed.import_s),
        pct(plain.import_cpu_s, sealed.import_cpu_s),
        sealed.open_ms - plain.open_ms,
        pct(plain.p50_ms, sealed.p50_ms),
        pct(plain.p95_ms, sealed.p95_ms),
        pct(plain.bytes as f64, sealed.bytes as f64)
    );
}

fn measure(corpus: &Path, encrypted: bool) -> Figures {
    let dir = tempfile::tempdir().expect("temp home");
    let home = Home::new(dir.path());
    let mut unlock_s = 0.0;
    if encrypted {
        disclose_core::crypt::enable(&home, "bench passphrase, not secret").expect("encrypt");
        // What every start pays: the passphrase through Argon2id.
        let t = Instant::now();
        disclose_core::crypt::unlock(&home, "bench passphrase, not secret").expect("unlock");
        unlock_s = t.elapsed().as_secs_f64();
    }
    let cpu = cpu_seconds();
    let (folder, summary, import_s) =
        disclose_fixtures::bench_import(&home, "BENCH", &[corpus.to_path_buf()]);
    let import_cpu_s = cpu_seconds() - cpu;
    drop(folder);
    let t = Instant::now();
    let folder = CaseFolder::open(&disclose_fixtures::bench_context(&home), "BENCH").expect("open");
    search::search(&folder, &SearchRequest::new("enron")).expect("search");
    let open_ms = t.elapsed().as_secs_f64() * 1000.0;
    let latencies = disclose_fixtures::search_latencies_ms(&folder, QUERIES, 5);
    let pct = |p: f64| disclose_fixtures::quantile(&latencies, p);
    Figures {
        import_s,
        import_cpu_s,
        unlock_s,
        open_ms,
        p50_ms: pct(0.5),
        p95_ms: pct(0.95),
        bytes: size(dir.path()),
        items: summary.items,
    }
}

fn size(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("read home").flatten() {
        let p = entry.path();
        total += if p.is_dir() {
            size(&p)
        } else {
            p.metadata().map(|m| m.len()).unwrap_or(0)
        };
    }
    total
}

/// User + system CPU seconds of this process so far (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line: 11 and 12 here.
    (ticks(11) + ticks(12)) / 100.0
}

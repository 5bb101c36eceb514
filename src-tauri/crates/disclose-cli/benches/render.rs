//! How fast renditions are made, and how large the bundle they go into is:
//! a case of the shared corpus (`../shared/corpus/freeeed/mixed`, every
//! readable item disclosed) or, when the corpus is absent, the generated
//! demo files, imported with the real `disclose` binary (OCR deferred).
//! It prints:
//!
//! - `render`: items, pages, seconds and items/s of the first render;
//! - the renditions' size on disk and the encrypted bundle's size;
//! - a mark added on page 1 of the PDF with the most pages, and the time
//!   to render that item again (the other pages' pictures reused).
//!
//! Besides wall time it prints the CPU time of the render and its reader
//! processes, which holds on a machine other work is loading.
//! `DISCLOSE_RENDER_BENCH_BIN` runs another build's `disclose` (an older
//! one, for "before" figures).
//!
//! Run: `cargo bench --workspace --locked --bench render` (release), or
//! with `--profile dev` on the debug build the tests use;
//! `DISCLOSE_RENDER_BENCH_EXPORT=0` leaves out the export (whose first
//! leak check reads every page). The same run on an older build gives the
//! "before" figures.

use std::path::PathBuf;
use std::time::Instant;

use disclose_fixtures::{disclose, shared_corpus, Disclose};

const CASE: &str = "RENDER";

fn main() {
    // Another build's `disclose` (an older one, for the "before" figures).
    let d = match std::env::var("DISCLOSE_RENDER_BENCH_BIN") {
        Ok(binary) => Disclose::new(binary),
        Err(_) => disclose!(),
    };
    let generated = tempfile::tempdir().expect("temp folder");
    let source: PathBuf = match shared_corpus().map(|c| c.join("freeeed/mixed")) {
        Some(mixed) if mixed.is_dir() => mixed,
        _ => {
            println!("NOTICE: the shared corpus is absent; rendering the generated demo files");
            d.run(&[
                "demo",
                "--write-files",
                generated.path().to_str().expect("a UTF-8 path"),
            ])
            .ok();
            generated.path().to_path_buf()
        }
    };
    println!("source: {}", source.display());
    d.new_case(CASE);
    d.run(&[
        "import",
        "--case",
        CASE,
        "--no-ocr",
        source.to_str().expect("a UTF-8 path"),
    ]);
    let items = d.disclose_all(CASE);
    d.set_demo_profile();

    let started = Instant::now();
    let cpu = children_cpu_seconds();
    let summary = d.json(&["render", "--case", CASE]);
    let seconds = started.elapsed().as_secs_f64();
    let cpu = children_cpu_seconds() - cpu;
    let rendered = summary["rendered"].as_u64().unwrap_or(0);
    println!(
        "render: {rendered} items, {} pages in {seconds:.1} s: {:.1} items/s; {cpu:.1} CPU s (with its reader processes): {:.1} items per CPU s ({} could not be rendered)",
        summary["pages"],
        rendered as f64 / seconds,
        rendered as f64 / cpu.max(0.01),
        summary["failures"].as_array().map_or(0, Vec::len)
    );
    let failed: Vec<String> = summary["failures"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["item_id"].to_string())
        .collect();
    if !failed.is_empty() {
        let mut args = vec!["decide", "--case", CASE, "--as", "not-relevant"];
        for id in &failed {
            args.extend(["--item", id.as_str()]);
        }
        d.run(&args);
    }
    let case_dir = d.case_dir(CASE);
    println!(
        "renditions on disk: {:.1} MB",
        disclose_fixtures::size_on_disk(&case_dir.join("renditions")) as f64 / 1e6
    );

    if std::env::var("DISCLOSE_RENDER_BENCH_EXPORT").is_ok_and(|v| v == "0") {
        println!(
            "bundle: not exported (DISCLOSE_RENDER_BENCH_EXPORT=0); the renditions are its payload"
        );
        again_after_one_mark(&d, &items);
        return;
    }
    let zip = d.home.path().join("RENDER.zip");
    let started = Instant::now();
    let export = d.run(&[
        "export",
        "--case",
        CASE,
        "--encrypt",
        "--out",
        zip.to_str().expect("a UTF-8 path"),
    ]);
    match std::fs::metadata(&zip) {
        Ok(meta) => println!(
            "bundle (encrypted, leak-checked): {:.1} MB, exported in {:.1} s",
            meta.len() as f64 / 1e6,
            started.elapsed().as_secs_f64()
        ),
        Err(_) => println!(
            "bundle: not written (exit {}): {}",
            export.code,
            export.stderr.trim()
        ),
    }

    again_after_one_mark(&d, &items);
}

/// Marks an area on page 1 of the PDF with the most pages and times its
/// render again.
fn again_after_one_mark(d: &Disclose, items: &serde_json::Value) {
    let pages = |item: &serde_json::Value| {
        item["metadata"]["pages"]
            .as_str()
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let Some(pdf) = items
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["type"] == "pdf" && i["status"] != "failed")
        .max_by_key(|i| pages(i))
    else {
        println!("again: no PDF in the case");
        return;
    };
    let id = pdf["id"].to_string();
    d.run(&[
        "redact",
        "--case",
        CASE,
        "--item",
        &id,
        "--page",
        "1",
        "--rect",
        "40,40,200,80",
        "--reason",
        "third-party",
    ])
    .ok();
    let started = Instant::now();
    let cpu = children_cpu_seconds();
    let again = d.json(&["render", "--case", CASE]);
    println!(
        "again after a mark on page 1 of item {id} ({} pages): {} item(s) rendered in {:.2} s, {:.2} CPU s",
        pages(pdf),
        again["rendered"],
        started.elapsed().as_secs_f64(),
        children_cpu_seconds() - cpu
    );
}

/// The CPU time (user and system) of this process's finished children and
/// theirs, in seconds (Linux; 0 elsewhere): a figure that holds on a
/// machine other work is loading, where wall time does not.
fn children_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends at the last ')'): state is
    // field 3, cutime and cstime fields 16 and 17.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |n: usize| fields.get(n - 3).and_then(|v| v.parse::<f64>().ok());
    (ticks(16).unwrap_or(0.0) + ticks(17).unwrap_or(0.0)) / 100.0
}

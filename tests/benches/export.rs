//! Export benchmark on the shared corpus (`../shared/corpus/freeeed/mixed`):
//! the case built from it with every readable item disclosed, rendered
//! (redacted copies of every item) and exported as an encrypted bundle —
//! items/s and seconds for each step.
//!
//! Run: `cargo bench -p disclose-fixtures --bench export`

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use disclose_core::bundle::{self, ExportOptions};
use disclose_core::case::{Case, CaseFolder, Home};
use disclose_core::ingest::{self, ImportOptions, NoProgress};
use disclose_core::review::{self, Decision};
use disclose_core::store::Status;
use disclose_core::{profile, render};

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/freeeed/mixed");
    if !corpus.is_dir() {
        println!("SKIPPED: {} is not present", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp home");
    let home = Home::new(dir.path());
    let received = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).expect("date");
    let case = Case::new("BENCH", "Kenneth Lay", received).expect("case");
    let mut folder =
        CaseFolder::create(&disclose_fixtures::bench_context(&home), &case).expect("case folder");
    let options = ImportOptions {
        ocr: false,
        ..ImportOptions::default()
    };
    let start = Instant::now();
    ingest::import(
        &mut folder,
        std::slice::from_ref(&corpus),
        &options,
        &NoProgress,
        &AtomicBool::new(false),
    )
    .expect("import");
    println!("import: {:.1} s", start.elapsed().as_secs_f64());

    let items = folder.items(None).expect("items");
    let (readable, unreadable): (Vec<_>, Vec<_>) =
        items.iter().partition(|i| i.status != Status::Failed);
    let ids =
        |list: &[&disclose_core::store::ItemRow]| list.iter().map(|i| i.id).collect::<Vec<_>>();
    review::decide(&mut folder, &ids(&readable), Decision::Disclose, None, "").expect("decide");
    if !unreadable.is_empty() {
        review::decide(
            &mut folder,
            &ids(&unreadable),
            Decision::NotRelevant,
            None,
            "",
        )
        .expect("decide");
    }

    let start = Instant::now();
    let rendered = render::render_case(&mut folder, false).expect("render");
    let render_seconds = start.elapsed().as_secs_f64();
    println!(
        "render: {} items, {} pages in {:.1} s: {:.1} items/s ({} could not be rendered)",
        rendered.rendered,
        rendered.pages,
        render_seconds,
        rendered.rendered as f64 / render_seconds,
        rendered.failures.len()
    );
    for failure in rendered.failures.iter().take(5) {
        println!("  item {}: {}", failure.item_id, failure.reason);
    }
    if !rendered.failures.is_empty() {
        let failed: Vec<i64> = rendered.failures.iter().map(|f| f.item_id).collect();
        review::decide(
            &mut folder,
            &failed,
            Decision::NotRelevant,
            None,
            "not renderable",
        )
        .expect("decide");
    }

    let out = dir.path().join("BENCH.zip");
    let options = ExportOptions {
        out: out.clone(),
        encrypt: true,
        dry_run: false,
    };
    let start = Instant::now();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).expect("date");
    let result = bundle::export(&mut folder, &profile::demo(), &options, today).expect("export");
    let export_seconds = start.elapsed().as_secs_f64();
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "export (encrypted, leak-checked): {} items, {} files, {:.1} MB in {:.1} s: {:.1} items/s",
        result.items,
        result.files.len(),
        size as f64 / 1e6,
        export_seconds,
        result.items as f64 / export_seconds
    );
    println!(
        "render + export: {:.1} s for {} items: {:.1} items/s",
        render_seconds + export_seconds,
        result.items,
        result.items as f64 / (render_seconds + export_seconds)
    );
}

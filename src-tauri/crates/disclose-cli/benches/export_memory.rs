//! Export memory against bundle size: a case of pictures that do not
//! compress (see `disclose_fixtures::bulk`) exported at about 200 MB
//! and about 2 GB, printing each bundle's size, the export's wall time and
//! the peak resident memory of the export (`/usr/bin/time`; the leak
//! check of every picture included, as no check was stored before). The
//! acceptance suite runs the same with the checks made beforehand.
//!
//! Run: `cargo build --release -p disclose-cli && cargo bench -p
//! disclose-cli --bench export_memory`
//! (needs about 7 GB free in the temporary folder: originals, redacted
//! copies and the bundle).

use std::time::Instant;

use disclose_fixtures::bulk::{case_of_pictures, export_peak, SIDE};
use disclose_fixtures::disclose;

fn main() {
    let d = disclose!();
    d.set_demo_profile();
    let out = tempfile::tempdir().expect("out dir");
    let mut peaks = Vec::new();
    for (reference, pictures) in [("SMALL", 16), ("LARGE", 160)] {
        let start = Instant::now();
        case_of_pictures(&d, reference, pictures, SIDE);
        let built = start.elapsed().as_secs_f64();
        let zip = out.path().join(format!("{reference}.zip"));
        let start = Instant::now();
        let exported = export_peak(&d, reference, &zip);
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(exported.code, 0, "{}", exported.stderr);
        let peak_kb = exported.peak_kb;
        let size = std::fs::metadata(&zip).map(|m| m.len()).unwrap_or(0);
        println!(
            "{pictures} pictures: bundle {:.0} MB, export {seconds:.1} s ({:.0} MB/s), peak RSS {:.0} MB (case built in {built:.0} s)",
            size as f64 / 1e6,
            size as f64 / 1e6 / seconds,
            peak_kb as f64 / 1024.0
        );
        peaks.push(peak_kb);
        std::fs::remove_file(&zip).ok();
        std::fs::remove_dir_all(d.case_dir(reference)).ok();
    }
    println!(
        "peak RSS grows by {:.0} MB from the small bundle to the ten times larger one (target: under 100 MB)",
        (peaks[1] as f64 - peaks[0] as f64) / 1024.0
    );
}

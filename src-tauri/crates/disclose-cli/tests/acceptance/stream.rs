//! The export streams: its memory stays flat as the bundle grows tenfold,
//! a rendition changed on disk after its leak check is caught and refused,
//! and a refused export leaves neither a file under the target's name nor
//! its temporary file. The leak check reads each rendition once: later
//! checks use its stored result until the rendition or the redactions
//! change.

use std::path::Path;

use disclose_fixtures::bulk::{case_of_pictures, export_peak, SIDE};
use disclose_fixtures::{disclose, Disclose};

/// The files in `dir`, by name.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// About 38 MB and 380 MB bundles (30 pictures that do not compress, of
/// 1.26 MB and of 12.6 MB: the same items, letter and schedule, so only
/// the bundle's size differs) rather than the 200 MB and 2 GB, to
/// keep the debug suite's time and disk (about 1.2 GB at the peak) in
/// bounds; `cargo bench --bench export_memory` runs 200 MB against 2 GB.
#[test]
fn export_memory_stays_flat_as_the_bundle_grows_tenfold() {
    let d = disclose!();
    d.json(&["profile", "set", &write_profile(&d)]);
    case_of_pictures(&d, "SMALL", 30, 648);
    case_of_pictures(&d, "LARGE", 30, SIDE);
    // The renditions' leak checks are made first and kept, as the Export
    // screen does: what is measured is the export streaming the bundle
    // (and checking what is new), not Tesseract reading 30 pictures.
    for reference in ["SMALL", "LARGE"] {
        let checked = d.json(&["verify", "--case", reference]);
        assert_eq!(checked["clean"], true, "{checked}");
    }
    let out = tempfile::tempdir().unwrap();

    let small = out.path().join("small.zip");
    let (small_kb, code, stderr) = export_peak(&d, "SMALL", &small);
    assert_eq!(code, 0, "{stderr}");
    let large = out.path().join("large.zip");
    let (large_kb, code, stderr) = export_peak(&d, "LARGE", &large);
    assert_eq!(code, 0, "{stderr}");

    let small_size = std::fs::metadata(&small).unwrap().len();
    let large_size = std::fs::metadata(&large).unwrap().len();
    eprintln!(
        "export peak RSS: {small_kb} KiB for {small_size} bytes, {large_kb} KiB for {large_size} bytes"
    );
    assert!(small_size > 35_000_000, "{small_size}");
    std::fs::remove_file(&small).unwrap();
    assert!(large_size > 10 * small_size - 10_000_000, "{large_size}");
    assert!(
        large_kb < small_kb + 100 * 1024,
        "peak RSS {large_kb} KiB for {large_size} bytes against {small_kb} KiB for {small_size} bytes"
    );
    assert_eq!(names_in(out.path()), ["large.zip"]);

    // What was streamed is what the manifest says.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&large).unwrap()).unwrap();
    let manifest = {
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("LARGE/manifest-sha256.txt").unwrap(),
            &mut text,
        )
        .unwrap();
        text
    };
    assert_eq!(
        manifest
            .lines()
            .filter(|l| l.contains("documents/"))
            .count(),
        30
    );
    let (sha, name) = manifest
        .lines()
        .find(|l| l.contains("documents/0030"))
        .and_then(|l| l.split_once("  "))
        .unwrap();
    let mut entry = archive.by_name(&format!("LARGE/{name}")).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
    assert_eq!(disclose_core::store::originals::sha256_hex(&bytes), sha);
}

/// The demo landlord's profile, written to a file in the home.
fn write_profile(d: &Disclose) -> String {
    let template = d.run(&["profile", "template"]).ok().stdout;
    let path = d.home.path().join("profile.json");
    std::fs::write(&path, template).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_leak_check_reads_each_rendition_once_and_a_rendition_changed_after_it_is_refused() {
    let d = disclose!();
    d.json(&["demo"]);
    d.disclose_all("DEMO-001");
    d.run(&["render", "--case", "DEMO-001"]).ok();

    let first = d.json(&["verify", "--case", "DEMO-001"]);
    assert_eq!(first["clean"], true, "{first}");
    let renditions = first["read"].as_u64().unwrap();
    assert!(renditions > 20, "{first}");
    assert_eq!(first["reused"], 0, "{first}");
    let again = d.json(&["verify", "--case", "DEMO-001"]);
    assert_eq!(again["read"], 0, "nothing is read twice: {again}");
    assert_eq!(again["reused"].as_u64().unwrap(), renditions, "{again}");
    assert_eq!(again["files"], first["files"], "{again}");

    // The bundle check reads only what is new: letter, schedule, data, page.
    let bundle = d.json(&["verify", "--case", "DEMO-001", "--bundle"]);
    assert_eq!(bundle["clean"], true, "{bundle}");
    assert_eq!(bundle["reused"].as_u64().unwrap(), renditions, "{bundle}");
    assert!(bundle["read"].as_u64().unwrap() >= 4, "{bundle}");

    // A redaction everywhere changes what is looked for: every rendition
    // is read again once it is rendered anew.
    d.run(&[
        "redact",
        "--case",
        "DEMO-001",
        "--term",
        "Mrs Okafor",
        "--everywhere",
        "--reason",
        "third-party",
    ])
    .ok();
    d.run(&["render", "--case", "DEMO-001"]).ok();
    let after = d.json(&["verify", "--case", "DEMO-001"]);
    assert_eq!(after["reused"], 0, "{after}");
    assert_eq!(after["read"].as_u64().unwrap(), renditions, "{after}");

    // A rendition changed on disk after its check: the stored check does
    // not vouch for it, the export refuses and writes nothing — an older
    // file under the target's name is left as it was, and no temporary
    // file stays behind.
    let rendition = std::fs::read_dir(d.case_dir("DEMO-001").join("renditions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .max()
        .unwrap();
    let mut bytes = std::fs::read(&rendition).unwrap();
    bytes.extend_from_slice(b"\n% Mrs Okafor\n");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&rendition, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    std::fs::write(&rendition, bytes).unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("DEMO-001.zip");
    std::fs::write(&target, b"an older bundle").unwrap();
    let refused = d.run(&[
        "--json",
        "export",
        "--case",
        "DEMO-001",
        "--out",
        target.to_str().unwrap(),
    ]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    let error = &refused.json()["error"];
    assert_eq!(error["code"], "integrity", "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains(rendition.file_name().unwrap().to_str().unwrap()),
        "the export names the rendition: {error}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"an older bundle");
    assert_eq!(names_in(out.path()), ["DEMO-001.zip"]);
}

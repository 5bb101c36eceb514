//! The export streams: its memory stays flat from a 200 MB to a 2 GB
//! bundle, a rendition changed on disk after its leak check is caught and
//! refused, and a refused export leaves neither a file under the target's
//! name nor its temporary file. The leak check reads each rendition once: later
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

/// The sizes: about 200 MB and 2 GB encrypted bundles, of 16 and
/// 160 pictures that do not compress (12.6 MB each; written in seconds,
/// see `disclose_fixtures::bulk`). Each export's peak resident memory is
/// the kernel's own account of the finished process, read by
/// `/usr/bin/time`. Needs about 7 GB of free disk at the peak.
#[test]
fn export_memory_stays_flat_from_a_200_mb_to_a_2_gb_bundle() {
    let d = disclose!();
    d.json(&["profile", "set", &write_profile(&d)]);
    let out = tempfile::tempdir().unwrap();
    let mut peaks = Vec::new();
    for (reference, pictures) in [("SMALL", 16), ("LARGE", 160)] {
        case_of_pictures(&d, reference, pictures, SIDE);
        // The renditions' leak checks are made first and kept, as the
        // Export screen does: what is measured is the export streaming the
        // bundle (and checking what is new), not Tesseract reading pictures.
        let checked = d.json(&["verify", "--case", reference]);
        assert_eq!(checked["clean"], true, "{checked}");
        let zip = out.path().join(format!("{reference}.zip"));
        let exported = export_peak(&d, reference, &zip);
        assert_eq!(exported.code, 0, "{}", exported.stderr);
        let size = std::fs::metadata(&zip).unwrap().len();
        eprintln!(
            "{reference}: bundle {size} bytes, export peak RSS {} KiB",
            exported.peak_kb
        );
        peaks.push((exported.peak_kb, size));
        if reference == "LARGE" {
            assert_streamed_as_listed(&zip, &exported.stdout, pictures);
        }
        std::fs::remove_file(&zip).unwrap();
        std::fs::remove_dir_all(d.case_dir(reference)).unwrap();
    }
    let [(small_kb, small_size), (large_kb, large_size)] = peaks[..] else {
        unreachable!()
    };
    assert!(small_size > 195_000_000, "{small_size}");
    assert!(large_size > 1_950_000_000, "{large_size}");
    assert!(
        large_kb < small_kb + 100 * 1024,
        "peak RSS {large_kb} KiB for {large_size} bytes against {small_kb} KiB for {small_size} bytes"
    );
    assert!(names_in(out.path()).is_empty(), "no temporary file is left");
}

/// What was streamed into the encrypted `zip` is what its manifest says:
/// one entry per picture, the last one's bytes hashing to its line.
fn assert_streamed_as_listed(zip: &Path, printed: &str, pictures: usize) {
    let printed: serde_json::Value = serde_json::from_str(printed).unwrap();
    let passphrase = printed["passphrase"].as_str().unwrap().as_bytes();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let read = |archive: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut archive.by_name_decrypt(name, passphrase).unwrap(),
            &mut bytes,
        )
        .unwrap();
        bytes
    };
    let manifest = String::from_utf8(read(&mut archive, "LARGE/manifest-sha256.txt")).unwrap();
    let documents: Vec<(&str, &str)> = manifest
        .lines()
        .filter(|l| l.contains("documents/"))
        .filter_map(|l| l.split_once("  "))
        .collect();
    assert_eq!(documents.len(), pictures, "{manifest}");
    let (sha, name) = documents.iter().max_by_key(|(_, name)| *name).unwrap();
    let bytes = read(&mut archive, &format!("LARGE/{name}"));
    assert_eq!(disclose_core::store::originals::sha256_hex(&bytes), *sha);
}

/// The demo landlord's profile, written to a file in the home.
fn write_profile(d: &Disclose) -> String {
    let template = d.run(&["profile", "template"]).ok().stdout;
    let path = d.home.path().join("profile.json");
    std::fs::write(&path, template).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn render_makes_each_renditions_leak_check_and_a_rendition_changed_after_it_is_refused() {
    let d = disclose!();
    d.json(&["demo"]);
    d.disclose_all("DEMO-001");
    d.run(&["render", "--case", "DEMO-001"]).ok();

    // The render made every rendition's check: nothing is read again.
    let first = d.json(&["verify", "--case", "DEMO-001"]);
    assert_eq!(first["clean"], true, "{first}");
    assert_eq!(first["read"], 0, "render made the checks: {first}");
    let renditions = first["reused"].as_u64().unwrap();
    assert!(renditions > 20, "{first}");

    // The bundle check reads only what is new: letter, schedule, data, page.
    let bundle = d.json(&["verify", "--case", "DEMO-001", "--bundle"]);
    assert_eq!(bundle["clean"], true, "{bundle}");
    assert_eq!(bundle["reused"].as_u64().unwrap(), renditions, "{bundle}");
    assert!(bundle["read"].as_u64().unwrap() >= 4, "{bundle}");

    // A redaction everywhere changes what is looked for, so no stored
    // check holds: the render checks every rendition again, those it did
    // not make again too, and verify reads none.
    d.redact_everywhere("DEMO-001", "Mrs Okafor");
    let rendered = d.json(&["render", "--case", "DEMO-001"]);
    assert!(rendered["up_to_date"].as_u64().unwrap() > 0, "{rendered}");
    let after = d.json(&["verify", "--case", "DEMO-001"]);
    assert_eq!(after["read"], 0, "{after}");
    assert_eq!(after["reused"].as_u64().unwrap(), renditions, "{after}");
    assert_eq!(after["redactions"], 1, "{after}");

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

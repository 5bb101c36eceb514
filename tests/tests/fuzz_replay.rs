//! Replays the fuzzers' saved inputs in-process, without AFL: every seed,
//! every input of `fuzz/corpus/TARGET/` and every crash kept in
//! `fuzz/regressions/TARGET/` goes through the same reader entry point the
//! fuzzer used, and none may panic or abort (each reader returns Ok or Err).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use disclose_extract::{self as extract, FileType, Limits};
use disclose_fixtures::fuzz::{fuzz_dir, run, seeds::seeds, TARGETS};

/// The files of `dir`, sorted; none if it does not exist.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let data = std::fs::read(&p).expect("saved input");
            (p.display().to_string(), data)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn saved_folders_name_known_targets() {
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(kind)) else {
            assert_ne!(kind, "corpus", "fuzz/corpus is missing");
            continue;
        };
        for entry in entries {
            let name = entry.expect("folder entry").file_name();
            let name = name.to_string_lossy();
            assert!(
                TARGETS.contains(&name.as_ref()),
                "fuzz/{kind}/{name} is not a fuzz target, so its inputs would never be replayed"
            );
        }
    }
}

/// Runs each input through `target`; the names of those that panicked.
fn replay(target: &str, inputs: Vec<(String, Vec<u8>)>) -> Vec<String> {
    let mut panicked = Vec::new();
    let count = inputs.len();
    for (name, data) in inputs {
        let outcome = catch_unwind(AssertUnwindSafe(|| run(target, &data)));
        match outcome {
            Ok(known) => assert!(known, "{target} is listed but not run"),
            Err(_) => panicked.push(format!("{target}: {name}")),
        }
    }
    println!("{target}: {count} inputs replayed");
    panicked
}

#[test]
fn every_saved_input_is_read_without_a_panic() {
    let mut panicked = Vec::new();
    for target in TARGETS {
        let corpus = files(&fuzz_dir().join("corpus").join(target));
        assert!(
            !corpus.is_empty(),
            "fuzz/corpus/{target} is empty: fuzz the target and keep its minimised corpus"
        );
        let regressions = files(&fuzz_dir().join("regressions").join(target));
        let inputs = seeds(target).into_iter().chain(corpus).chain(regressions);
        panicked.extend(replay(target, inputs.collect()));
    }
    assert!(
        panicked.is_empty(),
        "readers panicked on:\n{}",
        panicked.join("\n")
    );
}

/// The seeds are real files of their format, so the fuzzer starts deep in
/// each reader rather than at its first refusal.
#[test]
fn seeds_are_read_by_their_readers() {
    let typed = [
        ("eml", FileType::Email),
        ("mbox", FileType::Mbox),
        ("pdf", FileType::Pdf),
        ("docx", FileType::Docx),
        ("odt", FileType::Odt),
        ("pptx", FileType::Pptx),
        ("xlsx", FileType::Xlsx),
        ("xls", FileType::Xls),
        ("ods", FileType::Ods),
        ("csv", FileType::Csv),
        ("doc", FileType::Doc),
        ("ppt", FileType::Ppt),
        ("msg", FileType::Msg),
        ("rtf", FileType::Rtf),
        ("html", FileType::Html),
        ("json", FileType::Json),
        ("text", FileType::Text),
        ("zip", FileType::Zip),
    ];
    for (target, file_type) in typed {
        for (name, data) in seeds(target) {
            let out = extract::extract(file_type, &data, &name, &Limits::default())
                .unwrap_or_else(|e| panic!("{target} seed {name}: {e}"));
            assert!(
                !out.text.trim().is_empty() || !out.children.is_empty(),
                "{target} seed {name} gave nothing"
            );
        }
    }
    for target in TARGETS.iter().filter(|t| t.starts_with("image_")) {
        for (name, data) in seeds(target) {
            let (picture, _) = extract::image::decode_upright(&data)
                .unwrap_or_else(|e| panic!("{target} seed {name}: {e}"));
            assert!(picture.width() > 0, "{target} seed {name}");
        }
    }
    for (name, data) in seeds("card") {
        let file_type = extract::sniff(&data, &name);
        assert!(
            extract::extract(file_type, &data, &name, &Limits::default()).is_ok(),
            "card seed {name} ({file_type:?})"
        );
    }
    for (name, data) in seeds("pdf_render") {
        let pages = disclose_extract::raster::rasterise(&data, 150.0, 3000.0, &[])
            .unwrap_or_else(|e| panic!("pdf_render seed {name}: {e}"));
        assert!(
            !pages.is_empty() && pages.iter().all(|p| p.picture.is_ok()),
            "pdf_render seed {name}"
        );
    }
    for (name, data) in seeds("pst") {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join(&name);
        std::fs::write(&path, data).expect("write mailbox");
        let mut items = 0;
        let report = extract::pst::read_mailbox(&path, &Limits::default(), &|_| false, &mut |_| {
            items += 1;
            std::ops::ControlFlow::Continue(())
        })
        .unwrap_or_else(|e| panic!("pst seed {name}: {e}"));
        assert_eq!(items, 5, "pst seed {name}: {:?}", report.problems);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
    for (name, data) in seeds("rtf_compressed") {
        let rtf = extract::mapi::decompress_rtf(&data, &Limits::default())
            .unwrap_or_else(|e| panic!("rtf_compressed seed {name}: {e}"));
        assert!(rtf.starts_with(b"{\\rtf1"), "rtf_compressed seed {name}");
    }
}

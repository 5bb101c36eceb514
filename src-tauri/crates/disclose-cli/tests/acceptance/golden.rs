//! Extraction golden files: each fixture in `disclose-extract/golden/` is
//! imported and its item (type, status, text, metadata, children, records)
//! compared with `<name>.golden.json`. `UPDATE_GOLDEN=1` rewrites them.

use std::fs;
use std::path::Path;

use disclose_fixtures::{disclose, Disclose};
use serde_json::{json, Value};

/// The parts of an item that extraction decides.
fn extraction_of(d: &Disclose, case: &str, id: &Value) -> Value {
    let item = d.json(&["item", "--case", case, &id.to_string()]);
    let mut metadata = item["metadata"].clone();
    // The file's own time is the checkout's, not the fixture's.
    if let Some(m) = metadata.as_object_mut() {
        m.remove("file_modified");
    }
    let children: Vec<Value> = item["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| extraction_of(d, case, c))
        .collect();
    json!({
        "name": item["name"],
        "type": item["type"],
        "status": item["status"],
        "reason": item["reason"],
        "date": item["date"],
        "metadata": metadata,
        "text": item["text"],
        "records": item["records"],
        "pages": item["pages"].as_array().map(Vec::len),
        "children": children,
    })
}

#[test]
fn extraction_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../disclose-extract/golden");
    let mut fixtures: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".golden.json"))
        .collect();
    fixtures.sort();
    assert!(
        fixtures.len() >= 8,
        "the golden suite must not be empty: {}",
        dir.display()
    );
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let d = disclose!();
        d.new_case("G");
        d.run(&["--json", "import", "--case", "G", fixture.to_str().unwrap()]);
        let items = d.json(&["items", "--case", "G"]);
        let top = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["parent"].is_null())
            .expect("a top-level item")
            .clone();
        let actual = extraction_of(&d, "G", &top["id"]);
        let golden_path = fixture.with_file_name(format!(
            "{}.golden.json",
            fixture.file_name().unwrap().to_string_lossy()
        ));
        let pretty = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        if update {
            fs::write(&golden_path, &pretty).unwrap();
            continue;
        }
        match fs::read_to_string(&golden_path) {
            Ok(expected) if serde_json::from_str::<Value>(&expected).unwrap() == actual => {}
            Ok(_) => failures.push(format!(
                "{}: differs from {}\nactual:\n{pretty}",
                fixture.display(),
                golden_path.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no golden file (run with UPDATE_GOLDEN=1)",
                fixture.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

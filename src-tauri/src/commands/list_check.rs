//! The one list of commands (`list.rs`) against the three places that must
//! agree with it and cannot be generated from it: the handler in
//! `commands/mod.rs` (Tauri's macro takes paths, not names), the window's
//! capability file and the UI's `api.ts`. A command added to one and not
//! the others fails here, naming what differs.

use std::collections::BTreeSet;
use std::path::Path;

use super::COMMANDS;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn listed() -> BTreeSet<String> {
    let set: BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
    assert_eq!(set.len(), COMMANDS.len(), "a command is listed twice");
    set
}

fn differences(what: &str, found: &BTreeSet<String>) -> Vec<String> {
    let expected = listed();
    let mut out: Vec<String> = expected
        .difference(found)
        .map(|c| format!("{c} is in list.rs but not in {what}"))
        .collect();
    out.extend(
        found
            .difference(&expected)
            .map(|c| format!("{c} is in {what} but not in list.rs")),
    );
    out
}

#[test]
fn the_handler_registers_every_listed_command() {
    let source = read("src/commands/mod.rs");
    let start = source.find("generate_handler![").expect("the handler list");
    let end = start + source[start..].find(']').expect("its end");
    let handled: BTreeSet<String> = source[start + "generate_handler![".len()..end]
        .split(',')
        .map(|path| {
            path.trim()
                .rsplit("::")
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .filter(|name| !name.is_empty())
        .collect();
    assert_eq!(differences("the handler", &handled), Vec::<String>::new());
}

#[test]
fn the_window_is_allowed_exactly_the_listed_commands() {
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/default.json")).expect("JSON");
    let allowed: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(
        differences("capabilities/default.json", &allowed),
        Vec::<String>::new()
    );
}

#[test]
fn the_ui_calls_every_listed_command() {
    // `api.ts` can name only listed commands (its `call` takes the
    // generated `Command` type); here, every listed one is called.
    let api = read("../ui/src/api.ts");
    let called: BTreeSet<String> = COMMANDS
        .iter()
        .filter(|c| api.contains(&format!("\"{c}\"")))
        .map(|c| c.to_string())
        .collect();
    assert_eq!(differences("ui/src/api.ts", &called), Vec::<String>::new());
}

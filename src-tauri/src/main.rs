//! Disclose desktop: a thin Tauri 2 shell over `disclose-core`. Commands
//! (in `commands/`) parse what the window sends, call the engine and map
//! errors to `{code, message}`; nothing here decides anything a caseworker
//! relies on. On first start an empty home gets the built-in demo case.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod state;

#[cfg(test)]
mod bindings;

use disclose_core::case::Home;

fn main() {
    disclose_core::isolate::serve_if_worker();
    let home = match Home::resolve(None) {
        Ok(home) => home,
        Err(e) => {
            eprintln!("disclose: cannot find a place for cases: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = state::ensure_demo(&home) {
        eprintln!("disclose: the demo case could not be created: {e}");
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new(home))
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("disclose: the window could not start: {e}");
        std::process::exit(1);
    }
}

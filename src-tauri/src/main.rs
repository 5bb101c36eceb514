//! Disclose desktop: a thin Tauri 2 shell over `disclose-core`. Commands
//! (in `commands/`) parse what the window sends, call the engine and map
//! errors to `{code, message}`; nothing here decides anything a caseworker
//! relies on. On first start an empty home gets the built-in demo case, made behind
//! the open window.

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
    // An encrypted home is unlocked by the window's dialog, or here from
    // DISCLOSE_PASSPHRASE when it is set (automation); no demo case in it.
    if disclose_core::crypt::is_encrypted(&home) {
        if let Some(p) = std::env::var("DISCLOSE_PASSPHRASE")
            .ok()
            .filter(|p| !p.is_empty())
        {
            if let Err(e) = disclose_core::crypt::unlock(&home, &p) {
                eprintln!("disclose: DISCLOSE_PASSPHRASE did not unlock the home: {e}");
            }
        }
    }
    let encrypted = disclose_core::crypt::is_encrypted(&home);
    let state = state::AppState::new(home);
    if !encrypted {
        state.prepare_demo();
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("disclose: the window could not start: {e}");
        std::process::exit(1);
    }
}

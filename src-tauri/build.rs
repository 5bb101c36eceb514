//! Builds the app's permission set: every command of the one list
//! (`src/commands/list.rs`) gets an `allow-<name>` permission, and
//! `capabilities/default.json` grants the main window exactly those (least
//! privilege, no fs plugin).

include!("src/commands/list.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}

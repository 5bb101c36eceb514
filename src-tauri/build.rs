//! Builds the app's permission set: every command below gets an
//! `allow-<name>` permission, and `capabilities/default.json` grants the
//! main window exactly those (least privilege, no fs plugin).

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "list_cases",
            "create_case",
            "case_overview",
            "update_subject",
            "import_files",
            "cancel_import",
            "failed_items",
            "sweep_case",
            "reindex_case",
            "get_whoami",
            "set_whoami",
            "search_case",
            "search_facets",
            "saved_searches",
            "save_search",
            "item_detail",
            "item_original",
            "review_queue",
            "decide_items",
            "decision_reasons",
            "item_marks",
            "add_mark",
            "set_marks",
            "redact_everywhere",
            "detect_case",
            "suggestion_groups",
            "item_rendition",
            "export_preview",
            "export_check",
            "cancel_export_check",
            "export_bundle",
            "not_this_person",
            "redact_finding",
            "get_profile",
            "save_profile",
            "holidays_state",
            "import_holidays",
            "purged_cases",
            "home_lock",
            "unlock_home",
        ]),
    ))
    .expect("tauri build step");
}

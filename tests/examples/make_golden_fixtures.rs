//! Writes the binary golden fixtures (PDF, DOCX, XLSX, ODT, zip) into
//! `src-tauri/crates/disclose-extract/golden/` from the generators in `fixtures`. Run it when a
//! generator changes, then `UPDATE_GOLDEN=1 cargo test` and review the diff.

use std::fs;
use std::path::Path;

use disclose_fixtures::fixtures;

fn main() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/crates/disclose-extract/golden");
    fs::create_dir_all(&dir).expect("fixtures dir");
    let write = |name: &str, data: Vec<u8>| fs::write(dir.join(name), data).expect("write fixture");
    write(
        "tenancy-letter.pdf",
        fixtures::pdf(&[
            &[
                "Northgate Homes, 1 Civic Way, Stockport SK1 3XE",
                "Dear Mrs Smith,",
                "Tenancy TEN-004417: rent review",
            ],
            &[
                "Your new rent is (GBP) 112.40 per week from 6 April 2026.",
                "Yours sincerely, Sam Officer",
            ],
        ]),
    );
    write(
        "asb-notes.docx",
        fixtures::docx(
            &[
                "Case notes: noise complaint",
                "The neighbour at number 14 reported loud music on 3 February.",
            ],
            "OFFICIAL - SENSITIVE",
            "Page footer: Northgate Homes",
            "Check with the police before disclosing.",
            "Reported by Mr Patel.",
        ),
    );
    write(
        "rent-account.xlsx",
        fixtures::xlsx(
            &[
                &["Date", "Description", "Amount"],
                &["2026-01-05", "Rent", "112.40"],
                &["2026-01-12", "Payment", "-112.40"],
            ],
            &[
                &["Officer note"],
                &["Arrears letter withheld pending review"],
            ],
        ),
    );
    write(
        "panel-minutes.odt",
        fixtures::odt(&["Allocations panel minutes", "Present: S. Officer, R. Khan"]),
    );
    write(
        "scanned-forms.zip",
        fixtures::zip(&[
            (
                "forms/consent.txt",
                b"I consent to Northgate Homes sharing my details with the council.",
            ),
            (
                "forms/nested.zip",
                &fixtures::zip(&[("inner.txt", b"Inner note")]),
            ),
        ]),
    );
}

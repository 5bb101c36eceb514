//! The independent tools the tests check Disclose's output with (poppler,
//! qpdf, exiftool, ffprobe, 7z): run one and keep its output, and the
//! checks several tests make the same way on a produced file.

use std::path::Path;
use std::process::Command;

/// Runs `program` and returns what it printed; a missing tool or a failed
/// run fails the test, saying which.
pub fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed for this test (the README's test command installs it): {e}")
        });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Fails the test when the file's bytes hold any of `needles` anywhere
/// (a tag, an encoder's name, a redacted word left in a container).
pub fn assert_bytes_hold_none_of(path: &Path, needles: &[&[u8]]) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for needle in needles {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == *needle),
            "{} holds {:?}",
            path.display(),
            String::from_utf8_lossy(needle)
        );
    }
}

/// ffprobe's JSON for the given `-show_entries` of a media file.
pub fn ffprobe_entries(path: &Path, entries: &str) -> String {
    tool(
        "ffprobe",
        &[
            "-v",
            "error",
            "-show_entries",
            entries,
            "-of",
            "json",
            path.to_str().unwrap(),
        ],
    )
}

//! The parts of a recording's transcription finished so far, kept in the
//! case under `speech/<sha256>/` (sealed in an encrypted home) as the
//! import's worker hands them over (see `isolate::pool`), so an import
//! cancelled or killed while it transcribes gives them back to the speech
//! helper when it is run again, which then transcribes only the parts
//! still missing. They are removed once the whole transcript is read.

use std::path::{Path, PathBuf};

use crate::error::Result;

/// The parts an earlier run finished for the recording `sha256`: the
/// JSON list the speech helper reads (empty when there are none), how
/// many there are and how many seconds of sound they hold.
pub struct Earlier {
    pub list: Vec<u8>,
    pub parts: u32,
    pub seconds: f64,
}

fn folder(root: &Path, sha256: &str) -> PathBuf {
    root.join(sha256)
}

/// Whether `name` is one the helper gives a part (`LANE-INDEX.json`).
fn is_part_name(name: &str) -> bool {
    name.strip_suffix(".json").is_some_and(|stem| {
        !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit() || c == '-')
    })
}

/// The parts kept for `sha256` under `root`, in order.
pub fn load(root: &Path, sha256: &str) -> Earlier {
    let mut earlier = Earlier {
        list: Vec::new(),
        parts: 0,
        seconds: 0.0,
    };
    let Ok(entries) = std::fs::read_dir(folder(root, sha256)) else {
        return earlier;
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_part_name)
        })
        .collect();
    paths.sort();
    let mut parts = Vec::new();
    for path in paths {
        let part = crate::crypt::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok());
        if let Some(part) = part {
            let samples =
                part["end"].as_f64().unwrap_or(0.0) - part["start"].as_f64().unwrap_or(0.0);
            earlier.seconds += samples / 16_000.0;
            parts.push(part);
        }
    }
    earlier.parts = parts.len() as u32;
    if !parts.is_empty() {
        earlier.list = serde_json::to_vec(&parts).unwrap_or_default();
    }
    earlier
}

/// Keeps one finished part (`name` as the helper gave it, `json` its
/// content) for `sha256`; anything else is refused.
pub fn keep(root: &Path, sha256: &str, name: &str, json: &[u8]) -> Result<()> {
    if !is_part_name(name) || serde_json::from_slice::<serde_json::Value>(json).is_err() {
        return Err(crate::Error::Invalid(format!(
            "not a part of a transcription: {name}"
        )));
    }
    let path = folder(root, sha256).join(name);
    crate::private::make_dir(folder(root, sha256).as_path())?;
    let sealed = crate::crypt::seal_for(&path, json)?;
    crate::private::write_file(&path, &sealed)
}

/// Removes the parts kept for `sha256`.
pub fn forget(root: &Path, sha256: &str) {
    let _ = std::fs::remove_dir_all(folder(root, sha256));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_kept_given_back_in_order_and_forgotten() {
        let root = tempfile::tempdir().unwrap();
        let sha = "ab".repeat(32);
        assert_eq!(load(root.path(), &sha).parts, 0);
        let part = |index: u32, start: u32, end: u32| {
            format!(
                r#"{{"model":"m","lane":0,"index":{index},"start":{start},"end":{end},"segments":[]}}"#
            )
        };
        keep(
            root.path(),
            &sha,
            "0-0001.json",
            part(1, 480_000, 800_000).as_bytes(),
        )
        .unwrap();
        keep(
            root.path(),
            &sha,
            "0-0000.json",
            part(0, 0, 480_000).as_bytes(),
        )
        .unwrap();
        assert!(keep(root.path(), &sha, "../x.json", b"{}").is_err());
        assert!(keep(root.path(), &sha, "0-0002.json", b"not json").is_err());
        let earlier = load(root.path(), &sha);
        assert_eq!(earlier.parts, 2);
        assert_eq!(earlier.seconds, 50.0);
        let list: Vec<serde_json::Value> = serde_json::from_slice(&earlier.list).unwrap();
        assert_eq!(list[0]["index"], 0);
        assert_eq!(list[1]["index"], 1);
        forget(root.path(), &sha);
        assert_eq!(load(root.path(), &sha).parts, 0);
    }
}

//! Private by default: what Disclose creates is readable by its owner only.
//! Folders are made 0700 and files 0600 as they are created, whatever the
//! process umask says; originals keep 0400 (read-only for the owner).
//! `check` lists what is wider than that (shown when a case is opened) and
//! `repair` narrows it again (`disclose doctor`).
//!
//! On other systems than Unix these are plain creations and the checks find
//! nothing; there the folder's inherited access list applies.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Result;

/// Mode of folders.
pub const DIR_MODE: u32 = 0o700;
/// Mode of files.
pub const FILE_MODE: u32 = 0o600;
/// Mode of originals: read-only for the owner.
pub const ORIGINAL_MODE: u32 = 0o400;

/// Creates `dir` and any missing parents, each new one 0700.
pub fn make_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        make_dir(parent)?;
    }
    match std::fs::create_dir(dir) {
        Ok(()) => set_mode(dir, DIR_MODE),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Creates `path` empty with mode 0600 unless it exists (so a program that
/// opens it afterwards, such as SQLite, keeps that mode).
pub fn touch(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path)?;
    set_mode(path, FILE_MODE)
}

/// Writes `bytes` to `path` through a 0600 temporary file beside it, so a
/// crash never leaves a half-written file under the final name.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    make_dir(dir)?;
    let mut temporary = tempfile::NamedTempFile::new_in(dir)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_data()?;
    set_mode(temporary.path(), FILE_MODE)?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Sets the permission bits of `path` (Unix only).
pub fn set_mode(path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// The permission bits of `path`, if it can be read (Unix only).
pub fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::symlink_metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Something readable or writable by others than its owner.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Exposure {
    pub path: String,
    /// The mode found, in octal (`755`).
    pub mode: String,
}

fn exposed(path: &Path) -> Option<Exposure> {
    let mode = mode_of(path)?;
    (mode & 0o077 != 0).then(|| Exposure {
        path: path.display().to_string(),
        mode: format!("{mode:o}"),
    })
}

/// A quick look, for opening a case: the home, its `cases` folder, the case
/// folder and what lies directly in it. `doctor` looks at everything.
pub fn check_case(home: &Path, case_dir: &Path) -> Vec<Exposure> {
    let mut paths: Vec<PathBuf> = vec![home.to_path_buf(), home.join("cases")];
    paths.push(case_dir.to_path_buf());
    if let Ok(entries) = std::fs::read_dir(case_dir) {
        paths.extend(entries.flatten().map(|e| e.path()));
    }
    paths.iter().filter_map(|p| exposed(p)).collect()
}

/// What `repair` changed.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Repair {
    /// Files and folders looked at.
    pub checked: u64,
    /// Those whose mode was narrowed.
    pub repaired: Vec<Exposure>,
}

/// Narrows every folder of the home `root` (itself included) to 0700 and
/// every file to 0600, the originals of its cases to 0400. Symbolic links
/// are left alone.
pub fn repair(root: &Path) -> Result<Repair> {
    let mut report = Repair::default();
    if !root.exists() {
        return Ok(report);
    }
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.map_err(|e| crate::Error::Invalid(format!("cannot read: {e}")))?;
        let path = entry.path();
        let kind = entry.file_type();
        if kind.is_symlink() {
            continue;
        }
        report.checked += 1;
        let want = if kind.is_dir() {
            DIR_MODE
        } else if is_original(root, path) {
            ORIGINAL_MODE
        } else {
            FILE_MODE
        };
        let Some(mode) = mode_of(path) else { continue };
        let wider = mode & 0o077 != 0;
        let original_writable = want == ORIGINAL_MODE && mode & 0o200 != 0;
        if wider || original_writable {
            set_mode(path, want)?;
            report.repaired.push(Exposure {
                path: path.display().to_string(),
                mode: format!("{mode:o}"),
            });
        }
    }
    Ok(report)
}

/// Whether `path` is a stored original: a file under
/// `<root>/cases/<reference>/originals/`.
fn is_original(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let parts: Vec<_> = relative.components().map(|c| c.as_os_str()).collect();
    parts.len() > 3 && parts[0] == "cases" && parts[2] == "originals"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn folders_and_files_are_private_whatever_the_umask() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        make_dir(&dir).unwrap();
        assert_eq!(mode_of(&dir), Some(0o700));
        assert_eq!(mode_of(&tmp.path().join("a")), Some(0o700));
        let file = dir.join("f");
        write_file(&file, b"x").unwrap();
        assert_eq!(mode_of(&file), Some(0o600));
        let touched = dir.join("t");
        touch(&touched).unwrap();
        assert_eq!(mode_of(&touched), Some(0o600));
    }

    #[test]
    fn repair_narrows_wide_modes_and_keeps_originals_read_only() {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path();
        let root = &home.join("cases/originals");
        std::fs::create_dir_all(root.join("originals/ab")).unwrap();
        std::fs::write(root.join("originals/ab/x"), b"x").unwrap();
        std::fs::write(root.join("case.db"), b"x").unwrap();
        set_mode(&root.join("originals/ab/x"), 0o644).unwrap();
        set_mode(&root.join("case.db"), 0o644).unwrap();
        set_mode(&root.join("originals"), 0o755).unwrap();
        let report = repair(home).unwrap();
        assert!(report.repaired.len() >= 3, "{report:?}");
        assert_eq!(mode_of(&root.join("originals/ab/x")), Some(0o400));
        assert_eq!(mode_of(&root.join("case.db")), Some(0o600));
        assert_eq!(mode_of(&root.join("originals")), Some(0o700));
        assert!(repair(home).unwrap().repaired.is_empty());
    }
}

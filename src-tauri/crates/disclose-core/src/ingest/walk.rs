//! Finding the files under the paths given to an import.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file to import.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub abs: PathBuf,
    /// Shown path: relative to the input's parent, e.g. `export/mail/a.eml`.
    pub display: String,
    pub size: u64,
}

/// A path that could not be walked, and why.
pub type WalkProblem = (String, String);

/// Every regular file under `paths`, in a stable order. Unreadable
/// directories are reported as problems rather than silently skipped.
pub fn walk(paths: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<WalkProblem>)> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| Error::Invalid(format!("cannot read '{}': {e}", path.display())))?;
        let abs = std::fs::canonicalize(path)?;
        let base = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        if meta.is_file() {
            files.push(input(&abs, &base, meta.len()));
            continue;
        }
        for entry in walkdir::WalkDir::new(&abs)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let size = e.metadata().map(|m| m.len()).unwrap_or(0);
                    files.push(input(e.path(), &base, size));
                }
                Ok(_) => {}
                Err(e) => problems.push((
                    e.path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    format!("cannot read: {e}"),
                )),
            }
        }
    }
    Ok((files, problems))
}

fn input(abs: &Path, base: &Path, size: u64) -> InputFile {
    let display = abs
        .strip_prefix(base)
        .unwrap_or(abs)
        .to_string_lossy()
        .replace('\\', "/");
    InputFile {
        abs: abs.to_path_buf(),
        display,
        size,
    }
}

//! The per-file work of an import, run on every core: read the file, hash
//! it, keep the original, detect its type, extract it (behind
//! `catch_unwind`), and do the same for every child, depth first. The
//! result is a tree of [`Node`]s holding text and metadata but no raw
//! bytes, ready for the single writer.

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;

use crate::extract::{self, sniff, Extracted, FileType, Limits};
use crate::store::originals;
use crate::store::Status;

/// One item, extracted, with its children.
#[derive(Debug)]
pub struct Node {
    pub source_key: String,
    pub path: String,
    pub name: String,
    pub sha256: String,
    pub size: u64,
    pub file_type: FileType,
    pub status: Status,
    pub reason: Option<String>,
    /// The same bytes were already claimed by another item: its first copy
    /// is the one extracted.
    pub same_bytes_as_earlier: bool,
    pub file_modified: Option<String>,
    pub extracted: Extracted,
    pub children: Vec<Node>,
}

/// What the workers share.
pub struct WorkerContext<'a> {
    pub originals: &'a Path,
    pub limits: &'a Limits,
    /// Hashes already claimed, in the case or earlier in this run.
    pub seen: &'a Mutex<HashSet<String>>,
}

/// Processes one top-level file.
pub fn process_file(ctx: &WorkerContext, abs: &Path, display: &str, source_key: String) -> Node {
    let name = abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = std::fs::metadata(abs);
    let file_modified = meta.as_ref().ok().and_then(modified_rfc3339);
    let size = meta.as_ref().map(|m| m.len()).unwrap_or(0);
    let fail = |reason: String, sha: String, size: u64| Node {
        source_key: source_key.clone(),
        path: display.to_string(),
        name: name.clone(),
        sha256: sha,
        size,
        file_type: FileType::Binary,
        status: Status::Failed,
        reason: Some(reason),
        same_bytes_as_earlier: false,
        file_modified: file_modified.clone(),
        extracted: Extracted::default(),
        children: Vec::new(),
    };
    if size > ctx.limits.max_parse_bytes {
        return match originals::store_streaming(ctx.originals, abs) {
            Ok((sha, size)) => {
                let mut node = fail(
                    format!(
                        "too large to read ({} MiB, the limit is {} MiB); the original is kept",
                        size >> 20,
                        ctx.limits.max_parse_bytes >> 20
                    ),
                    sha,
                    size,
                );
                node.file_type = sniff_head(abs).unwrap_or(FileType::Binary);
                node
            }
            Err(e) => fail(format!("cannot read the file: {e}"), String::new(), size),
        };
    }
    let data = match std::fs::read(abs) {
        Ok(d) => d,
        Err(e) => return fail(format!("cannot read the file: {e}"), String::new(), size),
    };
    let mut budget = ctx.limits.max_children_total_bytes;
    let mut node = process_bytes(
        ctx,
        &data,
        &name,
        display.to_string(),
        source_key,
        0,
        &mut budget,
    );
    node.file_modified = file_modified;
    node
}

/// When a file was last modified, as RFC 3339.
pub(super) fn modified_rfc3339(meta: &std::fs::Metadata) -> Option<String> {
    let modified = meta.modified().ok()?;
    Some(chrono::DateTime::<chrono::Utc>::from(modified).to_rfc3339())
}

/// The type of a file on disk, from its first 8 KiB.
fn sniff_head(abs: &Path) -> Option<FileType> {
    use std::io::Read;
    let mut head = vec![0u8; 8192];
    let mut f = std::fs::File::open(abs).ok()?;
    let n = f.read(&mut head).ok()?;
    head.truncate(n);
    Some(sniff(&head, &abs.to_string_lossy()))
}

/// Processes bytes already in memory (a file or a child); `budget` is what
/// is left of the bytes this input's children may expand to.
pub(super) fn process_bytes(
    ctx: &WorkerContext,
    data: &[u8],
    name: &str,
    path: String,
    source_key: String,
    depth: u32,
    budget: &mut u64,
) -> Node {
    let sha256 = originals::sha256_hex(data);
    let file_type = sniff(data, name);
    let mut node = Node {
        source_key,
        path,
        name: name.to_string(),
        sha256: sha256.clone(),
        size: data.len() as u64,
        file_type,
        status: Status::Ok,
        reason: None,
        same_bytes_as_earlier: false,
        file_modified: None,
        extracted: Extracted::default(),
        children: Vec::new(),
    };
    if let Err(e) = originals::store(ctx.originals, &sha256, data) {
        node.status = Status::Failed;
        node.reason = Some(format!("cannot keep the original: {e}"));
        return node;
    }
    let first_time = ctx
        .seen
        .lock()
        .map(|mut s| s.insert(sha256))
        .unwrap_or(true);
    if !first_time {
        node.same_bytes_as_earlier = true;
        return node;
    }
    let result = catch_unwind(AssertUnwindSafe(|| {
        extract::extract(file_type, data, name, ctx.limits)
    }));
    let mut extracted = match result {
        Ok(Ok(e)) => e,
        Ok(Err(e)) => {
            node.status = Status::Failed;
            node.reason = Some(e.to_string());
            return node;
        }
        Err(panic) => {
            node.status = Status::Failed;
            node.reason = Some(format!(
                "the {} reader crashed on this file: {}",
                file_type.as_str(),
                panic_message(&panic)
            ));
            return node;
        }
    };
    let children = std::mem::take(&mut extracted.children);
    add_children(
        ctx,
        &mut node,
        children,
        depth,
        budget,
        &mut extracted.warnings,
    );
    if !extracted.warnings.is_empty() {
        node.status = Status::Partial;
        node.reason = Some(extracted.warnings.join("; "));
    }
    node.extracted = extracted;
    node
}

/// Extracts `children` (found inside `node`) as its child items; what
/// cannot be read for a limit becomes a warning on `node`.
pub(super) fn add_children(
    ctx: &WorkerContext,
    node: &mut Node,
    children: Vec<extract::Child>,
    depth: u32,
    budget: &mut u64,
    warnings: &mut Vec<String>,
) {
    if !children.is_empty() && depth + 1 > ctx.limits.max_depth {
        warnings.push(format!(
            "{} inner files not read: nested deeper than {} levels",
            children.len(),
            ctx.limits.max_depth
        ));
        return;
    }
    let first = node.children.len();
    for (index, child) in children.into_iter().enumerate() {
        let size = child.data.len() as u64;
        if size > *budget {
            warnings.push(format!(
                "inner file '{}' not read: the container expands past the size limit",
                child.name
            ));
            continue;
        }
        *budget -= size;
        let key = format!("{}#{}/{}", node.source_key, first + index, child.name);
        let path = format!("{}/{}", node.path, child.name);
        let child_name = child
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&child.name)
            .to_string();
        node.children.push(process_bytes(
            ctx,
            &child.data,
            &child_name,
            path,
            key,
            depth + 1,
            budget,
        ));
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into())
}

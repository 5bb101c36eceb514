//! The page pictures of PDF renditions kept for the next render, so a
//! change of marks on one page draws that page again and no other. A
//! picture is kept *after* it was blacked out, under a key made of the
//! original's SHA-256, the page number, the boxes blacked out on that page
//! and the drawing settings: a page whose boxes change gets a new key, so
//! a picture made with fewer boxes can never come back. Each item's
//! pictures live in the case's `page-cache/item-000042/`, sealed like the
//! renditions in an encrypted home; those its latest rendition did not use
//! are deleted when it is made, so the folder never keeps a page redacted
//! less than its rendition.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::pdf::{Area, PagePicture, DPI, MAX_PIXELS};
use super::writer::Encoded;

/// Changes whenever what is kept (or how a page is drawn or encoded)
/// changes, so older pictures are never taken for new ones.
const VERSION: &[u8] = b"disclose page picture 1";
const MAGIC: &[u8; 4] = b"DPP1";

/// The folder of one item's pictures.
pub fn item_dir(case_dir: &Path, item: i64) -> PathBuf {
    case_dir.join("page-cache").join(format!("item-{item:06}"))
}

/// The key of page `number` of the original `sha256` with `areas` (all
/// of the item's; only those on the page count) blacked out.
pub fn key(sha256: &str, number: u32, areas: &[Area]) -> String {
    let mut hash = Sha256::new();
    hash.update(VERSION);
    hash.update(sha256.as_bytes());
    hash.update(number.to_le_bytes());
    hash.update(DPI.to_le_bytes());
    hash.update(MAX_PIXELS.to_le_bytes());
    for area in areas.iter().filter(|a| a.page == number) {
        for v in area.rect {
            hash.update(v.to_le_bytes());
        }
    }
    hex::encode(hash.finalize())
}

fn file(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.page"))
}

/// The picture kept under `key`, if there is one and it reads whole.
pub fn get(dir: &Path, key: &str, number: u32) -> Option<PagePicture> {
    // HOOK (encryption at rest): opened through crypt, sealed or plain.
    let bytes = crate::crypt::read(&file(dir, key)).ok()?;
    decode(&bytes, number)
}

/// Keeps `picture` under `key`; a failure only costs drawing it again.
pub fn put(dir: &Path, key: &str, picture: &PagePicture) {
    let path = file(dir, key);
    let bytes = encode(picture);
    // HOOK (encryption at rest): sealed in an encrypted home.
    if let Ok(sealed) = crate::crypt::seal_for(&path, &bytes) {
        let _ = super::write_atomically(&path, &sealed);
    }
}

/// Deletes the item's pictures whose keys are not in `keep`.
pub fn prune(dir: &Path, keep: &BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let kept = name
            .strip_suffix(".page")
            .is_some_and(|key| keep.contains(key));
        if !kept {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn encode(page: &PagePicture) -> Vec<u8> {
    let p = &page.picture;
    let mut out = Vec::with_capacity(p.deflated.len() + 21);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&page.width.to_le_bytes());
    out.extend_from_slice(&page.height.to_le_bytes());
    out.extend_from_slice(&p.width.to_le_bytes());
    out.extend_from_slice(&p.height.to_le_bytes());
    out.push(u8::from(p.grey));
    out.extend_from_slice(&p.deflated);
    out
}

fn decode(bytes: &[u8], number: u32) -> Option<PagePicture> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let word = |at: usize| -> Option<[u8; 4]> { rest.get(at..at + 4)?.try_into().ok() };
    let grey = match rest.get(16)? {
        0 => false,
        1 => true,
        _ => return None,
    };
    Some(PagePicture {
        number,
        width: f32::from_le_bytes(word(0)?),
        height: f32::from_le_bytes(word(4)?),
        picture: Encoded {
            width: u32::from_le_bytes(word(8)?),
            height: u32::from_le_bytes(word(12)?),
            grey,
            deflated: rest.get(17..)?.to_vec(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(page: u32, x: f32) -> Area {
        Area {
            page,
            rect: [x, 10.0, x + 20.0, 20.0],
            label: "third-party".into(),
        }
    }

    #[test]
    fn a_page_key_changes_with_its_own_boxes_only() {
        let before = [area(1, 10.0), area(2, 10.0)];
        let moved_on_two = [area(1, 10.0), area(2, 30.0)];
        assert_eq!(key("ab", 1, &before), key("ab", 1, &moved_on_two));
        assert_ne!(key("ab", 2, &before), key("ab", 2, &moved_on_two));
        assert_ne!(key("ab", 1, &before), key("cd", 1, &before));
        assert_ne!(key("ab", 1, &[]), key("ab", 1, &before));
    }

    #[test]
    fn a_kept_picture_reads_back_the_same_and_damage_reads_as_none() {
        let page = PagePicture {
            number: 3,
            width: 595.0,
            height: 842.0,
            picture: Encoded {
                width: 2,
                height: 1,
                grey: true,
                deflated: vec![1, 2, 3],
            },
        };
        let bytes = encode(&page);
        assert_eq!(decode(&bytes, 3), Some(page));
        assert_eq!(decode(&bytes[..10], 3), None);
        assert_eq!(decode(b"XXXX", 3), None);
    }
}

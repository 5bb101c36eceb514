//! The sampled frames of a video as small JPEGs, for the desktop's frame
//! view and its keyframe thumbnails. FFmpeg takes them from the original
//! (under the tools' limits, `disclose_extract::media::tools`) a block of
//! [`BLOCK`] samples at a time, and they are kept in the case folder
//! (`frames/item-NNNNNN/`, private, sealed in an encrypted home) so
//! scrubbing back is instant. They show faces unblurred: they never leave
//! the case (no bundle takes them) and go with it when it is purged.
//! [`disclosed_frame`] takes the same samples from the redacted rendition
//! instead, to preview what the requester will see.

use std::path::{Path, PathBuf};

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::media::video;

/// Samples taken in one run of FFmpeg.
pub const BLOCK: u32 = 40;
/// The frames' width in pixels.
pub const WIDTH: u32 = 480;

/// Where the frames of item `item_id` are kept.
pub fn dir(folder: &CaseFolder, item_id: i64) -> PathBuf {
    folder
        .dir()
        .join("frames")
        .join(format!("item-{item_id:06}"))
}

fn file(dir: &Path, sample: u32) -> PathBuf {
    dir.join(format!("s{sample:06}.jpg"))
}

/// Sample `sample` (0-based) of video `item_id` as a JPEG [`WIDTH`]
/// pixels wide: from the case's frames, or taken now from the original
/// with the rest of its block.
pub fn frame(folder: &CaseFolder, item_id: i64, sample: u32) -> Result<Vec<u8>> {
    let samples = samples_of(folder, item_id, sample)?;
    let item = folder.store.item(item_id)?;
    kept_or_taken(
        &dir(folder, item_id),
        item_id,
        sample,
        samples,
        |first, count| {
            super::with_original(folder, &item.sha256, |input, work| {
                jpegs_of(input, first, count, work)
            })
        },
    )
}

/// Sample `sample` of video `item_id` as the requester will see it: taken
/// from its redacted rendition (made now when it is missing or older than
/// the marks), never from the original. Kept beside the original's
/// frames under the rendition's hash, so a new rendition gives new
/// frames and the old ones are removed.
pub fn disclosed_frame(folder: &mut CaseFolder, item_id: i64, sample: u32) -> Result<Vec<u8>> {
    let samples = samples_of(folder, item_id, sample)?;
    let made = match folder.store.rendition(item_id)? {
        Some(r)
            if folder.store.rendition_is_current(item_id)?
                && folder.dir().join(&r.path).exists() =>
        {
            r
        }
        _ => {
            let item = folder.store.item(item_id)?;
            crate::render::render_item(folder, &item)?
                .map_err(|e| Error::Invalid(format!("item {item_id} could not be rendered: {e}")))?
        }
    };
    let item_dir = dir(folder, item_id);
    let name = format!("disclosed-{}", &made.sha256[..made.sha256.len().min(16)]);
    let here = item_dir.join(&name);
    if let Ok(bytes) = crate::crypt::read(&file(&here, sample)) {
        return Ok(bytes);
    }
    // Frames of an older rendition show what is no longer disclosed.
    if let Ok(entries) = std::fs::read_dir(&item_dir) {
        for entry in entries.flatten() {
            let old = entry.file_name().to_string_lossy().into_owned();
            if old.starts_with("disclosed-") && old != name {
                std::fs::remove_dir_all(entry.path())?;
            }
        }
    }
    let rendition = crate::render::read_rendition(&folder.dir().join(&made.path))?;
    kept_or_taken(&here, item_id, sample, samples, |first, count| {
        Ok(super::with_bytes(
            &folder.tmp_dir(),
            &rendition,
            |input, work| jpegs_of(input, first, count, work),
        ))
    })
}

/// The samples of video `item_id`; an error when `sample` is past them.
fn samples_of(folder: &CaseFolder, item_id: i64, sample: u32) -> Result<u32> {
    let samples = super::view::view(folder, item_id)?.samples;
    if sample >= samples {
        return Err(Error::Invalid(format!(
            "item {item_id} has {samples} samples, not {}",
            sample + 1
        )));
    }
    Ok(samples)
}

/// `count` samples from sample `first` of the video at `input`, as JPEGs.
fn jpegs_of(
    input: &Path,
    first: u32,
    count: u32,
    work: &Path,
) -> std::result::Result<Vec<Vec<u8>>, String> {
    video::frames::jpegs(
        input,
        f64::from(first) / video::RATE,
        count,
        video::RATE,
        WIDTH,
        work,
    )
    .and_then(|files| {
        files
            .iter()
            .map(|f| std::fs::read(f).map_err(|e| e.to_string()))
            .collect()
    })
}

/// Sample `sample` of `samples` as kept in `dir`, or taken now by `take`
/// (given the first sample and how many) with the rest of its block and
/// kept there.
fn kept_or_taken(
    dir: &Path,
    item_id: i64,
    sample: u32,
    samples: u32,
    take: impl FnOnce(u32, u32) -> Result<std::result::Result<Vec<Vec<u8>>, String>>,
) -> Result<Vec<u8>> {
    // HOOK (encryption at rest): frames are sealed like the renditions.
    if let Ok(bytes) = crate::crypt::read(&file(dir, sample)) {
        return Ok(bytes);
    }
    let first = sample - sample % BLOCK;
    let count = BLOCK.min(samples - first);
    let taken = take(first, count)?.map_err(|e| {
        Error::Invalid(format!(
            "the frames of item {item_id} could not be taken: {e}"
        ))
    })?;
    crate::private::make_dir(dir)?;
    let mut wanted = None;
    for (n, bytes) in taken.into_iter().enumerate() {
        let at = first + n as u32;
        let path = file(dir, at);
        crate::private::write_file(&path, &crate::crypt::seal_for(&path, &bytes)?)?;
        if at == sample {
            wanted = Some(bytes);
        }
    }
    // A video shorter than its recorded length has no frame there: the
    // last one taken stands for it.
    match wanted {
        Some(bytes) => Ok(bytes),
        None => (first..sample)
            .rev()
            .find_map(|s| crate::crypt::read(&file(dir, s)).ok())
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "item {item_id} has no frame at {:.1} s",
                    f64::from(sample) / video::RATE
                ))
            }),
    }
}

//! The sampled frames of a video as small JPEGs, for the desktop's frame
//! view and its keyframe thumbnails. FFmpeg takes them from the original
//! (under the tools' limits, `disclose_extract::media::tools`) a block of
//! [`BLOCK`] samples at a time, and they are kept in the case folder
//! (`frames/item-NNNNNN/`, private, sealed in an encrypted home) so
//! scrubbing back is instant. They show faces unblurred: they never leave
//! the case (no bundle takes them) and go with it when it is purged.

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
/// pixels wide: from the case's frames, or taken now with the rest of
/// its block.
pub fn frame(folder: &CaseFolder, item_id: i64, sample: u32) -> Result<Vec<u8>> {
    let shown = super::view::view(folder, item_id)?;
    if sample >= shown.samples {
        return Err(Error::Invalid(format!(
            "item {item_id} has {} samples, not {}",
            shown.samples,
            sample + 1
        )));
    }
    let dir = dir(folder, item_id);
    let path = file(&dir, sample);
    // HOOK (encryption at rest): frames are sealed like the renditions.
    if let Ok(bytes) = crate::crypt::read(&path) {
        return Ok(bytes);
    }
    let item = folder.store.item(item_id)?;
    let first = sample - sample % BLOCK;
    let count = BLOCK.min(shown.samples - first);
    let taken = super::with_original(folder, &item.sha256, |input, work| {
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
                .collect::<std::result::Result<Vec<Vec<u8>>, String>>()
        })
    })?
    .map_err(|e| {
        Error::Invalid(format!(
            "the frames of item {item_id} could not be taken: {e}"
        ))
    })?;
    crate::private::make_dir(&folder.dir().join("frames"))?;
    crate::private::make_dir(&dir)?;
    let mut wanted = None;
    for (n, bytes) in taken.into_iter().enumerate() {
        let at = first + n as u32;
        let path = file(&dir, at);
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
            .find_map(|s| crate::crypt::read(&file(&dir, s)).ok())
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "item {item_id} has no frame at {:.1} s",
                    f64::from(sample) / video::RATE
                ))
            }),
    }
}

//! A video item as the caseworker reviews it: its face and number plate
//! tracks (the face or plate marks of one person key, `face-N` or
//! `plate-N`, each sample's box with its mark and status),
//! the samples to scrub through and the keyframes to show as thumbnails
//! ([`view`]); and the one choice made per track, keep (the subject's own
//! face) or blur ([`choose`]), carried out through the marks' use cases
//! along the steps `MarkStatus::may_become` allows.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::marks::{self, Mark, MarkStatus, NewMark, Selection, Target};
use crate::media::video;

/// Most keyframes shown for one video.
pub const KEYFRAMES: u32 = 12;

crate::vocab::vocabulary! {
    /// What the caseworker chose for a face track.
    pub enum TrackChoice ("track choice") {
        /// Not chosen yet: some of its faces are still suggestions.
        Undecided = "undecided",
        /// Kept: the subject's own face, not blurred.
        Keep = "keep",
        /// Blurred in every frame it covers.
        Blur = "blur",
        /// Some faces kept and some blurred (marks decided one by one).
        Mixed = "mixed",
    }
}

/// One face of a track, on one sample.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrackFace {
    /// The sample (0-based; page `sample + 1`).
    pub sample: u32,
    /// The box in the video's pixels.
    pub rect: [f32; 4],
    /// The mark that holds it, and its status.
    pub mark: i64,
    pub status: MarkStatus,
}

/// A face track (or a plate's): every face (plate) mark of one person
/// key on the item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FaceTrack {
    /// `face-N` (or `plate-N`).
    pub person: String,
    pub choice: TrackChoice,
    /// Seconds from the start: the first and last sample it is seen on.
    pub start: f64,
    pub end: f64,
    /// Its faces, by sample.
    pub faces: Vec<TrackFace>,
}

/// A video item's samples, tracks and keyframes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VideoView {
    pub item: i64,
    /// Seconds handled (the video's length, at most an hour).
    pub duration: f64,
    /// Samples a second; sample `k` lies at `k / rate` seconds.
    pub rate: f64,
    /// Samples in all.
    pub samples: u32,
    /// The frame's size in pixels (the boxes' units).
    pub width: u32,
    pub height: u32,
    /// Face tracks, in the order they first appear.
    pub tracks: Vec<FaceTrack>,
    /// The samples shown as thumbnails: spread evenly over the video.
    pub keyframes: Vec<u32>,
}

/// The video item `item_id` with its face tracks. Refuses an item that
/// is not a video.
pub fn view(folder: &CaseFolder, item_id: i64) -> Result<VideoView> {
    let item = folder.store.item(item_id)?;
    if item.file_type != super::VIDEO {
        return Err(Error::Invalid(format!("item {item_id} is not a video")));
    }
    let (width, height) = video::frame_size(&item.metadata).unwrap_or((0, 0));
    let duration = video::covered(
        item.metadata
            .get("duration")
            .and_then(|d| d.parse::<f64>().ok())
            .unwrap_or(0.0),
    );
    let samples = video::samples(duration);
    Ok(VideoView {
        item: item_id,
        duration,
        rate: video::RATE,
        samples,
        width,
        height,
        tracks: tracks(&folder.store.marks_of(Some(item_id))?),
        keyframes: keyframes(samples),
    })
}

/// Up to [`KEYFRAMES`] samples spread evenly from the first.
fn keyframes(samples: u32) -> Vec<u32> {
    let count = samples.clamp(1, KEYFRAMES);
    let mut out: Vec<u32> = (0..count)
        .map(|i| (u64::from(i) * u64::from(samples) / u64::from(count)) as u32)
        .collect();
    out.dedup();
    out
}

/// The face tracks among `marks`: on each sample the newest mark of the
/// person key counts (a track blurred again after being kept has new
/// marks beside the removed ones).
fn tracks(marks: &[Mark]) -> Vec<FaceTrack> {
    let mut by_person: BTreeMap<&str, BTreeMap<u32, &Mark>> = BTreeMap::new();
    for mark in marks {
        let Target::Area { page, .. } = mark.target else {
            continue;
        };
        if !matches!(mark.kind, super::FACE | super::plates::PLATE) || mark.person.is_empty() {
            continue;
        }
        let samples = by_person.entry(&mark.person).or_default();
        let sample = page.saturating_sub(1);
        if samples.get(&sample).is_none_or(|m| m.id < mark.id) {
            samples.insert(sample, mark);
        }
    }
    let mut out: Vec<FaceTrack> = by_person
        .into_iter()
        .map(|(person, samples)| {
            let faces: Vec<TrackFace> = samples
                .into_iter()
                .filter_map(|(sample, mark)| match mark.target {
                    Target::Area { rect, .. } => Some(TrackFace {
                        sample,
                        rect,
                        mark: mark.id,
                        status: mark.status,
                    }),
                    Target::Text { .. } => None,
                })
                .collect();
            let time = |f: Option<&TrackFace>| f.map_or(0.0, |f| f64::from(f.sample) / video::RATE);
            FaceTrack {
                person: person.to_string(),
                choice: choice_of(&faces),
                start: time(faces.first()),
                end: time(faces.last()),
                faces,
            }
        })
        .collect();
    out.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.person.cmp(&b.person)));
    out
}

fn choice_of(faces: &[TrackFace]) -> TrackChoice {
    let kept = |s: MarkStatus| matches!(s, MarkStatus::Rejected | MarkStatus::Removed);
    if faces.iter().any(|f| f.status == MarkStatus::Suggested) {
        TrackChoice::Undecided
    } else if faces.iter().all(|f| f.status == MarkStatus::Accepted) {
        TrackChoice::Blur
    } else if faces.iter().all(|f| kept(f.status)) {
        TrackChoice::Keep
    } else {
        TrackChoice::Mixed
    }
}

/// Keeps or blurs face track `person` of video `item_id` in every sample
/// it covers; returns how many of its faces changed. Keep: suggestions
/// are rejected and redactions taken back. Blur: suggestions are
/// accepted, rejected ones reopened and accepted, and a face whose
/// redaction was taken back is redacted again (a new mark, the removed
/// one stays in the history). Each step is one of the marks' use cases,
/// audited as they are; `dry_run` checks and writes nothing.
pub fn choose(
    folder: &mut CaseFolder,
    item_id: i64,
    person: &str,
    choice: TrackChoice,
    dry_run: bool,
) -> Result<u64> {
    if matches!(choice, TrackChoice::Undecided | TrackChoice::Mixed) {
        return Err(Error::Invalid(format!(
            "a track is kept or blurred, not made {}",
            choice.as_str()
        )));
    }
    let shown = view(folder, item_id)?;
    let Some(track) = shown.tracks.into_iter().find(|t| t.person == person) else {
        return Err(Error::Invalid(format!(
            "item {item_id} has no face track {person}"
        )));
    };
    let with = |status: MarkStatus| -> Vec<i64> {
        track
            .faces
            .iter()
            .filter(|f| f.status == status)
            .map(|f| f.mark)
            .collect()
    };
    let step = |folder: &mut CaseFolder, ids: Vec<i64>, status: MarkStatus| -> Result<()> {
        if !ids.is_empty() {
            marks::decide(folder, &Selection::Marks(ids), status, dry_run)?;
        }
        Ok(())
    };
    let changed = track
        .faces
        .iter()
        .filter(|f| choice_of(std::slice::from_ref(f)) != choice)
        .count() as u64;
    if choice == TrackChoice::Keep {
        step(folder, with(MarkStatus::Suggested), MarkStatus::Rejected)?;
        step(folder, with(MarkStatus::Accepted), MarkStatus::Removed)?;
        return Ok(changed);
    }
    let reopened = with(MarkStatus::Rejected);
    step(folder, reopened.clone(), MarkStatus::Suggested)?;
    let mut accept = with(MarkStatus::Suggested);
    if !dry_run {
        // Reopened above; a dry run wrote nothing, so they are checked as
        // suggestions only.
        accept.extend(reopened);
    }
    step(folder, accept, MarkStatus::Accepted)?;
    let removed: Vec<&TrackFace> = track
        .faces
        .iter()
        .filter(|f| f.status == MarkStatus::Removed)
        .collect();
    if !removed.is_empty() && !dry_run {
        let again = redo(folder, item_id, person, &removed)?;
        marks::add(folder, &again, MarkStatus::Accepted)?;
    }
    Ok(changed)
}

/// New face (plate) marks, as the removed ones were, to redact again.
fn redo(
    folder: &CaseFolder,
    item_id: i64,
    person: &str,
    removed: &[&TrackFace],
) -> Result<Vec<NewMark>> {
    let marks = folder.store.marks_of(Some(item_id))?;
    Ok(removed
        .iter()
        .filter_map(|face| marks.iter().find(|m| m.id == face.mark))
        .map(|m| NewMark {
            item_id,
            target: m.target,
            text: m.text.clone(),
            kind: m.kind,
            whose: m.whose,
            person: person.to_string(),
            reason: m.reason.clone(),
            confidence: m.confidence,
            source: m.source,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyframes_spread_over_the_video() {
        assert_eq!(keyframes(1), vec![0]);
        assert_eq!(keyframes(5), vec![0, 1, 2, 3, 4]);
        let many = keyframes(7200);
        assert_eq!(many.len(), KEYFRAMES as usize);
        assert_eq!(many[0], 0);
        assert_eq!(many[1], 600);
        assert!(*many.last().unwrap() < 7200);
    }

    #[test]
    fn a_tracks_choice_is_read_from_its_newest_marks() {
        let face = |status| TrackFace {
            sample: 0,
            rect: [0.0; 4],
            mark: 1,
            status,
        };
        use MarkStatus::*;
        assert_eq!(
            choice_of(&[face(Accepted), face(Suggested)]),
            TrackChoice::Undecided
        );
        assert_eq!(
            choice_of(&[face(Accepted), face(Accepted)]),
            TrackChoice::Blur
        );
        assert_eq!(
            choice_of(&[face(Rejected), face(Removed)]),
            TrackChoice::Keep
        );
        assert_eq!(
            choice_of(&[face(Rejected), face(Accepted)]),
            TrackChoice::Mixed
        );
    }
}

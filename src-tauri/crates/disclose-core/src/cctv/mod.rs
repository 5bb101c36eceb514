//! CCTV in a case. Reading a video (its description, burnt-in text, faces
//! and tracks) is a reader's job (`crate::media::video`, from
//! `disclose_extract`); what the engine adds works from a case's marks.
//! Face tracks become suggested area marks, one a sampled frame (page),
//! sharing a person key `face-N` so a caseworker keeps or blurs a whole
//! track at once ([`suggest`]); number plates read in its frames become
//! tracks `plate-N` the same way ([`plates`]); the accepted area marks of a video become
//! the areas its rendition blurs ([`blur`], [`render`]) and the leak
//! check looks at again ([`check`], [`leaks`]). For review, [`view`]
//! shows a video's tracks and keeps or blurs one whole track through the
//! marks' use cases, and [`frames`] gives its sampled frames as small
//! JPEGs kept in the case.

pub mod blur;
pub mod check;
pub mod frames;
pub mod plates;
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;

use crate::case::CaseFolder;
use crate::error::Result;
use crate::marks::{Mark, MarkStatus, NewMark, Target};
use crate::media::video;
use crate::store::{originals, Status};

/// The type of a video item.
pub const VIDEO: crate::extract::FileType = crate::extract::FileType::Video;
/// The kind of a face mark.
pub const FACE: crate::marks::DataKind = crate::marks::DataKind::Face;

/// The person key of face track `n`.
pub fn track_key(n: u32) -> String {
    format!("face-{n}")
}

/// What looking for faces found.
#[derive(Debug, Default)]
pub struct Faces {
    /// Suggested marks, one a track and sample.
    pub marks: Vec<NewMark>,
    /// Videos looked at.
    pub videos: u64,
    /// Tracks found.
    pub tracks: u64,
    /// Videos that could not be looked at, with the reason.
    pub problems: Vec<(i64, String)>,
}

/// Looks for faces in every readable video of the case that has no face
/// marks yet, and suggests each track for blurring.
pub fn suggest(folder: &CaseFolder) -> Result<Faces> {
    let mut out = Faces::default();
    for item in folder.store.items(None)? {
        if item.file_type != VIDEO || item.status == Status::Failed {
            continue;
        }
        if folder
            .store
            .marks_of(Some(item.id))?
            .iter()
            .any(|m| m.kind == FACE)
        {
            continue;
        }
        out.videos += 1;
        let found = with_original(folder, &item.sha256, |input, dir| {
            video::face_tracks(input, &item.metadata, dir)
        })?;
        match found {
            Ok((tracks, _model)) => {
                out.tracks += tracks.len() as u64;
                out.marks.extend(marks_of(item.id, &tracks));
            }
            Err(why) => out.problems.push((item.id, why)),
        }
    }
    Ok(out)
}

/// The suggested marks of `tracks` on item `item_id`.
fn marks_of(item_id: i64, tracks: &[video::tracks::Track]) -> Vec<NewMark> {
    let mut marks = Vec::new();
    for track in tracks {
        for (sample, face) in &track.faces {
            marks.push(NewMark {
                item_id,
                target: Target::Area {
                    page: sample + 1,
                    rect: face.rect,
                },
                text: String::new(),
                kind: FACE,
                whose: crate::marks::Whose::ThirdParty,
                person: track_key(track.number),
                reason: "third-party".into(),
                confidence: Some(face.score),
                source: crate::marks::MarkSource::Detect,
            });
        }
    }
    marks
}

/// Runs `work` on the item's original, checked against its hash and
/// written to a private temporary folder of the case (removed after).
fn with_original<T>(
    folder: &CaseFolder,
    sha256: &str,
    work: impl FnOnce(&Path, &Path) -> std::result::Result<T, String>,
) -> Result<std::result::Result<T, String>> {
    let data = match originals::read_verified(&folder.originals_dir(), sha256) {
        Ok(data) => data,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(with_bytes(&folder.tmp_dir(), &data, work))
}

/// Runs `work` on `data` written to a private temporary folder inside
/// the case's `tmp` (removed after).
fn with_bytes<T>(
    tmp: &Path,
    data: &[u8],
    work: impl FnOnce(&Path, &Path) -> std::result::Result<T, String>,
) -> std::result::Result<T, String> {
    crate::private::make_dir(tmp).map_err(|e| e.to_string())?;
    let dir = tempfile::tempdir_in(tmp).map_err(|e| e.to_string())?;
    let input = dir.path().join("video");
    std::fs::write(&input, data).map_err(|e| e.to_string())?;
    work(&input, dir.path())
}

/// The areas the accepted area marks of a video hide: one per face or
/// plate track (its marks share a person key), one per other mark. A
/// plate's area is filled black and spaced as OCR read the frames, every
/// `ocr_interval` seconds.
pub fn areas(redactions: &[Mark], ocr_interval: f64) -> Vec<blur::Area> {
    let mut grouped: BTreeMap<String, blur::Area> = BTreeMap::new();
    for mark in redactions {
        if mark.status != MarkStatus::Accepted {
            continue;
        }
        let Target::Area { page, rect } = mark.target else {
            continue;
        };
        let key = if mark.person.is_empty() {
            format!("mark {}", mark.id)
        } else {
            format!("person {}", mark.person)
        };
        let plate = mark.kind == plates::PLATE;
        grouped
            .entry(key)
            .or_insert_with(|| blur::Area {
                points: Vec::new(),
                spacing: if plate {
                    ocr_interval
                } else {
                    1.0 / video::RATE
                },
                black: plate,
            })
            .points
            .push((video::page_time(page), rect));
    }
    grouped.into_values().collect()
}

/// The redacted rendition of a video item whose original is `data`: its
/// accepted marks blurred, `caption` on every frame, no metadata.
pub fn render(
    folder: &CaseFolder,
    metadata: &BTreeMap<String, String>,
    data: &[u8],
    redactions: &[Mark],
    caption: &str,
) -> std::result::Result<Vec<u8>, String> {
    with_bytes(&folder.tmp_dir(), data, |input, dir| {
        let frame = video::frame_size(metadata).ok_or("the video's size is not known")?;
        let duration = metadata
            .get("duration")
            .and_then(|d| d.parse::<f64>().ok())
            .unwrap_or(video::MAX_SECONDS);
        let windows = blur::windows(
            &areas(redactions, video::ocr_interval(duration)),
            frame,
            video::tracks::MAX_GAP,
        );
        blur::mp4(
            input,
            frame,
            &windows,
            caption,
            video::covered(duration),
            dir,
        )
    })
}

/// What the leak check finds wrong with a produced video (`data`, looked
/// at inside the case's `tmp`) whose item's accepted marks were
/// `redactions` (none for a video that is no item's copy): see
/// `crate::media::video::leaks`.
pub fn leaks(
    tmp: &Path,
    data: &[u8],
    redactions: &[Mark],
) -> std::result::Result<Vec<Leak>, String> {
    with_bytes(tmp, data, |input, dir| look_again(input, redactions, dir))
}

/// Something left in a redacted video that should not be.
#[derive(Debug, Clone, PartialEq)]
pub enum Leak {
    /// A face found at `time` seconds, at `rect`, where it was to be
    /// blurred.
    Face { time: f64, rect: [f32; 4] },
    /// A face found at `time` seconds, at `rect`, that no track of the
    /// original accounts for: the review never saw it.
    Untracked { time: f64, rect: [f32; 4] },
    /// A metadata tag, as `key=value`.
    Tag(String),
}

impl std::fmt::Display for Leak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Leak::Face { time, rect } => write!(
                f,
                "a face is still seen at {time:.1} s, at [{:.0}, {:.0}, {:.0}, {:.0}], where it was to be blurred",
                rect[0], rect[1], rect[2], rect[3]
            ),
            Leak::Untracked { time, rect } => write!(
                f,
                "a face no track accounts for is seen at {time:.1} s, at [{:.0}, {:.0}, {:.0}, {:.0}]: run `disclose detect` on the case and review the video's tracks",
                rect[0], rect[1], rect[2], rect[3]
            ),
            Leak::Tag(tag) => write!(f, "metadata left in the video: {tag}"),
        }
    }
}

/// What is wrong with the redacted video at `rendition`, given the marks of
/// its item (`marks`: the accepted ones were to be blurred): its tags
/// beyond the MP4's bookkeeping, the faces found again on every sample
/// inside a window that should have hidden them, and faces that no face
/// mark of the original accounts for, whatever its status. An error when
/// it could not look (which fails the check).
fn look_again(
    rendition: &Path,
    redactions: &[Mark],
    dir: &Path,
) -> std::result::Result<Vec<Leak>, String> {
    let json = video::probe_json(rendition, dir)?;
    let mut leaks: Vec<Leak> = check::stray_tags(&json)?
        .into_iter()
        .map(Leak::Tag)
        .collect();
    let seen = video::describe::parse(&json)?;
    let frame = (seen.width, seen.height);
    let areas = areas(redactions, video::ocr_interval(seen.duration));
    let windows = blur::windows(&areas, frame, video::tracks::MAX_GAP);
    let (found, _) = video::faces::find(
        rendition,
        frame,
        video::samples(seen.duration),
        video::RATE,
        dir,
    )?;
    for (time, rect) in check::unblurred(&found, video::RATE, &windows, frame) {
        leaks.push(Leak::Face { time, rect });
    }
    let tracked: Vec<(f64, [f32; 4])> = redactions
        .iter()
        .filter(|m| m.kind == FACE)
        .filter_map(|m| match m.target {
            Target::Area { page, rect } => Some((video::page_time(page), rect)),
            Target::Text { .. } => None,
        })
        .collect();
    for (time, rect) in check::untracked(&found, video::RATE, &tracked, &windows, frame) {
        leaks.push(Leak::Untracked { time, rect });
    }
    Ok(leaks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::video::tracks::{Face, Track};

    #[test]
    fn a_track_becomes_one_mark_a_sample_and_accepted_marks_one_area_a_track() {
        let face = |x: f32| Face {
            rect: [x, 10.0, x + 40.0, 60.0],
            score: 0.9,
        };
        let tracks = [
            Track {
                number: 1,
                faces: vec![(0, face(0.0)), (1, face(10.0))],
            },
            Track {
                number: 2,
                faces: vec![(1, face(200.0))],
            },
        ];
        let new = marks_of(7, &tracks);
        assert_eq!(new.len(), 3);
        assert_eq!(new[1].person, "face-1");
        assert_eq!(
            new[1].target,
            Target::Area {
                page: 2,
                rect: face(10.0).rect
            }
        );
        let marks: Vec<Mark> = new
            .iter()
            .enumerate()
            .map(|(i, m)| Mark {
                id: i as i64,
                item_id: m.item_id,
                target: m.target,
                text: String::new(),
                kind: m.kind,
                whose: m.whose,
                person: m.person.clone(),
                reason: m.reason.clone(),
                confidence: m.confidence,
                source: m.source,
                status: if m.person == "face-2" {
                    MarkStatus::Rejected
                } else {
                    MarkStatus::Accepted
                },
                created_at: String::new(),
                created_by: String::new(),
                decided_at: None,
                decided_by: None,
                boxes: Vec::new(),
            })
            .collect();
        let areas = areas(&marks, 1.0);
        assert_eq!(areas.len(), 1, "the kept track is not blurred");
        assert_eq!(
            areas[0].points,
            vec![(0.0, face(0.0).rect), (0.5, face(10.0).rect)]
        );
    }
}

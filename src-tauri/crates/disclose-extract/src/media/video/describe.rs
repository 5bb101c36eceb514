//! What a video says about itself, read by `ffprobe`: duration, size,
//! frame rate and codecs, and the tags a camera or CCTV recorder writes
//! (creation time, device, title, comment), kept as metadata like a
//! recording's (see `super::super::probe`).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::super::probe::{keep_tags, parse_date};

/// Largest frame side accepted, in pixels: 8K.
const MAX_SIDE: u32 = 8192;

/// The first video stream of a file and its container's tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Video {
    /// Seconds.
    pub duration: f64,
    pub width: u32,
    pub height: u32,
    pub codec: String,
    /// The audio codec, when the file has sound.
    pub audio: Option<String>,
    pub metadata: BTreeMap<String, String>,
    pub created: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct Output {
    #[serde(default)]
    streams: Vec<Stream>,
    format: Option<Format>,
}

#[derive(Deserialize)]
struct Stream {
    codec_type: Option<String>,
    codec_name: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    avg_frame_rate: Option<String>,
    duration: Option<String>,
    #[serde(default)]
    disposition: BTreeMap<String, i64>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Format {
    format_name: Option<String>,
    duration: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

/// Probes the video at `path`, working in `dir`.
pub fn describe(path: &Path, dir: &Path) -> Result<Video, String> {
    parse(&super::probe_json(path, dir)?)
}

/// Reads `ffprobe`'s JSON: the first moving picture stream (a cover
/// picture attached to a sound file is not one).
pub fn parse(json: &[u8]) -> Result<Video, String> {
    let output: Output =
        serde_json::from_slice(json).map_err(|e| format!("ffprobe gave no description: {e}"))?;
    let stream = output
        .streams
        .iter()
        .find(|s| {
            s.codec_type.as_deref() == Some("video")
                && s.disposition.get("attached_pic").copied().unwrap_or(0) == 0
        })
        .ok_or("no video stream in the file")?;
    let (width, height) = (stream.width.unwrap_or(0), stream.height.unwrap_or(0));
    if width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!("a frame size of {width}x{height} pixels"));
    }
    let format = output.format.as_ref();
    let seconds = |s: Option<&String>| {
        s.and_then(|d| d.parse::<f64>().ok())
            .filter(|d| d.is_finite() && *d >= 0.0)
    };
    let duration = seconds(format.and_then(|f| f.duration.as_ref()))
        .or_else(|| seconds(stream.duration.as_ref()))
        .unwrap_or(0.0);
    let mut video = Video {
        duration,
        width,
        height,
        codec: stream.codec_name.clone().unwrap_or_default(),
        audio: output
            .streams
            .iter()
            .find(|s| s.codec_type.as_deref() == Some("audio"))
            .map(|s| s.codec_name.clone().unwrap_or_default()),
        ..Video::default()
    };
    let m = &mut video.metadata;
    m.insert("duration".into(), format!("{duration:.2}"));
    m.insert("width".into(), width.to_string());
    m.insert("height".into(), height.to_string());
    m.insert("codec".into(), video.codec.clone());
    if let Some(audio) = &video.audio {
        m.insert("audio-codec".into(), audio.clone());
    }
    if let Some(rate) = stream.avg_frame_rate.as_deref().and_then(frame_rate) {
        m.insert("frame-rate".into(), format!("{rate:.2}"));
    }
    if let Some(name) = format.and_then(|f| f.format_name.as_ref()) {
        m.insert("container".into(), name.clone());
    }
    keep_tags(m, format.map(|f| &f.tags).into_iter().chain([&stream.tags]));
    video.created = m.get("created").and_then(|c| parse_date(c));
    Ok(video)
}

/// `25/1` or `30000/1001` as frames a second.
fn frame_rate(rate: &str) -> Option<f64> {
    let (num, den) = rate.split_once('/')?;
    let (num, den) = (num.parse::<f64>().ok()?, den.parse::<f64>().ok()?);
    (den > 0.0 && num > 0.0).then(|| num / den)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_camera_clip_is_described() {
        let json = br#"{"streams":[{"codec_type":"video","codec_name":"h264","width":1280,"height":720,
            "avg_frame_rate":"30000/1001","disposition":{"attached_pic":0}},
            {"codec_type":"audio","codec_name":"aac"}],
            "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"8.5",
            "tags":{"creation_time":"2026-11-03T14:22:05.000000Z","comment":"CAM 2","com.apple.quicktime.model":"NVR-8"}}}"#;
        let v = parse(json).unwrap();
        assert_eq!((v.width, v.height), (1280, 720));
        assert_eq!(v.codec, "h264");
        assert_eq!(v.audio.as_deref(), Some("aac"));
        assert_eq!(v.metadata["frame-rate"], "29.97");
        assert_eq!(v.metadata["device"], "NVR-8");
        assert_eq!(v.metadata["comment"], "CAM 2");
        assert_eq!(v.created.unwrap().to_rfc3339(), "2026-11-03T14:22:05+00:00");
    }

    #[test]
    fn sound_with_a_cover_picture_is_not_video() {
        assert!(parse(
            br#"{"streams":[{"codec_type":"video","width":300,"height":300,"disposition":{"attached_pic":1}}],"format":{}}"#
        )
        .is_err());
        assert!(parse(br#"{"streams":[{"codec_type":"video","width":0,"height":0}]}"#).is_err());
        assert!(parse(b"{").is_err());
    }
}

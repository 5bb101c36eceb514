//! What a video says about itself, read by `ffprobe`: duration, size,
//! frame rate and codecs, and the tags a camera or CCTV recorder writes
//! (creation time, device, title, comment), kept as metadata like a
//! recording's (see `super::super::probe`).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::super::ffprobe::Description;

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

/// Probes the video at `path`, working in `dir`.
pub fn describe(path: &Path, dir: &Path) -> Result<Video, String> {
    parse(&super::probe_json(path, dir)?)
}

/// Reads `ffprobe`'s JSON: the first moving picture stream (a cover
/// picture attached to a sound file is not one).
pub fn parse(json: &[u8]) -> Result<Video, String> {
    let description = Description::read(json)?;
    let stream = description
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
    let duration = description.duration(stream);
    let mut video = Video {
        duration,
        width,
        height,
        codec: stream.codec_name.clone().unwrap_or_default(),
        audio: description
            .first("audio")
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
    video.created = description.keep_tags(stream, m);
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

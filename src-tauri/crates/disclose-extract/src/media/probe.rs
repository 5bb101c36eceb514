//! What a recording says about itself, read by `ffprobe`: duration,
//! codec, channels, and the tags a phone system or recorder writes
//! (creation time, device, encoder, title, artist, comment). Tags are
//! kept as metadata, so search and the leak check see them too.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::ffprobe::{describe_json, Description};

/// The first audio stream of a recording and its container's tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Probe {
    /// Seconds.
    pub duration: f64,
    pub codec: String,
    pub channels: u32,
    pub sample_rate: u32,
    /// Metadata with lower-case keys, as an item keeps it.
    pub metadata: BTreeMap<String, String>,
    pub created: Option<DateTime<Utc>>,
}

/// Probes the recording at `path`.
pub fn probe(path: &Path, dir: &Path) -> Result<Probe, String> {
    parse(&describe_json(path, dir, &super::tools::INPUT_GUARD)?)
}

/// Reads `ffprobe`'s JSON.
pub fn parse(json: &[u8]) -> Result<Probe, String> {
    let description = Description::read(json)?;
    let stream = description
        .first("audio")
        .ok_or("no audio stream in the file")?;
    let duration = description.duration(stream);
    let mut probe = Probe {
        duration,
        codec: stream.codec_name.clone().unwrap_or_default(),
        channels: stream.channels.unwrap_or(1).clamp(1, 64),
        sample_rate: stream
            .sample_rate
            .as_deref()
            .and_then(|r| r.parse().ok())
            .unwrap_or(0),
        ..Probe::default()
    };
    let m = &mut probe.metadata;
    m.insert("duration".into(), format!("{duration:.2}"));
    m.insert("codec".into(), probe.codec.clone());
    m.insert("channels".into(), probe.channels.to_string());
    m.insert("sample-rate".into(), probe.sample_rate.to_string());
    if let Some(rate) = description
        .format
        .as_ref()
        .and_then(|f| f.bit_rate.as_ref())
    {
        m.insert("bit-rate".into(), rate.clone());
    }
    probe.created = description.keep_tags(stream, m);
    Ok(probe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_metadata_and_the_creation_time_the_date() {
        let json = br#"{"streams":[{"codec_type":"video"},{"codec_type":"audio","codec_name":"aac",
            "channels":2,"sample_rate":"8000","tags":{"creation_time":"2026-10-01T09:30:00.000000Z"}}],
            "format":{"format_name":"mov,mp4","duration":"13.680000","tags":{"title":"Call 4411",
            "artist":"M. Jones","encoder":"Lavf59","com.apple.quicktime.model":"iPhone"}}}"#;
        let p = parse(json).unwrap();
        assert_eq!(p.codec, "aac");
        assert_eq!(p.channels, 2);
        assert!((p.duration - 13.68).abs() < 1e-9);
        assert_eq!(p.metadata["author"], "M. Jones");
        assert_eq!(p.metadata["device"], "iPhone");
        assert_eq!(p.metadata["title"], "Call 4411");
        assert_eq!(p.created.unwrap().to_rfc3339(), "2026-10-01T09:30:00+00:00");
    }

    #[test]
    fn a_file_without_sound_or_description_is_refused() {
        assert!(parse(br#"{"streams":[{"codec_type":"video"}],"format":{}}"#).is_err());
        assert!(parse(b"not json").is_err());
    }
}

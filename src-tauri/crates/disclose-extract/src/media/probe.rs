//! What a recording says about itself, read by `ffprobe`: duration,
//! codec, channels, and the tags a phone system or recorder writes
//! (creation time, device, encoder, title, artist, comment). Tags are
//! kept as metadata, so search and the leak check see them too.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::tools::Tool;

const LIMIT: Duration = Duration::from_secs(60);

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
    channels: Option<u32>,
    sample_rate: Option<String>,
    duration: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Format {
    format_name: Option<String>,
    duration: Option<String>,
    bit_rate: Option<String>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

/// Tags worth keeping, under the name an item gives them.
const TAGS: [(&str, &str); 14] = [
    ("creation_time", "created"),
    ("date", "created"),
    ("title", "title"),
    ("artist", "author"),
    ("album_artist", "author"),
    ("composer", "author"),
    ("comment", "comment"),
    ("description", "comment"),
    ("encoder", "encoder"),
    ("encoded_by", "encoder"),
    ("com.apple.quicktime.model", "device"),
    ("model", "device"),
    ("make", "device-make"),
    ("location", "location"),
];

/// Probes the recording at `path`.
pub fn probe(path: &Path, dir: &Path) -> Result<Probe, String> {
    let mut args: Vec<&std::ffi::OsStr> = super::tools::INPUT_GUARD
        .iter()
        .map(|a| a.as_ref())
        .collect();
    args.extend_from_slice(&[
        "-v".as_ref(),
        "error".as_ref(),
        "-print_format".as_ref(),
        "json".as_ref(),
        "-show_format".as_ref(),
        "-show_streams".as_ref(),
        "-i".as_ref(),
        path.as_os_str(),
    ]);
    let out = Tool::ffprobe().run(&args, LIMIT, dir)?;
    parse(&out)
}

/// Reads `ffprobe`'s JSON.
pub fn parse(json: &[u8]) -> Result<Probe, String> {
    let output: Output =
        serde_json::from_slice(json).map_err(|e| format!("ffprobe gave no description: {e}"))?;
    let stream = output
        .streams
        .iter()
        .find(|s| s.codec_type.as_deref() == Some("audio"))
        .ok_or("no audio stream in the file")?;
    let format = output.format.as_ref();
    let seconds = |s: Option<&String>| {
        s.and_then(|d| d.parse::<f64>().ok())
            .filter(|d| d.is_finite() && *d >= 0.0)
    };
    let duration = seconds(format.and_then(|f| f.duration.as_ref()))
        .or_else(|| seconds(stream.duration.as_ref()))
        .unwrap_or(0.0);
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
    if let Some(f) = format {
        if let Some(name) = &f.format_name {
            m.insert("container".into(), name.clone());
        }
        if let Some(rate) = &f.bit_rate {
            m.insert("bit-rate".into(), rate.clone());
        }
    }
    keep_tags(m, format.map(|f| &f.tags).into_iter().chain([&stream.tags]));
    probe.created = m.get("created").and_then(|c| parse_date(c));
    Ok(probe)
}

/// Copies the tags worth keeping ([`TAGS`]) into an item's `metadata`
/// under their item names, the first of `tags` (the container's) winning.
pub(super) fn keep_tags<'a>(
    metadata: &mut BTreeMap<String, String>,
    tags: impl IntoIterator<Item = &'a BTreeMap<String, String>>,
) {
    for tags in tags {
        for (key, value) in tags {
            let key = key.to_ascii_lowercase();
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            if let Some((_, name)) = TAGS.iter().find(|(tag, _)| *tag == key) {
                metadata
                    .entry((*name).to_string())
                    .or_insert_with(|| value.chars().take(1000).collect());
            }
        }
    }
}

/// A creation time as recorders write it: RFC 3339, or a plain date and
/// time.
pub(super) fn parse_date(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(value) {
        return Some(d.with_timezone(&Utc));
    }
    chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|d| d.and_utc())
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

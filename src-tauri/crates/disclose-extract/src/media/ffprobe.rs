//! `ffprobe`'s description of a media file, read the same way for a
//! recording (`probe`) and a video (`video::describe`): its streams, its
//! container, the duration, and the tags a phone system, camera or CCTV
//! recorder writes, kept as an item's metadata so search and the leak
//! check see them too.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::tools::Tool;

/// What `ffprobe -show_format -show_streams` prints, the parts we read.
#[derive(Deserialize)]
pub(super) struct Description {
    #[serde(default)]
    pub streams: Vec<Stream>,
    pub format: Option<Format>,
}

#[derive(Deserialize)]
pub(super) struct Stream {
    pub codec_type: Option<String>,
    pub codec_name: Option<String>,
    pub channels: Option<u32>,
    pub sample_rate: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub avg_frame_rate: Option<String>,
    pub duration: Option<String>,
    #[serde(default)]
    pub disposition: BTreeMap<String, i64>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

#[derive(Deserialize)]
pub(super) struct Format {
    pub format_name: Option<String>,
    pub duration: Option<String>,
    pub bit_rate: Option<String>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
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

/// Runs `ffprobe` on `path` in `dir`, its input held by `guard` (the
/// options that keep it to local files and the expected demuxers).
pub fn describe_json(path: &Path, dir: &Path, guard: &[&str]) -> Result<Vec<u8>, String> {
    let mut args: Vec<&std::ffi::OsStr> = guard.iter().map(|a| a.as_ref()).collect();
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
    Tool::ffprobe().run(&args, Duration::from_secs(60), dir)
}

impl Description {
    pub fn read(json: &[u8]) -> Result<Description, String> {
        serde_json::from_slice(json).map_err(|e| format!("ffprobe gave no description: {e}"))
    }

    /// The first stream of this type (`audio`, `video`).
    pub fn first(&self, codec_type: &str) -> Option<&Stream> {
        self.streams
            .iter()
            .find(|s| s.codec_type.as_deref() == Some(codec_type))
    }

    /// Seconds: the container's duration, else the stream's, else 0.
    pub fn duration(&self, stream: &Stream) -> f64 {
        let seconds = |s: Option<&String>| {
            s.and_then(|d| d.parse::<f64>().ok())
                .filter(|d| d.is_finite() && *d >= 0.0)
        };
        seconds(self.format.as_ref().and_then(|f| f.duration.as_ref()))
            .or_else(|| seconds(stream.duration.as_ref()))
            .unwrap_or(0.0)
    }

    /// Adds the container's name and the tags worth keeping ([`TAGS`],
    /// the container's winning over the stream's) to `metadata`, and
    /// returns the creation time they give.
    pub fn keep_tags(
        &self,
        stream: &Stream,
        metadata: &mut BTreeMap<String, String>,
    ) -> Option<DateTime<Utc>> {
        let format = self.format.as_ref();
        if let Some(name) = format.and_then(|f| f.format_name.as_ref()) {
            metadata.insert("container".into(), name.clone());
        }
        for tags in format.map(|f| &f.tags).into_iter().chain([&stream.tags]) {
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
        metadata.get("created").and_then(|c| parse_date(c))
    }
}

/// A creation time as recorders write it: RFC 3339, or a plain date and
/// time.
fn parse_date(value: &str) -> Option<DateTime<Utc>> {
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
    fn recorders_dates_are_read_in_either_form() {
        assert_eq!(
            parse_date("2026-11-03 14:22:05").unwrap().to_rfc3339(),
            "2026-11-03T14:22:05+00:00"
        );
        assert!(parse_date("last Tuesday").is_none());
    }
}

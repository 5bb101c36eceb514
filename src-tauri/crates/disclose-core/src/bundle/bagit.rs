//! The BagIt layout (RFC 8493): `bagit.txt`, `bag-info.txt` with the
//! organisation, the case and `Payload-Oxum`, `manifest-sha256.txt` over
//! every payload file and `tagmanifest-sha256.txt` over the tag files.

use chrono::NaiveDate;

use super::ManifestEntry;
use crate::store::originals::sha256_hex;

/// The tag files for a payload listed by path under `data/`, size and
/// SHA-256 (so they are written without holding the payload), as
/// `(path in the bag, bytes)`.
pub fn tag_files(
    payload: &[ManifestEntry],
    info: &[(&str, String)],
    today: NaiveDate,
) -> Vec<(String, Vec<u8>)> {
    let bagit = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".to_vec();
    let octets: u64 = payload.iter().map(|f| f.bytes).sum();
    let mut bag_info = String::new();
    for (key, value) in info {
        bag_info.push_str(&format!("{key}: {}\n", one_line(value)));
    }
    bag_info.push_str(&format!("Bagging-Date: {today}\n"));
    bag_info.push_str(&format!("Payload-Oxum: {octets}.{}\n", payload.len()));
    let manifest: String = payload
        .iter()
        .map(|f| format!("{}  data/{}\n", f.sha256, f.path))
        .collect();
    let mut tags = vec![
        ("bagit.txt".to_string(), bagit),
        ("bag-info.txt".to_string(), bag_info.into_bytes()),
        ("manifest-sha256.txt".to_string(), manifest.into_bytes()),
    ];
    let tag_manifest: String = tags
        .iter()
        .map(|(path, bytes)| format!("{}  {path}\n", sha256_hex(bytes)))
        .collect();
    tags.push(("tagmanifest-sha256.txt".into(), tag_manifest.into_bytes()));
    tags
}

fn one_line(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

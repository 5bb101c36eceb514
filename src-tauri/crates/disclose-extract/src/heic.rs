//! HEIC/HEIF pictures (phone photos of letters and forms), decoded by
//! Debian's `heif-convert` (package `libheif-examples`) into PNG, which the
//! rest of Disclose reads like any image. libheif applies the picture's
//! rotation and mirroring, so the PNG is upright. Without the program a
//! HEIC file is recorded as unsupported, with the package to install.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::process::wait_with_timeout;

const LIMIT: Duration = Duration::from_secs(120);
const BRANDS: [&[u8]; 8] = [
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
];

/// Whether `data` is a HEIF container holding HEVC pictures.
pub fn is_heif(data: &[u8]) -> bool {
    data.len() > 12 && &data[4..8] == b"ftyp" && BRANDS.contains(&&data[8..12])
}

/// The picture as PNG bytes.
pub fn to_png(data: &[u8]) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let input = dir.path().join("picture.heic");
    let output = dir.path().join("picture.png");
    std::fs::write(&input, data).map_err(|e| e.to_string())?;
    let child = Command::new("heif-convert")
        .arg(&input)
        .arg(&output)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| {
            "HEIC image: heif-convert is not installed (Debian package libheif-examples)"
                .to_string()
        })?;
    wait_with_timeout(child, "heif-convert", LIMIT)
        .map_err(|e| format!("HEIC image could not be decoded: {e}"))?;
    std::fs::read(&output).map_err(|e| format!("HEIC image could not be decoded: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heif_brands_are_recognised_and_other_isobmff_files_are_not() {
        let mut heic = b"\0\0\0\x18ftypheic\0\0\0\0".to_vec();
        assert!(is_heif(&heic));
        heic[8..12].copy_from_slice(b"isom");
        assert!(!is_heif(&heic), "an MP4 is not a picture");
        assert!(!is_heif(b"ftyp"));
    }
}

//! CCTV: a synthetic clip (three face photographs walking over a street
//! scene with a parked car's plate, the camera's name and a running clock
//! burnt in, as H.264 in an MP4 with the recorder's tags) is imported,
//! described, its burnt-in text read and searched; detection follows the
//! three faces as tracks; the requester's track is kept and the other two
//! blurred. The rendition is checked three ways: pixel statistics (each
//! blurred face has lost its edges in every sampled frame, the kept one
//! has not), the leak check (faces found again, metadata read again),
//! and by importing the rendition into another case, where detection
//! finds the requester's face only. No metadata survives.

use std::fs;

use disclose_fixtures::cctv::{self, PEOPLE};
use disclose_fixtures::tools::{assert_bytes_hold_none_of, ffprobe_entries, tool};
use disclose_fixtures::{disclose, Disclose};

/// The face tracks suggested for an item: person key and the box of its
/// first sample.
fn tracks(d: &Disclose, case: &str) -> Vec<(String, u64, [f64; 4])> {
    let marks = d.json(&["redact", "--case", case, "--list", "--kind", "face"]);
    let mut found: Vec<(String, u64, [f64; 4])> = Vec::new();
    for mark in marks["marks"].as_array().expect("a list of marks") {
        let person = mark["person"].as_str().unwrap().to_string();
        let page = mark["target"]["page"].as_u64().unwrap();
        let r = &mark["target"]["rect"];
        let rect = [0, 1, 2, 3].map(|i| r[i].as_f64().unwrap());
        match found.iter_mut().find(|(p, _, _)| *p == person) {
            Some(track) if page < track.1 => *track = (person, page, rect),
            Some(_) => {}
            None => found.push((person, page, rect)),
        }
    }
    found
}

/// Which of [`PEOPLE`] a box found at `t` seconds is.
fn who(rect: [f64; 4], t: f64) -> Option<usize> {
    let (cx, cy) = ((rect[0] + rect[2]) / 2.0, (rect[1] + rect[3]) / 2.0);
    PEOPLE.iter().position(|p| {
        let r = p.rect(t);
        r[0] <= cx && cx <= r[2] && r[1] <= cy && cy <= r[3]
    })
}

#[test]
fn a_cctv_clip_keeps_the_requesters_face_and_blurs_the_others() {
    let input = tempfile::tempdir().unwrap();
    let clip = input.path().join("cam2-2026-11-03.mp4");
    cctv::clip(
        &clip,
        &PEOPLE,
        6.0,
        &[
            "creation_time=2026-11-03T14:22:05Z",
            "comment=Unit 4 front door, recorder NVR-8",
            "title=Front door camera",
        ],
    );

    let d = disclose!();
    d.new_case("CCTV");
    d.set_demo_profile();
    let summary = d.json(&["import", "--case", "CCTV", input.path().to_str().unwrap()]);
    assert_eq!(summary["failed"], 0, "{summary:#}");
    let items = d.json(&["items", "--case", "CCTV"]);
    assert_eq!(items[0]["type"], "video", "{items:#}");
    let item = items[0]["id"].to_string();
    let id: i64 = item.parse().unwrap();
    let shown = d.json(&["item", "--case", "CCTV", &item]);
    assert_eq!(shown["status"], "ok", "{shown:#}");
    let metadata = &shown["metadata"];
    assert_eq!(metadata["codec"], "h264", "{metadata:#}");
    assert_eq!(metadata["width"], "640");
    assert_eq!(metadata["height"], "360");
    assert_eq!(metadata["title"], "Front door camera");
    let duration: f64 = metadata["duration"].as_str().unwrap().parse().unwrap();
    assert!((duration - 6.0).abs() < 0.5, "{duration}");
    assert!(shown["date"].as_str().unwrap().starts_with("2026-11-03"));

    // The burnt-in text is the item's text, each line with its time, and
    // the plate and the camera are found by search.
    let text = shown["text"].as_str().unwrap().to_string();
    assert!(text.contains("[00:00] "), "{text}");
    assert!(text.contains("FRONT DOOR"), "{text}");
    assert!(text.contains("AB12"), "{text}");
    let found = d.json(&["search", "--case", "CCTV", "AB12"]);
    assert_eq!(found["hits"], 1, "{found:#}");
    let found = d.json(&["search", "--case", "CCTV", "\"front door\""]);
    assert_eq!(found["hits"], 1, "{found:#}");

    // Detection follows three faces, each from the first sample.
    d.run(&["detect", "--case", "CCTV"]).ok();
    let found = tracks(&d, "CCTV");
    assert_eq!(found.len(), 3, "{found:?}");
    let mut requester = None;
    let mut seen = [false; 3];
    for (person, page, rect) in &found {
        assert_eq!(*page, 1, "{found:?}");
        let whom = who(*rect, 0.0).unwrap_or_else(|| panic!("{rect:?} is nobody"));
        seen[whom] = true;
        if whom == 0 {
            requester = Some(person.clone());
        }
    }
    assert_eq!(seen, [true; 3], "{found:?}");
    let requester = requester.unwrap();
    let marks = d.json(&["redact", "--case", "CCTV", "--list", "--person", &requester]);
    let samples = marks["marks"].as_array().unwrap().len();
    assert!(
        samples >= 11,
        "the requester is followed through the clip: {samples}"
    );

    // The requester's own face is kept; every other track is blurred.
    d.run(&[
        "redact",
        "--case",
        "CCTV",
        "--reject-suggestions",
        "--person",
        &requester,
    ])
    .ok();
    d.run(&[
        "redact",
        "--case",
        "CCTV",
        "--accept-suggestions",
        "--kind",
        "face",
    ])
    .ok();
    d.run(&["decide", "--case", "CCTV", "--all", "--as", "redact"])
        .ok();
    d.run(&["render", "--case", "CCTV"]).ok();
    let rendition = d
        .case_dir("CCTV")
        .join(format!("renditions/item-{id:06}.mp4"));
    assert!(rendition.exists(), "an MP4 rendition");

    // Pixel statistics on every sampled frame and between them: the
    // blurred faces lose their edges, the kept face keeps them.
    for step in 0..23 {
        let t = 0.1 + f64::from(step) * 0.25;
        let before = cctv::frame_at(&clip, t);
        let after = cctv::frame_at(&rendition, t);
        let kept = PEOPLE[0].rect(t);
        let (was, is) = (
            cctv::sharpness(&before, kept),
            cctv::sharpness(&after, kept),
        );
        assert!(
            is > was * 0.5,
            "the kept face stays sharp at {t}: {was} -> {is}"
        );
        for person in &PEOPLE[1..] {
            let r = person.rect(t);
            let (was, is) = (cctv::sharpness(&before, r), cctv::sharpness(&after, r));
            assert!(
                is < was * 0.05,
                "{} is blurred at {t:.2} s: {was:.0} -> {is:.0}",
                person.photo
            );
        }
    }

    // No metadata: ExifTool and ffprobe find nothing of the recorder's.
    let exif = tool(
        "exiftool",
        &["-j", "-a", "-G1", rendition.to_str().unwrap()],
    );
    for said in [
        "Unit 4",
        "NVR-8",
        "Front door",
        "2026:11:03",
        "Lavf",
        "x264",
    ] {
        assert!(!exif.contains(said), "{said} in {exif}");
    }
    assert_bytes_hold_none_of(
        &rendition,
        &[b"Unit 4", b"NVR-8", b"Lavf", b"x264", b"Front door"],
    );
    let probe = ffprobe_entries(
        &rendition,
        "format_tags:stream_tags:stream=codec_name,codec_type",
    );
    assert!(
        !probe.contains("creation_time") && !probe.contains("comment"),
        "{probe}"
    );
    assert!(
        probe.contains("\"h264\"") && !probe.contains("audio"),
        "{probe}"
    );

    // The leak check finds the faces again and passes.
    let report = d.json(&["verify", "--case", "CCTV"]);
    assert_eq!(report["clean"], true, "{report:#}");

    // The export carries the video.
    let out = input.path().join("bundle.zip");
    d.run(&["export", "--case", "CCTV", "--out", out.to_str().unwrap()])
        .ok();
    let listing = tool("unzip", &["-l", out.to_str().unwrap()]);
    assert!(listing.contains("documents/0001.mp4"), "{listing}");

    // Re-detection: the rendition, imported on its own, shows one face —
    // the requester's — and its caption names the case and item.
    let again = tempfile::tempdir().unwrap();
    fs::copy(&rendition, again.path().join("rendition.mp4")).unwrap();
    d.new_case("AGAIN");
    d.json(&["import", "--case", "AGAIN", again.path().to_str().unwrap()]);
    d.run(&["detect", "--case", "AGAIN"]).ok();
    let found = tracks(&d, "AGAIN");
    assert_eq!(found.len(), 1, "only the requester's face: {found:?}");
    assert_eq!(who(found[0].2, 0.0), Some(0), "{found:?}");
    let items = d.json(&["items", "--case", "AGAIN"]);
    let read = d.json(&["item", "--case", "AGAIN", &items[0]["id"].to_string()]);
    let read = read["text"].as_str().unwrap();
    assert!(
        read.contains("AB12"),
        "the plate was not to be blurred: {read}"
    );
    assert!(
        read.contains("CCTV") && read.contains("item"),
        "the caption: {read}"
    );

    // Fail closed: the rendition swapped for the unblurred original is
    // caught, by the faces found again and by its tags.
    fs::copy(&clip, &rendition).unwrap();
    let report = d.json(&["verify", "--case", "CCTV"]);
    assert_eq!(report["clean"], false, "{report:#}");
    let leaks = report["leaks"].to_string();
    assert!(leaks.contains("a face is still seen"), "{report:#}");
    assert!(leaks.contains("metadata left in the video"), "{report:#}");
}

/// The containers a recorder exports are read: QuickTime, Matroska and
/// AVI (MPEG-4 Part 2), each described with its frame size and codec; a
/// broken one is recorded with a reason.
#[test]
fn mov_mkv_and_avi_clips_are_read_and_a_broken_one_is_refused() {
    let input = tempfile::tempdir().unwrap();
    for name in ["cam1.mov", "cam3.mkv", "cam4.avi"] {
        cctv::clip(&input.path().join(name), &PEOPLE[..1], 2.0, &[]);
    }
    let mut broken = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41".to_vec();
    broken.extend(std::iter::repeat_n(0x5A, 300));
    fs::write(input.path().join("broken.mp4"), broken).unwrap();
    let d = disclose!();
    d.new_case("FORMATS");
    d.json(&[
        "import",
        "--case",
        "FORMATS",
        input.path().to_str().unwrap(),
    ]);
    let items = d.json(&["items", "--case", "FORMATS"]);
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 4, "{items:#?}");
    for item in items {
        assert_eq!(item["type"], "video", "{items:#?}");
        let shown = d.json(&["item", "--case", "FORMATS", &item["id"].to_string()]);
        let name = shown["source"].as_str().unwrap_or_default().to_string();
        if shown["status"] == "failed" {
            assert!(
                shown["reason"].as_str().unwrap().contains("video"),
                "{shown:#}"
            );
            continue;
        }
        assert_eq!(shown["metadata"]["width"], "640", "{name}: {shown:#}");
        let codec = shown["metadata"]["codec"].as_str().unwrap();
        assert!(["h264", "mpeg4"].contains(&codec), "{name}: {codec}");
        assert!(
            shown["text"].as_str().unwrap().contains("FRONT"),
            "{shown:#}"
        );
    }
    let failed = items.iter().filter(|i| i["status"] == "failed").count();
    assert_eq!(failed, 1, "{items:#?}");
}

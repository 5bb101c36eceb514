//! The built-in demo case: a fictional landlord (Northgate Homes), a
//! fictional tenant (Jane Anne Smith) in a dispute over damp, noise and
//! rent arrears, and the files such a case really holds — emails and
//! threads, an Outlook message, a mailbox export, letters, case notes with
//! comments and tracked changes, a rent account with a hidden sheet,
//! housing-system exports, a call to the contact centre and a CCTV clip
//! (`media`, made with `espeak-ng` and FFmpeg when they are installed) —
//! full of other people: her household, the neighbours who complained,
//! staff, the police. Everything is generated here, deterministically
//! from a seed; no real person is in it.

pub mod formats;
pub mod media;
pub mod rng;
mod story;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;

use crate::case::{Case, CaseFolder, HouseholdMember, Kind, Subject};
use crate::clock::Region;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::ingest::{self, ImportOptions, ImportSummary, NoProgress, ProgressSink};

/// The demo case's reference.
pub const DEMO_REFERENCE: &str = "DEMO-001";

/// The fixed seed of the built-in demo.
pub const DEMO_SEED: u64 = 0x5A12_2026;

/// The demo request: Jane Anne Smith asks for everything (access and
/// portability).
pub fn demo_case(reference: &str, received: NaiveDate) -> Case {
    Case {
        reference: reference.to_string(),
        kind: Kind::Both,
        requester: "Jane Anne Smith".into(),
        subject: Subject {
            name: "Jane Anne Smith".into(),
            aliases: vec!["Jane Brown".into()],
            date_of_birth: NaiveDate::from_ymd_opt(1985, 3, 4),
            addresses: vec!["12 Acacia Avenue, Stockport SK1 1AA".into()],
            postcodes: vec!["SK1 1AA".into()],
            account_refs: vec!["TEN-004417".into()],
            ni_number: Some("AB 12 34 56 C".into()),
            phones: vec!["0161 496 0000".into(), "07700 900123".into()],
            emails: vec!["jane.smith@example.com".into()],
        },
        household: vec![
            HouseholdMember {
                name: "Robert Smith".into(),
                relationship: "partner, joint tenant".into(),
            },
            HouseholdMember {
                name: "Daniel Smith".into(),
                relationship: "son".into(),
            },
        ],
        received,
        region: Region::EnglandWales,
        pauses: Vec::new(),
        extended: false,
        notes: "Built-in demo case: fictional landlord, tenant and neighbours.".into(),
        disclose_staff_in_role: true,
    }
}

/// Writes the demo's files under `dir`, returning their paths.
pub fn write_demo_files(dir: &Path, seed: u64) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (name, bytes) in story::files(seed) {
        let path = dir.join(name);
        crate::private::write_file(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes the demo's files under `dir` and, where this machine can make
/// and hear them (see [`media::write_media`]), its call recording and
/// CCTV clip; returns their paths, and a note for each medium not made.
pub fn write_demo_files_and_media(dir: &Path, seed: u64) -> Result<(Vec<PathBuf>, Vec<String>)> {
    let mut written = write_demo_files(dir, seed)?;
    let work = tempfile::tempdir()?;
    // The tools run in `work`, so they are given the folder in full.
    let made = media::write_media(&std::path::absolute(dir)?, work.path());
    written.extend(made.files);
    Ok((written, made.notes))
}

/// Creates the demo case in `home` (received ten days before `today`),
/// writes its files into the case folder's `demo-input/`, imports them and
/// suggests the CCTV clip's face and plate tracks (`suggest::videos`).
pub fn create_demo(context: &Context, reference: &str) -> Result<(CaseFolder, ImportSummary)> {
    create_demo_with_progress(context, reference, &NoProgress)
}

/// `create_demo`, telling `progress` how the import of its files goes (the
/// desktop shows it while the demo is made behind the open window).
pub fn create_demo_with_progress(
    context: &Context,
    reference: &str,
    progress: &dyn ProgressSink,
) -> Result<(CaseFolder, ImportSummary)> {
    let home = context.home();
    let received = context.today() - chrono::Days::new(10);
    let mut case = demo_case(reference, received);
    // The call and the clip are made first, outside the home; what could
    // not be made is said in the case's notes.
    let media_dir = tempfile::tempdir()?;
    let made = media::write_media(&media_dir.path().join("made"), media_dir.path());
    for note in &made.notes {
        case.notes.push_str(&format!("\n{note}"));
    }
    crate::profile::ensure_demo(home)?;
    crate::staff::ensure_demo(home)?;
    let mut folder = CaseFolder::create(context, &case)?;
    // HOOK (encryption at rest): an encrypted home keeps no plain copy of
    // the demo's files; they are written outside it and removed after.
    let scratch = match crate::crypt::keys_for(folder.dir()) {
        Some(_) => Some(tempfile::tempdir()?),
        None => None,
    };
    let input = match &scratch {
        Some(dir) => dir.path().join("demo-input"),
        None => folder.dir().join("demo-input"),
    };
    if input.exists() {
        return Err(Error::Invalid(format!(
            "{} already exists",
            input.display()
        )));
    }
    write_demo_files(&input, DEMO_SEED)?;
    for file in &made.files {
        let name = file
            .strip_prefix(media_dir.path().join("made"))
            .unwrap_or(file);
        let target = input.join(name);
        if let Some(parent) = target.parent() {
            crate::private::make_dir(parent)?;
        }
        crate::private::write_file(&target, &std::fs::read(file)?)?;
    }
    drop(media_dir);
    let options = ImportOptions::default();
    let summary = ingest::import(
        &mut folder,
        &[input],
        &options,
        progress,
        &AtomicBool::new(false),
    )?;
    // The clip's faces and plate are followed now, so its frame view shows
    // their tracks as suggestions before anyone runs detection.
    let staff = crate::staff::load(home)?;
    let organisation = crate::profile::load(home).ok();
    crate::suggest::videos(&mut folder, &staff, organisation.as_ref())?;
    Ok((folder, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, sniff, Limits};

    #[test]
    fn the_same_seed_gives_the_same_files() {
        let differing = |a: u64, b: u64| -> Vec<String> {
            story::files(a)
                .into_iter()
                .zip(story::files(b))
                .filter(|(x, y)| x != y)
                .map(|(x, _)| x.0)
                .collect()
        };
        assert_eq!(differing(7, 7), Vec::<String>::new());
        assert!(!differing(7, 8).is_empty());
    }

    #[test]
    fn every_demo_file_but_the_broken_one_reads() {
        for (name, bytes) in story::files(DEMO_SEED) {
            let result = extract(sniff(&bytes, &name), &bytes, &name, &Limits::default());
            if name.contains("damaged") {
                assert!(result.is_err(), "{name} should fail");
            } else {
                assert!(result.is_ok(), "{name}: {:?}", result.err());
            }
        }
    }

    #[test]
    fn the_demo_case_is_valid() {
        demo_case(DEMO_REFERENCE, NaiveDate::from_ymd_opt(2026, 3, 3).unwrap())
            .validate()
            .unwrap();
    }
}

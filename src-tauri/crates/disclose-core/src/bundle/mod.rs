//! The disclosure bundle (`disclose export`): one zip holding a BagIt bag —
//!
//! ```text
//! <REF>/bagit.txt, bag-info.txt, manifest-sha256.txt, tagmanifest-sha256.txt
//! <REF>/data/letter.pdf             the response letter
//! <REF>/data/schedule.csv, .pdf     one row per document
//! <REF>/data/documents/0001.pdf     the redacted renditions, numbered as in the schedule
//! <REF>/data/portable/              JSON + CSV with a JSON Schema per JSON file
//! <REF>/data/index.html             offline page to browse it all
//! ```
//!
//! File names are neutral (numbers and fixed words: zip does not encrypt
//! names). With `encrypt`, every entry is AES-256 encrypted with a
//! generated passphrase that is returned once and never stored.
//!
//! Export refuses, saying why, while any item is undecided, any item to
//! disclose lacks a current rendition, the organisation profile is
//! incomplete, or the leak check finds anything in what would be sent.
//!
//! [`plan`] lists the bag from the case's records without reading a
//! document (sizes from disk, SHA-256 as recorded at rendering); [`check`]
//! runs the leak check, renditions from their stored checks; `stream`
//! writes the zip entry by entry, re-hashing each document as it passes.

pub mod bagit;
pub mod html;
pub mod letter;
pub mod passphrase;
pub mod portable;
pub mod schedule;
mod stream;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::case::CaseFolder;
use crate::error::{Error, Result};
use crate::profile::{self, Profile};
use crate::render::{self, document, writer};
use crate::store::originals::sha256_hex;
use crate::verify::{self, Watch};

/// One file of the bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ManifestEntry {
    /// Path inside the zip.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What an export made (or, with `dry_run`, would make).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportResult {
    pub path: String,
    /// The zip's SHA-256 (empty on a dry run).
    pub sha256: String,
    /// Documents disclosed (with or without redactions).
    pub items: u64,
    pub withheld: u64,
    pub dry_run: bool,
    pub encrypted: bool,
    /// Shown once, never stored; only when encrypted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<String>,
    pub files: Vec<ManifestEntry>,
}

pub struct ExportOptions {
    pub out: PathBuf,
    pub encrypt: bool,
    pub dry_run: bool,
}

/// Why the case cannot be exported yet; empty when it can.
pub fn blockers(folder: &CaseFolder, profile: &Profile) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let progress = folder.store.review_progress()?;
    if progress.decided < progress.total {
        out.push(format!(
            "{} of {} item(s) are not decided yet: decide each one (disclose, redact, withhold, not relevant or duplicate)",
            progress.total - progress.decided,
            progress.total
        ));
    }
    let problems = render::problems(folder)?;
    if let Some(first) = problems.first() {
        out.push(format!(
            "{} item(s) to disclose have no current redacted copy (first: item {}, {}): run render first",
            problems.len(),
            first.item_id,
            first.reason
        ));
    }
    for problem in profile::problems(profile) {
        out.push(format!("organisation profile: {problem}"));
    }
    Ok(out)
}

/// Builds the bundle and writes it to `options.out` (unless a dry run).
pub fn export(
    folder: &mut CaseFolder,
    profile: &Profile,
    options: &ExportOptions,
    today: NaiveDate,
) -> Result<ExportResult> {
    export_watched(folder, profile, options, today, &Watch::none())
}

/// As [`export`], telling `watch` how the leak check of what is new goes,
/// and stopping (writing nothing) when it asks.
pub fn export_watched(
    folder: &mut CaseFolder,
    profile: &Profile,
    options: &ExportOptions,
    today: NaiveDate,
    watch: &Watch,
) -> Result<ExportResult> {
    let now = &folder.now();
    crate::integrity::export_check(folder)?;
    let plan = plan(folder, profile, options, today)?;
    let report = check(folder, profile, &plan, watch)?;
    refuse_leaks(folder, &report)?;
    let mut result = plan.result;
    if options.dry_run {
        return Ok(result);
    }
    let passphrase = options.encrypt.then(passphrase::generate).transpose()?;
    result.sha256 = stream::write(
        folder,
        &options.out,
        &plan.files,
        passphrase.as_deref(),
        watch.cancel,
    )?;
    result.passphrase = passphrase;
    let actor = folder.actor().to_string();
    folder.store.audit(
        now,
        &actor,
        crate::audit::Action::Export,
        &serde_json::json!({
            // Absolute, so purge can tell exports outside the case apart.
            "path": std::path::absolute(&options.out)
                .unwrap_or_else(|_| options.out.clone())
                .display()
                .to_string(),
            "sha256": result.sha256,
            "items": result.items,
            "withheld": result.withheld,
            "encrypted": result.encrypted,
        }),
    )?;
    Ok(result)
}

/// What an export would write now, and the leak check's report on it,
/// writing nothing: the export wizard's preview, which shows the findings
/// to resolve instead of refusing.
pub fn preview(
    folder: &CaseFolder,
    profile: &Profile,
    options: &ExportOptions,
    today: NaiveDate,
) -> Result<(ExportResult, verify::VerifyReport)> {
    crate::integrity::export_check(folder)?;
    let plan = plan(folder, profile, options, today)?;
    let report = check(folder, profile, &plan, &Watch::none())?;
    Ok((plan.result, report))
}

/// What an export would write now, without the leak check: quick, as it
/// reads no document (their sizes and recorded SHA-256 suffice).
pub struct Plan {
    pub result: ExportResult,
    files: Vec<BagFile>,
}

/// One entry of the zip.
struct BagFile {
    /// Path inside the zip.
    path: String,
    /// Path under `data/` of a payload file (what the leak check names it
    /// by); `None` for the BagIt tag files.
    label: Option<String>,
    /// The item a document is the copy of.
    item: Option<i64>,
    bytes: u64,
    sha256: String,
    content: Content,
}

enum Content {
    /// Written from the case's records (small: letter, schedule, data).
    Bytes(Vec<u8>),
    /// A rendition on disk, streamed into the zip.
    Rendition(PathBuf),
}

/// The bag's files (paths inside the zip) and what they are, without
/// reading any document or original (the export re-hashes those) — or why
/// the case cannot be exported yet.
pub fn plan(
    folder: &CaseFolder,
    profile: &Profile,
    options: &ExportOptions,
    today: NaiveDate,
) -> Result<Plan> {
    plan_or_blockers(folder, profile, options, today)?.map_err(|blocked| {
        Error::Invalid(format!(
            "the case cannot be exported yet: {}",
            blocked.join("; ")
        ))
    })
}

/// [`plan`], or each thing that stops the export on its own (as the Export
/// screen lists them), looking for them only once.
pub fn plan_or_blockers(
    folder: &CaseFolder,
    profile: &Profile,
    options: &ExportOptions,
    today: NaiveDate,
) -> Result<std::result::Result<Plan, Vec<String>>> {
    let blocked = blockers(folder, profile)?;
    if !blocked.is_empty() {
        return Ok(Err(blocked));
    }
    let case = folder.case()?;
    // The trail's head as the export starts (the export's own entry comes
    // after): in bag-info.txt and the letter, so the requester's copy
    // anchors the trail.
    let (audit_head, audit_entries) = folder.store.audit_head()?;
    let payload = payload(folder, profile, today, (&audit_head, audit_entries))?;

    let root = case.reference.clone();
    let info = [
        ("Source-Organization", profile.name.clone()),
        ("Organization-Address", profile.address.join(", ")),
        ("Contact-Name", profile.dpo_contact.clone()),
        ("External-Identifier", case.reference.clone()),
        (
            "External-Description",
            format!(
                "Response to a data subject request received {} (UK GDPR Art. 15/20)",
                case.received
            ),
        ),
        ("Request-Received", case.received.to_string()),
        ("Audit-Head", audit_head.clone()),
        ("Audit-Entries", audit_entries.to_string()),
    ];
    let listed: Vec<ManifestEntry> = payload.files.iter().map(BagFile::entry).collect();
    let files: Vec<BagFile> = bagit::tag_files(&listed, &info, today)
        .into_iter()
        .map(|(p, b)| written(&format!("{root}/{p}"), b))
        .chain(payload.files.into_iter().map(|f| BagFile {
            path: format!("{root}/data/{}", f.path),
            label: Some(f.path),
            ..f
        }))
        .collect();
    let manifest: Vec<ManifestEntry> = files.iter().map(BagFile::entry).collect();
    let result = ExportResult {
        path: options.out.display().to_string(),
        sha256: String::new(),
        items: payload.disclosed,
        withheld: payload.withheld,
        dry_run: options.dry_run,
        encrypted: options.encrypt,
        passphrase: None,
        files: manifest,
    };
    Ok(Ok(Plan { result, files }))
}

/// The leak check over everything `plan` would write: each rendition from
/// its stored check while that holds, the rest (letter, schedule, data,
/// page, names, renditions not checked yet) afresh.
pub fn check(
    folder: &CaseFolder,
    profile: &Profile,
    plan: &Plan,
    watch: &Watch,
) -> Result<verify::VerifyReport> {
    let to_check: Vec<verify::ToCheck> = plan
        .files
        .iter()
        .filter_map(|f| {
            let label = f.label.as_deref()?;
            Some(match &f.content {
                Content::Bytes(bytes) => verify::ToCheck {
                    label,
                    item: f.item,
                    content: verify::Content::Bytes(bytes),
                    // A recording's transcript is the one beside its
                    // rendition, whose check `verify` keeps under its own
                    // key: the same bytes are not read twice.
                    key: Some(match f.item {
                        Some(item) if f.path.ends_with(".transcript.pdf") => {
                            verify::stored::transcript_key(item)
                        }
                        _ => format!("bundle:{label}"),
                    }),
                },
                Content::Rendition(path) => verify::ToCheck {
                    label,
                    item: f.item,
                    content: verify::Content::Rendition {
                        path,
                        sha256: &f.sha256,
                        must_match: true,
                    },
                    key: f.item.map(verify::stored::rendition_key),
                },
            })
        })
        .collect();
    verify::check(folder, &to_check, &trusted_text(folder, profile)?, watch)
}

struct Payload {
    /// Paths under `data/`.
    files: Vec<BagFile>,
    disclosed: u64,
    withheld: u64,
}

impl BagFile {
    /// Its line of a manifest: path, size and SHA-256.
    fn entry(&self) -> ManifestEntry {
        ManifestEntry {
            path: self.path.clone(),
            bytes: self.bytes,
            sha256: self.sha256.clone(),
        }
    }
}

/// A file written from the case's records (a payload or a tag file).
fn written(path: &str, bytes: Vec<u8>) -> BagFile {
    BagFile {
        path: path.to_string(),
        label: None,
        item: None,
        bytes: bytes.len() as u64,
        sha256: sha256_hex(&bytes),
        content: Content::Bytes(bytes),
    }
}

fn payload(
    folder: &CaseFolder,
    profile: &Profile,
    today: NaiveDate,
    audit: (&str, u64),
) -> Result<Payload> {
    let case = folder.case()?;
    let (mut rows, left_out) = schedule::rows(folder)?;
    let mut files = Vec::new();
    let mut portable_files = portable::Files::new();
    let mut disclosed = 0;
    let mut missing = Vec::new();
    let mut renditions = folder.store.renditions_by_item()?;
    for row in rows.iter_mut() {
        if !row.withheld_reason.is_empty() {
            continue;
        }
        let (rendition, _) = renditions
            .remove(&row.item_id)
            .ok_or_else(|| Error::Invalid(format!("item {} has no redacted copy", row.item_id)))?;
        let ext = Path::new(&rendition.path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("pdf");
        row.file = format!("documents/{:04}.{ext}", row.number);
        let path = folder.dir().join(&rendition.path);
        match crate::crypt::len(&path) {
            Ok(bytes) => files.push(BagFile {
                path: row.file.clone(),
                label: None,
                item: Some(row.item_id),
                bytes,
                sha256: rendition.sha256.clone(),
                content: Content::Rendition(path.clone()),
            }),
            Err(e) => missing.push(crate::integrity::Problem {
                kind: "rendition".into(),
                item_id: Some(row.item_id),
                path: rendition.path.clone(),
                problem: format!("it cannot be read: {e}"),
            }),
        }
        if ext == "mp3" {
            // A recording travels with its redacted transcript.
            let transcript = crate::render::transcript_path(&path);
            let bytes = crate::crypt::read(&transcript).map_err(|e| {
                Error::Invalid(format!(
                    "item {} has no transcript beside its recording: {e}",
                    row.item_id
                ))
            })?;
            let mut file = written(
                &format!("documents/{:04}.transcript.pdf", row.number),
                bytes,
            );
            file.item = Some(row.item_id);
            if let Some(recorded) = &rendition.transcript_sha256 {
                if *recorded != file.sha256 {
                    missing.push(crate::integrity::Problem {
                        kind: "rendition".into(),
                        item_id: Some(row.item_id),
                        path: format!("{}", crate::render::transcript_path(std::path::Path::new(&rendition.path)).display()),
                        problem: format!(
                            "its SHA-256 is {}, not the {recorded} recorded: it was changed or damaged",
                            file.sha256
                        ),
                    });
                }
            }
            files.push(file);
        }
        let tables = folder.store.records(row.item_id)?;
        if !tables.is_empty() {
            let redacted = render::redacted_strings(&folder.store.redactions(row.item_id)?);
            portable::records(row.number, &tables, &redacted, &mut portable_files)?;
        }
        disclosed += 1;
    }
    crate::integrity::refuse_if_any(&missing)?;
    let withheld = rows.len() as u64 - disclosed;
    let reasons = folder.reasons()?;
    let letter = letter::text(&letter::LetterFacts {
        profile,
        case: &case,
        rows: &rows,
        left_out: &left_out,
        items_held: folder.store.items(None)?.len() as u64,
        searches_run: folder.store.search_log()?.len() as u64,
        today,
        reasons: &reasons,
        audit_head: audit.0,
        audit_entries: audit.1,
    });
    let stamp = |what: &str| format!("{} · {what}", case.reference);
    let letter_pages = document::pages(
        &format!("Your request — our reference {}", case.reference),
        &letter,
        &[],
    );
    files.push(written(
        "letter.pdf",
        writer::write(&letter_pages, &stamp("letter")),
    ));
    let schedule_csv = schedule::csv(&rows);
    files.push(written("schedule.csv", schedule_csv.clone()));
    let schedule_pages = document::pages(
        &format!("Schedule of documents — {}", case.reference),
        &schedule::text(&rows, &reasons),
        &[],
    );
    files.push(written(
        "schedule.pdf",
        writer::write(&schedule_pages, &stamp("schedule")),
    ));
    portable::subject(&case, &mut portable_files)?;
    portable::documents(&rows, schedule_csv, &mut portable_files)?;
    files.extend(
        portable_files
            .into_iter()
            .map(|(name, bytes)| written(&format!("portable/{name}"), bytes)),
    );
    files.push(written(
        "index.html",
        html::page(&profile.name, &case.reference, &rows, &reasons),
    ));
    Ok(Payload {
        files,
        disclosed,
        withheld,
    })
}

/// Disclose's own wording around the documents — the letter and schedule
/// (with every reason this case uses explained, and documents described
/// only by their type), the offline page and the stamps — so the leak
/// check does not take a piece of it for a piece of a redacted name.
pub fn fixed_wording(folder: &CaseFolder, profile: &Profile) -> Result<String> {
    let case = folder.case()?;
    let (audit_head, audit_entries) = folder.store.audit_head()?;
    let reasons = folder.reasons()?;
    let (mut rows, left_out) = schedule::rows(folder)?;
    for row in &mut rows {
        row.description = schedule::type_label(row.kind).to_string();
        row.file = format!("documents/{:04}.pdf", row.number);
    }
    let every_reason: Vec<String> = reasons.iter().map(|r| r.code.clone()).collect();
    if let Some(first) = rows.first().cloned() {
        rows.push(schedule::ScheduleRow {
            redaction_reasons: every_reason.clone(),
            redactions: 1,
            ..first.clone()
        });
        for code in &every_reason {
            rows.push(schedule::ScheduleRow {
                withheld_reason: code.clone(),
                ..first.clone()
            });
        }
    }
    let letter = letter::text(&letter::LetterFacts {
        profile,
        case: &case,
        rows: &rows,
        left_out: &left_out,
        items_held: 0,
        searches_run: 1,
        today: case.received,
        reasons: &reasons,
        audit_head: &audit_head,
        audit_entries,
    });
    let page = html::page(&profile.name, &case.reference, &rows, &reasons);
    Ok(format!(
        "{letter}\n{}\n{}\nYour request our reference Schedule of documents letter schedule page of item attachments",
        schedule::text(&rows, &reasons),
        String::from_utf8_lossy(&page)
    ))
}

/// The leak check over everything an export would write now (letter,
/// schedule, documents, portable data, offline page, names), writing
/// nothing but the stored checks.
pub fn leak_report(
    folder: &CaseFolder,
    profile: &Profile,
    today: NaiveDate,
) -> Result<verify::VerifyReport> {
    let options = ExportOptions {
        out: PathBuf::from("bundle.zip"),
        encrypt: false,
        dry_run: true,
    };
    Ok(preview(folder, profile, &options, today)?.1)
}

/// What Disclose itself wrote from trusted sources: the profile and its
/// own fixed wording.
fn trusted_text(folder: &CaseFolder, profile: &Profile) -> Result<String> {
    Ok(format!(
        "{}\n{}",
        serde_json::to_string(profile).unwrap_or_default(),
        fixed_wording(folder, profile)?
    ))
}

/// Refuses, saying what was found and how to resolve it, unless the leak
/// check came back clean.
fn refuse_leaks(folder: &CaseFolder, report: &verify::VerifyReport) -> Result<()> {
    if report.clean {
        return Ok(());
    }
    let shown: Vec<String> = report
        .leaks
        .iter()
        .take(5)
        .map(|l| {
            format!(
                "{} [{}] {} {:?} of {:?} in \"…{}…\"",
                l.file,
                l.place,
                serde_json::to_value(l.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                l.found,
                l.redacted,
                l.context
            )
        })
        .collect();
    let waivable = report.leaks.iter().filter(|l| l.waivable).count();
    let advice = if waivable > 0 {
        format!(
            " ({waivable} of them may not be the person: review them with `disclose verify --case {} --bundle`, then redact each or record it as not this person)",
            folder.case()?.reference
        )
    } else {
        String::new()
    };
    Err(Error::Invalid(format!(
        "the leak check found {} problem(s) in the bundle, so nothing was written{advice}: {}",
        report.leaks.len(),
        shown.join("; ")
    )))
}

//! The UI's TypeScript types, generated from the Rust types the commands
//! send and receive. `ui/src/bindings.ts` must match what this produces:
//! the test fails when it is stale; `UPDATE_BINDINGS=1 cargo test -p
//! disclose-desktop bindings` rewrites it.

use ts_rs::{Config, TS};

use disclose_core::actor::Actor;
use disclose_core::audit::anchor::Anchored;
use disclose_core::audit::Verification;
use disclose_core::bundle::{ExportResult, ManifestEntry};
use disclose_core::case::due::{Cause, DueMove, HolidaysImport};
use disclose_core::case::{CaseField, CaseOverview, HouseholdMember, Kind, Problem, Subject};
use disclose_core::cctv::view::{FaceTrack, TrackChoice, TrackFace, VideoView};
use disclose_core::clock::calendar::{HolidaysFile, ImportedRegion};
use disclose_core::clock::{Deadline, Pause, Region};
use disclose_core::extract::{FileType, Page, RecordTable, Word};
use disclose_core::facets::{FacetValue, Facets};
use disclose_core::ingest::{ImportSummary, ProgressEvent, Resumed};
use disclose_core::marks::{
    DataKind, Mark, MarkSource, MarkStatus, PageBox, SuggestionGroup, Target, Whose,
};
use disclose_core::ocr::OcrSummary;
use disclose_core::profile::Profile;
use disclose_core::render::{RenderProblem, RenderSummary};
use disclose_core::retention::{Closure, PurgedRecord};
use disclose_core::review::{Decision, DecisionRecord, Reason, ReviewProgress};
use disclose_core::search::{SearchHit, SearchResults, SortBy};
use disclose_core::store::{ItemRow, Status};
use disclose_core::suggest::SuggestSummary;
use disclose_core::sweep::{IdentifierHits, ItemHits, SubjectField, SweepReport};
use disclose_core::threads::GroupingSummary;
use disclose_core::verify::{CheckProgress, FindingKind, Leak, VerifyReport, Waiver};

use crate::commands::{
    CaseInput, ExportPreview, HomeLock, ImportProgress, ItemBrief, ItemDetail, MarkSelection,
    ProfileState, ReviewPage, ReviewRow,
};
use crate::error::CommandError;

fn declarations() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p disclose-desktop bindings`.\n// Do not edit by hand.\n",
    );
    let mut add = |decl: String| {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    };
    add(disclose_core::case::Case::decl(&cfg));
    add(Kind::decl(&cfg));
    add(Subject::decl(&cfg));
    add(HouseholdMember::decl(&cfg));
    add(Region::decl(&cfg));
    add(Pause::decl(&cfg));
    add(Deadline::decl(&cfg));
    add(CaseOverview::decl(&cfg));
    add(Actor::decl(&cfg));
    add(Closure::decl(&cfg));
    add(PurgedRecord::decl(&cfg));
    add(DueMove::decl(&cfg));
    add(Cause::decl(&cfg));
    add(HolidaysFile::decl(&cfg));
    add(ImportedRegion::decl(&cfg));
    add(HolidaysImport::decl(&cfg));
    add(CaseInput::decl(&cfg));
    add(Problem::decl(&cfg));
    add(CaseField::decl(&cfg));
    add(ReviewProgress::decl(&cfg));
    add(ImportSummary::decl(&cfg));
    add(GroupingSummary::decl(&cfg));
    add(OcrSummary::decl(&cfg));
    add(Resumed::decl(&cfg));
    add(ProgressEvent::decl(&cfg));
    add(ImportProgress::decl(&cfg));
    add(SearchResults::decl(&cfg));
    add(SearchHit::decl(&cfg));
    add(SortBy::decl(&cfg));
    add(Facets::decl(&cfg));
    add(FacetValue::decl(&cfg));
    add(SweepReport::decl(&cfg));
    add(IdentifierHits::decl(&cfg));
    add(SubjectField::decl(&cfg));
    add(ItemHits::decl(&cfg));
    add(ItemRow::decl(&cfg));
    add(FileType::decl(&cfg));
    add(Status::decl(&cfg));
    add(ItemBrief::decl(&cfg));
    add(ItemDetail::decl(&cfg));
    add(Page::decl(&cfg));
    add(Word::decl(&cfg));
    add(RecordTable::decl(&cfg));
    add(Decision::decl(&cfg));
    add(DecisionRecord::decl(&cfg));
    add(Reason::decl(&cfg));
    add(ReviewRow::decl(&cfg));
    add(ReviewPage::decl(&cfg));
    add(Mark::decl(&cfg));
    add(Target::decl(&cfg));
    add(PageBox::decl(&cfg));
    add(MarkStatus::decl(&cfg));
    add(DataKind::decl(&cfg));
    add(Whose::decl(&cfg));
    add(MarkSource::decl(&cfg));
    add(MarkSelection::decl(&cfg));
    add(SuggestionGroup::decl(&cfg));
    add(VideoView::decl(&cfg));
    add(FaceTrack::decl(&cfg));
    add(TrackFace::decl(&cfg));
    add(TrackChoice::decl(&cfg));
    add(SuggestSummary::decl(&cfg));
    add(ExportPreview::decl(&cfg));
    add(RenderSummary::decl(&cfg));
    add(RenderProblem::decl(&cfg));
    add(VerifyReport::decl(&cfg));
    add(CheckProgress::decl(&cfg));
    add(Leak::decl(&cfg));
    add(FindingKind::decl(&cfg));
    add(Waiver::decl(&cfg));
    add(ExportResult::decl(&cfg));
    add(ManifestEntry::decl(&cfg));
    add(Profile::decl(&cfg));
    add(ProfileState::decl(&cfg));
    add(HomeLock::decl(&cfg));
    add(crate::state::DemoProgress::decl(&cfg));
    add(Verification::decl(&cfg));
    add(Anchored::decl(&cfg));
    add(CommandError::decl(&cfg));
    add(command_type());
    out
}

/// The names of the commands the window may call, from the one list.
fn command_type() -> String {
    let names: Vec<String> = crate::commands::COMMANDS
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect();
    format!("type Command = {};", names.join(" | "))
}

#[test]
fn bindings_match_the_rust_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
    let expected = declarations();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p disclose-desktop bindings`"
    );
}

// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p disclose-desktop bindings`.
// Do not edit by hand.

export type Case = { 
/**
 * The organisation's reference, also the case folder's name.
 */
reference: string, kind: Kind, 
/**
 * Who made the request: the subject, or a representative.
 */
requester: string, subject: Subject, household: Array<HouseholdMember>, received: string, region: Region, 
/**
 * Times the clock stopped while waiting for ID or clarification.
 */
pauses: Array<Pause>, 
/**
 * Extended by two months (complex or numerous requests).
 */
extended: boolean, notes: string, 
/**
 * Whether staff acting in their role are disclosed (the usual answer)
 * rather than suggested for redaction as third parties.
 */
disclose_staff_in_role: boolean, };

export type Kind = "access" | "portability" | "both";

export type Subject = { 
/**
 * Full name as the subject gives it, e.g. "Jane Anne Smith".
 */
name: string, 
/**
 * Other names: former names, nicknames, spellings.
 */
aliases: Array<string>, date_of_birth: string | null, addresses: Array<string>, postcodes: Array<string>, 
/**
 * Tenancy, rent account, UPRN and other reference numbers.
 */
account_refs: Array<string>, ni_number: string | null, phones: Array<string>, emails: Array<string>, };

export type HouseholdMember = { name: string, relationship: string, };

export type Region = "england-wales" | "scotland" | "northern-ireland";

export type Pause = { from: string, to: string, };

export type Deadline = { 
/**
 * When the response is due (the extended date when extended).
 */
due: string, 
/**
 * The one-month due date, after pauses and the working-day roll.
 */
original_due: string, 
/**
 * The extended due date, when extended.
 */
extended_due: string | null, 
/**
 * By when an extension must be notified: the one-month due date.
 */
extension_notice_by: string, 
/**
 * Days the clock stood still, each pause counting both its ends.
 */
paused_days: number, 
/**
 * The due date before it was moved past a weekend or bank holiday.
 */
rolled_from: string | null, region: Region, 
/**
 * The steps, in plain words.
 */
explanation: Array<string>, };

export type CaseOverview = { case: Case, deadline: Deadline, 
/**
 * Days until the due date, negative when overdue; `None` once the
 * case is closed (a closed case is not overdue).
 */
days_left: number | null, 
/**
 * How and when the case ended, once closed.
 */
closure: Closure | null, 
/**
 * Due dates moved by imported holidays or changed rules, oldest first.
 */
due_moves: Array<DueMove>, folder: string, items: number, by_status: { [key in Status]?: number }, by_type: { [key in FileType]?: number }, duplicates: number, review: ReviewProgress, 
/**
 * A purge of the case is under way or was interrupted: it cannot be
 * opened, and `disclose case purge` finishes it.
 */
purging: boolean, 
/**
 * What the user should hear about when opening the case (wide
 * permissions, a missing or damaged index), in words.
 */
warnings: Array<string>, 
/**
 * Why the search index cannot be trusted, if it cannot: the window
 * offers to rebuild it.
 */
index_problem: string | null, };

export type Actor = { 
/**
 * The name set with `whoami --set`, if any.
 */
name: string | null, 
/**
 * The operating-system account, as the system names it.
 */
account: string, 
/**
 * Its user id (Unix), if the system has one.
 */
uid: number | null, };

export type Closure = { closed_on: string, 
/**
 * e.g. `responded`, `withdrawn`, `refused`.
 */
outcome: string, closed_by: string, };

export type PurgedRecord = { reference: string, received: string, due: string, closed_on: string, outcome: string, items: number, audit_entries: number, 
/**
 * The last hash of the case's audit trail.
 */
audit_head: string, purged_on: string, purged_by: string, files_removed: number, 
/**
 * Bundles exported to places outside the case folder: purge cannot
 * reach them, and whoever holds them must delete them.
 */
exports_outside: Array<string>, };

export type DueMove = { reference: string, before: string, after: string, 
/**
 * `holidays` or `rules`.
 */
cause: Cause, 
/**
 * Why, in words.
 */
why: string, 
/**
 * When it was noticed (RFC 3339).
 */
at: string, };

export type Cause = "created" | "changed" | "holidays" | "rules";

export type HolidaysFile = { 
/**
 * Where the imported file is kept; `None` when none was imported.
 */
path: string | null, regions: Array<ImportedRegion>, };

export type ImportedRegion = { region: Region, days: number, 
/**
 * The first and last years listed.
 */
first_year: number | null, last_year: number | null, };

export type HolidaysImport = { file: HolidaysFile, 
/**
 * Open cases whose due date moved.
 */
moved: Array<DueMove>, };

export type CaseInput = { case: Case, };

export type Problem = { field: CaseField, message: string, };

export type CaseField = "reference" | "received" | "pauses" | "subject.name" | "subject.date_of_birth" | "subject.ni_number" | "subject.emails" | "subject.postcodes" | "subject.phones";

export type ReviewProgress = { 
/**
 * Items to review: everything imported.
 */
total: number, decided: number, 
/**
 * Current decisions by kind.
 */
by_decision: { [key in Decision]?: number }, };

export type ImportSummary = { 
/**
 * Files found under the given paths (a container counts once).
 */
inputs: number, 
/**
 * Inputs already in the case from an earlier run, skipped.
 */
already_imported: number, 
/**
 * Items stored by this run, children included.
 */
items: number, ok: number, partial: number, failed: number, 
/**
 * Items whose bytes (or Message-ID) match an earlier item: grouped
 * with it and not indexed again. Counted in ok/partial/failed too.
 */
duplicates: number, 
/**
 * Bytes of the inputs processed.
 */
bytes: number, 
/**
 * Items that failed, with the reason.
 */
failures: Array<[string, string]>, 
/**
 * Items re-indexed after an interrupted run.
 */
reindexed: number, 
/**
 * Whether the run was cancelled before the end.
 */
cancelled: boolean, 
/**
 * Threads and near-duplicates across the whole case after this run.
 */
grouping: GroupingSummary, 
/**
 * What OCR read after the import.
 */
ocr: OcrSummary, 
/**
 * Items still waiting for OCR (Tesseract missing, OCR off, or cancelled).
 */
ocr_pending: number, 
/**
 * Recordings whose transcription carried on from the parts an
 * earlier, cancelled or killed import had finished.
 */
resumed: Array<Resumed>, };

export type GroupingSummary = { threads: number, emails: number, inclusive: number, near_duplicate_groups: number, near_duplicates: number, };

export type OcrSummary = { items: number, pages: number, failed: number, low_confidence_pages: number, cancelled: boolean, };

export type Resumed = { path: string, 
/**
 * Parts (of at most 30 s of one side) taken as the earlier run left
 * them, not transcribed again.
 */
parts: number, 
/**
 * Where the transcription resumed from: the seconds of sound those
 * parts hold (both sides counted on a call recorded apart).
 */
resumed_from: number, };

export type ProgressEvent = { "event": "found", files: number, bytes: number, already_imported: number, } | { "event": "file_started", path: string, bytes: number, } | { "event": "file_done", path: string, items: number, failed: number, } | { "event": "items_stored", path: string, items: number, failed: number, } | { "event": "transcribing", path: string, seconds: number, of: number, } | { "event": "indexed", items: number, };

export type ImportProgress = { event: ProgressEvent, };

export type SearchResults = { query: string, 
/**
 * All matching items, not just this page.
 */
hits: number, results: Array<SearchHit>, };

export type SearchHit = { item: number, path: string, type: FileType, date: string | null, score: number, 
/**
 * A passage around the best match.
 */
snippet: string, 
/**
 * Byte ranges of the matched words within `snippet`.
 */
highlights: Array<[number, number]>, 
/**
 * Where `snippet` starts in the item's text, so `highlights` can be
 * mapped back to the whole text.
 */
snippet_offset: number, };

export type SortBy = "relevance" | "date";

export type Facets = { types: Array<FacetValue>, senders: Array<FacetValue>, 
/**
 * Months as YYYY-MM, newest first.
 */
months: Array<FacetValue>, };

export type FacetValue = { value: string, count: number, 
/**
 * What to add to the query to keep only these items.
 */
clause: string, };

export type SweepReport = { identifiers: Array<IdentifierHits>, 
/**
 * Distinct items hit by any identifier.
 */
items_hit: number, };

export type IdentifierHits = { kind: SubjectField, value: string, 
/**
 * The query actually run.
 */
query: string, items: Array<ItemHits>, };

export type SubjectField = "name" | "alias" | "date_of_birth" | "address" | "postcode" | "account_ref" | "ni_number" | "phone" | "email";

export type ItemHits = { item: number, path: string, 
/**
 * Occurrences found in the item's text (0 when the hit was only in
 * metadata such as a file name or header).
 */
count: number, 
/**
 * Byte ranges in the item's text.
 */
locations: Array<[number, number]>, snippet: string, };

export type ItemRow = { id: number, parent: number | null, path: string, name: string, sha256: string, size: number, type: FileType, status: Status, reason: string | null, duplicate_of: number | null, message_id: string | null, date: string | null, file_modified: string | null, metadata: { [key in string]: string }, text_bytes: number, imported_at: string, imported_by: string, 
/**
 * The conversation the email belongs to (the id of its first item).
 */
thread_id: number | null, 
/**
 * Whether the email must be read to see the whole thread.
 */
inclusive: boolean | null, 
/**
 * The first item of a group of near-identical documents.
 */
near_dup_of: number | null, };

export type FileType = "email" | "mbox" | "pdf" | "docx" | "odt" | "odp" | "xlsx" | "xls" | "ods" | "csv" | "json" | "html" | "rtf" | "text" | "zip" | "image" | "doc" | "ppt" | "msg" | "ole" | "pptx" | "pst" | "contact" | "calendar" | "task" | "audio" | "video" | "binary";

export type Status = "ok" | "partial" | "failed";

export type ItemBrief = { id: number, name: string, path: string, type: FileType, date: string | null, from: string | null, };

export type ItemDetail = { item: ItemRow, text: string, pages: Array<Page>, records: Array<RecordTable>, parent: ItemBrief | null, children: Array<ItemBrief>, 
/**
 * The conversation this item belongs to, oldest first (itself included).
 */
thread: Array<ItemBrief>, decision: DecisionRecord | null, 
/**
 * Whether the original can be shown (PDF, image) or played (a
 * recording) in the viewer.
 */
viewable: boolean, };

export type Page = { 
/**
 * 1-based page number.
 */
number: number, 
/**
 * Page size in PDF points (1/72 inch).
 */
width: number, height: number, 
/**
 * The words on the page, in text order.
 */
words: Array<Word>, };

export type Word = { 
/**
 * Byte range of the word in [`Extracted::text`].
 */
start: number, end: number, 
/**
 * `[x0, y0, x1, y1]` in points, origin at the page's top-left corner,
 * y growing downwards.
 */
bbox: [number, number, number, number], };

export type RecordTable = { 
/**
 * Sheet name; the file name for CSV.
 */
name: string, 
/**
 * Hidden sheets are extracted too and marked.
 */
hidden: boolean, columns: Array<string>, rows: Array<Array<string>>, 
/**
 * Rows hidden in the sheet (indexes into `rows`).
 */
hidden_rows: Array<number>, 
/**
 * Columns hidden in the sheet (indexes into `columns` and each row).
 */
hidden_columns: Array<number>, };

export type Decision = "disclose" | "redact" | "withhold" | "not-relevant" | "duplicate";

export type DecisionRecord = { item_id: number, decision: Decision, reason: string | null, note: string, decided_at: string, decided_by: string, };

export type Reason = { code: string, label: string, citation: string, };

export type ReviewRow = { item: ItemBrief, status: Status, decision: Decision | null, reason: string | null, };

export type ReviewPage = { 
/**
 * Items in the case.
 */
total: number, 
/**
 * Items with a decision.
 */
decided: number, 
/**
 * Items in the list asked for: every item, or the undecided ones.
 */
listed: number, 
/**
 * Where in that list the first undecided item is, if there is one.
 */
first_undecided: number | null, 
/**
 * Where in that list `rows` start.
 */
offset: number, rows: Array<ReviewRow>, };

export type Mark = { id: number, item_id: number, target: Target, 
/**
 * The text under the mark (for areas, the words inside it, if known).
 */
text: string, 
/**
 * What was found (`person_name`, `phone`, ...), or `manual` / `term`.
 */
kind: DataKind, whose: Whose, 
/**
 * A key grouping the marks of one person (empty when not a person).
 */
person: string, reason: string, confidence: number | null, source: MarkSource, status: MarkStatus, created_at: string, created_by: string, decided_at: string | null, decided_by: string | null, 
/**
 * Where the mark sits on the item's pages (PDFs and OCR'd images):
 * its area, or the boxes of the words under its text. Filled in by
 * [`Store::place`]; empty otherwise.
 */
boxes: Array<PageBox>, };

export type Target = { "type": "text", start: number, end: number, } | { "type": "area", page: number, rect: [number, number, number, number], };

export type PageBox = { page: number, rect: [number, number, number, number], };

export type MarkStatus = "suggested" | "accepted" | "rejected" | "removed";

export type DataKind = "ni_number" | "postcode" | "phone" | "email" | "nhs_number" | "card_number" | "sort_code" | "account_number" | "date_of_birth" | "vehicle_reg" | "passport_number" | "driving_licence" | "social_handle" | "register_number" | "address_line" | "person_name" | "manual" | "term" | "face";

export type Whose = "subject" | "household" | "staff" | "organisation" | "third_party" | "unknown";

export type MarkSource = "detect" | "manual" | "everywhere";

export type MarkSelection = { 
/**
 * These marks.
 */
ids: Array<number>, 
/**
 * Or every suggestion for this person (a key from a mark's `person`).
 */
person: string | null, 
/**
 * Or every suggestion of this kind.
 */
kind: DataKind | null, };

export type SuggestionGroup = { 
/**
 * The person's key, or empty for a group of one kind.
 */
person: string, kind: DataKind, whose: Whose, count: number, items: number, 
/**
 * A few of the texts found, to recognise the group by.
 */
examples: Array<string>, };

export type VideoView = { item: number, 
/**
 * Seconds handled (the video's length, at most an hour).
 */
duration: number, 
/**
 * Samples a second; sample `k` lies at `k / rate` seconds.
 */
rate: number, 
/**
 * Samples in all.
 */
samples: number, 
/**
 * The frame's size in pixels (the boxes' units).
 */
width: number, height: number, 
/**
 * Face tracks, in the order they first appear.
 */
tracks: Array<FaceTrack>, 
/**
 * The samples shown as thumbnails: spread evenly over the video.
 */
keyframes: Array<number>, };

export type FaceTrack = { 
/**
 * `face-N` (or `plate-N`).
 */
person: string, choice: TrackChoice, 
/**
 * Seconds from the start: the first and last sample it is seen on.
 */
start: number, end: number, 
/**
 * Its faces, by sample.
 */
faces: Array<TrackFace>, };

export type TrackFace = { 
/**
 * The sample (0-based; page `sample + 1`).
 */
sample: number, 
/**
 * The box in the video's pixels.
 */
rect: [number, number, number, number], 
/**
 * The mark that holds it, and its status.
 */
mark: number, status: MarkStatus, };

export type TrackChoice = "undecided" | "keep" | "blur" | "mixed";

export type SuggestSummary = { items: number, findings: number, 
/**
 * Findings by whose data they are.
 */
by_whose: { [key in Whose]?: number }, 
/**
 * New suggestions stored by this run.
 */
suggested: number, 
/**
 * Face tracks found in videos not looked at before (each suggested
 * for blurring as one mark a sampled frame; see `crate::cctv`).
 */
face_tracks: number, 
/**
 * Videos whose faces could not be looked for, with the reason.
 */
not_looked_at: Array<string>, 
/**
 * Stopped before the end: the suggestions found so far are stored,
 * and the next run looks at everything again, adding only what is new.
 */
cancelled: boolean, };

export type ExportPreview = { blockers: Array<string>, 
/**
 * Items to disclose whose redacted copy is missing or stale (the
 * wizard offers to render them, [`render_case`]).
 */
unrendered: number, preview: ExportResult | null, };

export type RenderSummary = { 
/**
 * Items whose decision is disclose or redact.
 */
items: number, rendered: number, 
/**
 * Already rendered from the current marks.
 */
up_to_date: number, redactions: number, pages: number, 
/**
 * Pages whose pictures were kept from an earlier render (only other
 * pages' marks had changed).
 */
reused_pages: number, failures: Array<RenderProblem>, 
/**
 * Stopped before the end: what was rendered is kept, and the next
 * run renders the rest.
 */
cancelled: boolean, };

export type RenderProblem = { item_id: number, reason: string, };

export type VerifyReport = { files: number, 
/**
 * Top-level files read, drawn and OCR'd by this check.
 */
read: number, 
/**
 * Top-level files whose stored check still held, so were not read.
 */
reused: number, 
/**
 * Redacted strings looked for.
 */
redactions: number, 
/**
 * What still stops the export.
 */
leaks: Array<Leak>, 
/**
 * Findings the caseworker recorded as "not this person".
 */
waived: Array<Leak>, clean: boolean, };

export type CheckProgress = { done: number, total: number, };

export type Leak = { 
/**
 * The produced file (and entry inside it, after `!`).
 */
file: string, 
/**
 * `text`, `metadata`, `file name`, `raw bytes`, `unreadable`.
 */
place: string, kind: FindingKind, 
/**
 * What was found.
 */
found: string, 
/**
 * The text around it, as the reader sees it.
 */
context: string, 
/**
 * The redaction it comes from.
 */
redacted: string, 
/**
 * The item the redaction was made in.
 */
item_id: number | null, 
/**
 * The item the produced file is the copy of, when it is one.
 */
in_item: number | null, 
/**
 * Whether it may be recorded as "not this person" instead of redacted.
 */
waivable: boolean, };

export type FindingKind = "whole" | "word" | "fragment" | "near" | "pixels" | "unreadable";

export type Waiver = { id: number, 
/**
 * The word found (lower case).
 */
found: string, 
/**
 * The redacted string it was taken for.
 */
redacted: string, reason: string, waived_at: string, waived_by: string, };

export type ExportResult = { path: string, 
/**
 * The zip's SHA-256 (empty on a dry run).
 */
sha256: string, 
/**
 * Documents disclosed (with or without redactions).
 */
items: number, withheld: number, dry_run: boolean, encrypted: boolean, 
/**
 * Shown once, never stored; only when encrypted.
 */
passphrase: string | null, files: Array<ManifestEntry>, };

export type ManifestEntry = { 
/**
 * Path inside the zip.
 */
path: string, bytes: number, sha256: string, };

export type Profile = { 
/**
 * The controller's legal name.
 */
name: string, 
/**
 * Postal address, one line per entry.
 */
address: Array<string>, 
/**
 * The ICO registration number: `Z` and seven digits, or `ZA`/`ZB` and six.
 */
ico_registration: string, 
/**
 * How to reach the Data Protection Officer (name, email, address).
 */
dpo_contact: string, 
/**
 * Who signs the response letter, and their role.
 */
signatory: string, 
/**
 * Art. 15(1)(a): why the data is processed, with the lawful basis.
 */
purposes: Array<string>, 
/**
 * Art. 15(1)(b): the categories of personal data held.
 */
categories: Array<string>, 
/**
 * Art. 15(1)(c): who the data is shared with.
 */
recipients: Array<string>, 
/**
 * Art. 15(1)(d): how long data is kept, or the criteria.
 */
retention: Array<string>, 
/**
 * Art. 15(1)(g): where the data came from when not from the person.
 */
sources: Array<string>, 
/**
 * Art. 15(1)(h): automated decision-making, including profiling.
 */
automated_decisions: string, 
/**
 * Art. 15(2): safeguards for transfers outside the UK.
 */
international_transfers: string, 
/**
 * Art. 15(1)(e): the person's rights, in plain words.
 */
rights: Array<string>, 
/**
 * Art. 15(1)(f): how to complain to the ICO.
 */
complaint_route: string, };

export type ProfileState = { profile: Profile, saved: boolean, problems: Array<string>, };

export type HomeLock = { home: string, encrypted: boolean, unlocked: boolean, 
/**
 * The demo case being made on first start (until the window is
 * restarted), or none.
 */
demo: DemoProgress | null, };

export type DemoProgress = { done: boolean, 
/**
 * Files to import and imported so far.
 */
files: number, files_done: number, items: number, 
/**
 * Why the demo case could not be made.
 */
error: string | null, };

export type Verification = { entries: number, intact: boolean, 
/**
 * The first entry whose hash or link does not match, and why.
 */
broken_at: number | null, problem: string | null, 
/**
 * What the home's registry of cases holds for this trail, when it was
 * compared.
 */
anchored: Anchored | null, };

export type Anchored = { entries: number, head: string, };

export type CommandError = { 
/**
 * invalid, not_found, exists, query, database, index, io, extract,
 * cancelled, locked (an encrypted home not unlocked) or internal.
 */
code: string, message: string, };

export type Command = "list_cases" | "create_case" | "validate_case" | "case_overview" | "update_subject" | "import_files" | "cancel_import" | "failed_items" | "sweep_case" | "reindex_case" | "get_whoami" | "set_whoami" | "search_case" | "search_facets" | "saved_searches" | "save_search" | "item_detail" | "item_original" | "review_page" | "decide_items" | "decision_reasons" | "item_marks" | "add_mark" | "set_marks" | "redact_everywhere" | "detect_case" | "suggestion_groups" | "item_rendition" | "render_case" | "cancel_work" | "video_view" | "video_frame" | "choose_track" | "export_preview" | "export_check" | "cancel_export_check" | "export_bundle" | "not_this_person" | "redact_finding" | "get_profile" | "save_profile" | "holidays_state" | "import_holidays" | "purged_cases" | "home_lock" | "unlock_home";

// Typed calls to the desktop shell's commands. Types come from
// bindings.ts, generated from the Rust types.

import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  Actor,
  Case,
  CheckProgress,
  CaseOverview,
  Command,
  CommandError,
  Decision,
  ExportPreview,
  ExportResult,
  Facets,
  HolidaysFile,
  HolidaysImport,
  HomeLock,
  ImportProgress,
  ImportSummary,
  ItemDetail,
  ItemRow,
  Mark,
  MarkSelection,
  MarkStatus,
  Problem,
  Profile,
  Waiver,
  ProfileState,
  PurgedRecord,
  Reason,
  ReviewProgress,
  RenderSummary,
  ReviewPage,
  SearchResults,
  SortBy,
  TrackChoice,
  VideoView,
  Subject,
  SuggestionGroup,
  SuggestSummary,
  Target,
  SweepReport,
  VerifyReport,
} from "./bindings";

/** A command's failure, carrying the shell's code and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(command: Command, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    const err = e as Partial<CommandError> | string;
    if (typeof err === "string") throw new ApiError("internal", err);
    throw new ApiError(err.code ?? "internal", err.message ?? String(e));
  }
}

export const api = {
  listCases: () => call<CaseOverview[]>("list_cases"),
  createCase: (c: Case) => call<CaseOverview>("create_case", { input: { case: c } }),
  validateCase: (c: Case) => call<Problem[]>("validate_case", { input: { case: c } }),
  caseOverview: (reference: string) => call<CaseOverview>("case_overview", { reference }),
  updateSubject: (reference: string, subject: Subject) => call<CaseOverview>("update_subject", { reference, subject }),
  sweep: (reference: string) => call<SweepReport>("sweep_case", { reference }),
  reindexCase: (reference: string) => call<CaseOverview>("reindex_case", { reference }),
  whoami: () => call<Actor>("get_whoami"),
  setWhoami: (name: string) => call<Actor>("set_whoami", { name }),
  importFiles: (reference: string, paths: string[], onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call<ImportSummary>("import_files", { reference, paths, onProgress: channel });
  },
  cancelImport: () => call<void>("cancel_import"),
  failedItems: (reference: string) => call<ItemRow[]>("failed_items", { reference }),
  search: (reference: string, query: string, sort: SortBy, offset: number, limit: number) =>
    call<SearchResults>("search_case", { reference, query, sort, offset, limit }),
  facets: (reference: string, query: string) => call<Facets>("search_facets", { reference, query }),
  savedSearches: (reference: string) => call<string[]>("saved_searches", { reference }),
  saveSearch: (reference: string, query: string) => call<void>("save_search", { reference, query }),
  item: (reference: string, id: number) => call<ItemDetail>("item_detail", { reference, id }),
  original: (reference: string, id: number) => call<ArrayBuffer>("item_original", { reference, id }),
  reviewPage: (reference: string, onlyUndecided: boolean, offset: number, limit: number) =>
    call<ReviewPage>("review_page", { reference, onlyUndecided, offset, limit }),
  decide: (reference: string, items: number[], decision: Decision, reason: string | null, note: string) =>
    call<ReviewProgress>("decide_items", { reference, items, decision, reason, note }),
  reasons: () => call<Reason[]>("decision_reasons"),
  marks: (reference: string, id: number) => call<Mark[]>("item_marks", { reference, id }),
  addMark: (reference: string, id: number, target: Target, reason: string) => call<Mark[]>("add_mark", { reference, id, target, reason }),
  setMarks: (reference: string, selection: MarkSelection, status: MarkStatus) => call<number>("set_marks", { reference, selection, status }),
  redactEverywhere: (reference: string, term: string, reason: string) => call<number>("redact_everywhere", { reference, term, reason }),
  detectCase: (reference: string, onProgress: (p: CheckProgress) => void) => {
    const channel = new Channel<CheckProgress>();
    channel.onmessage = onProgress;
    return call<SuggestSummary>("detect_case", { reference, onProgress: channel });
  },
  suggestionGroups: (reference: string) => call<SuggestionGroup[]>("suggestion_groups", { reference }),
  rendition: (reference: string, id: number) => call<ArrayBuffer>("item_rendition", { reference, id }),
  renderCase: (reference: string, onProgress: (p: CheckProgress) => void) => {
    const channel = new Channel<CheckProgress>();
    channel.onmessage = onProgress;
    return call<RenderSummary>("render_case", { reference, onProgress: channel });
  },
  cancelWork: () => call<void>("cancel_work"),
  videoView: (reference: string, id: number) => call<VideoView>("video_view", { reference, id }),
  videoFrame: (reference: string, id: number, sample: number, asDisclosed = false) => call<ArrayBuffer>("video_frame", { reference, id, sample, asDisclosed }),
  chooseTrack: (reference: string, id: number, person: string, choice: TrackChoice) => call<VideoView>("choose_track", { reference, id, person, choice }),
  exportPreview: (reference: string) => call<ExportPreview>("export_preview", { reference }),
  exportCheck: (reference: string, onProgress: (p: CheckProgress) => void) => {
    const channel = new Channel<CheckProgress>();
    channel.onmessage = onProgress;
    return call<VerifyReport>("export_check", { reference, onProgress: channel });
  },
  cancelExportCheck: () => call<void>("cancel_export_check"),
  exportBundle: (reference: string, out: string, encrypt: boolean) => call<ExportResult>("export_bundle", { reference, out, encrypt }),
  notThisPerson: (reference: string, found: string, redacted: string, reason: string) =>
    call<Waiver>("not_this_person", { reference, found, redacted, reason }),
  redactFinding: (reference: string, found: string, reason: string) => call<number>("redact_finding", { reference, found, reason }),
  profile: () => call<ProfileState>("get_profile"),
  saveProfile: (profile: Profile) => call<ProfileState>("save_profile", { profile }),
  holidays: () => call<HolidaysFile>("holidays_state"),
  homeLock: () => call<HomeLock>("home_lock"),
  unlockHome: (passphrase: string) => call<HomeLock>("unlock_home", { passphrase }),
  importHolidays: (path: string) => call<HolidaysImport>("import_holidays", { path }),
  purgedCases: () => call<PurgedRecord[]>("purged_cases"),
};

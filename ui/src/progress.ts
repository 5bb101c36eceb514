// Folding the import's progress events into what the import screen shows.

import type { ProgressEvent } from "./bindings";

export interface ImportState {
  files: number;
  filesDone: number;
  bytes: number;
  bytesDone: number;
  alreadyImported: number;
  current: string;
  items: number;
  failed: number;
  indexed: boolean;
  /** A recording being transcribed: which, and seconds heard of all. */
  transcribing: { path: string; seconds: number; of: number } | null;
}

export function initialImportState(): ImportState {
  return { files: 0, filesDone: 0, bytes: 0, bytesDone: 0, alreadyImported: 0, current: "", items: 0, failed: 0, indexed: false, transcribing: null };
}

/** The state after `event`; `sizes` remembers each started file's size. */
export function foldProgress(state: ImportState, event: ProgressEvent, sizes: Map<string, number>): ImportState {
  switch (event.event) {
    case "found":
      return { ...state, files: event.files, bytes: event.bytes, alreadyImported: event.already_imported };
    case "file_started":
      sizes.set(event.path, event.bytes);
      return { ...state, current: event.path };
    case "file_done": {
      const size = sizes.get(event.path) ?? 0;
      sizes.delete(event.path);
      return {
        ...state,
        transcribing: state.transcribing?.path === event.path ? null : state.transcribing,
        filesDone: state.filesDone + 1,
        bytesDone: state.bytesDone + size,
        items: event.items,
        failed: event.failed,
      };
    }
    case "items_stored":
      return { ...state, current: event.path, items: event.items, failed: event.failed };
    case "transcribing":
      return { ...state, transcribing: { path: event.path, seconds: event.seconds, of: event.of } };
    case "indexed":
      return { ...state, indexed: true, current: "", transcribing: null };
  }
  return state;
}

/** Seconds as `m:ss`. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** How far a transcription has got, in words: `Transcribing call.mp3: 3:20 of 40:00`. */
export function transcribingText(t: { path: string; seconds: number; of: number }): string {
  return `Transcribing ${t.path}: ${clockText(t.seconds)} of ${clockText(t.of)} heard`;
}

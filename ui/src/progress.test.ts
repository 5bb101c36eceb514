import { describe, expect, it } from "vitest";
import { clockText, foldProgress, initialImportState, transcribingText } from "./progress";
import type { ProgressEvent } from "./bindings";

describe("import progress", () => {
  it("counts files, bytes, items and failures as events arrive", () => {
    const sizes = new Map<string, number>();
    const events: ProgressEvent[] = [
      { event: "found", files: 2, bytes: 300, already_imported: 1 },
      { event: "file_started", path: "a.pdf", bytes: 100 },
      { event: "file_started", path: "b.eml", bytes: 200 },
      { event: "file_done", path: "b.eml", items: 3, failed: 0 },
      { event: "file_done", path: "a.pdf", items: 4, failed: 1 },
      { event: "indexed", items: 4 },
    ];
    let state = initialImportState();
    const seen = events.map((e) => (state = foldProgress(state, e, sizes)));
    expect(seen[2]?.current).toBe("b.eml");
    expect(seen[3]).toMatchObject({ filesDone: 1, bytesDone: 200, items: 3, failed: 0 });
    expect(state).toMatchObject({ files: 2, filesDone: 2, bytes: 300, bytesDone: 300, items: 4, failed: 1, alreadyImported: 1, indexed: true, current: "" });
    expect(sizes.size).toBe(0);
  });

  it("counts a mailbox's messages as they are stored and the mailbox once, when read", () => {
    const sizes = new Map<string, number>();
    const events: ProgressEvent[] = [
      { event: "found", files: 1, bytes: 5000, already_imported: 0 },
      { event: "file_started", path: "team.pst", bytes: 5000 },
      { event: "items_stored", path: "team.pst", items: 65, failed: 0 },
      { event: "items_stored", path: "team.pst", items: 129, failed: 2 },
      { event: "file_done", path: "team.pst", items: 140, failed: 2 },
    ];
    let state = initialImportState();
    const seen = events.map((e) => (state = foldProgress(state, e, sizes)));
    expect(seen[3]).toMatchObject({ filesDone: 0, items: 129, failed: 2, current: "team.pst" });
    expect(state).toMatchObject({ files: 1, filesDone: 1, bytesDone: 5000, items: 140 });
  });

  it("shows how far a long transcription has got, until its file is done", () => {
    const sizes = new Map<string, number>();
    let state = initialImportState();
    state = foldProgress(state, { event: "file_started", path: "call.mp3", bytes: 10 }, sizes);
    state = foldProgress(state, { event: "transcribing", path: "call.mp3", seconds: 200.4, of: 2400 }, sizes);
    expect(state.transcribing).toEqual({ path: "call.mp3", seconds: 200.4, of: 2400 });
    expect(transcribingText(state.transcribing!)).toBe("Transcribing call.mp3: 3:20 of 40:00 heard");
    expect(clockText(27.9)).toBe("0:27");
    state = foldProgress(state, { event: "file_done", path: "call.mp3", items: 1, failed: 0 }, sizes);
    expect(state.transcribing).toBeNull();
  });
});

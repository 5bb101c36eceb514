// Import: choose files or folders (native picker, drag and drop, or a typed
// path), watch the import live, cancel it, and see what failed and why.

import { open } from "@tauri-apps/plugin-dialog";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { api } from "../api";
import type { ImportSummary } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { bytesText } from "../format";
import { clockText, foldProgress, initialImportState, transcribingText, type ImportState } from "../progress";
import { routeHash } from "../router";
import type { Cleanup } from "../main";

export async function importScreen(main: HTMLElement, ref: string): Promise<Cleanup> {
  let running = false;
  const progressSlot = h("section", { class: "panel", id: "import-progress", "aria-live": "polite", hidden: true });
  const resultSlot = h("div", { id: "import-result" });
  const pathInput = h("input", { id: "import-path", type: "text", placeholder: "/home/me/exports/mailbox", autocomplete: "off" });
  const drop = h(
    "div",
    { class: "dropzone", id: "dropzone" },
    h("p", {}, "Drop files or folders here"),
    h("p", { class: "muted" }, "Emails (EML, MBOX, MSG), PDFs, Office and OpenDocument files, spreadsheets, images and scans, ZIP archives."),
  );

  const start = async (paths: string[]) => {
    if (running || paths.length === 0) return;
    running = true;
    replace(resultSlot);
    progressSlot.hidden = false;
    let state = initialImportState();
    const sizes = new Map<string, number>();
    const cancel = h("button", { type: "button", class: "button danger", id: "cancel-import", onclick: () => void api.cancelImport() }, "Cancel import");
    const draw = () => renderProgress(progressSlot, state, cancel);
    draw();
    let frame = 0;
    try {
      const summary = await api.importFiles(ref, paths, (p) => {
        state = foldProgress(state, p.event, sizes);
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
      });
      cancelAnimationFrame(frame);
      state = { ...state, current: "" };
      renderProgress(progressSlot, state, null);
      renderSummary(resultSlot, ref, summary);
      announce(summary.cancelled ? "Import cancelled" : "Import finished");
    } catch (e) {
      cancelAnimationFrame(frame);
      replace(resultSlot, notice("error", errorText(e)));
    } finally {
      running = false;
    }
  };

  const pickFiles = async (directory: boolean) => {
    const chosen = await open({ multiple: true, directory, title: directory ? "Choose folders to import" : "Choose files to import" });
    if (chosen) void start(Array.isArray(chosen) ? chosen : [chosen]);
  };

  const form = h(
    "form",
    { class: "path-form", id: "import-path-form" },
    h("label", { for: "import-path" }, "Or type the path of a file or folder"),
    h("div", { class: "inline" }, pathInput, h("button", { type: "submit", class: "button" }, "Import")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const path = pathInput.value.trim();
    if (path) void start([path]);
  });

  replace(
    main,
    h("div", { class: "screen-head" }, h("h1", {}, `Import into ${ref}`)),
    h(
      "section",
      { class: "panel" },
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "button primary", onclick: () => void pickFiles(false) }, "Choose files…"),
        h("button", { type: "button", class: "button", onclick: () => void pickFiles(true) }, "Choose a folder…"),
      ),
      drop,
      form,
      h("p", { class: "hint" }, "Files already in the case are skipped, so an interrupted import can simply be run again."),
    ),
    progressSlot,
    resultSlot,
  );
  main.focus();

  let unlisten: (() => void) | undefined;
  try {
    unlisten = await getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      drop.classList.toggle("dragging", p.type === "over" || p.type === "enter");
      if (p.type === "drop") void start(p.paths);
    });
  } catch {
    drop.append(h("p", { class: "muted" }, "Drag and drop is not available here; use the buttons."));
  }
  return () => unlisten?.();
}

function renderProgress(slot: HTMLElement, s: ImportState, cancel: HTMLElement | null): void {
  const done = s.indexed && !cancel;
  replace(
    slot,
    h("h2", {}, done ? "Import finished" : "Importing…"),
    h("progress", { max: Math.max(s.bytes, 1), value: s.bytesDone, "aria-label": "Import progress" }),
    h(
      "dl",
      { class: "facts inline-facts" },
      h("dt", {}, "Files"),
      h("dd", { id: "progress-files" }, `${s.filesDone} of ${s.files}`),
      h("dt", {}, "Size"),
      h("dd", {}, `${bytesText(s.bytesDone)} of ${bytesText(s.bytes)}`),
      h("dt", {}, "Items stored"),
      h("dd", {}, String(s.items)),
      h("dt", {}, "Could not be read"),
      h("dd", { id: "progress-failed" }, String(s.failed)),
      s.alreadyImported > 0 ? [h("dt", {}, "Already in the case"), h("dd", {}, String(s.alreadyImported))] : null,
    ),
    s.current ? h("p", { class: "current-file" }, "Reading ", h("code", {}, s.current)) : null,
    s.transcribing
      ? h(
          "p",
          { class: "current-file", id: "progress-transcribing" },
          transcribingText(s.transcribing),
          h("progress", { max: Math.max(s.transcribing.of, 1), value: s.transcribing.seconds, "aria-label": "Transcription progress" }),
          cancel ? [" ", cancel, " Cancel keeps the parts finished; importing the recording again carries on from there."] : null,
        )
      : null,
    // While a recording is transcribed, Cancel sits on its progress.
    s.transcribing ? null : cancel,
  );
}

function renderSummary(slot: HTMLElement, ref: string, s: ImportSummary): void {
  replace(
    slot,
    h(
      "section",
      { class: "panel", id: "import-summary" },
      h("h2", {}, s.cancelled ? "Import cancelled: what was stored is kept" : "Summary"),
      h(
        "p",
        { id: "summary-line" },
        `${s.items} items from ${s.inputs} files: ${s.ok} read, ${s.partial} partly read, ${s.failed} failed, ${s.duplicates} duplicates.`,
      ),
      s.ocr.items > 0 ? h("p", {}, `OCR read ${s.ocr.pages} pages of ${s.ocr.items} scans and images.`) : null,
      s.ocr_pending > 0 ? h("p", { class: "muted" }, `${s.ocr_pending} images or scans wait for OCR (Tesseract not installed).`) : null,
      s.resumed.map((r) =>
        h(
          "p",
          { class: "resumed" },
          h("code", {}, r.path),
          `: transcription resumed from ${clockText(r.resumed_from)} (${r.parts} parts heard by an earlier import).`,
        ),
      ),
      s.cancelled ? h("p", { class: "muted" }, "Import the same files again to finish: a recording cut short carries on from its finished parts.") : null,
      s.failures.length > 0
        ? [
            h("h3", {}, "Failed"),
            h(
              "ul",
              { class: "failures" },
              s.failures.map(([path, reason]) => h("li", {}, h("code", {}, path), `: ${reason}`)),
            ),
          ]
        : null,
      h(
        "div",
        { class: "actions" },
        h("a", { class: "button primary", href: routeHash({ screen: "search", ref, query: "" }) }, "Search the case"),
        h("a", { class: "button", href: routeHash({ screen: "overview", ref }) }, "Overview"),
      ),
    ),
  );
}

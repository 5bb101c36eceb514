// The export wizard: what still stops the export (undecided items, items
// not rendered — rendered here with progress and a Cancel — an incomplete
// organisation profile), else at once a
// preview of every file the bundle will hold, listed from the case's
// records; then the leak check of what is new (letter, schedule, data,
// names, renditions not checked before), with progress and a cancel, and
// its findings to resolve; then where to save the bundle and whether to
// encrypt it, and the passphrase — shown once.

import { save } from "@tauri-apps/plugin-dialog";
import { api, ApiError } from "../api";
import type { ExportResult, Leak } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { bytesText } from "../format";
import { checkText, type CheckState } from "../leakcheck";
import { routeHash } from "../router";
import { workPanel } from "../work";
import type { Cleanup } from "../main";

export async function exportScreen(main: HTMLElement, ref: string): Promise<Cleanup | void> {
  const { blockers, preview, unrendered: count } = await api.exportPreview(ref);
  const unrendered = Number(count);
  const head = h("div", { class: "screen-head" }, h("h1", {}, "Export the response"));
  const again = () => void exportScreen(main, ref);
  if (!preview) {
    replace(
      main,
      head,
      h(
        "section",
        { class: "panel", id: "export-blockers", "aria-labelledby": "blockers-h" },
        h("h2", { id: "blockers-h" }, "Not ready yet"),
        h(
          "ul",
          {},
          blockers.map((b) => h("li", {}, b)),
        ),
        unrendered > 0 ? renderPanel(ref, unrendered, again) : null,
        h(
          "p",
          {},
          h("a", { href: routeHash({ screen: "review", ref }) }, "Go to review"),
          " · ",
          h("a", { href: routeHash({ screen: "organisation" }) }, "Organisation profile"),
        ),
      ),
    );
    return;
  }
  const encrypt = h("input", { type: "checkbox", id: "export-encrypt", checked: true });
  const path = h("input", { type: "text", id: "export-path", "aria-label": "Where to save the bundle", value: "", placeholder: `/home/you/${ref}.zip` });
  const result = h("div", { id: "export-result" });
  const go = h("button", { type: "submit", class: "button primary", id: "export-go", disabled: true }, "Export");
  const choose = async () => {
    const chosen = await save({ defaultPath: `${ref}.zip`, filters: [{ name: "Zip", extensions: ["zip"] }] });
    if (chosen) path.value = chosen;
  };
  const run = async (event: Event) => {
    event.preventDefault();
    const out = path.value.trim();
    if (!out) {
      replace(result, notice("error", "Choose where to save the bundle."));
      return;
    }
    replace(result, h("p", { class: "muted", role: "status" }, "Writing the bundle…"));
    try {
      showResult(result, await api.exportBundle(ref, out, encrypt.checked));
      announce("Bundle written.");
    } catch (e) {
      replace(result, notice("error", errorText(e)));
    }
  };
  const form = h(
    "form",
    { class: "panel export-form", id: "export-form" },
    h("h2", {}, "Save"),
    h(
      "div",
      { class: "field" },
      h("label", { for: "export-path" }, "Bundle file"),
      h("div", { class: "row" }, path, h("button", { type: "button", class: "button", onclick: () => void choose() }, "Choose…")),
    ),
    h(
      "div",
      { class: "field checkbox" },
      encrypt,
      h("label", { for: "export-encrypt" }, "Encrypt with AES-256 and a passphrase (recommended; send the passphrase separately)"),
    ),
    go,
    result,
  );
  form.addEventListener("submit", (e) => void run(e));

  // The leak check, after the preview is on screen.
  const status = h("p", { id: "export-check-status", role: "status" });
  const actions = h("div", { class: "row" });
  const found = h("div", {});
  let running = false;
  const show = (state: CheckState) => {
    status.textContent = checkText(state);
    if (state.phase === "running") {
      replace(
        actions,
        h("button", { type: "button", class: "button danger", id: "export-check-cancel", onclick: () => void api.cancelExportCheck() }, "Stop the check"),
      );
    } else if (state.phase === "clean") {
      replace(actions);
    } else {
      replace(actions, h("button", { type: "button", class: "button", id: "export-check-again", onclick: () => void check() }, "Check again"));
    }
  };
  const check = async () => {
    running = true;
    go.disabled = true;
    replace(found);
    show({ phase: "running", done: 0, total: 0 });
    try {
      const report = await api.exportCheck(ref, (p) => show({ phase: "running", done: Number(p.done), total: Number(p.total) }));
      if (report.clean) {
        show({ phase: "clean", read: Number(report.read), reused: Number(report.reused) });
        go.disabled = false;
        announce("The leak check passed.");
      } else {
        show({ phase: "findings", count: report.leaks.length });
        replace(found, findingsList(ref, report.leaks, again));
      }
    } catch (e) {
      const message = errorText(e);
      show(e instanceof ApiError && e.code === "cancelled" ? { phase: "stopped" } : { phase: "failed", message });
    } finally {
      running = false;
    }
  };
  const checkPanel = h(
    "section",
    { class: "panel", id: "export-check", "aria-labelledby": "check-h", "aria-live": "polite" },
    h("h2", { id: "check-h" }, "Leak check"),
    status,
    actions,
    found,
  );

  replace(
    main,
    head,
    h("p", {}, `${preview.items} document(s) to disclose, ${preview.withheld} withheld. The bundle is a BagIt bag in a zip.`),
    checkPanel,
    form,
    h(
      "section",
      { class: "panel", "aria-labelledby": "contents-h" },
      h("h2", { id: "contents-h" }, `Contents (${preview.files.length} files)`),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "table compact", id: "export-contents" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "File"), h("th", { scope: "col" }, "Size"))),
          h(
            "tbody",
            {},
            preview.files.map((f) => h("tr", {}, h("td", {}, h("code", {}, f.path)), h("td", { class: "num" }, bytesText(f.bytes)))),
          ),
        ),
      ),
    ),
  );
  void check();
  // Leaving the screen stops a check still running.
  return () => {
    if (running) void api.cancelExportCheck();
  };
}

// Renders the items whose redacted copies are missing or stale, with
// progress and a Cancel that keeps every copy finished; then the screen
// looks again at what stops the export.
function renderPanel(ref: string, count: number, done: () => void): HTMLElement {
  const slot = h("div", { id: "render-work" });
  const start = async () => {
    const work = workPanel("render-progress", "Rendering redacted copies");
    replace(slot, work.element);
    try {
      const summary = await api.renderCase(ref, work.update);
      announce(summary.cancelled ? `Rendering stopped: ${summary.rendered} copy(ies) made are kept.` : `Rendered ${summary.rendered} copy(ies).`);
      done();
    } catch (e) {
      replace(slot, notice("error", errorText(e)), go);
    }
  };
  const go = h("button", { type: "button", class: "button primary", id: "render-go", onclick: () => void start() }, `Render ${count} item(s) now`);
  replace(slot, go);
  return slot;
}

function showResult(slot: HTMLElement, r: ExportResult): void {
  replace(
    slot,
    h(
      "div",
      { class: "notice notice-info", role: "status", id: "export-done" },
      h("p", {}, "Written to ", h("code", {}, r.path)),
      h("p", {}, "SHA-256 ", h("code", {}, r.sha256)),
      r.passphrase
        ? h(
            "div",
            { class: "passphrase" },
            h("p", {}, h("strong", {}, "Passphrase — shown only now, never stored. Send it to the requester separately from the bundle:")),
            h("p", { class: "passphrase-words", id: "export-passphrase" }, r.passphrase),
          )
        : null,
    ),
  );
}

// The leak check's findings, each in the text around it. An ambiguous one
// (a word, a piece or an OCR near match of a redacted string) can be
// redacted everywhere, or recorded as not the person with a reason; a
// whole redacted string or a box that is not black can only be fixed.
function findingsList(ref: string, findings: Leak[], done: () => void): HTMLElement {
  return h(
    "ol",
    { class: "findings", id: "export-findings" },
    findings.map((f, index) => {
      const status = h("div", { class: "finding-status" });
      const reason = h("input", {
        type: "text",
        id: `finding-reason-${index}`,
        "aria-label": "Why this is not the person",
        placeholder: "Why this is not the person",
      });
      const waive = async () => {
        try {
          await api.notThisPerson(ref, f.found, f.redacted, reason.value);
          announce("Recorded as not this person.");
          done();
        } catch (e) {
          replace(status, notice("error", errorText(e)));
        }
      };
      const redact = async () => {
        try {
          replace(status, h("p", { class: "muted", role: "status" }, "Redacting and rendering again…"));
          await api.redactFinding(ref, f.found, "third-party");
          announce("Redacted everywhere.");
          done();
        } catch (e) {
          replace(status, notice("error", errorText(e)));
        }
      };
      return h(
        "li",
        { class: "finding", "data-kind": f.kind },
        h("p", {}, h("strong", {}, f.found), ` (${f.kind}) — taken for the redacted “${f.redacted}” in `, h("code", {}, f.file), ` [${f.place}]`),
        f.context ? h("blockquote", { class: "finding-context" }, highlighted(f.context, f.found)) : null,
        f.waivable
          ? h(
              "div",
              { class: "row finding-actions" },
              h("button", { type: "button", class: "button", onclick: () => void redact() }, "Redact it everywhere"),
              reason,
              h("button", { type: "button", class: "button", onclick: () => void waive() }, "Not this person"),
            )
          : h("p", { class: "muted" }, "A whole redacted string or a box that is not black cannot be waived: redact it and render again."),
        status,
      );
    }),
  );
}

// The context with the found word in <mark>, built without innerHTML.
function highlighted(context: string, found: string): (string | HTMLElement)[] {
  const at = context.toLowerCase().indexOf(found.toLowerCase());
  if (at < 0 || !found) return [context];
  return [context.slice(0, at), h("mark", {}, context.slice(at, at + found.length)), context.slice(at + found.length)];
}

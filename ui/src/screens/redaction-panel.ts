// The redaction panel beside a document: redact the selected text or a
// drawn box with a reason, redact a name everywhere in the case, review
// the item's suggestions (one by one or for the whole person), take
// redactions back, and preview the item as the requester will get it.

import { api } from "../api";
import type { Mark, Reason } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { whoseText } from "../format";
import { liveMarks, selectionBytes } from "../redaction";

export interface RedactionContext {
  ref: string;
  itemId: number;
  text: string;
  marks: Mark[];
  reasons: Reason[];
  /** Whether dragging on a page draws a box; the panel's toggle sets it. */
  drawing: { on: boolean };
  /** Reloads the marks and redraws the document. */
  refresh: () => Promise<void>;
  preview: () => Promise<void>;
}

export function redactionPanel(ctx: RedactionContext): HTMLElement {
  const message = h("div", { id: "redaction-message" });
  const fail = (e: unknown) => replace(message, notice("error", errorText(e)));
  const run = async (work: () => Promise<string>) => {
    try {
      const said = await work();
      await ctx.refresh();
      announce(said);
      const now = document.getElementById("redaction-message");
      if (now) replace(now, h("p", { class: "muted", role: "status" }, said));
    } catch (e) {
      fail(e);
    }
  };
  const reason = h(
    "select",
    { id: "redact-reason", "aria-label": "Reason for the redaction" },
    ctx.reasons.map((r) => h("option", { value: r.code, title: r.citation }, `${r.label} (${r.citation})`)),
  );
  reason.value = "third-party";

  const redactSelection = () => {
    const pre = document.getElementById("item-text");
    const range = pre ? selectionBytes(pre, ctx.text) : null;
    if (!range) {
      replace(message, notice("error", "Select the words to redact in the text first."));
      return;
    }
    void run(async () => {
      await api.addMark(ctx.ref, ctx.itemId, { type: "text", start: range[0], end: range[1] }, reason.value);
      return "Selected text redacted.";
    });
  };
  const drawLabel = () => [ctx.drawing.on ? "Drawing boxes: on " : "Draw a box to redact ", h("kbd", {}, "B")];
  const drawToggle = h(
    "button",
    { type: "button", class: "button", id: "draw-box", "aria-keyshortcuts": "b", "aria-pressed": String(ctx.drawing.on) },
    drawLabel(),
  );
  drawToggle.addEventListener("click", () => {
    ctx.drawing.on = !ctx.drawing.on;
    drawToggle.setAttribute("aria-pressed", String(ctx.drawing.on));
    replace(drawToggle, drawLabel());
    document.body.classList.toggle("drawing-boxes", ctx.drawing.on);
  });

  const term = h("input", { id: "everywhere-term", type: "text", "aria-label": "Name or text to redact everywhere", placeholder: "e.g. Mrs Okafor" });
  const everywhere = h(
    "form",
    { class: "everywhere" },
    h("label", { for: "everywhere-term" }, "Redact everywhere in the case"),
    term,
    h("button", { type: "submit", class: "button", id: "everywhere-go" }, "Redact everywhere"),
  );
  everywhere.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = term.value.trim();
    if (!value) {
      replace(message, notice("error", "Type the name or text to redact."));
      return;
    }
    void run(async () => {
      const count = await api.redactEverywhere(ctx.ref, value, reason.value);
      return `${count} new place(s) redacted in the case.`;
    });
  });

  const live = liveMarks(ctx.marks);
  const redacted = live.filter((m) => m.status === "accepted").length;
  const suggested = live.length - redacted;
  const list = h(
    "ul",
    { class: "mark-list", id: "mark-list" },
    live.map((m) =>
      h(
        "li",
        { class: `mark-row mark-row-${m.status}`, "data-mark": m.id },
        h("span", { class: `badge badge-${m.status}` }, m.status === "accepted" ? "Redacted" : "Suggested"),
        " ",
        h("span", { class: "mark-text" }, m.text || (m.target.type === "area" ? `box on page ${m.target.page}` : "")),
        h("span", { class: "muted" }, ` ${m.kind.replace(/_/g, " ")}${whoseText(m.whose) ? ` · ${whoseText(m.whose)}` : ""} · ${m.reason}`),
        h(
          "span",
          { class: "mark-actions" },
          m.status === "suggested"
            ? [
                h(
                  "button",
                  {
                    type: "button",
                    class: "button small",
                    onclick: () =>
                      void run(async () => (await api.setMarks(ctx.ref, { ids: [m.id], person: null, kind: null }, "accepted"), "Suggestion accepted.")),
                  },
                  "Accept",
                ),
                h(
                  "button",
                  {
                    type: "button",
                    class: "button small",
                    onclick: () =>
                      void run(async () => (await api.setMarks(ctx.ref, { ids: [m.id], person: null, kind: null }, "rejected"), "Suggestion rejected.")),
                  },
                  "Reject",
                ),
                m.person
                  ? h(
                      "button",
                      {
                        type: "button",
                        class: "button small",
                        title: "Accept every suggestion for this person in the case",
                        onclick: () =>
                          void run(
                            async () =>
                              `${await api.setMarks(ctx.ref, { ids: [], person: m.person, kind: m.kind }, "accepted")} suggestion(s) for this person accepted.`,
                          ),
                      },
                      "Accept for this person",
                    )
                  : null,
              ]
            : h(
                "button",
                {
                  type: "button",
                  class: "button small",
                  onclick: () =>
                    void run(async () => (await api.setMarks(ctx.ref, { ids: [m.id], person: null, kind: null }, "removed"), "Redaction taken back.")),
                },
                "Unredact",
              ),
        ),
      ),
    ),
  );

  return h(
    "section",
    { class: "panel redaction", "aria-labelledby": "redaction-h" },
    h("h2", { id: "redaction-h" }, "Redactions"),
    h("p", { id: "mark-count" }, `${redacted} redacted · ${suggested} suggested`),
    h("label", { for: "redact-reason" }, "Reason"),
    reason,
    h(
      "div",
      { class: "redaction-buttons" },
      h("button", { type: "button", class: "button", id: "redact-selection", onclick: redactSelection }, "Redact selected text"),
      drawToggle,
      h("button", { type: "button", class: "button", id: "preview-rendition", onclick: () => void ctx.preview().catch(fail) }, "Preview as disclosed"),
    ),
    everywhere,
    message,
    live.length > 0 ? list : h("p", { class: "muted" }, "No redactions or suggestions on this item."),
  );
}

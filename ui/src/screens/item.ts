// Document viewer: the extracted text with hits highlighted; PDFs drawn
// page by page with hits boxed; emails with their headers and
// attachments; images; recordings played beside their transcript; videos
// played beside their frame view (tracks, timeline, keyframes);
// spreadsheets as tables; the metadata; the item's
// family (parent, attachments, thread); the decision; and redaction:
// marks shown as they will appear, text selected or boxes drawn to redact,
// and a preview of the item as disclosed.

import { api } from "../api";
import type { ItemBrief, ItemDetail, Mark, RecordTable } from "../bindings";
import { decisionForKey } from "../decisions";
import { announce, errorText, h, notice, replace } from "../dom";
import { bytesText, dateText } from "../format";
import { findWords, queryWords } from "../highlight";
import { attachOverlay, type Overlay } from "../overlay";
import { markRuns } from "../redaction";
import { routeHash, type Route } from "../router";
import { audioType, player, seekOnClick, videoPlayer, videoType } from "../timeline";
import type { Cleanup } from "../main";
import { decidePanel } from "./decide-panel";
import { frameView } from "./frame-view";
import { redactionPanel } from "./redaction-panel";

const EMAIL_HEADERS = ["from", "to", "cc", "bcc", "date", "subject"];
const MAX_ROWS = 500;

export async function itemScreen(main: HTMLElement, route: Extract<Route, { screen: "item" }>): Promise<Cleanup> {
  const { ref, id, query } = route;
  const detail = await api.item(ref, id);
  const item = detail.item;
  const words = queryWords(query);
  const link = (b: ItemBrief) => h("a", { href: routeHash({ screen: "item", ref, id: b.id, query }) }, b.name || b.path);
  const { panel, decide } = await decidePanel(ref, id, detail.decision, () => undefined);

  const body = h("div", { class: "viewer-body", id: "viewer-body" });
  const isEmail = item.type === "email" || item.type === "msg";
  const reasons = await api.reasons();
  const redactionHost = h("div", {});
  const drawing = { on: false };
  document.body.classList.remove("drawing-boxes");
  let marks: Mark[] = await api.marks(ref, id);
  // Fetched once: every redaction redraws the document from the same bytes.
  let originalBytes: Promise<ArrayBuffer> | undefined;
  const original = () => (originalBytes ??= api.original(ref, id));
  const overlay = (): Overlay => ({
    marks,
    drawing: () => drawing.on,
    onArea: (page, rect) => {
      const reason = (document.getElementById("redact-reason") as HTMLSelectElement | null)?.value ?? "third-party";
      void api
        .addMark(ref, id, { type: "area", page, rect }, reason)
        .then(() => refresh())
        .then(() => announce("Box redacted."))
        .catch((e: unknown) => replace(redactionHost, notice("error", errorText(e))));
    },
  });
  const showPanel = () =>
    replace(redactionHost, redactionPanel({ ref, itemId: id, text: detail.text, marks, reasons, drawing, refresh, preview: () => preview(body, ref, detail) }));
  async function refresh(): Promise<void> {
    marks = await api.marks(ref, id);
    showPanel();
    await renderBody(body, original, detail, words, isEmail, overlay(), framesOf);
  }
  // A video's frame view changes marks itself; only the panel is redrawn.
  const framesOf = (player: HTMLVideoElement) =>
    frameView({
      ref,
      id,
      player,
      onChange: () => {
        void api.marks(ref, id).then((m) => {
          marks = m;
          showPanel();
        });
      },
    });
  showPanel();

  replace(
    main,
    h(
      "div",
      { class: "screen-head" },
      h("h1", { id: "item-title" }, item.metadata.subject || item.name),
      query ? h("a", { class: "button", href: routeHash({ screen: "search", ref, query }) }, "Back to results") : null,
    ),
    h(
      "p",
      { class: "muted item-line" },
      h("code", {}, item.path),
      ` · ${item.type} · ${bytesText(item.size)} · ${item.status}`,
      item.reason ? ` — ${item.reason}` : "",
    ),
    h(
      "div",
      { class: "viewer" },
      h("div", { class: "viewer-main" }, isEmail ? emailHeaders(detail, link) : null, body),
      h(
        "aside",
        { class: "viewer-side" },
        panel,
        redactionHost,
        family(detail, link),
        h("section", { class: "panel", "aria-labelledby": "meta-h" }, h("h2", { id: "meta-h" }, "Metadata"), metadataList(detail)),
      ),
    ),
  );

  await renderBody(body, original, detail, words, isEmail, overlay(), framesOf);
  main.focus();

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "b" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      document.getElementById("draw-box")?.click();
      return;
    }
    const info = decisionForKey(event);
    if (info) {
      event.preventDefault();
      void decide(info);
    }
  };
  document.addEventListener("keydown", onKey);
  return () => {
    document.removeEventListener("keydown", onKey);
    document.body.classList.remove("drawing-boxes");
  };
}

async function renderBody(
  body: HTMLElement,
  original: () => Promise<ArrayBuffer>,
  detail: ItemDetail,
  words: string[],
  isEmail: boolean,
  overlay: Overlay,
  framesOf: (player: HTMLVideoElement) => HTMLElement,
): Promise<void> {
  const type = detail.item.type;
  const text = (title: string) => textSection(detail.text, words, title, overlay.marks);
  if (detail.viewable && type === "pdf") {
    const pages = h("div", { class: "pdf-pages", id: "pdf-pages", "aria-label": "Pages of the PDF" });
    replace(body, pages, text("Extracted text"));
    try {
      const bytes = await original();
      const { renderPdf } = await import("../pdf");
      const count = await renderPdf(pages, bytes, detail.text, detail.pages, words, overlay);
      pages.dataset.pages = String(count);
    } catch (e) {
      replace(pages, notice("error", `The PDF could not be drawn: ${errorText(e)}`));
    }
    return;
  }
  if (detail.viewable && type === "image") {
    const frame = await imageFrame(await original(), `The image ${detail.item.name}`);
    replace(body, frame, detail.text ? text("Text read by OCR") : null);
    const img = frame.querySelector("img");
    if (img) attachOverlay(frame, 1, detail.pages[0], img.clientWidth / Math.max(1, img.naturalWidth), overlay);
    return;
  }
  if (detail.viewable && type === "audio") {
    const audio = player(await original(), audioType(detail.item.metadata.container), `The recording ${detail.item.name}`);
    const transcript = text("Transcript (click a word to play from it)");
    replace(body, audio, transcript);
    const pre = transcript.querySelector("pre");
    if (pre) seekOnClick(pre, audio, detail.text, detail.pages[0]?.words ?? []);
    return;
  }
  if (detail.viewable && type === "video") {
    const video = videoPlayer(await original(), videoType(detail.item.metadata.container), `The video ${detail.item.name}`);
    replace(body, video, framesOf(video), text("Text read in the frames (each line after its time)"));
    return;
  }
  if (detail.records.length > 0) {
    replace(body, detail.records.map(recordTable), text("Extracted text"));
    return;
  }
  replace(body, text(isEmail ? "Message" : "Extracted text"));
}

/** An image in a frame that boxes can be laid over, once it has loaded. */
async function imageFrame(bytes: ArrayBuffer, alt: string): Promise<HTMLElement> {
  const url = URL.createObjectURL(new Blob([bytes]));
  const img = h("img", { src: url, alt, class: "item-image", id: "item-image" });
  const frame = h("figure", { class: "image-frame" }, img);
  await new Promise<void>((resolve) => {
    img.addEventListener("load", () => resolve(), { once: true });
    img.addEventListener("error", () => resolve(), { once: true });
  });
  URL.revokeObjectURL(url);
  return frame;
}

/** Replaces the document with the item as the requester will get it. */
async function preview(body: HTMLElement, ref: string, detail: ItemDetail): Promise<void> {
  replace(body, h("p", { class: "muted", role: "status" }, "Making the redacted copy…"));
  const bytes = await api.rendition(ref, detail.item.id);
  const heading = h("h2", { id: "preview-h" }, "As disclosed (redacted copy)");
  if (detail.item.type === "image") {
    const frame = await imageFrame(bytes, "The redacted image as disclosed");
    replace(body, heading, frame);
    return;
  }
  if (detail.item.type === "audio") {
    replace(body, heading, player(bytes, "audio/mpeg", "The redacted recording as disclosed"));
    return;
  }
  if (detail.item.type === "video") {
    replace(body, heading, videoPlayer(bytes, "video/mp4", "The redacted video as disclosed"));
    return;
  }
  const pages = h("div", { class: "pdf-pages", id: "preview-pages", "aria-labelledby": "preview-h" });
  replace(body, heading, pages);
  const { renderPdf } = await import("../pdf");
  pages.dataset.pages = String(await renderPdf(pages, bytes, "", [], []));
}

function textSection(text: string, words: string[], title: string, marks: Mark[]): HTMLElement {
  const runs = markRuns(text, marks, findWords(text, words));
  return h(
    "section",
    { class: "text-section", "aria-label": title },
    h("h2", {}, title),
    text
      ? h(
          "pre",
          { class: "item-text", id: "item-text", tabindex: 0 },
          runs.map((r) => {
            switch (r.kind) {
              case "hit":
                return h("mark", {}, r.text);
              case "accepted":
                return h(
                  "span",
                  { class: "redacted", "data-reason": r.reason ?? "", "data-mark": r.markId ?? "", title: `Redacted: ${r.reason ?? ""}` },
                  r.text,
                );
              case "suggested":
                return h("span", { class: "suggested", "data-mark": r.markId ?? "", title: `Suggested for redaction: ${r.reason ?? ""}` }, r.text);
              default:
                return r.text;
            }
          }),
        )
      : h("p", { class: "muted" }, "No text was found in this item."),
  );
}

function emailHeaders(detail: ItemDetail, link: (b: ItemBrief) => HTMLElement): HTMLElement {
  const m = detail.item.metadata;
  return h(
    "dl",
    { class: "email-headers", id: "email-headers" },
    EMAIL_HEADERS.filter((k) => m[k]).map((k) => [
      h("dt", {}, k[0]?.toUpperCase() + k.slice(1)),
      h("dd", {}, k === "date" ? dateText(detail.item.date ?? m[k]) : (m[k] ?? "")),
    ]),
    detail.children.length > 0
      ? [
          h("dt", {}, "Attachments"),
          h(
            "dd",
            {},
            h(
              "ul",
              { class: "attachments" },
              detail.children.map((c) => h("li", {}, link(c))),
            ),
          ),
        ]
      : null,
  );
}

function family(detail: ItemDetail, link: (b: ItemBrief) => HTMLElement): HTMLElement | null {
  const threadOthers = detail.thread.length > 1 ? detail.thread : [];
  if (!detail.parent && detail.children.length === 0 && threadOthers.length === 0) return null;
  return h(
    "nav",
    { class: "panel family", "aria-labelledby": "family-h" },
    h("h2", { id: "family-h" }, "Family"),
    detail.parent ? [h("h3", {}, "Inside"), h("p", {}, link(detail.parent))] : null,
    detail.children.length > 0
      ? [
          h("h3", {}, "Attachments and contents"),
          h(
            "ul",
            { id: "children" },
            detail.children.map((c) => h("li", {}, link(c))),
          ),
        ]
      : null,
    threadOthers.length > 0
      ? [
          h("h3", {}, `Conversation (${threadOthers.length} messages)`),
          h(
            "ol",
            { class: "thread" },
            threadOthers.map((t) =>
              h(
                "li",
                { "aria-current": t.id === detail.item.id ? "true" : undefined },
                t.id === detail.item.id ? h("strong", {}, t.from ?? t.name) : link({ ...t, name: t.from ?? t.name }),
                h("span", { class: "muted" }, ` ${dateText(t.date)}`),
              ),
            ),
          ),
        ]
      : null,
  );
}

function metadataList(detail: ItemDetail): HTMLElement {
  const i = detail.item;
  const rows: [string, string][] = [
    ["Imported", `${dateText(i.imported_at)} by ${i.imported_by}`],
    ["SHA-256", i.sha256],
    ["Date", dateText(i.date)],
    ...Object.entries(i.metadata).map(([k, v]): [string, string] => [k, v ?? ""]),
  ];
  return h(
    "dl",
    { class: "facts metadata" },
    rows.filter(([, v]) => v).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
  );
}

function recordTable(table: RecordTable): HTMLElement {
  const rows = table.rows.slice(0, MAX_ROWS);
  return h(
    "section",
    { class: "sheet" },
    h("h2", {}, table.name, table.hidden ? " (hidden sheet)" : ""),
    h(
      "div",
      { class: "table-scroll", tabindex: 0 },
      h(
        "table",
        { class: "table compact" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            table.columns.map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map((r) =>
            h(
              "tr",
              {},
              r.map((cell) => h("td", {}, cell)),
            ),
          ),
        ),
      ),
    ),
    table.rows.length > MAX_ROWS ? h("p", { class: "muted" }, `First ${MAX_ROWS} of ${table.rows.length} rows.`) : null,
  );
}

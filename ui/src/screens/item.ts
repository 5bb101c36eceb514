// Document viewer: the extracted text with hits highlighted; PDFs drawn
// page by page with hits boxed; emails with their headers and
// attachments; images; spreadsheets as tables; the metadata; the item's
// family (parent, attachments, thread); and the decision.

import { api } from "../api";
import type { ItemBrief, ItemDetail, RecordTable } from "../bindings";
import { decisionForKey } from "../decisions";
import { h, notice, replace } from "../dom";
import { bytesText, dateText } from "../format";
import { findWords, queryWords, runsFromRanges } from "../highlight";
import { routeHash, type Route } from "../router";
import type { Cleanup } from "../main";
import { decidePanel } from "./decide-panel";

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
        family(detail, link),
        h("section", { class: "panel", "aria-labelledby": "meta-h" }, h("h2", { id: "meta-h" }, "Metadata"), metadataList(detail)),
      ),
    ),
  );

  await renderBody(body, ref, detail, words, isEmail);
  main.focus();

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const info = decisionForKey(event);
    if (info) {
      event.preventDefault();
      void decide(info);
    }
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}

async function renderBody(body: HTMLElement, ref: string, detail: ItemDetail, words: string[], isEmail: boolean): Promise<void> {
  const type = detail.item.type;
  if (detail.viewable && type === "pdf") {
    const pages = h("div", { class: "pdf-pages", id: "pdf-pages", "aria-label": "Pages of the PDF" });
    replace(body, pages, textSection(detail.text, words, "Extracted text"));
    try {
      const bytes = await api.original(ref, detail.item.id);
      const { renderPdf } = await import("../pdf");
      const count = await renderPdf(pages, bytes, detail.text, detail.pages, words);
      pages.dataset.pages = String(count);
    } catch (e) {
      replace(pages, notice("error", `The PDF could not be drawn: ${e instanceof Error ? e.message : String(e)}`));
    }
    return;
  }
  if (detail.viewable && type === "image") {
    const bytes = await api.original(ref, detail.item.id);
    const url = URL.createObjectURL(new Blob([bytes]));
    const img = h("img", { src: url, alt: `The image ${detail.item.name}`, class: "item-image" });
    img.addEventListener("load", () => URL.revokeObjectURL(url));
    replace(body, img, detail.text ? textSection(detail.text, words, "Text read by OCR") : null);
    return;
  }
  if (detail.records.length > 0) {
    replace(body, detail.records.map(recordTable), textSection(detail.text, words, "Extracted text"));
    return;
  }
  replace(body, textSection(detail.text, words, isEmail ? "Message" : "Extracted text"));
}

function textSection(text: string, words: string[], title: string): HTMLElement {
  const runs = runsFromRanges(text, findWords(text, words));
  return h(
    "section",
    { class: "text-section", "aria-label": title },
    h("h2", {}, title),
    text ? h("pre", { class: "item-text", id: "item-text", tabindex: 0 }, runs.map((r) => (r.hit ? h("mark", {}, r.text) : r.text))) : h("p", { class: "muted" }, "No text was found in this item."),
  );
}

function emailHeaders(detail: ItemDetail, link: (b: ItemBrief) => HTMLElement): HTMLElement {
  const m = detail.item.metadata;
  return h(
    "dl",
    { class: "email-headers", id: "email-headers" },
    EMAIL_HEADERS.filter((k) => m[k]).map((k) => [h("dt", {}, k[0]?.toUpperCase() + k.slice(1)), h("dd", {}, k === "date" ? dateText(detail.item.date ?? m[k]) : (m[k] ?? ""))]),
    detail.children.length > 0 ? [h("dt", {}, "Attachments"), h("dd", {}, h("ul", { class: "attachments" }, detail.children.map((c) => h("li", {}, link(c)))))] : null,
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
    detail.children.length > 0 ? [h("h3", {}, "Attachments and contents"), h("ul", { id: "children" }, detail.children.map((c) => h("li", {}, link(c))))] : null,
    threadOthers.length > 0
      ? [
          h("h3", {}, `Conversation (${threadOthers.length} messages)`),
          h(
            "ol",
            { class: "thread" },
            threadOthers.map((t) =>
              h("li", { "aria-current": t.id === detail.item.id ? "true" : undefined }, t.id === detail.item.id ? h("strong", {}, t.from ?? t.name) : link({ ...t, name: t.from ?? t.name }), h("span", { class: "muted" }, ` ${dateText(t.date)}`)),
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
  return h("dl", { class: "facts metadata" }, rows.filter(([, v]) => v).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
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
        h("thead", {}, h("tr", {}, table.columns.map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.map((r) => h("tr", {}, r.map((cell) => h("td", {}, cell))))),
      ),
    ),
    table.rows.length > MAX_ROWS ? h("p", { class: "muted" }, `First ${MAX_ROWS} of ${table.rows.length} rows.`) : null,
  );
}

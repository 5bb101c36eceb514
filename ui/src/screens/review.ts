// Review: every item of the case with its decision, keyboard first —
// J/K or the arrow keys move, Enter opens, D R W N U decide, and the
// progress (n of m decided) stays in view. The list comes a page at a time
// (`review_page`): the first page is drawn at once, further pages are
// fetched as rows come into view, and only the rows in view are in the
// page, so a case of 100,000 items opens and scrolls as one of ten does.
// Below, the case's redaction suggestions, per person and per kind.

import { api } from "../api";
import type { ReviewPage, ReviewRow } from "../bindings";
import { chosenReason, reasonSelect } from "./decide-panel";
import { DECISIONS, decisionForKey, decisionLabel, type DecisionInfo } from "../decisions";
import { announce, errorText, h, notice, replace } from "../dom";
import { dateText } from "../format";
import { go } from "../router";
import { suggestionsPanel } from "./suggestions-panel";
import type { Cleanup } from "../main";
import { RowCache } from "../row-cache";
import { rowWindow, scrollToShow } from "../virtual-rows";

/** Used until the first drawn row is measured. */
const ROW_HEIGHT_GUESS = 34;
/** Rows fetched at once: more than a screen and its overscan hold. */
const PAGE_SIZE = 100;

export async function reviewScreen(main: HTMLElement, ref: string): Promise<Cleanup> {
  let onlyUndecided = false;
  let progress = { decided: 0, total: 0 };
  /** The list asked for, holding its first page; the counts come with it. */
  const listOf = async (undecided: boolean) => {
    const fetchPage = (offset: number, limit: number): Promise<ReviewPage> => api.reviewPage(ref, undecided, offset, limit);
    const first = await fetchPage(0, PAGE_SIZE);
    progress = { decided: first.decided, total: first.total };
    return { first, cache: new RowCache<ReviewRow>(fetchPage, PAGE_SIZE, first) };
  };
  const [{ first, cache: firstCache }, reasons] = await Promise.all([listOf(false), api.reasons()]);
  let cache = firstCache;
  let selected = first.first_undecided ?? 0;

  const progressSlot = h("div", { class: "review-progress", id: "review-progress", role: "status" });
  const message = h("div", {});
  const select = reasonSelect("review-reason", "Reason or exemption for the next decision", reasons);
  const tbody = h("tbody", {});
  const table = h(
    "table",
    { class: "table review-table", id: "review-table", role: "grid", "aria-label": "Items to review", tabindex: 0 },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["#", "Item", "Type", "Date", "Read", "Decision"].map((t) => h("th", { scope: "col" }, t)),
      ),
    ),
    tbody,
  );

  const box = h("div", { class: "table-scroll tall", id: "review-scroll" }, table);
  let rowHeight = 0;
  const drawProgress = () =>
    replace(
      progressSlot,
      h("progress", { max: Math.max(progress.total, 1), value: progress.decided, "aria-hidden": "true" }),
      h("span", { id: "review-count" }, `${progress.decided} of ${progress.total} decided`),
    );
  const headerHeight = () => table.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  const rowOf = (r: ReviewRow, index: number) =>
    h(
      "tr",
      {
        "data-item": r.item.id,
        "aria-rowindex": index + 2,
        "aria-selected": index === selected ? "true" : "false",
        class: index === selected ? "selected" : "",
        onclick: () => ((selected = index), draw()),
        ondblclick: () => open(r),
      },
      h("td", { class: "num" }, r.item.id),
      h("td", { title: r.item.path }, r.item.path),
      h("td", {}, r.item.type),
      h("td", {}, dateText(r.item.date)),
      h("td", {}, r.status),
      h("td", { class: `decision decision-${r.decision ?? "none"}` }, decisionLabel(r.decision), r.reason ? ` · ${r.reason}` : ""),
    );
  // The heights are set through the style object: the window's content
  // security policy refuses inline style attributes.
  const spacer = (height: number) => {
    if (height <= 0) return null;
    const cell = h("td", { colspan: 6 });
    cell.style.height = `${height}px`;
    return h("tr", { class: "spacer", "aria-hidden": "true" }, cell);
  };
  /** A row whose page has not arrived yet, as tall as a drawn one. */
  const placeholder = (index: number) => {
    const row = h(
      "tr",
      { class: index === selected ? "placeholder selected" : "placeholder", "aria-rowindex": index + 2, "aria-busy": "true" },
      h("td", { colspan: 6, class: "muted" }, "…"),
    );
    if (rowHeight) row.style.height = `${rowHeight}px`;
    return row;
  };
  const drawRows = () => {
    const w = rowWindow(cache.length, rowHeight || ROW_HEIGHT_GUESS, box.scrollTop - headerHeight(), box.clientHeight || 600);
    table.setAttribute("aria-rowcount", String(cache.length + 1));
    const drawn = [];
    for (let i = w.first; i < w.end; i++) {
      const row = cache.get(i);
      drawn.push(row ? rowOf(row, i) : placeholder(i));
    }
    replace(tbody, spacer(w.before), drawn, spacer(w.after));
    if (!rowHeight) {
      const measured = tbody.querySelector<HTMLElement>("tr[data-item]");
      if (measured && measured.offsetHeight > 0) {
        // Measured at last: scroll to the selected row again by its true height.
        rowHeight = measured.offsetHeight;
        draw();
        return;
      }
    }
    const asked = cache;
    cache.want(w.first, w.end).then(
      (arrived) => {
        if (arrived && asked === cache) drawRows();
      },
      (e: unknown) => replace(message, notice("error", errorText(e))),
    );
  };
  const draw = () => {
    selected = Math.min(selected, Math.max(0, cache.length - 1));
    box.scrollTop = scrollToShow(selected, rowHeight || ROW_HEIGHT_GUESS, headerHeight(), box.scrollTop, box.clientHeight);
    drawRows();
    drawProgress();
  };
  let scrollFrame = 0;
  box.addEventListener("scroll", () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      drawRows();
    });
  });
  const open = (r: ReviewRow) => go({ screen: "item", ref, id: r.item.id, query: "" });
  /** The selected row, waiting for its page if it has not arrived. */
  const selectedRow = async () => {
    if (!cache.get(selected)) await cache.want(selected, selected + 1);
    return cache.get(selected);
  };
  const decide = async (info: DecisionInfo) => {
    const reason = chosenReason(info, select, message);
    if (reason === undefined) return;
    try {
      const index = selected;
      const row = await selectedRow();
      if (!row) return;
      const answer = await api.decide(ref, [row.item.id], info.decision, reason, "");
      progress = { decided: answer.decided, total: answer.total };
      row.decision = info.decision;
      row.reason = reason;
      replace(message);
      announce(`${info.label}: ${row.item.name}. ${progress.decided} of ${progress.total} decided.`);
      // A decided item leaves the undecided list; the next one moves up.
      if (onlyUndecided) cache.remove(index);
      else selected = index + 1;
      draw();
      table.focus({ preventScroll: true });
    } catch (e) {
      replace(message, notice("error", errorText(e)));
    }
  };

  const filter = h("input", { type: "checkbox", id: "only-undecided" });
  filter.addEventListener("change", () => {
    const undecided = filter.checked;
    listOf(undecided).then(
      (list) => {
        if (filter.checked !== undecided) return;
        onlyUndecided = undecided;
        cache = list.cache;
        selected = 0;
        box.scrollTop = 0;
        draw();
      },
      (e: unknown) => replace(message, notice("error", errorText(e))),
    );
  });
  // The suggestions follow the list, which does not wait for them.
  const suggestions = h("section", { class: "panel suggestions", id: "suggestions" });
  suggestionsPanel(ref).then(
    (panel) => suggestions.replaceWith(panel),
    (e: unknown) => replace(suggestions, notice("error", errorText(e))),
  );
  replace(
    main,
    h("div", { class: "screen-head" }, h("h1", {}, "Review"), progressSlot),
    h(
      "div",
      { class: "review-tools" },
      h("div", { class: "field checkbox" }, filter, h("label", { for: "only-undecided" }, "Only items not yet decided")),
      h("div", { class: "field" }, h("label", { for: "review-reason" }, "Reason"), select),
      h(
        "p",
        { class: "hint keys" },
        "Keys: ",
        h("kbd", {}, "J"),
        "/",
        h("kbd", {}, "K"),
        " move, ",
        h("kbd", {}, "Home"),
        "/",
        h("kbd", {}, "End"),
        " first/last, ",
        h("kbd", {}, "Enter"),
        " open, ",
        DECISIONS.map((d) => [h("kbd", {}, d.key.toUpperCase()), ` ${d.label.toLowerCase()}  `]),
      ),
    ),
    message,
    progress.total === 0 ? h("p", { class: "empty" }, "Nothing to review yet: import files first.") : box,
    h(
      "div",
      { class: "decision-buttons" },
      DECISIONS.map((d) =>
        h(
          "button",
          { type: "button", class: "button", "data-decision": d.decision, onclick: () => void decide(d) },
          d.label,
          " ",
          h("kbd", {}, d.key.toUpperCase()),
        ),
      ),
    ),
    suggestions,
  );
  draw();
  table.focus({ preventScroll: true });

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const last = cache.length - 1;
    if (event.key === "j" || event.key === "ArrowDown") {
      selected = Math.min(selected + 1, last);
    } else if (event.key === "k" || event.key === "ArrowUp") {
      selected = Math.max(selected - 1, 0);
    } else if (event.key === "Home" || event.key === "End") {
      selected = event.key === "Home" ? 0 : last;
    } else if (event.key === "PageDown" || event.key === "PageUp") {
      const page = Math.max(1, Math.floor(box.clientHeight / (rowHeight || ROW_HEIGHT_GUESS)) - 1);
      selected = Math.max(0, Math.min(last, selected + (event.key === "PageDown" ? page : -page)));
    } else if (event.key === "Enter") {
      void selectedRow().then((row) => row && open(row));
      return;
    } else {
      const info = decisionForKey(event);
      if (info) {
        event.preventDefault();
        void decide(info);
      }
      return;
    }
    event.preventDefault();
    draw();
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}

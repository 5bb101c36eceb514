// Review: every item of the case with its decision, keyboard first —
// J/K or the arrow keys move, Enter opens, D R W N U decide, and the
// progress (n of m decided) stays in view. Only the rows in view are in
// the page, so a case of 100,000 items scrolls as smoothly as one of ten.
// Below, the case's redaction suggestions, per person and per kind.

import { api } from "../api";
import type { ReviewProgress, ReviewRow } from "../bindings";
import { chosenReason, reasonSelect } from "./decide-panel";
import { DECISIONS, decisionForKey, decisionLabel, type DecisionInfo } from "../decisions";
import { announce, errorText, h, notice, replace } from "../dom";
import { dateText } from "../format";
import { go } from "../router";
import { suggestionsPanel } from "./suggestions-panel";
import type { Cleanup } from "../main";
import { rowWindow, scrollToShow } from "../virtual-rows";

/** Used until the first drawn row is measured. */
const ROW_HEIGHT_GUESS = 34;

export async function reviewScreen(main: HTMLElement, ref: string): Promise<Cleanup> {
  const [rows, overview, reasons, suggestions] = await Promise.all([api.reviewQueue(ref), api.caseOverview(ref), api.reasons(), suggestionsPanel(ref)]);
  let progress: ReviewProgress = overview.review;
  let selected = Math.max(
    0,
    rows.findIndex((r) => !r.decision),
  );
  let onlyUndecided = false;

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
  const visible = () => rows.filter((r) => !onlyUndecided || !r.decision);
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
  // The height is set through the style object: the window's content
  // security policy refuses inline style attributes.
  const spacer = (height: number) => {
    if (height <= 0) return null;
    const cell = h("td", { colspan: 6 });
    cell.style.height = `${height}px`;
    return h("tr", { class: "spacer", "aria-hidden": "true" }, cell);
  };
  const drawRows = () => {
    const list = visible();
    const w = rowWindow(list.length, rowHeight || ROW_HEIGHT_GUESS, box.scrollTop - headerHeight(), box.clientHeight || 600);
    table.setAttribute("aria-rowcount", String(list.length + 1));
    replace(
      tbody,
      spacer(w.before),
      list.slice(w.first, w.end).map((r, i) => rowOf(r, w.first + i)),
      spacer(w.after),
    );
    if (!rowHeight) {
      const drawn = tbody.querySelector<HTMLElement>("tr[data-item]");
      if (drawn && drawn.offsetHeight > 0) {
        rowHeight = drawn.offsetHeight;
        drawRows();
      }
    }
  };
  const draw = () => {
    const list = visible();
    selected = Math.min(selected, Math.max(0, list.length - 1));
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
  const decide = async (info: DecisionInfo) => {
    const row = visible()[selected];
    if (!row) return;
    const reason = chosenReason(info, select, message);
    if (reason === undefined) return;
    try {
      progress = await api.decide(ref, [row.item.id], info.decision, reason, "");
      row.decision = info.decision;
      row.reason = reason;
      replace(message);
      announce(`${info.label}: ${row.item.name}. ${progress.decided} of ${progress.total} decided.`);
      if (!onlyUndecided) selected += 1;
      draw();
      table.focus({ preventScroll: true });
    } catch (e) {
      replace(message, notice("error", errorText(e)));
    }
  };

  const filter = h("input", { type: "checkbox", id: "only-undecided" });
  filter.addEventListener("change", () => {
    onlyUndecided = filter.checked;
    selected = 0;
    draw();
  });
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
    rows.length === 0 ? h("p", { class: "empty" }, "Nothing to review yet: import files first.") : box,
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
    const list = visible();
    if (event.key === "j" || event.key === "ArrowDown") {
      selected = Math.min(selected + 1, list.length - 1);
    } else if (event.key === "k" || event.key === "ArrowUp") {
      selected = Math.max(selected - 1, 0);
    } else if (event.key === "Home" || event.key === "End") {
      selected = event.key === "Home" ? 0 : list.length - 1;
    } else if (event.key === "PageDown" || event.key === "PageUp") {
      const page = Math.max(1, Math.floor(box.clientHeight / (rowHeight || ROW_HEIGHT_GUESS)) - 1);
      selected = Math.max(0, Math.min(list.length - 1, selected + (event.key === "PageDown" ? page : -page)));
    } else if (event.key === "Enter") {
      const row = list[selected];
      if (row) open(row);
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

// Cases: every request, most urgent (overdue) first, with its due date, the
// last day to tell the requester of an extension, and days left in words
// as well as colour. Closed and purged cases follow, with how and when
// they ended — a closed case is never "overdue".

import { api } from "../api";
import type { CaseOverview } from "../bindings";
import { h, replace } from "../dom";
import { closedText, dateText, daysText, urgency } from "../format";
import { routeHash } from "../router";

export async function casesScreen(main: HTMLElement): Promise<void> {
  const [cases, purged] = await Promise.all([api.listCases(), api.purgedCases()]);
  const rows = cases.map((c) =>
    h(
      "tr",
      { "data-ref": c.case.reference },
      h("td", {}, c.purging ? c.case.reference : h("a", { href: routeHash({ screen: "overview", ref: c.case.reference }) }, c.case.reference)),
      h("td", {}, c.case.subject.name),
      h("td", {}, kindText(c.case.kind)),
      h("td", {}, statusText(c)),
      h("td", {}, dateText(c.deadline.due)),
      h("td", {}, c.closure ? "" : c.deadline.extended_due ? "Extended" : dateText(c.deadline.extension_notice_by)),
      h("td", {}, c.closure ? closedText(c.closure) : h("span", { class: `badge badge-${urgency(c.days_left ?? 0)}` }, daysText(c.days_left ?? 0))),
      h("td", { class: "num" }, c.items),
      h("td", { class: "num" }, `${c.review.decided} of ${c.review.total}`),
    ),
  );
  const purgedRows = purged.map((p) =>
    h(
      "tr",
      { "data-ref": p.reference, class: "purged" },
      h("td", {}, p.reference),
      h("td", {}, "(purged)"),
      h("td", {}, ""),
      h("td", {}, `Purged ${dateText(p.purged_on)}`),
      h("td", {}, dateText(p.due)),
      h("td", {}, ""),
      h("td", {}, closedText(p)),
      h("td", { class: "num" }, p.items),
      h("td", { class: "num" }, ""),
    ),
  );
  replace(
    main,
    h(
      "div",
      { class: "screen-head" },
      h("h1", {}, "Cases"),
      h("a", { class: "button primary", href: routeHash({ screen: "new-case" }), id: "new-case" }, "New case"),
    ),
    cases.length === 0 && purged.length === 0
      ? h("p", { class: "empty" }, "No cases yet. Create one to start answering a request.")
      : h(
          "table",
          { class: "table", id: "cases-table" },
          h("caption", { class: "visually-hidden" }, "Requests, most urgent first"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["Reference", "Subject", "Kind", "Status", "Due", "Extend by", "Time left or outcome", "Items", "Decided"].map((t) =>
                h("th", { scope: "col" }, t),
              ),
            ),
          ),
          h("tbody", {}, rows, purgedRows),
        ),
  );
  main.focus();
}

function statusText(c: CaseOverview): string {
  if (c.purging) return "Being purged";
  if (c.closure) return "Closed";
  if (c.review.decided === c.review.total && c.items > 0) return "Reviewed";
  return c.items > 0 ? "In review" : "New";
}

export function kindText(kind: string): string {
  switch (kind) {
    case "access":
      return "Subject access";
    case "portability":
      return "Portability";
    default:
      return "Access and portability";
  }
}

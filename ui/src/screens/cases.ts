// Cases: every request, most urgent (overdue) first, with its due date, the
// last day to tell the requester of an extension, and days left in words
// as well as colour. Closed and purged cases follow, with how and when
// they ended — a closed case is never "overdue". On first start the demo
// case is made behind the open window: its progress shows until it is done.

import { api } from "../api";
import type { CaseOverview, DemoProgress } from "../bindings";
import { h, notice, replace } from "../dom";
import { closedText, dateText, daysText, urgency } from "../format";
import { parseRoute, routeHash } from "../router";

export async function casesScreen(main: HTMLElement): Promise<void> {
  const demo = await demoMade(main);
  if (demo === "left") return;
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
    demo?.error ? notice("error", `The demo case could not be made: ${demo.error}`) : null,
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

/**
 * Shows the demo case's progress while it is made, and returns how it
 * ended (none when there was none to make), or "left" if the user went to
 * another screen meanwhile.
 */
async function demoMade(main: HTMLElement): Promise<DemoProgress | null | "left"> {
  for (;;) {
    const demo = (await api.homeLock()).demo;
    if (parseRoute(window.location.hash).screen !== "cases") return "left";
    if (!demo || demo.done) return demo;
    replace(main, h("h1", {}, "Cases"), demoProgress(demo));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function demoProgress(demo: DemoProgress): HTMLElement {
  const files = demo.files > 0 ? `${demo.files_done} of ${demo.files} files read, ${demo.items} items stored` : "writing its files";
  return h(
    "div",
    { class: "panel", id: "demo-progress", role: "status" },
    h("p", {}, "Preparing a demo case to explore: ", files, "…"),
    h("progress", { max: Math.max(demo.files, 1), value: demo.files_done }),
  );
}

// Case overview: the subject's identifiers (editable), the dates that
// matter, what the case holds (by type and status, failures with reasons)
// and the sweep: every identifier with the items it was found in.

import { api } from "../api";
import type { CaseOverview, Subject } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { closedText, dateText, daysText, splitList, urgency } from "../format";
import { routeHash } from "../router";
import { kindText } from "./cases";

export async function overviewScreen(main: HTMLElement, ref: string): Promise<void> {
  const [overview, failed] = await Promise.all([api.caseOverview(ref), api.failedItems(ref)]);
  const sweepSlot = h("div", { id: "sweep" }, h("p", { class: "muted" }, "Sweeping for the subject's identifiers…"));
  const subjectSlot = h("div", {});
  renderSubject(subjectSlot, ref, overview);
  replace(
    main,
    h("div", { class: "screen-head" }, h("h1", {}, `${overview.case.reference}: ${overview.case.subject.name}`)),
    caseWarnings(main, ref, overview),
    h(
      "div",
      { class: "grid-2" },
      h("section", { class: "panel", "aria-labelledby": "dates-h" }, h("h2", { id: "dates-h" }, "Dates"), datesList(overview)),
      h("section", { class: "panel", "aria-labelledby": "holds-h" }, h("h2", { id: "holds-h" }, "What the case holds"), holdings(overview, ref)),
    ),
    h("section", { class: "panel", "aria-labelledby": "subject-h" }, h("h2", { id: "subject-h" }, "The data subject"), subjectSlot),
    failed.length > 0
      ? h(
          "section",
          { class: "panel", "aria-labelledby": "failed-h" },
          h("h2", { id: "failed-h" }, `Files that could not be read (${failed.length})`),
          h(
            "ul",
            { class: "failures" },
            failed.map((f) =>
              h("li", {}, h("a", { href: routeHash({ screen: "item", ref, id: f.id, query: "" }) }, f.path), ": ", f.reason ?? "unknown reason"),
            ),
          ),
        )
      : null,
    h("section", { class: "panel", "aria-labelledby": "sweep-h" }, h("h2", { id: "sweep-h" }, "Where the subject appears"), sweepSlot),
  );
  main.focus();
  void api
    .sweep(ref)
    .then((report) => {
      replace(
        sweepSlot,
        h("p", {}, `${report.items_hit} items mention the subject.`),
        h(
          "table",
          { class: "table compact" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Identifier"),
              h("th", { scope: "col" }, "Value"),
              h("th", { scope: "col", class: "num" }, "Items"),
              h("th", { scope: "col" }, "Search"),
            ),
          ),
          h(
            "tbody",
            {},
            report.identifiers.map((id) =>
              h(
                "tr",
                {},
                h("td", {}, id.kind.replace(/_/g, " ")),
                h("td", {}, id.value),
                h("td", { class: "num" }, id.items.length),
                h("td", {}, h("a", { href: routeHash({ screen: "search", ref, query: id.query }) }, "Show items")),
              ),
            ),
          ),
        ),
      );
    })
    .catch((e: unknown) => replace(sweepSlot, notice("error", errorText(e))));
}

/** What is wrong with the case (wide permissions, a missing or damaged
 * index), with a button to rebuild the index. */
function caseWarnings(main: HTMLElement, ref: string, o: CaseOverview): HTMLElement | null {
  if (o.warnings.length === 0) return null;
  const rebuild = o.index_problem ? h("button", { type: "button", class: "button primary", id: "rebuild-index" }, "Rebuild the index") : null;
  rebuild?.addEventListener("click", () => {
    rebuild.setAttribute("disabled", "");
    rebuild.textContent = "Rebuilding…";
    void api
      .reindexCase(ref)
      .then(() => {
        announce("The search index was rebuilt.");
        return overviewScreen(main, ref);
      })
      .catch((e: unknown) => {
        rebuild.replaceWith(notice("error", errorText(e)));
      });
  });
  return h(
    "section",
    { class: "panel", id: "case-warnings", "aria-label": "Problems with this case" },
    o.warnings.map((w) => notice("error", w)),
    rebuild,
  );
}

function datesList(o: CaseOverview): HTMLElement {
  const d = o.deadline;
  const row = (term: string, value: Node | string) => [h("dt", {}, term), h("dd", {}, value)];
  return h(
    "dl",
    { class: "facts" },
    row("Kind", kindText(o.case.kind)),
    row("Requester", o.case.requester),
    row("Received", dateText(o.case.received)),
    row(
      "Due",
      h("span", {}, dateText(d.due), " ", o.days_left === null ? "" : h("span", { class: `badge badge-${urgency(o.days_left)}` }, daysText(o.days_left))),
    ),
    o.closure ? row("Outcome", `${closedText(o.closure)}, by ${o.closure.closed_by}`) : null,
    o.due_moves.length > 0
      ? row(
          "Due date moved",
          h(
            "ul",
            { class: "explanation", id: "due-moves" },
            o.due_moves.map((m) => h("li", {}, `${dateText(m.before)} → ${dateText(m.after)} on ${dateText(m.at.slice(0, 10))}: ${m.why}`)),
          ),
        )
      : null,
    d.extended_due || o.closure ? null : row("Extend by", `${dateText(d.extension_notice_by)} (last day to tell the requester)`),
    d.paused_days > 0 ? row("Clock paused", `${d.paused_days} days`) : null,
    h("dt", {}, "How the date was worked out"),
    h(
      "dd",
      {},
      h(
        "ul",
        { class: "explanation" },
        d.explanation.map((e) => h("li", {}, e)),
      ),
    ),
  );
}

function holdings(o: CaseOverview, ref: string): HTMLElement {
  const counts = (m: Record<string, number | undefined>) =>
    h(
      "ul",
      { class: "counts" },
      Object.entries(m).map(([k, n]) => h("li", {}, h("span", {}, k), h("strong", {}, String(n ?? 0)))),
    );
  if (o.items === 0) return h("p", {}, "Nothing imported yet. ", h("a", { href: routeHash({ screen: "import", ref }) }, "Import files"), " to begin.");
  return h(
    "div",
    {},
    h("p", { id: "item-count" }, `${o.items} items (${o.duplicates} duplicates); ${o.review.decided} of ${o.review.total} decided.`),
    h("div", { class: "grid-2 tight" }, h("div", {}, h("h3", {}, "By status"), counts(o.by_status)), h("div", {}, h("h3", {}, "By type"), counts(o.by_type))),
  );
}

function renderSubject(slot: HTMLElement, ref: string, o: CaseOverview): void {
  const s = o.case.subject;
  const lines = (values: string[]) => values.join("\n");
  const fields: [keyof Subject, string, string][] = [
    ["name", "Full name", s.name],
    ["aliases", "Other names", lines(s.aliases)],
    ["date_of_birth", "Date of birth (YYYY-MM-DD)", s.date_of_birth ?? ""],
    ["addresses", "Addresses", lines(s.addresses)],
    ["postcodes", "Postcodes", lines(s.postcodes)],
    ["account_refs", "Tenancy and account references", lines(s.account_refs)],
    ["ni_number", "National Insurance number", s.ni_number ?? ""],
    ["phones", "Phone numbers", lines(s.phones)],
    ["emails", "Email addresses", lines(s.emails)],
  ];
  const status = h("div", {});
  const form = h(
    "form",
    { class: "form subject-form" },
    h("p", { class: "hint" }, "One value per line. The sweep and the detection of other people's data use these."),
    fields.map(([key, label, value]) =>
      h(
        "div",
        { class: "field" },
        h("label", { for: `s-${key}` }, label),
        key === "name" || key === "date_of_birth" || key === "ni_number"
          ? h("input", { id: `s-${key}`, name: key, type: "text", value })
          : h("textarea", { id: `s-${key}`, name: key, rows: 2 }, value),
      ),
    ),
    status,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "button" }, "Save identifiers")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? "").trim();
    const subject: Subject = {
      name: text("name"),
      aliases: splitList(text("aliases")),
      date_of_birth: text("date_of_birth") || null,
      addresses: splitList(text("addresses")),
      postcodes: splitList(text("postcodes")),
      account_refs: splitList(text("account_refs")),
      ni_number: text("ni_number") || null,
      phones: splitList(text("phones")),
      emails: splitList(text("emails")),
    };
    api
      .updateSubject(ref, subject)
      .then(() => {
        replace(status, notice("info", "Saved. The sweep below uses the new identifiers."));
        announce("Identifiers saved");
      })
      .catch((e: unknown) => replace(status, notice("error", errorText(e))));
  });
  replace(slot, form);
}

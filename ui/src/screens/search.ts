// Search: a query bar with syntax help, hit count, results with the
// matched words highlighted, facets to narrow by type, sender and month,
// sorting, paging, and saved searches.

import { api } from "../api";
import type { FacetValue, SearchResults, SortBy } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { dateText } from "../format";
import { runsFromByteRanges } from "../highlight";
import { go, routeHash, type Route } from "../router";
import type { Cleanup } from "../main";

const PAGE = 25;

export async function searchScreen(main: HTMLElement, route: Extract<Route, { screen: "search" }>): Promise<Cleanup> {
  const ref = route.ref;
  let sort: SortBy = "relevance";
  let offset = 0;
  const input = h("input", {
    id: "search-input",
    type: "search",
    value: route.query,
    "aria-label": "Search the case",
    placeholder: "okafor  “anti-social”  from:housing  type:pdf  date:2026-03",
    autocomplete: "off",
    spellcheck: "false",
  });
  const sortSelect = h(
    "select",
    { id: "search-sort", "aria-label": "Sort results" },
    h("option", { value: "relevance" }, "Most relevant"),
    h("option", { value: "date" }, "Newest first"),
  );
  const count = h("p", { id: "hit-count", role: "status" });
  const results = h("ol", { id: "results", class: "results" });
  const pager = h("div", { class: "pager" });
  const facetsSlot = h("aside", { class: "facets", "aria-label": "Narrow the results" });
  const savedSlot = h("div", { class: "saved" });

  const run = async () => {
    const query = input.value.trim();
    if (!query) {
      replace(count, "Type what to look for: a name, a word, a phrase in quotes.");
      replace(results);
      replace(pager);
      replace(facetsSlot);
      return;
    }
    const started = performance.now();
    try {
      const found = await api.search(ref, query, sort, offset, PAGE);
      renderResults(found);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const painted = performance.now() - started;
      main.dataset.searchMs = painted.toFixed(1);
      announce(`${found.hits} items found`);
      void api
        .facets(ref, query)
        .then((f) => replace(facetsSlot, facetGroup("Type", f.types), facetGroup("Sender", f.senders), facetGroup("Month", f.months)))
        .catch((e: unknown) => replace(facetsSlot, notice("error", `Facets unavailable: ${errorText(e)}`)));
    } catch (e) {
      replace(count, notice("error", errorText(e)));
      replace(results);
      replace(pager);
    }
  };

  const renderResults = (found: SearchResults) => {
    replace(count, found.hits === 1 ? "1 item found" : `${found.hits} items found`);
    replace(
      results,
      found.results.map((hit) =>
        h(
          "li",
          { class: "result" },
          h("a", { class: "result-title", href: routeHash({ screen: "item", ref, id: hit.item, query: found.query }) }, hit.path),
          h("span", { class: "result-meta" }, `${hit.type}${hit.date ? " · " + dateText(hit.date) : ""}`),
          h(
            "p",
            { class: "snippet" },
            runsFromByteRanges(hit.snippet, hit.highlights).map((r) => (r.hit ? h("mark", {}, r.text) : r.text)),
          ),
        ),
      ),
    );
    replace(
      pager,
      offset > 0 ? h("button", { type: "button", class: "button", onclick: () => ((offset = Math.max(0, offset - PAGE)), void run()) }, "Previous") : null,
      found.hits > PAGE ? h("span", { class: "muted" }, `${offset + 1}–${Math.min(offset + PAGE, found.hits)} of ${found.hits}`) : null,
      offset + PAGE < found.hits ? h("button", { type: "button", class: "button", onclick: () => ((offset += PAGE), void run()) }, "Next") : null,
    );
  };

  const facetGroup = (title: string, values: FacetValue[]) =>
    values.length === 0
      ? null
      : h(
          "section",
          { class: "facet" },
          h("h3", {}, title),
          h(
            "ul",
            {},
            values.map((v) =>
              h(
                "li",
                {},
                h("button", { type: "button", class: "link", onclick: () => submit(`${input.value.trim()} ${v.clause}`) }, v.value),
                h("span", { class: "count" }, String(v.count)),
              ),
            ),
          ),
        );

  const submit = (query: string) => {
    input.value = query.trim();
    offset = 0;
    go({ screen: "search", ref, query: input.value });
  };

  const renderSaved = async () => {
    const saved = await api.savedSearches(ref);
    replace(
      savedSlot,
      saved.length === 0
        ? null
        : [
            h("h3", {}, "Saved searches"),
            h(
              "ul",
              {},
              saved.map((q) => h("li", {}, h("a", { href: routeHash({ screen: "search", ref, query: q }) }, q))),
            ),
          ],
    );
  };

  const form = h(
    "form",
    { class: "search-bar", role: "search" },
    input,
    sortSelect,
    h("button", { type: "submit", class: "button primary" }, "Search"),
    h(
      "button",
      {
        type: "button",
        class: "button",
        id: "save-search",
        onclick: () => {
          const q = input.value.trim();
          if (q)
            void api
              .saveSearch(ref, q)
              .then(renderSaved)
              .then(() => announce("Search saved"));
        },
      },
      "Save search",
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(input.value);
  });
  sortSelect.addEventListener("change", () => {
    sort = sortSelect.value as SortBy;
    offset = 0;
    void run();
  });

  replace(
    main,
    h("div", { class: "screen-head" }, h("h1", {}, "Search")),
    form,
    h(
      "details",
      { class: "help" },
      h("summary", {}, "How to search"),
      h(
        "ul",
        {},
        h("li", {}, h("code", {}, "okafor smith"), " both words; ", h("code", {}, "okafor OR smith"), " either; ", h("code", {}, "-draft"), " without"),
        h("li", {}, h("code", {}, "complaint"), " also finds complaints, complained; ", h("code", {}, "exact:complaint"), " only as written"),
        h("li", {}, h("code", {}, '"rent arrears"'), " the exact phrase, words as written"),
        h("li", {}, h("code", {}, "okafor~"), " spelling variants (one letter off); ", h("code", {}, "okaf*"), " words starting with"),
        h(
          "li",
          {},
          h("code", {}, "from:"),
          " ",
          h("code", {}, "to:"),
          " ",
          h("code", {}, "subject:"),
          " ",
          h("code", {}, "name:"),
          " ",
          h("code", {}, "path:"),
          " ",
          h("code", {}, "type:pdf"),
          " in one field",
        ),
        h("li", {}, h("code", {}, "date:2026-03"), " a month; ", h("code", {}, "date:[2026-01-01 TO 2026-03-31]"), " a range"),
      ),
    ),
    h("div", { class: "search-layout" }, h("div", {}, count, results, pager), h("div", {}, facetsSlot, savedSlot)),
  );
  void renderSaved();
  if (route.query) await run();
  else replace(count, "Type what to look for: a name, a word, a phrase in quotes.");
  input.focus();

  const onKey = (event: KeyboardEvent) => {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}

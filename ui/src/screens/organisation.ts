// The organisation profile: the controller's details and the facts of its
// privacy notice that every response letter gives (UK GDPR Art. 15(1)(a)–(h)
// and 15(2)). Lists are one entry per line; what is missing is said beside
// the form. Below it, the bank holidays deadlines use: importing GOV.UK's
// file, after which every open case's due date is re-checked.

import { open } from "@tauri-apps/plugin-dialog";
import { api } from "../api";
import type { HolidaysFile, HolidaysImport, Profile } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { dateText } from "../format";
import { routeHash } from "../router";

type ListKey = "address" | "purposes" | "categories" | "recipients" | "retention" | "sources" | "rights";
type TextKey = "name" | "ico_registration" | "dpo_contact" | "signatory" | "automated_decisions" | "international_transfers" | "complaint_route";

const TEXTS: [TextKey, string][] = [
  ["name", "Organisation name"],
  ["ico_registration", "ICO registration number"],
  ["dpo_contact", "Data Protection Officer contact"],
  ["signatory", "Who signs the letter"],
  ["automated_decisions", "Automated decision-making (Art. 15(1)(h))"],
  ["international_transfers", "Transfers outside the UK (Art. 15(2))"],
  ["complaint_route", "Complaint route to the ICO (Art. 15(1)(f))"],
];
const LISTS: [ListKey, string][] = [
  ["address", "Address (one line each)"],
  ["purposes", "Purposes and lawful bases (Art. 15(1)(a))"],
  ["categories", "Categories of data (Art. 15(1)(b))"],
  ["recipients", "Recipients (Art. 15(1)(c))"],
  ["retention", "Retention (Art. 15(1)(d))"],
  ["rights", "Rights (Art. 15(1)(e))"],
  ["sources", "Sources (Art. 15(1)(g))"],
];

export async function organisationScreen(main: HTMLElement): Promise<void> {
  const state = await api.profile();
  const problems = h("div", { id: "profile-problems" });
  const showProblems = (list: string[], saved: boolean) =>
    replace(
      problems,
      list.length > 0
        ? h(
            "div",
            { class: "notice notice-error", role: "alert" },
            h("p", {}, "Still needed before a response can be exported:"),
            h(
              "ul",
              {},
              list.map((p) => h("li", {}, p)),
            ),
          )
        : notice("info", saved ? "The profile is complete." : "Complete — save it to use it."),
    );
  showProblems(state.problems, state.saved);
  const p = state.profile;
  const form = h(
    "form",
    { class: "profile-form", id: "profile-form" },
    TEXTS.map(([key, label]) =>
      h(
        "div",
        { class: "field" },
        h("label", { for: `p-${key}` }, label),
        key.endsWith("s") || key === "complaint_route" || key === "dpo_contact"
          ? h("textarea", { id: `p-${key}`, name: key, rows: 2 }, p[key])
          : h("input", { id: `p-${key}`, name: key, type: "text", value: p[key] }),
      ),
    ),
    LISTS.map(([key, label]) =>
      h("div", { class: "field" }, h("label", { for: `p-${key}` }, label), h("textarea", { id: `p-${key}`, name: key, rows: 4 }, p[key].join("\n"))),
    ),
    h("button", { type: "submit", class: "button primary" }, "Save profile"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? "").trim();
    const lines = (k: string) =>
      text(k)
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
    const profile = {} as Profile;
    for (const [key] of TEXTS) profile[key] = text(key);
    for (const [key] of LISTS) profile[key] = lines(key);
    api
      .saveProfile(profile)
      .then((saved) => {
        showProblems(saved.problems, true);
        announce("Organisation profile saved.");
      })
      .catch((e: unknown) => replace(problems, notice("error", errorText(e))));
  });
  replace(
    main,
    h("div", { class: "screen-head" }, h("h1", {}, "Organisation profile")),
    h("p", { class: "muted" }, "What every response letter says about your organisation and how it uses personal data."),
    problems,
    form,
    await holidaysSection(),
  );
}

function coverage(file: HolidaysFile): HTMLElement {
  if (!file.path) return h("p", { id: "holidays-state" }, "No file imported: the built-in bank holidays are in use.");
  return h(
    "div",
    { id: "holidays-state" },
    h("p", {}, `In use: ${file.path}`),
    h(
      "ul",
      {},
      file.regions.map((r) => h("li", {}, `${r.region}: ${r.first_year ?? ""}${r.last_year !== r.first_year ? `–${r.last_year ?? ""}` : ""}, ${r.days} days`)),
    ),
  );
}

function importResult(done: HolidaysImport): HTMLElement {
  if (done.moved.length === 0) return notice("info", "Imported. No open case's due date moved.");
  return h(
    "div",
    { class: "notice notice-info", role: "status" },
    h("p", {}, `Imported. ${done.moved.length} open case(s) now have a different due date (each audit trail records it):`),
    h(
      "ul",
      { id: "holidays-moved" },
      done.moved.map((m) =>
        h("li", {}, h("a", { href: routeHash({ screen: "overview", ref: m.reference }) }, m.reference), `: due ${dateText(m.before)} → ${dateText(m.after)}`),
      ),
    ),
  );
}

async function holidaysSection(): Promise<HTMLElement> {
  const state = h("div", {}, coverage(await api.holidays()));
  const result = h("div", { id: "holidays-result", "aria-live": "polite" });
  const run = (path: string) =>
    api
      .importHolidays(path)
      .then((done) => {
        replace(state, coverage(done.file));
        replace(result, importResult(done));
        announce("Bank holidays imported.");
      })
      .catch((e: unknown) => replace(result, notice("error", errorText(e))));
  const choose = h("button", { type: "button", class: "button", id: "holidays-choose" }, "Choose the GOV.UK file…");
  choose.addEventListener("click", () => {
    void open({ multiple: false, directory: false, title: "Choose bank-holidays.json from GOV.UK", filters: [{ name: "JSON", extensions: ["json"] }] }).then(
      (chosen) => {
        if (typeof chosen === "string") void run(chosen);
      },
    );
  });
  const pathInput = h("input", { id: "holidays-path", type: "text", name: "path", autocomplete: "off" }) as HTMLInputElement;
  const form = h(
    "form",
    { class: "path-form", id: "holidays-form" },
    h("label", { for: "holidays-path" }, "Or type the file's path"),
    h("div", { class: "inline" }, pathInput, h("button", { type: "submit", class: "button" }, "Import holidays")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const path = pathInput.value.trim();
    if (path) void run(path);
  });
  return h(
    "section",
    { class: "panel", "aria-labelledby": "holidays-h" },
    h("h2", { id: "holidays-h" }, "Bank holidays"),
    h(
      "p",
      { class: "muted" },
      "Deadlines skip weekends and the bank holidays of each case's region. Disclose computes them and knows the one-off days announced before its release. For a day announced since, download the bank-holidays file from GOV.UK (www.gov.uk/bank-holidays.json) and import it here: it is kept with your cases, and every open case's due date is checked again.",
    ),
    state,
    h("div", { class: "actions" }, choose),
    form,
    result,
  );
}

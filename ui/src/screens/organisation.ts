// The organisation profile: the controller's details and the facts of its
// privacy notice that every response letter gives (UK GDPR Art. 15(1)(a)–(h)
// and 15(2)). Lists are one entry per line; what is missing is said beside
// the form.

import { api } from "../api";
import type { Profile } from "../bindings";
import { announce, h, notice, replace } from "../dom";

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
        ? h("div", { class: "notice notice-error", role: "alert" }, h("p", {}, "Still needed before a response can be exported:"), h("ul", {}, list.map((p) => h("li", {}, p))))
        : notice("info", saved ? "The profile is complete." : "Complete — save it to use it."),
    );
  showProblems(state.problems, state.saved);
  const p = state.profile;
  const form = h(
    "form",
    { class: "profile-form", id: "profile-form" },
    TEXTS.map(([key, label]) =>
      h("div", { class: "field" }, h("label", { for: `p-${key}` }, label), key.endsWith("s") || key === "complaint_route" || key === "dpo_contact" ? h("textarea", { id: `p-${key}`, name: key, rows: 2 }, p[key]) : h("input", { id: `p-${key}`, name: key, type: "text", value: p[key] })),
    ),
    LISTS.map(([key, label]) => h("div", { class: "field" }, h("label", { for: `p-${key}` }, label), h("textarea", { id: `p-${key}`, name: key, rows: 4 }, p[key].join("\n")))),
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
      .catch((e: unknown) => replace(problems, notice("error", e instanceof Error ? e.message : String(e))));
  });
  replace(main, h("div", { class: "screen-head" }, h("h1", {}, "Organisation profile")), h("p", { class: "muted" }, "What every response letter says about your organisation and how it uses personal data."), problems, form);
}

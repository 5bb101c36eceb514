// New case form: every field of the case model. The engine checks it
// (`validate_case`) as each field is changed and before sending, and its
// problems are shown beside their fields; the form keeps no rules of its
// own beyond reading dates and pauses into a case.

import { api, ApiError } from "../api";
import type { Case, Kind, Pause, Region } from "../bindings";
import { announce, h, notice, replace } from "../dom";
import { splitList } from "../format";
import { go } from "../router";
import { fieldErrors, type FieldErrors } from "../problems";

export async function newCaseScreen(main: HTMLElement): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const touched = new Set<string>();
  const field = (name: string, label: string, input: HTMLElement, hint?: string) =>
    h(
      "div",
      { class: "field", "data-field": name },
      h("label", { for: `f-${name}` }, label),
      hint ? h("p", { class: "hint", id: `h-${name}` }, hint) : null,
      input,
      h("p", { class: "field-error", id: `e-${name}`, "aria-live": "polite" }),
    );
  const text = (name: string, attrs: Record<string, string | boolean> = {}) =>
    h("input", { id: `f-${name}`, name, type: "text", "aria-describedby": `h-${name} e-${name}`, ...attrs });
  const area = (name: string) => h("textarea", { id: `f-${name}`, name, rows: 2, "aria-describedby": `h-${name} e-${name}` });
  const select = (name: string, options: [string, string][]) =>
    h(
      "select",
      { id: `f-${name}`, name },
      options.map(([v, l]) => h("option", { value: v }, l)),
    );

  const status = h("div", { class: "form-status" });
  const form = h(
    "form",
    { class: "form", id: "new-case-form", novalidate: true },
    h(
      "fieldset",
      {},
      h("legend", {}, "The request"),
      field(
        "reference",
        "Case reference",
        text("reference", { required: true, autocomplete: "off" }),
        "Letters, digits, - _ and . only; also the case folder's name.",
      ),
      field(
        "kind",
        "Kind of request",
        select("kind", [
          ["access", "Subject access (Art. 15)"],
          ["portability", "Data portability (Art. 20)"],
          ["both", "Both"],
        ]),
      ),
      field("received", "Date received", h("input", { id: "f-received", name: "received", type: "date", value: today, required: true })),
      field(
        "region",
        "Bank holidays of",
        select("region", [
          ["england-wales", "England and Wales"],
          ["scotland", "Scotland"],
          ["northern-ireland", "Northern Ireland"],
        ]),
      ),
      field("requester", "Requester, if not the subject", text("requester"), "For example a solicitor or an advocate acting for the subject."),
      field("pauses", "Clock paused", area("pauses"), "One pause per line as FROM:TO, e.g. 2026-03-02:2026-03-09, while waiting for ID or clarification."),
      h(
        "div",
        { class: "field checkbox" },
        h("input", { id: "f-extended", name: "extended", type: "checkbox" }),
        h("label", { for: "f-extended" }, "Extended by two months (complex or numerous requests)"),
      ),
      h(
        "div",
        { class: "field checkbox" },
        h("input", { id: "f-staff", name: "staff", type: "checkbox", checked: "" }),
        h("label", { for: "f-staff" }, "Disclose staff acting in their role (not suggested for redaction)"),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "The data subject"),
      field("subject", "Full name", text("subject", { required: true, autocomplete: "off" })),
      field("aliases", "Other names", area("aliases"), "Former names, nicknames, other spellings; one per line."),
      field("dob", "Date of birth", h("input", { id: "f-dob", name: "dob", type: "date" })),
      field("addresses", "Addresses", area("addresses"), "One per line."),
      field("postcodes", "Postcodes", area("postcodes")),
      field("accounts", "Tenancy and account references", area("accounts")),
      field("ni", "National Insurance number", text("ni")),
      field("phones", "Phone numbers", area("phones")),
      field("emails", "Email addresses", area("emails")),
      field("household", "Household members", area("household"), "One per line as Name or Name:relationship."),
      field("notes", "Notes", area("notes")),
    ),
    status,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "button primary" }, "Create case"),
      h("a", { class: "button", href: "#/cases" }, "Cancel"),
    ),
  );

  /** The case the form describes, and what could not be read into it. */
  const read = (): { candidate: Case; unread: FieldErrors } => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const list = (name: string) => splitList(value(name));
    const pauses: Pause[] = [];
    const badPauses: string[] = [];
    for (const line of list("pauses")) {
      const m = /^(\d{4}-\d{2}-\d{2})\s*:\s*(\d{4}-\d{2}-\d{2})$/.exec(line);
      if (m && m[1] && m[2]) pauses.push({ from: m[1], to: m[2] });
      else badPauses.push(line);
    }
    const unread: FieldErrors = {};
    if (badPauses.length > 0) unread.pauses = `Not a pause: ${badPauses.join(", ")}`;
    if (!value("received")) unread.received = "Give the date the request was received.";
    const subject = value("subject");
    const candidate: Case = {
      reference: value("reference"),
      kind: value("kind") as Kind,
      requester: value("requester") || subject,
      subject: {
        name: subject,
        aliases: list("aliases"),
        date_of_birth: value("dob") || null,
        addresses: list("addresses"),
        postcodes: list("postcodes"),
        account_refs: list("accounts"),
        ni_number: value("ni") || null,
        phones: list("phones"),
        emails: list("emails"),
      },
      household: list("household").map((line) => {
        const [name = "", relationship = ""] = line.split(":", 2);
        return { name: name.trim(), relationship: relationship.trim() };
      }),
      received: value("received"),
      region: value("region") as Region,
      pauses,
      extended: data.get("extended") !== null,
      disclose_staff_in_role: data.get("staff") !== null,
      notes: value("notes"),
    };
    return { candidate, unread };
  };

  /** The engine's problems and what could not be read, by form field
   * (only the fields in `only`, when given). */
  const check = async (only?: Set<string>): Promise<{ candidate: Case; errors: FieldErrors }> => {
    const { candidate, unread } = read();
    // A case with a date missing cannot be sent to be checked.
    const problems = unread.received ? [] : await api.validateCase(candidate);
    const errors = { ...fieldErrors(problems, only), ...unread };
    if (only) for (const name of Object.keys(errors)) if (!only.has(name)) delete errors[name];
    return { candidate, errors };
  };

  // Each field is checked once the user has changed it.
  form.addEventListener("change", (event) => {
    const name = (event.target as HTMLElement).closest<HTMLElement>("[data-field]")?.dataset.field;
    if (name) touched.add(name);
    check(touched)
      .then(({ errors }) => showErrors(form, errors))
      .catch(() => undefined);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });

  const submit = async () => {
    let checked: { candidate: Case; errors: FieldErrors };
    try {
      checked = await check();
    } catch (e) {
      replace(status, notice("error", e instanceof ApiError ? e.message : String(e)));
      return;
    }
    const { candidate, errors } = checked;
    showErrors(form, errors);
    if (Object.keys(errors).length > 0) {
      replace(status, notice("error", "Please correct the fields marked below."));
      const first = form.querySelector<HTMLElement>("[aria-invalid='true']");
      first?.focus();
      return;
    }
    replace(status, notice("info", "Creating the case…"));
    api
      .createCase(candidate)
      .then((created) => {
        announce(`Case ${created.case.reference} created`);
        go({ screen: "overview", ref: created.case.reference });
      })
      .catch((e: unknown) => {
        const message = e instanceof ApiError ? e.message : String(e);
        replace(status, notice("error", message));
      });
  };

  replace(main, h("h1", {}, "New case"), form);
  form.querySelector<HTMLInputElement>("#f-reference")?.focus();
}

function showErrors(form: HTMLFormElement, errors: FieldErrors): void {
  for (const el of form.querySelectorAll<HTMLElement>("[data-field]")) {
    const name = el.dataset.field ?? "";
    const message = errors[name] ?? "";
    const slot = el.querySelector(".field-error");
    if (slot) slot.textContent = message;
    el.querySelector("input, textarea, select")?.setAttribute("aria-invalid", message ? "true" : "false");
  }
}

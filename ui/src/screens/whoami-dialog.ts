// First run: ask the person's name, recorded in the audit trail with the
// computer's account (the name is kept per account in the home).

import { api } from "../api";
import { announce, errorText, h, notice } from "../dom";

/** Shows the dialog when no name is set yet for this account. */
export async function askNameIfUnset(): Promise<void> {
  const me = await api.whoami();
  if (me.name) return;
  const input = h("input", { id: "whoami-name", name: "name", required: "", maxlength: "100", autocomplete: "name" });
  const error = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { method: "dialog" },
    h("h2", { id: "whoami-h" }, "Who are you?"),
    h("p", {}, `Your name is recorded with every action in the audit trail, together with this computer's account (${me.account}).`),
    h("label", { for: "whoami-name" }, "Your name"),
    input,
    error,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "button primary" }, "Save")),
  );
  const dialog = h("dialog", { id: "whoami", "aria-labelledby": "whoami-h" }, form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void api
      .setWhoami(input.value)
      .then((saved) => {
        dialog.close();
        dialog.remove();
        announce(`You are recorded as ${saved.name ?? saved.account}.`);
      })
      .catch((e: unknown) => error.replaceChildren(notice("error", errorText(e))));
  });
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
}

// The unlock dialog of an encrypted home: shown at start, before any
// screen, until the passphrase opens the home's key. A wrong passphrase is
// said beside the field; nothing is read from the home until it is right.

import { api } from "../api";
import { errorText, h, notice, replace } from "../dom";

/** Resolves once the home is unlocked (at once when it is not encrypted). */
export async function unlockIfNeeded(main: HTMLElement): Promise<void> {
  const lock = await api.homeLock();
  if (!lock.encrypted || lock.unlocked) return;
  document.title = "Unlock · Disclose";
  await new Promise<void>((resolve) => {
    const input = h("input", {
      id: "f-passphrase",
      name: "passphrase",
      type: "password",
      autocomplete: "current-password",
      required: true,
      "aria-describedby": "unlock-status",
    });
    const status = h("div", { id: "unlock-status", class: "form-status" });
    const button = h("button", { type: "submit", class: "button primary" }, "Unlock");
    const form = h(
      "form",
      { class: "form", id: "unlock-form" },
      h("p", {}, `The cases in ${lock.home} are encrypted. Enter the passphrase to open them.`),
      h("div", { class: "field" }, h("label", { for: "f-passphrase" }, "Passphrase"), input),
      h("div", { class: "actions" }, button),
      status,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      button.setAttribute("disabled", "");
      api
        .unlockHome(input.value)
        .then((after) => {
          input.value = "";
          if (after.unlocked) resolve();
        })
        .catch((e: unknown) => {
          replace(status, notice("error", errorText(e)));
          input.value = "";
          input.focus();
        })
        .finally(() => button.removeAttribute("disabled"));
    });
    replace(main, h("h1", {}, "Unlock"), form);
    input.focus();
  });
}

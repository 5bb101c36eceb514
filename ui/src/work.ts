// Long engine work started from the window — rendering the redacted
// copies, finding other people's data — shown as a progress bar with
// "done of total" and a Cancel button that asks the engine to stop after
// the items in hand; what is finished is kept, and running it again
// carries on.

import { api } from "./api";
import type { CheckProgress } from "./bindings";
import { h } from "./dom";

/** What the panel says: `what` and how far it is. */
export function workText(what: string, done: number, total: number): string {
  return total > 0 ? `${what}: ${done} of ${total}` : `${what}…`;
}

/** A progress panel with its Cancel button; `update` takes the engine's progress. */
export function workPanel(id: string, what: string): { element: HTMLElement; update: (p: CheckProgress) => void } {
  const bar = h("progress", { id: `${id}-bar`, max: 1, value: 0, "aria-label": what });
  const status = h("p", { id: `${id}-status`, role: "status" }, workText(what, 0, 0));
  const cancel = h("button", { type: "button", class: "button danger", id: `${id}-cancel` }, "Cancel");
  cancel.addEventListener("click", () => {
    cancel.disabled = true;
    status.textContent = "Stopping after the items in hand…";
    void api.cancelWork();
  });
  const element = h("div", { class: "work-progress", id }, status, bar, cancel);
  const update = (p: CheckProgress) => {
    const done = Number(p.done);
    const total = Number(p.total);
    bar.max = Math.max(total, 1);
    bar.value = done;
    if (!cancel.disabled) status.textContent = workText(what, done, total);
  };
  return { element, update };
}

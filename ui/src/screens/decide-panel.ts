// A panel to record a decision on one item: buttons for the five
// decisions and the reason (exemption) to cite.

import { api } from "../api";
import type { DecisionRecord, Reason, ReviewProgress } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { DECISIONS, decisionLabel, type DecisionInfo } from "../decisions";
import { dateText } from "../format";

export async function decidePanel(
  ref: string,
  itemId: number,
  current: DecisionRecord | null,
  onDecided: (progress: ReviewProgress) => void,
): Promise<{ panel: HTMLElement; decide: (info: DecisionInfo) => Promise<void> }> {
  const reasons: Reason[] = await api.reasons();
  const state = h("p", { id: "decision-state", role: "status" });
  const showCurrent = (record: DecisionRecord | null) =>
    replace(
      state,
      record
        ? [
            h("strong", {}, decisionLabel(record.decision)),
            record.reason ? ` · ${reasons.find((r) => r.code === record.reason)?.label ?? record.reason}` : "",
            h("span", { class: "muted" }, ` — ${record.decided_by}, ${dateText(record.decided_at)}`),
          ]
        : "Not decided yet.",
    );
  showCurrent(current);
  const select = reasonSelect("decision-reason", "Reason or exemption", reasons);
  if (current?.reason) select.value = current.reason;
  const message = h("div", {});
  const decide = async (info: DecisionInfo) => {
    const reason = chosenReason(info, select, message);
    if (reason === undefined) return;
    try {
      const progress = await api.decide(ref, [itemId], info.decision, reason, "");
      replace(message);
      showCurrent({ item_id: itemId, decision: info.decision, reason, note: "", decided_at: new Date().toISOString(), decided_by: "you" });
      announce(`${info.label}. ${progress.decided} of ${progress.total} decided.`);
      onDecided(progress);
    } catch (e) {
      replace(message, notice("error", errorText(e)));
    }
  };
  const panel = h(
    "section",
    { class: "panel decide", "aria-labelledby": "decide-h" },
    h("h2", { id: "decide-h" }, "Decision"),
    state,
    h("label", { for: "decision-reason" }, "Reason"),
    select,
    h(
      "div",
      { class: "decision-buttons" },
      DECISIONS.map((info) =>
        h(
          "button",
          { type: "button", class: "button", "data-decision": info.decision, "aria-keyshortcuts": info.key, onclick: () => void decide(info) },
          info.label,
          " ",
          h("kbd", {}, info.key.toUpperCase()),
        ),
      ),
    ),
    message,
  );
  return { panel, decide };
}

/** A list of the reasons (exemptions) a decision may cite. */
export function reasonSelect(id: string, label: string, reasons: Reason[]): HTMLSelectElement {
  return h(
    "select",
    { id, "aria-label": label },
    h("option", { value: "" }, "No reason"),
    reasons.map((r) => h("option", { value: r.code, title: r.citation }, `${r.label} (${r.citation})`)),
  );
}

/** The chosen reason; undefined, with the problem shown, when `info` needs one and none is chosen. */
export function chosenReason(info: DecisionInfo, select: HTMLSelectElement, message: HTMLElement): string | null | undefined {
  const reason = select.value || null;
  if (info.needsReason && !reason) {
    replace(message, notice("error", "Choose the exemption relied on before withholding."));
    select.focus();
    return undefined;
  }
  return reason;
}

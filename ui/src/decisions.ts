// The five review decisions, their labels and keyboard shortcuts, shared
// by the document viewer and the review screen.

import type { Decision } from "./bindings";

export interface DecisionInfo {
  decision: Decision;
  label: string;
  key: string;
  /** Whether a reason (exemption) must be given. */
  needsReason: boolean;
}

export const DECISIONS: DecisionInfo[] = [
  { decision: "disclose", label: "Disclose", key: "d", needsReason: false },
  { decision: "redact", label: "Disclose with redactions", key: "r", needsReason: false },
  { decision: "withhold", label: "Withhold (exemption)", key: "w", needsReason: true },
  { decision: "not-relevant", label: "Not relevant", key: "n", needsReason: false },
  { decision: "duplicate", label: "Duplicate", key: "u", needsReason: false },
];

export function decisionLabel(decision: Decision | null | undefined): string {
  return DECISIONS.find((d) => d.decision === decision)?.label ?? "Not decided";
}

/** The decision a key press asks for, if any (no modifier keys). */
export function decisionForKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): DecisionInfo | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return DECISIONS.find((d) => d.key === event.key.toLowerCase());
}

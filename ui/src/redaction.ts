// Redaction marks in the viewer: which parts of the text and which boxes
// on a page are redacted (black, with the reason) or suggested (outlined),
// and turning a text selection back into the engine's UTF-8 byte offsets.

import type { Mark, Page } from "./bindings";
import { byteToIndex } from "./highlight";

export type RunKind = "plain" | "hit" | "accepted" | "suggested";

export interface MarkedRun {
  text: string;
  kind: RunKind;
  reason?: string;
  markId?: number;
}

/** The marks that show: redactions and waiting suggestions. */
export function liveMarks(marks: Mark[]): Mark[] {
  return marks.filter((m) => m.status === "accepted" || m.status === "suggested");
}

/**
 * Splits `text` into runs: redacted and suggested ranges from `marks`
 * (UTF-8 byte offsets), then search `hits` (UTF-16 ranges) in what is left.
 */
export function markRuns(text: string, marks: Mark[], hits: [number, number][]): MarkedRun[] {
  const toIndex = byteToIndex(text);
  const spans = liveMarks(marks)
    .flatMap((m) => (m.target.type === "text" ? [{ start: toIndex(m.target.start), end: toIndex(m.target.end), mark: m }] : []))
    // Redactions win over suggestions where they overlap.
    .sort((a, b) => a.start - b.start || (a.mark.status === "accepted" ? -1 : 1));
  const runs: MarkedRun[] = [];
  const plain = (from: number, to: number) => {
    let at = from;
    for (const [s, e] of hits) {
      const start = Math.max(s, at);
      const end = Math.min(e, to);
      if (start >= end) continue;
      if (start > at) runs.push({ text: text.slice(at, start), kind: "plain" });
      runs.push({ text: text.slice(start, end), kind: "hit" });
      at = end;
    }
    if (at < to) runs.push({ text: text.slice(at, to), kind: "plain" });
  };
  let at = 0;
  for (const { start, end, mark } of spans) {
    const s = Math.max(start, at);
    if (s >= end) continue;
    plain(at, s);
    runs.push({ text: text.slice(s, end), kind: mark.status === "accepted" ? "accepted" : "suggested", reason: mark.reason, markId: mark.id });
    at = end;
  }
  plain(at, text.length);
  return runs;
}

/** For each UTF-16 index of `text`, its UTF-8 byte offset. */
export function indexToByte(text: string): (index: number) => number {
  const encoder = new TextEncoder();
  return (index: number) => encoder.encode(text.slice(0, Math.max(0, Math.min(index, text.length)))).length;
}

/** The selected part of `container` (whose text content is `text`) as UTF-8 byte offsets. */
export function selectionBytes(container: HTMLElement, text: string): [number, number] | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const offset = (node: Node, at: number) => {
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(node, at);
    return before.toString().length;
  };
  let start = offset(range.startContainer, range.startOffset);
  let end = offset(range.endContainer, range.endOffset);
  // Leave out the spaces and line breaks a drag picks up at either end.
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (start >= end) return null;
  const toByte = indexToByte(text);
  return [toByte(start), toByte(end)];
}

export interface Box {
  rect: [number, number, number, number];
  kind: "accepted" | "suggested";
  reason: string;
}

/** The boxes to draw on `page`: marked areas, and the words under marked text. */
export function pageBoxes(page: Page, marks: Mark[]): Box[] {
  const boxes: Box[] = [];
  for (const mark of liveMarks(marks)) {
    const kind = mark.status === "accepted" ? "accepted" : "suggested";
    const target = mark.target;
    if (target.type === "area") {
      if (target.page === page.number) boxes.push({ rect: target.rect, kind, reason: mark.reason });
      continue;
    }
    for (const word of page.words) {
      if (word.start < target.end && target.start < word.end) boxes.push({ rect: word.bbox, kind, reason: mark.reason });
    }
  }
  return boxes;
}

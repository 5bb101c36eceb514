// Boxes over a drawn page or image: redactions as the requester will see
// them (black, with the reason), suggestions outlined, and drawing a new
// box with the mouse when drawing is switched on.

import type { Mark, Page } from "./bindings";
import { h } from "./dom";
import { pageBoxes } from "./redaction";

export interface Overlay {
  marks: Mark[];
  /** Whether dragging on a page draws a redaction box. */
  drawing: () => boolean;
  /** A box drawn on page `page`, in the page's own units (points, or image pixels). */
  onArea: (page: number, rect: [number, number, number, number]) => void;
}

function place(el: HTMLElement, [x0, y0, x1, y1]: [number, number, number, number], scale: number): void {
  el.style.left = `${x0 * scale}px`;
  el.style.top = `${y0 * scale}px`;
  el.style.width = `${(x1 - x0) * scale}px`;
  el.style.height = `${(y1 - y0) * scale}px`;
}

/** Adds the mark boxes of `layout` to `frame` (drawn at `scale`) and lets boxes be drawn on it. */
export function attachOverlay(frame: HTMLElement, pageNumber: number, layout: Page | undefined, scale: number, overlay: Overlay): void {
  const boxes = layout ? pageBoxes(layout, overlay.marks) : [];
  for (const mark of overlay.marks) {
    const t = mark.target;
    if (!layout && t.type === "area" && t.page === pageNumber && (mark.status === "accepted" || mark.status === "suggested")) {
      boxes.push({ rect: t.rect, kind: mark.status === "accepted" ? "accepted" : "suggested", reason: mark.reason });
    }
  }
  for (const box of boxes) {
    const el = h(
      "div",
      { class: `mark-box mark-${box.kind}`, title: box.kind === "accepted" ? `Redacted: ${box.reason}` : `Suggested: ${box.reason}` },
      box.kind === "accepted" ? h("span", { class: "mark-label" }, box.reason) : null,
    );
    place(el, box.rect, scale);
    frame.append(el);
  }
  frame.addEventListener("pointerdown", (event) => {
    if (!overlay.drawing() || event.button !== 0) return;
    event.preventDefault();
    const origin = frame.getBoundingClientRect();
    const x = (e: PointerEvent) => Math.max(0, e.clientX - origin.left);
    const y = (e: PointerEvent) => Math.max(0, e.clientY - origin.top);
    const start = [x(event), y(event)] as const;
    const ghost = h("div", { class: "mark-box mark-drawing" });
    frame.append(ghost);
    const rectOf = (e: PointerEvent): [number, number, number, number] => [
      Math.min(start[0], x(e)) / scale,
      Math.min(start[1], y(e)) / scale,
      Math.max(start[0], x(e)) / scale,
      Math.max(start[1], y(e)) / scale,
    ];
    const move = (e: PointerEvent) => place(ghost, rectOf(e), scale);
    const up = (e: PointerEvent) => {
      frame.removeEventListener("pointermove", move);
      frame.removeEventListener("pointerup", up);
      ghost.remove();
      const rect = rectOf(e);
      if (rect[2] - rect[0] > 2 / scale && rect[3] - rect[1] > 2 / scale) overlay.onArea(pageNumber, rect);
    };
    frame.setPointerCapture(event.pointerId);
    frame.addEventListener("pointermove", move);
    frame.addEventListener("pointerup", up);
  });
}

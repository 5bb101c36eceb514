// PDF pages drawn with pdf.js (bundled, no CDN), with the search hits
// boxed on the page from the word positions the engine extracted, and the
// redaction marks over them (see overlay.ts).

import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";
import type { Page } from "./bindings";
import { h } from "./dom";
import { byteToIndex } from "./highlight";
import { attachOverlay, type Overlay } from "./overlay";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn at first; the rest on request, so long files open fast. */
const FIRST_PAGES = 20;

/** Boxes (in points) of the words on `page` that start with a query word. */
export function hitBoxes(text: string, page: Page, words: string[]): [number, number, number, number][] {
  if (words.length === 0) return [];
  const toIndex = byteToIndex(text);
  return page.words
    .filter((w) => {
      const word = text.slice(toIndex(w.start), toIndex(w.end)).toLowerCase();
      return words.some((q) => word.startsWith(q) || word.replace(/^[^\p{L}\p{N}]+/u, "").startsWith(q));
    })
    .map((w) => w.bbox);
}

export async function renderPdf(container: HTMLElement, bytes: ArrayBuffer, text: string, pages: Page[], words: string[], overlay?: Overlay): Promise<number> {
  // A copy: pdf.js hands its data to its worker, and the caller may draw
  // the same bytes again.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes).slice(), enableXfa: false }).promise;
  const width = Math.max(480, Math.min(container.clientWidth || 800, 1000));
  const drawPage = async (number: number) => {
    const page = await doc.getPage(number);
    const unscaled = page.getViewport({ scale: 1 });
    const scale = width / unscaled.width;
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = h("canvas", { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio), "aria-hidden": "true" });
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    const frame = h("figure", { class: "pdf-page", "data-page": number }, canvas, h("figcaption", { class: "muted" }, `Page ${number} of ${doc.numPages}`));
    frame.style.width = `${viewport.width}px`;
    const layout = pages.find((p) => p.number === number);
    if (layout) {
      for (const [x0, y0, x1, y1] of hitBoxes(text, layout, words)) {
        const box = h("div", { class: "pdf-hit" });
        box.style.left = `${x0 * scale}px`;
        box.style.top = `${y0 * scale}px`;
        box.style.width = `${(x1 - x0) * scale}px`;
        box.style.height = `${(y1 - y0) * scale}px`;
        frame.append(box);
      }
    }
    if (overlay) attachOverlay(frame, number, layout, scale, overlay);
    container.append(frame);
    const context = canvas.getContext("2d");
    if (!context) return;
    await page.render({ canvas, canvasContext: context, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  };
  const first = Math.min(doc.numPages, FIRST_PAGES);
  for (let n = 1; n <= first; n++) await drawPage(n);
  if (doc.numPages > first) {
    const more = h("button", { type: "button", class: "button" }, `Show the other ${doc.numPages - first} pages`);
    more.addEventListener("click", async () => {
      more.remove();
      for (let n = first + 1; n <= doc.numPages; n++) await drawPage(n);
    });
    container.append(more);
  }
  return doc.numPages;
}

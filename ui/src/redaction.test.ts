import { describe, expect, it } from "vitest";
import type { Mark, Page } from "./bindings";
import { indexToByte, markRuns, pageBoxes } from "./redaction";

function mark(id: number, start: number, end: number, status: Mark["status"]): Mark {
  return {
    id,
    item_id: 1,
    target: { type: "text", start, end },
    text: "",
    kind: "manual",
    whose: "third_party",
    person: "",
    reason: "third-party",
    confidence: null,
    source: "manual",
    status,
    created_at: "",
    created_by: "",
    decided_at: null,
    decided_by: null,
    boxes: [],
  };
}

describe("marks in the text", () => {
  it("turns byte ranges past non-ASCII text into the right runs", () => {
    const text = "Zoë saw John Smith and Ann";
    const bytes = new TextEncoder();
    const start = bytes.encode("Zoë saw ").length;
    const end = start + "John Smith".length;
    const annStart = bytes.encode("Zoë saw John Smith and ").length;
    const runs = markRuns(text, [mark(1, start, end, "accepted"), mark(2, annStart, annStart + 3, "suggested"), mark(3, 0, 2, "rejected")], [[4, 7]]);
    expect(runs.map((r) => [r.kind, r.text])).toEqual([
      ["plain", "Zoë "],
      ["hit", "saw"],
      ["plain", " "],
      ["accepted", "John Smith"],
      ["plain", " and "],
      ["suggested", "Ann"],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
  });

  it("maps string indexes back to UTF-8 bytes", () => {
    const toByte = indexToByte("Zoë 😀 x");
    expect(toByte(3)).toBe(4);
    expect(toByte(6)).toBe(9);
  });
});

describe("marks on a page", () => {
  it("boxes the words under marked text and the marked areas of that page", () => {
    const page: Page = {
      number: 1,
      width: 600,
      height: 800,
      words: [
        { start: 0, end: 4, bbox: [10, 10, 40, 20] },
        { start: 5, end: 10, bbox: [45, 10, 80, 20] },
      ],
    };
    const area: Mark = { ...mark(4, 0, 0, "accepted"), target: { type: "area", page: 2, rect: [1, 2, 3, 4] } };
    const boxes = pageBoxes(page, [mark(1, 5, 10, "suggested"), area]);
    expect(boxes).toEqual([{ rect: [45, 10, 80, 20], kind: "suggested", reason: "third-party" }]);
  });
});

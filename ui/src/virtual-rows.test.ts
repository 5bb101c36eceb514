import { describe, expect, it } from "vitest";
import { rowWindow, scrollToShow } from "./virtual-rows";

describe("the rows a long table draws", () => {
  it("draws the rows in view and a few either side, with spacers for the rest", () => {
    const w = rowWindow(100_000, 30, 30 * 50_000, 600, 10);
    expect(w.first).toBe(49_990);
    expect(w.end).toBe(50_000 + 21 + 10);
    expect(w.before).toBe(49_990 * 30);
    expect(w.after).toBe((100_000 - w.end) * 30);
    expect(w.before + (w.end - w.first) * 30 + w.after).toBe(100_000 * 30);
  });

  it("stops at the ends of the list", () => {
    expect(rowWindow(5, 30, 0, 600, 10)).toEqual({ first: 0, end: 5, before: 0, after: 0 });
    expect(rowWindow(0, 30, 0, 600, 10)).toEqual({ first: 0, end: 0, before: 0, after: 0 });
    const last = rowWindow(1000, 30, 30 * 1000, 600, 10);
    expect(last.end).toBe(1000);
    expect(last.after).toBe(0);
  });

  it("scrolls only as far as needed to show a row", () => {
    expect(scrollToShow(10, 30, 40, 0, 600)).toBe(0);
    expect(scrollToShow(30, 30, 40, 0, 600)).toBe(40 + 31 * 30 - 600);
    expect(scrollToShow(5, 30, 40, 900, 600)).toBe(150);
  });
});

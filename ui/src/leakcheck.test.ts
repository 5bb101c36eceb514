import { describe, expect, it } from "vitest";
import { checkText } from "./leakcheck";

describe("checkText", () => {
  it("counts the new files read as the check runs", () => {
    expect(checkText({ phase: "running", done: 2, total: 5 })).toBe("Leak check: reading 5 new file(s) — 2 of 5 done…");
    expect(checkText({ phase: "running", done: 0, total: 0 })).toMatch(/what is new/);
  });
  it("says how much came from stored checks once clean", () => {
    expect(checkText({ phase: "clean", read: 4, reused: 2000 })).toBe("Leak check passed (4 file(s) read now, 2000 from checks kept in the case).");
    expect(checkText({ phase: "clean", read: 3, reused: 0 })).toBe("Leak check passed (3 file(s) read now).");
  });
  it("names findings, a stop and a failure", () => {
    expect(checkText({ phase: "findings", count: 1 })).toMatch(/found 1 thing/);
    expect(checkText({ phase: "stopped" })).toMatch(/stopped/);
    expect(checkText({ phase: "failed", message: "no tesseract" })).toMatch(/no tesseract/);
  });
});

import { describe, expect, it } from "vitest";
import { workText } from "./work";

describe("workText", () => {
  it("says how far the work is once the engine has counted it", () => {
    expect(workText("Rendering", 3, 40)).toBe("Rendering: 3 of 40");
  });
  it("says only what runs before anything is counted", () => {
    expect(workText("Rendering", 0, 0)).toBe("Rendering…");
  });
});

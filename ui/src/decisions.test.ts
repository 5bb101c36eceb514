import { describe, expect, it } from "vitest";
import { DECISIONS, decisionForKey, decisionLabel } from "./decisions";

describe("decision keys", () => {
  it("map each letter to one decision, without modifiers", () => {
    const keys = DECISIONS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(decisionForKey({ key: "W", ctrlKey: false, metaKey: false, altKey: false })?.decision).toBe("withhold");
    expect(decisionForKey({ key: "d", ctrlKey: true, metaKey: false, altKey: false })).toBeUndefined();
    expect(decisionForKey({ key: "x", ctrlKey: false, metaKey: false, altKey: false })).toBeUndefined();
  });
  it("only withholding needs a reason", () => {
    expect(DECISIONS.filter((d) => d.needsReason).map((d) => d.decision)).toEqual(["withhold"]);
    expect(decisionLabel(null)).toBe("Not decided");
  });
});

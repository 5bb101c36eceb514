import { describe, expect, it } from "vitest";
import { byteToIndex, findWords, queryWords, runsFromByteRanges, runsFromRanges } from "./highlight";

describe("byte offsets", () => {
  it("map UTF-8 bytes to string indexes past accents, symbols and emoji", () => {
    const text = "Zoë paid £5 😀 ok";
    const toIndex = byteToIndex(text);
    const bytes = new TextEncoder().encode(text);
    const okByte = bytes.length - 2;
    expect(text.slice(toIndex(okByte))).toBe("ok");
    expect(toIndex(0)).toBe(0);
    expect(toIndex(bytes.length)).toBe(text.length);
  });
  it("highlight the right words in non-ASCII snippets", () => {
    const snippet = "Mrs Zoë Okafor rang";
    const start = new TextEncoder().encode("Mrs Zoë ").length;
    const runs = runsFromByteRanges(snippet, [[start, start + 6]]);
    expect(runs).toEqual([
      { text: "Mrs Zoë ", hit: false },
      { text: "Okafor", hit: true },
      { text: " rang", hit: false },
    ]);
  });
});

describe("runs", () => {
  it("merge overlapping ranges and keep all text", () => {
    const runs = runsFromRanges("abcdefgh", [
      [2, 5],
      [4, 6],
      [0, 0],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe("abcdefgh");
    expect(runs.filter((r) => r.hit).map((r) => r.text)).toEqual(["cde", "f"]);
  });
});

describe("query words", () => {
  it("drop syntax, fields and operators", () => {
    expect(queryWords('okafor~ AND "rent arrears" from:housing type:pdf date:2026-03 -draft okaf*')).toEqual([
      "okafor",
      "rent",
      "arrears",
      "housing",
      "draft",
      "okaf",
    ]);
  });
  it("find words at word starts only, ignoring case", () => {
    expect(findWords("Okafor and BOkafor and okafor's", ["okafor"])).toEqual([
      [0, 6],
      [23, 29],
    ]);
  });
});

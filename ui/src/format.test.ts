import { describe, expect, it } from "vitest";
import { bytesText, closedText, dateText, daysText, splitList, urgency, whoseText } from "./format";

describe("days left", () => {
  it("says it in words", () => {
    expect(daysText(5)).toBe("5 days left");
    expect(daysText(1)).toBe("1 day left");
    expect(daysText(0)).toBe("due today");
    expect(daysText(-1)).toBe("1 day overdue");
    expect(daysText(-12)).toBe("12 days overdue");
  });
  it("says how a closed case ended instead", () => {
    expect(closedText({ closed_on: "2019-07-01", outcome: "responded" })).toBe("Closed 1 Jul 2019 (responded)");
  });
  it("grades urgency", () => {
    expect(urgency(-1)).toBe("overdue");
    expect(urgency(0)).toBe("soon");
    expect(urgency(7)).toBe("soon");
    expect(urgency(8)).toBe("ok");
  });
});

describe("formatting", () => {
  it("sizes", () => {
    expect(bytesText(512)).toBe("512 B");
    expect(bytesText(1536)).toBe("1.5 KB");
    expect(bytesText(250 * 1024 * 1024)).toBe("250 MB");
  });
  it("dates, with the time when there is one", () => {
    expect(dateText("2026-03-02")).toBe("2 Mar 2026");
    expect(dateText("2026-03-02T14:05:00Z")).toBe("2 Mar 2026 14:05");
    expect(dateText(null)).toBe("");
    expect(dateText("not a date")).toBe("not a date");
  });
  it("splits lists by line or semicolon", () => {
    expect(splitList(" a \n\nb; c ;")).toEqual(["a", "b", "c"]);
  });
});

describe("whose data", () => {
  it("says it in words, and nothing for unknown", () => {
    expect(whoseText("third_party")).toBe("third party");
    expect(whoseText("subject")).toBe("the requester");
    expect(whoseText("unknown")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, type Route } from "./router";

describe("routes", () => {
  it("round-trip through the hash", () => {
    const routes: Route[] = [
      { screen: "cases" },
      { screen: "new-case" },
      { screen: "overview", ref: "SAR-2026/1" },
      { screen: "import", ref: "A" },
      { screen: "search", ref: "A", query: 'okafor "rent arrears"' },
      { screen: "item", ref: "A", id: 42, query: "x" },
      { screen: "review", ref: "A" },
      { screen: "export", ref: "A" },
      { screen: "organisation" },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
  it("fall back to the cases screen", () => {
    expect(parseRoute("")).toEqual({ screen: "cases" });
    expect(parseRoute("#/case/A/item/abc")).toEqual({ screen: "cases" });
    expect(parseRoute("#/nowhere")).toEqual({ screen: "cases" });
  });
});

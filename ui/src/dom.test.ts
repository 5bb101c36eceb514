import { describe, expect, it } from "vitest";
import { h, replace } from "./dom";

describe("h()", () => {
  it("keeps document text as text, never markup", () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const p = h("p", {}, hostile);
    expect(p.textContent).toBe(hostile);
    expect(p.querySelector("img, script")).toBeNull();
  });
  it("flattens nested children and skips empty ones", () => {
    const ul = h("ul", {}, [h("li", {}, "a"), null, [h("li", {}, "b"), false]], undefined);
    expect([...ul.children].map((li) => li.textContent)).toEqual(["a", "b"]);
  });
  it("sets attributes, boolean attributes and listeners", () => {
    let clicks = 0;
    const b = h("button", { type: "button", disabled: false, "aria-pressed": "true", hidden: true, onclick: () => clicks++ });
    b.click();
    expect(clicks).toBe(1);
    expect(b.hasAttribute("disabled")).toBe(false);
    expect(b.hasAttribute("hidden")).toBe(true);
    expect(b.getAttribute("aria-pressed")).toBe("true");
    replace(b, "Go");
    expect(b.textContent).toBe("Go");
  });
});

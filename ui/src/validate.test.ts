import { describe, expect, it } from "vitest";
import type { Case } from "./bindings";
import { validateCase } from "./validate";

const base: Case = {
  reference: "SAR-2026-001",
  kind: "access",
  requester: "Ada Okafor",
  subject: { name: "Ada Okafor", aliases: [], date_of_birth: null, addresses: [], postcodes: [], account_refs: [], ni_number: null, phones: [], emails: [] },
  household: [],
  received: "2026-11-02",
  region: "england-wales",
  pauses: [],
  extended: false,
  disclose_staff_in_role: true,
  notes: "",
};

describe("new case checks", () => {
  it("accept a complete case", () => {
    expect(validateCase(base, "2026-11-30")).toEqual({});
  });
  it("name each bad field", () => {
    const bad: Case = {
      ...base,
      reference: ".hidden",
      received: "2027-01-01",
      subject: { ...base.subject, name: "", ni_number: "QQ123456Z", emails: ["ada@"], phones: ["0161"], date_of_birth: "2030-01-01" },
      pauses: [{ from: "2026-11-10", to: "2026-11-05" }],
    };
    expect(Object.keys(validateCase(bad, "2026-11-30")).sort()).toEqual(["dob", "emails", "ni", "pauses", "phones", "received", "reference", "subject"]);
  });
});

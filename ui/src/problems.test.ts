import { describe, expect, it } from "vitest";
import { fieldErrors } from "./problems";

describe("the engine's problems beside the form", () => {
  it("go to their fields, several joined", () => {
    const errors = fieldErrors([
      { field: "reference", message: "case reference '.x' must be 1-64 letters" },
      { field: "subject.phones", message: "'0161' is not a UK phone number" },
      { field: "subject.phones", message: "'123' is not a UK phone number" },
      { field: "subject.date_of_birth", message: "a date of birth must be in the past" },
    ]);
    expect(errors).toEqual({
      reference: "Case reference '.x' must be 1-64 letters.",
      phones: "'0161' is not a UK phone number. '123' is not a UK phone number.",
      dob: "A date of birth must be in the past.",
    });
  });
  it("only for the fields asked", () => {
    const errors = fieldErrors(
      [
        { field: "subject.name", message: "the subject's name is required" },
        { field: "subject.ni_number", message: "'QQ' is not a valid National Insurance number" },
      ],
      new Set(["ni"]),
    );
    expect(Object.keys(errors)).toEqual(["ni"]);
  });
});

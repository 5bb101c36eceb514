// The engine's problems with a case, placed beside the new case form's
// fields. The rules themselves live in the engine (`Case::problems`); the
// window only says where each one goes.

import type { CaseField, Problem } from "./bindings";

export type FieldErrors = Record<string, string>;

/** The form field each of the engine's case fields is typed into. */
const FORM_FIELD: Record<CaseField, string> = {
  reference: "reference",
  received: "received",
  pauses: "pauses",
  "subject.name": "subject",
  "subject.date_of_birth": "dob",
  "subject.ni_number": "ni",
  "subject.emails": "emails",
  "subject.postcodes": "postcodes",
  "subject.phones": "phones",
};

/** The problems by form field, several for one field joined; only the
 * fields in `only`, when given. */
export function fieldErrors(problems: Problem[], only?: Set<string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = FORM_FIELD[p.field] ?? p.field;
    if (only && !only.has(field)) continue;
    const message = p.message.charAt(0).toUpperCase() + p.message.slice(1) + ".";
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  return errors;
}

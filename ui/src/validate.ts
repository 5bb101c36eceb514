// Checks of the new case form, mirroring the engine's rules so mistakes
// show next to the field before anything is sent.

import type { Case } from "./bindings";

export type FieldErrors = Record<string, string>;

const REFERENCE = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NI = /^[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateCase(c: Case, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!c.reference) errors.reference = "Give the case a reference.";
  else if (!REFERENCE.test(c.reference))
    errors.reference = "Use letters, digits, - _ and . only (up to 64), not starting with a dot.";
  if (!c.subject.name) errors.subject = "Give the data subject's full name.";
  if (!DATE.test(c.received)) errors.received = "Give the date the request was received.";
  else if (c.received > today) errors.received = "The request cannot be received in the future.";
  const dob = c.subject.date_of_birth;
  if (dob && (!DATE.test(dob) || dob >= today)) errors.dob = "A date of birth must be in the past.";
  if (c.subject.ni_number && !NI.test(c.subject.ni_number))
    errors.ni = "Not a National Insurance number (two letters, six digits, a letter A–D).";
  const badEmails = c.subject.emails.filter((e) => !EMAIL.test(e));
  if (badEmails.length > 0) errors.emails = `Not an email address: ${badEmails.join(", ")}`;
  const badPhones = c.subject.phones.filter((p) => p.replace(/[^\d]/g, "").length < 10);
  if (badPhones.length > 0) errors.phones = `Too short for a UK phone number: ${badPhones.join(", ")}`;
  for (const p of c.pauses) {
    if (p.to < p.from) {
      errors.pauses = `A pause ends before it starts: ${p.from}:${p.to}`;
      break;
    }
  }
  return errors;
}

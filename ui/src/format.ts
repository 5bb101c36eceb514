// Wording and formatting shared by the screens: days left, sizes, dates,
// whose data a mark covers.

import type { Whose } from "./bindings";

/** "5 days left", "due today", "3 days overdue". */
export function daysText(days: number): string {
  if (days === 0) return "due today";
  if (days === 1) return "1 day left";
  if (days > 1) return `${days} days left`;
  if (days === -1) return "1 day overdue";
  return `${-days} days overdue`;
}

/** How a closed case ended: "Closed 1 Jun 2026 (responded)". */
export function closedText(closure: { closed_on: string; outcome: string }): string {
  return `Closed ${dateText(closure.closed_on)} (${closure.outcome})`;
}

export type Urgency = "overdue" | "soon" | "ok";

/** How urgent a case is: overdue, due within a week, or not yet. */
export function urgency(days: number): Urgency {
  if (days < 0) return "overdue";
  if (days <= 7) return "soon";
  return "ok";
}

export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** An RFC 3339 time or a date as "2 Mar 2026" (and "14:05" when timed). */
export function dateText(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  if (value.length <= 10) return day;
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${day} ${time}`;
}

/** Splits a list typed one per line or separated by semicolons. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Whose data a mark covers, in words; empty when nobody is known. One
 * entry per word of the engine's `Whose`, so a new one fails the build. */
const WHOSE: Record<Whose, string> = {
  subject: "the requester",
  household: "household member",
  staff: "staff",
  organisation: "organisation",
  third_party: "third party",
  unknown: "",
};

export function whoseText(whose: Whose): string {
  return WHOSE[whose];
}

// What the Export screen says about its leak check as it runs: how many
// new files it is reading, then whether the bundle passed, and how much
// came from checks stored in the case.

export type CheckState =
  | { phase: "running"; done: number; total: number }
  | { phase: "clean"; read: number; reused: number }
  | { phase: "findings"; count: number }
  | { phase: "stopped" }
  | { phase: "failed"; message: string };

export function checkText(s: CheckState): string {
  switch (s.phase) {
    case "running":
      return s.total === 0 ? "Leak check: looking at what is new…" : `Leak check: reading ${s.total} new file(s) — ${s.done} of ${s.total} done…`;
    case "clean": {
      const stored = s.reused > 0 ? `, ${s.reused} from checks kept in the case` : "";
      return `Leak check passed (${s.read} file(s) read now${stored}).`;
    }
    case "findings":
      return `The leak check found ${s.count} thing(s) to resolve before the export.`;
    case "stopped":
      return "Leak check stopped. Nothing was exported.";
    case "failed":
      return `The leak check could not finish: ${s.message}`;
  }
}

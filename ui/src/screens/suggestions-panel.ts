// Suggestions for the whole case, per person and per kind: run detection,
// with progress and a Cancel, then accept or reject each group at once. Names of the requester and of
// staff acting in their role are never suggested.

import { api } from "../api";
import type { SuggestionGroup } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { whoseText } from "../format";
import { workPanel } from "../work";

/** How many groups show before "Show all": a large case waits with thousands. */
export const GROUPS_SHOWN = 100;

export async function suggestionsPanel(ref: string): Promise<HTMLElement> {
  const section = h("section", { class: "panel suggestions", id: "suggestions", "aria-labelledby": "suggestions-h" });
  let showAll = false;
  const draw = async (said?: string) => {
    const groups = await api.suggestionGroups(ref);
    const waiting = groups.reduce((n, g) => n + g.count, 0);
    const shown = showAll ? groups : groups.slice(0, GROUPS_SHOWN);
    const more = groups.length - shown.length;
    const act = (group: SuggestionGroup, status: "accepted" | "rejected") => async () => {
      try {
        const changed = await api.setMarks(ref, { ids: [], person: group.person, kind: group.kind }, status);
        await draw(`${changed} suggestion(s) ${status}.`);
      } catch (e) {
        section.append(notice("error", errorText(e)));
      }
    };
    const detect = async () => {
      const work = workPanel("detect-progress", "Finding other people's data");
      detectButton.replaceWith(work.element);
      try {
        const found = await api.detectCase(ref, work.update);
        const stopped = found.cancelled ? "Stopped: what was found so far is kept; run it again to look at every item. " : "";
        await draw(`${stopped}${found.findings} finding(s) in ${found.items} item(s); ${found.suggested} new suggestion(s).`);
      } catch (e) {
        work.element.replaceWith(detectButton);
        section.append(notice("error", errorText(e)));
      }
    };
    const detectButton = h("button", { type: "button", class: "button", id: "detect-case", onclick: () => void detect() }, "Find other people's data");
    replace(
      section,
      h("h2", { id: "suggestions-h" }, "Redaction suggestions"),
      h("p", { id: "suggestion-count" }, waiting === 0 ? "No suggestions waiting." : `${waiting} suggestion(s) waiting, in ${groups.length} group(s).`),
      detectButton,
      said ? h("p", { class: "muted", role: "status" }, said) : null,
      groups.length > 0
        ? h(
            "table",
            { class: "table compact", id: "suggestion-groups" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ["Person or kind", "Whose", "Found", "Items", ""].map((t) => h("th", { scope: "col" }, t)),
              ),
            ),
            h(
              "tbody",
              {},
              shown.map((g) =>
                h(
                  "tr",
                  {},
                  h(
                    "td",
                    {},
                    g.person ? g.examples.join(" · ") : g.kind.replace(/_/g, " "),
                    g.person ? h("span", { class: "muted" }, ` (${g.kind.replace(/_/g, " ")})`) : ` — ${g.examples.join(" · ")}`,
                  ),
                  h("td", {}, whoseText(g.whose)),
                  h("td", { class: "num" }, g.count),
                  h("td", { class: "num" }, g.items),
                  h(
                    "td",
                    {},
                    h("button", { type: "button", class: "button small", onclick: () => void act(g, "accepted")() }, "Redact all"),
                    " ",
                    h("button", { type: "button", class: "button small", onclick: () => void act(g, "rejected")() }, "Keep all"),
                  ),
                ),
              ),
            ),
          )
        : null,
      more > 0
        ? h(
            "p",
            {},
            `The ${shown.length} largest groups are shown. `,
            h(
              "button",
              {
                type: "button",
                class: "button small",
                id: "show-all-groups",
                onclick: () => {
                  showAll = true;
                  void draw();
                },
              },
              `Show all ${groups.length} groups`,
            ),
          )
        : null,
    );
    if (said) announce(said);
  };
  await draw();
  return section;
}

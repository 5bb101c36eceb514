// The window: a bar with the case's screens, and the current screen below,
// chosen by the URL hash. Each screen renders into <main> and may return a
// cleanup for when the user leaves it.

import "./styles.css";
import { errorText, h, notice, replace } from "./dom";
import { parseRoute, routeHash, type Route } from "./router";
import { casesScreen } from "./screens/cases";
import { newCaseScreen } from "./screens/new-case";
import { overviewScreen } from "./screens/overview";
import { importScreen } from "./screens/import";
import { searchScreen } from "./screens/search";
import { itemScreen } from "./screens/item";
import { reviewScreen } from "./screens/review";
import { exportScreen } from "./screens/export";
import { organisationScreen } from "./screens/organisation";
import { unlockIfNeeded } from "./screens/unlock";
import { askNameIfUnset } from "./screens/whoami-dialog";

export type Cleanup = () => void;
type Screen = (main: HTMLElement, route: Route) => Promise<Cleanup | void>;

const screens: Record<Route["screen"], Screen> = {
  cases: (main) => casesScreen(main),
  "new-case": (main) => newCaseScreen(main),
  overview: (main, r) => overviewScreen(main, (r as { ref: string }).ref),
  import: (main, r) => importScreen(main, (r as { ref: string }).ref),
  search: (main, r) => searchScreen(main, r as Extract<Route, { screen: "search" }>),
  item: (main, r) => itemScreen(main, r as Extract<Route, { screen: "item" }>),
  review: (main, r) => reviewScreen(main, (r as { ref: string }).ref),
  export: (main, r) => exportScreen(main, (r as { ref: string }).ref),
  organisation: (main) => organisationScreen(main),
};

const titles: Record<Route["screen"], string> = {
  cases: "Cases",
  "new-case": "New case",
  overview: "Overview",
  import: "Import",
  search: "Search",
  item: "Document",
  review: "Review",
  export: "Export",
  organisation: "Organisation",
};

let cleanup: Cleanup | void;

function renderNav(route: Route): void {
  const nav = document.getElementById("nav");
  if (!nav) return;
  const link = (target: Route, label: string) =>
    h(
      "a",
      {
        href: routeHash(target),
        class: "nav-link",
        "aria-current": target.screen === route.screen ? "page" : undefined,
      },
      label,
    );
  if (!("ref" in route)) {
    replace(nav, link({ screen: "cases" }, "Cases"), link({ screen: "organisation" }, "Organisation"));
    return;
  }
  const ref = route.ref;
  replace(
    nav,
    link({ screen: "cases" }, "Cases"),
    h("span", { class: "nav-case", title: "Open case" }, ref),
    link({ screen: "overview", ref }, "Overview"),
    link({ screen: "import", ref }, "Import"),
    link({ screen: "search", ref, query: "" }, "Search"),
    link({ screen: "review", ref }, "Review"),
    link({ screen: "export", ref }, "Export"),
  );
}

async function show(): Promise<void> {
  const main = document.getElementById("main");
  if (!main) return;
  if (cleanup) cleanup();
  cleanup = undefined;
  const route = parseRoute(window.location.hash);
  renderNav(route);
  document.title = `${titles[route.screen]} · Disclose`;
  main.setAttribute("aria-busy", "true");
  try {
    cleanup = await screens[route.screen](main, route);
  } catch (e) {
    replace(main, h("h1", {}, titles[route.screen]), notice("error", errorText(e)));
  } finally {
    main.removeAttribute("aria-busy");
  }
}

document.getElementById("skip")?.addEventListener("click", () => document.getElementById("main")?.focus());
// An encrypted home is unlocked before the first screen is shown.
async function start(): Promise<void> {
  const main = document.getElementById("main");
  if (main) {
    try {
      await unlockIfNeeded(main);
    } catch (e) {
      replace(main, h("h1", {}, "Disclose"), notice("error", errorText(e)));
      return;
    }
  }
  window.addEventListener("hashchange", () => void show());
  await show();
  void askNameIfUnset().catch(() => undefined);
}

void start();

// Screens are addressed by the URL hash, so back/forward and reloads work:
// #/cases, #/cases/new, #/case/REF, #/case/REF/import, #/case/REF/search?q=,
// #/case/REF/item/ID?q=, #/case/REF/review, #/case/REF/export, #/organisation.

export type Route =
  | { screen: "cases" }
  | { screen: "new-case" }
  | { screen: "overview"; ref: string }
  | { screen: "import"; ref: string }
  | { screen: "search"; ref: string; query: string }
  | { screen: "item"; ref: string; id: number; query: string }
  | { screen: "review"; ref: string }
  | { screen: "export"; ref: string }
  | { screen: "organisation" };

export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?", 2);
  const params = new URLSearchParams(search);
  const query = params.get("q") ?? "";
  const parts = path
    .split("/")
    .filter((p) => p.length > 0)
    .map(decodeURIComponent);
  if (parts[0] === "cases" && parts[1] === "new") return { screen: "new-case" };
  if (parts[0] === "organisation") return { screen: "organisation" };
  if (parts[0] === "case" && parts[1]) {
    const ref = parts[1];
    switch (parts[2]) {
      case undefined:
        return { screen: "overview", ref };
      case "import":
        return { screen: "import", ref };
      case "search":
        return { screen: "search", ref, query };
      case "review":
        return { screen: "review", ref };
      case "export":
        return { screen: "export", ref };
      case "item": {
        const id = Number(parts[3]);
        if (Number.isInteger(id) && id > 0) return { screen: "item", ref, id, query };
      }
    }
  }
  return { screen: "cases" };
}

export function routeHash(route: Route): string {
  const ref = "ref" in route ? encodeURIComponent(route.ref) : "";
  const q = (query: string) => (query ? `?q=${encodeURIComponent(query)}` : "");
  switch (route.screen) {
    case "cases":
      return "#/cases";
    case "new-case":
      return "#/cases/new";
    case "overview":
      return `#/case/${ref}`;
    case "import":
      return `#/case/${ref}/import`;
    case "search":
      return `#/case/${ref}/search${q(route.query)}`;
    case "item":
      return `#/case/${ref}/item/${route.id}${q(route.query)}`;
    case "review":
      return `#/case/${ref}/review`;
    case "export":
      return `#/case/${ref}/export`;
    case "organisation":
      return "#/organisation";
  }
}

export function go(route: Route): void {
  window.location.hash = routeHash(route);
}

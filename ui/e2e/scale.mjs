// The window on a large case the scale bench kept (`DISCLOSE_SCALE_KEEP=1
// cargo bench … --bench scale` prints "home kept at DIR"): time from launch
// to the cases screen, for the review list's first rows to show and the
// suggestions below it, to jump to its last row (its page fetched as it
// comes into view) and to scroll top to bottom, and from pressing Search to
// the results being painted. Prints figures; asserts nothing about speed.
//
// Run: DISCLOSE_SCALE_HOME=DIR xvfb-run -a node ui/e2e/scale.mjs
//      (after building the app and CLI; the case is SCALE unless
//      DISCLOSE_SCALE_CASE names another).

import { spawnSync } from "node:child_process";
import { cliPath, idleFrames, launch, scrollReviewList, stop, timedSearch } from "./harness.mjs";

const home = process.env.DISCLOSE_SCALE_HOME;
const ref = process.env.DISCLOSE_SCALE_CASE || "SCALE";
if (!home) {
  console.log("scale: skipped, set DISCLOSE_SCALE_HOME to a home the scale bench kept");
  process.exit(0);
}
const QUERIES = ["rent", "complaint", "okafor", "tenant AND arrears", '"mill lane"', "contract"];

// A name is set, so the first-run dialog does not stand over the timings.
spawnSync(cliPath, ["--home", home, "whoami", "--set", "Bench"], { stdio: "inherit" });
const items = JSON.parse(spawnSync(cliPath, ["--home", home, "--json", "case", "list"], { encoding: "utf8" }).stdout).find(
  (c) => c.case.reference === ref,
)?.items;

const session = await launch(home);
const { wd } = session;
try {
  await wd.find(`#cases-table tr[data-ref="${ref}"] a`, { timeout: 120000 });
  console.log(`scale: launch to the cases screen in ${(performance.now() - session.started).toFixed(0)} ms`);

  let t = performance.now();
  await wd.script(`window.location.hash = '#/case/${ref}/review'`);
  await wd.find("#review-table tr[data-item]", { timeout: 120000 });
  const shownMs = performance.now() - t;
  const rows = await wd.script("return document.querySelectorAll('#review-table tr[data-item]').length");
  // The suggestions below the list come after it; the case is busy until they have.
  await wd.find("#suggestion-count", { timeout: 120000 });
  const suggestionsMs = performance.now() - t;
  const listed = Number(await wd.script("return document.getElementById('review-table').getAttribute('aria-rowcount')")) - 1;
  t = performance.now();
  await wd.script("const box = document.getElementById('review-scroll'); box.scrollTop = box.scrollHeight;");
  // The list comes a page at a time: the last row is there once its page is.
  await wd.find(`#review-table tr[data-item][aria-rowindex="${listed + 1}"]`, { timeout: 120000 });
  const endMs = performance.now() - t;
  const scrollMs = await scrollReviewList(wd);
  const idleMs = await idleFrames(wd);
  console.log(
    `scale: review list of ${items ?? "?"} items shown in ${shownMs.toFixed(0)} ms (${rows} rows drawn), its suggestions in ${suggestionsMs.toFixed(0)} ms; to its last row in ${endMs.toFixed(0)} ms; 60 scroll frames top to bottom in ${scrollMs.toFixed(0)} ms (60 frames drawing nothing: ${idleMs.toFixed(0)} ms)`,
  );

  const searches = [];
  for (const query of QUERIES) {
    await wd.script(`window.location.hash = '#/case/${ref}/search'`);
    searches.push(`${query} ${(await timedSearch(wd, query, 60000)).toFixed(0)} ms`);
  }
  console.log(`scale: search to results painted: ${searches.join(", ")}`);
} finally {
  await stop(session);
}

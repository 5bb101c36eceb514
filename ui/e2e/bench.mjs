// Desktop timings on the shared corpus: time from launch to the cases
// screen being interactive, and from pressing Search to the results being
// painted, measured in the real window. Prints figures; asserts nothing
// about speed (targets: under 1.5 s and under 100 ms).
//
// Run: xvfb-run -a node ui/e2e/bench.mjs  (after building the app and CLI).

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath, launch, root, stop } from "./harness.mjs";

const corpus = process.env.DISCLOSE_CORPUS || path.join(root, "..", "shared", "corpus");
if (!existsSync(corpus)) {
  console.log(`bench: skipped, no shared corpus at ${corpus}`);
  process.exit(0);
}
const QUERIES = ["enron", "meeting", "contract", "gas", "report", "energy trading", "price~", "pipe*", "date:2001", "type:pdf"];
const LAUNCHES = 5;

const home = mkdtempSync(path.join(tmpdir(), "disclose-bench-"));
// Exit status 2 means done, with some files that could not be read.
const cli = (...args) => {
  const run = spawnSync(cliPath, ["--home", home, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0 && run.status !== 2) throw new Error(`disclose ${args.join(" ")} failed (${run.status})`);
};
// A name is set, so the first-run dialog does not stand over the timings.
cli("whoami", "--set", "Bench");
cli("case", "new", "--ref", "CORPUS", "--subject", "Jeff Dasovich");
const importStarted = performance.now();
cli("import", "--case", "CORPUS", "--no-ocr", corpus);
console.log(`bench: imported the shared corpus in ${((performance.now() - importStarted) / 1000).toFixed(1)} s`);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
};

try {
  const launches = [];
  const searches = [];
  for (let run = 0; run < LAUNCHES; run++) {
    const session = await launch(home);
    const { wd } = session;
    await wd.find('#cases-table tr[data-ref="CORPUS"] a', { timeout: 60000 });
    launches.push(performance.now() - session.started);
    if (run === 0) {
      await wd.script("window.location.hash = '#/case/CORPUS/search'");
      for (const round of [0, 1]) {
        for (const query of QUERIES) {
          await wd.type(await wd.find("#search-input"), query);
          const before = await wd.script("return document.getElementById('main').dataset.searchMs || ''");
          await wd.click(await wd.find(".search-bar button[type=submit]"));
          await wd.find("#hit-count", { until: (t) => /found/.test(t) });
          let ms = "";
          for (let i = 0; i < 50 && (!ms || ms === before); i++) {
            ms = await wd.script("return document.getElementById('main').dataset.searchMs || ''");
          }
          if (round === 1) searches.push(Number(ms));
          await wd.script("window.location.hash = '#/case/CORPUS/search'");
        }
      }
    }
    await stop(session);
  }
  console.log(`bench: launch to interactive cases screen: ${stats(launches)} (target < 1500 ms)`);
  console.log(`bench: search to results painted, shared corpus: ${stats(searches)} (target < 100 ms)`);
} finally {
  rmSync(home, { recursive: true, force: true });
}

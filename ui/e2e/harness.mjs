// Starts the real Disclose window under tauri-driver (which runs
// WebKitWebDriver) with its own DISCLOSE_HOME, and stops it again.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebDriver } from "./webdriver.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const target = process.env.CARGO_TARGET_DIR || path.join(root, "target");
export const appPath = process.env.DISCLOSE_APP || path.join(target, "debug", "disclose-desktop");
export const cliPath = process.env.DISCLOSE_CLI || path.join(target, "debug", "disclose");
export const outDir = process.env.E2E_OUT || path.join(target, "e2e");

function driverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargoHome = process.env.CARGO_HOME || path.join(homedir(), ".cargo");
  return path.join(cargoHome, "bin", "tauri-driver");
}

export async function launch(home, port = 4444) {
  for (const [what, file] of [
    ["app", appPath],
    ["tauri-driver", driverPath()],
  ]) {
    if (!existsSync(file)) throw new Error(`${what} not found at ${file}`);
  }
  const driver = spawn(driverPath(), ["--port", String(port), "--native-driver", "/usr/bin/WebKitWebDriver"], {
    env: { ...process.env, DISCLOSE_HOME: home },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const wd = new WebDriver(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      await wd.request("GET", "/status");
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("tauri-driver did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const started = performance.now();
  await wd.start({ "tauri:options": { application: appPath } });
  return { wd, driver, started };
}

export async function stop({ wd, driver }) {
  await wd.quit();
  driver.kill();
}

export async function screenshot(wd, name) {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.png`);
  writeFileSync(file, Buffer.from(await wd.screenshot(), "base64"));
  return file;
}

/**
 * Runs `perFrame` (script, with the frame's number `n`) now and in each of
 * the 60 animation frames after `setup`; the milliseconds they took.
 */
async function timedFrames(wd, setup, perFrame) {
  return Number(
    await wd.script(
      `${setup} const t0 = performance.now(); return new Promise((done) => { let n = 0; const tick = () => { ${perFrame} if (++n <= 60) requestAnimationFrame(tick); else done(performance.now() - t0); }; tick(); });`,
    ),
  );
}

/**
 * 60 animation frames that draw nothing; the milliseconds they took. The
 * window's own frame rate (under Xvfb, drawn in software), against which a
 * scroll's frames are read.
 */
export async function idleFrames(wd) {
  return timedFrames(wd, "", "");
}

/** Scrolls the review list from top to bottom in 60 animation frames; the milliseconds it took. */
export async function scrollReviewList(wd) {
  return timedFrames(wd, "const box = document.getElementById('review-scroll');", "box.scrollTop = (box.scrollHeight * n) / 60;");
}

/**
 * Types `query` on the search screen open in the window, presses Search and
 * waits for the hits; the milliseconds the screen took from the press to the
 * results painted (its own `data-search-ms`).
 */
export async function timedSearch(wd, query, timeout = 20000) {
  const searchMs = () => wd.script("return document.getElementById('main').dataset.searchMs || ''");
  await wd.type(await wd.find("#search-input"), query);
  const before = await searchMs();
  await wd.click(await wd.find(".search-bar button[type=submit]"));
  await wd.find("#hit-count", { until: (text) => /found/.test(text), timeout });
  let ms = "";
  for (let i = 0; i < 50 && (!ms || ms === before); i++) {
    ms = await searchMs();
  }
  return Number(ms);
}

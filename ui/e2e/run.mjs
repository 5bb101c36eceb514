// End-to-end run of the real Disclose window: create a case, import a
// folder, watch the progress finish, search, open an email and a PDF,
// redact text and a drawn box and preview the result, record decisions,
// export a bundle and check it with 7-Zip, edit the organisation profile,
// import a bank-holidays file that moves an open case's due date, see a
// closed case with its outcome, see a lost search index reported and
// rebuild it — asserting on what the window shows and saving screenshots.
// Prints the launch and search timings it saw.
//
// Needs: the built app and CLI (cargo build -p disclose-desktop -p
// disclose-cli), tauri-driver, WebKitWebDriver and a display (xvfb-run).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath, idleFrames, launch, outDir, root, screenshot, scrollReviewList, stop } from "./harness.mjs";

const work = mkdtempSync(path.join(tmpdir(), "disclose-e2e-"));
const home = path.join(work, "home");
const fixtures = path.join(work, "exports");
execFileSync(cliPath, ["--home", home, "demo", "--write-files", fixtures]);
// Two demo cases: DEMO-001 as on a first start, and READY-1 decided and
// rendered, ready to export.
const cli = (...args) => execFileSync(cliPath, ["--home", home, ...args], { encoding: "utf8" });
cli("demo");
cli("demo", "--ref", "READY-1");
cli("decide", "--case", "READY-1", "--all", "--as", "disclose");
for (const item of JSON.parse(cli("--json", "items", "--case", "READY-1"))) {
  if (item.status === "failed") cli("decide", "--case", "READY-1", "--item", String(item.id), "--as", "not-relevant");
}
cli("redact", "--case", "READY-1", "--term", "Mrs Okafor", "--everywhere", "--reason", "third-party");
cli("render", "--case", "READY-1");
// A case whose search index was lost (its folder deleted).
cli("demo", "--ref", "IDX-1");
rmSync(path.join(home, "cases", "IDX-1", "index"), { recursive: true, force: true });
// VID-1: the demo's CCTV clip alone, its faces looked for.
cli("case", "new", "--ref", "VID-1", "--subject", "Jane Anne Smith", "--received", "2026-03-03");
cli("import", "--case", "VID-1", path.join(home, "cases", "DEMO-001", "demo-input", "cctv"));
cli("detect", "--case", "VID-1");
const videoId = JSON.parse(cli("--json", "items", "--case", "VID-1"))[0].id;
// LEAK-1: a Word file whose subject names a bakery that shares a redacted
// surname, so the leak check finds "Okonjo" in the schedule: an ambiguous
// finding the window must let the caseworker resolve.
const leakDir = path.join(work, "leak");
mkdirSync(leakDir);
execFileSync("python3", [
  "-c",
  `
import sys, zipfile
w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    z.writestr('word/document.xml', '<?xml version="1.0"?><w:document ' + w + '><w:body><w:p><w:r><w:t>Tiffany Okonjo complained about the bins again.</w:t></w:r></w:p></w:body></w:document>')
    z.writestr('docProps/core.xml', '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject>Order from Okonjo Bakery</dc:subject></cp:coreProperties>')
`,
  path.join(leakDir, "bins.docx"),
]);
cli("case", "new", "--ref", "LEAK-1", "--subject", "Jane Smith", "--received", "2026-03-03");
cli("import", "--case", "LEAK-1", leakDir);
cli("decide", "--case", "LEAK-1", "--all", "--as", "disclose");
cli("redact", "--case", "LEAK-1", "--term", "Tiffany Okonjo", "--everywhere", "--reason", "third-party");
cli("render", "--case", "LEAK-1");
// MANY-1: one letter naming 130 neighbours, so its suggestions come in more
// groups than the Review screen shows at first.
const manyDir = path.join(work, "many");
mkdirSync(manyDir);
const givens = ["Adam", "Brenda", "Colin", "Denise", "Edward", "Fiona", "Gareth", "Helen", "Ian", "Julie", "Keith", "Linda", "Martin"];
const surnames = ["Ashworth", "Blackwood", "Crossley", "Dunmore", "Ellison", "Fairbairn", "Greenhalgh", "Hollins", "Ingleby", "Jessop"];
const neighbours = givens.flatMap((g) => surnames.map((s) => `${g} ${s}`));
writeFileSync(
  path.join(manyDir, "letters.txt"),
  neighbours.map((name, n) => `${n % 2 ? "Mrs" : "Mr"} ${name} of number ${n + 1} complained about the noise.\n`).join(""),
);
cli("case", "new", "--ref", "MANY-1", "--subject", "Jane Smith", "--received", "2026-03-03");
cli("import", "--case", "MANY-1", manyDir);
cli("detect", "--case", "MANY-1");
// BIG-1: 2,000 small pictures, each of one colour of its own (so OCR has
// nothing to read and the case builds in minutes), decided, rendered and
// leak-checked with the CLI, so its Export screen opens from the checks
// kept in the case.
const bigDir = path.join(work, "big");
mkdirSync(bigDir);
const bmp = (r, g, b) => {
  const side = 8;
  const file = Buffer.alloc(54 + side * side * 3);
  file.write("BM", 0, "latin1");
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(side, 18);
  file.writeInt32LE(side, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(side * side * 3, 34);
  for (let at = 54; at < file.length; at += 3) file.set([b, g, r], at);
  return file;
};
for (let n = 1; n <= 2000; n++) {
  writeFileSync(path.join(bigDir, `photo-${String(n).padStart(4, "0")}.bmp`), bmp(n % 256, Math.floor(n / 256) * 20, 90));
}
let timed = Date.now();
cli("case", "new", "--ref", "BIG-1", "--subject", "Jane Smith", "--received", "2026-03-03");
cli("import", "--case", "BIG-1", "--no-ocr", bigDir);
cli("decide", "--case", "BIG-1", "--all", "--as", "disclose");
cli("render", "--case", "BIG-1");
execFileSync(cliPath, ["--home", home, "verify", "--case", "BIG-1", "--bundle"], { stdio: "ignore" });
console.log(`e2e: BIG-1 (2,000 items) built, rendered and checked with the CLI in ${((Date.now() - timed) / 1000).toFixed(0)} s`);
// A Scottish case received today (a case cannot be received in the
// future), a GOV.UK-shaped file that makes its due day a bank holiday, and
// a closed case.
const isoDay = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const receivedToday = isoDay(new Date());
const scottishDue = () => JSON.parse(cli("--json", "deadline", "--received", receivedToday, "--region", "scotland")).due;
const holidayDue = scottishDue();
cli("case", "new", "--ref", "HOL-1", "--subject", "Ada Okafor", "--received", receivedToday, "--region", "scotland");
cli("case", "new", "--ref", "DONE-1", "--subject", "Tom Reid", "--received", "2019-01-07");
cli("case", "close", "DONE-1", "--outcome", "responded", "--on", "2019-02-01");
const holidaysFile = path.join(work, "bank-holidays.json");
const event = (title, date) => ({ title, date, notes: "", bunting: true });
// The file lists the year's real Scottish holidays (as the CLI knows them)
// and one more, on the case's due day.
const holidayYear = holidayDue.slice(0, 4);
const scottishYear = JSON.parse(cli("--json", "holidays", "list", "--region", "scotland", "--year", holidayYear)).holidays;
const fileDays = [...scottishYear.map((h) => event(h.name, h.date)), event("Extra bank holiday", holidayDue)];
writeFileSync(holidaysFile, JSON.stringify({ scotland: { division: "scotland", events: fileDays } }));

const shots = [];
const step = (name) => console.log(`e2e: ${name}`);
const session = await launch(home);
const { wd } = session;
// The announcer is visually hidden (for screen readers), so WebDriver's
// element text is empty: read what it says from the page instead.
const announced = async (pattern, timeout = 20000) => {
  const deadline = Date.now() + timeout;
  let said = "";
  while (Date.now() <= deadline) {
    said = await wd.script("return document.getElementById('announcer').textContent");
    if (pattern.test(said)) return said;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the window never announced ${pattern} (last: ${said})`);
};
try {
  step("first start asks the user's name for the audit trail");
  await wd.type(await wd.find("#whoami-name", { timeout: 60000 }), "Erin Tester");
  await wd.click(await wd.find("#whoami button[type=submit]"));
  await announced(/recorded as Erin Tester/);
  assert.equal(JSON.parse(cli("--json", "whoami")).name, "Erin Tester", "the name is kept for the account");

  step("the cases screen opens on the demo case");
  await wd.find("#cases-table tbody tr", { timeout: 60000 });
  const launchMs = performance.now() - session.started;
  const casesText = await wd.text(await wd.find("#cases-table"));
  assert.match(casesText, /DEMO-001/, `the demo case is listed: ${casesText}`);
  assert.match(casesText, /days left|due today|overdue/, "days left are given in words");

  step("new case: the form refuses an empty case, then creates one");
  await wd.click(await wd.find("#new-case"));
  await wd.click(await wd.find("#new-case-form button[type=submit]"));
  await wd.find("#e-reference", { until: (t) => /reference/i.test(t) });
  await wd.find("#e-subject", { until: (t) => /name/i.test(t) });
  await wd.type(await wd.find("#f-reference"), "E2E-001");
  await wd.type(await wd.find("#f-subject"), "Jane Smith");
  await wd.type(await wd.find("#f-postcodes"), "M14 5RT");
  await wd.type(await wd.find("#f-emails"), "jane.smith@example.com");
  shots.push(await screenshot(wd, "02-new-case"));
  await wd.click(await wd.find("#new-case-form button[type=submit]"));
  await wd.find("main h1", { until: (t) => t.includes("E2E-001") });

  step("import a folder and watch the progress finish");
  await wd.click(await wd.find('a.nav-link[href$="/import"]'));
  await wd.type(await wd.find("#import-path"), fixtures);
  await wd.click(await wd.find("#import-path-form button[type=submit]"));
  await wd.find("#import-progress h2", { until: (t) => t === "Import finished", timeout: 180000 });
  const summary = await wd.text(await wd.find("#summary-line"));
  const items = Number(/^(\d+) items/.exec(summary)?.[1]);
  assert.ok(items > 20, `items were stored: ${summary}`);
  assert.match(summary, /[1-9]\d* failed/, "the damaged file is reported as failed");
  const failures = await wd.text(await wd.find("#import-summary"));
  assert.match(failures, /old-notes-damaged\.docx/, "the failed file is named with its reason");
  const files = await wd.text(await wd.find("#progress-files"));
  assert.match(files, /^(\d+) of \1$/, `every file was done: ${files}`);
  shots.push(await screenshot(wd, "03-import"));

  step("search, with hits highlighted");
  await wd.click(await wd.find('a.nav-link[href*="/search"]'));
  await wd.type(await wd.find("#search-input"), "mould");
  await wd.click(await wd.find(".search-bar button[type=submit]"));
  const count = await wd.text(await wd.find("#hit-count", { until: (t) => /found/.test(t) }));
  assert.ok(Number.parseInt(count, 10) >= 1, `mould is found: ${count}`);
  const marks = await wd.findAll("#results mark");
  assert.ok(marks.length > 0, "matched words are highlighted");
  assert.equal((await wd.text(marks[0])).toLowerCase(), "mould");
  const facets = await wd.text(await wd.find(".facets", { until: (t) => /Type/.test(t) }));
  assert.match(facets, /email/, `facets name the types found: ${facets}`);
  const searchMs = Number(await wd.script("return document.getElementById('main').dataset.searchMs"));
  shots.push(await screenshot(wd, "04-search"));

  step("open an email: headers, body and thread");
  let emailLink;
  for (const link of await wd.findAll('#results li a[href*="/item/"]')) {
    if (!emailLink && (await wd.text(link)).endsWith(".eml")) emailLink = link;
  }
  assert.ok(emailLink, "an email is among the results");
  await wd.click(emailLink);
  const headers = await wd.text(await wd.find("#email-headers"));
  assert.match(headers, /From/);
  assert.match(headers, /Subject/);
  const body = await wd.text(await wd.find("#item-text"));
  assert.match(body, /mould/i);
  shots.push(await screenshot(wd, "05-email"));

  step("open a PDF: pages drawn, hits boxed on the page");
  await wd.script("window.location.hash = arguments[0]", "#/case/E2E-001/search?q=" + encodeURIComponent("tenancy type:pdf"));
  await wd.click(await wd.find('#results li a[href*="/item/"]'));
  await wd.find("#pdf-pages[data-pages]", { timeout: 30000 });
  const canvases = await wd.findAll("#pdf-pages canvas");
  assert.ok(canvases.length >= 1, "at least one page is drawn");
  const painted = await wd.script(
    "const c = document.querySelector('#pdf-pages canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let ink = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128) ink++; return ink;",
  );
  assert.ok(painted > 100, `the page has ink on it (${painted} dark pixels)`);
  assert.ok((await wd.findAll(".pdf-hit")).length > 0, "the hit is boxed on the page");

  step("redact: selected text, a drawn box, and the preview as disclosed");
  const selected = await wd.script(
    `const pre = document.getElementById('item-text');
     const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
     for (let node = walker.nextNode(); node; node = walker.nextNode()) {
       const at = node.textContent.indexOf(arguments[0]);
       if (at < 0) continue;
       const range = document.createRange();
       range.setStart(node, at);
       range.setEnd(node, at + arguments[0].length);
       const selection = window.getSelection();
       selection.removeAllRanges();
       selection.addRange(range);
       return true;
     }
     return false;`,
    "Robert Smith",
  );
  assert.ok(selected, "the household member's name is in the PDF's text");
  await wd.click(await wd.find("#redact-selection"));
  await wd.find("#mark-count", { until: (t) => t.startsWith("1 redacted") });
  assert.equal(await wd.text(await wd.find("#item-text .redacted")), "Robert Smith");
  await wd.find("#pdf-pages .mark-accepted"); // the redaction is drawn on the page
  await wd.keys("b");
  await wd.find('#draw-box[aria-pressed="true"]');
  await wd.find("#pdf-pages canvas");
  await wd.drag(await wd.find('#pdf-pages .pdf-page[data-page="1"]'), [60, 200], [260, 240]);
  await wd.find("#mark-count", { until: (t) => t.startsWith("2 redacted") });
  const boxes = await wd.text(await wd.find("#mark-list"));
  assert.match(boxes, /box on page 1|Redacted/, `the drawn box is listed: ${boxes}`);
  await wd.keys("b");
  await wd.find('#draw-box[aria-pressed="false"]');
  shots.push(await screenshot(wd, "08-redaction"));
  await wd.click(await wd.find("#preview-rendition"));
  await wd.find("#preview-pages[data-pages]", { timeout: 60000 });
  const barPixels = await wd.script(
    "const c = document.querySelector('#preview-pages canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let black = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 20 && d[i + 1] < 20 && d[i + 2] < 20) black++; return black;",
  );
  assert.ok(barPixels > 500, `the preview shows the black bars (${barPixels} black pixels)`);
  shots.push(await screenshot(wd, "09-preview"));

  step("record a decision from the keyboard");
  await wd.click(await wd.find("#item-title"));
  await wd.keys("d");
  await wd.find("#decision-state", { until: (t) => t.startsWith("Disclose") });
  shots.push(await screenshot(wd, "06-pdf"));

  step("review: progress and keyboard decisions");
  await wd.click(await wd.find('a.nav-link[href$="/review"]'));
  const before = await wd.text(await wd.find("#review-count", { until: (t) => /^1 of \d+ decided$/.test(t) }));
  const total = Number(/of (\d+)/.exec(before)?.[1]);
  await wd.keys("n");
  await wd.find("#review-count", { until: (t) => t === `2 of ${total} decided` });
  await wd.keys("w");
  await wd.find(".notice-error", { until: (t) => /exemption/.test(t) });
  shots.push(await screenshot(wd, "07-review"));
  // Only the undecided items: the list is asked for again, filtered by the engine.
  await wd.click(await wd.find("#only-undecided"));
  for (const deadline = Date.now() + 20000; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const listed = Number(await wd.script("return document.getElementById('review-table').getAttribute('aria-rowcount')")) - 1;
    if (listed === total - 2) break;
    assert.ok(Date.now() < deadline, `the undecided list holds ${total - 2} items (${listed})`);
  }
  const shownDecisions = await wd.script("return [...document.querySelectorAll('#review-table tr[data-item] td.decision')].map((td) => td.textContent)");
  assert.ok(shownDecisions.length > 0 && shownDecisions.every((t) => t === "Not decided"), `only undecided rows are shown: ${shownDecisions.join(", ")}`);

  step("review: a case with more suggestion groups than are shown at first");
  await wd.script("window.location.hash = arguments[0]", "#/case/MANY-1/review");
  await wd.find("#suggestion-count", { until: (t) => /in \d+ group/.test(t) });
  const groupCount = Number(/in (\d+) group/.exec(await wd.text(await wd.find("#suggestion-count")))?.[1]);
  assert.ok(groupCount > neighbours.length, `every neighbour has a group (${groupCount})`);
  const groupRows = () => wd.script("return document.querySelectorAll('#suggestion-groups tbody tr').length");
  assert.equal(await groupRows(), 100, "the 100 largest groups are shown");
  await wd.click(await wd.find("#show-all-groups"));
  for (const deadline = Date.now() + 20000; (await groupRows()) !== groupCount; await new Promise((resolve) => setTimeout(resolve, 50))) {
    assert.ok(Date.now() < deadline, `every group is shown after "Show all" (${await groupRows()} of ${groupCount})`);
  }

  step("export: blockers for an undecided case, then a ready case exported encrypted");
  await wd.script("window.location.hash = arguments[0]", "#/case/E2E-001/export");
  const blockers = await wd.text(await wd.find("#export-blockers"));
  assert.match(blockers, /not decided/, `the undecided items stop the export: ${blockers}`);
  await wd.script("window.location.hash = arguments[0]", "#/case/READY-1/export");
  // The contents show at once; the leak check (text, pdftotext, OCR of
  // every page) follows with its progress, and the export waits for it.
  const contents = await wd.text(await wd.find("#export-contents", { timeout: 60000 }));
  for (const part of ["READY-1/bagit.txt", "data/letter.pdf", "data/documents/0001.", "data/portable/subject.json"]) {
    assert.ok(contents.includes(part), `the preview lists ${part}`);
  }
  await wd.find("#export-check-status", { until: (t) => /passed/.test(t), timeout: 240000 });
  const bundle = path.join(work, "READY-1.zip");
  await wd.type(await wd.find("#export-path"), bundle);
  await wd.click(await wd.find("#export-go"));
  const passphrase = await wd.text(await wd.find("#export-passphrase", { timeout: 120000 }));
  assert.equal(passphrase.split("-").length, 8, `a passphrase of eight words: ${passphrase}`);
  execFileSync("7z", ["t", `-p${passphrase}`, bundle], { encoding: "utf8" });
  shots.push(await screenshot(wd, "10-export"));

  step("export: an ambiguous leak-check finding is shown in context, resolved as not this person, then exported");
  await wd.script("window.location.hash = arguments[0]", "#/case/LEAK-1/export");
  const findings = await wd.text(await wd.find("#export-findings", { timeout: 120000 }));
  assert.match(findings, /Okonjo/, `the finding names the word: ${findings}`);
  assert.match(findings, /Okonjo Bakery/, `the finding is shown in context: ${findings}`);
  shots.push(await screenshot(wd, "11-leak-finding"));
  await wd.type(await wd.find("#finding-reason-0"), "the bakery's trading name, not the complainant");
  await wd.click(await wd.find("#export-findings li .finding-actions button:last-child"));
  await wd.find("#export-check-status", { until: (t) => /passed/.test(t), timeout: 120000 });
  const leakBundle = path.join(work, "LEAK-1.zip");
  await wd.type(await wd.find("#export-path"), leakBundle);
  await wd.click(await wd.find("#export-go"));
  await wd.find("#export-passphrase", { timeout: 120000 });
  assert.match(cli("audit", "--case", "LEAK-1"), /not-this-person/, "the waiver is in the audit trail");

  step("export: a case of 2,000 items opens its Export screen from the stored checks");
  await wd.script("window.location.hash = arguments[0]", "#/case/BIG-1");
  await wd.find("main h1", { until: (t) => t.includes("BIG-1"), timeout: 60000 });
  timed = performance.now();
  await wd.script("window.location.hash = arguments[0]", "#/case/BIG-1/export");
  const bigContents = await wd.text(await wd.find("#export-contents", { timeout: 60000 }));
  const exportOpenMs = performance.now() - timed;
  assert.ok(bigContents.includes("data/documents/2000."), "the preview lists the 2,000th document");
  const bigChecked = await wd.text(await wd.find("#export-check-status", { until: (t) => /passed|found|could not/.test(t), timeout: 120000 }));
  const exportCheckedMs = performance.now() - timed;
  console.log(
    `e2e: Export screen of 2,000 items: preview in ${exportOpenMs.toFixed(0)} ms (target 2000 ms), leak check done in ${exportCheckedMs.toFixed(0)} ms: ${bigChecked}`,
  );
  const reused = Number(/, (\d+) from checks kept in the case/.exec(bigChecked)?.[1] ?? 0);
  assert.ok(/passed/.test(bigChecked) && reused >= 2000, `the renditions' stored checks are used: ${bigChecked}`);
  // The bound is 2 s; a debug build on a loaded machine gets room.
  assert.ok(exportOpenMs < 10000, `the Export screen's preview took ${exportOpenMs.toFixed(0)} ms`);
  shots.push(await screenshot(wd, "12-export-large"));

  step("review: the 2,000-item list shows at once, draws only the rows in view, scrolls to its end and decides its last item");
  timed = performance.now();
  await wd.script("window.location.hash = arguments[0]", "#/case/BIG-1/review");
  await wd.find("#review-table tr[data-item]", { timeout: 60000 });
  const reviewShownMs = performance.now() - timed;
  const drawnRows = await wd.script("return document.querySelectorAll('#review-table tr[data-item]').length");
  const rowCount = Number(await wd.script("return document.getElementById('review-table').getAttribute('aria-rowcount')")) - 1;
  assert.ok(rowCount >= 2000, `the list holds every item (${rowCount})`);
  assert.ok(drawnRows > 5 && drawnRows < 150, `only the rows in view are drawn (${drawnRows} of ${rowCount})`);
  timed = performance.now();
  await wd.script("document.getElementById('review-table').focus()");
  await wd.keys("\uE010");
  const selectedRow = async () =>
    Number(await wd.script("return document.querySelector('#review-table tr.selected[data-item]')?.getAttribute('aria-rowindex') ?? 0"));
  for (const deadline = Date.now() + 20000; (await selectedRow()) !== rowCount + 1;) {
    assert.ok(Date.now() < deadline, `End selects the last row (row ${await selectedRow()} of ${rowCount})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const reviewEndMs = performance.now() - timed;
  const sweepMs = await scrollReviewList(wd);
  const idleMs = await idleFrames(wd);
  console.log(
    `e2e: review list of ${rowCount} items: shown in ${reviewShownMs.toFixed(0)} ms, End key to the last row in ${reviewEndMs.toFixed(0)} ms, 60 scroll frames top to bottom in ${sweepMs.toFixed(0)} ms (60 frames drawing nothing: ${idleMs.toFixed(0)} ms), ${drawnRows} rows in the page`,
  );
  // The list came a page at a time: scrolled to its end, the last page is
  // fetched and drawn; the last item is decided there, in place.
  await wd.find(`#review-table tr[data-item][aria-rowindex="${rowCount + 1}"]`);
  await wd.script("document.getElementById('review-table').focus()");
  await wd.keys("\uE010");
  await wd.find(`#review-table tr.selected[data-item][aria-rowindex="${rowCount + 1}"]`);
  await wd.keys("n");
  const lastDecision = () =>
    wd.script(
      "return document.querySelector(arguments[0])?.textContent ?? ''",
      `#review-table tr.selected[data-item][aria-rowindex="${rowCount + 1}"] td.decision`,
    );
  for (const deadline = Date.now() + 20000; (await lastDecision()) !== "Not relevant"; await new Promise((resolve) => setTimeout(resolve, 50))) {
    assert.ok(Date.now() < deadline, `the last row shows its new decision (${await lastDecision()})`);
  }
  await wd.find("#review-count", { until: (t) => t === `${rowCount} of ${rowCount} decided` });
  const lastRow = JSON.parse(cli("--json", "review", "--case", "BIG-1", "--offset", String(rowCount - 1))).rows[0];
  assert.equal(lastRow.decision?.decision, "not-relevant", `the last item's decision is recorded: ${JSON.stringify(lastRow.decision)}`);

  step("video: the frame view scrubs through the samples, keeps one face track and blurs the other and the plate, the timeline and keyframes seek");
  await wd.script("window.location.hash = arguments[0]", `#/case/VID-1/item/${videoId}`);
  await wd.find('#frame-view[data-shown="0"]', { timeout: 60000 });
  assert.equal((await wd.findAll("#frame-stage .track-box")).length, 3, "both faces and the plate are boxed on the first sample");
  await wd.click(await wd.find("#frame-stage"));
  await wd.keys("\uE014\uE014");
  await wd.find('#frame-view[data-shown="2"]', { timeout: 30000 });
  assert.match(await wd.text(await wd.find("#frame-position")), /Sample 3 of 12/);
  await wd.keys("\uE012");
  await wd.find('#frame-view[data-sample="1"]');
  const lanes = await wd.findAll("#track-timeline .timeline-lane");
  assert.equal(lanes.length, 4, "a lane for each track and the cursor's");
  await wd.click(lanes[0]);
  await wd.find('#frame-view[data-sample="6"]');
  const [keepFirst, blurSecond, plate] = await wd.script("return [...document.querySelectorAll('#track-list li')].map((li) => li.dataset.person);");
  assert.equal(plate, "plate-1", "the parked car's plate is a track");
  // Below the fold in a small window: scrolled into view before the click.
  const press = async (css) => {
    await wd.find(css);
    await wd.script("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", css);
    await wd.click(await wd.find(css));
  };
  await press(`#track-list li[data-person="${keepFirst}"] .track-keep-button`);
  await wd.find(`#track-list li[data-person="${keepFirst}"][data-choice="keep"]`);
  await press(`#track-list li[data-person="${blurSecond}"] .track-blur-button`);
  await wd.find(`#track-list li[data-person="${blurSecond}"][data-choice="blur"]`);
  await press(`#track-list li[data-person="${plate}"] .track-blur-button`);
  await wd.find(`#track-list li[data-person="${plate}"][data-choice="blur"]`);
  await wd.find("#frame-stage .track-box.track-blur");
  await wd.find("#frame-stage .track-box.track-keep");
  const chosen = JSON.parse(cli("--json", "video", "--case", "VID-1", String(videoId))).tracks;
  assert.deepEqual(
    Object.fromEntries(chosen.map((t) => [t.person, t.choice])),
    { [keepFirst]: "keep", [blurSecond]: "blur", [plate]: "blur" },
    "the choices are the engine's marks",
  );
  const thumbs = await wd.findAll("#keyframes .keyframe");
  assert.equal(thumbs.length, 12, "a keyframe a sample on a six-second clip");
  // Sample 2 (1 s) is a frame OCR read: the plate's box is on it, filled black.
  await press('#keyframes .keyframe[data-sample="2"]');
  await wd.find('#frame-view[data-shown="2"]', { timeout: 30000 });
  await wd.find("#frame-stage .track-box.track-plate.track-blur");
  await wd.script("document.getElementById('frame-view').scrollIntoView({ block: 'start' })");
  shots.push(await screenshot(wd, "11-frame-view"));
  // A plate's buttons speak of the vehicle, a face's of the subject.
  assert.equal(await wd.text(await wd.find(`#track-list li[data-person="${plate}"] .track-keep-button`)), "Show (subject's vehicle)");
  assert.equal(await wd.text(await wd.find(`#track-list li[data-person="${plate}"] .track-blur-button`)), "Black out");
  assert.equal(await wd.text(await wd.find(`#track-list li[data-person="${keepFirst}"] .track-keep-button`)), "Keep (subject)");
  // Preview as disclosed: the frame and the keyframes come from the redacted copy, made on the way, with no boxes drawn over it.
  const videoRendition = path.join(home, "cases", "VID-1", "renditions", `item-${String(videoId).padStart(6, "0")}.mp4`);
  await press("#frame-disclosed");
  await wd.find('#frame-view[data-shown-as="disclosed"]', { timeout: 120000 });
  assert.equal(await wd.script("return document.getElementById('frame-disclosed').getAttribute('aria-pressed')"), "true");
  assert.equal((await wd.findAll("#frame-stage .track-box")).length, 0, "no boxes over the disclosed frame");
  await wd.find('#keyframes img[data-shown-as="disclosed"]', { timeout: 60000 });
  assert.ok(existsSync(videoRendition), "the rendition was made to preview it");
  await wd.script("document.getElementById('frame-view').scrollIntoView({ block: 'start' })");
  shots.push(await screenshot(wd, "11b-frame-view-as-disclosed"));
  await press("#frame-disclosed");
  await wd.find('#frame-view[data-shown-as="original"]', { timeout: 30000 });
  await wd.find("#frame-stage .track-box.track-keep");

  step("a long recording: Cancel on its transcription's progress keeps the finished parts, importing it again carries on from them");
  const callDir = path.join(work, "long-call");
  mkdirSync(callDir);
  const spoken = path.join(work, "long-call.wav");
  const sentence =
    "The tenant rang to ask when the repairs team would visit the flat to look at the damp in the kitchen and the broken window in the back bedroom.";
  execFileSync("espeak-ng", ["-v", "en-gb", "-s", "150", "-w", spoken, Array(7).fill(sentence).join(" ")]);
  execFileSync("ffmpeg", ["-nostdin", "-v", "error", "-i", spoken, "-ar", "16000", "-ac", "1", "-y", path.join(callDir, "long-call.mp3")]);
  cli("case", "new", "--ref", "TRX-1", "--subject", "Jane Anne Smith", "--received", "2026-03-03");
  const speechDir = path.join(home, "cases", "TRX-1", "speech");
  const keptParts = () =>
    existsSync(speechDir) ? readdirSync(speechDir).flatMap((sha) => readdirSync(path.join(speechDir, sha)).filter((n) => n.endsWith(".json"))) : [];
  const importPath = async (p) => {
    await wd.script("document.getElementById('import-path').value = arguments[0]", p);
    await wd.click(await wd.find("#import-path-form button[type=submit]"));
  };
  await wd.script("window.location.hash = arguments[0]", "#/case/TRX-1/import");
  await importPath(callDir);
  const cancelOnProgress = await wd.find("#progress-transcribing #cancel-import", { timeout: 120000 });
  for (const deadline = Date.now() + 600000; keptParts().length === 0;) {
    assert.ok(Date.now() < deadline, "a finished part is kept in the case");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await wd.click(cancelOnProgress);
  await wd.find("#import-summary h2", { until: (t) => /cancelled/.test(t), timeout: 180000 });
  const partsKept = keptParts().length;
  assert.ok(partsKept >= 1, "the finished parts stay in the case");
  assert.equal(JSON.parse(cli("--json", "items", "--case", "TRX-1")).length, 0, "the recording is not stored half heard");
  await importPath(callDir);
  const resumedLine = await wd.text(await wd.find("#import-summary .resumed", { until: (t) => /resumed from/.test(t), timeout: 600000 }));
  assert.match(resumedLine, new RegExp(`\\(${partsKept} parts heard by an earlier import\\)`), resumedLine);
  const [call] = JSON.parse(cli("--json", "items", "--case", "TRX-1"));
  assert.equal(call.status, "ok", "heard whole the second time");
  assert.equal(keptParts().length, 0, "the parts go once the transcript is whole");

  step("the organisation profile is complete and editable");
  await wd.script("window.location.hash = arguments[0]", "#/organisation");
  await wd.find("#profile-problems", { until: (t) => /complete/.test(t) });
  assert.equal(await wd.script("return document.getElementById('p-name').value"), "Northgate Homes");

  step("importing bank holidays moves an open case's due date");
  await wd.find("#holidays-state", { until: (t) => /built-in/.test(t) });
  await wd.type(await wd.find("#holidays-path"), holidaysFile);
  await wd.click(await wd.find("#holidays-form button[type=submit]"));
  const moved = await wd.text(await wd.find("#holidays-moved", { until: (t) => t.includes("HOL-1") }));
  const movedTo = scottishDue();
  assert.ok(movedTo > holidayDue, `the due day moved on: ${holidayDue} → ${movedTo}`);
  // A day as the window writes it (its own locale data, e.g. "4 Jan 2027").
  const shortDay = (iso) =>
    wd.script("return new Date(arguments[0]).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })", iso);
  const move = `${await shortDay(holidayDue)} → ${await shortDay(movedTo)}`;
  assert.ok(moved.includes(move), `the move is shown as ${move}: ${moved}`);
  await wd.find("#holidays-state", { until: (t) => t.includes(`scotland: ${holidayYear}, ${fileDays.length} days`) });
  await wd.script("window.location.hash = arguments[0]", "#/case/HOL-1");
  await wd.find("#due-moves", { until: (t) => t.includes(move) });

  step("a case whose index was lost says so, refuses search, and rebuilds it");
  await wd.script("window.location.hash = arguments[0]", "#/case/IDX-1");
  const warned = await wd.text(await wd.find("#case-warnings", { timeout: 30000 }));
  assert.match(warned, /search index is missing/, `the lost index is reported: ${warned}`);
  await wd.script("window.location.hash = arguments[0]", "#/case/IDX-1/search?q=repair");
  const refused = await wd.text(await wd.find("#hit-count", { until: (t) => t.length > 0 }));
  assert.match(refused, /reindex/, `search is refused, never silently empty: ${refused}`);
  await wd.script("window.location.hash = arguments[0]", "#/case/IDX-1");
  await wd.click(await wd.find("#rebuild-index"));
  await announced(/index was rebuilt/, 120000);
  // The overview is drawn again after the announcement.
  for (let i = 0; i < 300 && (await wd.findAll("#case-warnings")).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal((await wd.findAll("#case-warnings")).length, 0, "no warning once rebuilt");
  await wd.script("window.location.hash = arguments[0]", "#/case/IDX-1/search?q=repair");
  const found = await wd.text(await wd.find("#hit-count", { until: (t) => /found/.test(t) }));
  assert.ok(Number.parseInt(found, 10) >= 1, `search finds again: ${found}`);

  step("the cases screen shows the progress");
  await wd.click(await wd.find('a.nav-link[href="#/cases"]'));
  await wd.find('#cases-table tr[data-ref="E2E-001"]', { until: (t) => t.includes(`2 of ${total}`) });
  const closed = await wd.text(await wd.find('#cases-table tr[data-ref="DONE-1"]'));
  assert.match(closed, /Closed 1 Feb 2019 \(responded\)/, `a closed case shows its outcome: ${closed}`);
  assert.doesNotMatch(closed, /overdue/, "a closed case is not overdue");
  shots.push(await screenshot(wd, "01-cases"));

  console.log(`e2e: launch to interactive cases screen: ${launchMs.toFixed(0)} ms`);
  console.log(`e2e: search to results painted (demo case): ${searchMs.toFixed(1)} ms`);
  if (process.env.E2E_UPDATE_SCREENSHOTS) {
    const docs = path.join(root, "docs", "screenshots");
    mkdirSync(docs, { recursive: true });
    for (const shot of shots) copyFileSync(shot, path.join(docs, path.basename(shot)));
  }
  console.log(`e2e: passed; screenshots in ${outDir}`);
} catch (e) {
  await screenshot(wd, "failure").catch(() => undefined);
  console.error(`e2e: FAILED: ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  await stop(session);
}

// An encrypted home: the window asks for the passphrase before any
// screen, says so when it is wrong, and opens the cases when it is right.
if (process.exitCode !== 1) {
  const lockedHome = path.join(work, "locked");
  const passphrase = "correct horse battery staple";
  const withPassphrase = { ...process.env, DISCLOSE_PASSPHRASE: passphrase };
  const locked = (...args) => execFileSync(cliPath, ["--home", lockedHome, ...args], { env: withPassphrase, encoding: "utf8" });
  locked("home", "encrypt");
  locked("demo");
  locked("whoami", "--set", "Erin Tester");
  const second = await launch(lockedHome);
  try {
    step("an encrypted home is unlocked in the window before any screen");
    const w = second.wd;
    const field = await w.find("#f-passphrase", { timeout: 60000 });
    assert.equal((await w.findAll("#cases-table")).length, 0, "no case is shown before the home is unlocked");
    await w.type(field, "not the passphrase");
    await w.click(await w.find("#unlock-form button[type=submit]"));
    const wrong = await w.text(await w.find("#unlock-status", { until: (t) => t.length > 0 }));
    assert.match(wrong, /wrong passphrase/i, `a wrong passphrase is said: ${wrong}`);
    await w.type(await w.find("#f-passphrase"), passphrase);
    await w.click(await w.find("#unlock-form button[type=submit]"));
    await w.find('#cases-table tr[data-ref="DEMO-001"]', { timeout: 60000 });
    console.log("e2e: the encrypted home unlocked in the window");
  } catch (e) {
    await screenshot(second.wd, "failure-unlock").catch(() => undefined);
    console.error(`e2e: FAILED: ${e instanceof Error ? e.stack : e}`);
    process.exitCode = 1;
  } finally {
    await stop(second);
  }
}
// A first start on an empty home: the window opens at once and the demo
// case is made behind it, with its progress shown until it is listed.
if (process.exitCode !== 1) {
  const emptyHome = path.join(work, "first-start");
  const third = await launch(emptyHome);
  try {
    step("a first start opens the window while the demo case is made");
    const w = third.wd;
    await w.find("#demo-progress, #cases-table", { timeout: 60000 });
    const shownMs = performance.now() - third.started;
    const sawProgress = (await w.findAll("#demo-progress")).length > 0;
    await w.find('#cases-table tr[data-ref="DEMO-001"]', { timeout: 300000 });
    const readyMs = performance.now() - third.started;
    console.log(
      `e2e: first start: window showed ${sawProgress ? "the demo's progress" : "the cases"} in ${shownMs.toFixed(0)} ms, the demo case was listed at ${readyMs.toFixed(0)} ms`,
    );
  } catch (e) {
    await screenshot(third.wd, "failure-first-start").catch(() => undefined);
    console.error(`e2e: FAILED: ${e instanceof Error ? e.stack : e}`);
    process.exitCode = 1;
  } finally {
    await stop(third);
  }
}
rmSync(work, { recursive: true, force: true });

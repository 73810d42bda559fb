/**
 * The catalogue and the HTML drift report as a person sees them, in headless Chromium: every contract listed, a
 * breaking change shown with its witness, hostile schema text shown as text, and no console error and no network
 * request on any page. Screenshots are saved in the test's temp folder (and copied to $LLM_CONTRACTS_SHOTS when
 * set). Without chromium every test here prints a skip line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contractName, generateProject } from "../../bench/generate.js";
import { copyOfExamples, runCli, tempDir } from "../util/project.js";
import { findChromium, SKIP_LINE, viewPage, type PageView } from "./chromium.js";
import { breakingProject, HOSTILE, hostileProject } from "./fixtures.js";

const chromium = findChromium();
const skip = chromium === undefined ? SKIP_LINE : false;
if (chromium === undefined) console.log(SKIP_LINE);
const shots = tempDir("llm-contracts-catalogue-shots-");

async function view(file: string, shot: string, expressions?: Record<string, string>): Promise<PageView> {
  const screenshot = path.join(shots, shot);
  const seen = await viewPage(chromium!, pathToFileURL(file).href, { screenshot, ...(expressions !== undefined ? { expressions } : {}) });
  const copyTo = process.env["LLM_CONTRACTS_SHOTS"];
  if (copyTo !== undefined && copyTo !== "") {
    mkdirSync(copyTo, { recursive: true });
    copyFileSync(screenshot, path.join(copyTo, shot));
  }
  return seen;
}

/** Types `query` into the index's filter; the names of the rows left visible. */
const FILTER = (query: string): string =>
  `(() => { const i = document.querySelector("input.filter"); i.value = ${JSON.stringify(query)}; i.dispatchEvent(new Event("input"));` +
  ` return [...document.querySelectorAll("table.contracts tbody tr")].filter((r) => !r.hidden).map((r) => r.cells[0].querySelector("a").textContent); })()`;

function assertQuiet(seen: PageView, what: string): void {
  assert.deepEqual(seen.errors, [], `${what}: console or log errors`);
  assert.deepEqual(seen.requests, [], `${what}: network requests`);
}

test("browser › the bundled project's catalogue: every contract listed, changes with witnesses, no error, no request", { skip }, async (t) => {
  const dir = copyOfExamples();
  const r = runCli(["docs", "--out", "site"], dir);
  assert.equal(r.code, 0, r.stderr);
  const index = await view(path.join(dir, "site", "index.html"), "bundled-index.png", {
    rows: "document.querySelectorAll('table.contracts tbody tr').length",
    links: "[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))",
    filtered: FILTER("REFUND"),
  });
  assertQuiet(index, "index");
  assert.equal(index.values["rows"], 3);
  assert.deepEqual(index.values["filtered"], ["issue-refund"], "the filter (the page's one script, allowed by its CSP hash) keeps matching rows");
  for (const name of ["document-outline", "issue-refund", "ticket-triage"]) assert.match(index.text, new RegExp(`^${name}\\b`, "m"), name);
  assert.ok((index.values["links"] as string[]).every((h) => h.startsWith("contracts/")), "links stay inside the site");
  const refund = await view(path.join(dir, "site", "contracts", "issue-refund.html"), "bundled-issue-refund-changes.png");
  assertQuiet(refund, "issue-refund");
  assert.match(refund.text, /v1 → v2/);
  assert.match(refund.text, /enum-value-removed at \/properties\/reason/);
  assert.match(refund.text, /enum value\(s\) removed: "product_defect"/);
  assert.match(refund.text, /Witness: valid under old, invalid under new:\s*\{[^\]]*?"reason": "product_defect",[^\]]*?Acknowledged: covered by the implemented migration/);
  assert.match(refund.text, /Migration schemas\/issue-refund\/migrations\/v1-to-v2\.ts: implemented/);
  const triage = await view(path.join(dir, "site", "contracts", "ticket-triage.html"), "bundled-ticket-triage.png");
  assertQuiet(triage, "ticket-triage");
  assert.match(triage.text, /required-added at \/properties\/escalation/);
  assert.match(triage.text, /export interface TicketTriageV3 \{/);
  t.diagnostic(`screenshots: ${shots}`);
});

test("browser › an HTML drift report shows the breaking change and its witness, with no error and no request", { skip }, async () => {
  const dir = breakingProject();
  const r = runCli(["drift", "--format", "html"], dir);
  assert.equal(r.code, 1, r.stderr);
  const file = path.join(dir, "drift.html");
  writeFileSync(file, r.stdout);
  const seen = await view(file, "drift-report.png");
  assertQuiet(seen, "drift report");
  assert.match(seen.text, /NOT compatible/);
  assert.match(seen.text, /breaking enum-value-removed at \/properties\/priority/);
  assert.match(seen.text, /Witness: valid under old, invalid under new:\s*\{\s*"priority": "urgent"\s*\}/);
  const bundled = copyOfExamples();
  const report = runCli(["drift", "--format", "html"], bundled);
  assert.equal(report.code, 0, report.stderr);
  writeFileSync(path.join(bundled, "drift.html"), report.stdout);
  const ok = await view(path.join(bundled, "drift.html"), "drift-report-bundled.png");
  assertQuiet(ok, "bundled drift report");
  assert.match(ok.text, /compatible\s+3 comparison\(s\), nothing breaks/);
});

test("browser › hostile text renders as text: no element, script, load or navigation comes from schema text", { skip }, async () => {
  const dir = hostileProject();
  const r = runCli(["docs", "--out", "site"], dir);
  assert.equal(r.code, 0, r.stderr);
  const injected = "document.querySelectorAll('main script, img, iframe, svg, b, i, a[href^=\"http\"], main style, body > style').length";
  for (const [file, shot] of [["index.html", "hostile-index.png"], ["contracts/hostile.html", "hostile-contract.png"]] as const) {
    const seen = await view(path.join(dir, "site", file), shot, { injected, title: "document.title", styles: "document.querySelectorAll('style').length", scripts: "document.querySelectorAll('script').length" });
    assert.equal(seen.values["scripts"], file === "index.html" ? 1 : 0, `${file}: only the catalogue's own filter script`);
    assertQuiet(seen, file);
    assert.equal(seen.values["injected"], 0, `${file}: elements made from schema text`);
    assert.equal(seen.values["styles"], 1, `${file}: only the catalogue's stylesheet`);
    assert.doesNotMatch(String(seen.values["title"]), /pwned/);
    assert.ok(seen.text.includes(HOSTILE.manifest), `${file}: the manifest description as text`);
    if (file === "contracts/hostile.html") {
      for (const s of [HOSTILE.title, HOSTILE.description, HOSTILE.enumValue, HOSTILE.property, HOSTILE.example]) assert.ok(seen.text.includes(s), `shown as text: ${s}`);
    }
  }
});

test("browser › a 200-contract generated project: every contract listed, pages render quietly", { skip }, async (t) => {
  const root = tempDir("llm-contracts-catalogue-200-");
  generateProject(root, 200);
  const started = process.hrtime.bigint();
  const r = runCli(["docs", "--out", "site"], root);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(r.code, 0, r.stderr);
  t.diagnostic(`docs for 200 contracts, cold cache: ${ms.toFixed(0)} ms (timing is reported, not asserted: see npm run bench -- --only docs)`);
  const index = await view(path.join(root, "site", "index.html"), "generated-200-index.png", { rows: "document.querySelectorAll('table.contracts tbody tr').length" });
  assertQuiet(index, "index");
  assert.equal(index.values["rows"], 200);
  for (let i = 0; i < 200; i++) assert.match(index.text, new RegExp(`^${contractName(i)}\\b`, "m"));
  const page = await view(path.join(root, "site", "contracts", `${contractName(7)}.html`), "generated-200-contract.png");
  assertQuiet(page, contractName(7));
  assert.match(page.text, /v1 → v2/);
  assert.match(page.text, /property-added at \/properties\/source/);
});

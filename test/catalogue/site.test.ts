/**
 * `docs --out` and the HTML reporters through the real CLI: what the pages say, that the same inputs give the
 * same bytes, that schema text is escaped, and that bad input writes nothing (exit 2, one line).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyOfExamples, makeProject, REPO_ROOT, snapshotTree, contractFiles } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { CONTRACT_FILTER } from "../../src/html/scripts.js";
import { breakingProject, hostileProject } from "./fixtures.js";

const read = (dir: string, rel: string): string => readFileSync(path.join(dir, rel), "utf8");

test("docs › the bundled project: an index of every contract and a page per contract", async () => {
  const dir = copyOfExamples();
  const r = await runCliHere(["docs", "--out", "site"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote catalogue of 3 contract\(s\), 6 version\(s\) in site\//);
  assert.deepEqual(readdirSync(path.join(dir, "site", "contracts")).sort(), ["document-outline.html", "issue-refund.html", "ticket-triage.html"]);
  const index = read(dir, "site/index.html");
  for (const name of ["document-outline", "issue-refund", "ticket-triage"]) assert.ok(index.includes(`href="contracts/${name}.html"`), name);
  assert.match(index, /<code>issue_refund<\/code>/, "the tool name from contract.json");
  assert.match(index, /<td>unsafe \(key: <code>idempotency_key<\/code>\)<\/td>/, "side effects and the idempotency key from contract.json");
  const refund = read(dir, "site/contracts/issue-refund.html");
  // The enum value removed in v2, its witness (valid under old only) and the migration that covers it.
  assert.match(refund, /<code>enum-value-removed<\/code> at <code>\/properties\/reason<\/code>/);
  assert.match(refund, /Witness: valid under <strong>old<\/strong>, invalid under <strong>new<\/strong>/);
  assert.match(refund, /&quot;reason&quot;: &quot;product_defect&quot;/);
  assert.match(refund, /Migration <code>schemas\/issue-refund\/migrations\/v1-to-v2\.ts<\/code>: <span class="ok">implemented<\/span>/);
  // Provider matrix: every listed provider has a row; the generated type is shown.
  for (const p of ["openai-strict", "anthropic", "anthropic-strict", "gemini", "mcp"]) assert.ok(refund.includes(`<tr><td>${p}</td>`), p);
  assert.match(refund, /export interface IssueRefundV2 \{/);
  const triage = read(dir, "site/contracts/ticket-triage.html");
  assert.match(triage, /id="change-v2-v3"/);
  assert.match(triage, /<span class="key">needs_human<\/span> <span class="req">required<\/span>/, "v1 requires needs_human");
  assert.match(triage, /valid<\/span> <code>double-charge\.json<\/code>/, "golden examples are shown");
});

test("docs › rebuilding gives byte-identical files; a second run into the same folder touches nothing", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["docs", "--out", "a"], dir)).code, 0);
  assert.equal((await runCliHere(["docs", "--out", "b", "--no-cache"], dir)).code, 0);
  const strip = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [k, v.slice(v.indexOf(":") + 1)]));
  const a = snapshotTree(path.join(dir, "a"));
  assert.deepEqual(strip(snapshotTree(path.join(dir, "b"))), strip(a));
  for (const [rel, text] of strip(a)) {
    assert.ok(!text.includes("\r"), `CRLF in ${rel}`);
    assert.ok(!text.includes(new Date().toISOString().slice(0, 10)), `today's date (a timestamp) in ${rel}`);
  }
  const again = await runCliHere(["docs", "--out", "a"], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^up to date: /);
  assert.deepEqual(snapshotTree(path.join(dir, "a")), a, "mtimes and bytes unchanged");
});

test("docs › a changed schema replaces the whole site and leaves no staging folder behind", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["docs", "--out", "site"], dir)).code, 0);
  const file = path.join(dir, "schemas", "ticket-triage", "contract.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...manifest, description: "Changed description for the catalogue test." }));
  const r = await runCliHere(["docs", "--out", "site"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(read(dir, "site/index.html"), /Changed description for the catalogue test\./);
  assert.deepEqual(readdirSync(dir).filter((e) => e.startsWith("site")), ["site"]);
});

test("docs › refuses to replace a folder it did not write (exit 2, one line, folder untouched)", async () => {
  const dir = copyOfExamples();
  mkdirSync(path.join(dir, "mine"));
  writeFileSync(path.join(dir, "mine", "notes.txt"), "keep me");
  const r = await runCliHere(["docs", "--out", "mine"], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, /^mine: the folder is not empty and was not written by `llm-contracts docs`.*\[docs\.out-not-catalogue\]$/m);
  assert.deepEqual(readdirSync(path.join(dir, "mine")), ["notes.txt"]);
});

test("docs › usage errors and bad schemas: exit 2, nothing written", async () => {
  const dir = copyOfExamples();
  const noOut = await runCliHere(["docs"], dir);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /docs needs --out DIR/);
  const bad = makeProject({ ...contractFiles("broken", [{ type: "object" }]), "schemas/broken/v2.json": "{ \"type\": " });
  const r = await runCliHere(["docs", "--out", "site"], bad);
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /^schemas\/broken\/v2\.json[:#][^\n]*\[[a-z.-]+\]$/m);
  assert.doesNotMatch(r.stderr, /internal error/);
  assert.ok(!existsSync(path.join(bad, "site")), "nothing written");
});

test("docs › hostile text in titles, descriptions, enum values, property names and examples is escaped", async () => {
  const dir = hostileProject();
  const r = await runCliHere(["docs", "--out", "site"], dir);
  assert.equal(r.code, 0, r.stderr);
  for (const rel of ["site/index.html", "site/contracts/hostile.html"]) {
    // The index carries the catalogue's own filter script (a constant); nothing else may be a script.
    const text = read(dir, rel).replace(`<script>${CONTRACT_FILTER.source}</script>`, "");
    for (const tag of ["<script", "<img", "<b>", "<iframe", "<i>", "<svg", "<a href=\"https://example.invalid", "</main><style>"]) assert.ok(!text.includes(tag), `${rel} contains raw ${tag}`);
    assert.equal(text.match(/<style>/g)?.length, 1, "only the catalogue's own stylesheet");
  }
  const page = read(dir, "site/contracts/hostile.html");
  assert.ok(page.includes("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;Refund"), "title as text");
  assert.ok(page.includes("&lt;i&gt;name&lt;/i&gt;"), "property name as text");
  assert.ok(page.includes("&lt;/code&gt;&lt;/pre&gt;&lt;b&gt;bold&lt;/b&gt;"), "enum value as text");
});

test("drift --format html: one page with the change view; markdown keeps working", async () => {
  const dir = breakingProject();
  const r = await runCliHere(["drift", "--format", "html"], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stdout.startsWith("<!DOCTYPE html>\n"));
  assert.ok(r.stdout.endsWith("</html>\n"));
  assert.match(r.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/);
  assert.match(r.stdout, /NOT compatible/);
  assert.match(r.stdout, /<span class="badge bad">breaking<\/span> <code>enum-value-removed<\/code>/);
  assert.match(r.stdout, /&quot;priority&quot;: &quot;urgent&quot;/, "the witness: a value only the old version accepts");
  const md = await runCliHere(["drift", "--format", "markdown"], dir);
  assert.equal(md.code, 1);
  assert.match(md.stdout, /^## ❌ Schema drift: NOT compatible/);
});

test("diff --format html: two files, the break and its witness", async () => {
  const dir = makeProject({ "old.json": { enum: ["a", "b"] }, "new.json": { enum: ["a"] } });
  const r = await runCliHere(["diff", "old.json", "new.json", "--mode", "backward", "--format", "html"], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /old\.json → new\.json/);
  assert.match(r.stdout, /<span class="badge bad">breaking<\/span> <code>enum-value-removed<\/code>/);
  assert.match(r.stdout, /<pre>&quot;b&quot;<\/pre>/);
});

test("escaping › only src/html may mark text as trusted markup", () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const abs = path.join(dir, e);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (e.endsWith(".ts") && !abs.startsWith(path.join(REPO_ROOT, "src", "html") + path.sep) && readFileSync(abs, "utf8").includes("trustedMarkup")) offenders.push(abs);
    }
  };
  walk(path.join(REPO_ROOT, "src"));
  assert.deepEqual(offenders, []);
});


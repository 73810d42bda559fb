#!/usr/bin/env node
/**
 * Stress of the write path (src/write): concurrent builds and builds killed with SIGKILL at a random moment.
 *
 *   node scripts/stress-write.mjs [--runs N] [--mode concurrent|kill|both]      (default: 20 runs, both)
 *
 * On a temp copy of the example project (schemas/ and the config):
 *   concurrent  N times: two `build --no-cache` at once on the same project, half of the time over an existing
 *               tree with one schema changed. Both must exit 0; generated/ must equal a clean build; nothing
 *               may be left beside it.
 *   kill        N times: one schema changed, `build --no-cache` killed with SIGKILL, half of the runs after a
 *               random delay (0.4–1.2 × a measured build), half within 30 ms of its write starting (the lock file
 *               appears); then the next build must exit 0, leave generated/ equal to a clean build and nothing
 *               beside it.
 * Prints one line per run and a summary; exits 1 when any run broke a rule. Needs `tsc` output in dist/.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(REPO, "dist", "cli", "main.js");
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const RUNS = Number(opt("--runs", "20"));
const MODE = opt("--mode", "both");
const made = [];
process.on("exit", () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-stress-"));
  made.push(dir);
  cpSync(path.join(REPO, "schemas"), path.join(dir, "schemas"), { recursive: true });
  const config = path.join(REPO, "llm-contracts.config.json");
  if (existsSync(config)) cpSync(config, path.join(dir, "llm-contracts.config.json"));
  return dir;
}

/** The latest version file of the first contract with JSON versions: its description is toggled to change the output. */
function toggled(dir) {
  const schemas = path.join(dir, "schemas");
  const jsonVersions = (n) => (existsSync(path.join(schemas, n, "contract.json")) ? readdirSync(path.join(schemas, n)).filter((f) => /^v[0-9]+\.json$/.test(f)) : []);
  const contract = readdirSync(schemas).sort().find((n) => jsonVersions(n).length > 0);
  const versions = jsonVersions(contract);
  const latest = versions.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5))).at(-1);
  const file = path.join(schemas, contract, latest);
  const original = readFileSync(file, "utf8");
  return (on) => {
    const value = JSON.parse(original);
    if (on) value.description = `${value.description ?? ""} (stress)`;
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  };
}

function tree(dir) {
  const out = new Map();
  const walk = (abs, rel) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else out.set(r, readFileSync(path.join(abs, e.name), "utf8"));
    }
  };
  if (existsSync(dir)) walk(dir, "");
  return out;
}

const same = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const leftovers = (dir) => readdirSync(dir).filter((n) => n.startsWith(".generated."));

function buildSync(dir) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, "build", "--no-cache"], { cwd: dir, encoding: "utf8" });
  return { code: r.status, stderr: r.stderr, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

function buildAsync(dir) {
  const child = spawn(process.execPath, [BIN, "build", "--no-cache"], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

// References: a clean build of each state of the toggled schema.
const ref = project();
const setRef = toggled(ref);
const want = {};
const times = [];
for (const on of [false, true]) {
  setRef(on);
  rmSync(path.join(ref, "generated"), { recursive: true, force: true });
  const r = buildSync(ref);
  if (r.code !== 0) throw new Error(`reference build failed: ${r.stderr}`);
  times.push(r.ms);
  want[on] = tree(path.join(ref, "generated"));
}
const buildMs = Math.max(...times);
console.log(`reference build: ${times.map((t) => t.toFixed(0)).join(", ")} ms; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

let failures = 0;
const report = (mode, i, ok, detail) => {
  if (!ok) failures++;
  console.log(`${mode} ${String(i + 1).padStart(2)}: ${ok ? "ok" : "FAILED"} ${detail}`);
};

if (MODE === "concurrent" || MODE === "both") {
  const dir = project();
  const set = toggled(dir);
  for (let i = 0; i < RUNS; i++) {
    const on = i % 2 === 1;
    if (i % 4 < 2) rmSync(path.join(dir, "generated"), { recursive: true, force: true });
    set(on);
    const [a, b] = await Promise.all([buildAsync(dir).done, buildAsync(dir).done]);
    const whole = same(tree(path.join(dir, "generated")), want[on]);
    const left = leftovers(dir);
    const ok = a.code === 0 && b.code === 0 && whole && left.length === 0;
    report("concurrent", i, ok, `exits ${a.code},${b.code}; generated/ ${whole ? "whole" : "NOT whole"}; leftovers ${left.length}${ok ? "" : ` ${a.stderr}${b.stderr}`.trim()}`);
  }
}

if (MODE === "kill" || MODE === "both") {
  const dir = project();
  const set = toggled(dir);
  if (buildSync(dir).code !== 0) throw new Error("first build failed");
  for (let i = 0; i < RUNS; i++) {
    const on = i % 2 === 0;
    set(on);
    // Odd runs: a random moment (most of a build is compiling). Even runs: within 0–30 ms of the write starting
    // (the lock file appears), so the staging and the swap are hit.
    const run = buildAsync(dir);
    let delay;
    let timer;
    let poll;
    if (i % 2 === 1) {
      delay = Math.round(buildMs * (0.4 + Math.random() * 0.8));
      timer = setTimeout(() => run.child.kill("SIGKILL"), delay);
    } else {
      const started = Date.now();
      poll = setInterval(() => {
        if (!readdirSync(dir).some((n) => n.startsWith(".generated.llm-contracts-"))) return;
        clearInterval(poll);
        const extra = Math.round(Math.random() * 30);
        delay = Date.now() - started + extra;
        timer = setTimeout(() => run.child.kill("SIGKILL"), extra);
      }, 2);
    }
    const first = await run.done;
    clearTimeout(timer);
    clearInterval(poll);
    const before = leftovers(dir).length;
    const next = buildSync(dir);
    const whole = same(tree(path.join(dir, "generated")), want[on]);
    const left = leftovers(dir);
    const ok = next.code === 0 && whole && left.length === 0;
    report("kill", i, ok, `killed after ${delay ?? "-"} ms (${first.signal ?? `exit ${first.code}`}, ${before} leftover(s)); next build exit ${next.code}; generated/ ${whole ? "whole" : "NOT whole"}; leftovers ${left.length}${ok ? "" : ` ${next.stderr}`}`);
  }
}

console.log(`${failures === 0 ? "all runs ok" : `${failures} run(s) FAILED`}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
process.exitCode = failures === 0 ? 0 : 1;

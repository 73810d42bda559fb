/**
 * Faults the environment causes end in the exit-code table (src/fault/environment.ts): a full disk, a permission
 * denied, a file where a folder must be → one line naming the path, exit 2, temp files removed, existing outputs
 * untouched, never "internal error". The faults are injected into the CLI process with a preloaded module that
 * makes the named fs calls fail (running as root, a chmod would not deny anything).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readTree } from "../util/generated.js";
import { BIN, contractFiles, makeProject, tempDir } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const OBJ2 = { ...OBJ, properties: { a: { type: "string" }, b: { type: "string" } } };

/**
 * `LLM_FAULT=<CODE>:<where>`: `stream` fails every fs.write (write streams), `stream-late` too but a file's
 * failure arrives later unless its name holds "rejects" (the order a loaded machine may produce), `staging` / `tmp`
 * fail writeFileSync there.
 */
const PRELOAD = `
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const [code, where] = (process.env.LLM_FAULT ?? "").split(":");
const errno = { ENOSPC: -28, EACCES: -13 }[code] ?? -5;
const fault = (syscall, p) => Object.assign(new Error(code + ": injected, " + syscall + " '" + p + "'"), { code, errno, syscall, path: p });
if (where === "stream" || where === "stream-late") {
  const names = new Map();
  const open = fs.open;
  fs.open = (p, ...a) => { const cb = a.pop(); open(p, ...a, (e, fd) => { if (!e) names.set(fd, String(p)); cb(e, fd); }); };
  const fail = (fd, cb) => {
    const late = where === "stream-late" && !(names.get(fd) ?? "").includes("rejects");
    if (late) setTimeout(cb, 200, fault("write", "fd " + fd)); else process.nextTick(cb, fault("write", "fd " + fd));
  };
  fs.write = (fd, ...a) => fail(fd, a[a.length - 1]);
  fs.writev = (fd, bufs, ...a) => fail(fd, a[a.length - 1]);
}
if (where === "staging" || where === "tmp") {
  const real = fs.writeFileSync;
  fs.writeFileSync = function (file, ...a) {
    const p = String(file);
    if (where === "staging" ? p.includes("llm-contracts-new-") : p.endsWith(".tmp")) {
      real.call(this, file, "partial");
      throw fault("open", p);
    }
    return real.call(this, file, ...a);
  };
}
syncBuiltinESMExports();
`;

function faulty(args: readonly string[], cwd: string, fault: string): { code: number | null; stdout: string; stderr: string } {
  const dir = tempDir("llm-contracts-fault-");
  const preload = path.join(dir, "fault.mjs");
  writeFileSync(preload, PRELOAD);
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(preload).href, BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, LLM_FAULT: fault, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(r: { code: number | null; stderr: string }, want: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|Unhandled|at .*\(/);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, want);
}

test("fault › disk full during migrate --out (JSONL): one line naming the output, exit 2, no temp file, no output", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]) });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, "in.jsonl"), `${JSON.stringify({ a: "x" })}\n${JSON.stringify({ b: 1 })}\n`);
  // Both files fail; the output is named whichever failure arrives first.
  for (const fault of ["ENOSPC:stream", "ENOSPC:stream-late"]) {
    const r = faulty(["migrate", "ping", "in.jsonl", "--out", "out.jsonl"], dir, fault);
    oneLine(r, /^out\.jsonl: cannot write: no space left on the device \(ENOSPC\) \[env\.enospc\]$/);
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes("out")), [], `${fault}: neither output nor temp files`);
  }
});

test("fault › disk full or permission denied writing migrate --out (one document): exit 2, no temp file", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]) });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, "in.json"), JSON.stringify({ a: "x" }));
  for (const code of ["ENOSPC", "EACCES"]) {
    const r = faulty(["migrate", "ping", "in.json", "--out", "out.json"], dir, `${code}:tmp`);
    oneLine(r, new RegExp(`out\\.json: cannot open: .* \\(${code}\\) \\[env\\.${code.toLowerCase()}\\]$`));
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes("out")), []);
  }
});

test("fault › disk full or permission denied while staging a build: generated/ untouched, staging and lock removed", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]) });
  assert.equal((await runCliHere(["build", "--no-cache"], dir)).code, 0);
  const before = readTree(path.join(dir, "generated"));
  writeFileSync(path.join(dir, "schemas/ping/v2.json"), JSON.stringify(OBJ2));
  for (const code of ["ENOSPC", "EACCES"]) {
    const r = faulty(["build"], dir, `${code}:staging`);
    oneLine(r, new RegExp(`^generated: cannot open: .* \\(${code}\\) \\[env\\.${code.toLowerCase()}\\]$`));
    assert.deepEqual(readTree(path.join(dir, "generated")), before, "existing output untouched");
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith(".generated")), [], "no staging, backup or lock left");
  }
  assert.equal((await runCliHere(["build"], dir)).code, 0, "the next build runs");
});

test("fault › a file where the output folder must be: build and check end in one line, exit 2, the file untouched", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]), generated: "not a folder\n" });
  oneLine((await runCliHere(["build"], dir)), /^generated: the output folder is a file.*\[generated\.not-a-folder\]$/);
  oneLine((await runCliHere(["check"], dir)), /^generated: cannot scandir: a file is where a folder must be \(ENOTDIR\) \[env\.enotdir\]$/);
  const nested = makeProject({ ...contractFiles("ping", [OBJ]), "llm-contracts.config.json": { outDir: "out/gen" }, out: "a file\n" });
  oneLine((await runCliHere(["build"], nested)), /^out\/gen: cannot \w+: a file is where a folder must be \(ENOTDIR\) \[env\.enotdir\]$/);
  assert.equal(existsSync(path.join(dir, "generated")), true);
  assert.deepEqual([...readTree(dir).keys()].filter((f) => f.startsWith(".generated")), []);
});

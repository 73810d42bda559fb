/**
 * A cache that cannot lie to `check` (src/cache/secret.ts): entries and snapshots are signed with a per-user key
 * kept outside the project and the cache folder. Whoever can write the cache folder can recompute an unkeyed
 * hash, or sign with a key of their own, but not with ours: the two attacks of the issue end as cache misses.
 * Each attack has a control that signs the same forgery with the real key and sees it used, so the tests prove
 * the forged entry is consulted and refused for its signature alone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheKey, mac } from "../../src/cache/secret.js";
import { sha256 } from "../../src/cache/store.js";
import { readTree } from "../util/generated.js";
import { spawnSync } from "node:child_process";
import { BIN, contractFiles, makeProject, runCli as runDefault, tempDir } from "../util/project.js";

const KEY_FILE = path.join(tempDir("llm-contracts-key-"), "user", "cache.key");
process.env["LLM_CONTRACTS_CACHE_KEY"] = KEY_FILE;

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };

function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  if (Object.keys(env).length === 0) return runDefault(args, cwd);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Signer = (key: string, body: string) => string;
const realKey = (): Buffer => cacheKey(KEY_FILE)!;
const FORGERS: Readonly<Record<string, Signer>> = {
  "an unkeyed sha256 (the old integrity)": (key, body) => sha256(key, body),
  "an HMAC with the attacker's own key": (key, body) => mac(randomBytes(32), key, body),
};
const withRealKey: Signer = (key, body) => mac(realKey(), key, body);

function project(): string {
  return makeProject({ ...contractFiles("ping", [OBJ]), "schemas/ping/examples/v1/valid/ok.json": { a: "x" } });
}

/** Rewrites every snapshot so it says "check passed", signed by `sign`. */
function forgeSnapshots(dir: string, sign: Signer): number {
  const state = path.join(dir, "node_modules/.cache/llm-contracts/state");
  let n = 0;
  for (const name of readdirSync(state).filter((f) => f.endsWith(".txt"))) {
    const file = path.join(state, name);
    const text = readFileSync(file, "utf8");
    const nl = text.indexOf("\n");
    const [format, key] = text.slice(0, nl).split("\t") as [string, string];
    const body = text
      .slice(nl + 1)
      .split("\n")
      .map((line) => {
        if (!line.startsWith("R\t")) return line;
        const result = JSON.parse(line.slice(2)) as Record<string, unknown>;
        return `R\t${JSON.stringify({ ...result, problems: [], exitCode: 0 })}`;
      })
      .join("\n");
    writeFileSync(file, `${format}\t${key}\t${sign(key, body)}\n${body}`);
    n++;
  }
  return n;
}

test("keyed cache › a re-signed snapshot cannot make check pass a project with problems", () => {
  const dir = project();
  assert.equal(runCli(["build"], dir).code, 0);
  for (const f of ["ping/v1.ts", "index.ts", "_runtime.ts"]) writeFileSync(path.join(dir, "generated", f), "// edited by hand\n");
  const first = runCli(["check"], dir);
  assert.equal(first.code, 1, first.stderr);
  const problems = first.stderr;
  for (const [how, sign] of Object.entries(FORGERS)) {
    assert.ok(forgeSnapshots(dir, sign) >= 1);
    const r = runCli(["check"], dir);
    assert.equal(r.code, 1, `${how}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stderr, problems, how);
  }
  // Control: the same forgery signed with the real key is replayed, so the signature alone refused it above.
  forgeSnapshots(dir, withRealKey);
  assert.equal(runCli(["check"], dir).code, 0);
});

/** Plants a marker in every entry's generated text, signed by `sign`; returns how many entries were changed. */
function plantInEntries(dir: string, sign: Signer): number {
  const cache = path.join(dir, "node_modules/.cache/llm-contracts");
  let n = 0;
  for (const ns of readdirSync(cache).filter((d) => d !== "state")) {
    for (const name of readdirSync(path.join(cache, ns))) {
      const file = path.join(cache, ns, name);
      const text = readFileSync(file, "utf8");
      const m = /^(\{"format":"[^"]*","key":("[^"]*"),"integrity":")[0-9a-f]{64}(","payload":)(.*)\}$/s.exec(text);
      if (m === null || !m[4]!.includes("export const")) continue;
      const payload = m[4]!.replaceAll("export const", "/* PLANTED accept-all */ export const");
      const key = JSON.parse(m[2]!) as string;
      writeFileSync(file, `${m[1]}${sign(key, payload)}${m[3]}${payload}}`);
      n++;
    }
  }
  return n;
}

test("keyed cache › a planted validator entry never reaches generated/", () => {
  const clean = project();
  assert.equal(runCli(["build", "--no-cache"], clean).code, 0);
  const want = readTree(path.join(clean, "generated"));
  const dir = project();
  assert.equal(runCli(["build"], dir).code, 0);
  for (const [how, sign] of Object.entries(FORGERS)) {
    assert.ok(plantInEntries(dir, sign) >= 1, "entries holding generated code");
    rmSync(path.join(dir, "generated"), { recursive: true });
    rmSync(path.join(dir, "node_modules/.cache/llm-contracts/state"), { recursive: true, force: true });
    const r = runCli(["build"], dir);
    assert.equal(r.code, 0, `${how}: ${r.stderr}`);
    assert.deepEqual(readTree(path.join(dir, "generated")), want, how);
  }
  // Control: signed with the real key, the planted text is used (the entries above were consulted).
  plantInEntries(dir, withRealKey);
  rmSync(path.join(dir, "generated"), { recursive: true });
  rmSync(path.join(dir, "node_modules/.cache/llm-contracts/state"), { recursive: true, force: true });
  assert.equal(runCli(["build"], dir).code, 0);
  assert.ok([...readTree(path.join(dir, "generated")).values()].some((t) => t.includes("PLANTED")));
});

test("keyed cache › the key is created once, mode 0600; one inside the project or writable by others turns the cache off", () => {
  const file = path.join(tempDir("llm-contracts-key-"), "k", "cache.key");
  const key = cacheKey(file);
  assert.ok(key !== undefined && key.length === 32);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(cacheKey(file), key, "read back, not replaced");

  const inside = project();
  const r = runCli(["build"], inside, { LLM_CONTRACTS_CACHE_KEY: path.join(inside, "cache.key") });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(path.join(inside, "node_modules/.cache/llm-contracts")), false, "no cache written with a key the project holds");

  const shared = path.join(tempDir("llm-contracts-key-"), "cache.key");
  writeFileSync(shared, `${"ab".repeat(32)}\n`);
  chmodSync(shared, 0o666);
  const open = project();
  assert.equal(runCli(["build"], open, { LLM_CONTRACTS_CACHE_KEY: shared }).code, 0);
  assert.equal(existsSync(path.join(open, "node_modules/.cache/llm-contracts")), false, "no cache with a key others may rewrite");
});

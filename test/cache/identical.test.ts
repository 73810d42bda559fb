/**
 * A cache never changes a result: the same sequence of builds, checks and edits run on two copies of a project,
 * one without the cache and one with it, gives byte-identical generated trees and identical results (problems
 * included), whether the cached run compiled, hit per-version entries, or replayed the no-op snapshot.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, check, type RunOptions } from "../../src/api/build.js";
import { resolveProject } from "../../src/config/config.js";
import { readTree } from "../util/generated.js";
import { copyOfExamples, tempDir } from "../util/project.js";

type Step = (dir: string) => void;

async function both(dirs: readonly [string, string], what: "build" | "check"): Promise<[string, string]> {
  const options: RunOptions[] = [{ cache: { enabled: false } }, {}];
  const out: string[] = [];
  for (let i = 0; i < 2; i++) {
    const project = resolveProject({ cwd: dirs[i]! });
    out.push(JSON.stringify(what === "build" ? await build(project, options[i]) : await check(project, options[i])));
  }
  return [out[0]!, out[1]!];
}

function twins(): [string, string] {
  const a = copyOfExamples();
  const b = tempDir("llm-contracts-cached-");
  cpSync(path.join(a, "schemas"), path.join(b, "schemas"), { recursive: true });
  return [a, b];
}

function apply(dirs: readonly [string, string], step: Step): void {
  for (const d of dirs) step(d);
}

async function assertSame(dirs: readonly [string, string], what: "build" | "check", label: string): Promise<string> {
  const [plain, cached] = await both(dirs, what);
  assert.equal(cached, plain, `${label}: ${what} result differs with the cache`);
  assert.deepEqual(readTree(path.join(dirs[1], "generated")), readTree(path.join(dirs[0], "generated")), `${label}: generated/ differs`);
  return plain;
}

test("cache › cached builds and checks equal uncached ones: cold, per-version hits, no-op replays, findings", async () => {
  const dirs = twins();
  await assertSame(dirs, "build", "cold build");
  await assertSame(dirs, "check", "cold check");
  const noop = await assertSame(dirs, "build", "no-op build");
  assert.match(noop, /"changed":false/);
  assert.match(await assertSame(dirs, "check", "no-op check"), /"exitCode":0/);
  assert.ok(readdirSync(path.join(dirs[1], "node_modules/.cache/llm-contracts")).includes("state"), "the cached copy has a cache");

  // A forward break of a tool contract (drift), a stale version, a migration that no longer type-checks, a failing example.
  apply(dirs, (d) => {
    const v3 = path.join(d, "schemas/ticket-triage/v3.json");
    writeFileSync(v3, readFileSync(v3, "utf8").replace('"maxLength": 280', '"maxLength": 200'));
    const refund = path.join(d, "schemas/issue-refund/v2.json");
    writeFileSync(refund, readFileSync(refund, "utf8").replace('"requested_by_customer"]', '"requested_by_customer", "goodwill"]'));
    const mig = path.join(d, "schemas/ticket-triage/migrations/v2-to-v3.ts");
    writeFileSync(mig, `${readFileSync(mig, "utf8")}\nexport const broken: number = "not a number";\n`);
  });
  const findings = await assertSame(dirs, "check", "check with findings");
  for (const code of ["generated.stale", "drift.", "migration.type-error"]) assert.match(findings, new RegExp(`"code":"${code.replace(".", "\\.")}`), code);
  assert.match(findings, /"exitCode":1/);
  await assertSame(dirs, "check", "replayed check with findings");
  await assertSame(dirs, "build", "build after the change");
  const after = await assertSame(dirs, "check", "check after the build");
  assert.match(after, /migration\.type-error/);
  assert.match(after, /"code":"drift\./);
  await assertSame(dirs, "check", "replayed check after the build");

  // Undo: every entry of the first state is still in the cache and must give the first results again.
  apply(dirs, (d) => {
    const v3 = path.join(d, "schemas/ticket-triage/v3.json");
    writeFileSync(v3, readFileSync(v3, "utf8").replace('"maxLength": 200', '"maxLength": 280'));
    const refund = path.join(d, "schemas/issue-refund/v2.json");
    writeFileSync(refund, readFileSync(refund, "utf8").replace('"requested_by_customer", "goodwill"]', '"requested_by_customer"]'));
    const mig = path.join(d, "schemas/ticket-triage/migrations/v2-to-v3.ts");
    writeFileSync(mig, readFileSync(mig, "utf8").replace('\nexport const broken: number = "not a number";\n', ""));
  });
  await assertSame(dirs, "build", "build after undo");
  assert.match(await assertSame(dirs, "check", "check after undo"), /"exitCode":0/);
});

test("cache › a build with input problems is replayed with the same problems and writes nothing", async () => {
  const dirs = twins();
  await assertSame(dirs, "build", "cold build");
  apply(dirs, (d) => writeFileSync(path.join(d, "schemas/issue-refund/v2.json"), '{"type": "object", "properties": {"a": {"type": "strin"}}}'));
  const failed = await assertSame(dirs, "build", "failing build");
  assert.match(failed, /"ok":false/);
  assert.equal(await assertSame(dirs, "build", "replayed failing build"), failed);
  await assertSame(dirs, "check", "check of the broken project");
});

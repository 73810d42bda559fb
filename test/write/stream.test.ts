/**
 * A cold build writes each version's files while the others compile (src/write/stream.ts), into a folder of its
 * own that the apply takes as its staging: the output equals a build that wrote after the compile, byte for byte;
 * a stream the final plan disagrees with is corrected; a failed stream costs nothing but speed; nothing of a
 * stream outlives its run, and a live run's stream is never taken for a dead run's leftovers.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderModule } from "../../src/emit/codegen/module.js";
import { applyPlan } from "../../src/write/apply.js";
import { listFiles } from "../../src/write/plan.js";
import { leftovers } from "../../src/write/lock.js";
import { openStream, streamFolder } from "../../src/write/stream.js";
import { readTree } from "../util/generated.js";
import { contractFiles, makeProject, runCli, tempDir } from "../util/project.js";

const mod = (text: string): string => renderModule({ source: "test", body: [`export const v = ${JSON.stringify(text)};`] });

function plan(names: readonly string[], tag = "1"): Map<string, string> {
  const p = new Map<string, string>([["index.ts", mod(names.join(","))]]);
  for (const name of names) {
    p.set(`${name}/v1.ts`, mod(`${name} ${tag}`));
    p.set(`${name}/v1.validate.ts`, mod(`${name} validator ${tag}`));
  }
  return p;
}

const siblings = (out: string): string[] => readdirSync(path.dirname(out)).filter((n) => n.startsWith(`.${path.basename(out)}`));

test("stream › the apply takes the streamed files as its staging, corrects what the final plan changed, keeps no stray file", () => {
  const out = path.join(tempDir("llm-contracts-stream-"), "generated");
  const final = plan(["a", "b", "c"]);
  const stream = openStream(out);
  assert.equal(stream.dir, streamFolder(out));
  // Streamed as versions arrive: a, then b with a text the final plan replaces, then a file the plan drops.
  stream.write([...final].filter(([rel]) => rel.startsWith("a/")));
  stream.write([["b/v1.ts", mod("b old")], ["b/v1.validate.ts", final.get("b/v1.validate.ts")!]]);
  stream.write([["gone/deep/x.ts", mod("not planned")]]);
  assert.equal(existsSync(out), false, "nothing in the output folder while streaming");
  assert.ok(existsSync(path.join(stream.dir, "a", "v1.ts")));
  const applied = applyPlan(out, final, "generated", undefined, undefined, stream);
  assert.equal(applied.changed, true);
  assert.deepEqual(listFiles(out), [...final.keys()].sort());
  assert.deepEqual(readTree(out), final, "every file is the plan's text, the replaced one included");
  assert.deepEqual(readdirSync(out).sort(), ["a", "b", "c", "index.ts"], "the dropped file's folders went with it");
  assert.deepEqual(siblings(out), [], "no stream, staging, lock or backup left");
});

test("stream › a stream that failed is not trusted: the apply writes the whole plan", () => {
  const out = path.join(tempDir("llm-contracts-stream-"), "generated");
  const final = plan(["a", "b"]);
  const stream = openStream(out);
  stream.write([["a/v1.ts", final.get("a/v1.ts")!]]);
  // A file where a folder must go: the next write fails (as a full disk would) and stops the stream.
  writeFileSync(path.join(stream.dir, "b"), "in the way");
  stream.write([["b/v1.ts", final.get("b/v1.ts")!]]);
  assert.equal(stream.ok, false);
  assert.equal(existsSync(stream.dir), false, "a stopped stream removes its folder");
  applyPlan(out, final, "generated", undefined, undefined, stream);
  assert.deepEqual(readTree(out), final);
  assert.deepEqual(siblings(out), []);
});

test("stream › into an output folder that exists, the stream is discarded and the usual carry applies", () => {
  const out = path.join(tempDir("llm-contracts-stream-"), "generated");
  applyPlan(out, plan(["a", "b"]), "generated");
  const next = plan(["a", "b"], "2");
  next.set("a/v1.ts", plan(["a", "b"]).get("a/v1.ts")!);
  const stream = openStream(out);
  stream.write([["b/v1.ts", mod("stale stream")]]);
  applyPlan(out, next, "generated", undefined, undefined, stream);
  assert.deepEqual(readTree(out), next);
  assert.deepEqual(siblings(out), []);
});

test("stream › a live run's stream folder is not a leftover; a dead run's is", () => {
  const out = path.join(tempDir("llm-contracts-stream-"), "generated");
  const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
  mkdirSync(streamFolder(out, dead), { recursive: true });
  mkdirSync(streamFolder(out), { recursive: true });
  mkdirSync(path.join(path.dirname(out), ".generated.llm-contracts-stream-x1"), { recursive: true });
  assert.deepEqual(leftovers(out), [path.basename(streamFolder(out, dead))]);
  rmSync(streamFolder(out), { recursive: true });
});

/** `n` contracts of two versions: 12 give 24 versions, enough for two compile workers (src/parallel/pool.ts). */
function project(n: number, failing: boolean): string {
  const files: Record<string, string | object> = {};
  for (let i = 0; i < n; i++) {
    const name = `c${String(i).padStart(2, "0")}`;
    const v1 = { type: "object", properties: { a: { type: "string", maxLength: 10 + i } }, required: ["a"], additionalProperties: false };
    const v2 = { ...v1, properties: { a: { type: "string", maxLength: 20 + i }, b: { type: "integer" } } };
    Object.assign(files, contractFiles(name, [v1, v2]));
  }
  if (failing) files["schemas/c01/examples/v1/valid/bad.json"] = { a: 1 };
  return makeProject(files);
}

test("stream › a cold build in workers writes as it compiles, byte-identical to one that writes after; a failing one writes nothing", () => {
  const env = { LLM_CONTRACTS_WORKERS: "2", LLM_CONTRACTS_TRACE: "1" };
  const dir = project(12, false);
  const cold = runCli(["build", "--no-cache"], dir, env);
  assert.equal(cold.code, 0, cold.stderr);
  assert.match(cold.stderr, /^build compile \(writing as versions arrive\):/m, "the cold build streamed");
  const streamed = readTree(path.join(dir, "generated"));
  // An empty output folder that exists: written after the compile, the path every build took before (compiled in
  // this thread, which costs less here than starting workers, and gives the same plan).
  rmSync(path.join(dir, "generated"), { recursive: true });
  mkdirSync(path.join(dir, "generated"));
  const after = runCli(["build", "--no-cache"], dir, { ...env, LLM_CONTRACTS_WORKERS: "1" });
  assert.equal(after.code, 0, after.stderr);
  assert.match(after.stderr, /^build compile:/m, "this one did not stream");
  assert.deepEqual(readTree(path.join(dir, "generated")), streamed);
  assert.ok(streamed.size > 12 * 5, `${streamed.size} files`);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith(".generated")), []);

  const bad = project(2, true);
  const r = runCli(["build", "--no-cache"], bad, env);
  assert.equal(r.code, 1, r.stderr + r.stdout);
  assert.equal(existsSync(path.join(bad, "generated")), false, "nothing written");
  assert.deepEqual(readdirSync(bad).filter((n) => n.startsWith(".generated")), [], "the stream is gone");
});

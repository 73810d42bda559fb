/**
 * Worker threads change how the work is split, never the result: the same project compiled in this thread and
 * in several workers gives the same plan, problems (in the same order), example counts and compiled versions.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { generateProject } from "../../bench/generate.js";
import { compileProject } from "../../src/api/compile.js";
import { resolveProject } from "../../src/config/config.js";
import { largestFirst, MIN_PER_WORKER } from "../../src/parallel/pool.js";
import { tempDir } from "../util/project.js";

test("parallel › 1 and 3 workers give identical output, problems and order", async () => {
  const root = tempDir("llm-contracts-workers-");
  const n = Math.ceil((3 * MIN_PER_WORKER) / 2) + 2;
  generateProject(root, n);
  // Problems spread over the project: an unreadable schema, a failing example, a strict-mode error.
  writeFileSync(path.join(root, "schemas/contract-0003/v2.json"), "{ broken");
  writeFileSync(path.join(root, "schemas/contract-0007/examples/v1/valid/wrong.json"), '{"id": 1}');
  writeFileSync(path.join(root, "schemas/contract-0011/v1.json"), JSON.stringify({ type: "object", properties: { a: { type: "string", maxLenght: 3 } } }));
  const project = resolveProject({ cwd: root });
  const one = await compileProject(project, { workers: 1 });
  const three = await compileProject(project, { workers: 3 });
  assert.ok(one.problems.length >= 3, JSON.stringify(one.problems));
  assert.deepEqual(three.problems, one.problems);
  assert.deepEqual([...three.plan], [...one.plan], "same files in the same order");
  assert.equal(three.examples, one.examples);
  assert.deepEqual(
    three.versions.map((v) => [v.contract.name, v.source.version, v.hash, v.validatorCode]),
    one.versions.map((v) => [v.contract.name, v.source.version, v.hash, v.validatorCode]),
  );
  assert.ok(one.plan.size > n * 4, `plan has ${one.plan.size} files`);
});

test("parallel › workers draw the largest schemas first; ties and unreadable files keep job order", () => {
  const dir = tempDir("llm-contracts-largest-");
  const file = (name: string, bytes: number): string => {
    const f = path.join(dir, name);
    if (bytes >= 0) writeFileSync(f, "x".repeat(bytes));
    return f;
  };
  const given = [file("a", 10), file("b", 300), file("c", 10), file("gone", -1), file("d", 4000), file("e", 300)];
  const jobs = given.map((f, i) => ({ contract: { name: `c${i}` }, source: { version: 1, file: f, display: f } }) as unknown as Parameters<typeof largestFirst>[0][number]);
  assert.deepEqual(largestFirst(jobs), [4, 1, 5, 0, 2, 3]);
});

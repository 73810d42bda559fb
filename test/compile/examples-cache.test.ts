/**
 * Golden examples' outcomes by validator code and example files (src/compile/examples-cache.ts): a version compiled
 * again with the same validator and examples (an annotation-only edit) takes the outcome from the cache, equal to
 * running them, failing examples included; an edited, added or removed example, other validator code, a linked
 * example or an entry of another shape is not answered from the cache.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { generateProject, contractName } from "../../bench/generate.js";
import { CacheStore } from "../../src/cache/store.js";
import { FileHasher } from "../../src/cache/files.js";
import { resolveProject } from "../../src/config/config.js";
import { discoverContracts } from "../../src/discover/discover.js";
import { PLAN_EXTENSIONS } from "../../src/api/extensions.js";
import { compileVersionOutcome } from "../../src/compile/version.js";
import { cachedExamples, examplesHash, type ExamplesOutcome } from "../../src/compile/examples-cache.js";
import { storeEntries } from "../../src/compile/skeletons.js";
import type { CacheEntryOut } from "../../src/compile/validator-cache.js";
import { tempDir } from "../util/project.js";

function setup(): { dir: string; examples: string; cache: () => { store: CacheStore; hasher: FileHasher } } {
  const dir = tempDir("llm-contracts-examples-cache-");
  generateProject(dir, 1);
  const store = new CacheStore(path.join(dir, ".cache"), "examples-cache-test");
  // A new hasher per run, as every run has: files edited in between are hashed again.
  return { dir, examples: path.join(dir, "schemas", contractName(0), "examples", "v2"), cache: () => ({ store, hasher: new FileHasher(Date.now()) }) };
}

function version(dir: string) {
  const project = resolveProject({ cwd: dir });
  const contract = discoverContracts(project).contracts[0]!;
  return { project, contract, source: contract.versions.find((v) => v.version === 2)! };
}

test("examples cache › a version compiled again takes its examples' outcome from the cache, equal to running them", async () => {
  const { dir, examples, cache } = setup();
  // One example that fails, so the cached outcome holds a problem.
  const typical = path.join(examples, "valid", "typical.json");
  writeFileSync(typical, JSON.stringify({ ...JSON.parse(readFileSync(typical, "utf8")), title: 42 }));
  const { project, contract, source } = version(dir);
  const direct = await compileVersionOutcome(project, PLAN_EXTENSIONS, contract, source);
  assert.equal(direct.outcome.problems.length, 1, JSON.stringify(direct.outcome.problems));
  const first = await compileVersionOutcome(project, PLAN_EXTENSIONS, contract, source, undefined, cache());
  assert.ok(first.entries?.some(([namespace]) => namespace === "examples-run"), "the run's outcome is handed back to store");
  assert.deepEqual(first.outcome, direct.outcome);
  storeEntries(cache(), first.entries);
  const again = await compileVersionOutcome(project, PLAN_EXTENSIONS, contract, source, undefined, cache());
  assert.ok(!(again.entries ?? []).some(([namespace]) => namespace === "examples-run"), "answered from the cache, nothing to store");
  assert.deepEqual(again.outcome, direct.outcome);
});

test("examples cache › an edited, added or removed example, other code, a link or a foreign entry is not answered from the cache", async () => {
  const { dir, examples, cache } = setup();
  const { project, contract } = version(dir);
  let runs = 0;
  const outcome: ExamplesOutcome = { problems: [{ code: "example.rejected", file: "x.json", message: "m" }], count: 3 };
  const ask = async (code = "code"): Promise<ExamplesOutcome> => {
    const c = cache();
    const out: CacheEntryOut[] = [];
    const got = await cachedExamples(c, out, project, contract, 2, code, async () => (runs++, outcome));
    storeEntries(c, out);
    return got;
  };
  const ran = async (what: string, code?: string): Promise<void> => {
    const before = runs;
    assert.deepEqual(await ask(code), outcome);
    assert.equal(runs, before + 1, `${what}: ran`);
    assert.deepEqual(await ask(code), outcome);
    assert.equal(runs, before + 1, `${what}: then cached`);
  };
  await ran("first run");
  await ran("other validator code", "other code");
  const typical = path.join(examples, "valid", "typical.json");
  writeFileSync(typical, readFileSync(typical, "utf8").replace("}", ', "extra": 1}'));
  await ran("an edited example");
  writeFileSync(path.join(examples, "invalid", "added.json"), "{}");
  await ran("an added example");
  rmSync(path.join(examples, "invalid", "added.json"));
  const before = runs;
  await ask();
  assert.equal(runs, before, "back to the files of an earlier run: cached");
  rmSync(path.join(examples, "invalid"), { recursive: true });
  await ran("a removed folder");

  // A foreign entry under the right key is a miss.
  const c = cache();
  const hash = examplesHash(c, project, contract, 2, "code")!;
  c.store.set(c.store.key("examples-run", hash), { problems: "none", count: 1 });
  const foreign = runs;
  await ask();
  assert.equal(runs, foreign + 1, "an entry of another shape is a miss");

  // A linked example, or a linked folder on the way, is never keyed.
  const outside = path.join(dir, "outside.json");
  writeFileSync(outside, "{}");
  mkdirSync(path.join(examples, "invalid"));
  symlinkSync(outside, path.join(examples, "invalid", "linked.json"));
  assert.equal(examplesHash(cache(), project, contract, 2, "code"), undefined);
  rmSync(path.join(examples, "invalid"), { recursive: true });
  symlinkSync(path.join(examples, "valid"), path.join(examples, "invalid"));
  assert.equal(examplesHash(cache(), project, contract, 2, "code"), undefined);
});

/**
 * The name registry's verdict from the cache (src/compile/names-cached.ts) is the list a computation gives, and
 * any input it is computed from (a contract's name or versions, a planned file name) gives another key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Project } from "../../src/config/config.js";
import { CacheStore } from "../../src/cache/store.js";
import { cachedNameCollisions } from "../../src/compile/names-cached.js";
import { nameCollisions } from "../../src/compile/names.js";
import type { ContractIndexInput } from "../../src/emit/modules/indexes.js";
import { tempDir } from "../util/project.js";

const ROOT = "/project";
const project = { rootDir: ROOT, schemasDir: `${ROOT}/schemas`, outDir: `${ROOT}/generated`, toolsets: {} } as unknown as Project;
const index = (contract: string, versions: number[]): ContractIndexInput => ({ contract, kind: "model-output", versions, source: `schemas/${contract}` });

test("compile › the cached name verdict equals the computed one, under a key of all its inputs", () => {
  const dir = tempDir("llm-contracts-names-cached-");
  const store = new CacheStore(dir, "tool");
  const entries = (): number => readdirSync(path.join(dir, "names")).length;
  const clash = [index("foo", [1]), index("foo-v1", [1])];
  const plan = new Map([["foo/v1.ts", ""], ["Foo/v1.ts", ""]]);
  const want = nameCollisions(project, clash, plan);
  assert.ok(want.length >= 2, "the inputs collide (names and file names)");
  assert.deepEqual(cachedNameCollisions(project, clash, plan, store), want);
  assert.equal(entries(), 1);
  assert.deepEqual(cachedNameCollisions(project, clash, plan, store), want, "from the cache");
  assert.equal(entries(), 1, "a hit writes nothing");
  // Each input moves the key: the verdicts differ, and each is the computed one.
  const apart = [index("foo", [1]), index("bar", [1])];
  assert.deepEqual(cachedNameCollisions(project, apart, plan, store), nameCollisions(project, apart, plan));
  const onePlanned = new Map([["foo/v1.ts", ""]]);
  assert.deepEqual(cachedNameCollisions(project, clash, onePlanned, store), nameCollisions(project, clash, onePlanned));
  const twoVersions = [index("foo", [1, 2]), index("foo-v1", [1])];
  assert.deepEqual(cachedNameCollisions(project, twoVersions, plan, store), nameCollisions(project, twoVersions, plan));
  assert.equal(entries(), 4);
  assert.notDeepEqual(nameCollisions(project, apart, plan), want);
});

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
  const entries = (): number => readdirSync(path.join(dir, "nameids")).length;
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
  assert.equal(entries(), 2, "another plan: the same identifiers' entry");
  const twoVersions = [index("foo", [1, 2]), index("foo-v1", [1])];
  assert.deepEqual(cachedNameCollisions(project, twoVersions, plan, store), nameCollisions(project, twoVersions, plan));
  assert.equal(entries(), 3);
  assert.notDeepEqual(nameCollisions(project, apart, plan), want);
});

/** A plan as a scoped run makes it: the files of the contracts it redid, and the shared ones. */
const scopedPlan = (...contracts: string[]): Map<string, string> =>
  new Map([...contracts.flatMap((c) => [`${c}/v1.ts`, `${c}/index.ts`]), "_sdk/index.ts", "index.ts"].map((rel) => [rel, ""] as [string, string]));

test("compile › scoped runs find the identifiers' verdict whichever contract they redid, and a collision a redone contract brings is reported", () => {
  const dir = tempDir("llm-contracts-names-scoped-");
  const store = new CacheStore(dir, "tool");
  const many = Array.from({ length: 40 }, (_, i) => index(`c${i}`, [1, 2]));
  for (const redone of ["c3", "c17", "c39"]) {
    const plan = scopedPlan(redone);
    assert.deepEqual(cachedNameCollisions(project, many, plan, store), nameCollisions(project, many, plan), redone);
  }
  assert.equal(readdirSync(path.join(dir, "nameids")).length, 1, "one identifiers' entry for the three scopes");
  // The redone contract now claims another's names (c5 gains a version c5-v2 would name too, and a file differing in case).
  const clash = [...many, index("c5-v2", [1])];
  const plan = new Map([...scopedPlan("c5-v2"), ["C5-v2/v1.ts", ""]]);
  const got = cachedNameCollisions(project, clash, plan, store);
  assert.deepEqual(got, nameCollisions(project, clash, plan));
  assert.ok(got.some((d) => d.file === "schemas/c5-v2" && d.message.includes("contract c5")), "the identifier collision, blamed on the later contract");
  assert.ok(got.some((d) => d.message.startsWith("generated file")), "the file name collision");
});

test("compile › an identifier blamed on a path under the output folder makes the verdict one computation", () => {
  const dir = tempDir("llm-contracts-names-inside-");
  const store = new CacheStore(dir, "tool");
  // A contract folder displayed under the output folder's path: a pair of identifiers could share a key with files.
  const odd = [index("foo", [1]), { ...index("foo-v1", [1]), source: "generated/foo/v1.ts" }];
  const plan = new Map([["foo/v1.ts", ""], ["Foo/v1.ts", ""]]);
  assert.deepEqual(cachedNameCollisions(project, odd, plan, store), nameCollisions(project, odd, plan));
  assert.throws(() => readdirSync(path.join(dir, "nameids")), "nothing cached");
});

/**
 * `generated/_sdk/index.ts` from the cache (src/compile/project-memo.ts, src/sdk/emit/extension.ts) is the text the
 * extension renders without one, and every input it is rendered from (a contract's name, which versions compiled,
 * how many it has, their order) gives another key. A project with toolsets renders its index every time.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CacheStore } from "../../src/cache/store.js";
import type { Project } from "../../src/config/config.js";
import { projectFileMemo } from "../../src/compile/project-memo.js";
import type { ContractListing } from "../../src/shapes/extension.js";
import { sdkProjectExtension } from "../../src/sdk/emit/extension.js";
import { tempDir } from "../util/project.js";

const project = { toolsets: {}, rootDir: "/p" } as unknown as Project;
const entry = (contract: string, compiled: number[], versions = compiled.length): ContractListing => ({ contract, compiled, versions });

async function index(listing: readonly ContractListing[], memo?: (parts: string, render: () => string) => string): Promise<string> {
  const out = await sdkProjectExtension.files({ project, versions: [], listing, ...(memo !== undefined ? { memo } : {}) });
  assert.deepEqual(out.problems, []);
  return out.files.get("_sdk/index.ts")!;
}

test("compile › the cached SDK index is the rendered one, under a key of all it is rendered from", async () => {
  const dir = tempDir("llm-contracts-project-memo-");
  const store = new CacheStore(dir, "tool");
  const memo = projectFileMemo(store, "sdk");
  const entries = (): string[] => readdirSync(path.join(dir, "projectfile"));
  const base = [entry("alpha", [1, 2]), entry("beta-2x", [1])];
  const variants: ContractListing[][] = [
    base,
    [entry("alpha", [1, 2, 3]), entry("beta-2x", [1])],
    [entry("alpha", [1]), entry("beta-2x", [1])],
    [entry("alpha", [1, 2], 3), entry("beta-2x", [1])],
    [entry("alpha", [1, 2]), entry("beta-2y", [1])],
    [entry("alpha", [1, 2])],
  ];
  const texts = new Set<string>();
  for (const [i, listing] of variants.entries()) {
    const want = await index(listing);
    texts.add(want);
    assert.equal(await index(listing, memo), want, `variant ${i}: computed`);
    assert.equal(entries().length, i + 1, `variant ${i}: a key of its own`);
    assert.equal(await index(listing, memo), want, `variant ${i}: from the cache`);
    assert.equal(entries().length, i + 1);
  }
  assert.equal(texts.size, variants.length, "every variant renders another text");
  // The listing's order and the order of compiled versions are not inputs: the index sorts both.
  assert.equal(await index([entry("beta-2x", [1]), entry("alpha", [2, 1])], memo), await index(base));
  assert.equal(entries().length, variants.length);
  // A damaged entry is a miss, rendered again (and rewritten).
  const file = path.join(dir, "projectfile", entries()[0]!);
  writeFileSync(file, readFileSync(file, "utf8").replace(/"payload":/, '"payload":1,"x":'));
  for (const listing of variants) assert.equal(await index(listing, memo), await index(listing));
});

test("compile › with toolsets, the SDK index is rendered, not taken from the memo", async () => {
  let asked = 0;
  const memo = (_parts: string, render: () => string): string => (asked++, render());
  const withToolsets = { ...project, toolsets: { support: [] } } as unknown as Project;
  const out = await sdkProjectExtension.files({ project: withToolsets, versions: [], listing: [entry("alpha", [1])], memo });
  assert.equal(asked, 0);
  assert.match(out.files.get("_sdk/index.ts")!, /AlphaV1Binding as AlphaBinding/);
});

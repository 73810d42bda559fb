/**
 * `generated/index.ts` from the cache (src/compile/root-index.ts) is the text `renderRootIndex` gives, and any input
 * it is rendered from (a contract's name or versions, their order, the source line) gives another key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { CacheStore } from "../../src/cache/store.js";
import { cachedRootIndex } from "../../src/compile/root-index.js";
import { renderRootIndex, type ContractIndexInput } from "../../src/emit/modules/indexes.js";
import { tempDir } from "../util/project.js";

const index = (contract: string, versions: number[], description?: string): ContractIndexInput => ({ contract, kind: "model-output", versions, source: `schemas/${contract}`, ...(description !== undefined ? { description } : {}) });

test("compile › the cached root index is the rendered one, under a key of all it is rendered from", () => {
  const dir = tempDir("llm-contracts-root-index-");
  const store = new CacheStore(dir, "tool");
  const entries = (): number => readdirSync(path.join(dir, "rootindex")).length;
  const base = [index("alpha", [1, 2]), index("beta-2x", [1])];
  const variants: [ContractIndexInput[], string][] = [
    [base, "schemas"],
    [[index("alpha", [1, 2, 3]), index("beta-2x", [1])], "schemas"],
    [[index("beta-2x", [1]), index("alpha", [1, 2])], "schemas"],
    [[index("alpha", [1, 2]), index("beta-2y", [1])], "schemas"],
    [base, "contracts"],
    [[index("alpha", [1, 2])], "schemas"],
  ];
  variants.forEach(([indexes, source], i) => {
    const want = renderRootIndex(indexes, source);
    assert.equal(cachedRootIndex(indexes, source, store), want, `variant ${i}: computed`);
    assert.equal(entries(), i + 1, `variant ${i}: a key of its own`);
    assert.equal(cachedRootIndex(indexes, source, store), want, `variant ${i}: from the cache`);
    assert.equal(entries(), i + 1);
  });
  // What the root index does not print (a contract's description, kind, source folder) shares the key.
  const other = [index("alpha", [1, 2], "Edited."), { ...index("beta-2x", [1]), kind: "tool-arguments" as const, source: "elsewhere" }];
  assert.equal(cachedRootIndex(other, "schemas", store), renderRootIndex(other, "schemas"));
  assert.equal(entries(), variants.length);
  // Without a store: rendered.
  assert.equal(cachedRootIndex(base, "schemas", undefined), renderRootIndex(base, "schemas"));
});

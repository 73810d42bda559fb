/**
 * takeSnapshot (src/cache/snapshot.ts) records a folder's entries in name order (code units, as `<` orders them)
 * whatever order the listing gives, and its entry-names hash over that order: the hash a replay and the changes
 * walk compare a fresh sorted listing with (a folder recorded with another order would be a change every run).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FileHasher, RACY_MS } from "../../src/cache/files.js";
import { namesHash, takeSnapshot } from "../../src/cache/snapshot.js";
import { tempDir } from "../util/project.js";

test("snapshot › entries in name order and the names hash of the sorted listing, whatever the listing's order", () => {
  const root = tempDir("llm-contracts-order-");
  const tree = path.join(root, "schemas");
  mkdirSync(tree);
  // Created out of order: upper case before lower, digits compared as text, names beyond ASCII, folders and files.
  // A listing may come sorted by bytes (libuv sorts by strcmp): a name beyond the Basic Multilingual Plane comes
  // after U+FF21 by bytes (UTF-8, code points) and before it by code units (UTF-16, JavaScript's `<`).
  const names = ["zeta.json", "b", "A.json", "é.json", "10.json", "9.json", "a", "B.json", "\uFF21.json", "\u{1F600}.json"];
  for (const name of names) {
    if (name.endsWith(".json")) writeFileSync(path.join(tree, name), "{}\n");
    else mkdirSync(path.join(tree, name));
  }
  const sorted = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const snap = takeSnapshot({ trees: [tree], paths: [] }, new FileHasher(Date.now() + 2 * RACY_MS), null);
  assert.deepEqual(snap.dirs.map((d) => d[0]), [tree, ...sorted.filter((n) => !n.endsWith(".json")).map((n) => path.join(tree, n))]);
  assert.deepEqual(snap.files.map((f) => path.basename(f[0])), sorted.filter((n) => n.endsWith(".json")));
  assert.equal(snap.dirs[0]![4], namesHash(readdirSync(tree).sort()));
  assert.equal(snap.dirs[0]![4], namesHash(sorted));
});

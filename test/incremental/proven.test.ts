/**
 * One stat per entry: the replay attempt (verifySnapshot) reports how many entries it proved unchanged by stat
 * before it met a change, and listing the changes (src/incremental/changes.ts) takes those as recorded. The
 * listing with that prefix must equal a listing that stats every entry, wherever the change is.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FileHasher, RACY_MS } from "../../src/cache/files.js";
import { snapshotRecords } from "../../src/cache/snapshot-format.js";
import { readSnapshot, takeSnapshot, verifySnapshot, writeSnapshot } from "../../src/cache/snapshot.js";
import { changedPaths, type Changes } from "../../src/incremental/changes.js";
import { tempDir } from "../util/project.js";

const ID = "test-proven";
const FILES = ["schemas/a/v1.json", "schemas/a/examples/v1/valid/ok.json", "schemas/b/v1.json", "schemas/b/v2.json", "generated/a/v1.ts", "generated/b/v1.ts"];

function project(): { root: string; cache: string; roots: Set<string> } {
  const root = tempDir("llm-contracts-proven-");
  for (const rel of FILES) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), `${JSON.stringify(rel)}\n`);
  }
  const cache = path.join(root, "cache");
  const scope = { trees: [path.join(root, "schemas"), path.join(root, "generated")], paths: [path.join(root, "config.json")] };
  writeSnapshot(cache, ID, takeSnapshot(scope, new FileHasher(Date.now() + 2 * RACY_MS), { ok: true }));
  return { root, cache, roots: new Set(["schemas/a", "schemas/b", "generated/a", "generated/b"].map((r) => path.join(root, r))) };
}

/** A listing with each subtree's records as they would be taken over (a subtree left in the base read back from it). */
function plain(c: Changes | undefined): unknown {
  if (c === undefined) return undefined;
  const subtrees = [...c.subtrees].map(([root, t]) => [root, t.names, t.base?.self, t.base === undefined ? t : t.base.records(root)]);
  return { changed: c.changed, records: c.records, subtrees };
}

test("proven › the listing after a failed replay equals one that stats every entry, for a change anywhere", () => {
  const changes: [string, (root: string) => void][] = [
    ["first tree's file edited", (r) => writeFileSync(path.join(r, "schemas/a/v1.json"), "{\"edited\":true}\n")],
    ["example added", (r) => writeFileSync(path.join(r, "schemas/a/examples/v1/valid/new.json"), "{}\n")],
    ["middle file edited", (r) => writeFileSync(path.join(r, "schemas/b/v2.json"), "[1, 2, 3]\n")],
    ["last tree's file removed", (r) => rmSync(path.join(r, "generated/b/v1.ts"))],
    ["absent path created", (r) => writeFileSync(path.join(r, "config.json"), "{}\n")],
  ];
  for (const [label, change] of changes) {
    const p = project();
    const snap = readSnapshot<unknown>(p.cache, ID)!;
    const all = snapshotRecords(snap)!;
    change(p.root);
    const verdict = verifySnapshot(snap, Date.now());
    assert.equal(verdict.ok, false, label);
    assert.ok(verdict.proven < all.dirs.length + all.files.length + all.absent.length, label);
    const full = changedPaths(snap, Date.now(), p.roots, 0);
    const trusted = changedPaths(snap, Date.now(), p.roots, verdict.proven);
    assert.ok(full !== undefined && full.changed.length > 0, label);
    assert.deepEqual(plain(trusted), plain(full), label);
  }
  // The middle edit is met after the entries before it: those are taken as recorded.
  const p = project();
  writeFileSync(path.join(p.root, "generated/b/v1.ts"), "export const edited = true;\n");
  assert.ok(verifySnapshot(readSnapshot(p.cache, ID)!, Date.now()).proven > 5);
});

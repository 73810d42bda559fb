/**
 * The delta snapshot (src/cache/snapshot-delta.ts): a scoped run writes only what differs from the signed base.
 * Read back, base and delta stand for exactly the snapshot a full write would hold; a delta over another base, a
 * damaged, truncated or foreign one is ignored (the base alone is read: never a wrong replay, never a throw); a
 * delta past its bound is compacted into a new base.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FileHasher, RACY_MS } from "../../src/cache/files.js";
import { snapshotRecords, type Snapshot } from "../../src/cache/snapshot-format.js";
import { deltaFile } from "../../src/cache/snapshot-delta.js";
import { readSnapshot, snapshotFile, takeSnapshot, verifySnapshot, writeSnapshot, type SnapshotScope } from "../../src/cache/snapshot.js";
import { changedPaths } from "../../src/incremental/changes.js";
import { tempDir } from "../util/project.js";

const ID = "test-delta";
const NAMES = ["c1", "c2", "c3", "c4", "c5", "c6"];

interface Tree {
  readonly root: string;
  readonly cache: string;
  readonly scope: SnapshotScope;
  readonly roots: ReadonlySet<string>;
}

/** Six contract folders (the roots) under schemas/ and generated/, a standalone file and an absent path. */
function tree(): Tree {
  const root = tempDir("llm-contracts-delta-");
  for (const c of NAMES) {
    for (const rel of [`schemas/${c}/v1.json`, `schemas/${c}/examples/v1/valid/ok.json`, `generated/${c}/v1.ts`]) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), `${rel}\n`);
    }
  }
  writeFileSync(path.join(root, "config.json"), "{}\n");
  const trees = [path.join(root, "schemas"), path.join(root, "generated")];
  const roots = new Set(NAMES.flatMap((c) => trees.map((t) => path.join(t, c))));
  return { root, cache: path.join(root, "cache"), scope: { trees, paths: [path.join(root, "config.json"), path.join(root, "absent.json")] }, roots };
}

/** As if every run started long after the files were written: signatures are trusted by stat. */
const later = (): number => Date.now() + 2 * RACY_MS;

/** A scoped run: list the changes against the stored snapshot, then record reusing the unchanged roots. */
function scopedRecord(t: Tree, result: unknown, limit?: number): { changed: readonly string[] } {
  const previous = readSnapshot<unknown>(t.cache, ID)!;
  const changes = changedPaths(previous, later(), t.roots)!;
  const reuse: SnapshotScope["reuse"] = (dir) => {
    const s = t.roots.has(dir) ? changes.subtrees.get(dir) : undefined;
    return s === undefined || s.names === "" ? undefined : s;
  };
  writeSnapshot(t.cache, ID, takeSnapshot({ ...t.scope, reuse }, new FileHasher(later()), result), previous, limit);
  return { changed: changes.changed };
}

const lines = (s: Snapshot<unknown>): string[] => [...s.dirs, ...s.files, ...s.absent.map((a) => [a])].map((r) => r.join(" ")).sort();

function assertFresh(t: Tree, label: string): void {
  const read = snapshotRecords(readSnapshot<unknown>(t.cache, ID)!)!;
  assert.deepEqual(lines(read), lines(takeSnapshot(t.scope, new FileHasher(later()), null)), `${label}: base and delta stand for a fresh snapshot`);
}

function based(t: Tree): { base: string; delta: string } {
  const { file } = snapshotFile(t.cache, ID);
  writeSnapshot(t.cache, ID, takeSnapshot(t.scope, new FileHasher(later()), { run: 0 }));
  writeFileSync(path.join(t.root, "schemas/c2/v1.json"), "{\"edited\":1}\n");
  scopedRecord(t, { run: 1 });
  return { base: file, delta: deltaFile(file) };
}

test("delta › a scoped run writes a small delta that reads back to the snapshot a full write holds", () => {
  const t = tree();
  const { base, delta } = based(t);
  assert.ok(existsSync(delta), "a delta was written");
  const stored = readSnapshot<unknown>(t.cache, ID)!;
  assert.equal(stored.delta?.kept.size, 11, "every root but the edited one is kept from the base");
  assert.ok(!stored.delta!.kept.has(path.join(t.root, "schemas/c2")));
  assert.deepEqual(stored.result, { run: 1 });
  assertFresh(t, "after one edit");
  assert.ok(readFileSync(delta, "utf8").length < readFileSync(base, "utf8").length, "smaller than the base");
  assert.equal(verifySnapshot(stored, Date.now()).ok, true, "replays while nothing changed");

  // Edits in a kept folder and in the delta's own entries are both noticed, and a second delta replaces the first.
  for (const rel of ["schemas/c5/examples/v1/valid/ok.json", "schemas/c2/v1.json", "generated/c1/v1.ts"]) {
    writeFileSync(path.join(t.root, rel), `${rel} edited\n`);
    assert.equal(verifySnapshot(readSnapshot<unknown>(t.cache, ID)!, Date.now()).ok, false, `${rel}: no replay`);
    assert.deepEqual(scopedRecord(t, { rel }).changed, [path.join(t.root, rel)], `${rel}: listed`);
    assertFresh(t, rel);
  }
  // An added folder in a kept root, and a removed file.
  mkdirSync(path.join(t.root, "schemas/c4/examples/v2"));
  rmSync(path.join(t.root, "generated/c6/v1.ts"));
  const changed = scopedRecord(t, { added: 1 }).changed;
  for (const rel of ["schemas/c4/examples", "generated/c6", "generated/c6/v1.ts"]) assert.ok(changed.includes(path.join(t.root, rel)), `${rel} listed`);
  assertFresh(t, "added and removed");
  assert.ok(existsSync(delta), "still a delta");
});

test("delta › one over another base, damaged, truncated, forged or foreign is ignored: the base alone is read", () => {
  const t = tree();
  const { base, delta } = based(t);
  const good = readFileSync(delta, "utf8");
  const alone = (label: string): void => {
    const stored = readSnapshot<unknown>(t.cache, ID);
    assert.ok(stored !== undefined, `${label}: the base still reads`);
    assert.equal(stored.delta, undefined, `${label}: the delta is ignored`);
    assert.deepEqual(stored.result, { run: 0 }, `${label}: the base's own result`);
    // The base alone is an earlier run's complete snapshot: it notices the edit made since.
    assert.equal(verifySnapshot(stored, Date.now()).ok, false, `${label}: no replay of the base over the edit`);
  };
  const at = good.indexOf("\nk\t") + 3;
  for (const [label, text] of [
    ["a byte changed in a kept folder's name", `${good.slice(0, at)}x${good.slice(at + 1)}`],
    ["an entry removed", good.replace(/\nF\t[^\n]*/, "")],
    ["truncated", good.slice(0, Math.floor(good.length / 2))],
    ["the head only", good.slice(0, good.indexOf("\n") + 1)],
    ["empty", ""],
    ["another format", good.replace("llm-contracts-delta/1", "llm-contracts-delta/0")],
    ["a base's text in the delta's place", readFileSync(base, "utf8")],
  ] as const) {
    writeFileSync(delta, text);
    alone(label);
  }
  // Another project's delta, validly signed for its own key.
  const other = tree();
  based(other);
  writeFileSync(delta, readFileSync(deltaFile(snapshotFile(other.cache, ID).file), "utf8"));
  alone("another project's delta (another base)");
  const foreign = good.replace(snapshotFile(t.cache, ID).key, snapshotFile(t.cache, "another-id").key);
  writeFileSync(delta, foreign);
  alone("another key");
  // The base rewritten since (a compaction that crashed before removing the old delta): the delta names the old base.
  writeFileSync(delta, good);
  assert.notEqual(readSnapshot<unknown>(t.cache, ID)?.delta, undefined, "the intact delta reads");
  writeSnapshot(t.cache, ID, takeSnapshot(t.scope, new FileHasher(later()), { run: 0 }));
  writeFileSync(delta, good);
  const stored = readSnapshot<unknown>(t.cache, ID)!;
  assert.equal(stored.delta, undefined, "a delta over a rewritten base is ignored");
  assert.deepEqual(stored.result, { run: 0 });
});

test("delta › past its bound, the next write is a new base and the delta is removed", () => {
  const t = tree();
  const { base, delta } = based(t);
  const before = readFileSync(base, "utf8");
  writeFileSync(path.join(t.root, "schemas/c3/v1.json"), "{\"edited\":3}\n");
  scopedRecord(t, { run: 2 }, 10);
  assert.equal(existsSync(delta), false, "the delta is removed");
  assert.notEqual(readFileSync(base, "utf8"), before, "a new base");
  const stored = readSnapshot<unknown>(t.cache, ID)!;
  assert.equal(stored.delta, undefined);
  assert.deepEqual(stored.result, { run: 2 });
  assertFresh(t, "compacted");
  // The next scoped run writes a delta over the new base.
  writeFileSync(path.join(t.root, "schemas/c4/v1.json"), "{\"edited\":4}\n");
  scopedRecord(t, { run: 3 });
  assert.ok(existsSync(delta));
  assertFresh(t, "a delta over the compacted base");
});

test("delta › a root whose own signature moved since the base is written afresh, not kept", () => {
  const t = tree();
  based(t);
  // A file added and removed again: the folder's names are the same, its mtime is not.
  const c4 = path.join(t.root, "schemas/c4");
  writeFileSync(path.join(c4, "tmp.json"), "1");
  rmSync(path.join(c4, "tmp.json"));
  writeFileSync(path.join(t.root, "schemas/c1/v1.json"), "{\"edited\":1}\n");
  scopedRecord(t, { run: 2 });
  const kept = readSnapshot<unknown>(t.cache, ID)!.delta!.kept;
  assert.equal(kept.has(c4), false, "the touched folder is not kept");
  assert.equal(kept.has(path.join(t.root, "schemas/c1")), false);
  assert.equal(kept.has(path.join(t.root, "schemas/c5")), true);
  assertFresh(t, "touched folder");
  assert.equal(verifySnapshot(readSnapshot<unknown>(t.cache, ID)!, Date.now()).ok, true);
});

test("delta › a file rewritten with the same bytes in a folder read from the base is recorded anew, in a delta and in a new base", () => {
  const t = tree();
  based(t);
  // Same content, new stat: the folder's records are read back from the base with this one refreshed.
  const same = path.join(t.root, "schemas/c5/examples/v1/valid/ok.json");
  writeFileSync(same, readFileSync(same));
  writeFileSync(path.join(t.root, "schemas/c1/v1.json"), "{\"edited\":1}\n");
  assert.deepEqual(scopedRecord(t, { run: 2 }).changed, [path.join(t.root, "schemas/c1/v1.json")]);
  assert.equal(readSnapshot<unknown>(t.cache, ID)!.delta!.kept.has(path.join(t.root, "schemas/c5")), false, "not kept: its records are written");
  assertFresh(t, "refreshed in a delta");
  // The same in a compaction: every kept folder's records are read back from the base into the new one.
  writeFileSync(same, readFileSync(same));
  writeFileSync(path.join(t.root, "generated/c2/v1.ts"), "export {};\n");
  scopedRecord(t, { run: 3 }, 10);
  assert.equal(readSnapshot<unknown>(t.cache, ID)!.delta, undefined, "a new base");
  assertFresh(t, "refreshed in a new base");
  assert.equal(verifySnapshot(readSnapshot<unknown>(t.cache, ID)!, Date.now()).ok, true);
});

test("delta › a kept folder whose records cannot be read back leaves no snapshot (the next run does the work)", () => {
  const t = tree();
  based(t);
  const { file } = snapshotFile(t.cache, ID);
  const snap = takeSnapshot(t.scope, new FileHasher(later()), { run: 9 });
  const self = snap.dirs.find((d) => d[0] === path.join(t.root, "schemas/c1"))!;
  writeSnapshot(t.cache, ID, { ...snap, kept: [{ root: self[0], dirs: [0, 0], files: [0, 0], self, records: () => undefined }] });
  assert.equal(existsSync(file), false, "no base");
  assert.equal(existsSync(deltaFile(file)), false, "no delta");
  assert.equal(readSnapshot<unknown>(t.cache, ID), undefined);
});

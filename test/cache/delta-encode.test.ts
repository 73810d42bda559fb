/**
 * The delta's writer (src/cache/snapshot-delta.ts `encodeDelta`) on spans as any caller may hand them: kept folders
 * in walk order or not, with their parents given or not, records taken over inside the lists (non-empty ranges) or
 * left in the base; and its refusals: a kept folder repeated, kept folders nesting, an entry of its own under one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { FileRecord } from "../../src/cache/files.js";
import { decodeDelta, encodeDelta, type KeptSpan } from "../../src/cache/snapshot-delta.js";
import { walkSnapshot, type DirRecord, type Snapshot } from "../../src/cache/snapshot-format.js";

const KEY = "state-delta-encode";
const BASE = "b".repeat(64);
const H = "a".repeat(64);

const dir = (p: string): DirRecord => [p, 1, 2, 3, "0123456789abcdef"];
const file = (p: string): FileRecord => [p, 4, 5, 6, 7, H];
const span = (root: string, dirs: readonly [number, number], files: readonly [number, number], parent?: string): KeptSpan => ({
  root,
  ...(parent !== undefined ? { parent } : {}),
  dirs,
  files,
  self: dir(root),
  records: () => ({ dirs: [], files: [] }),
});

/** What a delta stands for: its kept folders, and its own entries' paths in order. */
function read(text: string): { kept: string[]; entries: string[] } {
  const delta = decodeDelta<unknown>(KEY, BASE, text);
  assert.ok(delta !== undefined, "the delta reads back");
  const entries: string[] = [];
  assert.ok(walkSnapshot(delta.body, { dir: (p) => entries.push(`D ${p}`) > 0, file: (p) => entries.push(`F ${p}`) > 0, absent: (p) => entries.push(`A ${p}`) > 0 }));
  return { kept: [...delta.kept].sort(), entries };
}

const snap = (dirs: DirRecord[], files: FileRecord[], absent: string[] = []): Snapshot<unknown> => ({ startedAt: 1, dirs, files, absent, result: { ok: true } });

test("delta › kept folders read back the same in any order, with or without their parents, and taken-over ranges are left out", () => {
  // /p/s and /p/g are tree roots; /p/s/b and /p/g/a kept with empty ranges, /p/s/c's records taken over at [2, 3) and [1, 2).
  const dirs = [dir("/p/s"), dir("/p/s/a"), dir("/p/s/c"), dir("/p/g")];
  const files = [file("/p/s/a/x.json"), file("/p/s/c/y.json"), file("/p/g/z.ts")];
  const s = snap(dirs, files, ["/p/absent"]);
  const inOrder = [span("/p/s/b", [2, 2], [1, 1], "/p/s"), span("/p/s/c", [2, 3], [1, 2], "/p/s"), span("/p/g/a", [4, 4], [3, 3], "/p/g")];
  const want = { kept: ["/p/g/a", "/p/s/b", "/p/s/c"], entries: ["D /p/s", "D /p/s/a", "F /p/s/a/x.json", "D /p/g", "F /p/g/z.ts", "A /p/absent"] };
  assert.deepEqual(read(encodeDelta(KEY, BASE, s, inOrder)!), want);
  const bare = inOrder.map((k) => span(k.root, k.dirs, k.files));
  assert.equal(encodeDelta(KEY, BASE, s, bare), encodeDelta(KEY, BASE, s, inOrder), "a parent given is the parent found");
  assert.deepEqual(read(encodeDelta(KEY, BASE, s, [...inOrder].reverse())!), want, "spans out of walk order");
});

test("delta › a kept folder repeated, kept folders nesting, or an entry under a kept folder: no delta", () => {
  const s = snap([dir("/p/s")], [file("/p/s/top.json")]);
  const kept = (root: string): KeptSpan => span(root, [1, 1], [1, 1]);
  assert.ok(encodeDelta(KEY, BASE, s, [kept("/p/s/a"), kept("/p/s/b")]) !== undefined);
  assert.equal(encodeDelta(KEY, BASE, s, [kept("/p/s/a"), kept("/p/s/a")]), undefined, "repeated");
  assert.equal(encodeDelta(KEY, BASE, s, [kept("/p/s/a"), kept("/p/s/a/b")]), undefined, "nested, outer first");
  assert.equal(encodeDelta(KEY, BASE, s, [kept("/p/s/a/b/c"), kept("/p/s/a")]), undefined, "nested, inner first");
  assert.equal(encodeDelta(KEY, BASE, snap([dir("/p/s"), dir("/p/s/a/d")], []), [kept("/p/s/a")]), undefined, "a folder of its own under a kept one");
  assert.equal(encodeDelta(KEY, BASE, snap([dir("/p/s")], [file("/p/s/a/f.json")]), [kept("/p/s/a")]), undefined, "a file of its own under a kept one");
  assert.equal(encodeDelta(KEY, BASE, snap([dir("/p/s")], [], ["/p/s/a/gone"]), [kept("/p/s/a")]), undefined, "an absent path under a kept one");
});

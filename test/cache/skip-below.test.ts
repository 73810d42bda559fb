/**
 * walkSnapshot's `skipBelow` (src/cache/snapshot-format.ts): a focused run passes over the lines below a contract
 * folder without the expression. The entries it still visits must be exactly those of a full walk outside the
 * skipped folders, with the same values: a file after the skipped lines whose mtime is written "=" refers to the
 * last mtime written inside them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { entryLines, joinLines, keptUnder, walkSnapshot, type DirRecord, type Snapshot } from "../../src/cache/snapshot-format.js";
import type { FileRecord } from "../../src/cache/files.js";
import { random as prng } from "../emit/validators/corpus.js";

const HASH = "ab".repeat(32);

/** A random tree under `root` in a walk's order (a folder, its files, its subfolders), timestamps often shared. */
function randomSnapshot(seed: number): { snap: Snapshot<null>; folders: string[] } {
  const random = prng(seed);
  const dirs: DirRecord[] = [];
  const files: FileRecord[] = [];
  const folders: string[] = [];
  const stamps = [1000, 1000.5, 2000, 3000.25];
  const stamp = (): number => stamps[Math.floor(random() * stamps.length)]!;
  let ino = 1;
  const grow = (dir: string, depth: number): void => {
    const mtime = stamp();
    dirs.push([dir, mtime, random() < 0.5 ? mtime : stamp(), ino++, "0123456789abcdef"]);
    folders.push(dir);
    const nFiles = Math.floor(random() * 4);
    for (let i = 0; i < nFiles; i++) {
      const m = stamp();
      files.push([path.join(dir, `f${i}.json`), 10 + i, m, random() < 0.7 ? m : stamp(), ino++, HASH]);
    }
    if (depth < 3) for (let i = 0, n = Math.floor(random() * 4); i < n; i++) grow(path.join(dir, `d${i}`), depth + 1);
  };
  const root = path.join(path.parse(process.cwd()).root, "proj");
  grow(path.join(root, "schemas"), 0);
  grow(path.join(root, "generated"), 0);
  // Files recorded alone (a bare base line) and an absent path come last, as the tool's files do.
  files.push([path.join(root, "tool", "a.js"), 5, stamp(), stamp(), ino++, HASH]);
  return { snap: { startedAt: 5000, dirs, files, absent: [path.join(root, "gone")], result: null }, folders };
}

type Seen = string[];

function walk(body: string, skip?: (dir: string) => boolean): Seen {
  const seen: Seen = [];
  const ok = walkSnapshot(body, {
    dir: (abs, m, c, ino, names) => seen.push(`D ${abs} ${m} ${c} ${ino} ${names}`) > 0,
    file: (abs, size, m, c, ino, hash, listed) => seen.push(`F ${abs} ${size} ${m} ${c} ${ino} ${hash} ${listed}`) > 0,
    absent: (abs) => seen.push(`A ${abs}`) > 0,
    ...(skip !== undefined ? { skipBelow: skip } : {}),
  });
  assert.ok(ok, "the walk reads every line");
  return seen;
}

test("skipBelow › visits what a full walk visits outside the skipped folders, mtimes written \"=\" included", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const { snap, folders } = randomSnapshot(seed);
    const lines: string[] = [];
    entryLines(snap, lines);
    const body = joinLines(lines)!;
    const random = prng(seed * 7919);
    const skipped = new Set(folders.filter(() => random() < 0.3));
    const below = keptUnder(skipped);
    // Entries strictly below a skipped folder are not visited; the folder itself is.
    const strictlyBelow = (abs: string): boolean => {
      const parent = path.dirname(abs);
      return parent !== abs && below(parent);
    };
    const expected = walk(body).filter((line) => {
      const abs = line.split(" ")[1]!;
      return !strictlyBelow(abs);
    });
    const got = walk(body, (dir) => skipped.has(dir) && !strictlyBelow(dir));
    assert.deepEqual(got, expected, `seed ${seed}, skipped ${[...skipped].join(", ")}`);
  }
});

test("skipBelow › a malformed line inside the skipped lines still fails the walk", () => {
  const { snap, folders } = randomSnapshot(11);
  const lines: string[] = [];
  entryLines(snap, lines);
  const first = folders[0]!;
  const at = lines.findIndex((l) => l.startsWith("D\t") && l.endsWith("\t"));
  assert.ok(at >= 0, "the base folder's own line");
  lines.splice(at + 1, 0, "F\tbroken");
  const body = lines.join("\n");
  assert.equal(walkSnapshot(body, { dir: () => true, file: () => true, absent: () => true, skipBelow: (dir) => dir === first }), false);
});

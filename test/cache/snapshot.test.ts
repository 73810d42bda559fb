/**
 * The snapshot's line format (src/cache/snapshot-format.ts): it reads back to the same records, a damaged or
 * foreign file is ignored, and a replay notices edited, added and removed files and folders.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FileHasher, RACY_MS } from "../../src/cache/files.js";
import { snapshotRecords, walkSnapshot } from "../../src/cache/snapshot-format.js";
import { readSnapshot, snapshotFile, takeSnapshot, verifySnapshot, writeSnapshot } from "../../src/cache/snapshot.js";
import { writeEntry } from "../../src/cache/store.js";
import { tempDir } from "../util/project.js";

const ID = "test-snapshot";

/** A small tree with nested folders, a name holding spaces and a tab, and a standalone file and absent path. */
function tree(): { root: string; cache: string; scope: { trees: string[]; paths: string[] } } {
  const root = tempDir("llm-contracts-snap-");
  for (const [rel, text] of [
    ["schemas/a/v1.json", "{}\n"],
    ["schemas/a/examples/v1/valid/ok.json", "{\"x\":1}\n"],
    ["schemas/b c/v1.json", "{\"title\":\"b\"}\n"],
    ["schemas/b c/tab\there.json", "[]\n"],
    ["generated/a/v1.ts", "export const a = 1;\n"],
    ["config.json", "{}\n"],
  ] as const) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return { root, cache: path.join(root, "cache"), scope: { trees: [path.join(root, "schemas"), path.join(root, "generated")], paths: [path.join(root, "config.json"), path.join(root, "absent.json")] } };
}

/** Recorded as if the run had started long after every file was written: signatures are trusted by stat. */
function record(t: ReturnType<typeof tree>, result: unknown = { ok: true }): void {
  writeSnapshot(t.cache, ID, takeSnapshot(t.scope, new FileHasher(Date.now() + 2 * RACY_MS), result));
}

const sorted = <T extends readonly unknown[]>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

test("snapshot › reads back to the records it was written from", () => {
  const t = tree();
  const snap = takeSnapshot(t.scope, new FileHasher(Date.now() + 2 * RACY_MS), { ok: true, n: 3 });
  writeSnapshot(t.cache, ID, snap);
  const back = snapshotRecords(readSnapshot(t.cache, ID)!)!;
  assert.deepEqual(back.result, { ok: true, n: 3 });
  assert.equal(back.startedAt, snap.startedAt);
  assert.deepEqual(sorted(back.files), sorted(snap.files));
  assert.deepEqual(sorted(back.dirs), sorted(snap.dirs));
  assert.deepEqual(back.absent, [path.join(t.root, "absent.json")]);
  assert.ok(back.files.some((f) => f[0].endsWith(`${path.sep}tab\there.json`)), "a name holding a tab");
  // Every entry proved by stat alone.
  assert.deepEqual(verifySnapshot(readSnapshot(t.cache, ID)!, Date.now()), { ok: true, proven: back.dirs.length + back.files.length + back.absent.length });
});

test("snapshot › a damaged, truncated, foreign or old-format file is ignored", () => {
  const t = tree();
  record(t);
  const { file, key } = snapshotFile(t.cache, ID);
  const text = readFileSync(file, "utf8");
  assert.notEqual(readSnapshot(t.cache, ID), undefined);
  // A forged result with the signatures intact: the integrity hash refuses it.
  writeFileSync(file, text.replace('R\t{"ok":true}', 'R\t{"ok":fals}'));
  assert.equal(readSnapshot(t.cache, ID), undefined, "edited body");
  writeFileSync(file, text.slice(0, text.length - 10));
  assert.equal(readSnapshot(t.cache, ID), undefined, "truncated");
  writeFileSync(file, text);
  assert.equal(readSnapshot(t.cache, "another-project"), undefined, "foreign key");
  writeFileSync(file, text.replace("llm-contracts-state/3", "llm-contracts-state/2"));
  assert.equal(readSnapshot(t.cache, ID), undefined, "other format");
  writeEntry(file, key, { startedAt: 0, files: [], dirs: [], absent: [], result: { ok: true } });
  assert.equal(readSnapshot(t.cache, ID), undefined, "the JSON format of version 1");
});

test("snapshot › a file holding non-ASCII names reads back, and is still refused when edited", () => {
  const t = tree();
  mkdirSync(path.join(t.root, "schemas", "é"), { recursive: true });
  writeFileSync(path.join(t.root, "schemas", "é", "v1 ✓.json"), "{}\n");
  record(t, { ok: true, note: "naïve" });
  const back = snapshotRecords(readSnapshot(t.cache, ID)!)!;
  assert.deepEqual(back.result, { ok: true, note: "naïve" });
  assert.ok(back.files.some((f) => f[0] === path.join(t.root, "schemas", "é", "v1 ✓.json")));
  const { file } = snapshotFile(t.cache, ID);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace("naïve", "naive"));
  assert.equal(readSnapshot(t.cache, ID), undefined, "an edit that makes the file ASCII");
  writeFileSync(file, text.replace("naïve", "naïvé"));
  assert.equal(readSnapshot(t.cache, ID), undefined, "an edit that keeps it non-ASCII");
  writeFileSync(file, text);
  assert.notEqual(readSnapshot(t.cache, ID), undefined);
});

test("snapshot › every line is read whole, and a malformed one stops the walk", () => {
  const seen: string[] = [];
  const visit = {
    dir: (abs: string, m: number, c: number, ino: number, names: string) => seen.push(`D ${abs} ${m} ${c} ${ino} ${names}`) > 0,
    file: (abs: string, size: number, m: number, c: number, ino: number, hash: string, listed: boolean) => seen.push(`F ${abs} ${size} ${m} ${c} ${ino} ${hash} ${listed}`) > 0,
    absent: (abs: string) => seen.push(`A ${abs}`) > 0,
  };
  const j = (...parts: string[]): string => parts.join(path.sep);
  const base = j("", "p");
  const good = [`B\t${base}`, "D\t5\t=\t7\tnh\t", "F\t3\t10.5\t=\t9\thh\ta\tb.json", "F\t4\t=\t11\t12\tkk\tc", "D\t6\t8\t13\tmm\tsub", `A\t${j(base, "gone")}`].join("\n");
  assert.equal(walkSnapshot(good, visit), true);
  assert.deepEqual(seen, [
    `D ${base} 5 5 7 nh`,
    `F ${j(base, "a\tb.json")} 3 10.5 10.5 9 hh true`,
    `F ${j(base, "c")} 4 10.5 11 12 kk true`,
    `D ${j(base, "sub")} 6 8 13 mm`,
    `A ${j(base, "gone")}`,
  ]);
  for (const bad of ["F\t3\t10\t=\t9\thh", "D\t5\t=\t7", "X\tfoo", "", "B"]) {
    seen.length = 0;
    assert.equal(walkSnapshot(`B\t${base}\n${bad}\nA\t${j(base, "after")}`, visit), false, JSON.stringify(bad));
    assert.ok(!seen.includes(`A ${j(base, "after")}`), `nothing after ${JSON.stringify(bad)} is visited`);
  }
});

test("snapshot › an edit that keeps size and mtime is noticed (ctime moves)", () => {
  const t = tree();
  record(t);
  const file = path.join(t.root, "generated/a/v1.ts");
  const st = statSync(file);
  writeFileSync(file, "export const a = 2;\n");
  utimesSync(file, st.atime, st.mtime);
  assert.equal(verifySnapshot(readSnapshot(t.cache, ID)!, Date.now()).ok, false);
});

test("snapshot › added and removed files and folders are noticed, anywhere in the tree", () => {
  for (const change of [
    (root: string) => writeFileSync(path.join(root, "schemas/a/examples/v1/valid/new.json"), "{}"),
    (root: string) => rmSync(path.join(root, "schemas/b c/v1.json")),
    (root: string) => mkdirSync(path.join(root, "generated/b")),
    (root: string) => rmSync(path.join(root, "schemas/a/examples"), { recursive: true }),
    (root: string) => writeFileSync(path.join(root, "absent.json"), "{}"),
    (root: string) => rmSync(path.join(root, "config.json")),
  ]) {
    const t = tree();
    record(t);
    assert.equal(verifySnapshot(readSnapshot(t.cache, ID)!, Date.now()).ok, true);
    change(t.root);
    assert.equal(verifySnapshot(readSnapshot(t.cache, ID)!, Date.now()).ok, false, String(change));
  }
});

test("snapshot › racily clean entries are re-hashed, and a refresh records them", () => {
  const t = tree();
  // Recorded by a run that started now: every file is younger than the racy window.
  writeSnapshot(t.cache, ID, takeSnapshot(t.scope, new FileHasher(Date.now()), { ok: true }));
  const first = verifySnapshot(readSnapshot(t.cache, ID)!, Date.now() + 2 * RACY_MS);
  assert.equal(first.ok, true);
  assert.notEqual(first.refresh, undefined, "proved by hashing, so worth recording");
  assert.equal(first.proven, 0, "the first entry already needed its content");
  // Fewer re-hashed entries than the caller's threshold: still a replay, and no rewrite (the snapshot stays exact).
  const hashed = first.refresh!.files.length + first.refresh!.dirs.length;
  const few = verifySnapshot(readSnapshot(t.cache, ID)!, Date.now() + 2 * RACY_MS, hashed + 1);
  assert.deepEqual([few.ok, few.refresh], [true, undefined]);
  assert.notEqual(verifySnapshot(readSnapshot(t.cache, ID)!, Date.now() + 2 * RACY_MS, 2).refresh, undefined, "at the threshold");
  writeSnapshot(t.cache, ID, first.refresh!);
  const all = first.refresh!;
  assert.deepEqual(verifySnapshot(readSnapshot(t.cache, ID)!, Date.now()), { ok: true, proven: all.dirs.length + all.files.length + all.absent.length });
  // Racily clean and edited (same size): the content hash tells.
  const t2 = tree();
  writeSnapshot(t2.cache, ID, takeSnapshot(t2.scope, new FileHasher(Date.now()), { ok: true }));
  writeFileSync(path.join(t2.root, "schemas/a/v1.json"), "[]\n");
  assert.equal(verifySnapshot(readSnapshot(t2.cache, ID)!, Date.now()).ok, false);
});

test("snapshot › a path holding a line break is not written (and an older snapshot is removed)", () => {
  const t = tree();
  record(t);
  assert.equal(readdirSync(path.join(t.cache, "state")).length, 1);
  writeFileSync(path.join(t.root, "schemas/a/odd\nname.json"), "{}");
  record(t);
  assert.equal(readSnapshot(t.cache, ID), undefined);
  assert.deepEqual(readdirSync(path.join(t.cache, "state")), []);
});

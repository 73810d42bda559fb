/**
 * The tool's file list proved without listing it (src/cache/tool-proof.ts): on a package root laid out like the
 * tool's, the proof gives the very list a listing gives while nothing moved, and undefined once a file is added,
 * removed or renamed in a listed folder, a top folder appears, the records lack
 * a file, or the folders' last change is too recent to trust (then the tool is listed again).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FileRecord } from "../../src/cache/files.js";
import { sha256 } from "../../src/cache/store.js";
import { toolListing } from "../../src/cache/tool.js";
import { provenToolFiles } from "../../src/cache/tool-proof.js";
import { tempDir } from "../util/project.js";

const FILES = ["package.json", "dist/src/a.js", "dist/src/a.d.ts", "dist/src/deep/b.js", "dist/src/deep/c.json", "dist/cli/main.js", "src/runtime/r.ts", "src/config/schema.json", "node_modules/ajv/package.json", "node_modules/yaml/package.json"];
const FOLDERS = ["", "dist", "dist/src", "dist/src/deep", "dist/cli", "src", "src/runtime", "src/config", "node_modules", "node_modules/ajv", "node_modules/yaml"];

/** A fake package root whose folders were last modified long ago (so that any later change moves their mtime). */
function fakeRoot(): string {
  const root = tempDir("llm-contracts-tool-proof-");
  for (const f of FILES) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), "{}");
  }
  for (const d of FOLDERS) utimesSync(path.join(root, d), 1_000_000, 1_000_000);
  return root;
}

const asRecords = (files: readonly string[]): FileRecord[] => files.filter((f) => !f.startsWith("missing:")).map((f) => [f, 2, 0, 0, 0, "00"] as const);
const LATER = Date.now() + 3_600_000;

test("cache › the tool's file list is proved from the recorded folders and records, or listed again", () => {
  const moves: [string, (root: string) => void][] = [
    ["a file added", (root) => writeFileSync(path.join(root, "dist/src/deep/new.js"), "")],
    ["a file removed", (root) => rmSync(path.join(root, "dist/src/deep/b.js"))],
    ["a file renamed", (root) => renameSync(path.join(root, "dist/cli/main.js"), path.join(root, "dist/cli/main2.js"))],
    ["a top folder made", (root) => {
      mkdirSync(path.join(root, "src/sdk/runtime"), { recursive: true });
      writeFileSync(path.join(root, "src/sdk/runtime/s.ts"), "");
    }],
  ];
  for (const [what, move] of moves) {
    const root = fakeRoot();
    const before = toolListing(root);
    assert.ok(before.files.includes(path.join(root, "dist/src/deep/b.js")));
    assert.ok(!before.files.includes(path.join(root, "dist/src/a.d.ts")));
    const list = sha256(before.files.join("\n"));
    // Unchanged: the listing's own list, from the records alone.
    assert.deepEqual(provenToolFiles(root, before.folders, asRecords(before.files), list, LATER), before.files, `${what}: before`);
    // Records that lack a file, or folders changed too recently to trust: not proved.
    assert.equal(provenToolFiles(root, before.folders, asRecords(before.files).slice(1), list, LATER), undefined);
    assert.equal(provenToolFiles(root, before.folders, asRecords(before.files), list, 0), undefined);
    move(root);
    const after = toolListing(root);
    assert.notDeepEqual(after.files, before.files, `${what}: the list changed`);
    assert.equal(provenToolFiles(root, before.folders, asRecords(before.files), list, LATER), undefined, what);
  }
});

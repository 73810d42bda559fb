/**
 * The snapshot a scoped run writes takes the unchanged contracts' records over from the previous one
 * (src/incremental/reuse.ts). It must hold exactly what a snapshot taken afresh holds: every folder and file under
 * schemas/ and generated/, with the same signatures and content hashes, and nothing more.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, check } from "../../src/api/build.js";
import { resolveProject } from "../../src/config/config.js";
import { FileHasher } from "../../src/cache/files.js";
import { readSnapshotAt, takeSnapshot } from "../../src/cache/snapshot.js";
import { snapshotRecords } from "../../src/cache/snapshot-format.js";
import { contractName, generateProject } from "../../bench/generate.js";
import { tempDir } from "../util/project.js";

function recorded(root: string): string[][] {
  const state = path.join(root, "node_modules/.cache/llm-contracts/state");
  return readdirSync(state)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      // The snapshot as the next run reads it: the base with its delta (src/cache/snapshot-delta.ts), if any.
      const snap = readSnapshotAt<unknown>(path.join(state, f), `state-${f.slice(0, -4)}`);
      assert.ok(snap !== undefined, `${f} decodes`);
      return lines(snapshotRecords(snap)!, root);
    });
}

function lines(snap: { dirs: readonly (readonly unknown[])[]; files: readonly (readonly unknown[])[] }, root: string): string[] {
  const inTrees = (p: unknown): boolean => typeof p === "string" && (p.startsWith(path.join(root, "schemas")) || p.startsWith(path.join(root, "generated")));
  return [...snap.dirs, ...snap.files].filter((r) => inTrees(r[0])).map((r) => r.join(" ")).sort();
}

test("incremental › a scoped run's snapshot equals one taken afresh", { timeout: 300_000 }, async () => {
  const root = tempDir("llm-contracts-reuse-");
  generateProject(root, 6);
  const project = resolveProject({ cwd: root });
  await build(project, { workers: 1 });
  await check(project, { workers: 1 });
  const file = path.join(root, "schemas", contractName(2), "v2.json");
  writeFileSync(file, readFileSync(file, "utf8").replace("Short title.", "Short title, edited."));
  process.env["LLM_CONTRACTS_TRACE"] = "1";
  const traces: string[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => void traces.push(args.join(" "));
  try {
    await build(project, { workers: 1 });
    await check(project, { workers: 1 });
  } finally {
    console.error = error;
    delete process.env["LLM_CONTRACTS_TRACE"];
  }
  assert.deepEqual(traces.filter((t) => t.startsWith("scope:")).map((t) => t.split(";")[0]), [`scope: ${contractName(2)}`, `scope: ${contractName(2)}`]);
  const fresh = lines(takeSnapshot({ trees: [project.schemasDir, project.outDir], paths: [] }, new FileHasher(Date.now()), null), root);
  const snaps = recorded(root);
  assert.equal(snaps.length, 2, "one snapshot per command");
  for (const snap of snaps) assert.deepEqual(snap, fresh);
});

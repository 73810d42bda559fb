/**
 * A scoped run takes the tool identity over from the previous run when the changes walk proved every tool file
 * unchanged (src/cache/session.ts `learnFromWalk`), and hashes the tool's files again otherwise. Which of the two
 * happened shows in the hasher: the tool's files are among the records it made only when it hashed them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CacheSession } from "../../src/cache/session.js";
import { snapshotRecords } from "../../src/cache/snapshot-format.js";
import { toolFiles } from "../../src/cache/tool.js";
import { resolveProject } from "../../src/config/config.js";
import { makeProject } from "../util/project.js";

const TOOL_FILE = toolFiles().find((f) => f.endsWith("session.js"))!;

function hashedToolFiles(session: CacheSession<unknown>): number {
  const tools = new Set(toolFiles());
  return session.hasher.records().filter((r) => tools.has(r[0])).length;
}

function opened(dir: string): CacheSession<{ n: number }> {
  const session = CacheSession.open<{ n: number }>("check", resolveProject({ cwd: dir }));
  assert.ok(session !== undefined);
  return session;
}

test("cache › the tool identity is taken over only while the walk proves every tool file unchanged", () => {
  const dir = makeProject({});
  const first = opened(dir);
  const identity = first.store().toolId;
  assert.ok(hashedToolFiles(first) > 0, "a first run hashes the tool's files");
  first.record({ n: 1 });

  // Nothing of the tool changed: the recorded identity, no tool file hashed, and a replay never shows the record.
  const second = opened(dir);
  const records = snapshotRecords(second.previousSnapshot!)!.files;
  assert.ok(records.some((r) => r[0] === TOOL_FILE), "the snapshot records the tool's files");
  second.learnFromWalk(records, [`${dir}/schemas/x.json`]);
  assert.equal(second.store().toolId, identity);
  assert.equal(hashedToolFiles(second), 0);
  second.record({ n: 2 });
  assert.deepEqual(opened(dir).replay(), { n: 2 });

  // A tool file among the changes: hashed again (here to the same identity, since the file did not really change).
  const third = opened(dir);
  third.learnFromWalk(snapshotRecords(third.previousSnapshot!)!.files, [TOOL_FILE]);
  assert.equal(third.store().toolId, identity);
  assert.ok(hashedToolFiles(third) > 0);

});

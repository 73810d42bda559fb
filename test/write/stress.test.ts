/**
 * The write path under stress (scripts/stress-write.mjs): concurrent builds into one output folder, and builds
 * killed at random points, each end with a whole output folder and no leftovers. A breadth suite (many real
 * builds, several processes at once), so it runs in `npm run test:full`; the single behaviours it stresses (the
 * lock, dead runs' leftovers, the atomic swap) have their own quick tests in lock.test.ts and apply.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../util/project.js";

test("stress › concurrent and killed builds (scripts/stress-write.mjs, 2 runs each here, 20 by hand) end whole, no leftovers", () => {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "stress-write.mjs"), "--runs", "2"], { encoding: "utf8" });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /all runs ok/);
  assert.equal((r.stdout.match(/^(concurrent|kill) +\d+: ok/gm) ?? []).length, 4, r.stdout);
});

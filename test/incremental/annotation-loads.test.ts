/**
 * What a `check` after an annotation-only schema edit loads besides what it must: the edited contract runs every
 * check step (drift says "description changed"), but no step needs a process, a socket or the performance clock,
 * and the migration gate asks only whether a module still calls `notImplemented` (src/migrate/markers.ts), not
 * how a stub is written. So node's child_process (with net and dgram, loaded by drift's git support) and
 * perf_hooks stay unloaded, and so do the stub writer's modules (src/migrate/stub.ts, body.ts, stub-in-step.ts).
 *
 * The CLI runs in a child process that prints, at exit, node's own module list (`process.moduleLoadList`) and, by
 * a module-loader hook, every module of ours it loaded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contractName, generateProject, implementStubs } from "../../bench/generate.js";
import { BIN, runCli, tempDir } from "../util/project.js";

// Not `net`: writing to stderr when it is a pipe (as here) loads it.
const BUILTINS = ["child_process", "dgram", "perf_hooks"];
const OURS = ["drift/git.js", "migrate/stub.js", "migrate/body.js", "migrate/stub-in-step.js"];
const HOOKS = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(process.env.LOADED_LOG, url + "\\n");
  return next(url, context);
}
`;
const PROBE = `data:text/javascript,${encodeURIComponent(`
  import { register } from "node:module";
  register(process.env.LOADED_HOOKS);
  process.on("exit", () => process.stderr.write("\\nloaded-builtins " + JSON.stringify(process.moduleLoadList) + "\\n"));`)}`;

/** The watched builtins and modules of ours that a `check` in `dir` loaded. */
function checkLoads(dir: string, exit: number): { builtins: string[]; ours: string[]; steps: boolean } {
  const hooks = path.join(path.dirname(dir), `${path.basename(dir)}-hooks.mjs`);
  const log = path.join(path.dirname(dir), `${path.basename(dir)}-loaded.txt`);
  writeFileSync(hooks, HOOKS);
  rmSync(log, { force: true });
  const env = { ...process.env, LLM_CONTRACTS_WORKERS: "1", LOADED_HOOKS: pathToFileURL(hooks).href, LOADED_LOG: log };
  const r = spawnSync(process.execPath, ["--import", PROBE, BIN, "check"], { cwd: dir, encoding: "utf8", env });
  assert.equal(r.status, exit, r.stdout + r.stderr);
  const line = /loaded-builtins (.*)/.exec(r.stderr);
  assert.ok(line !== null, r.stderr);
  const list = JSON.parse(line[1]!) as string[];
  const urls = existsSync(log) ? readFileSync(log, "utf8").split("\n") : [];
  // The hook saw the CLI's own modules load: it ran (an empty log would prove nothing).
  assert.ok(urls.some((u) => u.endsWith("/dist/cli/main.js")), `the module hook logged nothing: ${r.stderr}`);
  return {
    builtins: BUILTINS.filter((b) => list.includes(`NativeModule ${b}`)),
    ours: OURS.filter((m) => urls.some((u) => u.endsWith(`/dist/src/${m}`))),
    // The steps ran for the edited contract: the drift step and the migration gate were loaded.
    steps: ["drift/step.js", "migrate/gate.js"].every((m) => urls.some((u) => u.endsWith(`/dist/src/${m}`))),
  };
}

test("incremental › an annotation-only edit's check runs its steps without child_process, perf_hooks or the stub writer", { timeout: 120_000 }, () => {
  const dir = tempDir("llm-contracts-annotation-loads-");
  generateProject(dir, 2, 0, { breaking: true });
  assert.equal(runCli(["build"], dir).code, 0);
  implementStubs(dir);
  assert.equal(runCli(["build"], dir).code, 0);
  assert.equal(runCli(["check"], dir).code, 0);
  const file = path.join(dir, "schemas", contractName(1), "v2.json");
  for (const [round, exit] of [[1, 1], [2, 1]] as const) {
    writeFileSync(file, readFileSync(file, "utf8").replace(/"Short title[^"]*"/, `"Short title (edit ${round})."`));
    const loads = checkLoads(dir, exit);
    assert.equal(loads.steps, true, "the edited contract's steps ran");
    assert.deepEqual(loads.builtins, [], `round ${round}: builtins`);
    assert.deepEqual(loads.ours, [], `round ${round}: modules of ours`);
    assert.equal(runCli(["build"], dir).code, 0);
  }
});

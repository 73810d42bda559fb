/**
 * What a `check` after a golden example edit loads: the edited version's outcome comes from the cache, with its
 * examples run again through the cached validator code (src/compile/compile.ts `examplesAgain`), so no version is
 * compiled. The version compiler (src/compile/version.ts) and what only it needs stay unloaded: the schema loader
 * and bundler, the types emitter, the version module renderer, the blind-validator lookup, and the worker pool.
 * Both outcomes of the examples are checked: an example edited into another valid one passes, one edited into an
 * invalid one fails the check, naming the example.
 *
 * The CLI runs in a child process whose module-loader hook logs every module of ours it loaded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contractName, generateProject, implementStubs } from "../../bench/generate.js";
import { BIN, runCli, tempDir } from "../util/project.js";

const UNLOADED = [
  "compile/version.js",
  "load/index.js",
  "load/bundle.js",
  "emit/types/index.js",
  "emit/modules/version.js",
  "compile/validator-cache.js",
  "parallel/pool.js",
];
const HOOKS = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(process.env.LOADED_LOG, url + "\\n");
  return next(url, context);
}
`;
const PROBE = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(process.env.LOADED_HOOKS);`)}`;

/** The modules of ours (paths under dist/src/) that a `check` in `dir` loaded, and its output. */
function checkLoads(dir: string): { code: number | null; output: string; loaded: string[] } {
  const hooks = path.join(path.dirname(dir), `${path.basename(dir)}-hooks.mjs`);
  const log = path.join(path.dirname(dir), `${path.basename(dir)}-loaded.txt`);
  writeFileSync(hooks, HOOKS);
  rmSync(log, { force: true });
  const env = { ...process.env, LLM_CONTRACTS_WORKERS: "1", LOADED_HOOKS: pathToFileURL(hooks).href, LOADED_LOG: log };
  const r = spawnSync(process.execPath, ["--import", PROBE, BIN, "check"], { cwd: dir, encoding: "utf8", env });
  const urls = existsSync(log) ? readFileSync(log, "utf8").split("\n") : [];
  // The hook saw the CLI's own modules load: it ran (an empty log would prove nothing).
  assert.ok(urls.some((u) => u.endsWith("/dist/cli/main.js")), `the module hook logged nothing: ${r.stderr}`);
  const loaded = urls.flatMap((u) => {
    const at = u.indexOf("/dist/src/");
    return at < 0 ? [] : [u.slice(at + "/dist/src/".length)];
  });
  return { code: r.status, output: r.stdout + r.stderr, loaded };
}

test("incremental › a golden example edit's check re-runs the examples without loading the version compiler", { timeout: 120_000 }, () => {
  const dir = tempDir("llm-contracts-example-loads-");
  generateProject(dir, 2, 0, { breaking: true });
  assert.equal(runCli(["build"], dir).code, 0);
  implementStubs(dir);
  assert.equal(runCli(["build"], dir).code, 0);
  assert.equal(runCli(["check"], dir).code, 0);
  const file = path.join(dir, "schemas", contractName(1), "examples", "v2", "valid", "typical.json");
  const example = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // Another valid example, then an invalid one (a title must be a string).
  for (const [title, exit] of [["Item number 1 (edited)", 0], [42, 1]] as const) {
    writeFileSync(file, `${JSON.stringify({ ...example, title }, null, 2)}\n`);
    const run = checkLoads(dir);
    assert.equal(run.code, exit, run.output);
    if (exit !== 0) assert.match(run.output, /typical\.json/);
    // The check went through the compile and ran the examples.
    assert.ok(["compile/compile.js", "compile/examples.js"].every((m) => run.loaded.includes(m)), run.loaded.join("\n"));
    assert.deepEqual(UNLOADED.filter((m) => run.loaded.includes(m)), [], `title ${JSON.stringify(title)}: loaded`);
  }
});

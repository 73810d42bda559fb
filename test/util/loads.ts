/**
 * What one CLI run loaded, for the "load only what runs" tests (test/incremental/loaded.test.ts and the tests of
 * one change class beside it). The CLI runs in a child process with a probe that prints at exit node's own module
 * list (`process.moduleLoadList`: the builtins) and the packages in the CommonJS module cache (ajv, TypeScript,
 * ts-morph and json-schema-to-typescript are CommonJS, so every load, by `import` or `require`, is there), and a
 * module-loader hook that logs every ES module URL (ours are ES modules).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BIN } from "./project.js";

const HOOKS = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (process.env.LOADED_LOG !== undefined && url.startsWith("file:")) appendFileSync(process.env.LOADED_LOG, url + "\\n");
  return next(url, context);
}
`;
const PROBE = `data:text/javascript,${encodeURIComponent(`
  import { createRequire, register } from "node:module";
  if (process.env.LOADED_HOOKS !== undefined) register(process.env.LOADED_HOOKS);
  const cache = createRequire(${JSON.stringify(BIN)}).cache;
  process.on("exit", () => {
    const pkgs = new Set(Object.keys(cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean));
    process.stderr.write("\\nloaded-packages " + JSON.stringify([...pkgs].sort()) + "\\nloaded-builtins " + JSON.stringify(process.moduleLoadList) + "\\n");
  });`)}`;

export interface Loads {
  /** Node builtins loaded (`child_process`, `perf_hooks` …). Not `net` alone: writing to a piped stderr loads it. */
  readonly builtins: ReadonlySet<string>;
  /** Packages in the CommonJS module cache, sorted. */
  readonly packages: readonly string[];
  /** Our modules loaded, as paths under dist/src/ (e.g. "drift/git.js"). */
  readonly loaded: readonly string[];
  /** Whether our module `dist/src/<file>` was loaded. */
  readonly ours: (file: string) => boolean;
  /** What the run printed, stdout then stderr. */
  readonly output: string;
}

/** Runs `llm-contracts <args>` in `dir` (one worker), asserts its exit code, and returns what it loaded. */
export function cliLoads(dir: string, args: readonly string[], exit: number): Loads {
  const hooks = path.join(path.dirname(dir), `${path.basename(dir)}-hooks.mjs`);
  const log = path.join(path.dirname(dir), `${path.basename(dir)}-loaded.txt`);
  writeFileSync(hooks, HOOKS);
  rmSync(log, { force: true });
  const env = { ...process.env, LLM_CONTRACTS_WORKERS: "1", LOADED_HOOKS: pathToFileURL(hooks).href, LOADED_LOG: log };
  const r = spawnSync(process.execPath, ["--import", PROBE, BIN, ...args], { cwd: dir, encoding: "utf8", env });
  assert.equal(r.status, exit, r.stdout + r.stderr);
  const packages = /loaded-packages (.*)/.exec(r.stderr);
  const builtins = /loaded-builtins (.*)/.exec(r.stderr);
  assert.ok(packages !== null && builtins !== null, r.stderr);
  const urls = existsSync(log) ? readFileSync(log, "utf8").split("\n") : [];
  // The hook saw the CLI's own modules load: it ran (an empty log would prove nothing).
  assert.ok(urls.some((u) => u.endsWith("/dist/cli/main.js")), `the module hook logged nothing: ${r.stderr}`);
  const native = new Set((JSON.parse(builtins[1]!) as string[]).filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice("NativeModule ".length)));
  const loaded = urls.flatMap((u) => {
    const at = u.indexOf("/dist/src/");
    return at < 0 ? [] : [u.slice(at + "/dist/src/".length)];
  });
  return { builtins: native, packages: JSON.parse(packages[1]!) as string[], loaded, ours: (file) => loaded.includes(file), output: r.stdout + r.stderr };
}

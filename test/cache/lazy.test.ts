/**
 * A run the cache proves to be a no-op must not load the compiler's heavy dependencies: that is what makes a
 * pre-commit `check` instant. The child process reports which packages it loaded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { copyOfExamples, REPO_ROOT, runCli } from "../util/project.js";

const HEAVY = ["typescript", "ts-morph", "json-schema-to-typescript", "ajv", "yaml", "refa"];

function loadedPackages(dir: string, command: "build" | "check"): string[] {
  const api = pathToFileURL(path.join(REPO_ROOT, "dist/src/api/build.js")).href;
  const config = pathToFileURL(path.join(REPO_ROOT, "dist/src/config/config.js")).href;
  const script = `
    import { createRequire } from "node:module";
    const { ${command} } = await import(${JSON.stringify(api)});
    const { resolveProject } = await import(${JSON.stringify(config)});
    const r = await ${command}(resolveProject({ cwd: process.cwd() }));
    const cache = createRequire(import.meta.url).cache;
    const pkgs = new Set(Object.keys(cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean));
    console.log(JSON.stringify({ ok: r.ok ?? r.exitCode === 0, pkgs: [...pkgs].sort() }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { ok: boolean; pkgs: string[] };
  assert.equal(out.ok, true);
  return out.pkgs;
}

test("cache › a no-op build and check load none of the compiler's dependencies", () => {
  const dir = copyOfExamples();
  assert.equal(runCli(["build"], dir).code, 0);
  assert.equal(runCli(["check"], dir).code, 0);
  // The cold runs did load them (so the probe can see a package when it is there).
  const cold = loadedPackages(copyOfExamples(), "build");
  assert.ok(cold.includes("typescript") && cold.includes("ajv"), cold.join(","));
  for (const command of ["build", "check"] as const) {
    const pkgs = loadedPackages(dir, command);
    assert.deepEqual(pkgs.filter((p) => HEAVY.includes(p)), [], `${command} loaded ${pkgs.join(", ")}`);
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_FILES } from "../../src/paths.js";
import { REPO_ROOT } from "../util/project.js";

/*
 * Not reads of package files, so not counted: module resolution (`createRequire(import.meta.url)`) and worker
 * entry points (`new URL("./worker.js", import.meta.url)`), which resolve to code that ships in dist/ or
 * node_modules.
 */
const RESOLUTION = /createRequire\(import\.meta\.url\)|new URL\("\.\/[\w.-]+\.js", import\.meta\.url\)/g;

/**
 * src/cache/tool.ts hashes the tool's own compiled code (dist/) to key the cache: it walks what shipped rather than
 * reading a listed file, and a missing file only means a different key.
 */
const ALLOWED = ["src/cache/tool.ts", "src/paths.ts"];

/** Source files (src/, cli/) that reach into the package's own folder. */
function sourcesUsingPackageRoot(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith(".ts") && /packageRoot\(|import\.meta\.url|__dirname/.test(readFileSync(path.join(REPO_ROOT, rel), "utf8").replace(RESOLUTION, ""))) out.push(rel);
    }
  };
  walk("src");
  walk("cli");
  return out.sort();
}

test("packaged files › every run-time read of the package's own files goes through src/paths.ts", () => {
  assert.deepEqual(sourcesUsingPackageRoot(), ALLOWED);
});

test("packaged files › npm pack ships every file in PACKAGE_FILES, the bin, the entry point and the LICENSE", { skip: spawnSync("npm", ["--version"]).status === 0 ? false : "npm is not on the PATH" }, () => {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const shipped = new Set((JSON.parse(r.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path));
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; main: string; types: string };
  for (const file of [...PACKAGE_FILES, ...Object.values(pkg.bin), pkg.main, pkg.types, "LICENSE", "scripts/postinstall.mjs"]) {
    assert.ok(shipped.has(file.replace(/^\.\//, "")), `${file} is read at run time but not in the tarball`);
  }
  assert.ok(![...shipped].some((f) => f.startsWith("dist/test/") || f.startsWith("node_modules/")), "tests or node_modules packed");
});

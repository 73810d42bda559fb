/**
 * src/contain/stat.ts: after the tool stats (or removes) a named pipe, a module path through a link still resolves
 * to its real path, for `import` and for `require`. Node's own stats leave the pipe's mode in an array its
 * `realpathSync` reads (nodejs/node#51142): then a package under a linked `node_modules` (pnpm, a git worktree)
 * loads under its link path, a second copy, or an empty module when `require` loaded it first (`check` over a
 * cache of pipes failed with an internal error that way). And no file of the tool stats through node:fs directly.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fstatSync, lstatSync, rmSync, statSync } from "../../src/contain/stat.js";
import { listFiles } from "../../src/write/plan.js";
import { REPO_ROOT, tempDir } from "../util/project.js";

const SKIP = process.platform === "win32" ? "named pipes (mkfifo) are POSIX" : false;

/** A folder `real` with modules, `link` a link to it, and a named pipe; resolutions warmed through the link. */
function layout(): { dir: string; pipe: string; resolveBoth: (name: string) => [string, string] } {
  const dir = tempDir("llm-contracts-stat-");
  fs.mkdirSync(path.join(dir, "real"));
  for (const name of ["warm", "stat", "lstat", "fstat", "rm", "node"]) fs.writeFileSync(path.join(dir, "real", `${name}.js`), "module.exports = 1;\n");
  fs.symlinkSync("real", path.join(dir, "link"));
  const pipe = path.join(dir, "pipe");
  const made = spawnSync("mkfifo", [pipe]);
  assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
  const require = createRequire(path.join(dir, "index.js"));
  // `require` and `import` each resolve a module the way the tool's own lazy imports of packages do.
  const resolveBoth = (name: string): [string, string] => {
    const file = path.join(dir, "link", `${name}.js`);
    return [require.resolve(file), import.meta.resolve(pathToFileURL(file).href)];
  };
  // Both loaders remember the temp folder's path as free of links: the state in which the stale mode is read.
  resolveBoth("warm");
  return { dir, pipe, resolveBoth };
}

test("stat › after a stat or removal of a named pipe, a module through a link resolves to its real path", { skip: SKIP }, (t) => {
  const { dir, pipe, resolveBoth } = layout();
  const real = (name: string): [string, string] => {
    const file = path.join(fs.realpathSync(dir), "real", `${name}.js`);
    return [file, pathToFileURL(file).href];
  };
  const cases: [string, () => void][] = [
    ["stat", () => statSync(pipe)],
    ["lstat", () => lstatSync(pipe)],
    ["fstat", () => {
      const fd = fs.openSync(pipe, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      try {
        fstatSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }],
    ["rm", () => {
      rmSync(pipe);
      assert.equal(spawnSync("mkfifo", [pipe]).status, 0);
    }],
  ];
  for (const [name, touch] of cases) {
    touch();
    assert.deepEqual(resolveBoth(name), real(name), `${name} of a named pipe, then a module through a link`);
  }
  // The check can fail: node:fs's own lstat, on a Node with the bug, leaves the link in the resolved paths.
  fs.lstatSync(pipe);
  const raw = resolveBoth("node");
  if (raw[0] === real("node")[0]) t.diagnostic(`this Node (${process.version}) resolves through the link after a plain lstat of a pipe: the bug is gone here`);
  else assert.deepEqual(raw, [path.join(dir, "link", "node.js"), pathToFileURL(path.join(dir, "link", "node.js")).href], "the Node bug as known");
});

/** `statSync`, `lstatSync`, `fstatSync`, `rmSync` (and their async forms) from node:fs, in one file's text. */
function directStats(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+"(?:node:)?fs(?:\/promises)?";/gm)) {
    if (m[1] !== undefined) continue;
    for (const name of (m[2] ?? "").split(",").map((s) => s.trim().replace(/\s+as\s+\w+$/, ""))) {
      if (/^(l|f)?stat(Sync)?$|^rm(Sync)?$/.test(name)) out.push(name);
    }
  }
  // A namespace or default import used as `fs.statSync(...)`.
  for (const m of text.matchAll(/\b\w+\.((?:l|f)?stat(?:Sync)?|rm(?:Sync)?)\(/g)) {
    const ns = text.match(new RegExp(`^import\\s+(?:\\*\\s+as\\s+)?${m[0].split(".")[0]}\\s+from\\s+"(?:node:)?fs(?:/promises)?";`, "m"));
    if (ns !== null) out.push(`${m[0].split(".")[0]}.${m[1] ?? ""}`);
  }
  return out;
}

test("stat › no file of src/ or cli/ stats or removes through node:fs but src/contain/stat.ts", () => {
  const found: string[] = [];
  for (const dir of ["src", "cli"]) {
    for (const rel of listFiles(path.join(REPO_ROOT, dir))) {
      const file = `${dir}/${rel}`;
      if (!rel.endsWith(".ts") || file === "src/contain/stat.ts") continue;
      for (const name of directStats(fs.readFileSync(path.join(REPO_ROOT, file), "utf8"))) found.push(`${file}: ${name}`);
    }
  }
  assert.deepEqual(found, [], "take these from src/contain/stat.ts");
});

test("stat › the scan finds each way of reaching node:fs's stats", () => {
  const text = [
    'import { existsSync, statSync } from "node:fs";',
    'import { lstatSync as ls, type Stats } from "fs";',
    'import { rm } from "node:fs/promises";',
    'import type { Stats as S } from "node:fs";',
    'import fs from "node:fs";',
    "fs.fstatSync(0);",
    "other.statSync(0);",
  ].join("\n");
  assert.deepEqual(directStats(text), ["statSync", "lstatSync", "rm", "fs.fstatSync"]);
});

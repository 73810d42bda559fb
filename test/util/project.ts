import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tests run from dist/test/...). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const BIN = path.join(REPO_ROOT, "dist", "cli", "main.js");

const made: string[] = [];
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new temp folder, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh temp folder holding the given files (objects are written as JSON). */
export function makeProject(files: Record<string, string | object>): string {
  const dir = tempDir("llm-contracts-test-");
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return dir;
}

/** A temp copy of the bundled example contracts (schemas/ only). */
export function copyOfExamples(): string {
  const dir = tempDir("llm-contracts-examples-");
  cpSync(path.join(REPO_ROOT, "schemas"), path.join(dir, "schemas"), { recursive: true });
  return dir;
}

const templates = new Map<string, string>();

/**
 * A fresh copy of a project that `make` creates and `build` compiles, built once per test process under `key`:
 * for tests whose subject comes after the build (publish, replay, migrate...), not the build itself. The copy holds
 * what a build in place leaves, output and cache alike (the output is the same wherever a project is built; a
 * cache entry that does not fit the new place is a miss, never a different result).
 */
export function builtCopy(key: string, make: () => string): string {
  let template = templates.get(key);
  if (template === undefined) {
    template = make();
    const r = runCli(["build"], template);
    if (r.code !== 0) throw new Error(`builtCopy(${key}): build exited ${r.code}: ${r.stderr}`);
    templates.set(key, template);
  }
  const dir = tempDir("llm-contracts-built-");
  cpSync(template, dir, { recursive: true });
  return dir;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI in `cwd`; `env` adds to (or overrides) the test's environment. */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Every file under a folder with its bytes (a regular file's) and mtime, to prove a command wrote nothing. The build cache
 * (`node_modules/.cache`) is left out: `check` writes nothing of the project, but it does keep its cache.
 */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (r === "node_modules/.cache") continue;
      const a = path.join(abs, e.name);
      if (e.isDirectory()) walk(a, r);
      // Only a regular file is read: a named pipe planted by a test (test/load/not-regular.test.ts) would block.
      else out.set(r, `${statSync(a).mtimeMs}:${e.isFile() ? readFileSync(a, "utf8") : "(not a regular file)"}`);
    }
  };
  walk(dir, "");
  return out;
}

/** A minimal valid contract folder's files under `schemas/<name>/`. */
export function contractFiles(name: string, versions: readonly object[], kind = "model-output"): Record<string, object> {
  const files: Record<string, object> = { [`schemas/${name}/contract.json`]: { kind } };
  versions.forEach((schema, i) => {
    files[`schemas/${name}/v${i + 1}.json`] = schema;
  });
  return files;
}

/**
 * Scratch folders for files a command needs on disk only while it runs: the migration chain transpiled for Node
 * (`migrate`, `replay`), the schemas of a git ref (`drift --against`).
 *
 * Why not `os.tmpdir()`: nothing the tool reads or writes for a project may lie outside the project's real path
 * (src/contain/real-path.ts). A scratch folder is made under the cache folder's `tmp/` (by default
 * `node_modules/.cache/llm-contracts/tmp/`, already ignored by git), and at the project root when the cache folder
 * resolves outside it (a linked `node_modules`). The folder is made with `mkdtemp` (a fresh name, mode 0700) and
 * its real path is checked after it exists, so a `tmp` that another process replaced with a link out of the project
 * is refused, not written through. `dispose()` removes it; a folder a killed process left is only ever a stale
 * `tmp/llmc-*` entry, never read again (every run makes a fresh one).
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { rmSync } from "../contain/stat.js";
import path from "node:path";
import { isInsideReal } from "../contain/real-path.js";
import { inputError } from "../errors.js";
import { environmentError } from "../fault/environment.js";
import { defaultCacheDir } from "./store.js";

export interface Scratch {
  readonly dir: string;
  dispose(): void;
}

export function makeScratch(project: { readonly rootDir: string; readonly cacheDir?: string }, purpose: string): Scratch {
  const cache = project.cacheDir ?? defaultCacheDir(project.rootDir);
  let fault: unknown;
  for (const parent of [path.join(cache, "tmp"), project.rootDir]) {
    if (!isInsideReal(parent, project.rootDir)) continue;
    let dir: string;
    try {
      mkdirSync(parent, { recursive: true });
      dir = mkdtempSync(path.join(parent, parent === project.rootDir ? `.llmc-${purpose}-` : `llmc-${purpose}-`));
    } catch (error) {
      fault = error;
      continue;
    }
    if (isInsideReal(dir, project.rootDir)) return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    rmSync(dir, { recursive: true, force: true });
  }
  if (fault !== undefined) throw environmentError(fault);
  throw inputError("path.outside", { file: project.rootDir }, `no folder for temporary ${purpose} files resolves inside the project; refused (nothing outside the project is read or written)`);
}

import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { rmSync } from "../contain/stat.js";
import path from "node:path";
import { inputError } from "../errors.js";

/**
 * Writes init's files without ever replacing one silently: with any of them already present (and no `force`)
 * nothing is written and the error names the first one. Each file is written to a temporary name beside it and
 * renamed into place, so an interrupted init leaves no half-written file.
 */
export function writeInitFiles(rootDir: string, files: ReadonlyMap<string, string>, force: boolean): { written: string[]; replaced: string[] } {
  const present = [...files.keys()].filter((rel) => existsSync(path.join(rootDir, ...rel.split("/"))));
  if (present.length > 0 && !force) {
    const more = present.length > 1 ? ` (and ${present.length - 1} more)` : "";
    throw inputError("init.exists", { file: present[0]! }, `already exists${more}; init never overwrites a file (use --force to replace them)`);
  }
  const written: string[] = [];
  for (const [rel, text] of files) {
    const file = path.join(rootDir, ...rel.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.llm-contracts-tmp-${process.pid}`;
    try {
      writeFileSync(tmp, text, "utf8");
      renameSync(tmp, file);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    written.push(rel);
  }
  return { written, replaced: present };
}

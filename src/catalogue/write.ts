/**
 * Writes a catalogue folder all at once: every file goes into a staging folder beside the target, which then
 * replaces the target by rename. A reader sees the old site or the new one, never a mix; an error while writing
 * leaves the old site as it was. Only a folder this tool wrote (it holds the marker file) or an empty one is
 * replaced; any other folder is refused, so `--out` cannot wipe a user's files.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { rmSync, statSync } from "../contain/stat.js";
import path from "node:path";
import { inputError } from "../errors.js";
import { OUTPUT_FILE_LIMIT, readRegular } from "../contain/read-regular.js";
import { MARKER_FILE } from "./site.js";

export interface SiteWrite {
  /** False when the folder already held exactly these files (nothing was touched). */
  readonly changed: boolean;
  readonly files: number;
}

export function writeSite(outDir: string, display: string, files: ReadonlyMap<string, string>): SiteWrite {
  const out = path.resolve(outDir);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw inputError("docs.out-not-folder", { file: display }, "--out names a file; give a folder for the catalogue");
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
      throw inputError("docs.out-not-catalogue", { file: display }, `the folder is not empty and was not written by \`llm-contracts docs\` (no ${MARKER_FILE}); choose a new or empty folder`);
    }
    if (sameFiles(out, files)) return { changed: false, files: files.size };
  }
  mkdirSync(path.dirname(out), { recursive: true });
  const staging = `${out}.docs-staging-${process.pid}`;
  const old = `${out}.docs-old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [rel, text] of files) {
      const file = path.join(staging, ...rel.split("/"));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    if (existsSync(out)) renameSync(out, old);
    renameSync(staging, out);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  return { changed: true, files: files.size };
}

/** True when the folder holds exactly the planned files with the planned text. */
function sameFiles(out: string, files: ReadonlyMap<string, string>): boolean {
  const found: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else found.push(r);
    }
  };
  walk(out, "");
  if (found.length !== files.size) return false;
  for (const rel of found) {
    const want = files.get(rel);
    if (want === undefined) return false;
    const read = readRegular(path.join(out, ...rel.split("/")), { limit: OUTPUT_FILE_LIMIT, noFollow: true });
    if (!read.ok || read.bytes.toString("utf8") !== want) return false;
  }
  return true;
}

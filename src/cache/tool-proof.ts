/**
 * The tool's file list (tool.ts `toolFiles`) proved unchanged without listing it again: an edited example's `check`
 * otherwise lists ~60 folders and resolves nine libraries (~6 ms at 1,000 contracts) only to find the list the
 * previous run recorded.
 *
 * Why each part is sound:
 *   - the folders: every folder the previous listing read has the lstat signature it had before that listing
 *     (mtime, ctime, inode; old enough that a change within the same timestamp tick cannot hide, files.ts RACY_MS),
 *     and an entry added, removed or renamed in a folder moves its mtime and ctime; a top folder that was absent
 *     is still absent, and one that was a link is listed again;
 *   - the libraries: a manifest that resolved to `<root>/node_modules/<lib>/package.json`, the first place Node
 *     looks, resolves there again while that file is as recorded (the walk proved it) and neither folder on the
 *     way is a link; any other library is resolved again;
 *   - the list rebuilt from the previous snapshot's records must hash to the recorded list's hash, so it is the
 *     list that run listed, not merely one the records happen to hold.
 */
import { lstatSync, statSync } from "../contain/stat.js";
import path from "node:path";
import type { FileRecord } from "./files.js";
import { sha256 } from "./store.js";
import { ABSENT, isToolFileName, libraryManifests, OUTPUT_LIBRARIES, TOOL_FOLDERS, type FolderStat } from "./tool.js";

/**
 * The previous run's tool file list when it is provably today's, else undefined (then the tool is listed again).
 * `records`: the previous snapshot's file records as this run's walk met them; `list`: the recorded list's hash;
 * `limit`: the previous run's start minus RACY_MS.
 */
export function provenToolFiles(root: string, folders: readonly FolderStat[], records: readonly FileRecord[], list: string, limit: number): string[] | undefined {
  if (!foldersUnchanged(root, folders, limit)) return undefined;
  const tops = TOOL_FOLDERS.map((sub) => path.join(root, sub) + path.sep);
  const recorded = new Set<string>();
  const files: string[] = [path.join(root, "package.json")];
  for (const r of records) {
    const file = r[0];
    recorded.add(file);
    if (tops.some((t) => file.startsWith(t)) && isToolFileName(file.slice(file.lastIndexOf(path.sep) + 1))) files.push(file);
  }
  const modules = path.join(root, "node_modules");
  const nearest = (lib: string): string => path.join(modules, lib, "package.json");
  const again = OUTPUT_LIBRARIES.filter((lib) => !(recorded.has(nearest(lib)) && realFolder(modules) && realFolder(path.join(modules, lib))));
  const resolved = new Map(again.length === 0 ? [] : libraryManifests(root, again).map((m, i) => [again[i]!, m]));
  for (const lib of OUTPUT_LIBRARIES) files.push(resolved.get(lib) ?? nearest(lib));
  files.sort();
  return sha256(files.join("\n")) === list ? files : undefined;
}

/** Well-formed signatures, as `toolListing` records them (the snapshot's result is authenticated, but old). */
export function isFolderStats(value: unknown): value is FolderStat[] {
  return Array.isArray(value) && value.every((f) => Array.isArray(f) && f.length === 4 && typeof f[0] === "string" && f.slice(1).every((n) => typeof n === "number"));
}

function foldersUnchanged(root: string, folders: readonly FolderStat[], limit: number): boolean {
  if (folders.length === 0) return false;
  for (const [rel, mtimeMs, ctimeMs, ino] of folders) {
    const abs = path.join(root, rel);
    if (mtimeMs === ABSENT) {
      if (statSync(abs, { throwIfNoEntry: false })?.isDirectory() === true) return false;
      continue;
    }
    if (mtimeMs < 0) return false;
    const st = lstatSync(abs, { throwIfNoEntry: false });
    if (st === undefined || !st.isDirectory() || st.mtimeMs !== mtimeMs || st.ctimeMs !== ctimeMs || st.ino !== ino || !(ctimeMs < limit)) return false;
  }
  return true;
}

function realFolder(dir: string): boolean {
  return lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * The stat floor of a no-op `check` (bench/scale.ts): what a bare Node process costs that reads a list of the paths a
 * no-op must prove unchanged (every folder and file under schemas/ and generated/; not the ~540 files of the tool
 * itself, which it also proves) and lstat-s each once, as the replay does (src/cache/snapshot.ts). No cache design
 * built on stat can skip it; the bench prints it beside the no-op so that what lies above it is read off directly.
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Every folder and file under `dir`, itself included, relative to `from` when inside it (as the replay stats them). */
function listTree(dir: string, from: string, into: string[]): void {
  into.push(path.relative(from, dir) || ".");
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listTree(p, from, into);
    else into.push(path.relative(from, p));
  }
}

/** Writes the path list for `root` (a generated project) to `file`; returns how many paths it holds. */
export function writeFloorList(root: string, file: string): number {
  const paths: string[] = [];
  for (const dir of ["schemas", "generated"]) listTree(path.join(root, dir), root, paths);
  writeFileSync(file, paths.join("\n"));
  return paths.length;
}

/** The child's program (`node -e`): read the list, lstat every path, fail if one is missing (the list is stale). */
export function floorProgram(file: string): string {
  return (
    `const fs=require("node:fs");const ps=fs.readFileSync(${JSON.stringify(file)},"utf8").split("\\n");` +
    `let n=0;for(const p of ps){if(fs.lstatSync(p,{throwIfNoEntry:false})!==undefined)n++}` +
    `if(n!==ps.length)process.exit(3)`
  );
}

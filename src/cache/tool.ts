/**
 * What identifies the tool in cache keys: its version, its own code (so a rebuilt checkout never reads entries of
 * an older build), the versions of the libraries that shape the output, and the node major.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { lstatSync, statSync } from "../contain/stat.js";
import { createRequire } from "node:module";
import path from "node:path";
import { packageRoot } from "../paths.js";

/** Libraries whose version changes generated code, findings or type-check results. */
export const OUTPUT_LIBRARIES = ["ajv", "ajv-formats", "ajv-draft-04", "json-schema-to-typescript", "typescript", "ts-morph", "yaml", "refa", "redos-detector"];

/** The folders `toolFiles` lists, under the package root. */
export const TOOL_FOLDERS = ["dist/src", "dist/cli", "src/runtime", "src/sdk/runtime", "src/config"] as const;

/**
 * A listed folder's lstat signature before it was listed, its path relative to the package root: [rel, mtimeMs,
 * ctimeMs, ino] (see ABSENT and LINKED for top folders). An entry added, removed or renamed in a
 * folder moves its mtime and ctime, so an equal signature (old enough, see tool-proof.ts) proves an equal listing.
 */
export type FolderStat = readonly [string, number, number, number];

/** A FolderStat's numbers for a top folder that did not exist (or was no folder), and for one that was a link. */
export const ABSENT = -1;
export const LINKED = -2;

/** The folder `toolFiles` walks: the package root (for the proof of its list, tool-proof.ts). */
export function toolRoot(): string {
  return packageRoot();
}

/** Whether a file found in the tool's folders is one of its files (compiled code, copied runtime, JSON). */
export function isToolFileName(name: string): boolean {
  return name.endsWith(".js") || name.endsWith(".json") || (name.endsWith(".ts") && !name.endsWith(".d.ts"));
}

/** Every file the tool's behaviour comes from: compiled code, the copied runtime, packaged schemas, library manifests. */
export function toolFiles(): string[] {
  return toolListing().files;
}

/** `toolFiles`, with the signatures of the folders listed for it (each taken before its listing). */
export function toolListing(root = packageRoot()): { files: string[]; folders: FolderStat[] } {
  const out: string[] = [path.join(root, "package.json")];
  const folders: FolderStat[] = [];
  // Why plain string tests and joins: an edited example's `check` lists these ~500 files once, before the JIT has
  // warmed up, and a regular expression and path.join per entry cost it about four times as much. A name read from
  // a folder holds no separator, so `dir + sep + name` is the joined path.
  const walk = (dir: string, rel: string, top: boolean): void => {
    // Followed like a listing follows it (a subfolder is only walked when the listing's type says folder, never a link).
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st === undefined || !st.isDirectory()) {
      if (top) folders.push([rel, ABSENT, ABSENT, ABSENT]);
      return;
    }
    // A top folder that is a link proves nothing by its target's signature (the link may be pointed elsewhere).
    const linked = top && lstatSync(dir).isSymbolicLink();
    folders.push(linked ? [rel, LINKED, LINKED, LINKED] : [rel, st.mtimeMs, st.ctimeMs, st.ino]);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const name = e.name;
      const abs = dir + path.sep + name;
      if (e.isDirectory()) walk(abs, `${rel}/${name}`, false);
      else if (isToolFileName(name)) out.push(abs);
    }
  };
  for (const sub of TOOL_FOLDERS) walk(path.join(root, sub), sub, true);
  out.push(...libraryManifests(root, OUTPUT_LIBRARIES));
  return { files: out.sort(), folders };
}

/** Where each library's package.json resolves from the package root, or `missing:<lib>` when it does not. */
export function libraryManifests(root: string, libs: readonly string[]): string[] {
  const require = createRequire(path.join(root, "package.json"));
  return libs.map((lib) => {
    try {
      return require.resolve(`${lib}/package.json`);
    } catch {
      // not installed: its absence is part of the identity through the list below
      return `missing:${lib}`;
    }
  });
}

/** The tool identity from the content hashes of `toolFiles()` (given, so callers can reuse memoised hashes). */
export function toolIdentity(fileHashes: ReadonlyMap<string, string>): string {
  const h = createHash("sha256");
  h.update(`node ${process.versions.node.split(".")[0]}\n`);
  const root = packageRoot();
  for (const [file, hash] of [...fileHashes].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${path.relative(root, file)} ${hash}\n`);
  return h.digest("hex");
}

export function hashFileContent(file: string): string {
  if (file.startsWith("missing:")) return "missing";
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

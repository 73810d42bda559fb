/**
 * Reads the schemas folder of a git ref without touching the working tree (no checkout, no stash):
 * `git ls-tree` lists the files with their object ids and one `git cat-file --batch` reads them all (one process
 * for the whole tree, not one per file: a thousand contracts are three thousand files), into a scratch folder
 * inside the project (src/cache/scratch.ts) the loader can read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inputError } from "../errors.js";
import { makeScratch } from "../cache/scratch.js";

export interface RefTree {
  /** Temporary project root holding `schemas/` as it was at the ref. */
  readonly root: string;
  readonly schemasDir: string;
  dispose(): void;
}

function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync("git", args, { cwd, maxBuffer: 1024 * 1024 * 1024, ...(input !== undefined ? { input } : {}), stdio: [input !== undefined ? "pipe" : "ignore", "pipe", "pipe"] });
}

interface Blob {
  readonly oid: string;
  /** Path below the schemas folder, `/`-separated. */
  readonly inside: string;
}

/** The blobs of the schemas folder at `ref`: `ls-tree -z` lines `<mode> <type> <oid>\t<path>` (submodules skipped). */
function listBlobs(top: string, ref: string, rel: string): Blob[] {
  const out: Blob[] = [];
  for (const line of git(top, ["ls-tree", "-r", "-z", ref, "--", rel === "" ? "." : rel]).toString("utf8").split("\0")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const [, type, oid] = line.slice(0, tab).split(" ");
    const file = line.slice(tab + 1);
    const inside = rel === "" ? file : file.slice(rel.length + 1);
    if (type !== "blob" || oid === undefined || inside.split("/").includes("..")) continue;
    out.push({ oid, inside });
  }
  return out;
}

/** Every blob's bytes from one `git cat-file --batch`: each answer is `<oid> blob <size>\n<bytes>\n`. */
function readBlobs(top: string, blobs: readonly Blob[]): Buffer[] {
  if (blobs.length === 0) return [];
  const all = git(top, ["cat-file", "--batch"], blobs.map((b) => `${b.oid}\n`).join(""));
  const out: Buffer[] = [];
  let at = 0;
  for (const blob of blobs) {
    const eol = all.indexOf(10, at);
    const header = all.subarray(at, eol < 0 ? all.length : eol).toString("latin1").split(" ");
    const size = Number(header[2]);
    if (eol < 0 || header[0] !== blob.oid || header[1] !== "blob" || !Number.isSafeInteger(size) || eol + 1 + size > all.length) {
      throw new Error(`git cat-file gave no blob for ${blob.inside}`);
    }
    out.push(all.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return out;
}

export function readRefSchemas(project: { readonly rootDir: string; readonly schemasDir: string; readonly cacheDir?: string }, ref: string): RefTree {
  const schemasDir = project.schemasDir;
  let top: string;
  try {
    if (ref.startsWith("-")) throw new Error("an option, not a ref");
    top = git(schemasDir, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
    git(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw inputError("drift.git-ref", { file: ref }, `cannot resolve git ref ${JSON.stringify(ref)} (is this a git repository, and was the ref fetched?)`);
  }
  const rel = path.relative(top, schemasDir).split(path.sep).join("/");
  const scratch = makeScratch(project, "ref");
  const root = scratch.dir;
  const target = path.join(root, "schemas");
  mkdirSync(target, { recursive: true });
  try {
    const blobs = listBlobs(top, ref, rel);
    const bytes = readBlobs(top, blobs);
    blobs.forEach((blob, i) => {
      const out = path.join(target, ...blob.inside.split("/"));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, bytes[i]!);
    });
  } catch (error) {
    scratch.dispose();
    throw inputError("drift.git-read", { file: ref }, `cannot read ${rel || "."} at ${ref}: ${(error as Error).message.split("\n")[0]}`);
  }
  return { root, schemasDir: target, dispose: scratch.dispose };
}

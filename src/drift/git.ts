/**
 * Reads the schemas folder of a git ref without touching the working tree (no checkout, no stash):
 * `git ls-tree` lists the files, `git show <ref>:<path>` reads each, into a scratch folder inside the project
 * (src/cache/scratch.ts) the loader can read.
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

function git(cwd: string, args: string[]): Buffer {
  return execFileSync("git", args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

export function readRefSchemas(project: { readonly rootDir: string; readonly schemasDir: string; readonly cacheDir?: string }, ref: string): RefTree {
  const schemasDir = project.schemasDir;
  let top: string;
  try {
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
    const listing = git(top, ["ls-tree", "-r", "-z", "--name-only", ref, "--", rel === "" ? "." : rel]).toString("utf8");
    for (const file of listing.split("\0").filter((f) => f.length > 0)) {
      const inside = rel === "" ? file : file.slice(rel.length + 1);
      if (inside.split("/").includes("..")) continue;
      const out = path.join(target, ...inside.split("/"));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, git(top, ["show", `${ref}:${file}`]));
    }
  } catch (error) {
    scratch.dispose();
    throw inputError("drift.git-read", { file: ref }, `cannot read ${rel || "."} at ${ref}: ${(error as Error).message.split("\n")[0]}`);
  }
  return { root, schemasDir: target, dispose: scratch.dispose };
}

/**
 * The files the commit being made deletes, as git's index tells (relative to `cwd`): a hook is passed the files a
 * commit adds or changes, never those it deletes, and a focused check (src/incremental/focus.ts) must prove the
 * contracts those belonged to as well. undefined when git cannot tell (no git, not a work tree, an error): the
 * caller then checks the whole project.
 *
 * Asynchronous, so that git runs while the check's modules load (~10 ms at 1,000 contracts, on another core).
 */
import { execFile } from "node:child_process";

export function stagedDeletions(cwd: string): Promise<string[] | undefined> {
  // --no-renames: a renamed file's old name is a deletion; --relative: names relative to `cwd`, as the hook's are.
  const args = ["-c", "core.quotePath=false", "diff", "--cached", "--name-only", "--no-renames", "--diff-filter=D", "--relative", "-z"];
  return new Promise((resolve) => {
    try {
      execFile("git", args, { cwd, encoding: "utf8", timeout: 30_000, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout) =>
        resolve(error !== null || typeof stdout !== "string" ? undefined : stdout.split("\0").filter((name) => name !== "")),
      );
    } catch {
      resolve(undefined);
    }
  });
}

/**
 * The git hook's `check` after each change class (bench/scale.ts): the project is a git repository, each change is
 * staged as a commit would stage it, and `llm-contracts hook check <staged files>` runs as pre-commit runs it,
 * focused on the changed files' contracts (src/incremental/focus.ts), alternating with `node -e 0`; the change is
 * then built and committed (untimed). The whole-project `check` after the same classes is scale.ts's own row.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChangeClass } from "./scale-changes.js";

export interface HookRunner<T> {
  /** Runs the CLI with `args` in `cwd`, accepting the given exit codes. */
  readonly cli: (cwd: string, args: readonly string[], ok?: readonly number[]) => T;
  readonly baseline: (cwd: string) => T;
}

function git(root: string, ...args: string[]): string | undefined {
  const r = spawnSync("git", ["-c", "user.email=bench@llm-contracts", "-c", "user.name=bench", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
}

/** Makes `root` a repository with everything committed; false when git is missing or fails (the rows are skipped). */
export function commitAll(root: string): boolean {
  // The build cache lives in node_modules/.cache: a project keeps it out of its history.
  if (!existsSync(path.join(root, ".gitignore"))) writeFileSync(path.join(root, ".gitignore"), "node_modules/\n");
  if (git(root, "rev-parse", "--is-inside-work-tree")?.trim() !== "true" && git(root, "init", "-q") === undefined) return false;
  return git(root, "add", "-A") !== undefined && git(root, "commit", "-qm", "bench", "--allow-empty") !== undefined;
}

/** Per round: the change, staged; `node -e 0`; the hook's check on the staged files; then build and commit. */
export function hookRounds<T>(root: string, index: number, change: ChangeClass, rounds: number, firstRound: number, run: HookRunner<T>): { node: T[]; hook: T[] } {
  const out = { node: [] as T[], hook: [] as T[] };
  for (let r = 0; r < rounds; r++) {
    change.apply(root, index, firstRound + r);
    git(root, "add", "-A");
    const staged = (git(root, "diff", "--cached", "--name-only", "-z") ?? "").split("\0").filter((f) => f !== "");
    out.node.push(run.baseline(root));
    // Exit 1 when the change leaves generated/ stale (a schema edit before `build`): the check has still run.
    out.hook.push(run.cli(root, ["hook", "check", ...staged], [0, 1]));
    run.cli(root, ["build"]);
    git(root, "add", "-A");
    git(root, "commit", "-qm", `round ${firstRound + r}`);
  }
  return out;
}

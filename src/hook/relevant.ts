/**
 * Which changed files concern llm-contracts, for git hooks (pre-commit, lint-staged, a plain pre-commit script).
 *
 * Why the CLI decides and not the hook's file pattern: a pattern in `.pre-commit-hooks.yaml` is fixed when the hook
 * is published (`^schemas/|^generated/`), but every project picks its own folders (`schemasDir`, `outDir` in the
 * config, `migrationsDir` per contract). So the hook passes every changed file and this module compares them with
 * the project's configured folders.
 */
import path from "node:path";
import type { Project } from "../config/config.js";
import { discoverContracts } from "../discover/discover.js";
import { migrationSettings } from "../migrate/layout.js";

/** The folders and files whose change means `check`/`drift` must run (absolute paths). */
export function watchedPaths(project: Project): { dirs: string[]; files: string[] } {
  const dirs = [project.schemasDir, project.outDir];
  const files = project.configFile !== undefined ? [project.configFile] : [];
  try {
    for (const contract of discoverContracts(project).contracts) dirs.push(migrationSettings(project, contract).migrationsDir);
  } catch {
    // An unreadable manifest is under schemasDir, which is watched anyway; check itself reports it.
  }
  return { dirs, files };
}

/** The changed files (relative to `cwd` or absolute) that lie in a watched folder or are the config file. */
export function relevantFiles(project: Project, changed: readonly string[], cwd: string): string[] {
  const { dirs, files } = watchedPaths(project);
  return changed.filter((file) => {
    const abs = path.resolve(cwd, file);
    return files.includes(abs) || dirs.some((dir) => abs === dir || abs.startsWith(dir + path.sep));
  });
}

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

/**
 * The folders and files whose change means `check`/`drift` must run (absolute paths). `withMigrations` false: the
 * schemas and output folders and the config only, without reading any contract's manifest.
 */
export function watchedPaths(project: Project, withMigrations = true): { dirs: string[]; files: string[] } {
  const dirs = [project.schemasDir, project.outDir];
  const files = project.configFile !== undefined ? [project.configFile] : [];
  if (!withMigrations) return { dirs, files };
  try {
    for (const contract of discoverContracts(project).contracts) dirs.push(migrationSettings(project, contract).migrationsDir);
  } catch {
    // An unreadable manifest is under schemasDir, which is watched anyway; check itself reports it.
  }
  return { dirs, files };
}

/**
 * The changed files (relative to `cwd` or absolute) that lie in a watched folder or are the config file. Why the
 * contracts' migration folders are read only for a file outside the others: a commit's files are nearly always in
 * the schemas or output folder, and listing every contract's manifest costs ~100 ms at 1,000 contracts.
 */
export function relevantFiles(project: Project, changed: readonly string[], cwd: string): string[] {
  const within = (watched: { dirs: string[]; files: string[] }) => (file: string): boolean => {
    const abs = path.resolve(cwd, file);
    return watched.files.includes(abs) || watched.dirs.some((dir) => abs === dir || abs.startsWith(dir + path.sep));
  };
  const near = within(watchedPaths(project, false));
  if (changed.every(near)) return [...changed];
  return changed.filter(within(watchedPaths(project)));
}

/**
 * The TypeScript a contract's upgrade chain is made of: the generated modules (from the plan, so a check sees what
 * `build` would write) and the user's migration folders, each keyed by absolute path.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { CompileResult } from "../shapes/compiled.js";
import { displayPath, type Project } from "../config/config.js";
import { readInputBytes } from "../load/read-source.js";
import { migrationSettings } from "./layout.js";

export function chainSources(project: Project, compiled: Pick<CompileResult, "plan" | "contracts">): Map<string, string> {
  const files = new Map<string, string>();
  for (const [rel, text] of compiled.plan) if (rel.endsWith(".ts")) files.set(path.join(project.outDir, ...rel.split("/")), text);
  for (const file of migrationFiles(project, compiled)) files.set(file, readInputBytes(file, displayPath(project.rootDir, file)).toString("utf8"));
  return files;
}

/** Every `.ts` file in the contracts' migration folders (helpers a migration imports included). */
export function migrationFiles(project: Project, compiled: Pick<CompileResult, "contracts">): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !e.name.startsWith(".")) out.push(abs);
    }
  };
  for (const contract of compiled.contracts) if (contract.versions.length > 1) walk(migrationSettings(project, contract).migrationsDir);
  return [...new Set(out)];
}

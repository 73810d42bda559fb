import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { writeTree } from "../util/generated.js";
import { transpileTo } from "../util/typecheck-dir.js";

/** `schemas/<contract>/migrations/*.ts` of a project, keyed by project-relative path. */
export function migrationTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const schemas = path.join(root, "schemas");
  if (!existsSync(schemas)) return out;
  for (const contract of readdirSync(schemas).sort()) {
    const dir = path.join(schemas, contract, "migrations");
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith(".ts")) out.set(`schemas/${contract}/migrations/${f}`, readFileSync(path.join(dir, f), "utf8"));
  }
  return out;
}

/** Transpiles a generated tree (as `generated/...`) plus migrations into a temp folder and imports `generated/index.js`. */
export async function importWithMigrations(generated: ReadonlyMap<string, string>, migrations: ReadonlyMap<string, string>): Promise<Record<string, unknown>> {
  const files = new Map([...[...generated].map(([rel, text]) => [`generated/${rel}`, text] as const), ...migrations]);
  const dir = writeTree(transpileTo(files), "llm-contracts-chain-");
  return (await import(pathToFileURL(path.join(dir, "generated", "index.js")).href)) as Record<string, unknown>;
}

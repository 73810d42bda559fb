/**
 * A step module that holds another contract's migration: two contracts whose `migrationsDir` lead to one folder
 * share its file names (`v1-to-v2.ts`), and `build` would add this contract's function and imports to the other
 * contract's module, the user's own code. Refused instead, naming the file and the contract it belongs to.
 *
 * Why by the module's text and not by comparing every contract's setting: a run redoing one contract (src/incremental)
 * does not read the others' manifests, and the text is read here anyway. A function of a contract that no longer
 * exists (a renamed contract) is not another contract's: its module is brought in step as before.
 */
import { readdirSync } from "node:fs";
import type { Project } from "../config/config.js";
import { CONTRACT_NAME } from "../discover/discover.js";
import { pascalCase } from "../emit/codegen/escape.js";
import { inputError } from "../errors.js";
import type { MigrationStep } from "./layout.js";

// Linear: fixed words between single whitespace runs; the name part is one character class.
const STEP_FUNCTION = /\bexport\s+(?:async\s+)?function\s+(migrate([A-Z][A-Za-z0-9]*)V[1-9][0-9]*ToV[1-9][0-9]*)\b/g;

/** Throws `migration.shared-folder` when `text`, the module at `step.file`, is another existing contract's. */
export function assertOwnStepModule(project: Project, step: MigrationStep, text: string): void {
  const others = new Set<string>();
  for (const m of text.matchAll(STEP_FUNCTION)) {
    if (m[1] === step.functionName) return;
    others.add(m[2]!);
  }
  if (others.size === 0) return;
  const owner = contractFolders(project).find((name) => name !== step.contract && others.has(pascalCase(name)));
  if (owner === undefined) return;
  throw inputError(
    "migration.shared-folder",
    { file: step.display },
    `this module is ${owner}'s migration, not ${step.contract}'s: both contracts' migrationsDir lead to one folder; give each contract its own (e.g. src/migrations/${step.contract})`,
  );
}

function contractFolders(project: Project): string[] {
  try {
    return readdirSync(project.schemasDir, { withFileTypes: true }).filter((e) => e.isDirectory() && CONTRACT_NAME.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}

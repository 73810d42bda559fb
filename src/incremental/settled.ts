/**
 * Change classes, for the steps `check` runs after the compile (drift, lint, the migration gate...): a contract
 * redone only because its golden examples changed (edited, added or removed) is "settled" for those steps. They
 * read its schemas, manifest and migrations, never its examples, so their findings for it are the ones the
 * previous run recorded in its unit (units.ts), and the steps do not run for it at all: no drift comparison, no
 * TypeScript for the migration gate. Its examples themselves are run again by the compile (through the cached
 * validator code, src/compile/examples-again.ts), or by check's examples-only lane (examples-lane.ts).
 *
 * Every other change redoes everything for the contract: a schema (annotation or assertion), its manifest, a
 * migration, its output folder, a shared file it reads; and the whole project for the config or the tool (scope.ts).
 * Toolset members are never settled (their budgets are computed over every member), nor a unit left to redo.
 */
import path from "node:path";
import type { Diagnostic } from "../errors.js";
import type { Project } from "../config/config.js";
import type { CompileResult } from "../shapes/compiled.js";
import type { Changes } from "./changes.js";
import type { Scope } from "./scope.js";
import { isInside } from "./units.js";

/** The redone contracts whose only changes are golden examples (see above); empty for a whole run. */
export function settledContracts(project: Project, scope: Scope | undefined, changes: Changes | undefined): ReadonlySet<string> {
  const settled = new Set<string>();
  if (scope === undefined || changes === undefined) return settled;
  const members = new Set(Object.values(project.toolsets).flat());
  for (const unit of scope.previous) {
    if (unit.redo === true || members.has(unit.name)) continue;
    const schemas = unit.roots[0];
    if (schemas === undefined) continue;
    const examples = path.join(schemas, "examples");
    // Every change that lies in one of its folders, or in a file its schemas were loaded from.
    const read = new Set(unit.read.map((display) => path.resolve(project.rootDir, display)));
    const own = changes.changed.filter((abs) => read.has(abs) || unit.roots.some((root) => isInside(abs, root)));
    if (own.length > 0 && own.every((abs) => isInside(abs, examples) && abs !== examples)) settled.add(unit.name);
  }
  return settled;
}

/** What the steps are handed: the compile without the settled contracts. */
export function stepInput(compiled: CompileResult, settled: ReadonlySet<string>): CompileResult {
  if (settled.size === 0) return compiled;
  return {
    ...compiled,
    contracts: compiled.contracts.filter((c) => !settled.has(c.name)),
    versions: compiled.versions.filter((v) => !settled.has(v.contract.name)),
    slices: compiled.slices.filter((s) => !settled.has(s.name)),
  };
}

/** The settled contracts' step findings of the previous run, added to `found` under their categories (from `firstStep`). */
export function carrySettled(scope: Scope | undefined, settled: ReadonlySet<string>, firstStep: number, found: Diagnostic[][]): void {
  for (const unit of scope?.previous ?? []) {
    if (!settled.has(unit.name)) continue;
    for (const f of unit.findings) if (f.category >= firstStep) found[f.category]?.push(f.diagnostic);
  }
}

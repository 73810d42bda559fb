/**
 * Putting a run's result together from the contracts it redid and the units of the others, in one order that
 * does not depend on which contracts were redone: a run that redid one contract prints exactly what a run that
 * redid all of them prints.
 *
 * The order of findings after the compile: by category (`generated.missing`, `stale`, `edited`, `extra`, then
 * each check step in turn), then by owner (the project's own files first, then contracts by name), then in the
 * order the run found them.
 */
import type { CompileResult } from "../shapes/compiled.js";
import { cmp } from "../discover/discover.js";
import { uniqueDiagnostics, type Diagnostic } from "../errors.js";
import type { Project } from "../config/config.js";
import type { Scope } from "./scope.js";
import { attribution, PROJECT, readsAcross, unitRoots, type ContractUnit, type Finding } from "./units.js";

export interface Totals {
  readonly contracts: number;
  readonly versions: number;
  readonly examples: number;
  readonly files: number;
  readonly warnings: readonly Diagnostic[];
}

/** Counts and warnings of the whole project: the redone contracts' and the others'. */
export function totals(compiled: CompileResult, scope: Scope | undefined): Totals {
  const others = scope?.others ?? [];
  const warnings = [...compiled.slices.map((s) => [s.name, s.warnings] as const), ...others.map((u) => [u.name, u.warnings] as const)]
    .sort((a, b) => cmp(a[0], b[0]))
    .flatMap(([, w]) => w);
  return {
    contracts: compiled.contracts.length + others.length,
    versions: compiled.versions.length + others.reduce((n, u) => n + u.compiled.length, 0),
    examples: compiled.examples + others.reduce((n, u) => n + u.examples, 0),
    files: compiled.plan.size + others.reduce((n, u) => n + u.files, 0),
    // Once each: a shared file's warning comes from every version that bundles it.
    warnings: uniqueDiagnostics(compiled.scope === undefined ? compiled.warnings : warnings),
  };
}

/** This run's findings after the compile (one list per category) with the others' recorded ones, in order. */
export function orderFindings(project: Project, compiled: CompileResult, scope: Scope | undefined, found: readonly (readonly Diagnostic[])[]): { problems: Diagnostic[]; owned: Map<string, Finding[]> | undefined } {
  const others = scope?.others ?? [];
  const roots = new Map<string, { roots: readonly string[] }>(others.map((u) => [u.name, u]));
  for (const c of compiled.contracts) roots.set(c.name, { roots: unitRoots(project, c) });
  const ownerOf = attribution(project, roots);
  const redone = new Set(compiled.contracts.map((c) => c.name));
  const rows: { category: number; owner: string; at: number; d: Diagnostic }[] = [];
  const owned = new Map<string, Finding[]>();
  let carried = true;
  found.forEach((list, category) => {
    for (const d of list) {
      const owner = ownerOf(d);
      // A finding nobody owns, or one in a contract this run did not redo, could not be carried: no units.
      if (owner === undefined || (owner !== PROJECT && !redone.has(owner))) carried = false;
      else if (owner !== PROJECT) {
        const list = owned.get(owner);
        if (list === undefined) owned.set(owner, [{ category, diagnostic: d }]);
        else list.push({ category, diagnostic: d });
      }
      rows.push({ category, owner: owner ?? PROJECT, at: rows.length, d });
    }
  });
  for (const u of others) for (const f of u.findings) rows.push({ category: f.category, owner: u.name, at: rows.length, d: f.diagnostic });
  rows.sort((a, b) => a.category - b.category || (a.owner === b.owner ? 0 : a.owner === PROJECT ? -1 : b.owner === PROJECT ? 1 : cmp(a.owner, b.owner)) || a.at - b.at);
  return { problems: rows.map((r) => r.d), owned: carried ? owned : undefined };
}

/**
 * The units to record after a run: the redone contracts' (with their findings) and the others' as they were.
 * After input problems, a run that redid only some contracts keeps the others' units and marks its own to be
 * redone; a whole run with problems leaves none. undefined when the next run could not rely on them (a finding
 * nobody owns, a contract reading another's files).
 */
export function nextUnits(project: Project, compiled: CompileResult, scope: Scope | undefined, owned: ReadonlyMap<string, readonly Finding[]> | undefined): ContractUnit[] | undefined {
  if (compiled.problems.length > 0) {
    if (scope === undefined || scope.previous.length !== scope.names.size) return undefined;
    return [...scope.others, ...scope.previous.map((u): ContractUnit => ({ ...u, redo: true }))].sort((a, b) => cmp(a.name, b.name));
  }
  if (owned === undefined) return undefined;
  const sources = new Map(compiled.contracts.map((c) => [c.name, c]));
  const redone = compiled.slices.map((s): ContractUnit => ({ ...s, roots: unitRoots(project, sources.get(s.name)!), findings: owned.get(s.name) ?? [] }));
  const units = [...redone, ...(scope?.others ?? [])].sort((a, b) => cmp(a.name, b.name));
  return readsAcross(project, units) ? undefined : units;
}

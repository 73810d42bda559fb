/**
 * The incremental run's two ends, for `build` and `check` (src/api/build.ts): which contracts to redo, and what
 * to leave for the next run.
 */
import type { CacheSession } from "../cache/session.js";
import type { Project } from "../config/config.js";
import { changedPaths, type Changes } from "./changes.js";
import { findScope, type Scope } from "./scope.js";
import { decodeUnits, encodeUnits, type ContractUnit } from "./units.js";

export type { Scope } from "./scope.js";
export { reuseOthers } from "./reuse.js";

/** What this run must redo, and what it found; `scope` undefined: the whole project (no usable units, or a change no contract owns). */
export function openScope(session: CacheSession<unknown>, project: Project): { scope?: Scope; changes?: Changes } {
  if (process.env["LLM_CONTRACTS_INCREMENTAL"] === "0") return {};
  const snap = session.previousSnapshot;
  const text = snap === undefined ? undefined : session.previousUnits();
  const units = text === undefined ? undefined : decodeUnits(text);
  if (snap === undefined || units === undefined) return {};
  const changes = changedPaths(snap, session.startedAt, new Set(units.flatMap((u) => u.roots)), session.provenEntries);
  if (changes !== undefined) session.learnFromWalk(changes.records, changes.changed);
  const scope = changes === undefined ? undefined : findScope(project, units, changes.changed);
  if (process.env["LLM_CONTRACTS_TRACE"] === "1") console.error(`scope: ${scope === undefined ? "whole project" : [...scope.names].sort().join(", ")}; changed: ${(changes?.changed ?? []).slice(0, 5).join(", ")}`);
  return scope === undefined || changes === undefined ? {} : { scope, changes };
}

/** The top-level output folders a scoped run leaves as they are. */
export function keptFolders(scope: Scope | undefined): ReadonlySet<string> | undefined {
  return scope === undefined ? undefined : new Set(scope.others.map((u) => u.name));
}

/** Migration folders outside the schemas folder of the contracts not redone: the snapshot must still cover them. */
export function otherMigrationFolders(scope: Scope | undefined): string[] {
  return (scope?.others ?? []).flatMap((u) => u.roots.slice(2));
}

export function unitsText(units: readonly ContractUnit[] | undefined): string | undefined {
  return units === undefined ? undefined : encodeUnits(units);
}

/**
 * The incremental run's two ends, for `build` and `check` (src/api/build.ts): which contracts to redo, and what
 * to leave for the next run.
 */
import type { CacheSession } from "../cache/session.js";
import type { Project } from "../config/config.js";
import { changedPaths, type Changes } from "./changes.js";
import { findScope, type Scope } from "./scope.js";
import { focusOf, type Focus } from "./focus.js";
import { decodeUnits, encodeUnits, type ContractUnit } from "./units.js";

export type { Scope } from "./scope.js";
export type { Focus } from "./focus.js";
export { reuseOthers } from "./reuse.js";

/**
 * Focuses the session on the contracts the `changed` files (absolute) belong to (focus.ts), before its replay;
 * undefined when the run must be a whole one (then the session is left as it was).
 */
export function focusSession(session: CacheSession<unknown>, project: Project, changed: readonly string[]): Focus | undefined {
  if (process.env["LLM_CONTRACTS_INCREMENTAL"] === "0") return undefined;
  const units = previousUnits(session);
  const focus = units === undefined ? undefined : focusOf(project, units, changed);
  if (focus !== undefined) session.trust(focus.trusted);
  return focus;
}

/** The units the previous run left, decoded once per session. */
const decoded = new WeakMap<CacheSession<unknown>, ContractUnit[] | undefined>();
function previousUnits(session: CacheSession<unknown>): ContractUnit[] | undefined {
  if (decoded.has(session)) return decoded.get(session);
  const text = session.previousSnapshot === undefined ? undefined : session.previousUnits();
  const units = text === undefined ? undefined : decodeUnits(text);
  decoded.set(session, units);
  return units;
}

/**
 * What this run must redo, and what it found; `scope` undefined: the whole project (no usable units, or a change no
 * contract owns); `unchanged`: the walk proved every entry as recorded, so the previous result stands.
 */
export function openScope(session: CacheSession<unknown>, project: Project): { scope?: Scope; changes?: Changes; unchanged?: true } {
  if (process.env["LLM_CONTRACTS_INCREMENTAL"] === "0") return {};
  const snap = session.previousSnapshot;
  const units = previousUnits(session);
  if (snap === undefined || units === undefined) return {};
  const changes = changedPaths(snap, session.startedAt, new Set(units.flatMap((u) => u.roots)), session.provenEntries, session.trusted);
  if (changes !== undefined) session.learnFromWalk(changes.records, changes.changed);
  const scope = changes === undefined ? undefined : findScope(project, units, changes.changed);
  if (process.env["LLM_CONTRACTS_TRACE"] === "1") console.error(`scope: ${scope === undefined ? "whole project" : [...scope.names].sort().join(", ")}; changed: ${(changes?.changed ?? []).slice(0, 5).join(", ")}`);
  // Nothing changed is a replay (what a focused run, which skips the replay's walk, learns from this one).
  if (changes !== undefined && changes.changed.length === 0) return { unchanged: true };
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

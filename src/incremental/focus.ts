/**
 * A check focused on the files a commit changed (the git hook's run, cli/commands/hook.ts): the contracts those
 * files belong to are proved against the previous run's snapshot entry by entry, and every other contract's
 * entries are taken as that snapshot recorded them, without a stat. What it costs is then what the change costs:
 * at 1,000 contracts a full walk stats ~28,000 paths to find the one file a commit edited.
 *
 * What the focused run claims: every contract a changed file belongs to, and the project's own files (the config,
 * the tool, the output folder's shared files), are checked exactly as a whole run checks them; about the others it
 * claims nothing, and it reports none of their findings (`withinFocus`): they were recorded by an earlier run, for
 * files a branch switch may have replaced since, and would fail a commit that never touched them. The whole
 * project is `check`'s (CI's) to prove; the result a focused run records for later runs is the whole one.
 *
 * Why that stays sound for later runs: the taken-over entries are still the previous run's claims about the files,
 * each proved or refuted by the next whole walk. Only their age changes meaning: a stat proves an entry only when it
 * is older than the recording run's start (files.ts RACY_MS), so a focused run keeps the previous snapshot's start
 * (CacheSession.record); an entry it records afresh is then merely re-hashed by the next run, never trusted early.
 *
 * A focus is refused (the run checks the whole project) whenever a changed path lies in no contract's folders and
 * no contract's schemas read it (a shared schema file's readers are the focus), since the whole run is the one that
 * can tell: the config, a contract added or removed, a published lock, a file of the output folder's own; also when
 * the focus would hold more than half the contracts, or the previous run left a contract to redo.
 */
import path from "node:path";
import type { Project } from "../config/config.js";
import type { Location } from "../errors.js";
import { keptUnder } from "../cache/snapshot-format.js";
import type { ContractUnit } from "./units.js";
import { isInside } from "./units.js";
import { MAX_SHARE, readersOf } from "./scope.js";

export interface Focus {
  /** The contracts the changed files belong to (and their toolsets' members). */
  readonly names: ReadonlySet<string>;
  /** Whether a recorded path lies in a folder of a contract outside the focus: taken as recorded. */
  readonly trusted: (abs: string) => boolean;
}

/** The focus for `changed` (absolute paths), or undefined when the run must be a whole one (see above). */
export function focusOf(project: Project, units: readonly ContractUnit[], changed: readonly string[]): Focus | undefined {
  if (changed.length === 0 || units.some((u) => u.redo === true)) return undefined;
  const byName = new Map(units.map((u) => [u.name, u]));
  const readers = readersOf(project, units, changed);
  const names = new Set<string>();
  for (const abs of changed) {
    const owners = units.filter((u) => u.roots.some((r) => isInside(abs, r))).map((u) => u.name);
    const found = owners.length > 0 ? owners : (readers.get(abs) ?? []);
    if (found.length === 0) return undefined;
    for (const name of found) names.add(name);
  }
  for (const members of Object.values(project.toolsets)) if (members.some((m) => names.has(m))) for (const m of members) if (byName.has(m)) names.add(m);
  // A focus over more than the share a scoped run takes is a whole run: it costs the same.
  if (names.size > units.length * MAX_SHARE) return undefined;
  const roots = new Set<string>();
  for (const u of units) if (!names.has(u.name)) for (const r of u.roots) roots.add(r);
  // A folder some focused contract shares with another (an unusual migrationsDir) is never taken over.
  for (const u of units) if (names.has(u.name)) for (const r of u.roots) roots.delete(r);
  return { names, trusted: keptUnder(roots) };
}

/** The findings a focused run reports: all but those in the folders of a contract outside the focus. */
export function withinFocus<T extends Location>(focus: Focus, rootDir: string, found: readonly T[]): T[] {
  return found.filter((d) => d.file === "" || !focus.trusted(path.resolve(rootDir, d.file)));
}

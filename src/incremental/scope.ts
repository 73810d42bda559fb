/**
 * Work proportional to the change: from what changed since the previous run of the same command (its snapshot)
 * and the units it left (units.ts), the contracts to redo. Everything else is taken from the units.
 *
 * A change is attributed to a contract when it lies in one of its folders (schemas, output, migrations) or is a
 * shared file its schemas were loaded from. A change to the project's own output files (`index.ts`, `_sdk/`,
 * `_toolsets/`, `_runtime/`) needs no contract: those are made again by every run (one that redoes a contract;
 * with such changes alone, the whole project is done again). Anything else (the config,
 * the tool, a contract added or removed, a file nobody's schema read) means the whole project is done again.
 */
import path from "node:path";
import type { Project } from "../config/config.js";
import type { ContractUnit } from "./units.js";
import { isInside } from "./units.js";

export interface Scope {
  /** The contracts to redo, toolset members included. */
  readonly names: ReadonlySet<string>;
  /** The units of the others, in name order. */
  readonly others: readonly ContractUnit[];
  /** The previous units of the contracts to redo. */
  readonly previous: readonly ContractUnit[];
  /** The contracts to redo whose manifest (contract.json) the previous run read and validated, unchanged since. */
  readonly proven: ReadonlySet<string>;
}

/** Redoing more than this share of the contracts is done as a whole run (it costs the same and is simpler). */
export const MAX_SHARE = 0.5;

/**
 * The contracts whose schemas read each of the `changed` paths (absolute): a shared file's readers. Only a read path
 * that may resolve to a changed one is resolved (~4,000 read paths at 1,000 contracts, a handful of changes):
 * path.resolve keeps a path's last segment as written unless it is empty, "." or "..".
 */
export function readersOf(project: Project, units: readonly ContractUnit[], changed: readonly string[]): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const changedNames = new Set(changed.map((abs) => path.basename(abs)));
  const mayBeChanged = (display: string): boolean => {
    const last = display.slice(Math.max(display.lastIndexOf("/"), display.lastIndexOf(path.sep)) + 1);
    return last === "" || last === "." || last === ".." || changedNames.has(last);
  };
  for (const u of units) {
    for (const display of u.read) {
      if (!mayBeChanged(display)) continue;
      const abs = path.resolve(project.rootDir, display);
      const list = readers.get(abs);
      if (list === undefined) readers.set(abs, [u.name]);
      else list.push(u.name);
    }
  }
  return readers;
}

export function findScope(project: Project, units: readonly ContractUnit[], changed: readonly string[]): Scope | undefined {
  const byName = new Map(units.map((u) => [u.name, u]));
  const readers = readersOf(project, units, changed);
  // A contract a run could not finish (input problems) is redone by every run until one finishes it.
  const names = new Set(units.filter((u) => u.redo === true).map((u) => u.name));
  for (const abs of changed) {
    if (abs === project.schemasDir || abs === project.outDir) return undefined;
    if (isInside(abs, project.outDir)) {
      const top = path.relative(project.outDir, abs).split(path.sep)[0]!;
      if (byName.has(top)) names.add(top);
      continue;
    }
    const owners = units.filter((u) => u.roots.some((r) => isInside(abs, r))).map((u) => u.name);
    const shared = readers.get(abs) ?? [];
    if (owners.length + shared.length === 0) return undefined;
    for (const n of [...owners, ...shared]) names.add(n);
  }
  // Toolset files and budgets are made from every member: members are always redone (usually a handful).
  for (const members of Object.values(project.toolsets)) for (const m of members) if (byName.has(m)) names.add(m);
  // No contract to redo (only the project's own output files changed): the whole project. Why: those files are
  // made again from the compiled versions, and some of them only by the versions' plan extensions
  // (`_standard.ts`, `_json-schema.ts`), so a compile of no contract would plan them as gone.
  if (names.size === 0 || names.size > units.length * MAX_SHARE) return undefined;
  const previous = units.filter((u) => names.has(u.name));
  const touched = new Set(changed);
  const proven = new Set(previous.filter((u) => u.redo !== true && u.roots[0] !== undefined && !touched.has(path.join(u.roots[0], "contract.json"))).map((u) => u.name));
  return { names, others: units.filter((u) => !names.has(u.name)), previous, proven };
}

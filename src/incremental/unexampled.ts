/**
 * The versions without golden examples an incremental `build` reports (the CLI's hint), without discovering the
 * whole project again: the previous run's entries of the contracts it did not redo, which the changes walk proved
 * unchanged (every file under schemas/<contract>, its examples folders included, is one of the contract's roots),
 * and the redone contracts' fresh ones, in the order a whole discovery lists them (contract name in code-unit order,
 * then version). Rediscovering 1,000 contracts for this list cost ~130 ms of a one-schema build.
 */
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import { cmp } from "../discover/discover.js";

/** `<contract> v<N>` per version without examples, and the examples folder to add for the first (src/compile/examples.ts). */
export interface UnexampledList {
  readonly versions: readonly string[];
  readonly firstFolder?: string;
}

const ENTRY = /^(\S+) v([1-9][0-9]*)$/;

/**
 * The whole project's list: `previous` (the last run's, over the whole project) with the entries of `redo` replaced
 * by `redone` (those contracts' fresh list). Undefined when `previous` is missing or holds an entry of another form
 * (written by another release): the caller then discovers the whole project, as a run without a cache does.
 */
export function carryUnexampled(project: Project, previous: UnexampledList | undefined, redo: ReadonlySet<string>, redone: UnexampledList): UnexampledList | undefined {
  if (previous === undefined) return undefined;
  const entries: (readonly [string, number])[] = [];
  for (const [list, keep] of [[previous, (c: string) => !redo.has(c)], [redone, () => true]] as const) {
    for (const entry of list.versions) {
      const m = ENTRY.exec(entry);
      if (m === null) return undefined;
      if (keep(m[1]!)) entries.push([m[1]!, Number(m[2])]);
    }
  }
  entries.sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]);
  const versions = entries.map(([c, v]) => `${c} v${v}`);
  const first = entries[0];
  if (first === undefined) return { versions };
  return { versions, firstFolder: displayPath(project.rootDir, path.join(project.schemasDir, first[0], "examples", `v${first[1]}`)) };
}

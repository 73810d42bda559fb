/**
 * The name registry's verdict (names.ts) kept in the cache, keyed by everything it is computed from: each
 * contract's name, source folder and versions, the toolsets, the display paths it names and the planned file
 * names. Why: at 1,000 contracts the claims are ~15,000 derived names, about a tenth of the CPU of a `check` that
 * redid one contract, and a commit rarely changes any of them. The verdict is a pure function of that key (and
 * of the tool, which every cache key is bound to), so a hit is the same list a computation would give.
 */
import type { Project } from "../config/config.js";
import { displayPath } from "../config/config.js";
import type { CacheStore } from "../cache/store.js";
import type { Diagnostic } from "../errors.js";
import type { ContractIndexInput } from "../emit/modules/indexes.js";
import type { WritePlan } from "../write/plan.js";
import { nameCollisions } from "./names.js";

export function cachedNameCollisions(project: Project, indexes: readonly ContractIndexInput[], plan: WritePlan, store: CacheStore | undefined): Diagnostic[] {
  if (store === undefined) return nameCollisions(project, indexes, plan);
  const input = JSON.stringify([
    project.rootDir,
    displayPath(project.rootDir, project.outDir),
    project.configFile === undefined ? null : displayPath(project.rootDir, project.configFile),
    Object.keys(project.toolsets).sort(),
    indexes.map((c) => [c.contract, c.source, c.versions]),
    [...plan.keys()].sort(),
  ]);
  const key = store.key("names", input);
  const hit = store.get<Diagnostic[]>(key);
  if (Array.isArray(hit)) return hit;
  const found = nameCollisions(project, indexes, plan);
  store.set(key, found);
  return found;
}

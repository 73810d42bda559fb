/**
 * The name registry's verdict (names.ts) kept in the cache in two parts, each keyed by everything it is computed
 * from: the shared modules' identifiers (each contract's name, source folder and versions, the toolsets, the config's
 * display path) and the planned file names. Why: at 1,000 contracts the claims are ~15,000 derived names, about a
 * tenth of the CPU of a `check` that redid one contract. A scoped run plans only the contracts it redoes, so a key
 * holding the plan changed with every contract edited; the identifiers do not, and are now found under the same key
 * whichever contract a commit touched (an example, annotation or assertion edit changes none of them).
 *
 * Why two parts equal the one computation: identifier claims (scopes of modules) and file claims (scope "file")
 * never share a registry key, and a pair of sources is keyed by the two blamed files, which are contract folders,
 * the config or the runtime for identifiers and paths under the output folder for files. While no identifier
 * claim blames a path under the output folder (checked here; otherwise the whole list is computed at once), no
 * pair is shared either, and every identifier pair is met before any file pair: the list is the identifiers' then
 * the files'. Each part is a pure function of its key (and of the tool, which every cache key is bound to).
 */
import type { Project } from "../config/config.js";
import { CONFIG_FILE, displayPath } from "../config/config.js";
import type { CacheStore } from "../cache/store.js";
import type { Diagnostic } from "../errors.js";
import type { ContractIndexInput } from "../emit/modules/indexes.js";
import { collisions } from "../names/registry.js";
import type { WritePlan } from "../write/plan.js";
import { fileClaimPrefix, fileClaims, identifierClaims, nameCollisions } from "./names.js";

/** Below this many planned files (a scoped run's plan) the file part is computed: cheaper than an entry per scope. */
const PLAN_CACHED = 2048;

export function cachedNameCollisions(project: Project, indexes: readonly ContractIndexInput[], plan: WritePlan, store: CacheStore | undefined): Diagnostic[] {
  if (store === undefined) return nameCollisions(project, indexes, plan);
  const prefix = fileClaimPrefix(project);
  const configFile = project.configFile === undefined ? CONFIG_FILE : displayPath(project.rootDir, project.configFile);
  if (configFile.startsWith(prefix) || indexes.some((c) => c.source.startsWith(prefix))) return nameCollisions(project, indexes, plan);
  const ids = cached(store, "nameids", JSON.stringify([project.rootDir, configFile, Object.keys(project.toolsets).sort(), indexes.map((c) => [c.contract, c.source, c.versions])]), () =>
    collisions(identifierClaims(project, indexes)),
  );
  const files = (): Diagnostic[] => collisions(fileClaims(project, plan));
  return [...ids, ...(plan.size < PLAN_CACHED ? files() : cached(store, "namefiles", JSON.stringify([prefix, [...plan.keys()].sort()]), files))];
}

function cached(store: CacheStore, namespace: string, input: string, compute: () => Diagnostic[]): Diagnostic[] {
  const key = store.key(namespace, input);
  const hit = store.get<Diagnostic[]>(key);
  if (Array.isArray(hit)) return hit;
  const found = compute();
  store.set(key, found);
  return found;
}

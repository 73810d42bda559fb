/**
 * The outcome of a version's golden examples (its problems and how many ran), kept in the compile's cache under the
 * validator code they ran through and the example files' contents.
 *
 * Why: an annotation-only schema edit compiles its version again, but its validator comes from the blind cache
 * (validator-cache.ts), the very code the examples ran through before, and its examples did not change. Running
 * them again (importing the validator code as a module, then the runtime the generated code ships with, src/runtime)
 * gave the same outcome at the cost of a few milliseconds and a dozen modules.
 *
 * Why the outcome cannot change: examples-run.ts reads nothing but the examples folder's `valid/` and `invalid/`
 * listings, the files listed (by their bytes), the validator code and the runtime (the tool, which every key is
 * bound to); the key holds each listed name with its content hash, the code, the folder and the project root the
 * problems' display paths are made from. What is not in the key is never cached: a listing with an entry that is
 * not a plain file (a link may lead out of the project, which the run refuses; a folder named `x.json`), or one
 * the hasher cannot read, runs the examples; so does a run that throws (its error names this run's file). Only
 * this thread's cache is asked (a worker has none); what a run gave travels back with its outcome (`entries`).
 *
 * The cache is hostile input: an entry of another shape is a miss.
 */
import { readdirSync, type Dirent } from "node:fs";
import { lstatSync } from "../contain/stat.js";
import path from "node:path";
import type { Project } from "../config/config.js";
import type { ContractSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import type { CompileCache } from "../cache/version.js";
import { cmp } from "../discover/discover.js";
import { contentHash } from "../cache/files.js";
import { isDiagnostic, type CacheEntryOut } from "./validator-cache.js";

const NAMESPACE = "examples-run";

export interface ExamplesOutcome {
  readonly problems: Diagnostic[];
  readonly count: number;
}

/**
 * The examples' outcome under `code`: from `cache` when these very files ran through this code before, else from
 * `run` (pushed to `out` for the main thread to store, when it can be keyed).
 */
export async function cachedExamples(
  cache: CompileCache | undefined,
  out: CacheEntryOut[],
  project: Project,
  contract: ContractSource,
  version: number,
  code: string,
  run: () => Promise<ExamplesOutcome>,
): Promise<ExamplesOutcome> {
  const hash = cache === undefined ? undefined : examplesHash(cache, project, contract, version, code);
  if (hash !== undefined) {
    const entry = cache!.store.get<{ problems?: unknown; count?: unknown }>(cache!.store.key(NAMESPACE, hash));
    if (entry !== undefined && Array.isArray(entry.problems) && entry.problems.every(isDiagnostic) && Number.isSafeInteger(entry.count)) {
      return { problems: entry.problems, count: entry.count as number };
    }
  }
  const outcome = await run();
  if (hash !== undefined) out.push([NAMESPACE, hash, { problems: outcome.problems, count: outcome.count }]);
  return outcome;
}

/** Everything a run of the examples reads, as one text; undefined when some of it cannot be keyed (see above). */
export function examplesHash(cache: CompileCache, project: Project, contract: ContractSource, version: number, code: string): string | undefined {
  const dir = path.join(contract.dir, "examples", `v${version}`);
  // Folders on the way are plain folders: a link among them may lead out of the project (the run refuses that).
  if (!plainFolder(path.dirname(dir)) || !plainFolder(dir)) return undefined;
  const parts = [project.rootDir, dir, contentHash(code)];
  for (const expectation of ["valid", "invalid"]) {
    const sub = path.join(dir, expectation);
    const kind = lstatSync(sub, { throwIfNoEntry: false });
    // A missing folder is skipped by the run too.
    if (kind === undefined) continue;
    if (!kind.isDirectory()) return undefined;
    let entries: Dirent[];
    try {
      entries = readdirSync(sub, { withFileTypes: true });
    } catch {
      return undefined;
    }
    parts.push(`${expectation}/`);
    for (const e of entries.sort((a, b) => cmp(a.name, b.name))) {
      if (!e.isFile()) return undefined;
      const own = cache.hasher.hash(path.join(sub, e.name));
      if (own === undefined) return undefined;
      parts.push(`${e.name} ${own}`);
    }
  }
  return JSON.stringify(parts);
}

function plainFolder(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

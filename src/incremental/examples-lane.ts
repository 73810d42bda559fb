/**
 * The examples-only lane of `check` and `build` (src/api/build.ts): a run whose every change is a golden example of
 * contracts that are settled (settled.ts: no toolset member, no unit left to redo, nothing else of theirs changed)
 * runs just those contracts' examples through the validator code the cache holds for their versions, and when that
 * gives what the previous run recorded for them, its result is the previous run's result. Nothing else is loaded:
 * no compiler, no output plan, no check step.
 *
 * Why the previous result is then exact: a contract's golden examples reach the result only through its compile
 * slice's example problems and count. The generated files are made from its schemas, manifest and config (the
 * version cache's key holds no example: src/cache/version.ts `schemaKey`), the project files from the versions'
 * compiled schemas and the listing, and no check step reads an example (settled.ts). So when each such contract's
 * previous unit had no problems (no failing example, every version compiled) and its examples now again give no
 * problem and the same count, a run without a cache would give the previous result, and the units stay as they are.
 * Any other outcome (a failing example, one more or one fewer, an example that cannot be read, a version whose
 * validator the cache does not hold or holds damaged) is undefined here: the caller runs the usual path. A build
 * also names the versions without examples (its caller checks those): an examples folder that became a dangling
 * link keeps the count and the version key, not that list.
 */
import path from "node:path";
import type { Project } from "../config/config.js";
import { discoverNamed, type ContractSource, type VersionSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import type { Changes } from "./changes.js";
import type { Scope } from "./scope.js";
import { settledContracts } from "./settled.js";
import { isInside } from "./units.js";

/** One version's examples as the cache and a run of them give it; undefined when that cannot be told without compiling. */
export type ExamplesRunner = (contract: ContractSource, source: VersionSource) => Promise<{ readonly problems: readonly Diagnostic[]; readonly examples: number } | undefined>;

/**
 * The contracts whose examples were run, when the previous result stands (the caller records it again with the
 * same units); undefined when the usual path must run.
 */
export async function examplesOnly(project: Project, scope: Scope, changes: Changes, run: ExamplesRunner): Promise<readonly ContractSource[] | undefined> {
  const settled = settledContracts(project, scope, changes);
  // Every contract this run would redo is settled, and every change lies in one of their examples folders.
  if (settled.size === 0 || settled.size !== scope.names.size) return undefined;
  const folders = scope.previous.flatMap((u) => (u.roots[0] === undefined ? [] : [path.join(u.roots[0], "examples")]));
  if (!changes.changed.every((abs) => folders.some((dir) => abs !== dir && isInside(abs, dir)))) return undefined;
  // Each had nothing wrong before: every version compiled, no problem (a failing example is one), no example finding.
  const ok = scope.previous.every((u) => u.redo !== true && u.problems.length === 0 && u.compiled.length === u.versions && u.findings.every((f) => !f.diagnostic.code.startsWith("example.")));
  if (!ok) return undefined;
  const discovery = discoverNamed(project, scope.names, scope.proven);
  if (discovery.problems.length > 0 || discovery.contracts.length !== scope.previous.length) return undefined;
  const previous = new Map(scope.previous.map((u) => [u.name, u]));
  for (const contract of discovery.contracts) {
    const unit = previous.get(contract.name);
    if (unit === undefined || contract.versions.length !== unit.versions) return undefined;
    let examples = 0;
    for (const source of contract.versions) {
      const got = await run(contract, source);
      if (got === undefined || got.problems.length > 0) return undefined;
      examples += got.examples;
    }
    if (examples !== unit.examples) return undefined;
  }
  return discovery.contracts;
}

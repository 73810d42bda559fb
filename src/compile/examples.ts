import { existsSync } from "node:fs";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import type { ContractSource } from "../discover/discover.js";

/**
 * Golden examples: `examples/v<N>/valid/*` must pass the generated validator, `examples/v<N>/invalid/*` must
 * fail it. `.json` files hold one value; `.txt` files hold raw model output and go through the text parser, so a
 * fixture can pin down that a truncated or fenced answer is rejected with the right class. Which versions have
 * them is asked here; running them (examples-run.ts, with the runtime) is imported where they run.
 */
export function hasExamples(contract: ContractSource, version: number): boolean {
  return existsSync(path.join(contract.dir, "examples", `v${version}`));
}

/** `<contract> v<N>` of every version with no golden examples folder, and the folder to add for the first of them. */
export function versionsWithoutExamples(project: Project, contracts: readonly ContractSource[]): { versions: string[]; firstFolder?: string } {
  const versions: string[] = [];
  let firstFolder: string | undefined;
  for (const c of contracts) {
    for (const v of c.versions) {
      if (hasExamples(c, v.version)) continue;
      versions.push(`${c.name} v${v.version}`);
      firstFolder ??= displayPath(project.rootDir, path.join(c.dir, "examples", `v${v.version}`));
    }
  }
  return firstFolder === undefined ? { versions } : { versions, firstFolder };
}

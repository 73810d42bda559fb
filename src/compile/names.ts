/**
 * The names every contract claims in the shared generated modules (`generated/index.ts`, `generated/_sdk/index.ts`)
 * and the project's file names, checked by one registry (src/names/registry.ts) before the root index is planned.
 * Names inside one contract's own modules are derived from its own name with fixed suffixes and cannot collide;
 * `$defs` type names are kept apart from a version module's own names and imports by the types emitter.
 */
import type { Project } from "../config/config.js";
import { CONFIG_FILE, displayPath } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { ContractIndexInput } from "../emit/modules/indexes.js";
import { latestNames, namespaceName, versionNames } from "../emit/modules/names.js";
import { latestStandardName, standardName } from "../emit/standard/names.js";
import { upgradeNames } from "../emit/modules/names.js";
import { collisions, type NameClaim } from "../names/registry.js";
import { bindingNames, toolsetNames } from "../sdk/emit/names.js";
import type { WritePlan } from "../write/plan.js";

const ROOT = "generated/index.ts";
const SDK = "generated/_sdk/index.ts";

/** What `generated/index.ts` re-exports from the runtime (see renderRootIndex). */
const RUNTIME_EXPORTS = [
  "ContractError", "ContractErrorCode", "JsonSchema", "ParseResult", "TextParseOptions", "UpgradeResult",
  "MigrationNotImplementedError", "StandardContract", "StandardIssue", "StandardResult", "JsonSchemaDefinition", "JsonSchemaObject",
];

export function nameCollisions(project: Project, indexes: readonly ContractIndexInput[], plan: WritePlan): Diagnostic[] {
  return collisions([...identifierClaims(project, indexes), ...fileClaims(project, plan)]);
}

/** The names claimed in the shared modules: the runtime's exports, every contract's, every toolset's (in that order). */
export function identifierClaims(project: Project, indexes: readonly ContractIndexInput[]): NameClaim[] {
  const claims: NameClaim[] = RUNTIME_EXPORTS.map((name) => ({ name, scope: ROOT, what: "a runtime export", file: "llm-contracts runtime" }));
  for (const c of indexes) {
    const file = c.source;
    const claim = (scope: string, name: string, what: string): void => {
      claims.push({ name, scope, what: `${what} of contract ${c.contract}`, file });
    };
    claim(ROOT, namespaceName(c.contract), "the namespace");
    for (const v of c.versions) {
      for (const [role, name] of Object.entries(versionNames(c.contract, v))) claim(ROOT, name, `the v${v} ${role}`);
      claim(ROOT, standardName(c.contract, v), `the v${v} Standard Schema`);
      claim(SDK, bindingNames(c.contract, v).versioned, `the v${v} SDK binding`);
    }
    const l = latestNames(c.contract);
    for (const [role, name] of Object.entries(l)) claim(ROOT, name, `the latest ${role}`);
    claim(ROOT, `${l.type}Versions`, "the version list");
    claim(ROOT, latestStandardName(c.contract), "the latest Standard Schema");
    for (const [role, name] of Object.entries(upgradeNames(c.contract))) claim(ROOT, name, `the upgrade ${role}`);
    claim(SDK, bindingNames(c.contract, c.versions[c.versions.length - 1]!).latest, "the latest SDK binding");
  }
  const configFile = project.configFile === undefined ? CONFIG_FILE : displayPath(project.rootDir, project.configFile);
  for (const toolset of Object.keys(project.toolsets).sort()) {
    for (const [role, name] of Object.entries(toolsetNames(toolset))) {
      claims.push({ name, scope: SDK, what: `the ${role} of toolset ${toolset}`, file: configFile, pointer: `/toolsets/${toolset}` });
    }
  }
  return claims;
}

/** The planned file names, in name order; each blames itself, a path under the output folder (`fileClaimPrefix`). */
export function fileClaims(project: Project, plan: WritePlan): NameClaim[] {
  const prefix = fileClaimPrefix(project);
  return [...plan.keys()].sort().map((rel) => ({ name: rel, scope: "file", what: `a planned file`, file: `${prefix}${rel}` }));
}

export function fileClaimPrefix(project: Project): string {
  return `${displayPath(project.rootDir, project.outDir)}/`;
}

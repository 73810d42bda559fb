import { pascalCase } from "../codegen/escape.js";

/** Every exported name of a contract version's module, derived from the (kebab-case, validated) contract name. */
export interface VersionNames {
  readonly type: string;
  readonly is: string;
  readonly parse: string;
  readonly parseText: string;
  readonly schema: string;
  readonly hash: string;
  readonly meta: string;
}

export function versionNames(contract: string, version: number): VersionNames {
  return namesFor(`${pascalCase(contract)}V${version}`);
}

/** Names of a contract's latest-version aliases in its index module. */
export function latestNames(contract: string): VersionNames {
  return namesFor(pascalCase(contract));
}

function namesFor(base: string): VersionNames {
  return {
    type: base,
    is: `is${base}`,
    parse: `parse${base}`,
    parseText: `parse${base}Text`,
    schema: `${base}Schema`,
    hash: `${base}Hash`,
    meta: `${base}Meta`,
  };
}

/** camelCase namespace name for a contract in `generated/index.ts`, e.g. `ticketTriage`. */
export function namespaceName(contract: string): string {
  const p = pascalCase(contract);
  return p[0]!.toLowerCase() + p.slice(1);
}

/** The upgrade chain's exports (`generated/<contract>/upgrade.ts`, rendered in src/migrate/upgrade-module.ts). */
export interface UpgradeNames {
  readonly upgrade: string;
  readonly parseAny: string;
  readonly steps: string;
  readonly version: string;
}

/** `upgradeTicketTriage`, `parseTicketTriageAny`, `TicketTriageUpgradeSteps`, `TicketTriageVersion`. */
export function upgradeNames(contract: string): UpgradeNames {
  const base = pascalCase(contract);
  return { upgrade: `upgrade${base}`, parseAny: `parse${base}Any`, steps: `${base}UpgradeSteps`, version: `${base}Version` };
}

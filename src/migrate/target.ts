/** `<contract>[@vN]` arguments of the validate / replay / migrate commands, resolved against a compiled project. */
import type { CompileResult, CompiledVersion } from "../shapes/compiled.js";
import type { ContractSource } from "../discover/discover.js";
import { inputError } from "../errors.js";

export interface Target {
  readonly contract: ContractSource;
  /** The version named, or the latest when none was. */
  readonly version: CompiledVersion;
  readonly explicit: boolean;
}

/** Parses `vN` or `N`. */
export function parseVersion(text: string, what: string): number {
  const m = /^v?([1-9][0-9]*)$/.exec(text);
  if (m === null) throw inputError("usage.version", { file: what }, `not a version: ${JSON.stringify(text)} (expected vN)`);
  return Number(m[1]);
}

export function resolveTarget(compiled: Pick<CompileResult, "contracts" | "versions">, spec: string): Target {
  const at = spec.lastIndexOf("@");
  const name = at < 0 ? spec : spec.slice(0, at);
  const contract = compiled.contracts.find((c) => c.name === name);
  if (contract === undefined) {
    const known = compiled.contracts.map((c) => c.name).join(", ");
    throw inputError("usage.contract", { file: spec }, `unknown contract ${JSON.stringify(name)} (contracts: ${known})`);
  }
  const number = at < 0 ? contract.versions[contract.versions.length - 1]!.version : parseVersion(spec.slice(at + 1), spec);
  const version = compiled.versions.find((v) => v.contract.name === name && v.source.version === number);
  if (version === undefined) throw inputError("usage.version", { file: spec }, `${name} has no version v${number} (versions: v1..v${contract.versions.length})`);
  return { contract, version, explicit: at >= 0 };
}

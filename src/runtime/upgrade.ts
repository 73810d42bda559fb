/*
 * llm-contracts runtime, migrations: the "not implemented" marker and the upgrade chain: copied verbatim into `generated/_runtime/upgrade.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 */

import { show } from "./errors.js";
import type { ContractError, ContractErrorCode, ParseResult } from "./types.js";

/** Thrown by `notImplemented`: a scaffolded migration step still needs a decision from a person. */
export class MigrationNotImplementedError extends Error {
  override readonly name = "MigrationNotImplementedError";
  readonly reason: string;
  constructor(reason: string) {
    super(`migration not implemented: ${reason}`);
    this.reason = reason;
  }
}

/**
 * The marker `llm-contracts build` leaves in a migration stub where a decision is needed. `check` finds every call
 * to it and fails while a backward-breaking step still has one; typed `never`, so it fits any field of the result.
 */
export function notImplemented(reason: string): never {
  throw new MigrationNotImplementedError(reason);
}

/** One version of a contract in an upgrade chain: its parser and the migration to the next version. */
export interface UpgradeStep {
  readonly version: number;
  readonly parse: (value: unknown) => ParseResult<unknown>;
  readonly migrate?: (input: never) => unknown;
}

export type UpgradeResult<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly fromVersion: number;
      /** How the source version was chosen: passed in, read from the version field, or the newest that validates. */
      readonly detectedBy: "given" | "field" | "validator";
    }
  | { readonly ok: false; readonly errors: readonly ContractError[]; readonly fromVersion?: number };

function upgradeError(code: ContractErrorCode, message: string): ContractError {
  return { code, instancePath: "", schemaPath: "", message };
}

/**
 * Validates `value` as version `from` (detected when undefined), then applies each migration up to version `to`
 * (default: the last step), validating after every step, so a migration bug surfaces at the step that made it.
 */
export function runUpgrade<T>(
  contract: string,
  steps: readonly UpgradeStep[],
  value: unknown,
  from?: number,
  options: { readonly to?: number; readonly versionField?: string } = {},
): UpgradeResult<T> {
  const to = options.to ?? steps[steps.length - 1]!.version;
  let start = from;
  let detectedBy: "given" | "field" | "validator" = "given";
  if (start === undefined && options.versionField !== undefined && isRecord(value) && options.versionField in value) {
    const raw = value[options.versionField];
    const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.replace(/^v/, "")) : NaN;
    if (!steps.some((s) => s.version === n)) {
      return { ok: false, errors: [upgradeError("version.unknown", `${contract}: the version field ${show(options.versionField)} holds ${show(raw)}, not a known version`)] };
    }
    start = n;
    detectedBy = "field";
  }
  if (start === undefined) {
    for (let i = steps.length - 1; i >= 0 && start === undefined; i--) if (steps[i]!.version <= to && steps[i]!.parse(value).ok) start = steps[i]!.version;
    if (start === undefined) {
      const latest = steps.find((s) => s.version === to)?.parse(value);
      const errors = latest !== undefined && !latest.ok ? latest.errors : [];
      return { ok: false, errors: [upgradeError("version.unknown", `${contract}: no version up to v${to} accepts the value; errors against v${to} follow`), ...errors] };
    }
    detectedBy = "validator";
  }
  const first = steps.findIndex((s) => s.version === start);
  if (first < 0 || start > to) return { ok: false, errors: [upgradeError("version.unknown", `${contract}: cannot upgrade from v${start} to v${to}`)] };
  const checked = steps[first]!.parse(value);
  if (!checked.ok) return { ok: false, fromVersion: start, errors: checked.errors };
  let current: unknown = checked.value;
  for (let i = first; steps[i]!.version < to; i++) {
    const step = steps[i]!;
    const next = steps[i + 1]!;
    const name = `${contract} v${step.version} → v${next.version}`;
    if (step.migrate === undefined) return { ok: false, fromVersion: start, errors: [upgradeError("migration.missing", `${name}: no migration`)] };
    try {
      current = step.migrate(current as never);
    } catch (error) {
      const code = error instanceof MigrationNotImplementedError ? "migration.not_implemented" : "migration.threw";
      return { ok: false, fromVersion: start, errors: [upgradeError(code, `${name}: ${error instanceof Error ? error.message : String(error)}`)] };
    }
    const result = next.parse(current);
    if (!result.ok) {
      return { ok: false, fromVersion: start, errors: [upgradeError("migration.output", `${name}: the migration returned a value v${next.version} rejects`), ...result.errors] };
    }
    current = result.value;
  }
  return { ok: true, value: current as T, fromVersion: start, detectedBy };
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Applies a project's severities to strictness findings: each finding becomes an error (the build refuses the
 * schema), a warning (printed by `build` and `check`, with file and pointer) or nothing.
 */
import type { Diagnostic } from "../errors.js";
import { FINDING_PREFIX, findingDefinition, type Severity } from "./findings.js";

export interface StrictPolicy {
  /** Severity by finding id (`unknown-keyword`) or code (`strict.unknown-keyword`); unset ids keep their default. */
  readonly severity: Readonly<Record<string, Severity>>;
  /** Custom formats: name → ECMAScript regular expression (compiled with the "u" flag), checked by the validator. */
  readonly formats: Readonly<Record<string, string>>;
}

export const DEFAULT_POLICY: StrictPolicy = { severity: {}, formats: {} };

export function severityOf(code: string, policy: StrictPolicy): Severity {
  const id = code.startsWith(FINDING_PREFIX) ? code.slice(FINDING_PREFIX.length) : code;
  const configured = policy.severity[id] ?? policy.severity[code];
  if (configured !== undefined) return configured;
  // A code outside the table is not a strictness finding (meta-schema, compile): always an error.
  return findingDefinition(id)?.severity ?? "error";
}

export interface Sorted {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

export function applyPolicy(findings: readonly Diagnostic[], policy: StrictPolicy): Sorted {
  const sorted: Sorted = { errors: [], warnings: [] };
  for (const finding of findings) {
    const severity = severityOf(finding.code, policy);
    if (severity === "error") sorted.errors.push(finding);
    else if (severity === "warn") sorted.warnings.push(finding);
  }
  return sorted;
}

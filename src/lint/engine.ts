import { measureSchema } from "./facts.js";
import type { Profile, RuleSetting } from "./profiles/index.js";
import { RULES } from "./registry.js";
import type { LintRule, LintTarget, RuleReport, SchemaFacts, Severity } from "./types.js";
import { visitSchema } from "./walk.js";

/** One report with the rule and severity it came from. */
export interface RuleFinding extends RuleReport {
  readonly ruleId: string;
  readonly severity: Exclude<Severity, "off">;
}

interface Active {
  readonly rule: LintRule<unknown>;
  readonly severity: Exclude<Severity, "off">;
  readonly options: unknown;
}

/** The rules a profile turns on, in registry order, with the profile's options laid over each rule's defaults. */
export function activeRules(profile: Profile): Active[] {
  const out: Active[] = [];
  for (const rule of RULES) {
    const setting: RuleSetting | undefined = profile.rules[rule.id];
    if (setting === undefined) continue;
    const [severity, options] = typeof setting === "string" ? [setting, {}] : setting;
    if (severity === "off") continue;
    out.push({ rule, severity, options: { ...(rule.defaults as object), ...options } });
  }
  return out;
}

/** Lints one schema against one profile. The engine walks; each node rule sees one node at a time. */
export function lintSchema(target: LintTarget, profile: Profile, facts: SchemaFacts = measureSchema(target.schema)): RuleFinding[] {
  const active = activeRules(profile);
  const out: RuleFinding[] = [];
  const add = (a: Active, reports: readonly RuleReport[]) => {
    for (const r of reports) out.push({ ...r, ruleId: a.rule.id, severity: exportedSeverity(a.severity, r) });
  };
  const nodeRules = active.filter((a) => a.rule.scope === "node");
  visitSchema(target.schema, (visit) => {
    for (const a of nodeRules) add(a, a.rule.node?.(visit, { target, options: a.options }) ?? []);
  });
  for (const a of active) if (a.rule.scope === "schema") add(a, a.rule.schema?.(facts, { target, options: a.options }) ?? []);
  return sortFindings(out);
}

/** Lints the tools sent together in one request against the profile's request-level budgets. */
export function lintToolset(targets: readonly LintTarget[], profile: Profile): RuleFinding[] {
  const tools = targets.map((target) => ({ target, facts: measureSchema(target.schema) }));
  const out: RuleFinding[] = [];
  for (const a of activeRules(profile)) {
    if (a.rule.scope !== "toolset") continue;
    for (const r of a.rule.toolset?.({ tools, options: a.options }) ?? []) out.push({ ...r, ruleId: a.rule.id, severity: a.severity });
  }
  return out;
}

/**
 * A finding that export resolves (lowered faithfully, or dropped and listed in the loss manifest) is at most a
 * warning: the exported fragment is what apps send, and the contract's validator still enforces the full schema.
 * Errors are what no export can send.
 */
function exportedSeverity(severity: Exclude<Severity, "off">, report: RuleReport): Exclude<Severity, "off"> {
  return report.export !== undefined ? "warn" : severity;
}

/** Errors first, then by pointer, then by rule: stable output for goldens and diffs. */
function sortFindings(findings: RuleFinding[]): RuleFinding[] {
  const rank = (f: RuleFinding) => (f.severity === "error" ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b) || cmp(a.pointer, b.pointer) || cmp(a.ruleId, b.ruleId));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

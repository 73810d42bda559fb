import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContractKind } from "../../src/discover/discover.js";
import type { JsonObject } from "../../src/ir/json.js";
import { lintSchema, lintToolset, type RuleFinding } from "../../src/lint/engine.js";
import { isProfileId, PROFILES } from "../../src/lint/profiles/index.js";
import { REPO_ROOT } from "../util/project.js";

export const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "lint");

interface Target {
  readonly name: string;
  readonly kind: ContractKind;
  readonly schema: JsonObject;
}

/** A fixture side: one schema (`name`, `kind`, `schema`) or a toolset (`tools`), linted with `profile`. */
interface Side extends Partial<Target> {
  readonly profile: string;
  readonly tools?: readonly Target[];
}

/** What a fixture pins down about a finding; the message is checked separately (non-empty, says what to do). */
export interface Expected {
  readonly pointer: string;
  readonly severity: "warn" | "error";
  readonly export?: "lowered" | "dropped";
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** Runs the fixture side's profile and keeps the findings of one rule. */
export function findingsOf(ruleId: string, side: "before" | "after"): RuleFinding[] {
  const given = readJson<Side>(path.join(FIXTURES, ruleId, `${side}.json`));
  if (!isProfileId(given.profile)) throw new Error(`${ruleId}/${side}.json: unknown profile ${given.profile}`);
  const profile = PROFILES[given.profile];
  const all = given.tools !== undefined ? lintToolset(given.tools, profile) : lintSchema(given as Target, profile);
  return all.filter((f) => f.ruleId === ruleId);
}

export function summary(f: RuleFinding): Expected {
  return { pointer: f.pointer, severity: f.severity, ...(f.export !== undefined ? { export: f.export } : {}) };
}

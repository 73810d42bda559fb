/**
 * Rules are data: id, purpose, the directions a change can break, severity, the keywords the rule accounts for,
 * and `check`, which compares one normalized old/new pair (the engine does all traversal).
 * @see ../../docs/drift.md
 */
import type { Draft, JsonObject, JsonValue } from "../ir/json.js";
import type { BasicType } from "./schema.js";
import type { Direction, PairSite, ProofPair, RuleFinding, SchemaNode, Severity } from "./types.js";

/** A subschema and its pointer in its own bundled schema. */
export interface At {
  readonly node: SchemaNode;
  readonly pointer: string;
}

export interface RuleContext {
  /** Normalized old node (an object: boolean schemas are handled by the engine or the slot rules). */
  readonly old: JsonObject;
  readonly new: JsonObject;
  /** The nodes as written (before normalization), for annotation and order comparisons. */
  readonly rawOld: SchemaNode;
  readonly rawNew: SchemaNode;
  readonly site: PairSite;
  /** The nodes after `$ref` resolution, before normalization, with their pointers (for silent proofs). */
  readonly oldAt: At;
  readonly newAt: At;
  /** The two bundled schemas (for disjointness proofs that resolve `$ref`s). */
  readonly oldRoot: { readonly root: SchemaNode; readonly draft: Draft };
  readonly newRoot: { readonly root: SchemaNode; readonly draft: Draft };
  readonly oldTypes: ReadonlySet<BasicType>;
  readonly newTypes: ReadonlySet<BasicType>;
  /** Whether the contract is a model output: annotation changes are then prompt changes. */
  readonly modelOutput: boolean;
  /** Silent proof that every value valid under `sub` (in the old schema) is valid under `sup` (in the new one). */
  proves(direction: Direction, oldNode: At, newNode: At): boolean;
  /** Example values valid (likely) under a node of one side; used for witness candidates. */
  examples(side: "old" | "new", node: SchemaNode, count?: number): JsonValue[];
  /**
   * Values of the proof's source node built around what broke the failed silent proof (its findings' candidates,
   * placed at their instance paths): likely witnesses that it does not hold. Empty in silent walks.
   */
  counterexamples(proof: ProofPair): JsonValue[];
}

export interface Rule {
  readonly id: string;
  readonly purpose: string;
  /** Directions a change found by this rule can break (empty for notes). */
  readonly breaks: readonly Direction[];
  readonly severity: Severity;
  /** Keywords whose meaning this rule fully accounts for at one pair. */
  readonly keywords: readonly string[];
  /** Slot rules (property/tuple appearing or vanishing) see pairs where one side is a boolean schema. */
  readonly booleanPairs?: boolean;
  check(ctx: RuleContext): readonly RuleFinding[];
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+(-[a-z]+)*$/.test(rule.id)) throw new Error(`rule id must be kebab-case: ${rule.id}`);
  return Object.freeze(rule);
}

/** A rule finding; a shorthand for rule files. */
export function finding(message: string, breaks: readonly Direction[], extra: Partial<RuleFinding> = {}): RuleFinding {
  return { message, breaks, ...extra };
}

export function show(value: JsonValue | undefined): string {
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

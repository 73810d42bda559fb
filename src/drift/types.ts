/**
 * Drift data model. S_old and S_new are the sets of JSON values valid under each schema;
 * backward = S_old ⊆ S_new, forward = S_new ⊆ S_old (see docs/drift.md and drift-rules.md).
 * Findings are data with stable rule ids; text is rendered last (src/report/).
 */
import type { JsonValue } from "../ir/json.js";

export type Direction = "backward" | "forward";
export const DIRECTIONS: readonly Direction[] = ["backward", "forward"];
export type Mode = Direction | "full" | "none";
export type Verdict = "compatible" | "incompatible" | "unknown";
export type Severity = "error" | "warning" | "note";

/** Which side a witness is valid under: backward witnesses are old values, forward witnesses are new values. */
export type Side = "old" | "new";

export function sourceSide(direction: Direction): Side {
  return direction === "backward" ? "old" : "new";
}

export function flip(direction: Direction): Direction {
  return direction === "backward" ? "forward" : "backward";
}

/** A JSON Schema node: an object or a boolean schema. */
export type SchemaNode = boolean | { readonly [key: string]: JsonValue };

/** Where a pair of nodes sits: pointers into each bundled schema and, when definite, the instance path. */
export interface PairSite {
  readonly pointer: string;
  readonly oldPointer: string;
  /** Instance location both nodes apply to (property names / array indexes), undefined under combinators. */
  readonly instancePath: readonly (string | number)[] | undefined;
  /** How the pair was reached: it decides which rule names a property/tuple slot appearing or vanishing. */
  readonly slot: Slot;
  /** True when the old side is implied (no such keyword in old: e.g. a property governed by additionalProperties). */
  readonly oldImplied: boolean;
  readonly newImplied: boolean;
}

export type Slot = "root" | "property" | "additional" | "tuple" | "items" | "subschema" | "branch";

/** A candidate witness for one direction: a local value at the site, to be embedded in a full document. */
export interface Candidate {
  readonly direction: Direction;
  readonly value: JsonValue;
}

/** What a rule reports about one pair, in the pair's own (local) directions. */
export interface RuleFinding {
  readonly message: string;
  /** Directions this change is claimed to break (a witness must confirm it, else the verdict is unknown). */
  readonly breaks: readonly Direction[];
  /** Directions the rule could not decide (regex with lookaround, float multipleOf, ...). */
  readonly unknown?: readonly Direction[];
  readonly candidates?: readonly Candidate[];
  /** Annotation-level change (notes); "prompt" marks a prompt change for model-output contracts. */
  readonly kind?: "change" | "annotation" | "prompt";
  /** Reference tokens appended to both pointers (e.g. ["properties", name] for a required name). */
  readonly at?: readonly string[];
  /** The silent sub-proof whose failure is the reason: its counterexamples are witness candidates here. */
  readonly because?: ProofPair;
}

/** One silent proof: `old` inside `new` (backward) or `new` inside `old` (forward). */
export interface ProofPair {
  readonly direction: Direction;
  readonly old: SchemaNode;
  readonly new: SchemaNode;
}

export interface Witness {
  readonly value: JsonValue;
  readonly validUnder: Side;
}

/** A finding as reported: global directions, pointers, witness once confirmed. */
export interface Change {
  readonly rule: string;
  readonly severity: Severity;
  readonly pointer: string;
  readonly oldPointer: string;
  readonly breaks: readonly Direction[];
  readonly unknown?: readonly Direction[];
  readonly message: string;
  readonly witness?: Witness;
  readonly kind: "change" | "annotation" | "prompt";
  /** Set by acknowledgements: shown, but does not fail the gate. */
  readonly acknowledged?: string;
}

export interface DiffResult {
  readonly verdict: Readonly<Record<Direction, Verdict>>;
  readonly changes: readonly Change[];
}

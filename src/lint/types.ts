import type { JsonObject, JsonValue } from "../ir/json.js";
import type { ContractKind } from "../discover/discover.js";

/** A rule's weight in one profile. `off` rules do not run. Only `error` fails `check` and `lint`. */
export type Severity = "off" | "warn" | "error";

/**
 * What `llm-contracts export` does about a finding: `lowered` = a faithful transform makes the wire schema
 * acceptable and the generated normalizer undoes it; `dropped` = the constraint is removed from the wire schema
 * and listed in the loss manifest (the local validator still enforces it); absent = nothing can be done on export,
 * the schema must change.
 */
export type ExportOutcome = "lowered" | "dropped";

/** What one rule says about one place. */
export interface RuleReport {
  /** JSON pointer into the bundled schema (`""` = root). For toolset rules: the pointer inside the named tool. */
  readonly pointer: string;
  /** Says what to change. */
  readonly message: string;
  readonly export?: ExportOutcome;
  /** Toolset rules: the contract the finding belongs to. */
  readonly contract?: string;
}

/** A subschema as the engine visits it. Rules look at one node at a time; the engine does the walking. */
export interface NodeVisit {
  readonly node: JsonObject;
  readonly pointer: string;
  readonly isRoot: boolean;
  /** Keyword of the parent that holds this node (`properties`, `items`, `anyOf`, ...); undefined at the root. */
  readonly via: string | undefined;
  /** For a node under `properties`: its property name and whether the parent lists it in `required`. */
  readonly property?: { readonly name: string; readonly required: boolean };
  /** Object nesting level: the root object is 1, an object inside one of its properties is 2, ... */
  readonly depth: number;
  /** True when this node is only reachable through at least one optional property. */
  readonly underOptional: boolean;
}

/** The contract being linted: the name it is sent under and what it is for. */
export interface LintTarget {
  /** The contract name: how findings name the contract. */
  readonly name: string;
  /** The name on the wire when `contract.json` sets `toolName`; otherwise the contract name is. */
  readonly toolName?: string;
  readonly kind: ContractKind;
  readonly schema: JsonObject;
}

/** Counts over a whole schema (following `$ref`s once), for the numeric limits. See facts.ts. */
export interface SchemaFacts {
  readonly properties: number;
  readonly maxDepth: number;
  /** Property names + definition names + enum values + const values, in characters (OpenAI's 120,000 budget). */
  readonly stringSize: number;
  readonly enumValues: number;
  /** Properties not listed in `required` (Anthropic strict: ≤24 per request). */
  readonly optionalProperties: number;
  /** Properties whose schema is a union: `anyOf`/`oneOf` or a type array (Anthropic strict: ≤16 per request). */
  readonly unionProperties: number;
  /** Pointers of `$ref`s that close a cycle, each with whether it is reached only through optional properties. */
  readonly recursiveRefs: readonly { readonly pointer: string; readonly underOptional: boolean }[];
}

export interface RuleContext<O> {
  readonly target: LintTarget;
  readonly options: O;
}

export interface ToolsetContext<O> {
  readonly tools: readonly { readonly target: LintTarget; readonly facts: SchemaFacts }[];
  readonly options: O;
}

/** A rule declared as data. Exactly one of `node`, `schema` or `toolset` does the work. */
export interface LintRule<O = unknown> {
  readonly id: string;
  /** One sentence: what the rule protects against. */
  readonly purpose: string;
  /** Where the provider behaviour is documented (see docs/providers.md and the shared reference). */
  readonly source: string;
  readonly scope: "node" | "schema" | "toolset";
  readonly defaults: O;
  node?(visit: NodeVisit, ctx: RuleContext<O>): readonly RuleReport[];
  schema?(facts: SchemaFacts, ctx: RuleContext<O>): readonly RuleReport[];
  toolset?(ctx: ToolsetContext<O>): readonly RuleReport[];
}

/** Declares a rule; the identity function, there for the type inference and so every rule reads the same. */
export function defineRule<O>(rule: LintRule<O>): LintRule<O> {
  return rule;
}

/** One finding, rendered last. */
export interface LintFinding {
  readonly ruleId: string;
  readonly profile: string;
  readonly severity: Exclude<Severity, "off">;
  readonly contract: string;
  readonly version?: number;
  readonly pointer: string;
  readonly message: string;
  readonly export?: ExportOutcome;
}

export function isSchemaObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `type` keyword as a list (empty when absent). */
export function typesOf(node: JsonObject): string[] {
  const t = node["type"];
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

/**
 * Shared state of one fast-path emission: names, module-level declarations (patterns, constants), the functions
 * written so far, and the draft facts the keyword families read. The lowest module of `src/emit/fast/`: every
 * keyword family imports it, it imports none of them.
 */
import type { AjvClass } from "../../ir/drafts.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";

/**
 * A schema feature the fast path does not cover. Emission stops, and `is…`/`parse…` use ajv's code for the
 * whole schema (the answer never depends on the fast path covering everything).
 */
export class Unsupported extends Error {
  constructor(readonly feature: string) {
    super(`fast path does not cover ${feature}`);
  }
}

/** Depth of `$ref` recursion after which the fast path gives up and defers to the safe (ajv) path. */
export const MAX_REF_DEPTH = 128;

/** The flag a too-deep `$ref` call sets; the entry point then answers "unknown". */
export const DEEP_FLAG = "fastDeep";

/** Emits the statements that check `value` against `schema`: each `return false`s on failure. */
export type EmitChecks = (ctx: FastContext, schema: JsonValue, value: string, out: string[]) => void;

export class FastContext {
  private counter = 0;
  /** Module-level `const` declarations, in creation order (deterministic: emission order is). */
  readonly declarations: string[] = [];
  /** Function declarations, in creation order. */
  readonly functions: string[] = [];
  /** `llmc*` helpers the code calls (definitions are inlined by `inlineRuntime`). */
  readonly helpers = new Set<string>();
  private readonly cache = new Map<string, string>();
  private readonly subschemaFunctions = new Map<JsonValue, string>();
  /** The all-errors collector's function per referenced schema (collect/refs.ts). */
  readonly collectFunctions = new Map<JsonValue, string>();
  /** The variables of the functions guarded against a `$ref` cycle that makes no progress (cycles.ts). */
  readonly cycleValues: string[] = [];
  /** Whether a `$ref` function (the only way to recurse) was written: the entry point then tracks depth. */
  usesDepth = false;
  /** Whether the collector being written records worded errors (`validateWorded`, collect/context.ts `report`) or ajv's raw ones. */
  wording = false;

  constructor(
    readonly root: JsonObject | boolean,
    readonly ajvClass: AjvClass,
    /** Custom formats from the config: name → regex source ("u" flag). */
    readonly customFormats: Readonly<Record<string, string>>,
    readonly checks: EmitChecks,
  ) {}

  /** A fresh identifier `fast<prefix><n>` (never ends in a digit-less name ajv could use). */
  name(prefix: string): string {
    return `fast${prefix}${this.counter++}`;
  }

  /** A module-level constant for `expression` (code built by the caller through escape.ts), shared by key. */
  constant(prefix: string, key: string, expression: string): string {
    const cacheKey = `${prefix}\u0000${key}`;
    const known = this.cache.get(cacheKey);
    if (known !== undefined) return known;
    const name = this.name(prefix);
    this.declarations.push(`const ${name} = ${expression};`);
    this.cache.set(cacheKey, name);
    return name;
  }

  /** A function `(data, d) => boolean` checking `schema`, written once per subschema object. */
  subschemaFunction(schema: JsonValue): string {
    const known = this.subschemaFunctions.get(schema);
    if (known !== undefined) return known;
    const name = this.name("S");
    this.subschemaFunctions.set(schema, name);
    const body: string[] = [];
    this.checks(this, schema, "data", body);
    this.functions.push(`function ${name}(data, d) {\n${indent(body)}\n  return true;\n}`);
    return name;
  }

  /** Registers a function written elsewhere (refs.ts) under a cache key; returns the existing name if any. */
  namedFunction(key: string, prefix: string, write: (name: string) => string): string {
    const cacheKey = `fn\u0000${key}`;
    const known = this.cache.get(cacheKey);
    if (known !== undefined) return known;
    const name = this.name(prefix);
    this.cache.set(cacheKey, name);
    const placeholder = this.functions.length;
    this.functions.push("");
    this.functions[placeholder] = write(name);
    return name;
  }
}

export function indent(lines: readonly string[]): string {
  return lines
    .join("\n")
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

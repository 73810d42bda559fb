/**
 * Which JSON kinds a subschema can accept: a syntactic upper bound used to restrict in-place subschemas (`allOf`,
 * `anyOf`, `oneOf`, `then`/`else`) to the kinds their parent allows.
 *
 * Why: JSON Schema keywords apply per instance type. `{properties: {...}}` without `type` accepts `5`, so it cannot
 * print as an interface alone; but inside `{type: "object", anyOf: [...]}` it only meets objects. Knowing the
 * parent's kinds lets a member print as just its object part, and knowing a `$ref` target's kinds tells whether the
 * reference already lies within them.
 *
 * `integer` counts as `number`: TypeScript has no integer type.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-4.2.1
 */
import { isJsonObject, type JsonValue } from "../../ir/json.js";

export type Kind = "string" | "number" | "boolean" | "object" | "array" | "null";

/** Canonical print order: `null` last reads naturally (`string | null`). */
const KINDS: readonly Kind[] = ["string", "number", "boolean", "object", "array", "null"];

/** A set of kinds as a bit mask (bit i = KINDS[i]). */
export type KindSet = number;
export const NO_KINDS: KindSet = 0;
export const ALL_KINDS: KindSet = (1 << KINDS.length) - 1;

function kindBit(kind: Kind): KindSet {
  return 1 << KINDS.indexOf(kind);
}

export function kindsIn(set: KindSet): Kind[] {
  return KINDS.filter((k) => (set & kindBit(k)) !== 0);
}

export function kindOfValue(value: JsonValue): KindSet {
  if (value === null) return kindBit("null");
  if (Array.isArray(value)) return kindBit("array");
  switch (typeof value) {
    case "string":
      return kindBit("string");
    case "number":
      return kindBit("number");
    case "boolean":
      return kindBit("boolean");
    default:
      return kindBit("object");
  }
}

const TYPE_NAMES: Readonly<Record<string, Kind>> = {
  string: "string",
  number: "number",
  integer: "number",
  boolean: "boolean",
  object: "object",
  array: "array",
  null: "null",
};

/** Kinds named by a `type` keyword; undefined when absent or malformed (then it constrains nothing we can use). */
function kindsOfType(type: JsonValue | undefined): KindSet | undefined {
  const names = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  if (names === undefined) return undefined;
  let set = NO_KINDS;
  for (const name of names) {
    const kind = typeof name === "string" ? TYPE_NAMES[name] : undefined;
    if (kind === undefined) return undefined;
    set |= kindBit(kind);
  }
  return set;
}

/** Resolves a `$ref` string to the subschema it points at. */
export type RefResolver = (ref: string) => JsonValue;

/**
 * Memoized kind analysis over one bundled schema. Linear: each subschema is analysed once; a `$ref` cycle that is
 * still being analysed counts as "any kind" (an upper bound is always safe).
 */
export class KindAnalyzer {
  private readonly memo = new WeakMap<object, KindSet>();
  private readonly active = new WeakSet<object>();

  constructor(
    private readonly resolve: RefResolver,
    /** Ignore every keyword next to `$ref`, as the spec says before 2019-09 (wider than ajv, which applies them). */
    private readonly refOverridesSiblings: boolean,
  ) {}

  kindsOf(schema: JsonValue): KindSet {
    if (schema === true) return ALL_KINDS;
    if (schema === false) return NO_KINDS;
    if (!isJsonObject(schema)) return ALL_KINDS;
    const known = this.memo.get(schema);
    if (known !== undefined) return known;
    if (this.active.has(schema)) return ALL_KINDS;
    this.active.add(schema);
    const set = this.compute(schema);
    this.active.delete(schema);
    this.memo.set(schema, set);
    return set;
  }

  private compute(s: { [key: string]: JsonValue }): KindSet {
    const ref = s["$ref"];
    if (typeof ref === "string" && this.refOverridesSiblings) return this.kindsOf(this.resolve(ref));
    let set = kindsOfType(s["type"]) ?? ALL_KINDS;
    // ajv's OpenAPI `nullable: true` adds null to an explicit `type` (it rejects `nullable` without `type`).
    if (s["nullable"] === true && kindsOfType(s["type"]) !== undefined) set |= kindBit("null");
    if ("const" in s) set &= kindOfValue(s["const"] as JsonValue);
    const values = s["enum"];
    if (Array.isArray(values)) set &= values.reduce<KindSet>((acc, v) => acc | kindOfValue(v), NO_KINDS);
    const allOf = s["allOf"];
    if (Array.isArray(allOf)) for (const member of allOf) set &= this.kindsOf(member);
    for (const key of ["anyOf", "oneOf"]) {
      const members = s[key];
      if (Array.isArray(members)) set &= members.reduce<KindSet>((acc, m) => acc | this.kindsOf(m), NO_KINDS);
    }
    if (typeof ref === "string") set &= this.kindsOf(this.resolve(ref));
    if ("then" in s && "else" in s) {
      set &= this.kindsOf(s["then"] as JsonValue) | this.kindsOf(s["else"] as JsonValue);
    }
    return set & ~this.excludedByNot(s["not"]);
  }

  /** `not: {}`/`not: true` excludes everything; `not: {type: ...}` excludes those kinds; anything else, nothing. */
  private excludedByNot(not: JsonValue | undefined): KindSet {
    if (not === true) return ALL_KINDS;
    if (!isJsonObject(not)) return NO_KINDS;
    const keys = Object.keys(not).filter((k) => !ANNOTATIONS.has(k));
    if (keys.length === 0) return ALL_KINDS;
    if (keys.length !== 1 || keys[0] !== "type") return NO_KINDS;
    const names = typeof not["type"] === "string" ? [not["type"]] : not["type"];
    // `not: {type: "integer"}` still lets 1.5 through, so only whole kinds are excluded.
    const whole = Array.isArray(names) ? names.filter((n) => n !== "integer") : [];
    return kindsOfType(whole) ?? NO_KINDS;
  }
}

/** Keywords that never constrain a value. */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  "$comment",
  "$id",
  "$schema",
  "$anchor",
  "$dynamicAnchor",
  "$defs",
  "definitions",
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

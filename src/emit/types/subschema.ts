/**
 * One subschema → one dialect node (see `dialect.ts`), never narrower than what the validator accepts.
 *
 * The node for a subschema S met where only the kinds C are possible (C = all kinds, or the kinds its parent allows
 * when S sits in `allOf`/`anyOf`/`oneOf`/`then`/`else`) is the intersection of
 *   - the base: for each kind S accepts within C, what S's own keywords say about it (an object's properties, an
 *     array's items), or the literal values of `const`/`enum`;
 *   - one part per in-place applicator: each `allOf` member, the union of `anyOf`/`oneOf`, `then | else`, `$ref`,
 *     each restricted to the same kinds.
 * A base that only restates the kinds is dropped when another part already carries them.
 *
 * Keywords a TypeScript type cannot express (`pattern`, `format`, bounds, `not` beyond kinds, `if` alone,
 * `dependentRequired`/`dependentSchemas`/`dependencies`, `propertyNames`, `contains`, `uniqueItems`, `$dynamicRef`,
 * `oneOf` exclusivity) leave the type wider, never narrower. Annotations other than `description` and
 * `deprecated: true` are dropped, and so is every jsts extension (`tsType`, `tsEnumNames`, ...): no schema text
 * reaches jsts except descriptions (escaped in `dialect.ts`), enum/const primitives (which jsts JSON-quotes) and
 * property names (replaced by placeholders, restored by `print.ts` through `propertyKey`).
 */
import {
  canonicalJson,
  type Draft,
  isJsonObject,
  type JsonObject,
  type JsonPrimitive,
  type JsonValue,
} from "../../ir/json.js";
import { draftFacts, type DraftFacts } from "../../ir/drafts.js";
import { type ArrayShape, arrayType } from "./arrays.js";
import {
  annotate,
  type DNode,
  intersection,
  isNever,
  isUnknown,
  named,
  neverNode,
  objectNode,
  refNode,
  union,
  unknownNode,
} from "./dialect.js";
import { ALL_KINDS, type Kind, KindAnalyzer, kindOfValue, type KindSet, kindsIn, NO_KINDS } from "./kinds.js";
import type { Entry, SchemaIndex } from "./refs.js";

interface Part {
  readonly node: DNode;
  /** The part says nothing beyond its kind (`string`, any object, any array). */
  readonly trivial: boolean;
}

/**
 * Property names TypeScript finds on every object through the global `Object` interface. An *optional* property
 * with one of these names is checked against that inherited member when absent (`{}` is not assignable to
 * `{toString?: number}`: "Type '() => string' is not assignable to type 'number'"), so its type must be `unknown`.
 */
const OBJECT_MEMBERS = new Set([
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
]);

/** Keywords whose subschemas are evaluated in place; `unevaluated*` then depends on them. */
const IN_PLACE = [
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "$ref",
  "$dynamicRef",
  "$recursiveRef",
];

/** Property names of the printed types, as `$k<i>` placeholders that jsts prints bare. */
export class PropertyKeys {
  readonly keys: string[] = [];
  private readonly index = new Map<string, string>();

  placeholder(key: string): string {
    let placeholder = this.index.get(key);
    if (placeholder === undefined) {
      placeholder = `$k${this.keys.push(key) - 1}`;
      this.index.set(key, placeholder);
    }
    return placeholder;
  }
}

export class Normalizer {
  private readonly kinds: KindAnalyzer;
  private readonly facts: DraftFacts;
  /** Nodes that mean exactly "any value of these kinds" (from `anyOf`), redundant next to a base of those kinds. */
  private readonly restrictions = new WeakMap<DNode, KindSet>();

  constructor(
    private readonly index: SchemaIndex,
    draft: Draft,
    private readonly keys: PropertyKeys,
  ) {
    this.facts = draftFacts(draft);
    this.kinds = new KindAnalyzer(index.resolve, this.facts.refOverridesSiblings);
  }

  /** The named declaration for a def (or the root). */
  entryBody(entry: Entry): DNode {
    return named(this.body(entry.schema, ALL_KINDS), entry.name);
  }

  /** A subschema where only `context` kinds can occur; a named subschema prints as its name. */
  private node(schema: JsonValue, context: KindSet): DNode {
    const entry = isJsonObject(schema) ? this.index.entryOf(schema) : undefined;
    return entry === undefined ? this.body(schema, context) : this.ref(entry, context);
  }

  private body(schema: JsonValue, context: KindSet): DNode {
    if (schema === false) return neverNode();
    // `true`, and anything that is not a schema object (ajv rejects it; nothing to narrow by).
    if (!isJsonObject(schema)) return this.anyOf(context);
    const s = schema;
    const description = typeof s["description"] === "string" ? s["description"] : undefined;
    const deprecated = s["deprecated"] === true;
    // Before 2019-09 the spec makes `$ref` override its siblings; ajv applies them, so ignoring them is wider than
    // the validator and right under either reading.
    if (this.facts.refOverridesSiblings && typeof s["$ref"] === "string") {
      return annotate(this.ref(this.index.target(s["$ref"]), context), description, deprecated);
    }
    const kinds = this.kinds.kindsOf(s) & context;
    if (kinds === NO_KINDS) return annotate(neverNode(), description, deprecated);

    const values = literalValues(s);
    let base: DNode;
    let baseTrivial = false;
    if (values !== undefined) base = this.literals(values.filter((v) => (kindOfValue(v) & kinds) !== 0));
    else {
      const parts = kindsIn(kinds).map((k) => this.kindPart(k, s));
      baseTrivial = parts.every((p) => p.trivial);
      base = baseTrivial ? this.anyOf(kinds) : union(parts.map((p) => p.node));
    }

    const applied: DNode[] = [];
    const allOf = s["allOf"];
    if (Array.isArray(allOf)) for (const member of allOf) applied.push(this.node(member, kinds));
    for (const key of ["anyOf", "oneOf"]) {
      const members = s[key];
      if (Array.isArray(members)) applied.push(union(members.map((m) => this.node(m, kinds))));
    }
    // (if ∧ then) ∨ (¬if ∧ else) ⊆ then ∨ else; with only one branch nothing is implied.
    if ("then" in s && "else" in s) {
      applied.push(union([this.node(s["then"]!, kinds), this.node(s["else"]!, kinds)]));
    }
    if (typeof s["$ref"] === "string") applied.push(this.ref(this.index.target(s["$ref"]), kinds));

    // Every applied part is already restricted to `kinds`, so a trivial base adds nothing to them; and a part that
    // is only that restriction (`allOf: [true]`, `anyOf: [{minLength: 1}]`) adds nothing to the base.
    const constraining = applied.filter((p) => ((this.restrictions.get(p) ?? NO_KINDS) & kinds) !== kinds);
    const result =
      constraining.length > 0 && baseTrivial ? intersection(constraining) : intersection([base, ...constraining]);
    return annotate(result, description, deprecated);
  }

  /** A reference to a named entry, intersected with the context kinds when the target may lie outside them. */
  private ref(target: Entry | boolean, context: KindSet): DNode {
    if (typeof target === "boolean") return target ? this.anyOf(context) : neverNode();
    const node = refNode(target.name);
    const kinds = this.kinds.kindsOf(target.schema);
    return (kinds & ~context) === 0 ? node : intersection([this.anyOf(kinds & context), node]);
  }

  /** Any value of the given kinds. */
  private anyOf(kinds: KindSet): DNode {
    if (kinds === ALL_KINDS) return unknownNode();
    const node = union(kindsIn(kinds).map((k) => this.kindPart(k, {}).node));
    this.restrictions.set(node, kinds);
    return node;
  }

  private kindPart(kind: Kind, s: JsonObject): Part {
    if (kind === "object") return this.objectPart(s);
    if (kind === "array") return this.arrayPart(s);
    return { node: { type: kind }, trivial: true };
  }

  private objectPart(s: JsonObject): Part {
    const declared = isJsonObject(s["properties"]) ? s["properties"] : {};
    const listed = Array.isArray(s["required"]) ? s["required"] : [];
    const required = new Set(listed.filter((r): r is string => typeof r === "string"));
    let additional = s["additionalProperties"];
    // Without in-place applicators, `unevaluatedProperties` sees exactly what `additionalProperties` would.
    if (additional === undefined && this.facts.unevaluated && !IN_PLACE.some((k) => k in s)) {
      additional = s["unevaluatedProperties"];
    }
    const index = this.indexSignature(s, additional);

    const properties: { [placeholder: string]: DNode } = {};
    for (const key of Object.keys(declared)) {
      // ajv never applies `properties.__proto__` (a prototype-pollution guard), so its value is unconstrained; for
      // optional `Object` member names see OBJECT_MEMBERS.
      const unconstrained = key === "__proto__" || (OBJECT_MEMBERS.has(key) && !required.has(key));
      const type = this.node(declared[key]!, ALL_KINDS);
      properties[this.keys.placeholder(key)] = unconstrained
        ? annotate(unknownNode(), type.description, type.deprecated === true)
        : type;
    }
    // A required key without a declared schema is still present, with whatever type the index allows.
    for (const key of required) {
      if (Object.prototype.hasOwnProperty.call(declared, key)) continue;
      properties[this.keys.placeholder(key)] = index === true ? unknownNode() : index === false ? neverNode() : index;
    }
    const node = objectNode(
      properties,
      [...required].map((key) => this.keys.placeholder(key)),
      index,
    );
    return { node, trivial: Object.keys(properties).length === 0 && index === true };
  }

  /** `true`: any extra key; `false`: none; a node: the union of `patternProperties` and `additionalProperties`. */
  private indexSignature(s: JsonObject, additional: JsonValue | undefined): boolean | DNode {
    if (additional === undefined || additional === true) return true;
    const members: DNode[] = [];
    const patterns = s["patternProperties"];
    if (isJsonObject(patterns))
      for (const key of Object.keys(patterns)) members.push(this.node(patterns[key]!, ALL_KINDS));
    if (additional !== false) members.push(this.node(additional, ALL_KINDS));
    const index = union(members);
    return isUnknown(index) ? true : isNever(index) ? false : index;
  }

  private arrayPart(s: JsonObject): Part {
    let prefix: readonly JsonValue[] = [];
    let rest: JsonValue | undefined;
    const items = s["items"];
    if (Array.isArray(items)) {
      // `items: [...]` tuple, draft-04 to 2019-09 (also accepted in a 2020-12 schema, which ajv rejects anyway).
      prefix = items;
      rest = s["additionalItems"];
    } else if (this.facts.tupleKeywords.prefix === "prefixItems") {
      const prefixItems = s["prefixItems"];
      prefix = Array.isArray(prefixItems) ? prefixItems : [];
      rest = items;
    } else rest = items;
    const inPlace = this.facts.containsEvaluates ? [...IN_PLACE, "contains"] : IN_PLACE;
    if (rest === undefined && this.facts.unevaluated && !inPlace.some((k) => k in s)) rest = s["unevaluatedItems"];

    const restNode =
      rest === undefined || rest === true ? unknownNode() : rest === false ? false : this.node(rest, ALL_KINDS);
    const shape: ArrayShape = {
      prefix: prefix.map((p) => this.node(p, ALL_KINDS)),
      rest: restNode,
      minItems: count(s["minItems"]) ?? 0,
      maxItems: count(s["maxItems"]),
    };
    const trivial =
      shape.prefix.length === 0 &&
      restNode !== false &&
      isUnknown(restNode) &&
      shape.minItems === 0 &&
      shape.maxItems === undefined;
    return { node: arrayType(shape), trivial };
  }

  /** `const`/`enum` values: primitives as one jsts enum, objects and arrays as exact object/tuple shapes. */
  private literals(values: readonly JsonValue[]): DNode {
    const primitives = new Map<string, JsonPrimitive>();
    const members: DNode[] = [];
    for (const value of values) {
      if (Array.isArray(value)) {
        members.push({ type: "array", items: value.map((v) => this.literals([v])), additionalItems: false });
      } else if (isJsonObject(value)) {
        // Object values go through properties (and so placeholders): jsts would JSON-print their keys raw.
        const keys = Object.keys(value);
        const properties = Object.fromEntries(keys.map((k) => [this.keys.placeholder(k), this.literals([value[k]!])]));
        members.push(
          objectNode(
            properties,
            keys.map((k) => this.keys.placeholder(k)),
            false,
          ),
        );
      } else primitives.set(canonicalJson(value), value);
    }
    if (primitives.size > 0) members.unshift({ enum: [...primitives.values()] });
    return union(members);
  }
}

/** Values allowed by `const` and `enum` together, or undefined when neither is present. */
function literalValues(s: JsonObject): readonly JsonValue[] | undefined {
  let values: readonly JsonValue[] | undefined = Object.prototype.hasOwnProperty.call(s, "const")
    ? [s["const"]!]
    : undefined;
  const allowed = s["enum"];
  if (Array.isArray(allowed)) {
    const set = new Set(allowed.map(canonicalJson));
    values = values === undefined ? allowed : values.filter((v) => set.has(canonicalJson(v)));
  }
  return values;
}

function count(value: JsonValue | undefined): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

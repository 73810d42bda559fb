/**
 * Read-only helpers over bundled schema nodes: keyword classes, type sets, `$ref` resolution.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation
 */
import { decimalOf, literalOf } from "../ir/exact.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../ir/json.js";
import { localTarget } from "../ir/local-ref.js";
import { isAnnotation } from "../strictness/annotations.js";
import type { SchemaNode } from "./types.js";

/** Keywords that never change which values are valid. Compared by the annotation rules only. */
export const ANNOTATIONS = new Set([
  "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment",
  "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$defs", "definitions", "$vocabulary",
  "contentEncoding", "contentMediaType", "contentSchema",
]);

export type BasicType = "null" | "boolean" | "object" | "array" | "string" | "number" | "integer";
export const ALL_TYPES: readonly BasicType[] = ["null", "boolean", "object", "array", "string", "number"];

export function isObj(node: unknown): node is JsonObject {
  return isJsonObject(node);
}

export function jsonTypeOf(value: JsonValue): BasicType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as "boolean" | "object" | "string";
}

/**
 * Type set a node allows, from `type` and `enum`. "number" includes integers; "integer" alone means integers only.
 * An over-approximation: combinators and other keywords may allow fewer values.
 */
export function typesOf(node: SchemaNode): Set<BasicType> {
  if (node === false) return new Set();
  if (node === true) return new Set(ALL_TYPES);
  let types = new Set<BasicType>(ALL_TYPES);
  const t = node["type"];
  if (typeof t === "string" || Array.isArray(t)) types = new Set((Array.isArray(t) ? t : [t]) as BasicType[]);
  const e = node["enum"];
  if (Array.isArray(e)) {
    const fromEnum = new Set<BasicType>();
    // As written: 1.0000000000000001 is the double 1 but no integer (src/ir/exact.ts).
    e.forEach((v, i) => fromEnum.add(typeof v === "number" && Number.isInteger(v) && !integerAsWritten(e, i) ? "number" : jsonTypeOf(v)));
    types = intersectTypes(types, fromEnum);
  }
  for (const kw of ["anyOf", "oneOf"]) {
    const branches = node[kw];
    if (!Array.isArray(branches) || branches.some((b) => isObj(b) && typeof b["$ref"] === "string")) continue;
    const union = new Set<BasicType>();
    for (const b of branches) for (const t of typesOf(b as SchemaNode)) union.add(t);
    types = intersectTypes(types, union);
  }
  return types;
}

/** Whether a number member is an integer as written (true when no literal was recorded: the double is exact). */
function integerAsWritten(container: object, key: number): boolean {
  const text = literalOf(container, key);
  if (text === undefined) return true;
  const x = decimalOf(text);
  return x !== undefined && x.n % x.d === 0n;
}

/** Whether the set has values of type `t`; "number" and "integer" both ask for any number (integers are numbers). */
export function hasType(types: ReadonlySet<BasicType>, t: BasicType): boolean {
  if (t === "integer" || t === "number") return types.has("integer") || types.has("number");
  return types.has(t);
}

function intersectTypes(a: ReadonlySet<BasicType>, b: ReadonlySet<BasicType>): Set<BasicType> {
  const out = new Set<BasicType>();
  for (const t of b) {
    if (t === "integer" ? hasType(a, "integer") : a.has(t)) out.add(t);
    else if (t === "number" && a.has("integer")) out.add("integer");
  }
  return out;
}

/** The node a local `$ref` points to (bundled schemas hold only local refs), or undefined (src/ir/local-ref.ts). */
export function resolveRef(root: SchemaNode, ref: string): { node: SchemaNode; pointer: string } | undefined {
  if (typeof root === "boolean") return ref === "#" ? { node: root, pointer: "" } : undefined;
  return localTarget(root, ref);
}

/** Deep JSON equality with JSON number semantics (1 and 1.0 are the same value). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Assertion keywords of a node: everything but annotations, including the editor and vendor annotations (`x-*`,
 * `markdownDescription`, …) that the build accepts and its validators ignore (src/strictness/annotations.ts).
 */
export function assertionKeys(node: SchemaNode): string[] {
  if (typeof node === "boolean") return [];
  return Object.keys(node).filter((k) => !ANNOTATIONS.has(k) && !isAnnotation(k));
}

/** True when the node accepts every value (`true`, `{}` or only annotations). */
export function acceptsAll(node: SchemaNode): boolean {
  return node === true || (typeof node !== "boolean" && assertionKeys(node).length === 0);
}

/** True when the node provably accepts nothing (`false`, `not: {}`, no type left, empty enum). */
export function acceptsNothing(node: SchemaNode): boolean {
  if (node === false) return true;
  if (node === true) return false;
  if (node["not"] !== undefined && acceptsAll(node["not"] as SchemaNode)) return true;
  const e = node["enum"];
  if (Array.isArray(e) && e.length === 0) return true;
  return typesOf(node).size === 0;
}

export function numberOr(value: JsonValue | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}

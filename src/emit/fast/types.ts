/**
 * `type`: the `typeof` tests, written exactly as ajv writes them (`strictNumbers`: numbers must be finite), so
 * the fast path and ajv agree on every JavaScript value, not only on JSON.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-type
 */
import { Unsupported } from "./context.js";
import type { JsonValue } from "../../ir/json.js";

/** The JSON types a keyword family applies to, as ajv groups them. */
export type TypeGroup = "number" | "string" | "array" | "object";

/** A boolean expression: `value` has JSON type `type`. */
export function typeTest(type: string, value: string): string {
  switch (type) {
    case "null":
      return `${value} === null`;
    case "boolean":
      return `typeof ${value} == "boolean"`;
    case "string":
      return `typeof ${value} == "string"`;
    case "number":
      // ajv's `typeof x == "number" && isFinite(x)`, which is Number.isFinite exactly (no coercion), in fewer bytes.
      return `Number.isFinite(${value})`;
    case "integer":
      // ajv's `typeof x == "number" && !(x % 1) && !isNaN(x) && isFinite(x)`, which is Number.isInteger exactly
      // (ECMA-262 IsIntegralNumber: a finite number whose floor is itself), in fewer bytes.
      return `Number.isInteger(${value})`;
    case "array":
      return `Array.isArray(${value})`;
    case "object":
      return `(${value} !== null && typeof ${value} == "object" && !Array.isArray(${value}))`;
    default:
      throw new Unsupported(`type "${type}"`);
  }
}

/** The types `schema.type` allows, or undefined when it has no `type`. */
export function declaredTypes(schema: JsonValue): string[] | undefined {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return undefined;
  const type = schema["type"];
  if (type === undefined) return undefined;
  if (typeof type === "string") return [type];
  if (Array.isArray(type) && type.every((t): t is string => typeof t === "string")) return type;
  throw new Unsupported("a `type` that is not a string or a list of strings");
}

/** `if (!(value has one of types)) return false;` */
export function emitType(types: readonly string[], value: string, out: string[]): void {
  if (types.length === 0) {
    out.push("return false;");
    return;
  }
  out.push(`if (!(${types.map((t) => typeTest(t, value)).join(" || ")})) return false;`);
}

/**
 * The test that guards a keyword family's checks, or "" when `types` already proves it: with `type: "string"`
 * checked first, `minLength` needs no second `typeof`.
 */
export function groupGuard(group: TypeGroup, types: readonly string[] | undefined, value: string): string {
  if (types !== undefined) {
    const proven = group === "number" ? types.every((t) => t === "number" || t === "integer") : types.length === 1 && types[0] === group;
    if (proven) return "";
  }
  return typeTest(group, value);
}

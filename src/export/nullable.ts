import { isJsonObject, type JsonObject, type JsonValue } from "../ir/json.js";

const ANNOTATION_KEYS = ["title", "description"];

/** True when the schema certainly accepts `null` (conservative: a `$ref` is assumed not to). */
export function acceptsNull(s: JsonValue): boolean {
  if (s === true) return true;
  if (!isJsonObject(s)) return false;
  const t = s["type"];
  if (t === "null" || (Array.isArray(t) && t.includes("null"))) return !Array.isArray(s["enum"]) || s["enum"].includes(null);
  if (Array.isArray(s["enum"])) return s["enum"].includes(null);
  if ("const" in s) return s["const"] === null;
  if (Array.isArray(s["anyOf"])) return s["anyOf"].some(acceptsNull);
  const shaping = ["type", "$ref", "allOf", "oneOf", "not", "properties", "items"];
  return !shaping.some((k) => k in s);
}

/**
 * A schema that also accepts `null`: a `null` member added to a simple `type`, else `anyOf: [schema, null]` with
 * the annotations kept outside (so the model still reads the description first).
 */
export function nullable(s: JsonObject, _root: JsonObject): { schema: JsonObject; added: boolean } {
  if (acceptsNull(s)) return { schema: s, added: false };
  const t = s["type"];
  const simple = !("enum" in s) && !("const" in s) && !("$ref" in s) && !("anyOf" in s) && !("allOf" in s) && !("oneOf" in s);
  if (simple && typeof t === "string") return { schema: { ...s, type: [t, "null"] }, added: true };
  if (simple && Array.isArray(t)) return { schema: { ...s, type: [...t, "null"] }, added: true };
  return { schema: wrapAnyOfNull(s), added: true };
}

function wrapAnyOfNull(s: JsonObject): JsonObject {
  const outer: JsonObject = {};
  const inner: JsonObject = {};
  for (const [k, v] of Object.entries(s)) (ANNOTATION_KEYS.includes(k) && !("$ref" in s) ? outer : inner)[k] = v;
  return { ...outer, anyOf: [inner, { type: "null" }] };
}

/**
 * `enum: [..., null]` where the provider takes no `null` enum member: the member leaves the enum and the schema
 * becomes nullable in the provider's form. Returns the same object when there is nothing to do.
 */
export function stripNullFromEnum(s: JsonObject, openapi: boolean): JsonObject {
  const e = s["enum"];
  if (!Array.isArray(e) || !e.includes(null)) return s;
  const rest: JsonObject = { ...s, enum: e.filter((x) => x !== null) };
  const t = rest["type"];
  if (Array.isArray(t)) {
    const nonNull = t.filter((x) => x !== "null");
    if (nonNull.length === 1) rest["type"] = nonNull[0]!;
    else rest["type"] = nonNull;
  }
  if (openapi) return { ...rest, nullable: true };
  return wrapAnyOfNull(rest);
}

/** OpenAPI 3.0 form: `type: [T, "null"]` → `type: T, nullable: true`; `anyOf` `null` branches → `nullable: true`. */
export function toOpenapiNullable(s: JsonObject): JsonObject {
  let out = s;
  const t = s["type"];
  if (Array.isArray(t)) {
    const nonNull = t.filter((x): x is string => typeof x === "string" && x !== "null");
    const withNull = t.includes("null");
    const { type: _t, ...rest } = s;
    if (nonNull.length === 1) out = { ...rest, type: nonNull[0]!, ...(withNull ? { nullable: true } : {}) };
    else out = { ...rest, anyOf: nonNull.map((x) => ({ type: x })), ...(withNull ? { nullable: true } : {}) };
  }
  const any = out["anyOf"];
  if (Array.isArray(any) && any.some((b) => isJsonObject(b) && b["type"] === "null")) {
    const keep = any.filter((b) => !(isJsonObject(b) && b["type"] === "null"));
    out = { ...out, anyOf: keep, nullable: true };
    if (keep.length === 1 && isJsonObject(keep[0])) {
      const { anyOf: _a, ...rest } = out;
      out = { ...keep[0], ...rest };
    }
  }
  return out;
}

import type { OpenAPIV3, OpenAPIV3_1 } from "openapi-types";
import { isJsonObject, type JsonObject, type JsonValue } from "../ir/json.js";

/** One contract made from one `components.schemas` entry. */
export interface ImportedContract {
  /** Kebab-case contract name (`RefundRequest` → `refund-request`). */
  readonly name: string;
  readonly component: string;
  readonly schema: JsonObject;
  /** Keywords removed or rewritten because they are OpenAPI-only, with pointers into the component. */
  readonly notes: readonly string[];
}

type AnyDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;

/** OpenAPI-only keywords JSON Schema 2020-12 (in ajv strict mode) does not know. */
const OPENAPI_ONLY = new Set(["discriminator", "xml", "externalDocs", "nullable", "example"]);

/** `RefundRequest` → `refund-request`; `HTTPError` → `http-error`; `order_v2` → `order-v2`. */
export function kebabName(component: string): string {
  return component
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/**
 * Converts every `components.schemas` entry of an OpenAPI 3.0 or 3.1 document into a self-contained 2020-12
 * schema: other components it references are copied into `$defs`, 3.0 `nullable` becomes a `null` type member,
 * boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, `example` becomes `examples`.
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object and https://spec.openapis.org/oas/v3.1.0#schema-object
 */
export function importComponents(doc: AnyDocument): ImportedContract[] {
  const is30 = doc.openapi.startsWith("3.0");
  const components = (doc.components?.schemas ?? {}) as Record<string, JsonValue>;
  const out: ImportedContract[] = [];
  for (const [component, raw] of Object.entries(components)) {
    const notes: string[] = [];
    const used = new Set<string>();
    const convert = (value: JsonValue, at: string): JsonValue => {
      if (Array.isArray(value)) return value.map((v, i) => convert(v, `${at}/${i}`));
      if (!isJsonObject(value)) return value;
      const s: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")) {
          const target = decodeURIComponent(v.slice("#/components/schemas/".length));
          used.add(target);
          s[k] = target === component ? "#" : `#/$defs/${target}`;
        } else if (k.startsWith("x-") || (OPENAPI_ONLY.has(k) && k !== "nullable" && k !== "example")) {
          notes.push(`${at}/${k}: OpenAPI-only keyword dropped`);
        } else if (k === "example") s["examples"] = [v];
        else if (k === "nullable") continue;
        else if ((k === "exclusiveMinimum" || k === "exclusiveMaximum") && typeof v === "boolean") {
          const bound = k === "exclusiveMinimum" ? "minimum" : "maximum";
          if (v && typeof value[bound] === "number") notes.push(`${at}/${k}: boolean form (3.0) made numeric`);
          continue;
        } else s[k] = convert(v, `${at}/${k}`);
      }
      for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
        if (value[flag] === true && typeof value[bound] === "number") (s[flag] = value[bound]), delete s[bound];
      }
      if (value["nullable"] === true) {
        if (!is30) notes.push(`${at}/nullable: 3.0 keyword in a 3.1 document, read as 3.0`);
        return withNull(s);
      }
      return s;
    };
    const root = convert(raw, "") as JsonObject;
    const defs: JsonObject = {};
    // Copy referenced components transitively; each is converted in the same way.
    const queue = [...used].filter((n) => n !== component);
    const seen = new Set<string>(queue);
    while (queue.length > 0) {
      const name = queue.shift()!;
      used.clear();
      const target = components[name];
      if (target === undefined) {
        notes.push(`$ref to missing component ${name}`);
        continue;
      }
      defs[name] = convert(target, `/$defs/${name}`);
      for (const n of used) if (n !== component && !seen.has(n)) (seen.add(n), queue.push(n));
    }
    const schema: JsonObject = { $schema: "https://json-schema.org/draft/2020-12/schema", ...root };
    if (Object.keys(defs).length > 0) schema["$defs"] = { ...(isJsonObject(root["$defs"]) ? root["$defs"] : {}), ...defs };
    out.push({ name: kebabName(component), component, schema, notes });
  }
  return out;
}

function withNull(s: JsonObject): JsonObject {
  const t = s["type"];
  const out: JsonObject = { ...s };
  if (typeof t === "string") out["type"] = [t, "null"];
  else if (Array.isArray(t)) out["type"] = t.includes("null") ? t : [...t, "null"];
  else {
    const { description, title, ...rest } = s;
    return { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: "null" }] };
  }
  if (Array.isArray(out["enum"]) && !out["enum"].includes(null)) out["enum"] = [...out["enum"], null];
  return out;
}

import type { OpenAPIV3_1 } from "openapi-types";
import type { CompiledVersion } from "../shapes/compiled.js";
import { pascalCase } from "../emit/codegen/escape.js";
import { lowerDraft } from "../export/draft.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../ir/json.js";

/**
 * An OpenAPI 3.1 document holding the latest version of every contract under `components.schemas`. OpenAPI 3.1
 * schemas are JSON Schema 2020-12, so the bundled schema goes in as it is, with its `$defs` hoisted next to it
 * (`<Contract><Def>`) and its local `$ref`s rewritten to component pointers.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
export function openapiDocument(latest: readonly CompiledVersion[], info: { title: string; version: string }): OpenAPIV3_1.Document {
  const schemas: Record<string, JsonObject> = {};
  for (const v of latest) {
    const base = pascalCase(v.contract.name);
    // Draft-04 boolean exclusive bounds in the numeric form 2020-12 reads.
    const schema = lowerDraft(v.schema, { stripDialect: true }).schema;
    const defsKey = isJsonObject(schema["$defs"]) ? "$defs" : "definitions";
    const rewrite = (value: JsonValue): JsonValue => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!isJsonObject(value)) return value;
      const out: JsonObject = {};
      for (const [k, x] of Object.entries(value)) out[k] = k === "$ref" && typeof x === "string" ? refTo(base, defsKey, x) : rewrite(x);
      return out;
    };
    const { $schema: _s, [defsKey]: defs, ...root } = schema;
    schemas[base] = { ...(rewrite(root) as JsonObject), "x-llm-contracts": { contract: v.contract.name, version: v.source.version, kind: v.contract.manifest.kind, hash: v.hash } };
    if (isJsonObject(defs)) for (const [name, def] of Object.entries(defs)) schemas[`${base}${pascalCase(name)}`] = rewrite(def) as JsonObject;
  }
  return {
    openapi: "3.1.0",
    info,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths: {},
    components: { schemas: schemas as Record<string, OpenAPIV3_1.SchemaObject> },
  };
}

function refTo(base: string, defsKey: string, ref: string): string {
  const prefix = `#/${defsKey}/`;
  if (ref.startsWith(prefix)) {
    const [name, ...rest] = ref.slice(prefix.length).split("/");
    return `#/components/schemas/${base}${pascalCase(decodeURIComponent(name!).replace(/~1/g, "/").replace(/~0/g, "~"))}${rest.length > 0 ? `/${rest.join("/")}` : ""}`;
  }
  return `#/components/schemas/${base}${ref.slice(1)}`;
}

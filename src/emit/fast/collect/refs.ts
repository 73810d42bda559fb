/**
 * `$ref` into the same document, written in place where ajv inlines it (`inlineRefs`, the default: the target
 * holds no reference itself, ajv's `hasRef`); the errors' schema path then starts with the `$ref` text as
 * written. Other references (a target with references, to the root, anchors, anything the fast path does not
 * resolve) stay with ajv's code.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-direct-references-with-ref
 */
import { Unsupported, type FastContext } from "../context.js";
import { resolvePointer } from "../refs.js";
import type { At, Collect } from "./context.js";
import type { JsonValue } from "../../../ir/json.js";

const REF_KEYWORDS = new Set(["$ref", "$recursiveRef", "$recursiveAnchor", "$dynamicRef", "$dynamicAnchor"]);

/** ajv's `hasRef` (compile/resolve.ts): any reference keyword anywhere below, annotations included. */
function hasRef(schema: JsonValue): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(hasRef);
  for (const key of Object.keys(schema)) {
    if (REF_KEYWORDS.has(key)) return true;
    if (hasRef(schema[key]!)) return true;
  }
  return false;
}

export function collectRef(ctx: FastContext, ref: string, at: At, out: string[], collect: Collect): void {
  if (ref === "#" || !ref.startsWith("#/")) throw new Unsupported("a `$ref` ajv does not inline (all-errors collector)");
  const target = resolvePointer(ctx, ref);
  // A target with references of its own becomes a function of its own in ajv's code, and the schema paths it
  // reports are not always rooted at `#` (SchemaStore's dependabot-2.0 mixes both): left to ajv's code.
  if (hasRef(target)) throw new Unsupported("a `$ref` ajv compiles to a function of its own (all-errors collector)");
  collect(ctx, target, { ...at, schemaPath: ref }, out);
}

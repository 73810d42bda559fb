/**
 * Witness confirmation with the validators we generate: the same `emitValidator` code that ships in
 * `generated/` (not in-memory ajv, whose deep-equal differs on objects with own `toString`/`constructor`), loaded
 * with `importValidator`. A witness is kept only when it is valid under one schema and invalid under the other.
 */
import { importValidator } from "../../compile/compile.js";
import { emitValidator } from "../../emit/validators/index.js";
import { canonicalJson, type Draft, type JsonObject, type JsonValue } from "../../ir/json.js";
import type { RawValidator } from "../../runtime/runtime.js";

const cache = new Map<string, Promise<RawValidator>>();
const MAX_CACHED = 256;

export type Check = (value: JsonValue) => boolean;

export async function validatorFor(schema: JsonObject | boolean, draft: Draft): Promise<Check> {
  if (typeof schema === "boolean") return () => schema;
  const key = `${draft}|${canonicalJson(schema)}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    // strict: false only relaxes what ajv refuses to compile; validation semantics are the pinned ones.
    pending = importValidator(emitValidator({ schema, draft, strict: false }));
    cache.set(key, pending);
  }
  const validate = await pending;
  return (value) => validate(value) === true;
}

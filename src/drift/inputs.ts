/**
 * Input checks before a diff: what would otherwise surface as an internal error deep in the engine or in the
 * validators is refused here with the file and pointer (exit 2). Each check is something surely wrong:
 * - a violation of the draft's meta-schema (a keyword of the wrong type, `items: "*"`), found by the build's own
 *   check: the engine and the validators may then rely on the shape of every keyword;
 * - a `pattern` or `patternProperties` key that is not an ECMA-262 regular expression (with the `u` flag);
 * - a tuple `items: [...]` in a file read as 2020-12, where `items` must be one schema (a draft-07 tuple in a file
 *   without `$schema`: say which draft with `$schema` or `--default-draft`);
 * - a `$ref` cycle through in-place applicators only (`allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`,
 *   `dependentSchemas`, `$ref`): evaluating it never ends (JSON Schema Core §9.4.1 calls such schemas invalid). The
 *   finder is the loader's (src/ir/in-place-cycle.ts): a project's schemas never get here with one (the loader
 *   refuses them as `schema.ref-cycle`); schemas handed to `diffSchemas` directly may.
 */
import { createHash } from "node:crypto";
import { runCache } from "../cache/context.js";
import { InputError, inputError } from "../errors.js";
import { annotationBlind } from "../ir/annotations.js";
import { isJsonObject, pointerAppend, type Draft, type JsonObject, type JsonValue } from "../ir/json.js";
import { inPlaceCycle } from "../ir/in-place-cycle.js";
import { subschemas } from "../ir/keywords.js";
import { dialectOf } from "./dialect.js";
import { shipped } from "./witness/shipped.js";

/**
 * Schemas that passed, by a digest of their draft and canonical text (the caller's `validatorKey`, when it could
 * print one; without it the schema is checked and not remembered): the same schema diffed
 * again (the old side of every pair of a CI run, a matrix of mutations of one schema) is not checked again. The
 * meta-schema check alone was a fifth of a large schema's diff. Only passes are kept: a refusal is found anew, so
 * it names the file of this call. What is checked depends on the text alone, so the cache cannot change a result.
 */
const passed = new Set<string>();
const MAX_PASSED = 1024;

export async function checkInput(schema: JsonObject, draft: Draft, file: string, key?: string): Promise<void> {
  const digest = key === undefined ? undefined : createHash("sha256").update(key).digest("base64");
  if (digest !== undefined && passed.has(digest)) return;
  await check(schema, draft, file, key !== undefined && shipped.has(key));
  if (digest === undefined) return;
  if (passed.size >= MAX_PASSED) passed.delete(passed.values().next().value as string);
  passed.add(digest);
}

/**
 * The meta-schema check, with its passes kept in the run's cache under the schema's blind form (src/ir/annotations.ts):
 * the meta-schemas ask of `title`, `description` and `$comment` only that they be strings, so an annotation-only
 * edit of a schema that passed passes too, and is not checked again (no ajv is loaded). A schema whose blind
 * form never passed (a `description: 5` among them: it is not blanked) is checked and its refusal reported.
 * The cache is hostile input: an entry other than `{pass: true}` is a miss.
 */
async function metaCheck(schema: JsonObject, draft: Draft, file: string): Promise<void> {
  const cache = runCache();
  let key: string | undefined;
  try {
    key = cache === undefined ? undefined : cache.store.key("drift-meta-pass", draft, annotationBlind(schema).text);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e; // too deep to print: checked, not remembered
  }
  if (key !== undefined && cache!.store.get<{ pass?: unknown }>(key)?.pass === true) return;
  const { metaDiagnostics } = await import("../emit/validators/diagnostics.js");
  const meta = metaDiagnostics(schema, draft, file);
  if (meta.length > 0) throw new InputError(meta[0]!);
  if (key !== undefined) cache!.store.set(key, { pass: true });
}

/**
 * `built`: this run's build compiled this very schema (its validator code is offered to witness confirmation,
 * witness/shipped.ts, under the same key), and a build compiles only a schema that passed the same meta-schema
 * check (`compileValidator` runs `metaDiagnostics` first and refuses on any finding; a reused compile was keyed by
 * the schema's blind form, which the meta-schemas cannot tell apart, as `metaCheck`'s own cache says): it is not
 * checked again, nor its pass written to the cache. Why: a cold `check` of a thousand contracts spent seconds of
 * its main thread here on schemas its workers had just checked.
 */
async function check(schema: JsonObject, draft: Draft, file: string, built = false): Promise<void> {
  const fail = (pointer: string, code: string, message: string) => inputError(code, { file, pointer }, message);
  const tuples = dialectOf(draft).tupleItems;
  const stack: [JsonValue, string][] = [[schema, ""]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (!isJsonObject(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node["pattern"] === "string") regex(node["pattern"], pointerAppend(pointer, "pattern"), fail);
    if (isJsonObject(node["patternProperties"])) {
      for (const p of Object.keys(node["patternProperties"])) regex(p, pointerAppend(pointerAppend(pointer, "patternProperties"), p), fail);
    }
    if (!tuples && Array.isArray(node["items"])) {
      throw fail(pointerAppend(pointer, "items"), "drift.tuple-items-in-2020-12",
        `"items" is an array (a draft-07 tuple) but the file is read as ${draft}, where "items" is one schema; declare "$schema" or pass --default-draft draft-07`);
    }
    for (const [child, at] of subschemas(node, pointer)) stack.push([child, at]);
  }
  if (!built) await metaCheck(schema, draft, file);
  const cycle = inPlaceCycle(schema);
  if (cycle !== undefined) {
    throw fail(cycle[0]!, "drift.infinite-recursion",
      `a $ref cycle through in-place applicators only (${cycle.map((p) => `#${p}`).join(" → ")}): validating any value would never end`);
  }
}

function regex(source: string, pointer: string, fail: (p: string, c: string, m: string) => Error): void {
  try {
    new RegExp(source, "u");
  } catch (e) {
    throw fail(pointer, "drift.invalid-pattern", `${JSON.stringify(source)} is not a regular expression (ECMA-262, u flag): ${(e as Error).message}`);
  }
}

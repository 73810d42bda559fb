/**
 * `anyOf`/`oneOf` branches that are a bare `$ref` to a leaf schema (only keywords about the value itself: no
 * subschemas, no references) replaced by that schema. Why: normalize.ts reads `oneOf: [{type: string}, {type:
 * null}]` as `type: [null, string]`, but not when one branch is `{$ref: "#/$defs/nothing"}` with the same
 * `{type: null}` behind it; extracting a branch into `$defs` must not turn a compatible change into an unknown.
 * The replacement is the target object itself and the rewritten node is kept per node, so node identities (proof
 * keys, memos) stay stable across visits.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
import type { JsonObject, JsonValue } from "../../ir/json.js";
import { carryLiterals } from "../../ir/exact.js";
import { keywordKind } from "../../ir/keywords.js";
import { assertionKeys, isObj, resolveRef } from "../schema.js";
import { STANDARD } from "../standard.js";
import type { SchemaNode } from "../types.js";

/** Keywords that hold no subschema and no reference: a schema made of these alone is a leaf. */
const LEAF = new Set(["type", "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "nullable"]);

/**
 * A project's own keyword (not standard, not `$…`, unknown to the validators) is opaque and ignored by the generated
 * validators: it holds no subschema they follow, so a leaf may carry it (`{type: string, format: date,
 * abcIsLastDayOfMonth: true}` behind a `$ref`, corpus abc-supply-plan).
 */
const leafKey = (k: string): boolean => LEAF.has(k) || (!STANDARD.has(k) && !k.startsWith("$") && keywordKind(k) === undefined);

const memo = new WeakMap<object, WeakMap<object, SchemaNode>>();

export function inlineLeafRefs(node: SchemaNode, root: SchemaNode): SchemaNode {
  if (!isObj(node) || !isObj(root)) return node;
  let byNode = memo.get(root);
  if (byNode === undefined) memo.set(root, (byNode = new WeakMap()));
  const known = byNode.get(node);
  if (known !== undefined) return known;
  let out: JsonObject = node;
  for (const kw of ["anyOf", "oneOf"]) {
    const list = node[kw];
    if (!Array.isArray(list)) continue;
    const next = list.map((b) => leafBehind(b, root) ?? b);
    if (next.some((b, i) => b !== list[i])) {
      const copy: JsonObject = { ...out, [kw]: next };
      carryLiterals(out, copy); // numbers as written (src/ir/exact.ts)
      out = copy;
    }
  }
  byNode.set(node, out);
  return out;
}

function leafBehind(branch: JsonValue, root: SchemaNode): JsonValue | undefined {
  if (!isObj(branch) || typeof branch["$ref"] !== "string" || assertionKeys(branch).length !== 1) return undefined;
  const target = resolveRef(root, branch["$ref"])?.node;
  if (!isObj(target)) return undefined;
  const keys = assertionKeys(target);
  return keys.length > 0 && keys.every(leafKey) ? target : undefined;
}

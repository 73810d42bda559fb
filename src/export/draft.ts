/**
 * Old drafts as providers read them. Providers and their SDKs take draft-07 or later (OpenAI, Anthropic and Gemini
 * document their subsets in 2020-12 terms; MCP clients validate with ajv's default draft-07 class, which has no
 * draft-04 or draft-06 meta-schema). A draft-04 or draft-06 contract is therefore written in draft-07 form:
 *
 * - draft-04 boolean exclusive bounds become numbers: `minimum: 0, exclusiveMinimum: true` → `exclusiveMinimum: 0`
 *   (`exclusiveMinimum: false` only restates `minimum` and goes);
 * - `$schema` names draft-07 where the profile keeps the declaration (the profiles that strip it strip it anyway).
 *
 * Every other draft-04/06 form is draft-07 already: `definitions`, `dependencies`, `items: [...]` tuples. `id`
 * never gets here: bundling drops identifiers. The rewrite keeps every node at its pointer, so the loss manifest
 * and the lint findings point at the same places.
 * @see https://json-schema.org/draft-06/json-schema-release-notes (exclusiveMinimum/exclusiveMaximum)
 */
import { DRAFT_URIS, draftOf, draftFacts } from "../ir/drafts.js";
import { isJsonObject, pointerAppend, type JsonObject, type JsonValue } from "../ir/json.js";
import { keywordKind, mapKeyword } from "../ir/keywords.js";
import type { LoweringConfig } from "./config.js";
import type { Change } from "./change.js";

const BOUNDS = [
  ["minimum", "exclusiveMinimum"],
  ["maximum", "exclusiveMaximum"],
] as const;

const DRAFT_07 = DRAFT_URIS["draft-07"][1]!;

/** The schema in draft-07 form, and a `lowered` change for each rewrite; the input itself when nothing changes. */
export function lowerDraft(root: JsonObject, cfg: Pick<LoweringConfig, "stripDialect">): { schema: JsonObject; changes: Change[] } {
  const declared = root["$schema"];
  const draft = typeof declared === "string" ? draftOf(declared) : undefined;
  if (draft !== "draft-04" && draft !== "draft-06") return { schema: root, changes: [] };
  const changes: Change[] = [];
  const schema = draftFacts(draft).booleanExclusiveBounds ? (numericBounds(root, "", changes) as JsonObject) : { ...root };
  if (!cfg.stripDialect) {
    schema["$schema"] = DRAFT_07;
    changes.push({
      pointer: "/$schema",
      keyword: "$schema",
      action: "lowered",
      why: `${draft} is written in draft-07 form (what provider SDKs validate against); declared as ${JSON.stringify(DRAFT_07)}`,
    });
  }
  return { schema, changes };
}

/** Copies a subschema with draft-04 boolean exclusive bounds written as draft-06 numbers. */
function numericBounds(value: JsonValue, at: string, changes: Change[]): JsonValue {
  if (!isJsonObject(value)) return value;
  const rewritten = new Map<string, JsonValue | undefined>();
  for (const [bound, exclusive] of BOUNDS) {
    const flag = value[exclusive];
    const limit = value[bound];
    if (typeof flag !== "boolean") continue;
    const p = pointerAppend(at, exclusive);
    if (flag && typeof limit === "number") {
      rewritten.set(bound, undefined);
      rewritten.set(exclusive, limit);
      changes.push({ pointer: p, keyword: exclusive, action: "lowered", why: `draft-04 \`${bound}: ${limit}, ${exclusive}: true\` written as \`${exclusive}: ${limit}\`` });
    } else if (!flag) {
      rewritten.set(exclusive, undefined);
      changes.push({ pointer: p, keyword: exclusive, action: "lowered", why: `draft-04 \`${exclusive}: false\` only restates \`${bound}\`; removed` });
    }
  }
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (rewritten.has(key)) {
      const replacement = rewritten.get(key);
      if (replacement !== undefined) out[key] = replacement;
      continue;
    }
    const kind = keywordKind(key);
    out[key] =
      kind === undefined ? member : mapKeyword(kind, member, pointerAppend(at, key), (s, p) => numericBounds(s, p, changes), (d) => d);
  }
  return out;
}

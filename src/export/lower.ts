import { isJsonObject, pointerAppend, type JsonObject, type JsonValue } from "../ir/json.js";
import { denied, keywordExport } from "../lint/keywords.js";
import { analyzeRegex } from "../lint/regex.js";
import { keywordKind, mapKeyword } from "../ir/keywords.js";
import type { Change } from "./change.js";
import type { LoweringConfig } from "./config.js";
import { lowerDraft } from "./draft.js";
import { nullable, stripNullFromEnum, toOpenapiNullable } from "./nullable.js";
import type { PlanNode } from "./plan.js";

export type { Change } from "./change.js";

export class LoweringError extends Error {
  constructor(readonly pointer: string, message: string) {
    super(message);
  }
}

export interface Lowered {
  readonly schema: JsonObject;
  readonly changes: readonly Change[];
  readonly plan: PlanNode;
  /** Plans of `$ref` targets by pointer (for the normalizer). */
  readonly defs: ReadonlyMap<string, PlanNode>;
}

const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment"]);

/** Rewrites a bundled schema into what one provider accepts, recording every change. */
export function lowerSchema(canonical: JsonObject, cfg: LoweringConfig): Lowered {
  // Draft-04/06 forms first, so every later step (and `$ref` inlining) sees draft-07 keywords at the same pointers.
  const { schema: root, changes } = lowerDraft(canonical, cfg);
  const defs = new Map<string, PlanNode>();
  const inlining: string[] = [];
  const change = (pointer: string, keyword: string, action: Change["action"], why: string) => changes.push({ pointer, keyword, action, why });

  const lower = (node: JsonObject, at: string, isRoot: boolean): { schema: JsonObject; plan: PlanNode } => {
    const ref = node["$ref"];
    if (cfg.inlineRefs && typeof ref === "string") return inline(node, ref, at);
    const out: JsonObject = {};
    const plan: PlanNode = {};
    for (const [key, value] of Object.entries(node)) {
      const p = pointerAppend(at, key);
      if (isRoot && cfg.stripDialect && (key === "$schema" || key === "$id")) {
        change(p, key, "lowered", "the provider fixes its own dialect; the declaration is removed");
        continue;
      }
      if (cfg.inlineRefs && (key === "$defs" || key === "definitions")) {
        change(p, key, "lowered", "definitions are inlined where they are referenced");
        continue;
      }
      const why = cfg.keywords === undefined ? undefined : denied(cfg.keywords, key);
      if (why !== undefined && keywordExport(key, cfg.inlineRefs) === "drop") {
        if (key === "const" && denied(cfg.keywords!, "enum") === undefined && node["enum"] === undefined) {
          out["enum"] = [value];
          change(p, key, "lowered", `${why}; written as a one-value \`enum\``);
        } else change(p, key, "dropped", `\`${key}: ${JSON.stringify(value)}\` ${why}`);
        continue;
      }
      if (why !== undefined && key === "oneOf" && Array.isArray(value)) {
        const branches = value.map((b, i) => sub(b, pointerAppend(p, i)));
        out["anyOf"] = branches.map((b) => b.schema);
        plan.a = [...(plan.a ?? []), ...branches.map((b) => b.plan)];
        change(p, key, "lowered", `${why}; lowered to \`anyOf\` (exactly-one is checked only by the contract's validator)`);
        continue;
      }
      if (key === "format" && cfg.formats !== undefined && typeof value === "string" && !cfg.formats.includes(value)) {
        change(p, key, "dropped", `format ${JSON.stringify(value)} is not supported by ${cfg.profile}`);
        continue;
      }
      if (key === "pattern" && cfg.regex !== undefined && typeof value === "string") {
        const found = cfg.regex.deny.filter((f) => analyzeRegex(value, cfg.regex!.largeRepeat).features.has(f));
        if (found.length > 0) {
          change(p, key, "dropped", `pattern ${JSON.stringify(value)} uses ${found.join(", ")}, which ${cfg.profile} cannot run`);
          continue;
        }
      }
      if (key === "minItems" && cfg.minItemsMax !== undefined && typeof value === "number" && value > cfg.minItemsMax) {
        out[key] = cfg.minItemsMax;
        change(p, key, "dropped", `minItems ${value} is lowered to ${cfg.minItemsMax} (${cfg.profile} supports no more)`);
        continue;
      }
      if (cfg.refSiblings && typeof ref === "string" && ANNOTATIONS.has(key)) {
        change(p, key, "dropped", `annotation beside \`$ref\` is not allowed by ${cfg.profile}: ${JSON.stringify(value)}`);
        continue;
      }
      const kind = keywordKind(key);
      if (kind === undefined) {
        out[key] = value;
        continue;
      }
      out[key] = mapKeyword(kind, value, p, (s, sp) => {
        const r = sub(s, sp);
        attach(plan, key, sp, r.plan);
        return r.schema;
      }, (d) => d);
    }
    if (typeof ref === "string") plan.r = decodeURIComponent(ref.slice(1));
    finishObject(out, at, plan);
    const schema = finishNulls(out, at);
    defs.set(at, plan);
    return { schema, plan };
  };

  const sub = (value: JsonValue, at: string): { schema: JsonObject; plan: PlanNode } => {
    if (!isJsonObject(value)) return { schema: value as unknown as JsonObject, plan: {} };
    return lower(value, at, false);
  };

  const inline = (node: JsonObject, ref: string, at: string): { schema: JsonObject; plan: PlanNode } => {
    const target = decodeURIComponent(ref.slice(1));
    if (inlining.includes(target)) throw new LoweringError(at, `recursive $ref ${ref} cannot be inlined for ${cfg.profile}`);
    const resolved = resolve(root, target);
    if (resolved === undefined) throw new LoweringError(at, `unresolvable $ref ${ref}`);
    inlining.push(target);
    const body = lower(resolved, target, false);
    inlining.pop();
    const { $ref: _drop, ...siblings } = node;
    const rest = lower(siblings, at, false);
    change(pointerAppend(at, "$ref"), "$ref", "lowered", `inlined ${ref} (${cfg.profile} takes no references)`);
    return { schema: { ...body.schema, ...rest.schema }, plan: { a: [body.plan, rest.plan] } };
  };

  /** Objects: close them (`additionalProperties: false`) and make every property required + nullable. */
  const finishObject = (out: JsonObject, at: string, plan: PlanNode): void => {
    const props = out["properties"];
    const isObject = out["type"] === "object" || isJsonObject(props);
    if (!isObject) return;
    if (cfg.closeObjects && !("additionalProperties" in out)) {
      out["additionalProperties"] = false;
      change(at, "additionalProperties", "lowered", "set to false (the provider needs closed objects; extra keys were allowed but never required)");
    }
    if (!cfg.requireAll || !isJsonObject(props)) return;
    const required = Array.isArray(out["required"]) ? out["required"].filter((r): r is string => typeof r === "string") : [];
    const missing = Object.keys(props).filter((k) => !required.includes(k));
    if (missing.length === 0) return;
    for (const name of missing) {
      const wrapped = nullable(props[name] as JsonObject, root);
      props[name] = wrapped.schema;
      if (wrapped.added) {
        const entry = (plan.p ??= {})[name] ?? {};
        plan.p[name] = { ...entry, n: 1 };
      }
      change(pointerAppend(pointerAppend(at, "properties"), name), "required", "lowered",
        wrapped.added ? "optional property made required + nullable; the normalizer turns null back into absent" : "optional property made required; it already accepts null, so absent and null read the same");
    }
    out["required"] = [...required, ...missing];
  };

  const finishNulls = (out: JsonObject, at: string): JsonObject => {
    let schema = out;
    if (cfg.enumTypes !== undefined && !cfg.enumTypes.includes("null")) {
      const stripped = stripNullFromEnum(schema, cfg.openapiNullable);
      if (stripped !== schema) change(pointerAppend(at, "enum"), "enum", "lowered", "`null` moved out of `enum` into a nullable alternative");
      schema = stripped;
    }
    if (cfg.openapiNullable) {
      const e = schema["enum"];
      if (Array.isArray(e) && schema["type"] === undefined && e.length > 0 && e.every((x) => typeof x === "string")) {
        schema = { ...schema, type: "string" };
        change(pointerAppend(at, "type"), "type", "lowered", "OpenAPI enums need a `type`: `\"type\": \"string\"` added");
      }
      const lowered = toOpenapiNullable(schema);
      if (lowered !== schema) change(pointerAppend(at, "type"), "type", "lowered", "type arrays and `null` written in OpenAPI 3.0 form (`nullable: true`)");
      schema = lowered;
    }
    return schema;
  };

  const top = lower(root, "", true);
  return { schema: top.schema, changes, plan: top.plan, defs };
}

function attach(plan: PlanNode, keyword: string, at: string, child: PlanNode): void {
  if (keyword === "properties") {
    const name = at.slice(at.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
    (plan.p ??= {})[name] = { ...(plan.p[name] ?? {}), s: child };
  } else if (keyword === "items") plan.i = child;
  else if (keyword === "anyOf" || keyword === "allOf") (plan.a ??= []).push(child);
}

function resolve(root: JsonObject, pointer: string): JsonObject | undefined {
  let node: JsonValue | undefined = root;
  for (const t of pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    node = isJsonObject(node) ? node[t] : Array.isArray(node) ? node[Number(t)] : undefined;
  }
  return isJsonObject(node) ? node : undefined;
}

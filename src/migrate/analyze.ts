/**
 * What a migration from one version to the next must do, property by property of the root object. Each action is
 * either mechanical (the stub writes it) or a decision (the stub leaves a `notImplemented` marker saying why).
 */
import { isJsonObject, type JsonObject, type JsonValue } from "../ir/json.js";
import { allowsNull, describe, normalized, relate, sameSchema, similarNames, type Relation } from "./compare.js";

/** How a value for a property of the new version is obtained. */
export type FieldAction =
  /** Every old value is valid: copy it (`optional` when the old value may be absent and the new one may too). */
  | { readonly kind: "carry"; readonly key: string; readonly optional: boolean; readonly fallback?: Fallback; readonly replace?: Replace }
  /** New in this version with a `default` (or a `const`): filled with it. */
  | { readonly kind: "fill"; readonly key: string; readonly value: JsonValue; readonly why: string }
  /** New and optional: left out. */
  | { readonly kind: "left-out"; readonly key: string }
  /** Gone in the new version: dropped. */
  | { readonly kind: "dropped"; readonly key: string }
  /** A person decides; `reason` is what the marker says. */
  | { readonly kind: "decide"; readonly key: string; readonly reason: string; readonly renameOf?: string };

/** Used when the old value is absent but the new version requires one. */
export type Fallback = { readonly value: JsonValue; readonly why: string } | { readonly decide: string };
/** Old values the new version no longer accepts (`null`, removed enum values), and what replaces them. */
export interface Replace {
  readonly values: readonly JsonValue[];
  readonly with: { readonly value: JsonValue } | { readonly decide: string };
}

export interface StepAnalysis {
  /** `properties`: one action per property of the new version (then the dropped ones); `whole`: no object root. */
  readonly shape: "properties" | "identical" | "whole";
  readonly actions: readonly FieldAction[];
  /** Why old documents fail the new version, one line each (empty when the heuristics see no break). */
  readonly breaks: readonly string[];
  /** Decisions left to a person (each one is a marker in the stub). */
  readonly decisions: readonly string[];
  /** Old documents may hold undeclared properties, which the stub does not carry over. */
  readonly openOld: boolean;
}

interface Props {
  readonly props: JsonObject;
  readonly required: ReadonlySet<string>;
}

function objectShape(schema: JsonValue): Props | undefined {
  if (!isJsonObject(schema) || !isJsonObject(schema["properties"])) return undefined;
  const required = Array.isArray(schema["required"]) ? schema["required"].filter((r): r is string => typeof r === "string") : [];
  return { props: schema["properties"], required: new Set(required) };
}

export function analyzeStep(contract: string, from: number, oldRoot: JsonObject, newRoot: JsonObject): StepAnalysis {
  const label = `${contract} v${from} → v${from + 1}`;
  const oldN = normalized(oldRoot, oldRoot);
  const newN = normalized(newRoot, newRoot);
  if (sameSchema(oldN, newN)) return { shape: "identical", actions: [], breaks: [], decisions: [], openOld: false };
  const o = objectShape(oldN);
  const n = objectShape(newN);
  const rootRest = (s: JsonValue): JsonValue => {
    if (!isJsonObject(s)) return s;
    const { properties: _p, required: _r, $defs: _d, definitions: _f, $schema: _s, ...rest } = s;
    return rest;
  };
  if (o === undefined || n === undefined || relate(rootRest(oldN), rootRest(newN)).kind === "changed") {
    const reason = `${label}: the document's shape changed beyond its properties; write the conversion`;
    return { shape: "whole", actions: [], breaks: [reason], decisions: [reason], openOld: false };
  }
  const newDefaults = isJsonObject(newRoot["properties"]) ? newRoot["properties"] : {};
  const actions: FieldAction[] = [];
  const breaks: string[] = [];
  const decisions: string[] = [];
  const removed = Object.keys(o.props).filter((k) => !Object.hasOwn(n.props, k));
  const closedNew = isJsonObject(newN) && newN["additionalProperties"] === false;

  for (const [key, schema] of Object.entries(n.props)) {
    const nReq = n.required.has(key);
    const def = defaultOf(newDefaults[key], schema);
    if (!Object.hasOwn(o.props, key)) {
      const renameOf = removed.find((r) => sameSchema(o.props[r]!, schema) && similarNames(r, key));
      if (renameOf !== undefined) {
        const reason = `${key} looks like a rename of ${renameOf} (removed, same schema): carry input.${renameOf} over if so`;
        actions.push({ kind: "decide", key, reason, renameOf });
        decisions.push(reason);
        if (nReq) breaks.push(`${key} is new and required`);
      } else if (def !== undefined) actions.push({ kind: "fill", key, ...def });
      else if (!nReq) actions.push({ kind: "left-out", key });
      else {
        const reason = `${key} is new and required, with no default: decide its value for v${from} documents`;
        actions.push({ kind: "decide", key, reason });
        decisions.push(reason);
        breaks.push(`${key} is new and required`);
      }
      continue;
    }
    const oReq = o.required.has(key);
    const rel: Relation = relate(o.props[key]!, schema);
    if (rel.kind === "changed") {
      const reason = `${key} changed: was ${describe(o.props[key]!)}, now ${describe(schema)}: convert the old value`;
      actions.push({ kind: "decide", key, reason });
      decisions.push(reason);
      breaks.push(`${key} changed type or constraints`);
      continue;
    }
    let replace: Replace | undefined;
    if (rel.kind === "enum-narrowed" || rel.kind === "null-removed") {
      const values = rel.kind === "enum-narrowed" ? rel.removed : [null];
      const what = values.map((v) => JSON.stringify(v)).join(", ");
      const usable = def !== undefined && !values.some((v) => sameSchema(v, def.value)) ? def : undefined;
      if (usable !== undefined) replace = { values, with: { value: usable.value } };
      else {
        const reason = `${key} no longer accepts ${what}: decide what old documents holding ${values.length > 1 ? "them" : "it"} get`;
        replace = { values, with: { decide: reason } };
        decisions.push(reason);
      }
      breaks.push(`${key} no longer accepts ${what}`);
    }
    let fallback: Fallback | undefined;
    if (nReq && !oReq) {
      breaks.push(`${key} became required`);
      if (def !== undefined) fallback = def;
      else if (allowsNull(schema)) fallback = { value: null, why: `null (v${from + 1} accepts it)` };
      else {
        const reason = `${key} became required, with no default: decide its value where v${from} documents left it out`;
        fallback = { decide: reason };
        decisions.push(reason);
      }
    }
    actions.push({ kind: "carry", key, optional: !oReq && !nReq, ...(fallback !== undefined ? { fallback } : {}), ...(replace !== undefined ? { replace } : {}) });
  }
  for (const key of removed) {
    actions.push({ kind: "dropped", key });
    if (closedNew) breaks.push(`${key} was removed`);
  }
  const openOld = !(isJsonObject(oldN) && oldN["additionalProperties"] === false);
  return { shape: "properties", actions, breaks, decisions, openOld };
}

function defaultOf(raw: JsonValue | undefined, schema: JsonValue): { value: JsonValue; why: string } | undefined {
  const source = isJsonObject(raw) && raw["$ref"] === undefined ? raw : isJsonObject(schema) ? schema : undefined;
  if (source === undefined) return undefined;
  if (source["default"] !== undefined) return { value: source["default"], why: "the schema's default" };
  if (isJsonObject(schema) && schema["const"] !== undefined) return { value: schema["const"], why: "the only value allowed (const)" };
  return undefined;
}

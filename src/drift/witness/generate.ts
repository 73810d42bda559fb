/**
 * A small example-value generator: builds a value that is likely valid under a schema node. It does not have to
 * be right: every witness is confirmed by the compiled validators, and a wrong guess only costs a retry.
 * `variant` picks different branches, types, lengths and optional members; `override` forces a value at an
 * instance path (the spot a rule points at) and builds the containers around it.
 */
import type { Draft, JsonObject, JsonValue } from "../../ir/json.js";
import { normalizeNode } from "../normalize.js";
import { ALL_TYPES, isObj, jsonEqual, resolveRef } from "../schema.js";
import type { SchemaNode } from "../types.js";
import { formatExample } from "./formats.js";
import { stringMatching } from "./strings.js";

export interface GenOptions {
  readonly variant: number;
  readonly override?: { readonly path: readonly (string | number)[]; readonly value: JsonValue } | undefined;
}

const MAX_DEPTH = 24;

export function generate(root: SchemaNode, draft: Draft, node: SchemaNode, opts: GenOptions): JsonValue | undefined {
  return new Generator(root, draft, opts).value(node, [], 0);
}

class Generator {
  constructor(private readonly root: SchemaNode, private readonly draft: Draft, private readonly opts: GenOptions) {}

  value(input: SchemaNode, path: readonly (string | number)[], depth: number): JsonValue | undefined {
    const o = this.opts.override;
    if (o !== undefined && o.path.length === path.length && o.path.every((s, i) => s === path[i])) return o.value;
    if (depth > MAX_DEPTH || input === false) return undefined;
    let node = input === true ? {} : (normalizeNode(input, this.draft) as JsonObject);
    for (let hops = 0; typeof node["$ref"] === "string" && hops < 32; hops++) {
      const t = resolveRef(this.root, node["$ref"]);
      if (t === undefined || t.node === false) return undefined;
      const rest: JsonObject = { ...node };
      delete rest["$ref"];
      node = { ...(normalizeNode(t.node === true ? {} : t.node, this.draft) as JsonObject), ...rest };
    }
    node = this.merged(node);
    const v = this.opts.variant;
    // A `const` lifted from a one-conjunct allOf is left as written by normalizeNode (it converts only its own).
    if (node["const"] !== undefined) return node["const"];
    if (Array.isArray(node["enum"])) {
      const values = node["enum"];
      return values.length === 0 ? undefined : values[v % values.length];
    }
    const types = Array.isArray(node["type"]) ? (node["type"] as string[]) : this.guessTypes(node);
    const wanted = this.wantedType(path);
    const type = (wanted !== undefined && types.includes(wanted) ? wanted : types[(v + depth) % types.length]) ?? "null";
    switch (type) {
      case "null": return null;
      case "boolean": return v % 2 === 0;
      case "integer": return this.number(node, true);
      case "number": return this.number(node, v % 3 === 2 ? false : Number.isInteger(this.number(node, true)));
      case "string": return this.string(node);
      case "array": return this.array(node, path, depth);
      default: return this.object(node, path, depth);
    }
  }

  /** allOf conjuncts and one anyOf/oneOf branch laid over the node (a guess; confirmation filters). */
  private merged(node: JsonObject): JsonObject {
    let out: JsonObject = { ...node };
    const conj = out["allOf"];
    delete out["allOf"];
    for (const c of Array.isArray(conj) ? conj : []) if (isObj(c)) out = mergeInto(out, this.deref(c));
    for (const kw of ["anyOf", "oneOf"]) {
      const branches = out[kw];
      delete out[kw];
      if (Array.isArray(branches) && branches.length > 0) {
        const b = branches[this.opts.variant % branches.length];
        if (isObj(b)) out = mergeInto(out, this.deref(b));
      }
    }
    // A conditional: odd variants meet the `if` (merged in, so a `const` tag is set) and take the `then`; even ones
    // take the `else` (a guess that the `if` fails; confirmation filters).
    const [cond, then, otherwise] = [out["if"], out["then"], out["else"]];
    if (this.opts.variant % 2 === 1 && (isObj(cond) || isObj(then))) {
      if (isObj(cond)) out = mergeInto(out, this.deref(cond));
      if (isObj(then)) out = mergeInto(out, this.deref(then));
    } else if (this.opts.variant % 2 === 0 && isObj(otherwise)) out = mergeInto(out, this.deref(otherwise));
    return out;
  }

  private deref(node: JsonObject): JsonObject {
    const n = normalizeNode(node, this.draft) as JsonObject;
    if (typeof n["$ref"] !== "string") return n;
    const t = resolveRef(this.root, n["$ref"]);
    return isObj(t?.node) ? (normalizeNode(t.node, this.draft) as JsonObject) : {};
  }

  private guessTypes(node: JsonObject): string[] {
    if (node["properties"] !== undefined || node["required"] !== undefined || node["additionalProperties"] !== undefined) return ["object"];
    if (node["items"] !== undefined || node["prefixItems"] !== undefined) return ["array"];
    if (node["pattern"] !== undefined || node["minLength"] !== undefined || node["format"] !== undefined) return ["string"];
    if (node["minimum"] !== undefined || node["maximum"] !== undefined || node["multipleOf"] !== undefined) return ["number"];
    return [...ALL_TYPES];
  }

  /** When an override lies below, the container type on the way is forced. */
  private wantedType(path: readonly (string | number)[]): string | undefined {
    const o = this.opts.override;
    if (o === undefined || o.path.length <= path.length || !path.every((s, i) => s === o.path[i])) return undefined;
    return typeof o.path[path.length] === "number" ? "array" : "object";
  }

  private number(node: JsonObject, integer: boolean): number {
    const step = typeof node["multipleOf"] === "number" ? node["multipleOf"] : integer ? 1 : 0.5;
    let lo = -Infinity;
    let hi = Infinity;
    if (typeof node["minimum"] === "number") lo = node["minimum"];
    if (typeof node["exclusiveMinimum"] === "number") lo = Math.max(lo, node["exclusiveMinimum"] + step / 2);
    if (typeof node["maximum"] === "number") hi = node["maximum"];
    if (typeof node["exclusiveMaximum"] === "number") hi = Math.min(hi, node["exclusiveMaximum"] - step / 2);
    const v = this.opts.variant;
    let x = v % 4 === 1 && hi !== Infinity ? hi : v % 4 === 2 && lo !== -Infinity ? lo : lo > 0 ? lo : hi < 0 ? hi : 0;
    if (integer || typeof node["multipleOf"] === "number") {
      const s = integer && typeof node["multipleOf"] !== "number" ? 1 : step;
      const k = x === hi ? Math.floor(x / s) : Math.ceil(x / s);
      x = k * s;
      if (!integer && v % 5 === 4) x += s;
    } else if (v % 3 === 2 && x + 0.5 <= hi) x += 0.5;
    return Object.is(x, -0) ? 0 : x;
  }

  private string(node: JsonObject): string | undefined {
    const min = typeof node["minLength"] === "number" ? node["minLength"] : 0;
    const max = typeof node["maxLength"] === "number" ? node["maxLength"] : Infinity;
    if (typeof node["format"] === "string") {
      const f = formatExample(node["format"], this.opts.variant);
      if (f !== undefined) return f;
    }
    if (typeof node["pattern"] === "string") return stringMatching(node["pattern"], min, max, this.opts.variant);
    const chars = ["a", "b", "x", "A", "0", " "];
    const len = this.opts.variant % 3 === 1 && max !== Infinity ? max : Math.max(min, this.opts.variant % 3 === 2 ? min + 1 : min);
    return chars[this.opts.variant % chars.length]!.repeat(Math.min(len, 10_000));
  }

  private array(node: JsonObject, path: readonly (string | number)[], depth: number): JsonValue[] | undefined {
    const prefix = Array.isArray(node["prefixItems"]) ? (node["prefixItems"] as SchemaNode[]) : [];
    const min = typeof node["minItems"] === "number" ? node["minItems"] : 0;
    const o = this.opts.override;
    const forced = o !== undefined && o.path.length > path.length && path.every((s, i) => s === o.path[i]) ? Number(o.path[path.length]) + 1 : 0;
    const contains = node["contains"];
    const v = this.opts.variant;
    let len = Math.max(min, forced, v % 2 === 1 ? prefix.length : Math.min(prefix.length, min), contains !== undefined || v % 3 === 2 ? 1 : 0);
    if (typeof node["maxItems"] === "number") len = Math.min(len, Math.max(node["maxItems"], forced));
    const out: JsonValue[] = [];
    for (let i = 0; i < len; i++) {
      const schema = i < prefix.length ? prefix[i]! : i === 0 && contains !== undefined ? (contains as SchemaNode) : ((node["items"] ?? true) as SchemaNode);
      const item = new Generator(this.root, this.draft, { ...this.opts, variant: this.opts.variant + (node["uniqueItems"] === true ? i : 0) }).value(schema, [...path, i], depth + 1);
      if (item === undefined) return undefined;
      out.push(item);
    }
    return out;
  }

  private object(node: JsonObject, path: readonly (string | number)[], depth: number): JsonObject | undefined {
    const props = isObj(node["properties"]) ? node["properties"] : {};
    const keys = new Set<string>(Array.isArray(node["required"]) ? (node["required"] as string[]) : []);
    if (this.opts.variant % 2 === 1) for (const k of Object.keys(props)) if (props[k] !== false) keys.add(k);
    const o = this.opts.override;
    if (o !== undefined && o.path.length > path.length && path.every((s, i) => s === o.path[i])) keys.add(String(o.path[path.length]));
    const deps = isObj(node["dependentRequired"]) ? node["dependentRequired"] : {};
    for (const k of [...keys]) for (const d of Array.isArray(deps[k]) ? (deps[k] as string[]) : []) keys.add(d);
    const min = typeof node["minProperties"] === "number" ? node["minProperties"] : 0;
    for (const k of Object.keys(props)) if (keys.size < min && props[k] !== false) keys.add(k);
    for (let i = 0; keys.size < min && i < 1000; i++) keys.add(`k${i}`);
    const out: JsonObject = {};
    for (const k of keys) {
      const schema = (props[k] ?? patternFor(node, k) ?? node["additionalProperties"] ?? node["unevaluatedProperties"] ?? true) as SchemaNode;
      const value = this.value(schema, [...path, k], depth + 1);
      if (value === undefined) return undefined;
      out[k] = value;
    }
    return out;
  }
}

function patternFor(node: JsonObject, key: string): JsonValue | undefined {
  const pp = node["patternProperties"];
  if (!isObj(pp)) return undefined;
  for (const [p, s] of Object.entries(pp)) {
    try {
      if (new RegExp(p, "u").test(key)) return s;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Lays `extra`'s keywords over `base`: properties merged, required united, others from `extra` when absent. */
function mergeInto(base: JsonObject, extra: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    if (k === "properties" && isObj(out[k]) && isObj(v)) out[k] = mergeProperties(out[k] as JsonObject, v);
    else if (k === "enum" && Array.isArray(out[k]) && Array.isArray(v)) {
      // Both lists bind the value: their common members (the base's list when they share none: a guess either way).
      const both = (out[k] as JsonValue[]).filter((x) => v.some((y) => jsonEqual(x, y)));
      if (both.length > 0) out[k] = both;
    }
    else if (k === "required" && Array.isArray(out[k]) && Array.isArray(v)) out[k] = [...new Set([...(out[k] as string[]), ...(v as string[])])];
    else if (k === "type" && Array.isArray(out[k]) && Array.isArray(v)) {
      const both = (out[k] as string[]).filter((t) => (v as string[]).includes(t) || (t === "number" && v.includes("integer")));
      out[k] = both.length > 0 ? both : (v as string[]);
    } else if (out[k] === undefined) out[k] = v;
  }
  return out;
}

/** A property both sides constrain gets both schemas (`allOf`), so neither side's `const` or bounds is lost. */
function mergeProperties(base: JsonObject, extra: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(extra)) out[k] = out[k] === undefined || jsonEqual(out[k], v) ? v : { allOf: [out[k]!, v] };
  return out;
}

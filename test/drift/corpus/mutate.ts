/**
 * Mutation operators that real schema histories show, applied to one site of a real schema. Sites are picked
 * deterministically from a seed (mulberry32), so a run is reproducible from (schema, operator, seed).
 * Each operator returns the mutated copy of the whole schema, or undefined when the schema has no site for it.
 */
import type { JsonObject, JsonValue } from "../../../src/ir/json.js";
import { cloneExact } from "../../../src/ir/exact.js";

export const OPERATORS = [
  "property-added",
  "property-removed",
  "required-added",
  "required-removed",
  "enum-value-added",
  "enum-value-removed",
  "type-widened",
  "type-narrowed",
  "bound-moved",
  "pattern-changed",
  "anyof-oneof-swapped",
  "branch-added",
  "additional-properties-closed",
  "additional-properties-opened",
  "ref-extracted",
] as const;
export type Operator = (typeof OPERATORS)[number];

/** `k` operators for the schema at `index`, rotating so consecutive schemas cover every operator. */
export function rotation(k: number): (index: number) => Operator[] {
  return (index) => Array.from({ length: Math.min(k, OPERATORS.length) }, (_, j) => OPERATORS[(index * k + j) % OPERATORS.length]!);
}

export interface Mutation {
  readonly operator: Operator;
  /** JSON pointer of the mutated node in the old schema. */
  readonly site: string;
  readonly schema: JsonObject;
}

/** mulberry32: a tiny seeded PRNG (deterministic across runs and machines). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Obj = { [key: string]: JsonValue };
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const ONE = ["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedProperties", "unevaluatedItems"];
const MANY = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
const MAP = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

/** Every object subschema with its pointer (pre-order, deterministic). */
export function sites(root: JsonObject): { node: Obj; pointer: string }[] {
  const out: { node: Obj; pointer: string }[] = [];
  const stack: [JsonValue, string][] = [[root, ""]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (!isObj(node)) continue;
    out.push({ node, pointer });
    const kids: [JsonValue, string][] = [];
    for (const k of ONE) if (isObj(node[k])) kids.push([node[k]!, `${pointer}/${esc(k)}`]);
    for (const k of MANY) {
      const list = node[k];
      if (Array.isArray(list)) list.forEach((c, i) => kids.push([c, `${pointer}/${k}/${i}`]));
    }
    for (const k of MAP) {
      const map = node[k];
      if (isObj(map)) for (const [name, c] of Object.entries(map)) kids.push([c, `${pointer}/${k}/${esc(name)}`]);
    }
    stack.push(...kids.reverse());
  }
  return out;
}

const esc = (t: string): string => t.replace(/~/g, "~0").replace(/\//g, "~1");

/** A node's edit in place on a deep copy; undefined when the node is not a site for the operator. */
type Edit = (node: Obj, pick: () => number, ctx: { root: Obj; draft04or07: boolean }) => boolean;

const pickOf = <T>(list: readonly T[], pick: () => number): T => list[Math.floor(pick() * list.length)]!;
const typeList = (n: Obj): string[] | undefined => (typeof n["type"] === "string" ? [n["type"]] : Array.isArray(n["type"]) ? (n["type"] as string[]) : undefined);
const BOUNDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];

const EDITS: Record<Operator, Edit> = {
  "property-added": (n) => {
    if (!isObj(n["properties"])) return false;
    n["properties"] = { ...n["properties"], "mutation-added": { type: "string", maxLength: 8 } };
    return true;
  },
  "property-removed": (n, pick) => {
    const props = n["properties"];
    if (!isObj(props) || Object.keys(props).length === 0) return false;
    const name = pickOf(Object.keys(props), pick);
    n["properties"] = Object.fromEntries(Object.entries(props).filter(([k]) => k !== name));
    if (Array.isArray(n["required"])) n["required"] = n["required"].filter((r) => r !== name);
    return true;
  },
  "required-added": (n, pick) => {
    const props = n["properties"];
    const req = Array.isArray(n["required"]) ? (n["required"] as string[]) : [];
    const free = isObj(props) ? Object.keys(props).filter((k) => !req.includes(k)) : [];
    if (free.length === 0) return false;
    n["required"] = [...req, pickOf(free, pick)];
    return true;
  },
  "required-removed": (n, pick) => {
    const req = n["required"];
    if (!Array.isArray(req) || req.length === 0) return false;
    const name = pickOf(req, pick);
    n["required"] = req.filter((r) => r !== name);
    return true;
  },
  "enum-value-added": (n) => {
    if (!Array.isArray(n["enum"])) return false;
    const nums = n["enum"].filter((v): v is number => typeof v === "number");
    n["enum"] = [...n["enum"], nums.length > 0 && nums.length === n["enum"].length ? Math.max(...nums) + 1 : "mutation-added"];
    return true;
  },
  "enum-value-removed": (n, pick) => {
    const e = n["enum"];
    if (!Array.isArray(e) || e.length < 2) return false;
    const i = Math.floor(pick() * e.length);
    n["enum"] = e.filter((_, j) => j !== i);
    return true;
  },
  "type-widened": (n) => {
    const t = typeList(n);
    if (t === undefined) return false;
    if (t.includes("integer") && !t.includes("number")) n["type"] = t.map((x) => (x === "integer" ? "number" : x));
    else if (!t.includes("null")) n["type"] = [...t, "null"];
    else if (!t.includes("string")) n["type"] = [...t, "string"];
    else return false;
    return true;
  },
  "type-narrowed": (n, pick) => {
    const t = typeList(n);
    if (t === undefined) return false;
    if (t.length > 1) {
      const drop = pickOf(t, pick);
      n["type"] = t.filter((x) => x !== drop);
    } else if (t[0] === "number") n["type"] = "integer";
    else return false;
    return true;
  },
  "bound-moved": (n, pick) => {
    const present = BOUNDS.filter((b) => typeof n[b] === "number");
    if (present.length === 0) {
      const t = typeList(n);
      if (t?.includes("string")) n["maxLength"] = 12;
      else if (t?.includes("array")) n["maxItems"] = 2;
      else if (t?.includes("integer") || t?.includes("number")) n["minimum"] = 1;
      else return false;
      return true;
    }
    const b = pickOf(present, pick);
    const v = n[b] as number;
    n[b] = b.startsWith("min") || b === "exclusiveMinimum" || b === "maximum" || b === "exclusiveMaximum" ? v + (pick() < 0.5 ? 1 : -1) : v + 1;
    if (b.endsWith("Length") || b.endsWith("Items") || b.endsWith("Properties")) n[b] = Math.max(0, n[b] as number);
    return true;
  },
  "pattern-changed": (n, pick) => {
    if (typeof n["pattern"] !== "string") {
      if (typeList(n)?.includes("string") !== true) return false;
      n["pattern"] = "^[a-z0-9._-]+$";
      return true;
    }
    const p = n["pattern"];
    const choices = [p.startsWith("^") ? p.slice(1) : `^${p}`, `^[a-z]+$`, p.endsWith("$") ? `${p.slice(0, -1)}` : `${p}$`];
    const next = pickOf(choices, pick);
    if (next === "" || next === p) delete n["pattern"];
    else n["pattern"] = next;
    return true;
  },
  "anyof-oneof-swapped": (n) => {
    const from = Array.isArray(n["anyOf"]) && n["oneOf"] === undefined ? "anyOf" : Array.isArray(n["oneOf"]) && n["anyOf"] === undefined ? "oneOf" : undefined;
    if (from === undefined) return false;
    const to = from === "anyOf" ? "oneOf" : "anyOf";
    const out: Obj = {};
    for (const [k, v] of Object.entries(n)) out[k === from ? to : k] = v;
    for (const k of Object.keys(n)) delete n[k];
    Object.assign(n, out);
    return true;
  },
  "branch-added": (n, pick) => {
    const kw = ["anyOf", "oneOf"].find((k) => Array.isArray(n[k]) && (n[k] as JsonValue[]).length > 0);
    if (kw === undefined) return false;
    const list = n[kw] as JsonValue[];
    // Either a disjoint new type, or a copy of an existing branch with a bound (overlap: where oneOf breaks).
    n[kw] = [...list, pick() < 0.5 ? { type: "null" } : structuredClone(pickOf(list, pick))];
    return true;
  },
  "additional-properties-closed": (n) => {
    if (!isObj(n["properties"]) || (n["additionalProperties"] !== undefined && n["additionalProperties"] !== true)) return false;
    n["additionalProperties"] = false;
    return true;
  },
  "additional-properties-opened": (n) => {
    if (n["additionalProperties"] === undefined || n["additionalProperties"] === true) return false;
    delete n["additionalProperties"];
    return true;
  },
  "ref-extracted": (n, _pick, ctx) => {
    if (Object.keys(n).length === 0 || JSON.stringify(n).includes('"$id"') || JSON.stringify(n).includes("$dynamic") || JSON.stringify(n).includes("$recursive")) return false;
    const defsKw = ctx.draft04or07 ? "definitions" : "$defs";
    const defs = (isObj(ctx.root[defsKw]) ? ctx.root[defsKw] : (ctx.root[defsKw] = {})) as Obj;
    let name = "mutationExtracted";
    while (defs[name] !== undefined) name += "X";
    defs[name] = { ...n };
    for (const k of Object.keys(n)) delete n[k];
    n["$ref"] = `#/${defsKw}/${name}`;
    return true;
  },
};

/**
 * Up to `perOperator` mutations of each operator (different sites, picked by the seeded generator).
 * draft04or07: the draft keeps `definitions` and has `$ref` overriding siblings (draft-04/06/07).
 */
export function mutations(root: JsonObject, name: string, seed: number, operators: readonly Operator[], perOperator: number, draft04or07: boolean): Mutation[] {
  const out: Mutation[] = [];
  const all = sites(root);
  for (const op of operators) {
    const pick = rng(hash(`${name}|${op}`) ^ seed);
    // Try sites in a seeded order; keep the first `perOperator` that apply.
    const order = all.map((s, i) => ({ s, k: pick(), i })).sort((a, b) => a.k - b.k || a.i - b.i);
    let made = 0;
    for (const { s } of order) {
      if (made >= perOperator) break;
      if (op === "ref-extracted" && s.pointer === "") continue;
      // Applicability on a copy of the node alone (cheap), then the edit on a copy of the whole schema.
      const probe = rng(hash(s.pointer));
      if (!EDITS[op](structuredClone(s.node), probe, { root: {}, draft04or07 })) continue;
      // Number literals kept as written (src/ir/exact.ts), as in a file edited by hand.
      const copy = cloneExact(root) as Obj;
      const node = s.pointer === "" ? copy : resolve(copy, s.pointer);
      if (!isObj(node) || !EDITS[op](node, pick, { root: copy, draft04or07 })) continue;
      out.push({ operator: op, site: s.pointer, schema: copy });
      made++;
    }
  }
  return out;
}

function resolve(root: Obj, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const raw of pointer.split("/").slice(1)) {
    const t = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = Array.isArray(node) ? node[Number(t)] : isObj(node) ? node[t] : undefined;
  }
  return node;
}

/**
 * Values to test a `compatible` verdict with, independent of the engine's witness code (src/drift/witness):
 * random JSON biased by the schema's own keywords (enum/const members, types, bounds ±1, pattern-free strings,
 * property names from the schema), walks that loosely follow the schema's structure, and mutations of the
 * instance documents. Nothing here has to be valid: the caller keeps the values ajv accepts under the source side.
 */
import type { JsonValue } from "../../../src/ir/json.js";
import { rng, sites } from "./mutate.js";

type Obj = { [key: string]: JsonValue };
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

interface Pools {
  readonly members: JsonValue[];
  readonly names: string[];
  readonly numbers: number[];
  readonly strings: string[];
}

function pools(root: Obj): Pools {
  const members: JsonValue[] = [];
  const names = new Set<string>();
  const numbers = new Set<number>([0, 1, -1, 0.5]);
  const strings = new Set<string>(["", "a", "mutation-added", "x-1"]);
  for (const { node } of sites(root)) {
    if (Array.isArray(node["enum"])) members.push(...node["enum"]);
    if (node["const"] !== undefined) members.push(node["const"]);
    if (isObj(node["properties"])) for (const k of Object.keys(node["properties"])) names.add(k);
    if (Array.isArray(node["required"])) for (const k of node["required"]) if (typeof k === "string") names.add(k);
    for (const [k, v] of Object.entries(node)) {
      if (typeof v !== "number") continue;
      if (/^(exclusive)?(min|max)imum$|^multipleOf$/i.test(k)) for (const d of [-1, 0, 1]) numbers.add(v + d);
      if (/Length$/.test(k)) for (const d of [-1, 0, 1]) if (v + d >= 0 && v + d < 300) strings.add("a".repeat(v + d));
    }
  }
  names.add("mutation-added");
  return { members, names: [...names], numbers: [...numbers], strings: [...strings] };
}

const TYPES = ["null", "boolean", "integer", "number", "string", "array", "object"];

/** `count` values for one schema, deterministic from the seed. */
export function values(root: Obj, documents: readonly JsonValue[], seed: number, count: number): JsonValue[] {
  const pick = rng(seed);
  const p = pools(root);
  const one = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
  const leaf = (): JsonValue => {
    const r = pick();
    if (r < 0.3 && p.members.length > 0) return structuredClone(one(p.members));
    if (r < 0.5) return one(p.numbers);
    if (r < 0.75) return one(p.strings);
    return one([null, true, false, 2, "b"]);
  };
  const random = (depth: number): JsonValue => {
    const t = depth > 3 ? "leaf" : one([...TYPES, "leaf", "leaf"]);
    if (t === "array") return Array.from({ length: Math.floor(pick() * 3) }, () => random(depth + 1));
    if (t === "object") {
      const out: Obj = {};
      for (let i = Math.floor(pick() * 4); i > 0; i--) out[one(p.names)] = random(depth + 1);
      return out;
    }
    return leaf();
  };
  const follow = (node: JsonValue | undefined, depth: number): JsonValue => {
    if (!isObj(node) || depth > 6) return random(depth);
    const ref = node["$ref"];
    if (typeof ref === "string" && ref.startsWith("#")) return follow(resolve(root, ref.slice(1)), depth + 1);
    if (Array.isArray(node["enum"]) && node["enum"].length > 0 && pick() < 0.9) return structuredClone(one(node["enum"]));
    if (node["const"] !== undefined && pick() < 0.9) return structuredClone(node["const"]);
    for (const kw of ["anyOf", "oneOf", "allOf"]) {
      const list = node[kw];
      if (Array.isArray(list) && list.length > 0 && pick() < 0.6) return follow(one(list), depth + 1);
    }
    const types = typeof node["type"] === "string" ? [node["type"]] : Array.isArray(node["type"]) ? (node["type"] as string[]) : undefined;
    const t = types !== undefined ? one(types) : isObj(node["properties"]) ? "object" : node["items"] !== undefined ? "array" : one(TYPES);
    if (t === "object") {
      const out: Obj = {};
      const props = isObj(node["properties"]) ? node["properties"] : {};
      const req = Array.isArray(node["required"]) ? (node["required"] as string[]) : [];
      for (const k of Object.keys(props)) if (req.includes(k) || pick() < 0.4) out[k] = follow(props[k], depth + 1);
      for (const k of req) if (!(k in out)) out[k] = random(depth + 1);
      if (pick() < 0.2) out[one(p.names)] = random(depth + 1);
      return out;
    }
    if (t === "array") {
      const prefix = Array.isArray(node["prefixItems"]) ? node["prefixItems"] : Array.isArray(node["items"]) ? node["items"] : [];
      const rest = Array.isArray(node["items"]) ? node["additionalItems"] : node["items"];
      const out = prefix.map((s) => follow(s, depth + 1));
      for (let i = Math.floor(pick() * 3); i > 0; i--) out.push(follow(rest, depth + 1));
      return out;
    }
    if (t === "string") {
      const lens = [node["minLength"], node["maxLength"]].filter((v): v is number => typeof v === "number");
      return lens.length > 0 && pick() < 0.5 ? "a".repeat(Math.max(0, one(lens) + one([-1, 0, 1]))) : one(p.strings);
    }
    if (t === "integer" || t === "number") {
      const b = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"].map((k) => node[k]).filter((v): v is number => typeof v === "number");
      return b.length > 0 ? one(b) + one([-1, 0, 1]) : one(p.numbers);
    }
    if (t === "boolean") return pick() < 0.5;
    if (t === "null") return null;
    return leaf();
  };
  const mutate = (doc: JsonValue): JsonValue => {
    const copy = structuredClone(doc);
    // Walk to a random container and change one member.
    let at: JsonValue = copy;
    for (let depth = 0; depth < 8; depth++) {
      const kids: JsonValue[] = Array.isArray(at) ? at : isObj(at) ? Object.values(at) : [];
      const containers = kids.filter((k) => typeof k === "object" && k !== null);
      if (containers.length === 0 || pick() < 0.3) break;
      at = one(containers);
    }
    if (Array.isArray(at)) {
      if (at.length > 0 && pick() < 0.5) at.splice(Math.floor(pick() * at.length), 1);
      else at.push(structuredClone(at.length > 0 ? one(at) : leaf()));
    } else if (isObj(at)) {
      const keys = Object.keys(at);
      const r = pick();
      if (r < 0.35 && keys.length > 0) delete at[one(keys)];
      else if (r < 0.7 && keys.length > 0) at[one(keys)] = pick() < 0.5 ? leaf() : random(2);
      else at[one(p.names)] = leaf();
    } else return leaf();
    return copy;
  };
  const out: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    const r = pick();
    if (documents.length > 0 && r < 0.45) out.push(mutate(one(documents)));
    else if (r < 0.85) out.push(follow(root, 0));
    else out.push(random(0));
  }
  return out;
}

function resolve(root: Obj, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const raw of pointer.split("/").slice(1)) {
    const t = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = Array.isArray(node) ? node[Number(t)] : isObj(node) ? node[t] : undefined;
  }
  return node;
}

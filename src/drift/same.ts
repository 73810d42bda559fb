/**
 * Same meaning by construction: two subschemas written identically (same keys in the same order, same values)
 * whose `$ref`s lead, on each side, to subschemas that are again written identically, accept the same values.
 * The engine skips such a pair in both directions (it holds trivially), so an unchanged subtree costs one
 * comparison however large or branchy it is, and a schema diffed against itself is compatible both ways.
 *
 * Why this is sound: the set of pairs explored below is closed under "follow a `$ref` on both sides" and every
 * pair in it is structurally identical, so it is a bisimulation; validation under a schema depends only on its
 * text and on what its `$ref`s resolve to. Not used across drafts (the same text may mean different things) nor
 * with `$dynamicRef`/`$recursiveRef` (their target depends on the dynamic scope, not on the text).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3
 */
import { exactText } from "../ir/exact.js";
import { isJsonObject, type JsonValue } from "../ir/json.js";
import { resolveRef } from "./schema.js";
import type { SchemaNode } from "./types.js";

interface Shape {
  /** Order-sensitive structural hash (two 32-bit halves). */
  readonly hash: string;
  /** Every `$ref` string in the subtree; undefined when a dynamic reference makes the text insufficient. */
  readonly refs: readonly string[] | undefined;
}

const shapes = new WeakMap<object, Shape>();

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 16777619) >>> 0;
}

function textHash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** Bottom-up, cached per object: a subtree is hashed once however often it is asked about. */
function shapeOf(value: JsonValue, depth = 0): Shape {
  if (value === null || typeof value !== "object") return { hash: `${typeof value}:${JSON.stringify(value)}`, refs: [] };
  const known = shapes.get(value);
  if (known !== undefined) return known;
  let a = 2166136261;
  let b = 5381;
  let refs: Set<string> | undefined = new Set();
  const add = (s: Shape): void => {
    a = textHash(s.hash, a);
    b = textHash(s.hash, b ^ 0x9e3779b9);
    if (s.refs === undefined) refs = undefined;
    else if (refs !== undefined) for (const r of s.refs) refs.add(r);
  };
  if (depth > 512) refs = undefined;
  else if (Array.isArray(value)) {
    a = mix(a, 91);
    value.forEach((item, i) => add(typeof item === "number" ? numberShape(value, i) : shapeOf(item, depth + 1)));
  } else {
    a = mix(a, 123);
    for (const [k, v] of Object.entries(value as Record<string, JsonValue>)) {
      a = textHash(k, a);
      b = textHash(k, b);
      if ((k === "$dynamicRef" || k === "$recursiveRef") && typeof v === "string") refs = undefined;
      else if (k === "$ref" && typeof v === "string") refs?.add(v);
      add(typeof v === "number" ? numberShape(value, k) : shapeOf(v, depth + 1));
    }
  }
  const shape: Shape = { hash: `${a.toString(36)}.${b.toString(36)}`, refs: refs === undefined ? undefined : [...refs] };
  shapes.set(value, shape);
  return shape;
}

/** A number member hashed as written (src/ir/exact.ts): 9007199254740993 and 9007199254740992 are not alike. */
function numberShape(container: object, key: string | number): Shape {
  return { hash: `number:${exactText(container, key)}`, refs: [] };
}

/** Order-sensitive deep equality (key order matters: it is what prompts show); numbers as written. */
function identical(a: JsonValue, b: JsonValue): boolean {
  if (a === b && typeof a !== "object") return typeof a !== "number";
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => member(a, i, b, i));
  if (Array.isArray(b) || !isJsonObject(a) || !isJsonObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => kb[i] === k && member(a, k, b, k));
}

function member(a: object, ka: string | number, b: object, kb: string | number): boolean {
  const x = (a as Record<string, JsonValue>)[String(ka)]!;
  const y = (b as Record<string, JsonValue>)[String(kb)]!;
  if (typeof x === "number" || typeof y === "number") return typeof x === "number" && typeof y === "number" && exactText(a, ka) === exactText(b, kb);
  return identical(x, y);
}

/** Per-diff memory of pairs already shown the same (never a guess: only whole explored closures are kept). */
export class SameMeaning {
  private readonly proven = new Set<string>();
  private readonly refuted = new Set<string>();
  private readonly ids = new WeakMap<object, number>();
  private next = 0;

  constructor(
    private readonly oldRoot: SchemaNode,
    private readonly newRoot: SchemaNode,
    private readonly enabled: boolean,
    /** Counts work (one unit per pair explored); false once the budget is spent. */
    private readonly tick: () => boolean = () => true,
  ) {}

  private id(node: SchemaNode): string {
    if (typeof node === "boolean") return String(node);
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = ++this.next));
    return String(id);
  }

  /** True only when `a` (in old) and `b` (in new) provably accept the same values because they are written alike. */
  same(a: SchemaNode, b: SchemaNode): boolean {
    if (!this.enabled) return false;
    if (typeof a === "boolean" || typeof b === "boolean") return a === b;
    const start = `${this.id(a)}|${this.id(b)}`;
    if (this.proven.has(start)) return true;
    if (this.refuted.has(start)) return false;
    const seen = new Map<string, [SchemaNode, SchemaNode]>([[start, [a, b]]]);
    const queue: [SchemaNode, SchemaNode][] = [[a, b]];
    while (queue.length > 0) {
      const [x, y] = queue.pop()!;
      if (!this.tick() || !this.alike(x, y, seen, queue)) {
        this.refuted.add(start);
        return false;
      }
    }
    for (const k of seen.keys()) this.proven.add(k);
    return true;
  }

  private alike(x: SchemaNode, y: SchemaNode, seen: Map<string, [SchemaNode, SchemaNode]>, queue: [SchemaNode, SchemaNode][]): boolean {
    if (typeof x === "boolean" || typeof y === "boolean") return x === y;
    const sx = shapeOf(x);
    const sy = shapeOf(y);
    if (sx.refs === undefined || sx.hash !== sy.hash || !identical(x, y)) return false;
    for (const ref of sx.refs) {
      const tx = resolveRef(this.oldRoot, ref);
      const ty = resolveRef(this.newRoot, ref);
      if (tx === undefined || ty === undefined) return false;
      const key = `${this.id(tx.node)}|${this.id(ty.node)}`;
      if (seen.has(key) || this.proven.has(key)) continue;
      if (this.refuted.has(key)) return false;
      seen.set(key, [tx.node, ty.node]);
      queue.push([tx.node, ty.node]);
    }
    return true;
  }
}

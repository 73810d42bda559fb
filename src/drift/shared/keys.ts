/**
 * patternProperties decided by key languages (refa automata, regex.ts). The value at key k must satisfy
 * `properties[k]` when declared, every `patternProperties` schema whose pattern matches k (declared or not), and
 * `additionalProperties` when neither applies. For one direction, each target constraint (a pattern the source
 * lacks, and the target's additionalProperties) ranges over a set of keys; it holds when every key of that set is
 * covered on the source side by something proven inside it: a source pattern matching the key, the source's
 * additionalProperties (for keys no source pattern or name claims), or the key's own declared schema. An uncovered
 * key is the witness's key. Patterns shared by both sides are paired by the engine (pair.ts), so only a different
 * set of patterns is judged here. Sound, not complete: a key covered only by two source patterns together is
 * reported, and a witness must confirm it, else the verdict is unknown.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.2
 */
import type { DFA } from "refa";
import { pointerAppend, type JsonObject, type JsonValue } from "../../ir/json.js";
import type { At, RuleContext } from "../define.js";
import { additional, governing } from "../pair.js";
import { complementOf, hasName, intersectionOf, namesOf, patternLanguage, someWord, unionOf } from "../regex.js";
import { acceptsAll, hasType, isObj } from "../schema.js";
import type { Candidate, Direction, RuleFinding, SchemaNode } from "../types.js";
import { objectCandidates } from "./objects.js";

const entries = (node: JsonObject, kw: string): JsonObject => (isObj(node[kw]) ? node[kw] : {});

interface Target {
  readonly at: At;
  readonly keys: DFA;
  readonly what: string;
}

export function keyCoverage(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const back = direction === "backward";
  if (!hasType(back ? ctx.oldTypes : ctx.newTypes, "object")) return [];
  const [sub, sup] = back ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const [subPtr, supPtr] = back ? [ctx.site.oldPointer, ctx.site.pointer] : [ctx.site.pointer, ctx.site.oldPointer];
  const subPat = entries(sub, "patternProperties");
  const supPat = entries(sup, "patternProperties");
  const added = Object.keys(supPat).filter((p) => subPat[p] === undefined);
  const dropped = Object.keys(subPat).filter((p) => supPat[p] === undefined);
  if (added.length === 0 && dropped.length === 0) return [];
  const langs = new Map<string, DFA>();
  for (const p of new Set([...Object.keys(subPat), ...Object.keys(supPat)])) {
    const lang = patternLanguage(p);
    if (lang === undefined) return undecided(direction, `pattern ${JSON.stringify(p)} has no automaton (lookaround or backreference)`);
    langs.set(p, lang);
  }
  try {
    return judge(ctx, direction, { sub, sup, subPtr, supPtr, subPat, supPat, added, langs });
  } catch {
    return undecided(direction, "the key automata grew too large");
  }
}

interface Sides {
  readonly sub: JsonObject;
  readonly sup: JsonObject;
  readonly subPtr: string;
  readonly supPtr: string;
  readonly subPat: JsonObject;
  readonly supPat: JsonObject;
  readonly added: readonly string[];
  readonly langs: ReadonlyMap<string, DFA>;
}

function judge(ctx: RuleContext, direction: Direction, s: Sides): RuleFinding[] {
  const back = direction === "backward";
  const inside = (src: At, tgt: At): boolean => (back ? ctx.proves("backward", src, tgt) : ctx.proves("forward", tgt, src));
  const none = namesOf([]);
  const anyOf = (ps: readonly string[]): DFA => ps.reduce((acc, p) => unionOf(acc, s.langs.get(p)!), none);
  const subNames = Object.keys(entries(s.sub, "properties"));
  const supNames = Object.keys(entries(s.sup, "properties"));
  const at = (node: JsonObject, ptr: string, kw: string, key: string): At => ({ node: node[key] as SchemaNode, pointer: pointerAppend(pointerAppend(ptr, kw), key) });
  const targets: Target[] = s.added.map((p) => ({ at: at(s.supPat, s.supPtr, "patternProperties", p), keys: s.langs.get(p)!, what: `patternProperties ${JSON.stringify(p)}` }));
  const supRest = intersectionOf(complementOf(anyOf(Object.keys(s.supPat))), complementOf(namesOf(supNames)));
  targets.push({ at: additional(s.sup, s.supPtr), keys: supRest, what: "additionalProperties" });
  const subPatterns = Object.keys(s.subPat);
  const subClaimed = unionOf(anyOf(subPatterns), namesOf(subNames));
  const subAdditional = additional(s.sub, s.subPtr);
  const out: RuleFinding[] = [];
  for (const t of targets) {
    if (acceptsAll(t.at.node)) continue;
    const good = anyOf(subPatterns.filter((q) => inside(at(s.subPat, s.subPtr, "patternProperties", q), t.at)));
    let rest = intersectionOf(t.keys, complementOf(good));
    if (inside(subAdditional, t.at)) rest = intersectionOf(rest, subClaimed);
    const ownGood = subNames.filter((k) => hasName(rest, k) && inside(at(entries(s.sub, "properties"), s.subPtr, "properties", k), t.at));
    const key = someWord(intersectionOf(rest, complementOf(namesOf(ownGood))));
    if (key === undefined) continue;
    const where = back ? "new" : "old";
    const message = `key ${JSON.stringify(key)} is governed by ${t.what} in ${where}; ${back ? "old" : "new"} values there are not proven to satisfy it`;
    out.push({ message, breaks: [direction], candidates: keyCandidates(ctx, direction, s, key) });
  }
  return out;
}

/** Source objects with `key` set to values of what governs it on the source side, then to values of every type. */
function keyCandidates(ctx: RuleContext, direction: Direction, s: Sides, key: string): Candidate[] {
  const side = direction === "backward" ? "old" : "new";
  const governs = governing(s.sub, s.subPtr, key).node;
  const values: JsonValue[] = [...ctx.examples(side, governs, 3), null, 0, "", "x", true, {}, [], 0.5];
  const bases = objectCandidates(ctx, direction, (o) => o).slice(0, 2).map((c) => c.value as JsonObject);
  return (bases.length > 0 ? bases : [{}]).flatMap((b) => values.map((v) => ({ direction, value: { ...b, [key]: v } })));
}

function undecided(direction: Direction, why: string): RuleFinding[] {
  return [{ message: `patternProperties changed: ${why}; not decided by key-language overlap`, breaks: [], unknown: [direction] }];
}

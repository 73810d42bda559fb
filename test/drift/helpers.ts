import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importValidator } from "../../src/compile/compile.js";
import { diffSchemas } from "../../src/drift/diff.js";
import { emitValidator } from "../../src/emit/validators/index.js";
import { draftOf, type Draft, type JsonObject, type JsonValue } from "../../src/ir/json.js";
import { REPO_ROOT } from "../util/project.js";

export const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "drift");

export interface Fixture {
  readonly id: string;
  readonly before: JsonObject;
  readonly after: JsonObject;
  readonly expected: {
    readonly rule: string;
    readonly modelOutput?: boolean;
    readonly verdict: { backward: string; forward: string };
    readonly changes: readonly { rule: string; pointer: string; oldPointer: string; breaks: string[]; unknown: string[]; witness: string | null }[];
  };
}

export function fixtures(): Fixture[] {
  return readdirSync(FIXTURES).sort().map((id) => {
    const read = (n: string) => JSON.parse(readFileSync(path.join(FIXTURES, id, `${n}.json`), "utf8")) as never;
    return { id, before: read("before"), after: read("after"), expected: read("expected") };
  });
}

/** The draft a fixture declares; `fallback` for one without `$schema`. */
export function draft(schema: JsonObject, fallback: Draft = "2020-12"): Draft {
  if (schema["$schema"] === undefined) return fallback;
  return draftOf(schema["$schema"] as string | undefined) ?? "2020-12";
}

/** The generated (standalone) validator of a schema, as shipped in generated/. */
export async function compiled(schema: JsonObject, fallback: Draft = "2020-12"): Promise<(v: JsonValue) => boolean> {
  const validate = await importValidator(emitValidator({ schema, draft: draft(schema, fallback), strict: false }));
  return (v) => validate(v) === true;
}

export interface SoundnessStats {
  pairs: number;
  compatibleDirections: number;
  validSamples: number;
  witnesses: number;
  unknownDirections?: number;
}

/**
 * Diffs a pair and checks it against the generated validators: every reported witness is valid under the side it
 * names and invalid under the other, and every sample valid under the source of a `compatible` direction is valid
 * under its target.
 */
export async function checkSoundPair(oldS: JsonObject, newS: JsonObject, samples: (source: JsonObject) => readonly JsonValue[], stats: SoundnessStats): Promise<void> {
  const result = await diffSchemas({ schema: oldS, draft: draft(oldS) }, { schema: newS, draft: draft(newS) });
  const isOld = await compiled(oldS);
  const isNew = await compiled(newS);
  stats.pairs++;
  for (const c of result.changes) {
    if (c.witness === undefined) continue;
    stats.witnesses++;
    const [valid, invalid] = c.witness.validUnder === "old" ? [isOld, isNew] : [isNew, isOld];
    assert.ok(valid(c.witness.value) && !invalid(c.witness.value), `witness of ${c.rule}: ${JSON.stringify(c.witness)}`);
  }
  for (const [d, src, tgt, isSrc, isTgt] of [["backward", oldS, newS, isOld, isNew], ["forward", newS, oldS, isNew, isOld]] as const) {
    if (result.verdict[d] === "unknown" && stats.unknownDirections !== undefined) stats.unknownDirections++;
    if (result.verdict[d] !== "compatible") continue;
    stats.compatibleDirections++;
    for (const v of samples(src)) {
      if (!isSrc(v)) continue;
      stats.validSamples++;
      assert.ok(isTgt(v), `${d} claimed compatible but ${JSON.stringify(v)} is valid under ${JSON.stringify(src)} and not under ${JSON.stringify(tgt)}`);
    }
  }
}

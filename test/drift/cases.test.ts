/**
 * Cases from the issue tracker and other checkers' suites that the per-rule fixtures do not cover: each names the
 * shape, the verdict per direction (a list when more than one answer is sound), and a witness value where one must
 * be found. Every witness is re-checked with the generated validators of both sides.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/diff.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { compiled, draft } from "./helpers.js";

type V = "compatible" | "incompatible" | "unknown";

export interface Case {
  readonly name: string;
  readonly before: JsonObject;
  readonly after: JsonObject;
  readonly backward: V | readonly V[];
  readonly forward: V | readonly V[];
  /** A witness value that must be reported for this direction. */
  readonly witness?: { readonly direction: "backward" | "forward"; readonly value: JsonValue };
}

const S = "https://json-schema.org/draft/2020-12/schema";
const D7 = "http://json-schema.org/draft-07/schema#";
const s = (o: JsonObject): JsonObject => ({ $schema: S, ...o });

export const CASES: readonly Case[] = [
  {
    // venvironment-schema (schemastore): the witness of the shrunk language has 17 characters; enumerating paths
    // (refa's words()) exhausted the heap before reaching it.
    name: "pattern whose difference language has only long words",
    before: s({ type: "string", pattern: "[0-9a-fA-F][02468aceACE](:[0-9a-fA-F]{2}){5}" }),
    after: s({ type: "string", pattern: "\\$\\{[a-zA-Z_][a-zA-Z0-9_]*\\}" }),
    backward: "incompatible",
    forward: "incompatible",
  },
  {
    name: "anyOf of overlapping branches swapped to oneOf",
    before: s({ anyOf: [{ type: "string" }, { type: "string", maxLength: 3 }] }),
    after: s({ oneOf: [{ type: "string" }, { type: "string", maxLength: 3 }] }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: "" },
  },
  {
    name: "allOf swapped to oneOf",
    before: s({ allOf: [{ type: "string" }, { minLength: 1 }] }),
    after: s({ oneOf: [{ type: "string" }, { minLength: 1 }] }),
    backward: "incompatible",
    forward: ["incompatible", "unknown"],
  },
  {
    name: "oneOf unchanged, a sibling restriction removed",
    before: s({ type: "integer", oneOf: [{ minimum: 0 }, { maximum: 10 }] }),
    after: s({ oneOf: [{ minimum: 0 }, { maximum: 10 }] }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "oneOf of overlapping branches against itself",
    before: s({ oneOf: [{ type: "string" }, { type: "string", maxLength: 3 }] }),
    after: s({ oneOf: [{ type: "string" }, { type: "string", maxLength: 3 }] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "a plain schema wrapped into an overlapping oneOf",
    before: s({ type: "string" }),
    after: s({ oneOf: [{ type: "string" }, { type: "string", minLength: 2 }] }),
    backward: "incompatible",
    forward: ["compatible", "unknown"],
    witness: { direction: "backward", value: "aa" },
  },
  {
    name: "oneOf branch widened until it overlaps another",
    before: s({ oneOf: [{ type: "string", maxLength: 2 }, { type: "string", minLength: 5 }] }),
    after: s({ oneOf: [{ type: "string", maxLength: 6 }, { type: "string", minLength: 5 }] }),
    backward: "incompatible",
    forward: ["incompatible", "unknown"],
  },
  {
    name: "draft-07 tuple without $schema read as draft-07",
    before: { type: "array", items: [{ type: "string" }], additionalItems: false },
    after: { type: "array", items: [{ type: "string" }, { type: "integer" }], additionalItems: false },
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "draft-07 $ref overrides its siblings",
    before: { $schema: D7, definitions: { a: { type: "string" } }, properties: { x: { $ref: "#/definitions/a", type: "integer" } } },
    after: { $schema: D7, definitions: { a: { type: "string" } }, properties: { x: { $ref: "#/definitions/a" } } },
    backward: "compatible",
    forward: "compatible",
  },
];

for (const c of CASES) {
  test(`cases › ${c.name}`, async () => {
    const result = await diffSchemas({ schema: c.before, draft: draft(c.before, "draft-07") }, { schema: c.after, draft: draft(c.after, "draft-07") });
    for (const d of ["backward", "forward"] as const) {
      const allowed = typeof c[d] === "string" ? [c[d] as V] : (c[d] as readonly V[]);
      assert.ok(allowed.includes(result.verdict[d]), `${d}: got ${result.verdict[d]}, expected ${allowed.join(" or ")}\n${JSON.stringify(result.changes, null, 1)}`);
    }
    const isOld = await compiled(c.before, "draft-07");
    const isNew = await compiled(c.after, "draft-07");
    for (const ch of result.changes) {
      if (ch.witness === undefined) continue;
      const [valid, invalid] = ch.witness.validUnder === "old" ? [isOld, isNew] : [isNew, isOld];
      assert.ok(valid(ch.witness.value) && !invalid(ch.witness.value), `${ch.rule}: witness ${JSON.stringify(ch.witness)}`);
    }
    if (c.witness !== undefined) {
      const w = c.witness;
      const side = w.direction === "backward" ? "old" : "new";
      assert.ok(result.changes.some((ch) => ch.witness?.validUnder === side && JSON.stringify(ch.witness.value) === JSON.stringify(w.value)), `witness ${JSON.stringify(w.value)} reported\n${JSON.stringify(result.changes)}`);
    }
  });
}

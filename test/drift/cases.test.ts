/**
 * Cases from the issue tracker and other checkers' suites that the per-rule fixtures do not cover: each names the
 * shape, the verdict per direction (a list when more than one answer is sound), and a witness value where one must
 * be found. Every witness is re-checked with the generated validators of both sides.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/diff.js";
import { generate } from "../../src/drift/witness/generate.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { DECIDED_CASES } from "./decided-cases.js";
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
const D4 = "http://json-schema.org/draft-04/schema#";
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
    // The spec (before 2019-09) says `$ref` overrides its siblings, but ajv, and so every generated validator,
    // applies them: x must be a string and an integer, so no document has x. Drift judges what is enforced.
    name: "draft-07 $ref siblings apply, as in the generated validator",
    before: { $schema: D7, definitions: { a: { type: "string" } }, properties: { x: { $ref: "#/definitions/a", type: "integer" } } },
    after: { $schema: D7, definitions: { a: { type: "string" } }, properties: { x: { $ref: "#/definitions/a" } } },
    backward: ["compatible", "unknown"],
    forward: "incompatible",
  },
  {
    name: "draft-07 $ref sibling narrows the referenced number to integers",
    before: { $schema: D7, definitions: { a: { type: "number" } }, type: "object", properties: { x: { $ref: "#/definitions/a", type: "integer" } }, required: ["x"] },
    after: { $schema: D7, definitions: { a: { type: "number" } }, type: "object", properties: { x: { $ref: "#/definitions/a" } }, required: ["x"] },
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "draft-04 $ref sibling removed widens",
    before: { $schema: D4, definitions: { a: { type: "string" } }, type: "object", properties: { x: { $ref: "#/definitions/a", maxLength: 2 } }, required: ["x"] },
    after: { $schema: D4, definitions: { a: { type: "string" } }, type: "object", properties: { x: { $ref: "#/definitions/a" } }, required: ["x"] },
    backward: ["compatible", "unknown"],
    forward: "incompatible",
  },
  {
    name: "draft-04 boolean exclusiveMinimum is exclusive",
    before: { $schema: D4, type: "object", properties: { n: { type: "number", minimum: 5, exclusiveMinimum: true } }, required: ["n"] },
    after: { $schema: D4, type: "object", properties: { n: { type: "number", minimum: 5 } }, required: ["n"] },
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: { n: 5 } },
  },
  {
    // The one-branch allOf is merged into its parent: its boolean bound was merged raw and read as inclusive.
    name: "draft-04 boolean exclusiveMinimum inside a one-branch allOf is exclusive",
    before: { $schema: D4, allOf: [{ type: "number", minimum: 5, exclusiveMinimum: true }] },
    after: { $schema: D4, type: "number", minimum: 5 },
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: 5 },
  },
  {
    name: "draft-04 boolean exclusiveMaximum in an anyOf branch, unchanged, is no change",
    before: { $schema: D4, anyOf: [{ type: "number", maximum: 5, exclusiveMaximum: true }] },
    after: { $schema: D4, type: "number", maximum: 5, exclusiveMaximum: true },
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "vendor and editor annotations (x-*, markdownDescription) added and removed: the validators ignore them",
    before: { $schema: D7, type: "object", properties: { a: { type: "string", "x-taplo": { links: { key: "k" } }, markdownDescription: "m" } }, "x-tombi-table-keys-order": "schema" },
    after: { $schema: D7, type: "object", properties: { a: { type: "string" } } },
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "a vendor annotation does not hide a real change beside it",
    before: { $schema: D7, type: "object", properties: { a: { type: "string", "x-intellij-html-description": "d" } } },
    after: { $schema: D7, type: "object", properties: { a: { type: "string", maxLength: 2, "x-intellij-html-description": "e" } } },
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: { a: "aaa" } },
  },
];

const PROBES: readonly JsonValue[] = [null, 0, 1.5, 5, 6, 4.5, "", "ab", [], {}, { x: "" }, { x: 1 }, { x: 1.5 }, { n: 5 }, { n: 6 }, { x: "abc" }];

/** Probe values plus values the engine's generator builds for the schema (many variants). */
function samples(schema: JsonObject): JsonValue[] {
  const out = [...PROBES];
  for (let variant = 0; variant < 32; variant++) {
    const v = generate(schema, draft(schema, "draft-07"), schema, { variant });
    if (v !== undefined) out.push(v);
  }
  return out;
}

for (const c of [...CASES, ...DECIDED_CASES]) {
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
    // A compatible direction is checked against values valid under its source, by the generated validators.
    for (const d of ["backward", "forward"] as const) {
      if (result.verdict[d] !== "compatible") continue;
      const [src, isSrc, isTgt] = d === "backward" ? [c.before, isOld, isNew] : [c.after, isNew, isOld];
      for (const v of samples(src)) {
        if (isSrc(v)) assert.ok(isTgt(v), `${d} compatible, but ${JSON.stringify(v)} is valid under the source only`);
      }
    }
    if (c.witness !== undefined) {
      const w = c.witness;
      const side = w.direction === "backward" ? "old" : "new";
      assert.ok(result.changes.some((ch) => ch.witness?.validUnder === side && JSON.stringify(ch.witness.value) === JSON.stringify(w.value)), `witness ${JSON.stringify(w.value)} reported\n${JSON.stringify(result.changes)}`);
    }
  });
}

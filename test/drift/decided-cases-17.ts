/**
 * Shapes issue 17 decides: exactly-one-of per source branch (shared/exclusive.ts), pairs written alike held at
 * once (same.ts) but only when their `$ref` targets are alike too, positive sub-proofs kept under an open outer
 * proof (engine.ts `proves`), and witnesses built from the failed sub-proof that broke a branch (`because`).
 * cases.test.ts checks the verdicts and witnesses; soundness-decided.test.ts samples every compatible direction.
 */
import type { JsonObject } from "../../src/ir/json.js";
import type { Case } from "./cases.test.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const s = (o: JsonObject): JsonObject => ({ $schema: S, ...o });
const req = (name: string, schema: JsonObject): JsonObject => ({ type: "object", required: [name], properties: { [name]: schema } });
/** Two object branches that overlap ({a, b} matches both) and one array branch apart from them. */
const three = (arr: JsonObject, b: JsonObject = { type: "string", maxLength: 5 }): JsonObject =>
  s({ oneOf: [req("a", { type: "string" }), req("b", b), { type: "array", ...arr }] });

export const ISSUE17_CASES: readonly Case[] = [
  {
    // The array branch is apart from both object branches and the object branches are unchanged: every new value
    // matches exactly one old branch. Before: "oneOf branches overlap" made forward unknown.
    name: "oneOf exclusivity › a branch apart from the others narrowed, the overlapping ones unchanged",
    before: three({ maxItems: 5 }),
    after: three({ maxItems: 3 }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: [null, null, null, null] },
  },
  {
    name: "oneOf exclusivity › widening one of two overlapping branches breaks backward (a value now matches both)",
    before: three({}),
    after: three({}, { type: "string", maxLength: 10 }),
    backward: "incompatible",
    forward: "incompatible",
  },
  {
    name: "oneOf exclusivity › narrowing one of two overlapping branches breaks forward (old matches both)",
    before: three({}),
    after: three({}, { type: "string", maxLength: 3 }),
    backward: "incompatible",
    forward: "incompatible",
  },
  {
    // The new branch is disjoint from the source branch that holds each value: a plain node into a oneOf.
    name: "oneOf exclusivity › a plain object into an overlapping oneOf whose other branch it cannot match",
    before: s({ type: "object", required: ["a"], properties: { a: { type: "string" }, b: { type: "integer" } } }),
    after: s({ type: "object", oneOf: [{ required: ["a"], properties: { a: { type: "string" } } }, { required: ["a"], properties: { a: { type: "integer" } } }], properties: { b: { type: "integer" } } }),
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: { a: 0 } },
  },
  {
    name: "same meaning › a schema with overlapping oneOf, unevaluatedProperties beside allOf and a custom keyword, against its copy",
    before: s({ $defs: { n: { type: "string", "x-kind": "name" } }, oneOf: [{ required: ["a"] }, { required: ["b"] }], allOf: [{ properties: { a: { $ref: "#/$defs/n" } } }], unevaluatedProperties: false }),
    after: s({ $defs: { n: { type: "string", "x-kind": "name" } }, oneOf: [{ required: ["a"] }, { required: ["b"] }], allOf: [{ properties: { a: { $ref: "#/$defs/n" } } }], unevaluatedProperties: false }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    // Written alike, but the `$ref` leads to different schemas: not the same, in either direction.
    name: "same meaning › a node written alike whose $ref target changed is compared, not skipped",
    before: s({ $defs: { n: { type: "string" } }, type: "object", properties: { x: { $ref: "#/$defs/n" } }, required: ["x"] }),
    after: s({ $defs: { n: { type: "integer" } }, type: "object", properties: { x: { $ref: "#/$defs/n" } }, required: ["x"] }),
    backward: "incompatible",
    forward: "incompatible",
    witness: { direction: "backward", value: { x: "" } },
  },
  {
    // Recursive anyOf: the inner proof of `c` holds only if the outer branch proof holds, which fails on `v`.
    // The inner result must be dropped with it, and the witness is found through the failed sub-proofs.
    name: "open proofs › a recursive anyOf branch narrowed deep inside: inner results assumed on the outer proof are dropped",
    before: s({ anyOf: [{ type: "object", properties: { c: { anyOf: [{ $ref: "#" }, { type: "number" }] }, v: { type: "string" } }, required: ["v"] }, { type: "null" }] }),
    after: s({ anyOf: [{ type: "object", properties: { c: { anyOf: [{ $ref: "#" }, { type: "number" }] }, v: { type: "string", maxLength: 3 } }, required: ["v"] }, { type: "null" }] }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    // An enum value removed under a $ref'd allOf conjunct of an anyOf branch: the witness comes from the enum
    // rule's value, placed through the failed conjunct and branch proofs (before: unknown).
    name: "counterexamples › an enum value removed three proofs deep is found as a witness",
    before: s({ $defs: { kind: { enum: ["x", "y"] }, base: { type: "object", properties: { k: { $ref: "#/$defs/kind" } } }, item: { type: "object", required: ["t"], properties: { t: { const: "item" } }, allOf: [{ $ref: "#/$defs/base" }] } }, anyOf: [{ $ref: "#/$defs/item" }, { type: "string" }] }),
    after: s({ $defs: { kind: { enum: ["x"] }, base: { type: "object", properties: { k: { $ref: "#/$defs/kind" } } }, item: { type: "object", required: ["t"], properties: { t: { const: "item" } }, allOf: [{ $ref: "#/$defs/base" }] } }, anyOf: [{ $ref: "#/$defs/item" }, { type: "string" }] }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: { t: "item", k: "y" } },
  },
];

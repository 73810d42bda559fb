/**
 * Shapes the engine used to answer `unknown` on although the answer is decidable (issue 10, point 5):
 * patternProperties overlap, oneOf partitions with an extra union type, an enum equal to a numeric range, `not`.
 * Each shape has both directions and near-misses; cases.test.ts runs them with the same witness re-check.
 */
import type { JsonObject } from "../../src/ir/json.js";
import type { Case } from "./cases.test.js";
import { ISSUE17_CASES } from "./decided-cases-17.js";
import { ISSUE17A_CASES } from "./decided-cases-17a.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const s = (o: JsonObject): JsonObject => ({ $schema: S, ...o });
const obj = (o: JsonObject): JsonObject => s({ type: "object", ...o });
const str = { type: "string" };

// ── patternProperties: key languages compared with refa ─────────────────────────────────────────────────────
export const PATTERN_CASES: readonly Case[] = [
  {
    name: "patternProperties › a pattern rewritten to the same language (closed object)",
    before: obj({ patternProperties: { "^a": str }, additionalProperties: false }),
    after: obj({ patternProperties: { "^a.*": str }, additionalProperties: false }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "patternProperties › a pattern widened in a closed object",
    before: obj({ patternProperties: { "^a": str }, additionalProperties: false }),
    after: obj({ patternProperties: { "^[ab]": str }, additionalProperties: false }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › a pattern widened in an open object",
    before: obj({ patternProperties: { "^a": str } }),
    after: obj({ patternProperties: { "^[ab]": str } }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "patternProperties › a pattern added to an open object",
    before: obj({}),
    after: obj({ patternProperties: { "^x-": str } }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "patternProperties › a pattern removed from an open object",
    before: obj({ patternProperties: { "^x-": str } }),
    after: obj({}),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › a pattern added to a closed object",
    before: obj({ additionalProperties: false }),
    after: obj({ patternProperties: { "^x-": {} }, additionalProperties: false }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › patterns with disjoint languages swapped",
    before: obj({ patternProperties: { "^a": str }, additionalProperties: false }),
    after: obj({ patternProperties: { "^b": str }, additionalProperties: false }),
    backward: "incompatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › two disjoint patterns merged into one (the intersection is empty)",
    before: obj({ patternProperties: { "^a": str, "^b": { type: "integer" } }, additionalProperties: false }),
    after: obj({ patternProperties: { "^[ab]": { type: ["integer", "string"] } }, additionalProperties: false }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › a narrower pattern added inside an existing one, implied by it",
    before: obj({ patternProperties: { "^a": { type: "string", minLength: 1 } } }),
    after: obj({ patternProperties: { "^a": { type: "string", minLength: 1 }, "^ab": { minLength: 1 } } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "patternProperties › an overlapping pattern added that constrains the intersection (near-miss)",
    before: obj({ patternProperties: { "^a": { type: "string" } } }),
    after: obj({ patternProperties: { "^a": { type: "string" }, "z$": { minLength: 1 } } }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "patternProperties › a named property now governed by a pattern",
    before: obj({ properties: { "x-foo": str }, additionalProperties: false }),
    after: obj({ patternProperties: { "^x-": str }, additionalProperties: false }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › a named property now governed by a pattern that narrows it (near-miss)",
    before: obj({ properties: { "x-foo": str }, additionalProperties: false }),
    after: obj({ patternProperties: { "^x-": { type: "string", maxLength: 2 } }, additionalProperties: false }),
    backward: "incompatible",
    forward: "incompatible",
  },
  {
    name: "patternProperties › an anchored pattern replaced by its unanchored equivalent",
    before: obj({ patternProperties: { "^[0-9]+$": { type: "integer" } }, additionalProperties: false }),
    after: obj({ patternProperties: { "^\\d+$": { type: "integer" } }, additionalProperties: false }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "patternProperties › a pattern widened by an anchored alternative (^a$ to ^a$|^b)",
    before: obj({ patternProperties: { "^a$": str }, additionalProperties: false }),
    after: obj({ patternProperties: { "^a$|^b": str }, additionalProperties: false }),
    backward: "compatible",
    forward: "incompatible",
  },
];

// ── oneOf partitions ────────────────────────────────────────────────────────────────────────────────────────
const kind = (k: string, extra: JsonObject = {}): JsonObject => ({ properties: { kind: { const: k }, ...extra }, required: ["kind"] });

export const ONEOF_CASES: readonly Case[] = [
  {
    name: "oneOf › string|integer partition plus a null branch",
    before: s({ oneOf: [{ type: "string" }, { type: "integer" }] }),
    after: s({ oneOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] }),
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: null },
  },
  {
    name: "oneOf › constrained branches plus a null branch, removed again",
    before: s({ oneOf: [{ type: "string", minLength: 1 }, { type: "integer", minimum: 0 }, { type: "null" }] }),
    after: s({ oneOf: [{ type: "string", minLength: 1 }, { type: "integer", minimum: 0 }] }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: null },
  },
  {
    name: "oneOf › const branches plus one",
    before: s({ oneOf: [{ const: "a", title: "A" }, { const: "b", title: "B" }] }),
    after: s({ oneOf: [{ const: "a", title: "A" }, { const: "b", title: "B" }, { const: "c", title: "C" }] }),
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: "c" },
  },
  {
    name: "oneOf › discriminated branches under a parent type: object, plus a branch",
    before: obj({ oneOf: [kind("a"), kind("b")] }),
    after: obj({ oneOf: [kind("a"), kind("b"), kind("c")] }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "oneOf › discriminated branches without any type: non-objects match every branch (near-miss)",
    before: s({ oneOf: [kind("a"), { type: "string" }] }),
    after: s({ oneOf: [kind("a"), kind("b"), { type: "string" }] }),
    backward: "incompatible",
    forward: ["incompatible", "unknown"],
  },
  {
    name: "oneOf › a branch added with a discriminator value already taken (near-miss)",
    before: obj({ oneOf: [kind("a", { x: { type: "string" } }), kind("b")] }),
    after: obj({ oneOf: [kind("a", { x: { type: "string" } }), kind("b"), kind("a", { y: { type: "string" } })] }),
    backward: "incompatible",
    forward: ["incompatible", "unknown"],
  },
  {
    name: "oneOf › integer branches disjoint by range, plus a null branch",
    before: s({ oneOf: [{ type: "integer", maximum: 0 }, { type: "integer", minimum: 1, multipleOf: 2 }] }),
    after: s({ oneOf: [{ type: "integer", maximum: 0 }, { type: "integer", minimum: 1, multipleOf: 2 }, { type: "null" }] }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "oneOf › number ranges that touch at one point (near-miss)",
    before: s({ oneOf: [{ type: "number", maximum: 0 }, { type: "number", exclusiveMinimum: 0 }] }),
    after: s({ oneOf: [{ type: "number", maximum: 0 }, { type: "number", minimum: 0 }] }),
    backward: "incompatible",
    forward: ["compatible", "unknown"],
    witness: { direction: "backward", value: 0 },
  },
  {
    name: "oneOf › string branches disjoint by pattern, plus a branch",
    before: s({ oneOf: [{ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" }] }),
    after: s({ oneOf: [{ type: "string", pattern: "^a" }, { type: "string", pattern: "^b" }, { type: "integer" }] }),
    backward: "compatible",
    forward: "incompatible",
  },
];

// ── enum against a numeric range ────────────────────────────────────────────────────────────────────────────
export const ENUM_RANGE_CASES: readonly Case[] = [
  {
    name: "enum/range › enum [1,2,3] to the integer range [1,3]",
    before: s({ enum: [1, 2, 3] }),
    after: s({ type: "integer", minimum: 1, maximum: 3 }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "enum/range › the integer range [1,3] to enum [1,2,3]",
    before: s({ type: "integer", minimum: 1, maximum: 3 }),
    after: s({ enum: [1, 2, 3] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "enum/range › exclusive bounds and a typed enum",
    before: s({ type: "integer", enum: [1, 2, 3] }),
    after: s({ type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 4 }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "enum/range › the range is one wider than the enum (near-miss)",
    before: s({ enum: [1, 2, 3] }),
    after: s({ type: "integer", minimum: 1, maximum: 4 }),
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: 4 },
  },
  {
    name: "enum/range › the enum has a gap (near-miss)",
    before: s({ type: "integer", minimum: 1, maximum: 4 }),
    after: s({ enum: [1, 2, 4] }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: 3 },
  },
  {
    name: "enum/range › a number range is not a finite enum (near-miss)",
    before: s({ type: "number", minimum: 1, maximum: 3 }),
    after: s({ enum: [1, 2, 3] }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "enum/range › an enum value outside the new range",
    before: s({ enum: [0, 1, 2] }),
    after: s({ type: "integer", minimum: 1, maximum: 2 }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: 0 },
  },
  {
    name: "enum/range › enum strings against a length range",
    before: s({ enum: ["a", "bb"] }),
    after: s({ type: "string", minLength: 1, maxLength: 2 }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "enum/range › a one-point number range is its const",
    before: s({ type: "number", minimum: 2, maximum: 2 }),
    after: s({ const: 2 }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "enum/range › a one-point integer range against not:{enum} of other values",
    before: s({ type: "integer", minimum: 3, maximum: 3 }),
    after: s({ not: { enum: [1, null] } }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "enum/range › enum of booleans to type boolean",
    before: s({ type: "boolean" }),
    after: s({ enum: [false, true] }),
    backward: "compatible",
    forward: "compatible",
  },
];

// ── not ─────────────────────────────────────────────────────────────────────────────────────────────────────
export const NOT_CASES: readonly Case[] = [
  {
    name: "not › not:{enum} added to a string",
    before: s({ type: "string" }),
    after: s({ type: "string", not: { enum: ["a", "b"] } }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "not › not:{enum} removed",
    before: s({ type: "string", not: { enum: ["a", "b"] } }),
    after: s({ type: "string" }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "not › not:{enum} widened",
    before: s({ type: "string", not: { enum: ["a"] } }),
    after: s({ type: "string", not: { enum: ["a", "b"] } }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: "b" },
  },
  {
    name: "not › not:{enum} of values the type already excludes",
    before: s({ type: "string" }),
    after: s({ type: "string", not: { enum: [1, null] } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › not:{type: null} against the positive type list",
    before: s({ not: { type: "null" } }),
    after: s({ type: ["array", "boolean", "number", "object", "string"] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › not:{type: string} against a type list with integer only (near-miss)",
    before: s({ not: { type: "string" } }),
    after: s({ type: ["array", "boolean", "integer", "null", "object"] }),
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "not › not:{type} narrowed",
    before: s({ not: { type: ["string", "number"] } }),
    after: s({ not: { type: "string" } }),
    backward: "compatible",
    forward: "incompatible",
  },
  {
    name: "not › not:{const} inside an enum against the smaller enum",
    before: s({ enum: ["a", "b", "c"], not: { const: "c" } }),
    after: s({ enum: ["a", "b"] }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › not:{const: true} on a boolean against const false",
    before: s({ type: "boolean", not: { const: true } }),
    after: s({ const: false }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › not:{type: number} added next to type string",
    before: s({ type: "string" }),
    after: s({ type: "string", not: { type: "number" } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › a not added whose schema no old value can match (disjoint ranges)",
    before: s({ type: "integer", minimum: 0 }),
    after: s({ type: "integer", minimum: 0, not: { maximum: -1 } }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › a not added whose range meets the old one (near-miss)",
    before: s({ type: "integer", minimum: 0 }),
    after: s({ type: "integer", minimum: 0, not: { maximum: 0 } }),
    backward: "incompatible",
    forward: "compatible",
    witness: { direction: "backward", value: 0 },
  },
  {
    name: "not › not:{enum: [1, null]} against not:{type: null}",
    before: s({ not: { enum: [1, null] } }),
    after: s({ not: { type: "null" } }),
    backward: "compatible",
    forward: "incompatible",
    witness: { direction: "forward", value: 1 },
  },
  {
    name: "not › not:{type: integer} next to integer|string is the string type",
    before: s({ type: ["integer", "string"], not: { type: "integer" } }),
    after: s({ type: "string" }),
    backward: "compatible",
    forward: "compatible",
  },
  {
    name: "not › not:{type: integer} next to number has no type complement (near-miss)",
    before: s({ type: "number", not: { type: "integer" } }),
    after: s({ type: "number", not: { const: 0 } }),
    backward: "compatible",
    forward: ["incompatible", "unknown"],
  },
  {
    name: "not › a double negation against the positive schema",
    before: s({ not: { not: { type: "string" } } }),
    after: s({ type: "string" }),
    backward: "compatible",
    forward: "compatible",
  },
];

export const DECIDED_CASES: readonly Case[] = [...PATTERN_CASES, ...ONEOF_CASES, ...ENUM_RANGE_CASES, ...NOT_CASES, ...ISSUE17_CASES, ...ISSUE17A_CASES];

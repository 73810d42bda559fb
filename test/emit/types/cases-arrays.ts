import type { JsonObject } from "../../../src/ir/json.js";
import type { TypeCase } from "./harness.js";

const str = { type: "string" } as const;
const num = { type: "number" } as const;

export const arrayCases: readonly TypeCase[] = [
  {
    name: "items schema",
    draft: "2020-12",
    schema: { type: "array", items: str },
    accepts: [[], ["a", "b"]],
    rejectsIfPrecise: [[1], "a"],
  },
  {
    name: "minItems makes a required prefix",
    draft: "2020-12",
    schema: { type: "array", items: str, minItems: 2 },
    accepts: [
      ["a", "b"],
      ["a", "b", "c"],
    ],
    rejectsIfPrecise: [[], ["a"]],
    contains: ["[string, string, ...string[]]"],
  },
  {
    name: "maxItems 0 is the empty tuple",
    draft: "2020-12",
    schema: { type: "array", maxItems: 0 },
    accepts: [[]],
    rejectsIfPrecise: [["a"]],
  },
  {
    name: "maxItems above the prefix is not expanded (wider)",
    draft: "2020-12",
    schema: { type: "array", items: str, minItems: 1, maxItems: 30 },
    accepts: [["a"], ["a", "b", "c"]],
    rejectsIfPrecise: [[]],
  },
  {
    name: "2020-12 prefixItems: positions optional, extra items allowed",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str, num] },
    accepts: [[], ["a"], ["a", 1], ["a", 1, true, null]],
    rejectsIfPrecise: [[1], ["a", "b"]],
    excludes: ["never[]"],
  },
  {
    name: "2020-12 prefixItems without type also accepts non-arrays",
    draft: "2020-12",
    schema: { prefixItems: [str] },
    accepts: [[], ["a", 1], 5, { a: 1 }],
    rejectsIfPrecise: [[1]],
  },
  {
    name: "2020-12 prefixItems with items false is closed",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str, num], items: false },
    accepts: [[], ["a"], ["a", 1]],
    rejectsIfPrecise: [["a", 1, true]],
  },
  {
    name: "2020-12 prefixItems with items schema types the rest",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str, num], items: { type: "boolean" }, minItems: 2 },
    accepts: [
      ["a", 1],
      ["a", 1, true, false],
    ],
    rejectsIfPrecise: [["a"], ["a", 1, 2]],
  },
  {
    name: "2020-12 unevaluatedItems false without composition closes the tuple",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str], unevaluatedItems: false },
    accepts: [[], ["a"]],
    rejectsIfPrecise: [["a", "b"]],
  },
  {
    name: "2020-12 unevaluatedItems false with contains stays open",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str], contains: num, unevaluatedItems: false },
    accepts: [
      ["a", 1],
      ["a", 1, 2],
    ],
  },
  {
    name: "draft-07 items array is a tuple; additionalItems absent allows more",
    draft: "draft-07",
    schema: { type: "array", items: [str, num] },
    accepts: [[], ["a"], ["a", 1, "more", {}]],
    rejectsIfPrecise: [[1]],
  },
  {
    name: "draft-07 items array with additionalItems false",
    draft: "draft-07",
    schema: { type: "array", items: [str, num], additionalItems: false, minItems: 1 },
    accepts: [["a"], ["a", 1]],
    rejectsIfPrecise: [[], ["a", 1, 2]],
  },
  {
    name: "draft-07 prefixItems is not a keyword",
    draft: "draft-07",
    schema: { type: "array", prefixItems: [str] },
    accepts: [[1, 2], []],
  },
  {
    name: "2019-09 items array with additionalItems schema",
    draft: "2019-09",
    schema: { type: "array", items: [str], additionalItems: num },
    accepts: [[], ["a"], ["a", 1, 2]],
    rejectsIfPrecise: [["a", "b"]],
  },
  {
    name: "2019-09 unevaluatedItems types the rest of a tuple",
    draft: "2019-09",
    schema: { type: "array", items: [str], unevaluatedItems: num },
    accepts: [["a", 1]],
    rejectsIfPrecise: [["a", "b"]],
  },
  {
    name: "contains, minContains, uniqueItems never narrow",
    draft: "2020-12",
    schema: { type: "array", items: num, contains: { minimum: 5 }, minContains: 2, uniqueItems: true },
    accepts: [
      [5, 6],
      [1, 5, 7],
    ],
  },
  {
    name: "a prefix position that accepts nothing caps the length",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str, false] },
    accepts: [[], ["a"]],
    rejectsIfPrecise: [["a", 1]],
  },
  {
    name: "minItems beyond a closed prefix is impossible",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str], items: false, minItems: 2 },
    accepts: [],
    rejectsIfPrecise: [["a"], []],
  },
  {
    name: "a long tuple beyond the expansion budget widens instead of exploding",
    draft: "2020-12",
    schema: { type: "array", prefixItems: Array.from({ length: 40 }, (_, i) => ({ const: i })), minItems: 2 },
    accepts: [[0, 1], [0, 1, 2, 3], Array.from({ length: 40 }, (_, i) => i)],
    rejectsIfPrecise: [[0]],
  },
  {
    name: "a huge minItems is not materialized",
    draft: "2020-12",
    schema: { type: "array", prefixItems: [str], items: num, minItems: 1_000_000_000 },
    accepts: [],
    rejectsIfPrecise: [[]],
  },
  {
    name: "a long required tuple keeps the prefix that fits",
    draft: "2020-12",
    schema: {
      type: "array",
      prefixItems: Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? str : num)),
      items: false,
      minItems: 300,
    },
    accepts: [Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? "s" : i))],
    rejectsIfPrecise: [[1]],
  },
  {
    name: "nested bounded arrays stay small",
    draft: "2020-12",
    schema: nested(4),
    accepts: [[[[[["a"]]]]], [[[[["a", "b"], ["c"]]]]]],
  },
];

/** `depth + 1` levels of arrays: three `prefixItems` and `items`, each the next level; strings at the bottom. */
function nested(depth: number): JsonObject {
  const inner: JsonObject = depth === 0 ? { type: "string" } : nested(depth - 1);
  return { type: "array", prefixItems: [inner, inner, inner], items: inner };
}

import type { TypeCase } from "./harness.js";

const str = { type: "string" } as const;
const num = { type: "number" } as const;

/** Draft-04 and draft-06 forms: the types read them through the draft table (`src/ir/drafts.ts`). */
export const draftCases: readonly TypeCase[] = [
  {
    name: "draft-04 boolean exclusive bounds leave a number",
    draft: "draft-04",
    schema: {
      type: "object",
      properties: { n: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false } },
      required: ["n"],
    },
    accepts: [{ n: 0.5 }, { n: 1 }],
    rejectsIfPrecise: [{ n: "0.5" }, {}],
    contains: ["n: number;"],
  },
  {
    name: "draft-04 items array is a tuple, additionalItems schema types the rest",
    draft: "draft-04",
    schema: { type: "array", items: [str, num], additionalItems: { type: "boolean" } },
    accepts: [[], ["a"], ["a", 1, true, false]],
    rejectsIfPrecise: [[1], ["a", 1, "x"]],
  },
  {
    name: "draft-04 closed tuple",
    draft: "draft-04",
    schema: { type: "array", items: [str, num], additionalItems: false, minItems: 2 },
    accepts: [["a", 1]],
    rejectsIfPrecise: [["a"], ["a", 1, 2]],
    contains: ["[string, number]"],
  },
  {
    name: "draft-04 dependencies (both forms) never narrow",
    draft: "draft-04",
    schema: { type: "object", properties: { a: num, b: num }, dependencies: { a: ["b"], b: { required: ["a"] } } },
    accepts: [{ a: 1, b: 2 }, {}],
    rejectsIfPrecise: [{ a: "1" }],
  },
  {
    name: "draft-04 definitions are named types; $ref siblings are ignored (wider than ajv, which applies them)",
    draft: "draft-04",
    schema: {
      type: "object",
      properties: { item: { $ref: "#/definitions/item", required: ["id"] } },
      definitions: { item: { type: "object", properties: { id: num } } },
    },
    accepts: [{ item: { id: 1 } }],
    rejectsIfPrecise: [{ item: { id: "1" } }],
    contains: ["item?: Item;", "export interface Item"],
  },
  {
    name: "draft-04 unevaluatedProperties is not a keyword",
    draft: "draft-04",
    schema: { type: "object", properties: { a: str }, unevaluatedProperties: false },
    accepts: [{ a: "x", b: 1 }],
  },
  {
    name: "draft-06 const, contains and exclusive numbers",
    draft: "draft-06",
    schema: {
      type: "object",
      properties: { k: { const: "p" }, xs: { type: "array", contains: str }, n: { type: "number", exclusiveMinimum: 0 } },
      required: ["k"],
    },
    accepts: [{ k: "p" }, { k: "p", xs: [1, "a"], n: 2 }],
    rejectsIfPrecise: [{ k: "q" }, {}],
    contains: ['k: "p";'],
  },
  {
    name: "draft-06 boolean subschemas",
    draft: "draft-06",
    schema: { type: "object", properties: { never: false, any: true }, additionalProperties: false },
    accepts: [{}, { any: [1] }],
    rejectsIfPrecise: [{ never: 1 }, { other: 1 }],
  },
  {
    name: "draft-06 prefixItems is not a keyword",
    draft: "draft-06",
    schema: { type: "array", prefixItems: [str] },
    accepts: [[1, 2], []],
  },
];

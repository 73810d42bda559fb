import type { TypeCase } from "./harness.js";

const str = { type: "string" } as const;
const num = { type: "number" } as const;

export const compositionCases: readonly TypeCase[] = [
  {
    name: "anyOf is a union",
    draft: "2020-12",
    schema: { anyOf: [str, num] },
    accepts: ["a", 1],
    rejectsIfPrecise: [true, null],
  },
  {
    name: "oneOf of tagged objects is a discriminated union",
    draft: "2020-12",
    schema: {
      oneOf: [
        {
          type: "object",
          properties: { kind: { const: "a" }, a: str },
          required: ["kind", "a"],
          additionalProperties: false,
        },
        {
          type: "object",
          properties: { kind: { const: "b" }, b: num },
          required: ["kind", "b"],
          additionalProperties: false,
        },
      ],
    },
    accepts: [
      { kind: "a", a: "x" },
      { kind: "b", b: 1 },
    ],
    rejectsIfPrecise: [{ kind: "a", b: 1 }, { kind: "c" }],
  },
  {
    name: "allOf is an intersection",
    draft: "2020-12",
    schema: {
      allOf: [
        { type: "object", properties: { a: str }, required: ["a"] },
        { type: "object", properties: { b: num }, required: ["b"] },
      ],
    },
    accepts: [
      { a: "x", b: 1 },
      { a: "x", b: 1, c: null },
    ],
    rejectsIfPrecise: [{ a: "x" }],
  },
  {
    name: "type plus allOf of untyped members restricts the members to the type",
    draft: "2020-12",
    schema: { type: "string", allOf: [{ minLength: 1 }, { properties: { a: num } }] },
    accepts: ["x"],
    rejectsIfPrecise: [{ a: 1 }, 1],
  },
  {
    name: "if/then/else is at most then | else",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: { kind: str },
      if: { properties: { kind: { const: "n" } } },
      then: { properties: { value: num }, required: ["value"] },
      else: { properties: { text: str }, required: ["text"] },
    },
    accepts: [{ kind: "n", value: 1 }, { kind: "s", text: "x" }, { value: 1 }],
    rejectsIfPrecise: [{ kind: "n" }],
  },
  {
    name: "if/then without else never narrows",
    draft: "2020-12",
    schema: { type: "object", if: { required: ["a"] }, then: { required: ["b"] } },
    accepts: [{}, { a: 1, b: 2 }],
  },
  {
    name: "not of a type removes that kind",
    draft: "2020-12",
    schema: { type: ["string", "null"], not: { type: "null" } },
    accepts: ["x"],
    rejectsIfPrecise: [null],
  },
  {
    name: "not of integer keeps number",
    draft: "2020-12",
    schema: { type: "number", not: { type: "integer" } },
    accepts: [1.5],
  },
  {
    name: "not of anything else never narrows",
    draft: "2020-12",
    schema: { type: "string", not: { enum: ["a"] } },
    accepts: ["b"],
    rejectsIfPrecise: [1],
  },
  {
    name: "not {} accepts nothing",
    draft: "2020-12",
    schema: { not: {} },
    accepts: [],
    rejectsIfPrecise: ["x", null],
    contains: ["export type ContractV1 = never;"],
  },
  {
    name: "2020-12 $ref with sibling constraints is an intersection",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: { item: { $ref: "#/$defs/item", required: ["id"] } },
      $defs: { item: { type: "object", properties: { id: num, note: str } } },
    },
    accepts: [{ item: { id: 1 } }, { item: { id: 1, note: "x" } }, {}],
    rejectsIfPrecise: [{ item: { note: "x" } }],
    contains: ["} & Item;", "id: unknown;"],
  },
  {
    // ajv applies the siblings too; ignoring them (as draft-07 says) is wider, so right for either reading.
    name: "draft-07 $ref ignores its siblings",
    draft: "draft-07",
    schema: {
      type: "object",
      properties: { item: { $ref: "#/definitions/item", required: ["id"] } },
      definitions: { item: { type: "object", properties: { id: num } } },
    },
    accepts: [{ item: { id: 1 } }],
    contains: ["item?: Item;"],
  },
  {
    name: "$ref with a sibling description keeps the named type",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: {
        a: { $ref: "#/$defs/status", description: "first" },
        b: { $ref: "#/$defs/status", description: "second", deprecated: true },
      },
      $defs: { status: { enum: ["open", "closed"], description: "the status" } },
    },
    accepts: [{ a: "open", b: "closed" }],
    rejectsIfPrecise: [{ a: "other" }],
    contains: ["/** first */\n  a?: Status;", "b?: Status;", " * second", "@deprecated", "/** the status */"],
    excludes: ["Status1", "Status_2"],
  },
  {
    name: "$dynamicRef never narrows",
    draft: "2020-12",
    schema: { $dynamicAnchor: "node", type: "object", properties: { child: { $dynamicRef: "#node" } } },
    accepts: [{ child: { child: {} } }],
  },
  {
    name: "oneOf with a $ref whose kinds exceed the context keeps the context",
    draft: "2020-12",
    schema: { type: "object", oneOf: [{ $ref: "#/$defs/anything" }], $defs: { anything: { description: "no type" } } },
    accepts: [{ a: 1 }],
    rejectsIfPrecise: ["x"],
  },
];

import type { TypeCase } from "./harness.js";

const str = { type: "string" } as const;

export const refCases: readonly TypeCase[] = [
  {
    name: "inline titles do not name types",
    draft: "2020-12",
    schema: {
      type: "object",
      title: "Outer",
      properties: {
        a: { title: "Item", type: "object", properties: { x: str } },
        b: { title: "Item", type: "object", properties: { y: str } },
      },
    },
    accepts: [{ a: { x: "1" }, b: { y: "2" } }],
    excludes: ["Item", "Outer"],
  },
  {
    name: "defs are named from their keys, uniquely and validly",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: { a: { $ref: "#/$defs/foo-bar" }, b: { $ref: "#/$defs/FooBar" }, c: { $ref: "#/$defs/foo_bar" } },
      $defs: {
        "foo-bar": { const: 1 },
        FooBar: { const: 2 },
        foo_bar: { const: 3 },
        "1st": { const: 4 },
        class: { const: 5 },
        constructor: { const: 6 },
        Array: { type: "array", items: { $ref: "#/$defs/Object" } },
        Object: { type: "object" },
        ContractV1: { const: 7 },
        "": { const: 8 },
        "*/ export const x = 1; /*": { const: 9 },
      },
    },
    accepts: [{ a: 1, b: 2, c: 3 }],
    rejectsIfPrecise: [{ a: 2 }, { b: 1 }],
    contains: [
      "a?: FooBar_2;",
      "b?: FooBar;",
      "c?: FooBar_3;",
      "export type T1St = 4;",
      "export type Class = 5;",
      "export type Constructor = 6;",
      "export type Array = Object[];",
      "export type ContractV1_2 = 7;",
      "export type Type = 8;",
      "export type ExportConstX1 = 9;",
    ],
  },
  {
    name: "unreferenced defs still get types",
    draft: "2020-12",
    schema: {
      type: "string",
      $defs: { lonely: { type: "object", properties: { a: str } }, flag: { type: "boolean" } },
    },
    accepts: ["x"],
    contains: ["export interface Lonely {", "export type Flag = boolean;"],
  },
  {
    name: "draft-07 definitions",
    draft: "draft-07",
    schema: {
      type: "object",
      properties: { p: { $ref: "#/definitions/point" } },
      definitions: {
        point: { type: "array", items: [{ type: "number" }, { type: "number" }], additionalItems: false, minItems: 2 },
      },
    },
    accepts: [{ p: [1, 2] }],
    rejectsIfPrecise: [{ p: [1] }],
    contains: ["export type Point = [number, number];"],
  },
  {
    name: "self recursion through $ref #",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: { name: str, children: { type: "array", items: { $ref: "#" } } },
      required: ["name"],
    },
    accepts: [{ name: "a", children: [{ name: "b", children: [] }] }],
    rejectsIfPrecise: [{ name: "a", children: [{ children: [] }] }],
    contains: ["children?: ContractV1[];"],
  },
  {
    name: "mutual recursion between defs",
    draft: "2020-12",
    schema: {
      $ref: "#/$defs/expr",
      $defs: {
        expr: { anyOf: [{ type: "number" }, { $ref: "#/$defs/sum" }] },
        sum: {
          type: "object",
          properties: { terms: { type: "array", items: { $ref: "#/$defs/expr" } } },
          required: ["terms"],
        },
      },
    },
    accepts: [1, { terms: [1, { terms: [2, 3] }] }],
    rejectsIfPrecise: ["x", { terms: ["x"] }],
    contains: ["export type ContractV1 = Expr;", "export type Expr = number | Sum;"],
  },
  {
    name: "Pydantic-style recursive root is an alias, not a duplicate",
    draft: "2020-12",
    schema: {
      $ref: "#/$defs/Node",
      title: "Node",
      $defs: {
        Node: {
          title: "Node",
          type: "object",
          properties: { value: str, next: { anyOf: [{ $ref: "#/$defs/Node" }, { type: "null" }] } },
          required: ["value"],
        },
      },
    },
    accepts: [{ value: "a", next: { value: "b", next: null } }],
    rejectsIfPrecise: [{ value: "a", next: { next: null } }],
    contains: ["export type ContractV1 = Node;", "next?: Node | null;"],
    excludes: ["Node1", "Node_2"],
  },
  {
    name: "Pydantic-style root whose def has the root's name is the root",
    draft: "draft-07",
    schema: {
      $ref: "#/definitions/ContractV1",
      definitions: { ContractV1: { type: "object", properties: { self: { $ref: "#/definitions/ContractV1" } } } },
    },
    accepts: [{ self: { self: {} } }],
    contains: ["export interface ContractV1 {", "self?: ContractV1;"],
    excludes: ["ContractV1_2"],
  },
  {
    name: "a def that is only a self-$ref is unknown",
    draft: "2020-12",
    // Unreferenced from the root: ajv cannot compile a schema that reaches such a def (stack overflow).
    schema: { type: "object", $defs: { loop: { $ref: "#/$defs/loop" } } },
    accepts: [{}],
    contains: ["export type Loop = unknown;"],
  },
  {
    name: "unguarded recursion through anyOf widens to unknown",
    draft: "2020-12",
    schema: {
      type: "string",
      $defs: { a: { anyOf: [str, { $ref: "#/$defs/b" }] }, b: { allOf: [{ $ref: "#/$defs/a" }] } },
    },
    accepts: ["x"],
    contains: ["export type A = string | B;", "export type B = unknown;"],
  },
  {
    name: "$ref into a property is hoisted under a name from its pointer",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: {
        address: { type: "object", properties: { street: str, previous: { $ref: "#/properties/address" } } },
        billing: { $ref: "#/properties/address" },
      },
    },
    accepts: [{ address: { street: "a", previous: { street: "b" } }, billing: { street: "c" } }],
    rejectsIfPrecise: [{ billing: { street: 1 } }],
    contains: ["address?: Address;", "billing?: Address;", "previous?: Address;"],
  },
  {
    name: "percent-encoded and escaped pointers",
    draft: "2020-12",
    schema: {
      type: "object",
      properties: { a: { $ref: "#/$defs/with%20space" }, b: { $ref: "#/$defs/slash~1tilde~0" } },
      $defs: { "with space": str, "slash/tilde~": { type: "number" } },
    },
    accepts: [{ a: "x", b: 1 }],
    rejectsIfPrecise: [{ a: 1 }],
    contains: ["a?: WithSpace;", "b?: SlashTilde;"],
  },
  {
    name: "a $ref to a boolean subschema is inlined",
    draft: "2020-12",
    schema: { type: "object", properties: { a: { $ref: "#/properties/b" }, b: false } },
    accepts: [{}],
    rejectsIfPrecise: [{ a: 1 }],
  },
];

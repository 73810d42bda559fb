import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv07, Ajv2019, Ajv2020 } from "../../../src/emit/validators/ajv.js";
import { convertDraft } from "../../../src/emit/standard/drafts.js";
import { toOpenApi30 } from "../../../src/emit/standard/openapi.js";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";

/** A plain ajv of the draft (not the project's options: this checks meaning, not our pinned settings). */
function validator(schema: JsonObject, draft: Draft): (v: unknown) => boolean {
  const opts = { strict: false, allErrors: true } as const;
  const ajv = draft === "draft-07" ? new Ajv07(opts) : draft === "2019-09" ? new Ajv2019(opts) : new Ajv2020(opts);
  const v = ajv.compile(schema);
  return (x) => v(x) === true;
}

interface Case {
  readonly name: string;
  readonly from: Draft;
  readonly to: "draft-07" | "2020-12";
  readonly schema: JsonObject;
  readonly want?: JsonObject;
  readonly instances: readonly JsonValue[];
}

const S2020 = "https://json-schema.org/draft/2020-12/schema";
const S07 = "http://json-schema.org/draft-07/schema#";

const CASES: readonly Case[] = [
  {
    name: "2020-12 tuple, $defs and a $ref into a tuple position → draft-07",
    from: "2020-12",
    to: "draft-07",
    schema: {
      $schema: S2020,
      type: "object",
      properties: { pair: { $ref: "#/$defs/Pair" }, first: { $ref: "#/$defs/Pair/prefixItems/0" } },
      $defs: { Pair: { type: "array", prefixItems: [{ type: "integer" }, { type: "string" }], items: false } },
    },
    want: {
      $schema: S07,
      type: "object",
      properties: { pair: { $ref: "#/definitions/Pair" }, first: { $ref: "#/definitions/Pair/items/0" } },
      definitions: { Pair: { type: "array", items: [{ type: "integer" }, { type: "string" }], additionalItems: false } },
    },
    instances: [{ pair: [1, "a"] }, { pair: [1, "a", 3] }, { pair: ["a", 1] }, { first: 2 }, { first: "x" }, {}],
  },
  {
    name: "assertions beside $ref stay applied in draft-07 (wrapped in allOf)",
    from: "2020-12",
    to: "draft-07",
    schema: { $schema: S2020, $defs: { N: { type: "number" } }, properties: { n: { $ref: "#/$defs/N", minimum: 5, description: "d" } } },
    want: { $schema: S07, definitions: { N: { type: "number" } }, properties: { n: { minimum: 5, description: "d", allOf: [{ $ref: "#/definitions/N" }] } } },
    instances: [{ n: 7 }, { n: 3 }, { n: "x" }],
  },
  {
    name: "a tuple beside $ref stays applied in draft-07",
    from: "2020-12",
    to: "draft-07",
    schema: { $schema: S2020, $defs: { A: { type: "array" } }, properties: { p: { $ref: "#/$defs/A", prefixItems: [{ type: "string" }] } } },
    want: { $schema: S07, definitions: { A: { type: "array" } }, properties: { p: { items: [{ type: "string" }], allOf: [{ $ref: "#/definitions/A" }] } } },
    instances: [{ p: ["x"] }, { p: [1] }, { p: "no" }],
  },
  {
    name: "dependentRequired and dependentSchemas → dependencies",
    from: "2020-12",
    to: "draft-07",
    schema: { $schema: S2020, dependentRequired: { a: ["b"] }, dependentSchemas: { c: { required: ["d"] } } },
    want: { $schema: S07, dependencies: { a: ["b"], c: { required: ["d"] } } },
    instances: [{ a: 1 }, { a: 1, b: 2 }, { c: 1 }, { c: 1, d: 1 }, {}],
  },
  {
    name: "draft-07 tuple items, definitions, dependencies → 2020-12",
    from: "draft-07",
    to: "2020-12",
    schema: {
      $schema: S07,
      definitions: { T: { items: [{ type: "string" }], additionalItems: { type: "number" } } },
      properties: { t: { $ref: "#/definitions/T" }, h: { $ref: "#/definitions/T/items/0" } },
      dependencies: { a: ["b"], c: { required: ["d"] } },
    },
    want: {
      $schema: S2020,
      $defs: { T: { prefixItems: [{ type: "string" }], items: { type: "number" } } },
      properties: { t: { $ref: "#/$defs/T" }, h: { $ref: "#/$defs/T/prefixItems/0" } },
      dependentRequired: { a: ["b"] },
      dependentSchemas: { c: { required: ["d"] } },
    },
    instances: [{ t: ["x", 1, 2] }, { t: ["x", "y"] }, { t: [1] }, { h: "s" }, { h: 1 }, { a: 1 }, { a: 1, b: 1 }, { c: 1 }],
  },
  {
    name: "a property literally named $defs is data, not a keyword",
    from: "2020-12",
    to: "draft-07",
    schema: { $schema: S2020, properties: { $defs: { type: "string" }, prefixItems: { type: "integer" } } },
    want: { $schema: S07, properties: { $defs: { type: "string" }, prefixItems: { type: "integer" } } },
    instances: [{ $defs: "x" }, { $defs: 1 }, { prefixItems: 1 }, { prefixItems: "x" }],
  },
];

for (const c of CASES) {
  test(`drafts › ${c.name}`, () => {
    const out = convertDraft(c.schema, c.from, c.to);
    assert.ok("schema" in out, "refused" in out ? out.refused : "");
    if (c.want !== undefined) assert.deepEqual(out.schema, c.want);
    const before = validator(c.schema, c.from);
    const after = validator(out.schema, c.to);
    for (const x of c.instances) assert.equal(after(x), before(x), `instance ${JSON.stringify(x)}`);
    // The instances tell valid from invalid, so the comparison above can fail.
    assert.ok(c.instances.some((x) => before(x)) && c.instances.some((x) => !before(x)));
  });
}

test("drafts › keywords with no draft-07 form are refused with the pointer", () => {
  const out = convertDraft({ $schema: S2020, properties: { a: { type: "object", unevaluatedProperties: false } } }, "2020-12", "draft-07");
  assert.deepEqual(out, { refused: "/properties/a/unevaluatedProperties: draft-07 has no `unevaluatedProperties`" });
  const dyn = convertDraft({ $schema: S2020, $dynamicAnchor: "x" }, "2020-12", "draft-07");
  assert.ok("refused" in dyn);
});

test("drafts › a schema already in the target draft only gets its $schema set", () => {
  const schema: JsonObject = { type: "string" };
  assert.deepEqual(convertDraft(schema, "2020-12", "2020-12"), { schema: { $schema: S2020, type: "string" } });
  assert.deepEqual(convertDraft({ $schema: S07, type: "string" }, "draft-07", "draft-07"), { schema: { $schema: S07, type: "string" } });
});

test("openapi-3.0 › nullable, inlined $ref, const as enum; no $schema", () => {
  const out = toOpenApi30({
    $schema: S2020,
    type: "object",
    properties: { s: { type: ["string", "null"] }, k: { const: "x" }, r: { $ref: "#/$defs/R" } },
    additionalProperties: false,
    $defs: { R: { type: "integer", minimum: 0 } },
  });
  assert.deepEqual(out, {
    schema: { type: "object", properties: { s: { type: "string", nullable: true }, k: { enum: ["x"], type: "string" }, r: { type: "integer", minimum: 0 } }, additionalProperties: false },
  });
});

test("openapi-3.0 › refused when it would drop an assertion or hold a foreign keyword", () => {
  const exclusive = toOpenApi30({ type: "number", exclusiveMinimum: 0 });
  assert.ok("refused" in exclusive && exclusive.refused.includes("/exclusiveMinimum"), JSON.stringify(exclusive));
  const tuple = toOpenApi30({ type: "array", prefixItems: [{ type: "string" }] });
  assert.ok("refused" in tuple && tuple.refused.includes("/prefixItems"), JSON.stringify(tuple));
  const recursive = toOpenApi30({ $defs: { N: { properties: { next: { $ref: "#/$defs/N" } } } }, $ref: "#/$defs/N" });
  assert.ok("refused" in recursive && recursive.refused.includes("recursive"), JSON.stringify(recursive));
});

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { importGenerated, readTree, writeTree } from "../util/generated.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { MODULE_MODES, typecheckFiles } from "../util/typecheck-dir.js";

/**
 * The same contract written in each draft's own dialect: tuples, definitions, dependencies; draft-04 also with `id`
 * (a base URI and an `#anchor`) and a boolean exclusive bound, draft-06 with the numeric one.
 */
const DRAFT04 = {
  $schema: "http://json-schema.org/draft-04/schema#",
  id: "http://example.com/point.json",
  type: "object",
  properties: {
    point: { type: "array", items: [{ type: "number" }, { type: "number" }], additionalItems: false, minItems: 2 },
    unit: { $ref: "#unit" },
    label: { type: "string" },
    scale: { type: "number", minimum: 0, exclusiveMinimum: true },
  },
  dependencies: { label: ["unit"] },
  required: ["point"],
  additionalProperties: false,
  definitions: { Unit: { id: "#unit", enum: ["m", "ft"] } },
};
const DRAFT06 = {
  $schema: "http://json-schema.org/draft-06/schema#",
  type: "object",
  properties: {
    point: { type: "array", items: [{ type: "number" }, { type: "number" }], additionalItems: false, minItems: 2 },
    unit: { $ref: "#/definitions/Unit" },
    label: { type: "string" },
    scale: { type: "number", exclusiveMinimum: 0 },
  },
  dependencies: { label: ["unit"] },
  required: ["point"],
  additionalProperties: false,
  definitions: { Unit: { enum: ["m", "ft"] } },
};
const DRAFT07 = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    point: { type: "array", items: [{ type: "number" }, { type: "number" }], additionalItems: false, minItems: 2 },
    unit: { $ref: "#/definitions/Unit" },
    label: { type: "string" },
  },
  dependencies: { label: ["unit"] },
  required: ["point"],
  additionalProperties: false,
  definitions: { Unit: { enum: ["m", "ft"] } },
};
const DRAFT2019 = {
  $schema: "https://json-schema.org/draft/2019-09/schema",
  type: "object",
  properties: {
    point: { type: "array", items: [{ type: "number" }, { type: "number" }], additionalItems: false, minItems: 2 },
    unit: { $ref: "#/$defs/Unit" },
    label: { type: "string" },
  },
  dependentRequired: { label: ["unit"] },
  required: ["point"],
  unevaluatedProperties: false,
  $defs: { Unit: { enum: ["m", "ft"] } },
};
const DRAFT2020 = {
  type: "object",
  properties: {
    point: { type: "array", prefixItems: [{ type: "number" }, { type: "number" }], items: false, minItems: 2 },
    unit: { $ref: "#/$defs/Unit" },
    label: { type: "string" },
  },
  dependentRequired: { label: ["unit"] },
  required: ["point"],
  additionalProperties: false,
  $defs: { Unit: { enum: ["m", "ft"] } },
};

test("drafts › draft-04, draft-06, draft-07, 2019-09 and 2020-12 contracts compile, type-check and validate alike", async () => {
  const dir = makeProject({
    "schemas/point-04/contract.json": { kind: "tool-arguments" },
    "schemas/point-04/v1.json": DRAFT04,
    "schemas/point-06/contract.json": { kind: "tool-arguments" },
    "schemas/point-06/v1.json": DRAFT06,
    "schemas/point-07/contract.json": { kind: "tool-arguments" },
    "schemas/point-07/v1.json": DRAFT07,
    "schemas/point-2019/contract.json": { kind: "tool-arguments" },
    "schemas/point-2019/v1.json": DRAFT2019,
    "schemas/point-2020/contract.json": { kind: "tool-arguments" },
    "schemas/point-2020/v1.json": DRAFT2020,
  });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  const tree = readTree(path.join(dir, "generated"));
  const drafts = [
    ["point-04", "draft-04"],
    ["point-06", "draft-06"],
    ["point-07", "draft-07"],
    ["point-2019", "2019-09"],
    ["point-2020", "2020-12"],
  ] as const;
  for (const [name, draft] of drafts) {
    assert.match(tree.get(`${name}/v1.ts`)!, new RegExp(`JSON Schema ${draft}\\)`));
  }
  for (const mode of Object.keys(MODULE_MODES)) {
    const files = new Map([...tree].map(([rel, text]) => [`generated/${rel}`, text]));
    files.set(
      "consumer.ts",
      [
        `import type { Point04V1, Point06V1, Point07V1, Point2019V1, Point2020V1 } from "./generated/index.js";`,
        `export const d4: Point04V1 = { point: [1, 2], unit: "ft", scale: 0.5 };`,
        `export const d6: Point06V1 = { point: [1, 2], label: "x", unit: "m" };`,
        `// @ts-expect-error a tuple of two numbers, in every draft`,
        `export const bad4: Point04V1 = { point: [1] };`,
        `// @ts-expect-error the unit is a definition's enum`,
        `export const bad6: Point06V1 = { point: [1, 2], unit: "km" };`,
        `export const a: Point07V1 = { point: [1, 2], unit: "m", label: "x" };`,
        `export const b: Point2019V1 = { point: [1, 2] };`,
        `export const c: Point2020V1 = { point: [1.5, -2], unit: "ft" };`,
      ].join("\n"),
    );
    const tmp = writeTree(files);
    assert.deepEqual(typecheckFiles([...files.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(tmp, f)), mode), []);
  }
  const mod = await importGenerated(tree);
  for (const name of ["Point04V1", "Point06V1", "Point07V1", "Point2019V1", "Point2020V1"]) {
    const is = mod[`is${name}`] as (v: unknown) => boolean;
    assert.equal(is({ point: [1, 2] }), true, name);
    assert.equal(is({ point: [1, 2], unit: "m", label: "x" }), true, name);
    assert.equal(is({ point: [1] }), false, `${name}: short tuple`);
    assert.equal(is({ point: [1, 2, 3] }), false, `${name}: long tuple`);
    assert.equal(is({ point: [1, 2], label: "x" }), false, `${name}: dependency`);
    assert.equal(is({ point: [1, 2], extra: 1 }), false, `${name}: closed`);
  }
  for (const name of ["Point04V1", "Point06V1"]) {
    const is = mod[`is${name}`] as (v: unknown) => boolean;
    assert.equal(is({ point: [1, 2], scale: 0.1 }), true, `${name}: above the exclusive bound`);
    assert.equal(is({ point: [1, 2], scale: 0 }), false, `${name}: on the exclusive bound`);
  }
  // The bundle drops draft-04's `id`s; the `#unit` anchor became a pointer.
  const schema04 = tree.get("point-04/v1.ts")!;
  assert.doesNotMatch(schema04, /\bid: "/);
  assert.match(schema04, /\$ref: "#\/definitions\/Unit"/);
});

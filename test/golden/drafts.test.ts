import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { importGenerated, readTree, writeTree } from "../util/generated.js";
import { makeProject, runCli } from "../util/project.js";
import { MODULE_MODES, typecheckFiles } from "../util/typecheck-dir.js";

/** The same contract written in each draft's own dialect: tuples, definitions, dependencies. */
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

test("drafts › draft-07, 2019-09 and 2020-12 contracts compile, type-check and validate alike", async () => {
  const dir = makeProject({
    "schemas/point-07/contract.json": { kind: "tool-arguments" },
    "schemas/point-07/v1.json": DRAFT07,
    "schemas/point-2019/contract.json": { kind: "tool-arguments" },
    "schemas/point-2019/v1.json": DRAFT2019,
    "schemas/point-2020/contract.json": { kind: "tool-arguments" },
    "schemas/point-2020/v1.json": DRAFT2020,
  });
  const r = runCli(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  const tree = readTree(path.join(dir, "generated"));
  for (const [name, draft] of [["point-07", "draft-07"], ["point-2019", "2019-09"], ["point-2020", "2020-12"]] as const) {
    assert.match(tree.get(`${name}/v1.ts`)!, new RegExp(`JSON Schema ${draft}\\)`));
  }
  for (const mode of Object.keys(MODULE_MODES)) {
    const files = new Map([...tree].map(([rel, text]) => [`generated/${rel}`, text]));
    files.set(
      "consumer.ts",
      [
        `import type { Point07V1, Point2019V1, Point2020V1 } from "./generated/index.js";`,
        `export const a: Point07V1 = { point: [1, 2], unit: "m", label: "x" };`,
        `export const b: Point2019V1 = { point: [1, 2] };`,
        `export const c: Point2020V1 = { point: [1.5, -2], unit: "ft" };`,
      ].join("\n"),
    );
    const tmp = writeTree(files);
    assert.deepEqual(typecheckFiles([...files.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(tmp, f)), mode), []);
  }
  const mod = await importGenerated(tree);
  for (const name of ["Point07V1", "Point2019V1", "Point2020V1"]) {
    const is = mod[`is${name}`] as (v: unknown) => boolean;
    assert.equal(is({ point: [1, 2] }), true, name);
    assert.equal(is({ point: [1, 2], unit: "m", label: "x" }), true, name);
    assert.equal(is({ point: [1] }), false, `${name}: short tuple`);
    assert.equal(is({ point: [1, 2, 3] }), false, `${name}: long tuple`);
    assert.equal(is({ point: [1, 2], label: "x" }), false, `${name}: dependency`);
    assert.equal(is({ point: [1, 2], extra: 1 }), false, `${name}: closed`);
  }
});

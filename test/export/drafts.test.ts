import { test } from "node:test";
import assert from "node:assert/strict";
import { loweringConfig } from "../../src/export/config.js";
import { lowerDraft } from "../../src/export/draft.js";
import { lowerSchema } from "../../src/export/lower.js";
import { createAjv } from "../../src/emit/validators/index.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { lintSchema } from "../../src/lint/engine.js";
import { PROFILE_IDS, PROFILES } from "../../src/lint/profiles/index.js";

const D04 = "http://json-schema.org/draft-04/schema#";
const D07 = "http://json-schema.org/draft-07/schema#";

/** Bounds in the root, a definition, an `anyOf` branch and a tuple position: every place lowering must reach. */
const SCHEMA04: JsonObject = {
  $schema: D04,
  type: "object",
  properties: {
    a: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
    b: { $ref: "#/definitions/B" },
    c: { anyOf: [{ type: "integer", maximum: 5, exclusiveMaximum: true }, { type: "string" }] },
    t: { type: "array", items: [{ type: "number", minimum: 1, exclusiveMinimum: true }], additionalItems: false, minItems: 1 },
  },
  required: ["a"],
  definitions: { B: { type: "number", minimum: -1, exclusiveMinimum: true } },
};

function keysNamed(value: JsonValue, name: string, at = ""): [string, JsonValue][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysNamed(v, name, `${at}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(k === name ? [[`${at}/${k}`, v] as [string, JsonValue]] : []), ...keysNamed(v, name, `${at}/${k}`)]);
}

const SAMPLES: readonly JsonValue[] = [
  { a: 0 }, { a: 0.1 }, { a: 10 }, { a: 10.5 },
  { a: 1, b: -1 }, { a: 1, b: -0.5 },
  { a: 1, c: 5 }, { a: 1, c: 4 }, { a: 1, c: "x" },
  { a: 1, t: [1] }, { a: 1, t: [1.5] }, { a: 1, t: [2, 3] },
];

test("export › draft-04 exclusive bounds become draft-07 numbers everywhere, and the wire schema validates alike", () => {
  const { schema, changes } = lowerSchema(SCHEMA04, loweringConfig("mcp"));
  assert.equal(schema["$schema"], D07);
  for (const key of ["exclusiveMinimum", "exclusiveMaximum"]) {
    for (const [pointer, value] of keysNamed(schema, key)) assert.equal(typeof value, "number", `${pointer} is still a boolean`);
  }
  assert.deepEqual(
    changes.map((c) => `${c.action} ${c.pointer}`),
    [
      "lowered /properties/a/exclusiveMinimum",
      "lowered /properties/a/exclusiveMaximum",
      "lowered /properties/c/anyOf/0/exclusiveMaximum",
      "lowered /properties/t/items/0/exclusiveMinimum",
      "lowered /definitions/B/exclusiveMinimum",
      "lowered /$schema",
    ],
  );
  assert.deepEqual((schema["properties"] as JsonObject)["a"], { type: "number", exclusiveMinimum: 0, maximum: 10 });
  // Lowering is faithful: draft-07 ajv on the wire schema agrees with draft-04 ajv on the contract, value by value.
  const before = createAjv("draft-04").compile(SCHEMA04);
  const after = createAjv("draft-07").compile(schema);
  for (const sample of SAMPLES) assert.equal(after(sample), before(sample), JSON.stringify(sample));
});

test("export › profiles that strip the dialect drop a draft-04 `$schema` without declaring draft-07", () => {
  const { schema, changes } = lowerSchema(SCHEMA04, loweringConfig("openai-strict"));
  assert.equal(schema["$schema"], undefined);
  assert.equal(changes.filter((c) => c.pointer === "/$schema").length, 1);
  assert.match(changes.find((c) => c.pointer === "/$schema")!.why, /removed/);
});

test("export › draft-06 changes only its declaration; draft-07 and later are left alone", () => {
  const six = { $schema: "http://json-schema.org/draft-06/schema#", type: "number", exclusiveMinimum: 0 };
  const lowered = lowerDraft(six, { stripDialect: false });
  assert.deepEqual(lowered.schema, { ...six, $schema: D07 });
  assert.deepEqual(lowered.changes.map((c) => c.pointer), ["/$schema"]);
  for (const $schema of [D07, "https://json-schema.org/draft/2020-12/schema"]) {
    const schema = { $schema, type: "number", exclusiveMinimum: 0 };
    assert.equal(lowerDraft(schema, { stripDialect: false }).schema, schema);
  }
});

test("lint › a draft-04 contract lints like its draft-07 form, and the lowered schema passes every profile it passed", () => {
  const target = (schema: JsonObject) => ({ name: "old_bounds", kind: "tool-arguments" as const, schema });
  for (const profile of PROFILE_IDS) {
    const raw = lintSchema(target(SCHEMA04), PROFILES[profile]);
    // Every finding points at a node of the contract's own schema (lowering keeps pointers).
    for (const f of raw) assert.ok(f.pointer === "" || resolvesIn(SCHEMA04, f.pointer), `${profile} ${f.ruleId} ${f.pointer}`);
    if (raw.some((f) => f.severity === "error")) continue;
    const lowered = lowerSchema(SCHEMA04, loweringConfig(profile)).schema;
    const after = lintSchema(target(lowered), PROFILES[profile]).filter((f) => f.severity === "error");
    assert.deepEqual(after.map((f) => `${f.ruleId} ${f.pointer}`), [], profile);
  }
});

function resolvesIn(root: JsonValue, pointer: string): boolean {
  let node: JsonValue | undefined = root;
  for (const token of pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (typeof node === "object" && node !== null) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return false;
    if (node === undefined) return false;
  }
  return true;
}

/**
 * The check-only compile (`checkWithAjv`, options.ts `createCheckingAjv`) against the compile that writes ajv's module
 * (`ajvModule`): where our collector covers a schema, the build runs the first instead of the second, so both must
 * report the same strict-mode messages, in the same order, and refuse the same schemas with the same error.
 * Each case runs in ajv's log mode (the build's path: findings to `warn`) and in plain strict mode (the first is thrown).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { ajvModule, checkWithAjv, emitValidator, type ValidatorInput } from "../../../src/emit/validators/emit.js";
import { loadSchemaFile } from "../../../src/load/index.js";
import { REPO_ROOT } from "../../util/project.js";

interface Outcome {
  readonly messages: readonly string[];
  readonly error?: string;
}

function outcome(run: (input: ValidatorInput) => unknown, input: ValidatorInput, log: boolean): Outcome {
  const messages: string[] = [];
  try {
    run(log ? { ...input, warn: (m) => messages.push(m) } : input);
    return { messages };
  } catch (error) {
    return { messages, error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

/** Both compiles of `input`, both modes; returns the log-mode and strict-mode outcomes (the reference's). */
function alike(name: string, input: ValidatorInput): { log: Outcome; strict: Outcome } {
  const got = { log: outcome(checkWithAjv, input, true), strict: outcome(checkWithAjv, input, false) };
  const standalone = (i: ValidatorInput): string => ajvModule(i, false);
  const want = { log: outcome(standalone, input, true), strict: outcome(standalone, input, false) };
  assert.deepEqual(got, want, name);
  return want;
}

const CASES: readonly (readonly [string, Draft, JsonObject, Readonly<Record<string, string>>?])[] = [
  ["valid", "2020-12", { type: "object", properties: { a: { type: "string", format: "email" } }, required: ["a"] }],
  ["unknown keyword", "2020-12", { type: "object", properties: { a: { type: "string", foo: 1 } } }],
  ["keyword typo", "draft-07", { type: "string", maxLenght: 3 }],
  ["additionalItems ignored", "draft-07", { type: "array", items: { type: "string" }, additionalItems: false }],
  ["if without then", "draft-07", { if: { type: "string" } }],
  ["then without if", "2019-09", { then: { type: "string" } }],
  ["minContains without contains", "2020-12", { type: "array", minContains: 1 }],
  ["minContains 0", "2020-12", { type: "array", contains: { type: "string" }, minContains: 0 }],
  ["minContains > maxContains", "2020-12", { type: "array", contains: { type: "string" }, minContains: 3, maxContains: 1 }],
  ["overlapping properties", "2020-12", { type: "object", properties: { ab: { type: "string" } }, patternProperties: { "^a": { type: "string" } } }],
  ["$recursiveAnchor false", "2019-09", { $recursiveAnchor: false, type: "object" }],
  ["open tuple", "2020-12", { type: "array", prefixItems: [{ type: "string" }, { type: "number" }] }],
  ["missing type", "2020-12", { properties: { a: { minLength: 1 } }, required: ["a"] }],
  ["type conflict", "2020-12", { type: "object", anyOf: [{ type: "string" }, { properties: { a: { type: "number" } } }] }],
  ["unresolvable $ref", "2020-12", { type: "object", properties: { a: { $ref: "#/$defs/missing" } } }],
  ["empty enum", "draft-07", { enum: [] }],
  ["invalid pattern", "2020-12", { type: "string", pattern: "(?<" }],
  ["invalid patternProperties key", "2020-12", { type: "object", patternProperties: { "\\p{Nope}": { type: "string" } } }],
  ["unknown format", "2020-12", { type: "string", format: "not-a-format" }],
  ["custom format", "2020-12", { type: "string", format: "slug" }, { slug: "^[a-z-]+$" }],
  ["$async", "2020-12", { $async: true, type: "object" }],
  [
    "refs inlined and compiled apart, with findings in each",
    "2020-12",
    {
      type: "object",
      properties: { a: { $ref: "#/$defs/a" }, b: { $ref: "#/$defs/a" }, c: { $ref: "#/$defs/c" } },
      $defs: {
        a: { type: "object", properties: { x: { $ref: "#/$defs/c" } }, bar: true },
        c: { type: "string", baz: 2, properties: { y: { type: "number" } } },
      },
    },
  ],
  [
    "a subschema with its own $id",
    "2020-12",
    { type: "object", properties: { a: { $id: "https://example.com/inner", properties: { b: { minimum: 1 } } } } },
  ],
  ["draft-04", "draft-04", { type: "object", properties: { a: { type: "number", minimum: 1, exclusiveMinimum: true, qux: 1 } } }],
];

test("check-only compile › every strict-mode message and refusal is the standalone compile's", () => {
  let reported = 0;
  let refused = 0;
  for (const [name, draft, schema, formats] of CASES) {
    const { log, strict } = alike(name, { schema, draft, ...(formats !== undefined ? { formats } : {}) });
    if (log.messages.length > 0) reported++;
    if (log.error !== undefined || strict.error !== undefined) refused++;
  }
  // With the meta-schema check asked for (the conformance suite's path), and with refs compiled apart (inMemory).
  for (const [name, draft, schema] of CASES) {
    alike(`${name}, validateSchema`, { schema, draft, validateSchema: true });
    alike(`${name}, inMemory`, { schema, draft, inMemory: true });
  }
  alike("not a schema, validateSchema", { schema: { type: "object", properties: { a: { type: 5 } } }, draft: "2020-12", validateSchema: true });
  // The table exercises both sides: schemas that report findings, and schemas ajv refuses to compile.
  assert.ok(reported >= 10, `${reported} cases reported findings`);
  assert.ok(refused >= 5, `${refused} cases were refused`);
});

test("check-only compile › the bundled schemas compile alike, and their validators are unchanged by it", () => {
  const schemasDir = path.join(REPO_ROOT, "schemas");
  let count = 0;
  for (const contract of readdirSync(schemasDir, { withFileTypes: true })) {
    if (!contract.isDirectory() || contract.name.startsWith("_")) continue;
    for (const file of readdirSync(path.join(schemasDir, contract.name)).filter((f) => /^v\d+\.json$/.test(f))) {
      const loaded = loadSchemaFile(path.join(schemasDir, contract.name, file), { schemasDir, rootDir: REPO_ROOT });
      alike(`${contract.name}/${file}`, { schema: loaded.schema, draft: loaded.draft });
      count++;
    }
  }
  assert.ok(count >= 3, `${count} bundled versions`);
});

test("check-only compile › an instance that only checked compiles the next schema's code as a new one would", () => {
  // The check-only instances are pooled apart from the code-writing ones (reuse.ts): names in the module stay those
  // of a fresh instance whatever was checked before.
  const schema: JsonObject = { type: "object", properties: { a: { type: "string", pattern: "^a+$" } }, required: ["a"] };
  const before = emitValidator({ schema, draft: "2020-12" });
  checkWithAjv({ schema: { type: "string", pattern: "^b$" }, draft: "2020-12" });
  assert.equal(emitValidator({ schema, draft: "2020-12" }), before);
});

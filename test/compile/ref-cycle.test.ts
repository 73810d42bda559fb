/**
 * Schemas no compiler can follow to the end, through the CLI: a `$ref` cycle through in-place applicators only
 * (`schema.ref-cycle`) and a chain of references nested past the loader's bound (`input.too-deep`) are one-line
 * input errors with the file, pointer and line:col, exit 2 and nothing written, from every command that compiles;
 * never ajv's "Maximum call stack size exceeded". A recursive schema (a tree) builds as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileValidator } from "../../src/emit/validators/index.js";
import type { JsonObject } from "../../src/ir/json.js";
import { contractFiles, makeProject, snapshotTree } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const V1 = { type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false };
const cyclic = (cyc: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties: { id: { type: "string" }, cyc },
  required: ["id"],
  additionalProperties: false,
  ...extra,
});
const LOCAL = cyclic({ $ref: "#/$defs/A" }, { $defs: { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" } } });
const LOCAL_LINE = /^schemas\/c\/v2\.json:16:5#\/\$defs\/A: \$ref cycle that never descends into the value: #\/\$defs\/A → #\/\$defs\/B → #\/\$defs\/A; .* \[schema\.ref-cycle\]$/m;

const SHARED = {
  "schemas/_shared/a.json": { $defs: { A: { $ref: "b.json#/$defs/B" } } },
  "schemas/_shared/b.json": { $defs: { B: { $ref: "a.json#/$defs/A" } } },
};
const SHARED_LINE = /^schemas\/_shared\/a\.json:3:5#\/\$defs\/A: \$ref cycle that never descends into the value: #\/\$defs\/A → schemas\/_shared\/b\.json#\/\$defs\/B → #\/\$defs\/A; .* \[schema\.ref-cycle\]$/m;

function projectWith(v2: JsonObject, more: Record<string, object> = {}): string {
  const dir = makeProject({ ...contractFiles("c", [V1, v2]), ...more });
  writeFileSync(path.join(dir, "doc.json"), '{"id": "x"}');
  return dir;
}

const COMMANDS: readonly (readonly string[])[] = [["build"], ["check"], ["lint"], ["validate", "c@v1", "doc.json"], ["export", "--openapi"], ["export", "c", "--provider", "anthropic"], ["docs", "--out", "site"], ["drift"]];

for (const [name, v2, more, line] of [
  ["a cycle of two $ref-only definitions", LOCAL, {}, LOCAL_LINE],
  ["the same cycle across two _shared files", cyclic({ $ref: "../_shared/a.json#/$defs/A" }), SHARED, SHARED_LINE],
] as const) {
  test(`ref cycle › ${name}: every command that compiles says where, exit 2, nothing written`, async () => {
    const dir = projectWith(v2, more);
    const before = snapshotTree(dir);
    for (const args of COMMANDS) {
      const r = await runCliHere(args, dir);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, line, `${args.join(" ")}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout + r.stderr, /call stack|RangeError|internal error/, args.join(" "));
    }
    assert.deepEqual(snapshotTree(dir), before, "nothing written");
    assert.equal(existsSync(path.join(dir, "site")), false);
  });
}

test("ref cycle › a recursive schema (a tree through properties and items) still builds, checks and lints", async () => {
  const tree = cyclic({ $ref: "#/$defs/Node" }, { $defs: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/Node" } } }, allOf: [{ $ref: "#/$defs/Named" }] }, Named: { properties: { name: { type: "string" } } } } });
  const dir = projectWith(tree);
  for (const args of [["build"], ["check"], ["lint"], ["validate", "c@v2", "doc.json"], ["export", "--openapi"]]) {
    const r = await runCliHere(args, dir);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
  }
});

test("ref cycle › lint reports the cycle of a version it cannot compile instead of linting the others alone", async () => {
  const r = await runCliHere(["lint"], projectWith(LOCAL));
  assert.equal(r.code, 2);
  assert.match(r.stderr, LOCAL_LINE);
  assert.doesNotMatch(r.stdout, /contract version\(s\)/);
});

/** `{cyc: {$ref: d0}}` and `n` definitions, each `step` around a `$ref` to the next. */
function chain(n: number, step: (ref: JsonObject) => JsonObject): JsonObject {
  const $defs: JsonObject = {};
  for (let i = 0; i < n; i++) $defs[`d${i}`] = step({ $ref: `#/$defs/d${i + 1}` });
  $defs[`d${n}`] = { type: "string" };
  return cyclic({ $ref: "#/$defs/d0" }, { $defs });
}

test("hostile nesting › chains of 10,000 references and 10,000-deep files are input errors, never a stack overflow", async () => {
  const nested = (open: string, close: string, n: number) => `{"type": "object", "properties": {"cyc": ${open.repeat(n)}{}${close.repeat(n)}}}`;
  const cases: readonly [string, JsonObject | string, RegExp][] = [
    ["$ref-only chain", chain(10_000, (ref) => ref), /^schemas\/c\/v2\.json:\d+:\d+#\/\$defs\/d254: schemas nest up to 10003 levels deep through \$refs .*\[input\.too-deep\]$/m],
    ["items chain", chain(10_000, (ref) => ({ type: "array", items: ref })), /^schemas\/c\/v2\.json:\d+:\d+#\/\$defs\/d127: .*\[input\.too-deep\]$/m],
    ["allOf chain", chain(10_000, (ref) => ({ type: "object", allOf: [ref] })), /^schemas\/c\/v2\.json:\d+:\d+#\/\$defs\/d127: .*\[input\.too-deep\]$/m],
    ["10,000 nested allOf", nested('{"allOf": [', "]}", 10_000), /^schemas\/c\/v2\.json:1:\d+#\/properties\/cyc\/allOf\/0\/.*: nesting is deeper than 128 levels \[input\.too-deep\]$/m],
    ["100,000 nested items", nested('{"items": ', "}", 100_000), /^schemas\/c\/v2\.json:1:\d+#\/properties\/cyc\/items\/.*: nesting is deeper than 128 levels \[input\.too-deep\]$/m],
  ];
  for (const [name, v2, line] of cases) {
    const dir = makeProject({ ...contractFiles("c", [V1]), "schemas/c/v2.json": typeof v2 === "string" ? v2 : JSON.stringify(v2) });
    for (const args of [["build"], ["lint"], ["export", "--openapi"]]) {
      const r = await runCliHere(args, dir);
      assert.equal(r.code, 2, `${name}, ${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, line, `${name}, ${args.join(" ")}`);
      assert.doesNotMatch(r.stdout + r.stderr, /call stack|RangeError|internal error/, `${name}, ${args.join(" ")}`);
    }
  }
});

test("hostile nesting › a chain handed to the validator compiler directly (no loader bound): input.too-deep, not ajv's RangeError text", () => {
  const result = compileValidator(chain(3_000, (ref) => ({ type: "array", items: ref })), "2020-12", "direct.json");
  assert.equal(result.ok, false);
  const problems = result.ok ? [] : result.problems;
  assert.deepEqual(problems.map((p) => [p.code, p.file, p.pointer]), [["input.too-deep", "direct.json", ""]]);
  assert.doesNotMatch(problems[0]!.message, /call stack/);
});

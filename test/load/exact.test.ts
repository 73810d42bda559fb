/**
 * Exact numbers (issue 17, point 3): the loader keeps every number literal a double misrepresents beside the
 * double (src/ir/exact.ts), carries it through the bundle (hoisted files too), and `build`/`check` warn
 * `schema.number-inexact` at its file, pointer and line where a validator compares it (bounds, multipleOf, enum,
 * const, default, examples). A warning only: the build passes (exit 0).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cloneExact, exactCanonicalJson, exactMemberEqual, exactText, isExactLiteral, literalOf } from "../../src/ir/exact.js";
import { exactKey } from "../../src/ir/exact-key.js";
import { parseJson } from "../../src/load/json-parser.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { project } from "./helpers.js";

/**
 * "Held exactly": the decimal the double stands for is the literal's number (its shortest decimal, as JavaScript
 * prints it; for integers beyond 2^53, the double's own digits).
 */
test("exact › which literals a double holds exactly", () => {
  const want: [string, boolean][] = [
    ["1", true], ["1.0", true], ["-0", true], ["0.1", true], ["1e2", true], ["1.5E-3", true], ["9007199254740992", true],
    ["9007199254740993", false], ["0.10000000000000001", false], ["1e400", false], ["-1e400", false], ["1e-400", false],
    ["123456789012345678901234567890", false], ["1e22", true], ["1e23", false], ["100000000000000000000001", false],
    ["-9223372036854775808", true], ["9223372036854775807", false], ["9223372036854775808", true], ["1e300", false], ["0.5e1", true],
  ];
  for (const [text, exact] of want) assert.equal(isExactLiteral(text, Number(text)), exact, text);
});

test("exact › the parser records inexact literals only, and reads out-of-range ones as the largest double", () => {
  const { value } = parseJson('{"a": 9007199254740993, "b": [1, 0.10000000000000001, 1e400, -1e400], "c": 2}', "x.json");
  const v = value as { a: number; b: number[]; c: number };
  assert.equal(v.a, 9007199254740992);
  assert.deepEqual(v.b, [1, 0.1, Number.MAX_VALUE, -Number.MAX_VALUE]);
  assert.equal(literalOf(v, "a"), "9007199254740993");
  assert.equal(literalOf(v, "c"), undefined);
  assert.deepEqual(v.b.map((_, i) => exactText(v.b, i)), ["1", "0.10000000000000001", "1e400", "-1e400"]);
  assert.equal(exactCanonicalJson(value), '{"a":9007199254740993,"b":[1,0.10000000000000001,1e400,-1e400],"c":2}');
});

test("exact › the bundle keeps literals (hoisted files too) and warns once per literal a validator compares", () => {
  const p = project({
    "a/v1.json": '{"type": "object", "properties": {\n "n": {"enum": [9007199254740993, 2]},\n "m": {"$ref": "../shared.json"},\n "x-note": 0.10000000000000001\n}}',
    "shared.json": '{"type": "number", "maximum": 1e400, "default": 0.10000000000000001, "examples": [[9007199254740995]]}',
  });
  const loaded = p.load("a/v1.json");
  const n = (loaded.schema["properties"] as JsonObject)["n"] as { enum: number[] };
  assert.equal(exactText(n.enum, 0), "9007199254740993");
  const shared = (loaded.schema["$defs"] as JsonObject)["Shared"] as JsonObject;
  assert.equal(exactText(shared, "maximum"), "1e400");
  assert.equal(shared["maximum"], Number.MAX_VALUE);
  assert.deepEqual(
    loaded.warnings?.map((w) => [w.code, w.file, w.pointer, w.line]),
    [
      ["schema.number-inexact", "schemas/a/v1.json", "/properties/n/enum/0", 2],
      ["schema.number-inexact", "schemas/shared.json", "/maximum", 1],
      ["schema.number-inexact", "schemas/shared.json", "/default", 1],
      ["schema.number-inexact", "schemas/shared.json", "/examples/0/0", 1],
    ],
  );
  assert.match(loaded.warnings![0]!.message, /9007199254740993 cannot be held exactly by a JavaScript number \(read as 9007199254740992\)/);
});

test("exact › the warnings of one bundle are bounded", () => {
  const many = Array.from({ length: 30 }, (_, i) => `${9007199254740993 + 0}${i}1`).join(", ");
  const loaded = project({ "a/v1.json": `{"enum": [${many}]}` }).load("a/v1.json");
  assert.equal(loaded.warnings?.length, 21);
  assert.match(loaded.warnings![20]!.message, /only the first 20 are listed/);
});

test("exact › build and check print the warning with file, line and pointer, and pass", async () => {
  const dir = makeProject({
    "schemas/ping/contract.json": { kind: "model-output" },
    "schemas/ping/v1.json": '{\n  "type": "object",\n  "properties": {\n    "id": {"type": "integer", "maximum": 9007199254740993}\n  }\n}\n',
  });
  const built = await runCliHere(["build"], dir);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stderr, /^warning: schemas\/ping\/v1\.json:4:\d+#\/properties\/id\/maximum: number 9007199254740993 cannot be held exactly .*\[schema\.number-inexact\]$/m);
  const checked = await runCliHere(["check"], dir);
  assert.equal(checked.code, 0, checked.stderr);
  assert.equal(checked.stderr, built.stderr, "check lists the same warnings");
});

test("exact › YAML numbers written as JSON literals keep their text too; .inf and hex are read as before", () => {
  const p = project({ "a.yaml": "enum:\n  - 9007199254740993\n  - 0x10\nmaximum: 1e400\nminimum: 0.10000000000000001\n", "b.yaml": "maximum: .inf\n" });
  const loaded = p.load("a.yaml");
  const e = loaded.schema["enum"] as number[];
  assert.deepEqual(e, [9007199254740992, 16]);
  assert.equal(exactText(e, 0), "9007199254740993");
  assert.equal(exactText(loaded.schema, "maximum"), "1e400");
  assert.equal(exactText(loaded.schema, "minimum"), "0.10000000000000001");
  assert.deepEqual(loaded.warnings?.map((w) => [w.pointer, w.line]), [["/enum/0", 2], ["/maximum", 4], ["/minimum", 5]]);
  assert.throws(() => p.load("b.yaml"), /not a JSON number/);
});

test("exact › a member overwritten after reading has no literal any more; copies made with cloneExact keep them", () => {
  const { value } = parseJson('{"maximum": 9007199254740993, "enum": [9007199254740995]}', "x.json");
  const v = value as { maximum: number; enum: number[] };
  const copy = cloneExact(v);
  assert.equal(exactText(copy, "maximum"), "9007199254740993");
  assert.equal(exactText(copy.enum, 0), "9007199254740995");
  copy.maximum = 5;
  assert.equal(literalOf(copy, "maximum"), undefined);
  assert.equal(exactText(copy, "maximum"), "5");
  assert.equal(exactText(v, "maximum"), "9007199254740993");
});

test("exact › a shared file's warning is printed once, not once per version that bundles it", async () => {
  const dir = makeProject({
    "schemas/ping/contract.json": { kind: "model-output" },
    "schemas/shared.json": '{"type": "integer", "maximum": 9007199254740993}',
    "schemas/ping/v1.json": '{"type": "object", "properties": {"id": {"$ref": "../shared.json"}}}',
    "schemas/ping/v2.json": '{"type": "object", "properties": {"id": {"$ref": "../shared.json"}, "n": {"type": "string"}}}',
  });
  const built = await runCliHere(["build"], dir);
  assert.equal(built.code, 0, built.stderr);
  const lines = built.stderr.split("\n").filter((l) => l.includes("[schema.number-inexact]"));
  assert.equal(lines.length, 1, built.stderr);
  assert.match(lines[0]!, /^warning: schemas\/shared\.json:1:\d+#\/maximum: number 9007199254740993 /);
  const checked = await runCliHere(["check"], dir);
  assert.equal(checked.stderr, built.stderr, "check lists the same warnings");
  const diffed = await runCliHere(["diff", "schemas/ping/v1.json", "schemas/ping/v2.json"], dir);
  assert.equal(diffed.stderr.split("\n").filter((l) => l.includes("[schema.number-inexact]")).length, 1, diffed.stderr);
});

test("exact › exactKey is equal exactly when exactMemberEqual holds (numbers by value, objects in any key order)", () => {
  const { value } = parseJson(
    `[1, 1.0, 1e0, 0.1, 0.10000000000000001, 1.0000000000000001e-1, 9007199254740992, 9007199254740993, 9007199254740993.0, 90071992547409930e-1,
      1e400, 1e400, 10e399, 1e99999, 1e99999, -0, 0, "1", null, true, [1, 2], [2, 1], [1.0, 2], {"a": 1, "b": [0.1]}, {"b": [0.1], "a": 1.0},
      {"a": 9007199254740993}, {"a": 9007199254740992}, {"a": "9007199254740993"}, [], {}]`,
    "x.json",
  );
  const list = value as JsonValue[];
  for (let i = 0; i < list.length; i++) {
    for (let j = 0; j < list.length; j++) {
      assert.equal(exactKey(list, i) === exactKey(list, j), exactMemberEqual(list, i, list, j), `${i} (${exactText(list, i) ?? JSON.stringify(list[i])}) vs ${j}`);
    }
  }
  // Spot checks of what the table holds: equal values written differently, different values with one double.
  assert.equal(exactKey(list, 7), exactKey(list, 8));
  assert.notEqual(exactKey(list, 6), exactKey(list, 7));
  assert.equal(exactKey(list, 10), exactKey(list, 12));
});

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { importGenerated, readTree, writeTree } from "../util/generated.js";
import { MODULE_MODES, typecheckFiles } from "../util/typecheck-dir.js";

/** Text that breaks naive code generators: comment terminators, template holes, line separators, quotes. */
const NASTY = 'a */ b ${process.exit(1)} `tick` \u2028 line \u2029 para "dq" \'sq\' \\ back </script> \ud83d\ude00';

const PROPERTY_NAMES = [
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "default",
  "class",
  "delete",
  "with space",
  'quote"d',
  "single'q",
  "*/",
  "${x}",
  "line\u2028sep",
  "emoji\ud83d\ude00",
  "",
  "0",
  "-1",
  "a.b",
  "a/b~c",
];

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: NASTY,
  description: NASTY,
  type: "object",
  properties: Object.fromEntries(
    PROPERTY_NAMES.map((name, i) => [
      name,
      i % 3 === 0
        ? { type: "string", description: NASTY, title: NASTY, examples: [NASTY], default: NASTY, enum: [NASTY, "*/", "plain"] }
        : i % 3 === 1
          ? { type: "integer", description: `${NASTY} ${i}`, deprecated: true }
          : { type: "string", pattern: "^[*/]+$", description: "*/" },
    ]),
  ),
  required: ["constructor", "toString", "default", "with space"],
  additionalProperties: false,
  $defs: {
    "*/evil": { type: "string", description: NASTY },
    class: { type: "object", properties: { [NASTY]: { $ref: "#/$defs/*~1evil" } }, additionalProperties: false },
  },
  $comment: NASTY,
};
(schema.properties as Record<string, object>)["nested"] = { $ref: "#/$defs/class" };

function valid(): Record<string, unknown> {
  return { constructor: "plain", toString: 1, default: 4, "with space": 7 };
}

test("hostile names and text › generated code type-checks, and the validator is exact", async () => {
  const dir = makeProject({ "schemas/hostile-names/contract.json": { kind: "model-output", description: NASTY }, "schemas/hostile-names/v1.json": schema });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  const tree = readTree(path.join(dir, "generated"));

  // Nothing from the schema escaped onto a code line: every NASTY occurrence is inside a comment or a string.
  const v1 = tree.get("hostile-names/v1.ts")!;
  assert.ok(!v1.includes("process.exit(1)}\n"), "template text reached code");

  for (const mode of Object.keys(MODULE_MODES)) {
    const files = new Map([...tree].map(([rel, text]) => [`generated/${rel}`, text]));
    files.set(
      "consumer.ts",
      `import { parseHostileNamesV1, type HostileNamesV1 } from "./generated/index.js";\n` +
        `export const v: HostileNamesV1 = { constructor: "plain", toString: 1, default: 4, "with space": 7 };\n` +
        `export const r = parseHostileNamesV1(v);\n`,
    );
    const tmp = writeTree(files);
    const roots = [...files.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(tmp, f));
    assert.deepEqual(typecheckFiles(roots, mode), [], `type errors under ${mode}`);
  }

  const mod = await importGenerated(tree);
  const is = mod["isHostileNamesV1"] as (v: unknown) => boolean;
  assert.equal(is(valid()), true, "valid value rejected");
  // `constructor` and `toString` exist on every object's prototype: a missing own property must still fail.
  const { constructor: _c, ...noCtor } = valid();
  assert.equal(is(noCtor), false, "missing own `constructor` accepted");
  const { toString: _t, ...noToString } = valid();
  assert.equal(is(noToString), false, "missing own `toString` accepted");
  assert.equal(is({ ...valid(), toString: "x" }), false, "wrong type for toString accepted");
  assert.equal(is({ ...valid(), "*/": 2 }), true);
  assert.equal(is({ ...valid(), "*/": "2" }), false, "type on a `*/` property not enforced");
  assert.equal(is({ ...valid(), "${x}": "**" }), true);
  assert.equal(is({ ...valid(), "${x}": "ab" }), false, "pattern on a `${x}` property not enforced");
  assert.equal(is({ ...valid(), "": "*/*" }), true);
  assert.equal(is({ ...valid(), "line\u2028sep": "plain" }), true);
  assert.equal(is({ ...valid(), "line\u2028sep": NASTY }), true);
  assert.equal(is({ ...valid(), "line\u2028sep": "other" }), false, "enum with hostile text not enforced");
  assert.equal(is({ ...valid(), undeclared: 1 }), false, "additionalProperties:false not enforced");
  assert.equal(is({ ...valid(), nested: { [NASTY]: "x" } }), true);
  assert.equal(is({ ...valid(), nested: { [NASTY]: 1 } }), false);
  assert.equal((mod["HostileNamesV1Meta"] as { contract: string }).contract, "hostile-names");
});

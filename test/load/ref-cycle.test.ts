/**
 * `schema.ref-cycle` (src/load/ref-cycle.ts, finder src/ir/in-place-cycle.ts): a `$ref` cycle through in-place
 * applicators only is refused by the loader, at the node where the walk entered it, with the cycle's path; a cycle
 * that descends into the value at some step (a recursive schema) loads as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../src/ir/json.js";
import { inPlaceCycle } from "../../src/ir/in-place-cycle.js";
import { project, throwsInput } from "./helpers.js";

const D7 = "http://json-schema.org/draft-07/schema#";

test("ref cycle › two $ref-only definitions: refused at the first one met, with line:col and the path", () => {
  const p = project({
    "c/v1.json": { type: "object", properties: { cyc: { $ref: "#/$defs/A" } }, $defs: { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" } } },
  });
  const error = throwsInput(() => p.load("c/v1.json"), { code: "schema.ref-cycle", file: "schemas/c/v1.json", pointer: "/$defs/A", line: 9, column: 5 });
  assert.match(error.diagnostic.message, /^\$ref cycle that never descends into the value: #\/\$defs\/A → #\/\$defs\/B → #\/\$defs\/A; /);
});

test("ref cycle › across two _shared files: refused in the file the walk entered it by, the other file named in the path", () => {
  const p = project({
    "c/v1.json": { type: "object", properties: { cyc: { $ref: "../_shared/a.json#/$defs/A" } } },
    "_shared/a.json": { $defs: { A: { $ref: "b.json#/$defs/B" } } },
    "_shared/b.json": { $defs: { B: { $ref: "a.json#/$defs/A" } } },
  });
  const error = throwsInput(() => p.load("c/v1.json"), { code: "schema.ref-cycle", file: "schemas/_shared/a.json", pointer: "/$defs/A", line: 3, column: 5 });
  assert.match(error.diagnostic.message, /: #\/\$defs\/A → schemas\/_shared\/b\.json#\/\$defs\/B → #\/\$defs\/A; /);
});

interface Case {
  readonly name: string;
  readonly given: JsonObject;
  /** The pointer reported, and the cycle's path; none: no cycle. */
  readonly want?: { readonly pointer: string; readonly path: string };
}

const CASES: readonly Case[] = [
  { name: "a $ref to the root beside other keywords", given: { type: "object", required: ["x"], $ref: "#" }, want: { pointer: "", path: "# → #" } },
  {
    name: "allOf back to its own definition",
    given: { properties: { p: { $ref: "#/$defs/A" } }, $defs: { A: { required: ["x"], allOf: [{ $ref: "#/$defs/A" }] } } },
    want: { pointer: "/$defs/A", path: "#/$defs/A → #/$defs/A/allOf/0 → #/$defs/A" },
  },
  {
    name: "oneOf and allOf through two definitions",
    given: { $ref: "#/$defs/A", $defs: { A: { oneOf: [{ type: "string" }, { $ref: "#/$defs/B" }] }, B: { allOf: [{ $ref: "#/$defs/A" }] } } },
    want: { pointer: "/$defs/A", path: "#/$defs/A → #/$defs/A/oneOf/1 → #/$defs/B → #/$defs/B/allOf/0 → #/$defs/A" },
  },
  { name: "not of itself", given: { properties: { p: { $ref: "#/$defs/A" } }, $defs: { A: { not: { $ref: "#/$defs/A" } } } }, want: { pointer: "/$defs/A", path: "#/$defs/A → #/$defs/A/not → #/$defs/A" } },
  {
    name: "if of itself (with then)",
    given: { $defs: { A: { if: { $ref: "#/$defs/A" }, then: { required: ["x"] } } }, $ref: "#/$defs/A" },
    want: { pointer: "/$defs/A", path: "#/$defs/A → #/$defs/A/if → #/$defs/A" },
  },
  { name: "dependentSchemas back to the root", given: { type: "object", dependentSchemas: { x: { $ref: "#" } } }, want: { pointer: "", path: "# → #/dependentSchemas/x → #" } },
  { name: "draft-07 schema dependencies back to the root", given: { $schema: D7, type: "object", dependencies: { x: { $ref: "#" }, y: ["x"] } }, want: { pointer: "", path: "# → #/dependencies/x → #" } },
  // Recursive schemas: each turn descends into a part of the value, so validation ends with it.
  { name: "a tree through properties and items", given: { $ref: "#/$defs/Node", $defs: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/Node" } } } } } } },
  { name: "allOf inside a property back to the root", given: { type: "object", properties: { next: { allOf: [{ $ref: "#" }] } } } },
  { name: "additionalProperties and prefixItems back to the root", given: { anyOf: [{ type: "object", additionalProperties: { $ref: "#" } }, { type: "array", prefixItems: [{ $ref: "#" }] }] } },
  { name: "propertyNames and contains", given: { $defs: { A: { propertyNames: { $ref: "#/$defs/A" }, contains: { $ref: "#/$defs/A" } } }, $ref: "#/$defs/A" } },
  // Keywords ajv ignores apply nothing: `if` without `then`/`else`, `then` without `if`.
  { name: "a lone if or then", given: { $defs: { A: { if: { $ref: "#/$defs/A" } }, B: { then: { $ref: "#/$defs/B" } } }, allOf: [{ $ref: "#/$defs/A" }, { $ref: "#/$defs/B" }] } },
];

for (const c of CASES) {
  test(`ref cycle › ${c.name}: ${c.want === undefined ? "loads" : `refused at #${c.want.pointer}`}`, () => {
    const p = project({ "c/v1.json": c.given });
    const cycle = inPlaceCycle(c.given);
    if (c.want === undefined) {
      assert.equal(cycle, undefined);
      p.load("c/v1.json");
      return;
    }
    assert.equal(cycle?.map((x) => `#${x}`).join(" → "), c.want.path);
    const error = throwsInput(() => p.load("c/v1.json"), { code: "schema.ref-cycle", file: "schemas/c/v1.json", pointer: c.want.pointer });
    assert.ok(error.diagnostic.message.includes(`: ${c.want.path}; `), error.message);
  });
}

test("ref cycle › a chain of 100,000 $ref-only definitions closed into a ring is found without recursion", () => {
  const n = 100_000;
  const $defs: JsonObject = {};
  for (let i = 0; i < n; i++) $defs[`d${i}`] = { $ref: `#/$defs/d${(i + 1) % n}` };
  const cycle = inPlaceCycle({ $ref: "#/$defs/d0", $defs });
  assert.equal(cycle?.length, n + 1);
  assert.deepEqual([cycle?.[0], cycle?.[1], cycle?.at(-2), cycle?.at(-1)], ["/$defs/d0", "/$defs/d1", `/$defs/d${n - 1}`, "/$defs/d0"]);
});

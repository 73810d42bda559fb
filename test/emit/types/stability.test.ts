/** Determinism, input immutability, malformed input, and size and time bounds. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { JsonObject } from "../../../src/ir/json.js";
import { emitTypes } from "../../../src/emit/types/index.js";
import { arrayCases } from "./cases-arrays.js";
import { objectCases } from "./cases-objects.js";
import { refCases } from "./cases-refs.js";
import { hostileCases } from "./cases-hostile.js";
import { assertWellFormed, ROOT, type TypeCase, valuesFile } from "./harness.js";
import { TYPECHECK_MODES, typecheck } from "./typecheck.js";

/** One schema with a property per case of the given groups, plus their defs. */
function combined(cases: readonly TypeCase[]): JsonObject {
  const properties: JsonObject = {};
  for (const [i, c] of cases.entries())
    if (c.draft === "2020-12" && !("$ref" in c.schema) && !("$defs" in c.schema)) properties[`case${i}`] = c.schema;
  return {
    type: "object",
    properties,
    $defs: { "b-def": { type: "string" }, aDef: { type: "number" }, "a-def": { type: "boolean" } },
  };
}

/** Declarations keyed by name, so that two outputs compare regardless of declaration order. */
function declarations(source: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of source.trimEnd().split("\n\n"))
    map.set(/export (?:type|interface) (\w+)/.exec(block)![1]!, block);
  return map;
}

describe("stability", () => {
  it("the same input gives the same output", async () => {
    const schema = combined([...objectCases, ...arrayCases, ...hostileCases]);
    const input = { schema, draft: "2020-12", rootName: "ContractV1" } as const;
    const first = await emitTypes(input);
    assertWellFormed(first);
    assert.equal(await emitTypes(input), first);
    assert.equal(await emitTypes(structuredClone(input)), first);
  });

  it("def order changes declaration order, not names or types", async () => {
    const defs = {
      "foo-bar": { const: 1 },
      FooBar: { const: 2 },
      foo_bar: { $ref: "#/$defs/FooBar" },
      "1st": { type: "array", items: { $ref: "#/$defs/1st" } },
    };
    const reversed = Object.fromEntries(Object.entries(defs).reverse());
    const a = await emitTypes({ schema: { type: "object", $defs: defs }, draft: "2020-12", rootName: "R" });
    const b = await emitTypes({ schema: { type: "object", $defs: reversed }, draft: "2020-12", rootName: "R" });
    assert.deepEqual(new Map([...declarations(a)].sort()), new Map([...declarations(b)].sort()));
    assert.deepEqual([...declarations(a).keys()], ["R", "FooBar_2", "FooBar", "FooBar_3", "T1St"]);
  });

  it("never modifies the input schema", async () => {
    for (const c of [...refCases, ...hostileCases]) {
      const before = structuredClone(c.schema);
      await emitTypes({ schema: c.schema, draft: c.draft, rootName: "ContractV1" });
      assert.deepEqual(c.schema, before, c.name);
    }
  });
});

describe("malformed or unusual input", () => {
  it("keywords with wrong value types are ignored, not trusted (ajv rejects such schemas outright)", async () => {
    const schema: JsonObject = {
      type: "object",
      properties: {
        a: { deprecated: "yes", description: 42, type: "string" },
        b: { type: "any" },
        c: { required: "x", properties: [], items: "no", enum: "x" },
        d: { minItems: -1, maxItems: 1.5, type: "array", prefixItems: {} },
        e: { additionalProperties: "no", type: "object" },
      },
    };
    const source = await emitTypes({ schema, draft: "2020-12", rootName: ROOT });
    const files = { "types.ts": source, "values.ts": valuesFile([{ a: "x", b: [1], c: 3, d: [1, 2], e: { k: 1 } }]) };
    for (const mode of TYPECHECK_MODES)
      assert.deepEqual(
        typecheck(files, mode).map((d) => d.text),
        [],
        source,
      );
  });

  it("unresolvable or invalid $refs and root names throw", async () => {
    const emit = (schema: JsonObject, rootName = "R") => emitTypes({ schema, draft: "2020-12", rootName });
    await assert.rejects(emit({ $ref: "#/$defs/missing" }), /does not resolve/);
    await assert.rejects(emit({ $ref: "#/$defs/a/enum", $defs: { a: { enum: [1] } } }), /does not point at a schema/);
    await assert.rejects(emit({ $ref: "#/%E0%A4%A" }), /not a valid URI fragment/);
    await assert.rejects(emit({ type: "string" }, "lower"), /root type name/);
  });
});

describe("bounds", () => {
  it("hundreds of mutually recursive defs stay fast and linear", async () => {
    const defs: JsonObject = {};
    const n = 600;
    for (let i = 0; i < n; i++) {
      defs[`node-${i}`] = {
        type: "object",
        properties: {
          next: { $ref: `#/$defs/node-${(i + 1) % n}` },
          alt: { anyOf: [{ $ref: `#/$defs/node-${(i * 7) % n}` }, { type: "null" }] },
        },
      };
    }
    const started = performance.now();
    const source = await emitTypes({
      schema: { $ref: "#/$defs/node-0", $defs: defs },
      draft: "2020-12",
      rootName: "R",
    });
    assert.ok(performance.now() - started < 10_000, "well under ten seconds");
    assert.equal(declarations(source).size, n + 1);
    assert.ok(source.length < 200 * (n + 1));
  });

  it("nested tuples stay within the expansion budget", async () => {
    // Written out in full, depth 6 is 5^6 string leaves: a printed type that expanded them would be far over the bound.
    // (The in-memory schema shares one object per level, which a parsed file never does; depth 6 keeps that cheap.)
    let schema: JsonObject = { type: "string" };
    for (let depth = 0; depth < 6; depth++)
      schema = { type: "array", prefixItems: [schema, schema, schema, schema], items: schema };
    const source = await emitTypes({ schema, draft: "2020-12", rootName: "R" });
    assert.ok(source.length < 20_000, `${source.length} characters`);
  });

  it("nested tuples through $refs, as a schema file writes them, stay linear in the file", async () => {
    const $defs: JsonObject = { l0: { type: "string" } };
    const depth = 40;
    for (let d = 1; d <= depth; d++) {
      const ref = { $ref: `#/$defs/l${d - 1}` };
      $defs[`l${d}`] = { type: "array", prefixItems: [ref, ref, ref, ref], items: ref };
    }
    const schema: JsonObject = { $ref: `#/$defs/l${depth}`, $defs };
    const source = await emitTypes({ schema, draft: "2020-12", rootName: "R" });
    assert.ok(source.length < 4 * JSON.stringify(schema).length, `${source.length} characters`);
    assert.equal(declarations(source).size, depth + 2);
  });
});

/**
 * `emitDecider` (drift's witness confirmation) answers exactly as `emitValidator`'s all-errors `validate`, with the
 * options drift uses (strict off). Differential over the JSON-Schema-Test-Suite's draft 2020-12 groups of the
 * keywords contracts use: every case's data through both, the same boolean.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { JsonObject } from "../../../src/ir/json.js";
import { emitDecider, emitValidator } from "../../../src/emit/validators/index.js";
import { importValidator } from "../../../src/emit/validators/load-module.js";
import { fileURLToPath } from "node:url";

// dist/test/emit/validators/ → the repository, whose sibling ../shared holds the suite.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const SUITE = path.resolve(REPO, "../shared/json-schema-test-suite/tests/draft2020-12");
const FILES = [
  "additionalProperties", "allOf", "anyOf", "const", "contains", "enum", "format", "if-then-else", "items", "maxItems", "maxLength",
  "maximum", "minLength", "minimum", "multipleOf", "not", "oneOf", "pattern", "patternProperties", "prefixItems", "properties",
  "propertyNames", "ref", "required", "type", "uniqueItems", "unevaluatedProperties",
];

interface Group {
  readonly description: string;
  readonly schema: JsonObject | boolean;
  readonly tests: readonly { readonly data: unknown }[];
}

/** The answer, or "throws" (a `$dynamicRef` loop overflows the stack; drift's confirmation reads that as false). */
function ask(validate: (data: unknown) => unknown, data: unknown): unknown {
  try {
    return validate(data);
  } catch {
    return "throws";
  }
}

test("decider › answers as the all-errors validator on every case of the suite's contract keywords", { skip: existsSync(SUITE) ? false : `no ${SUITE}` }, async () => {
  let cases = 0;
  let groups = 0;
  for (const name of FILES) {
    for (const group of JSON.parse(readFileSync(path.join(SUITE, `${name}.json`), "utf8")) as Group[]) {
      if (typeof group.schema === "boolean") continue;
      const input = { schema: group.schema, draft: "2020-12" as const, strict: false };
      let all;
      try {
        all = await importValidator(emitValidator(input));
      } catch {
        assert.throws(() => emitDecider(input), `${name}: ${group.description} compiles for the decider only`);
        continue;
      }
      const decide = await importValidator(emitDecider(input));
      groups++;
      for (const { data } of group.tests) {
        cases++;
        assert.equal(ask(decide, data), ask(all, data), `${name}: ${group.description}: ${JSON.stringify(data)}`);
      }
    }
  }
  assert.ok(groups > 150 && cases > 600, `${groups} groups, ${cases} cases`);
});

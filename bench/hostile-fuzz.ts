/**
 * Random hostile input for every entry point of validators built from hostile schemas: mutated JSON text (cut,
 * spliced, doubled, deepened, odd numbers, BOMs, lone surrogates) and values. Any throw is a failure.
 */
import type { JsonObject } from "../src/ir/json.js";
import { importValidators } from "../src/emit/validators/load-module.js";
import { emitValidator } from "../src/emit/validators/emit.js";
import { isValid, parseText, runValidator } from "../src/runtime/runtime.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const SCHEMAS: readonly JsonObject[] = [
  { $schema: S, type: "array", items: { $ref: "#" } },
  { $schema: S, type: "object", properties: { n: { type: "integer" }, xs: { type: "array", items: { type: "string", pattern: "^(a+)+$" } } }, patternProperties: { "^z(\\w+\\s?)*$": { type: "number" } } },
  { $schema: S, anyOf: [{ type: "string", pattern: "^(\\w+\\s?)*$" }, { type: "array", uniqueItems: true, items: { $ref: "#" } }, { type: "object", additionalProperties: { $ref: "#" } }] },
];
const PIECES = ["[", "]", "{", "}", '"a":', ",", "1", "9007199254740993", "1e400", "-0", "\uFEFF", '"\\ud800"', '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"', "null", "```json\n", " ", "\n"];

export async function fuzz(iterations: number, seed0: number): Promise<string[]> {
  let seed = seed0;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const validators = await Promise.all(SCHEMAS.map(async (schema) => importValidators(emitValidator({ schema, draft: "2020-12" }))));
  const failures: string[] = [];
  for (let i = 0; i < iterations; i++) {
    let text = "";
    const parts = 1 + random(40);
    for (let k = 0; k < parts; k++) {
      const piece = PIECES[random(PIECES.length)]!;
      text += random(10) === 0 ? piece.repeat(1 + random(20_000)) : piece;
    }
    const { validate, validateFirst } = validators[random(validators.length)]!;
    const options = random(2) === 0 ? {} : { maxDepth: 1 + random(100_000), maxErrors: 1 + random(200), maxBytes: 1 + random(1 << 20) };
    try {
      const r = parseText(validate, text, options, validateFirst);
      let value: unknown;
      try {
        value = JSON.parse(text.replace(/^\uFEFF/, ""));
      } catch {
        value = text;
      }
      const p = runValidator(validate, value, options, validateFirst);
      const is = isValid(validateFirst, value, options);
      if (is !== p.ok) failures.push(`iteration ${i}: is ${is} but parse ok ${p.ok}`);
      if (!r.ok && r.errors.length === 0) failures.push(`iteration ${i}: a failure without errors`);
    } catch (error) {
      failures.push(`iteration ${i}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} on ${JSON.stringify(text.slice(0, 80))}`);
    }
  }
  return failures;
}

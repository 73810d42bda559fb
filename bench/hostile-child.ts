/**
 * One hostile case in a fresh process, so its time and peak memory are its own: prints
 * `{case, bytes, ms, maxRssKB, result}`. Run by bench/hostile.ts; also by hand:
 * `node dist/bench/hostile-child.js array-2mb` (cases: array-<N>mb, deep-<N>, words-<N>, nested-<N>).
 */
import type { JsonObject } from "../src/ir/json.js";
import { importValidators } from "../src/emit/validators/load-module.js";
import { emitValidator } from "../src/emit/validators/emit.js";
import { parseText, type ParseResult } from "../src/runtime/runtime.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const name = process.argv[2] ?? "array-2mb";
const [kind, sizeText] = name.split("-") as [string, string];
const size = Number.parseFloat(sizeText);

let schema: JsonObject;
let text: string;
if (kind === "array") {
  // `{"n":1,"xs":[1,1,…]}` against `xs: string[]`: one error per item without a limit.
  schema = { $schema: S, type: "object", properties: { n: { type: "integer" }, xs: { type: "array", items: { type: "string" } } } };
  const items = Math.floor((size * 1e6 - 16) / 2);
  text = `{"n":1,"xs":[${"1,".repeat(items - 1)}1]}`;
} else if (kind === "deep") {
  schema = { $schema: S, type: "array", items: { $ref: "#" } };
  text = "[".repeat(size) + "]".repeat(size);
} else {
  const source = kind === "words" ? "^(\\w+\\s?)*$" : "^(a+)+$";
  schema = { $schema: S, type: "string", pattern: source };
  text = JSON.stringify(`${"a".repeat(size)}!`);
}
const { validate, validateFirst } = await importValidators(emitValidator({ schema, draft: "2020-12" }));
const start = performance.now();
const result: ParseResult<unknown> = parseText(validate, text, undefined, validateFirst);
const ms = performance.now() - start;
const summary = result.ok ? "ok" : `${result.errors.length} error(s), first ${result.errors[0]?.code ?? "-"}${result.cut === true ? ", cut" : ""}`;
process.stdout.write(JSON.stringify({ case: name, bytes: text.length, ms, maxRssKB: process.resourceUsage().maxRSS, result: summary }));

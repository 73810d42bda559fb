/**
 * Run by deep.test.ts in a child process with Node's default stack: random recursive schemas, random values up to
 * 100,000 levels deep, every entry point. Prints `{runs, failures}` as JSON; a throw anywhere is a failure.
 */
import type { JsonObject } from "../../src/ir/json.js";
import { DEFAULT_MAX_DEPTH } from "../../src/runtime/runtime.js";
import { contractOf } from "./validators.js";

const seed0 = Number(process.argv[2] ?? "1");
const runs = Number(process.argv[3] ?? "60");
let seed = seed0;
function random(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
}

const S = "https://json-schema.org/draft/2020-12/schema";
/** Recursive shapes ajv validates with one function call (or one deep-equal call) per level. */
const SCHEMAS: readonly JsonObject[] = [
  { $schema: S, type: "array", items: { $ref: "#" } },
  { $schema: S, type: "object", properties: { c: { $ref: "#" } } },
  { $schema: S, anyOf: [{ type: "integer" }, { type: "array", items: { $ref: "#" } }, { type: "object", additionalProperties: { $ref: "#" } }] },
  { $schema: S, $defs: { n: { type: "object", properties: { k: { type: "array", items: { $ref: "#/$defs/n" } } }, required: ["k"] } }, $ref: "#/$defs/n" },
  { $schema: S, type: "array", uniqueItems: true },
  { $schema: S, not: { const: [[[[1]]]] } },
  { $schema: S, oneOf: [{ type: "array", items: { $ref: "#" } }, { type: "object", properties: { c: { $ref: "#" } } }] },
];

/** A value `depth` levels deep along one random spine of arrays and objects, and its JSON text, without recursion. */
function spine(depth: number): { value: unknown; text: string } {
  const leaf = random(3) === 0;
  let value: unknown = leaf ? 1 : [];
  const opens: string[] = [];
  const closes: string[] = [];
  for (let i = 1; i < depth; i++) {
    const pick = random(4);
    value = pick === 0 ? [value] : pick === 1 ? { c: value } : pick === 2 ? { k: [value] } : [1, value];
    opens.push(pick === 0 ? "[" : pick === 1 ? '{"c":' : pick === 2 ? '{"k":[' : "[1,");
    closes.push(pick === 0 ? "]" : pick === 1 ? "}" : pick === 2 ? "]}" : "]");
    if (pick === 2) i++;
  }
  // JSON.stringify recurses and would overflow on the deepest values, so the text is built alongside.
  return { value, text: opens.reverse().join("") + (leaf ? "1" : "[]") + closes.join("") };
}

const DEPTHS = [1, 2, 10, 100, DEFAULT_MAX_DEPTH - 1, DEFAULT_MAX_DEPTH, DEFAULT_MAX_DEPTH + 1, 5000, 20_000, 100_000];
const LIMITS: readonly (number | undefined)[] = [undefined, 5, 100, 50_000, 1_000_000];

const failures: string[] = [];
let calls = 0;
const contracts = await Promise.all(SCHEMAS.map((s) => contractOf(s)));
for (let run = 0; run < runs; run++) {
  const which = random(contracts.length);
  const c = contracts[which]!;
  const depth = DEPTHS[random(DEPTHS.length)]! + random(3);
  const { value, text } = spine(depth);
  const maxDepth = LIMITS[random(LIMITS.length)];
  const options = maxDepth === undefined ? undefined : { maxDepth };
  try {
    calls += 3;
    const is = c.is(value, options);
    const parsed = c.parse(value, options);
    const fromText = c.parseText(text, options);
    if (typeof is !== "boolean") failures.push(`schema ${which} depth ${depth}: is returned ${typeof is}`);
    if (is !== parsed.ok) failures.push(`schema ${which} depth ${depth} maxDepth ${String(maxDepth)}: is ${is} but parse ok ${parsed.ok}`);
    if (parsed.ok !== fromText.ok) failures.push(`schema ${which} depth ${depth}: parse and parseText disagree`);
    if (depth > (maxDepth ?? DEFAULT_MAX_DEPTH) && (parsed.ok || parsed.errors[0]?.code !== "json.too_deep")) {
      failures.push(`schema ${which} depth ${depth} maxDepth ${String(maxDepth)}: not classified json.too_deep`);
    }
  } catch (error) {
    failures.push(`schema ${which} depth ${depth} maxDepth ${String(maxDepth)}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}
process.stdout.write(JSON.stringify({ runs, calls, failures }));

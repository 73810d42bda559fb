/**
 * `npm run bench -- --only drift`: `diffSchemas` on a generated object schema with 500 and with 5,000 properties,
 * one change each (a property's maxLength lowered: a backward break that needs a confirmed witness, so the
 * validators of both versions are compiled and run). Reports the per-diff median of each size and the ratio
 * (goal: 10x the size in at most 12x the time).
 */
import { diffSchemas } from "../src/drift/diff.js";
import type { JsonObject } from "../src/ir/json.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";

function schemaOf(n: number, changed: boolean): JsonObject {
  const properties: JsonObject = {};
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    properties[`p${i}`] =
      kind === 0 ? { type: "string", maxLength: changed && i === Math.floor(n / 8) * 4 ? 10 : 80, description: `field ${i}` }
      : kind === 1 ? { type: "integer", minimum: 0 }
      : kind === 2 ? { enum: ["a", "b", "c"] }
      : { type: "array", items: { type: "string" }, maxItems: 5 };
  }
  return { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties, required: Object.keys(properties).filter((_, i) => i % 2 === 0), additionalProperties: false };
}

async function timeDiff(n: number): Promise<number> {
  // Fresh schema objects per round: nothing cached by identity or by canonical text carries over.
  const old = schemaOf(n, false);
  const neu = schemaOf(n, true);
  old["title"] = `round ${Math.random()}`;
  const start = process.hrtime.bigint();
  const result = await diffSchemas({ schema: old, draft: "2020-12" }, { schema: neu, draft: "2020-12" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.verdict.backward !== "incompatible" || result.verdict.forward !== "compatible") throw new Error(`unexpected verdict ${JSON.stringify(result.verdict)}`);
  return ms;
}

export async function driftBench(args: BenchArgs): Promise<void> {
  const small = args.size ?? 500;
  const large = small * 10;
  const rounds = Math.max(args.rounds, 5);
  await timeDiff(small); // warm-up: module loading, ajv
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await timeDiff(small));
    b.push(await timeDiff(large));
  }
  const ma = median(a);
  const mb = median(b);
  console.log(`diff ${small} properties: median ${ma.toFixed(1)} ms (${rounds} rounds)`);
  console.log(`diff ${large} properties: median ${mb.toFixed(1)} ms (${rounds} rounds)`);
  console.log(`ratio ${large}/${small}: ${(mb / ma).toFixed(2)}x time for 10x size (goal <= 12x)`);
}

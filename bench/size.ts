/**
 * Bundle size of one imported function: `esbuild --bundle --minify` of an entry that imports it from a
 * generated root index, then gzip (level 9). Measured for ticket-triage v3 from the repository's generated/ and for
 * a 10-field contract built into a temporary project (goal: parse function <= 3 KB gzip), each also as a ratio
 * to the goal and to a bundle of the whole root index (every export kept).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { BenchArgs } from "./args.js";
import { timeProcess } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GOAL_GZIP = 3 * 1024;

export interface Size {
  readonly min: number;
  readonly gzip: number;
}

export async function bundleSize(entrySource: string, resolveDir: string): Promise<Size> {
  const result = await build({
    stdin: { contents: entrySource, resolveDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** A model-output contract with ten fields of the usual kinds (strings with limits, enums, numbers, a date-time, a list). */
export const TEN_FIELDS = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    order_id: { type: "string", pattern: "^ord_[a-z0-9]{8}$", description: "Order identifier." },
    customer: { type: "string", minLength: 1, maxLength: 120, description: "Customer name." },
    status: { enum: ["pending", "paid", "shipped", "delivered", "cancelled"], description: "Order status." },
    total_minor: { type: "integer", minimum: 0, description: "Total in minor units." },
    currency: { type: "string", pattern: "^[A-Z]{3}$", description: "ISO 4217 code." },
    placed_at: { type: "string", format: "date-time", description: "When the order was placed." },
    gift: { type: "boolean", description: "Whether it is a gift." },
    items: { type: "array", items: { type: "string", minLength: 1 }, maxItems: 50, description: "Item SKUs." },
    note: { type: ["string", "null"], maxLength: 500, description: "Free-text note." },
    priority: { type: "integer", minimum: 1, maximum: 5, description: "Handling priority." },
  },
  required: ["order_id", "customer", "status", "total_minor", "currency", "placed_at", "gift", "items", "note", "priority"],
  additionalProperties: false,
};

function line(label: string, s: Size, whole: Size): string {
  return (
    `  ${label.padEnd(40)} ${String(s.min).padStart(6)} B min  ${String(s.gzip).padStart(5)} B gzip` +
    `  gzip/goal ${(s.gzip / GOAL_GZIP).toFixed(2)}  gzip/whole-index ${(s.gzip / whole.gzip).toFixed(2)}`
  );
}

export async function measureSizes(print = true): Promise<Record<string, Size>> {
  const out: Record<string, Size> = {};
  const repoIndex = JSON.stringify(path.join(REPO, "generated", "index.js"));
  const wholeRepo = await bundleSize(`export * from ${repoIndex};\n`, REPO);
  for (const fn of ["parseTicketTriageV3", "isTicketTriageV3", "parseTicketTriageV3Text"]) {
    out[fn] = await bundleSize(`export { ${fn} } from ${repoIndex};\n`, REPO);
    if (print) console.log(line(`${fn} (generated/index.js)`, out[fn], wholeRepo));
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-size-"));
  try {
    const dir = path.join(work, "schemas", "order-summary");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "contract.json"), '{"kind":"model-output"}\n');
    writeFileSync(path.join(dir, "v1.json"), JSON.stringify(TEN_FIELDS, null, 2));
    timeProcess([path.join(REPO, "dist", "cli", "main.js"), "build", "--root", work], work);
    const index = JSON.stringify(path.join(work, "generated", "index.js"));
    const whole = await bundleSize(`export * from ${index};\n`, work);
    for (const fn of ["parseOrderSummaryV1", "isOrderSummaryV1"]) {
      out[fn] = await bundleSize(`export { ${fn} } from ${index};\n`, work);
      if (print) console.log(line(`${fn} (10 fields)`, out[fn], whole));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

export async function sizeBench(_args: BenchArgs): Promise<void> {
  console.log(`esbuild --bundle --minify, then gzip -9; goal: a 10-field parse function <= ${GOAL_GZIP} B gzip`);
  await measureSizes();
}

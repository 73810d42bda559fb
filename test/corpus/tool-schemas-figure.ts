/**
 * Build figure for `../shared/corpus/tool-schemas/tool-schemas.A.jsonl` (half A, every record, not only the
 * strict-compilable ones): each schema goes through what `build` does per version (load and bundle from a file,
 * strictness policy with default severities, standalone validator, types). Prints built/total for the original
 * schemas and for their normalized form, with refusals by code.
 *
 *   node dist/test/corpus/tool-schemas-figure.js [--limit N]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emitTypes } from "../../src/emit/types/index.js";
import { compileValidator } from "../../src/emit/validators/index.js";
import { InputError } from "../../src/errors.js";
import { loadSchemaFile } from "../../src/load/index.js";
import { REPO_ROOT, tempDir } from "../util/project.js";

interface Tally {
  built: number;
  total: number;
  refusals: Record<string, number>;
  warnings: Record<string, number>;
}

async function buildOne(schema: unknown, file: string, schemasDir: string, tally: Tally): Promise<void> {
  tally.total++;
  writeFileSync(file, JSON.stringify(schema));
  const refuse = (code: string): void => void (tally.refusals[code] = (tally.refusals[code] ?? 0) + 1);
  try {
    const loaded = loadSchemaFile(file, { schemasDir, rootDir: schemasDir });
    const result = compileValidator(loaded.schema, loaded.draft, path.basename(file));
    for (const w of result.warnings) tally.warnings[w.code] = (tally.warnings[w.code] ?? 0) + 1;
    if (!result.ok) return refuse([...new Set(result.problems.map((p) => p.code))].join("+"));
    await emitTypes({ schema: loaded.schema, draft: loaded.draft, rootName: "ToolArguments" });
    tally.built++;
  } catch (error) {
    if (error instanceof InputError) return refuse(error.diagnostic.code);
    refuse(`internal: ${error instanceof Error ? error.message.slice(0, 60) : String(error)}`);
  }
}

async function main(): Promise<void> {
  const corpus = path.resolve(REPO_ROOT, "..", "shared", "corpus", "tool-schemas", "tool-schemas.A.jsonl");
  const limitAt = process.argv.indexOf("--limit");
  const limit = limitAt === -1 ? Number.POSITIVE_INFINITY : Number(process.argv[limitAt + 1]);
  const records = readFileSync(corpus, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, limit)
    .map((line) => JSON.parse(line) as { id: string; schema: unknown; normalized: unknown });
  const schemasDir = tempDir("llm-contracts-tools-");
  mkdirSync(schemasDir, { recursive: true });
  const file = path.join(schemasDir, "v1.json");
  const tallies: Record<string, Tally> = {};
  for (const form of ["schema", "normalized"] as const) {
    const tally: Tally = (tallies[form] = { built: 0, total: 0, refusals: {}, warnings: {} });
    for (const record of records) await buildOne(record[form], file, schemasDir, tally);
    const pct = ((100 * tally.built) / tally.total).toFixed(1);
    console.log(`tool-schemas half A (${form}): ${tally.built}/${tally.total} build (${pct}%)`);
    console.log(`  refused by code: ${JSON.stringify(tally.refusals)}`);
    console.log(`  warnings by code: ${JSON.stringify(tally.warnings)}`);
  }
}

await main();

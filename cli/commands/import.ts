import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import path from "node:path";
import type { OpenAPIV3, OpenAPIV3_1 } from "openapi-types";
import { CONTRACT_NAME } from "../../src/discover/discover.js";
import { inputError } from "../../src/errors.js";
import { isJsonObject } from "../../src/ir/json.js";
import { readDocument } from "../../src/load/index.js";
import { importComponents } from "../../src/openapi/import.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printJson, projectFrom, type Io } from "../output.js";

export const IMPORT_HELP = `llm-contracts import openapi <doc.json|doc.yaml> [--kind model-output|tool-arguments] [--root DIR] [--format text|json]

Creates one contract per components.schemas entry of an OpenAPI 3.0 or 3.1 document (schemas/<kebab-name>/v1.json
and contract.json). 3.0 nullable becomes a null type member. Never overwrites: a contract that already exists is
skipped and reported (exit 1).

${EXIT_CODE_TABLE}`;

const OPTIONS = { ...COMMON_OPTIONS, kind: { type: "string" } } as const;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help === true) {
    io.out(IMPORT_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const [what, file, ...extra] = positionals;
  if (what !== "openapi" || file === undefined || extra.length > 0) throw new UsageError("usage: llm-contracts import openapi <doc.json|doc.yaml>");
  const kind = values.kind ?? "tool-arguments";
  if (kind !== "model-output" && kind !== "tool-arguments") throw new UsageError("--kind must be model-output or tool-arguments");
  const project = projectFrom(values, io);
  const abs = path.resolve(io.cwd, file);
  const doc = readDocument(abs, file).value;
  if (!isJsonObject(doc) || typeof doc["openapi"] !== "string" || !/^3\.[01]\./.test(doc["openapi"])) {
    throw inputError("openapi.version", { file }, "not an OpenAPI 3.0 or 3.1 document (`openapi: 3.0.x | 3.1.x`)");
  }
  const imported = importComponents(doc as unknown as OpenAPIV3.Document | OpenAPIV3_1.Document);
  const created: string[] = [];
  const refused: string[] = [];
  for (const c of imported) {
    const dir = path.join(project.schemasDir, c.name);
    if (!CONTRACT_NAME.test(c.name)) refused.push(`${c.component}: ${JSON.stringify(c.name)} is not a valid contract name`);
    else if (existsSync(dir)) refused.push(`${c.component}: schemas/${c.name} already exists; not overwritten (add a version by hand)`);
    else {
      mkdirSync(dir, { recursive: true });
      const manifest = { kind, description: `Imported from ${path.basename(file)} components.schemas.${c.component}` };
      writeFileSync(path.join(dir, "contract.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      writeFileSync(path.join(dir, "v1.json"), `${JSON.stringify(c.schema, null, 2)}\n`);
      created.push(c.name);
    }
  }
  if (format === "json") printJson(io, { created, refused, notes: imported.flatMap((c) => c.notes.map((n) => `${c.component}${n}`)) });
  else {
    for (const name of created) io.out(`created schemas/${name}/v1.json`);
    for (const c of imported) for (const n of c.notes) io.out(`  note: ${c.component}${n}`);
    for (const r of refused) io.err(`refused: ${r}`);
    io.out(`import: ${created.length} contract(s) created, ${refused.length} refused; run \`llm-contracts build\``);
  }
  return refused.length > 0 ? 1 : 0;
}

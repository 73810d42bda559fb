/**
 * The baseline: what a user writes instead of llm-contracts. One schema at a time, json-schema-to-typescript with
 * its default options (Prettier formatting on) plus ajv standalone code with ajv-formats.
 * Usage: node dist/bench/naive.js <in-dir> <out-dir>  (in-dir holds *.json schemas)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "json-schema-to-typescript";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import standaloneModule from "ajv/dist/standalone/index.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const standaloneCode = (standaloneModule as unknown as { default: (ajv: Ajv, fn: unknown) => string }).default;

const [inDir, outDir] = process.argv.slice(2);
if (inDir === undefined || outDir === undefined) throw new Error("usage: naive <in-dir> <out-dir>");
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(inDir).sort()) {
  const schema = JSON.parse(readFileSync(path.join(inDir, name), "utf8")) as { $schema?: string };
  const base = name.replace(/\.json$/, "");
  writeFileSync(path.join(outDir, `${base}.ts`), await compile(schema as never, base));
  const ajv = schema.$schema?.includes("draft-07") === true ? new Ajv({ code: { source: true, esm: true } }) : new Ajv2020({ code: { source: true, esm: true } });
  addFormats(ajv as Ajv);
  writeFileSync(path.join(outDir, `${base}.validate.js`), standaloneCode(ajv as Ajv, ajv.compile(schema)));
}

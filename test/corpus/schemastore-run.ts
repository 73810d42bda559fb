/**
 * Runs `../shared/corpus/schemastore` through the compiler the way a user's existing schemas would arrive: load and
 * bundle, strictness policy (defaults), standalone validator, types. Then every instance document is validated by
 * the generated validator and by ajv in memory on the *original* schema file (same draft, formats on, strict off),
 * so a disagreement points at our bundling, strictness or inlining, never at the corpus.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { importValidator } from "../../src/compile/compile.js";
import { typeNameFrom } from "../../src/emit/codegen/escape.js";
import { emitTypes } from "../../src/emit/types/index.js";
import { compileValidator, createAjv } from "../../src/emit/validators/index.js";
import { InputError } from "../../src/errors.js";
import type { JsonObject } from "../../src/ir/json.js";
import { loadSchemaFile, readDocument } from "../../src/load/index.js";

export interface Refusal {
  readonly schema: string;
  readonly code: string;
  readonly message: string;
}

export interface Disagreement {
  readonly schema: string;
  readonly document: string;
  readonly ours: boolean;
  readonly ajv: boolean;
}

export interface CorpusFigures {
  readonly schemas: number;
  /** By declared draft (`$schema`, or 2020-12 without one): schemas seen and schemas built. */
  readonly byDraft: Readonly<Record<string, { total: number; built: number }>>;
  readonly built: number;
  readonly refusals: readonly Refusal[];
  /** Warnings by finding code over the built schemas. */
  readonly warnings: Readonly<Record<string, number>>;
  /** Types modules of the built schemas, by file name (`<Name>.ts`), for one batched type-check. */
  readonly types: Readonly<Record<string, string>>;
  readonly typeFailures: readonly Refusal[];
  readonly documents: number;
  /** Documents both validators judged the same. */
  readonly agreed: number;
  readonly disagreements: readonly Disagreement[];
  /** Documents where ours agrees with the folder they sit in upstream (valid/ or invalid/). */
  readonly matchesUpstream: number;
  /** Documents our YAML/JSON reader cannot parse (counted apart; not compared). */
  readonly unreadable: readonly string[];
}

export function corpusDir(repoRoot: string): string | undefined {
  const dir = path.resolve(repoRoot, "..", "shared", "corpus", "schemastore");
  return existsSync(path.join(dir, "schemas")) ? dir : undefined;
}

/** The schema files of the corpus, sorted. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(path.join(dir, "schemas")).filter((f) => f.endsWith(".json")).sort();
}

export interface InstanceDocument {
  /** `<stem>/valid/<file>` or `<stem>/invalid/<file>`. */
  readonly display: string;
  /** Upstream files it under valid/. */
  readonly expected: boolean;
  readonly value: unknown;
}

/** The instance documents of one schema (valid/ then invalid/), and those our reader cannot parse. */
export function readInstances(dir: string, stem: string): { documents: InstanceDocument[]; unreadable: string[] } {
  const documents: InstanceDocument[] = [];
  const unreadable: string[] = [];
  for (const expected of [true, false]) {
    const docDir = path.join(dir, "instances", stem, expected ? "valid" : "invalid");
    if (!existsSync(docDir)) continue;
    for (const doc of readdirSync(docDir).sort()) {
      const display = `${stem}/${expected ? "valid" : "invalid"}/${doc}`;
      try {
        documents.push({ display, expected, value: readDocument(path.join(docDir, doc), display).value });
      } catch {
        unreadable.push(display);
      }
    }
  }
  return { documents, unreadable };
}

function draftLabel(schema: unknown): string {
  const uri = typeof schema === "object" && schema !== null ? (schema as JsonObject)["$schema"] : undefined;
  if (typeof uri !== "string") return "2020-12";
  const known: [RegExp, string][] = [
    [/draft-04/, "draft-04"],
    [/draft-06/, "draft-06"],
    [/draft-07/, "draft-07"],
    [/2019-09/, "2019-09"],
    [/2020-12/, "2020-12"],
  ];
  return known.find(([re]) => re.test(uri))?.[1] ?? uri;
}

export async function runSchemastore(dir: string): Promise<CorpusFigures> {
  const schemasDir = path.join(dir, "schemas");
  const byDraft: Record<string, { total: number; built: number }> = {};
  const refusals: Refusal[] = [];
  const warnings: Record<string, number> = {};
  const types: Record<string, string> = {};
  const typeFailures: Refusal[] = [];
  const disagreements: Disagreement[] = [];
  const unreadable: string[] = [];
  let built = 0;
  let documents = 0;
  let agreed = 0;
  let matchesUpstream = 0;
  const files = corpusFiles(dir);

  for (const file of files) {
    const abs = path.join(schemasDir, file);
    const original = readDocument(abs, file).value;
    const draft = draftLabel(original);
    const counts = (byDraft[draft] ??= { total: 0, built: 0 });
    counts.total++;
    let code: string;
    let loadedDraft;
    try {
      const loaded = loadSchemaFile(abs, { schemasDir, rootDir: dir });
      loadedDraft = loaded.draft;
      const result = compileValidator(loaded.schema, loaded.draft, file);
      for (const w of result.warnings) warnings[w.code] = (warnings[w.code] ?? 0) + 1;
      if (!result.ok) {
        for (const p of result.problems) refusals.push({ schema: file, code: p.code, message: p.message });
        continue;
      }
      code = result.code;
      const name = typeNameFrom(file.replace(/\.json$/, ""));
      try {
        types[`${name}.ts`] = await emitTypes({ schema: loaded.schema, draft: loaded.draft, rootName: name });
      } catch (error) {
        typeFailures.push({ schema: file, code: "types", message: String(error) });
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refusals.push({ schema: file, code: error.diagnostic.code, message: error.diagnostic.message });
      continue;
    }
    built++;
    counts.built++;

    const stem = file.replace(/\.json$/, "");
    if (!existsSync(path.join(dir, "instances", stem))) continue;
    const ours = await importValidator(code);
    // The meta-schema was checked by compileValidator; the reference only has to validate.
    const reference = createAjv(loadedDraft, { strict: false, validateSchema: false }).compile(original as JsonObject);
    const read = readInstances(dir, stem);
    unreadable.push(...read.unreadable);
    for (const { display, expected, value } of read.documents) {
      documents++;
      const a = ours(value) === true;
      const b = reference(value) === true;
      if (a === b) agreed++;
      else disagreements.push({ schema: file, document: display, ours: a, ajv: b });
      if (a === expected) matchesUpstream++;
    }
  }
  return {
    schemas: files.length,
    byDraft,
    built,
    refusals,
    warnings,
    types,
    typeFailures,
    documents,
    agreed,
    disagreements,
    matchesUpstream,
    unreadable,
  };
}

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { draftFacts } from "../../src/ir/drafts.js";
import { AJV_CLASSES, EXTRA_META_SCHEMAS } from "../../src/emit/validators/ajv.js";
import { InputError } from "../../src/errors.js";
import { isJsonObject, type Draft, type JsonValue } from "../../src/ir/json.js";
import { loadSchemaFile, readDocument, type LoadContext, type LoadedSchema } from "../../src/load/index.js";

/** A throwaway project: `<root>/schemas/...` written from `files` (objects become pretty JSON). */
export interface Project {
  readonly rootDir: string;
  readonly schemasDir: string;
  readonly ctx: LoadContext;
  abs(rel: string): string;
  load(rel: string): LoadedSchema;
}

const created: string[] = [];
// Some fixtures are megabytes (size and node limits): leave nothing behind in the temp folder.
process.on("exit", () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

export function project(files: Record<string, string | JsonValue>): Project {
  const rootDir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-load-"));
  created.push(rootDir);
  const schemasDir = path.join(rootDir, "schemas");
  fs.mkdirSync(schemasDir);
  for (const [rel, content] of Object.entries(files)) writeFile(path.join(schemasDir, rel), content);
  const ctx: LoadContext = { schemasDir, rootDir };
  const abs = (rel: string) => path.join(schemasDir, rel);
  return { rootDir, schemasDir, ctx, abs, load: (rel) => loadSchemaFile(abs(rel), ctx) };
}

export function writeFile(file: string, content: string | JsonValue): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
}

/** Asserts that `fn` throws an InputError with these diagnostic fields; returns it for further checks. */
export function throwsInput(
  fn: () => unknown,
  expected: { code: string; file?: string; pointer?: string; line?: number; column?: number },
): InputError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof InputError, `expected an InputError, got ${String(caught)}`);
  const d = caught.diagnostic;
  const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, d[k as keyof typeof d]]));
  assert.deepEqual(actual, expected, caught.message);
  assert.ok(!caught.message.includes("\n"), "diagnostics are one line");
  return caught;
}

/** Every `$ref` string in a value, wherever it sits (a superset of the real refs, which is what we want here). */
export function allRefs(value: JsonValue): string[] {
  const refs: string[] = [];
  const stack: JsonValue[] = [value];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) stack.push(...node);
    else if (isJsonObject(node)) {
      for (const [key, member] of Object.entries(node)) {
        if (key === "$ref" && typeof member === "string") refs.push(member);
        stack.push(member);
      }
    }
  }
  return refs;
}

/** Every key path in a value whose key is one of `keys`, as JSON-ish paths, for asserting removals. */
export function keyPaths(value: JsonValue, keys: readonly string[], at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, keys, `${at}/${i}`));
  if (!isJsonObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(keys.includes(k) ? [`${at}/${k}`] : []),
    ...keyPaths(v, keys, `${at}/${k}`),
  ]);
}

export function assertSelfContained(loaded: LoadedSchema): void {
  for (const ref of allRefs(loaded.schema)) assert.match(ref, /^#(\/.*)?$/, `non-local $ref ${ref}`);
}

/** Plain ajv of the draft's class (none of our pinned options), with the draft's extra meta-schema if it has one. */
function newAjv(draft: Draft) {
  const { ajvClass, extraMetaSchema } = draftFacts(draft);
  const ajv = new AJV_CLASSES[ajvClass]({ strict: false, allErrors: true });
  if (extraMetaSchema !== undefined) ajv.addMetaSchema(EXTRA_META_SCHEMAS[extraMetaSchema].schema);
  return ajv;
}

/** The bundled schema compiled alone. */
export function compileBundled(loaded: LoadedSchema): ValidateFunction {
  return newAjv(loaded.draft).compile(loaded.schema);
}

/**
 * The original files compiled the way ajv would resolve them itself: each file added under the same virtual URI
 * the loader gives it. Files must not declare a root `$id` (ajv would then ignore the key).
 */
export function compileOriginal(p: Project, loaded: LoadedSchema): ValidateFunction {
  const ajv = newAjv(loaded.draft);
  for (const file of loaded.files) {
    const abs = path.join(p.rootDir, file);
    const rel = path.relative(p.schemasDir, abs).split(path.sep).join("/");
    ajv.addSchema(readDocument(abs, file).value as object, `lc-file:///${rel}`);
  }
  const rootRel = path.relative(p.schemasDir, path.join(p.rootDir, loaded.file)).split(path.sep).join("/");
  const validate = ajv.getSchema(`lc-file:///${rootRel}`);
  assert.ok(validate !== undefined);
  return validate;
}

/** Asserts both the bundled schema and the original file set accept `valid` and reject `invalid`. */
export function assertSameValidation(
  p: Project,
  loaded: LoadedSchema,
  samples: { readonly valid: readonly unknown[]; readonly invalid: readonly unknown[] },
): void {
  const original = compileOriginal(p, loaded);
  const bundled = compileBundled(loaded);
  for (const [expected, values] of [
    [true, samples.valid],
    [false, samples.invalid],
  ] as const) {
    for (const sample of values) {
      assert.equal(original(sample), expected, `original on ${JSON.stringify(sample)}`);
      assert.equal(bundled(sample), expected, `bundled on ${JSON.stringify(sample)}`);
    }
  }
}

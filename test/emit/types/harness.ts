/**
 * Table-driven checks of `emitTypes` against the validator.
 *
 * Each case lists values the validator accepts (each must type-check against the root type) and, where the type
 * is precise, values it rejects (each must fail to type-check). All cases are type-checked in one program per module
 * mode: a case is a folder `cN/` holding `types.ts`, `values.ts` and one `rejectK.ts` per rejected value.
 */
import assert from "node:assert/strict";
import { draftFacts } from "../../../src/ir/drafts.js";
import { AJV_CLASSES, EXTRA_META_SCHEMAS } from "../../../src/emit/validators/ajv.js";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { jsonLiteral } from "../../../src/emit/codegen/escape.js";
import { emitTypes } from "../../../src/emit/types/index.js";
import { TYPECHECK_MODES, typecheck, type TypeDiagnostic } from "./typecheck.js";

export const ROOT = "ContractV1";

export interface TypeCase {
  readonly name: string;
  readonly draft: Draft;
  readonly schema: JsonObject;
  /** Values the validator accepts: each must be assignable to the root type. */
  readonly accepts: readonly JsonValue[];
  /** Values the validator rejects that the type rejects too. */
  readonly rejectsIfPrecise?: readonly JsonValue[];
  /** Text the emitted source must contain / must not contain. */
  readonly contains?: readonly string[];
  readonly excludes?: readonly string[];
}

export function validator(draft: Draft, schema: JsonObject): (value: JsonValue) => boolean {
  // `ownProperties`: without it ajv reads `required: ["toString"]` through the prototype chain and accepts `{}`,
  // which JSON Schema (and the type) reject. The validator emitter should set it too.
  const options = { strict: false, logger: false, allErrors: false, ownProperties: true } as const;
  // Each draft needs its own Ajv class (2020-12 `items` is not draft-07 `items`, draft-04 bounds are booleans).
  const { ajvClass, extraMetaSchema } = draftFacts(draft);
  const ajv = new AJV_CLASSES[ajvClass](options);
  if (extraMetaSchema !== undefined) ajv.addMetaSchema(EXTRA_META_SCHEMAS[extraMetaSchema].schema);
  const validate = ajv.compile(schema);
  return (value) => validate(value) === true;
}

export interface CaseOutcome {
  /** Emitted source, or the error emitTypes threw. */
  readonly source: string;
  /** Disagreements between the case and ajv, and emit errors. */
  readonly problems: readonly string[];
  /** Diagnostics in `types.ts` and `values.ts`, over both modes. */
  readonly errors: readonly TypeDiagnostic[];
  /** For each rejected value, whether every mode reported a diagnostic for it. */
  readonly rejected: readonly boolean[];
}

/** Emits and type-checks all cases at once (one program per mode keeps this fast). */
export async function runCases(cases: readonly TypeCase[]): Promise<CaseOutcome[]> {
  const files: Record<string, string> = {};
  const prepared: { source: string; problems: string[] }[] = [];
  for (const [i, c] of cases.entries()) {
    const problems: string[] = [];
    try {
      const valid = validator(c.draft, c.schema);
      for (const value of c.accepts) if (!valid(value)) problems.push(`ajv rejects accepted ${JSON.stringify(value)}`);
      for (const value of c.rejectsIfPrecise ?? [])
        if (valid(value)) problems.push(`ajv accepts rejected ${JSON.stringify(value)}`);
    } catch (error) {
      problems.push(`ajv: ${String(error)}`);
    }
    let source = "";
    try {
      source = await emitTypes({ schema: c.schema, draft: c.draft, rootName: ROOT });
    } catch (error) {
      problems.push(`emitTypes: ${error instanceof Error ? error.stack : String(error)}`);
    }
    prepared.push({ source, problems });
    files[`c${i}/types.ts`] = source;
    files[`c${i}/values.ts`] = valuesFile(c.accepts);
    for (const [k, value] of (c.rejectsIfPrecise ?? []).entries()) files[`c${i}/reject${k}.ts`] = valuesFile([value]);
  }
  const byMode = TYPECHECK_MODES.map((mode) => typecheck(files, mode));
  const all = byMode.flat();
  return cases.map((c, i) => ({
    ...prepared[i]!,
    errors: all.filter((d) => d.file === `c${i}/types.ts` || d.file === `c${i}/values.ts` || d.file === undefined),
    rejected: (c.rejectsIfPrecise ?? []).map((_, k) =>
      byMode.every((ds) => ds.some((d) => d.file === `c${i}/reject${k}.ts`)),
    ),
  }));
}

/** A module that assigns each value to the root type imported from `./types.js`. */
export function valuesFile(values: readonly JsonValue[], rootName = ROOT): string {
  const lines = values.map((value, i) => `export const v${i}: ${rootName} = ${jsonLiteral(value)};`);
  return [`import type { ${rootName} } from "./types.js";`, ...lines, ""].join("\n");
}

/** Asserts what every emitted source must satisfy, whatever the schema. */
export function assertWellFormed(source: string): void {
  assert.ok(source.endsWith("\n") && !source.endsWith("\n\n"), "ends with exactly one newline");
  assert.ok(!source.includes("\r"), "LF only");
  assert.ok(!/[\u2028\u2029]/.test(source), "no raw line separators");
  for (const line of source.split("\n")) {
    if (/^\S/.test(line) && !/^(\/\*\*|export (type|interface) |\}|\*\/| \*)/.test(line)) {
      assert.fail(`unexpected top-level line: ${line}`);
    }
  }
  assert.ok(!/^import /m.test(source), "no imports");
}

/**
 * Schema problems as diagnostics with JSON pointers: meta-schema violations (`schema.meta`), strictness findings
 * (`strict.<id>`, sorted into errors and warnings by the policy in src/strictness) and anything else that stops
 * compilation (`schema.compile`).
 *
 * Strict mode is run in ajv's "log" mode so every finding is reported in one pass, by the very compile whose
 * standalone code is shipped.
 */
import type { Diagnostic } from "../../errors.js";
import { type Draft, type JsonObject, isJsonObject, pointerAppend } from "../../ir/json.js";
import type { ErrorObject } from "./ajv.js";
import { emitValidator } from "./emit.js";
import { metaAjv } from "./options.js";
import { applyPolicy, DEFAULT_POLICY, findingCode, type StrictPolicy } from "../../strictness/index.js";
import { didYouMean } from "../../suggest/did-you-mean.js";
import { isStackOverflow, stackExhausted } from "../../load/ref-depth.js";
import { strictDiagnostic } from "./strict.js";
import { patternFindings } from "./hostile/patterns.js";
import { keywordPointers, subschemas } from "./walk.js";

/** What the strictness policy made of a schema: errors refuse it, warnings are printed. */
export interface SchemaFindings {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/**
 * Meta-schema problems, compile problems and strictness findings of a schema, sorted by the policy. No errors
 * means it compiles. The findings come from the same compile that produces the code (see `compileValidator`).
 */
export function schemaFindings(
  schema: JsonObject,
  draft: Draft,
  file: string,
  policy: StrictPolicy = DEFAULT_POLICY,
): SchemaFindings & { readonly code?: string } {
  const meta = metaDiagnostics(schema, draft, file);
  if (meta.length > 0) return { errors: meta, warnings: [] };
  const messages: string[] = [];
  let code: string | undefined;
  const compileErrors: Diagnostic[] = [];
  try {
    code = emitValidator({ schema, draft, formats: policy.formats, warn: (message) => messages.push(message) });
  } catch (error) {
    compileErrors.push(compileDiagnostic(error, schema, file));
  }
  const known = draftKeywords(draft);
  const findings = unique([
    ...formatFindings(schema, draft, file, policy),
    ...messages.flatMap((message) => strictDiagnostic(message, schema, file, known)),
  ]);
  const sorted = applyPolicy(findings, policy);
  const errors = [...compileErrors, ...patternFindings(schema, file, policy.formats), ...sorted.errors];
  return { errors, warnings: sorted.warnings, ...(errors.length === 0 && code !== undefined ? { code } : {}) };
}

/** The errors of `schemaFindings` (meta-schema, compile, and strictness findings the policy makes errors). */
export function schemaDiagnostics(
  schema: JsonObject,
  draft: Draft,
  file: string,
  policy: StrictPolicy = DEFAULT_POLICY,
): Diagnostic[] {
  return [...schemaFindings(schema, draft, file, policy).errors];
}

/**
 * The build's path: meta-schema check, then one compile in ajv's logging strict mode, which yields the code and
 * every strictness finding at once; the policy decides which findings refuse the schema.
 */
export function compileValidator(
  schema: JsonObject,
  draft: Draft,
  file: string,
  policy: StrictPolicy = DEFAULT_POLICY,
):
  | { readonly ok: true; readonly code: string; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly problems: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] } {
  const result = schemaFindings(schema, draft, file, policy);
  if (result.code !== undefined) return { ok: true, code: result.code, warnings: result.warnings };
  return { ok: false, problems: result.errors, warnings: result.warnings };
}

/** Keywords ajv defines for a draft (with the metadata ones), for "did you mean". */
const keywordsByDraft = new Map<Draft, readonly string[]>();
function draftKeywords(draft: Draft): readonly string[] {
  let known = keywordsByDraft.get(draft);
  if (known === undefined) {
    known = Object.keys(metaAjv(draft).RULES.keywords).filter((k) => k !== "$async");
    keywordsByDraft.set(draft, known);
  }
  return known;
}

/** An unknown format is reported, never silently ignored: it is accepted unchecked unless the config declares it. */
function formatFindings(schema: JsonObject, draft: Draft, file: string, policy: StrictPolicy): Diagnostic[] {
  const known = metaAjv(draft).formats;
  const found: Diagnostic[] = [];
  for (const { pointer, node } of subschemas(schema)) {
    const format = node["format"];
    if (typeof format !== "string" || Object.hasOwn(known, format) || Object.hasOwn(policy.formats, format)) continue;
    const suggestion = didYouMean(format, [...Object.keys(known), ...Object.keys(policy.formats)]);
    found.push({
      code: findingCode("unknown-format"),
      file,
      pointer: pointerAppend(pointer, "format"),
      message:
        `format "${format}" is not validated: no implementation${suggestion}; declare it in the config ` +
        `"formats" with a regular expression to check it`,
    });
  }
  return found;
}

/** Meta-schema violations only (no compile): cheap enough to run before every diff. */
export function metaDiagnostics(schema: JsonObject, draft: Draft, file: string): Diagnostic[] {
  const ajv = metaAjv(draft);
  try {
    if (ajv.validateSchema(schema)) return [];
  } catch (error) {
    // ajv throws when `$schema` names a meta-schema it does not have.
    return [
      {
        code: "schema.meta",
        file,
        pointer: "/$schema",
        message: `cannot check against "$schema": ${errorMessage(error)}`,
      },
    ];
  }
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of ajv.errors ?? []) {
    const propertyName: unknown = error.params["propertyName"];
    const pointer =
      typeof propertyName === "string" ? pointerAppend(error.instancePath, propertyName) : error.instancePath;
    byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), error]);
  }
  return [...byPointer].map(([pointer, errors]) => ({
    code: "schema.meta",
    file,
    pointer,
    message: `${subject(pointer)} ${metaMessage(errors)}`,
  }));
}

/**
 * One message per schema node. ajv reports each failed branch of an `anyOf` in the meta-schema plus the `anyOf`
 * itself; the branches are alternatives, so they are joined with "or".
 */
function metaMessage(errors: readonly ErrorObject[]): string {
  const alternatives = errors.some((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const parts = errors
    .filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf" && e.keyword !== "propertyNames")
    .map(describeMetaError);
  const distinct = [...new Set(parts)];
  if (distinct.length === 0) return errors.map((e) => e.message ?? e.keyword).join("; ");
  return distinct.join(alternatives ? " or " : "; ");
}

function describeMetaError(error: ErrorObject): string {
  const allowed: unknown = error.params["allowedValues"];
  if (error.keyword === "enum" && Array.isArray(allowed)) {
    return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "format") return `must be a valid ${String(error.params["format"])}`;
  if (error.keyword === "additionalProperties")
    return `has unknown property "${String(error.params["additionalProperty"])}"`;
  return error.message ?? `fails "${error.keyword}"`;
}

function subject(pointer: string): string {
  if (pointer === "") return "schema";
  const last = pointer
    .slice(pointer.lastIndexOf("/") + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
  return JSON.stringify(last);
}

/**
 * A failure to compile or emit: unresolvable `$ref`s, empty enums and invalid Unicode patterns get the pointer of
 * the culprit, anything unforeseen is reported at the root with ajv's message.
 */
function compileDiagnostic(error: unknown, schema: JsonObject, file: string): Diagnostic {
  // Out of stack in ajv: a schema too wide for its generator, or deeper than the loader's $ref bound foresaw.
  if (isStackOverflow(error)) return stackExhausted(file, schema).diagnostic;
  const message = errorMessage(error);
  const ref = /^can't resolve reference (.*) from id /.exec(message)?.[1];
  if (ref !== undefined) {
    const at = [
      ...keywordPointers(schema, "$ref", (n) => n["$ref"] === ref),
      ...keywordPointers(schema, "$dynamicRef", (n) => n["$dynamicRef"] === ref),
    ];
    return {
      code: "schema.compile",
      file,
      pointer: at[0] ?? "",
      message: `$ref "${ref}" does not resolve to a schema`,
    };
  }
  if (message === "enum must have non-empty array") {
    const at = keywordPointers(schema, "enum", (n) => Array.isArray(n["enum"]) && n["enum"].length === 0);
    return {
      code: "schema.compile",
      file,
      pointer: at[0] ?? "",
      message: `"enum" is empty, so no value could be valid; list at least one value`,
    };
  }
  if (error instanceof SyntaxError && message.includes("Invalid regular expression")) {
    const bad = invalidPatterns(schema)[0];
    if (bad !== undefined) {
      return {
        code: "schema.compile",
        file,
        pointer: bad.pointer,
        message: `not a valid Unicode ("u" flag) regular expression: ${bad.reason}`,
      };
    }
  }
  const strict = message.startsWith("strict mode:") ? strictDiagnostic(message, schema, file)[0] : undefined;
  if (strict !== undefined) return strict;
  // Standalone code cannot be generated for `$async` schemas (ajv would import its ValidationError class).
  const asyncAt = message.includes("$async") ? keywordPointers(schema, "$async")[0] : undefined;
  return { code: "schema.compile", file, pointer: asyncAt ?? "", message };
}

/** `pattern` values and `patternProperties` keys that JavaScript rejects with the "u" flag ajv compiles them with. */
function invalidPatterns(schema: JsonObject): { pointer: string; reason: string }[] {
  const bad: { pointer: string; reason: string }[] = [];
  const check = (pattern: string, pointer: string): void => {
    try {
      new RegExp(pattern, "u");
    } catch (error) {
      bad.push({ pointer, reason: errorMessage(error) });
    }
  };
  for (const { pointer, node } of subschemas(schema)) {
    const pattern = node["pattern"];
    if (typeof pattern === "string") check(pattern, pointerAppend(pointer, "pattern"));
    const patternProperties = node["patternProperties"];
    if (isJsonObject(patternProperties)) {
      for (const key of Object.keys(patternProperties))
        check(key, pointerAppend(pointerAppend(pointer, "patternProperties"), key));
    }
  }
  return bad;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.pointer ?? ""}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Schema problems as diagnostics with JSON pointers: meta-schema violations (`schema.meta`), strict-mode problems
 * (`schema.strict`) and anything else that stops compilation (`schema.compile`).
 *
 * Strict mode is run in ajv's "log" mode so every problem is reported in one pass; the final check runs
 * `emitValidator` itself, so an empty result means it will not throw.
 */
import type { Diagnostic } from "../../errors.js";
import { type Draft, type JsonObject, isJsonObject, pointerAppend } from "../../ir/json.js";
import type { ErrorObject } from "./ajv.js";
import { emitValidator } from "./emit.js";
import { createLoggingAjv, metaAjv } from "./options.js";
import { strictDiagnostic } from "./strict.js";
import { keywordPointers, subschemas } from "./walk.js";

/** Meta-schema and strict-mode problems of a schema, with JSON pointers into it. Empty when it compiles. */
export function schemaDiagnostics(schema: JsonObject, draft: Draft, file: string): Diagnostic[] {
  const meta = metaDiagnostics(schema, draft, file);
  if (meta.length > 0) return meta;

  const found: Diagnostic[] = [];
  const warnings: string[] = [];
  const ajv = createLoggingAjv(draft, (message) => warnings.push(message));
  const known = new Set(Object.keys(ajv.formats));
  for (const { pointer, node } of subschemas(schema)) {
    const format = node["format"];
    if (typeof format !== "string" || known.has(format)) continue;
    found.push({
      code: "schema.strict",
      file,
      pointer: pointerAppend(pointer, "format"),
      message: `unknown format "${format}"; supported formats: ${[...known].sort().join(", ")}`,
    });
    // Registered as "accept anything" so the compile below goes on to report the remaining problems.
    ajv.addFormat(format, true);
  }
  try {
    ajv.compile(schema);
  } catch (error) {
    found.push(compileDiagnostic(error, schema, file));
  }
  for (const warning of warnings) found.push(...strictDiagnostic(warning, schema, file));

  if (found.length === 0) {
    try {
      emitValidator({ schema, draft });
    } catch (error) {
      found.push(compileDiagnostic(error, schema, file));
    }
  }
  return unique(found);
}

/**
 * The build's path: meta-schema check, then one strict compile. Only when that compile fails does the slower
 * `schemaDiagnostics` run, to report every problem with its pointer instead of the first one.
 */
export function compileValidator(
  schema: JsonObject,
  draft: Draft,
  file: string,
): { readonly ok: true; readonly code: string } | { readonly ok: false; readonly problems: readonly Diagnostic[] } {
  const meta = metaDiagnostics(schema, draft, file);
  if (meta.length > 0) return { ok: false, problems: meta };
  try {
    return { ok: true, code: emitValidator({ schema, draft }) };
  } catch (error) {
    const problems = schemaDiagnostics(schema, draft, file);
    return { ok: false, problems: problems.length > 0 ? problems : [compileDiagnostic(error, schema, file)] };
  }
}

function metaDiagnostics(schema: JsonObject, draft: Draft, file: string): Diagnostic[] {
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
  if (message.startsWith("strict mode:")) return strictDiagnostic(message, schema, file)[0]!;
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

/**
 * Where the all-errors collector stands while it writes one subschema's checks: the JavaScript expression of the
 * value, the instance path (a string known at build time, or code when it holds an index or a key), and the
 * schema path ajv reports (always known at build time). Every piece of schema text that reaches code goes through
 * `stringLiteral`/`jsonLiteral` (codegen/escape.ts).
 */
import { stringLiteral } from "../../codegen/escape.js";
import type { FastContext } from "../context.js";
import type { JsonValue } from "../../../ir/json.js";

/** The instance path: a literal (`/a/b`) or the code of an expression that computes it. */
export type PathExpr = { readonly literal: string } | { readonly code: string };

export interface At {
  readonly value: string;
  readonly path: PathExpr;
  readonly schemaPath: string;
}

/** Writes one subschema's error checks (schema.ts), handed to the keyword modules so imports stay one-way. */
export type Collect = (ctx: FastContext, schema: JsonValue, at: At, out: string[]) => void;

/** Name of the collector's list of errors so far. */
export const ERRORS = "fastErrors";
/** Name of the local function that records one error and answers whether the cap is passed. */
export const ERR = "fastErr";
/** Name of the error cap of the call under way (`validate.errorLimit`). */
export const LIMIT = "fastLimit";
/** Label of the block the collector leaves when the cap is passed. */
export const STOP = "fastCollect";

/** `~` and `/` escaped as in a JSON pointer (RFC 6901). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A schema path segment as ajv writes it (`escapeFragment`: pointer-escaped, then URI-encoded). */
export function schemaSegment(key: string): string {
  return encodeURIComponent(escapePointer(key));
}

export function pathCode(path: PathExpr): string {
  return "literal" in path ? stringLiteral(path.literal) : path.code;
}

/** The path of a property whose name is known at build time. */
export function propertyPath(path: PathExpr, key: string): PathExpr {
  const segment = `/${escapePointer(key)}`;
  return "literal" in path ? { literal: path.literal + segment } : { code: `${path.code} + ${stringLiteral(segment)}` };
}

/**
 * A path that code inside a loop extends: a literal stays one, code is bound to a local first so the loop does
 * not rebuild it per element.
 */
export function bindPath(ctx: FastContext, path: PathExpr, out: string[]): PathExpr {
  if ("literal" in path) return path;
  const local = ctx.name("ip");
  out.push(`const ${local} = ${path.code};`);
  return { code: local };
}

/**
 * The statement that records one error (params: code built through escape.ts) and stops past the cap. ajv's
 * schema path is always the subschema's path and the keyword: the error function joins them, so the keyword is
 * written once per error site. The site passes the subschema's path with its trailing `/`, so the join is one
 * concatenation per error, not two (issue 20 part S: parse… with many errors 3–8% faster on SchemaStore chart and
 * dependabot, in one process against the two-join code; +1 B gzip on one imported parse…).
 */
export function report(at: At, keyword: string, params: string): string {
  return `if (${ERR}(${pathCode(at.path)}, ${stringLiteral(`${at.schemaPath}/`)}, ${stringLiteral(keyword)}, ${params})) break ${STOP};`;
}

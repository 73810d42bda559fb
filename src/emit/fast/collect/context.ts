/**
 * Where the all-errors collector stands while it writes one subschema's checks: the JavaScript expression of the
 * value, the instance path (a string known at build time, or code when it holds an index or a key), and the
 * schema path ajv reports (always known at build time). Every piece of schema text that reaches code goes through
 * `stringLiteral`/`jsonLiteral` (codegen/escape.ts).
 */
import { stringLiteral } from "../../codegen/escape.js";
import type { FastContext } from "../context.js";
import type { JsonValue } from "../../../ir/json.js";
import { schemaErrors } from "../../../runtime/errors.js";
import { RAW_WORDED_KEYWORDS } from "./worded.js";

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

/** Name of the local function that records one worded error, its message given whole (the collector of `validateWorded`). */
export const ERR_MESSAGE = "fastErrM";
/** Name of the local function that records one worded error, its message the place and then the given text. */
export const ERR_WORDED = "fastErrW";

/**
 * The call that records one error (true past the cap). ajv's schema path is always the subschema's path and the
 * keyword: the raw error function joins them, so the keyword is written once per error site. The site passes the
 * subschema's path with its trailing `/`, so the join is one concatenation per error, not two (issue 20 part S:
 * parse… with many errors 3–8% faster on SchemaStore chart and dependabot, in one process against the two-join
 * code; +1 B gzip on one imported parse…).
 *
 * In the worded collector (`ctx.wording`) an error whose params are known at build time (`constant`, the value of
 * the `params` code) is written as `parse…` reports it: its code and message text come from the runtime's own
 * rules (`schemaErrors`, src/runtime/errors.ts) at build time, so no raw error or params object is built and the
 * message is a literal, or one join after a place computed at run time (issue 20: wording was half of parse… on
 * many errors). Every other error is recorded raw: only `RAW_WORDED_KEYWORDS` may be (an emitter bug otherwise).
 */
export function record(ctx: FastContext, path: PathExpr, schemaPath: string, keyword: string, params: string, constant?: Readonly<Record<string, JsonValue>>): string {
  if (!ctx.wording || constant === undefined) {
    if (ctx.wording && !RAW_WORDED_KEYWORDS.has(keyword)) throw new Error(`worded collector: no build-time params for a ${keyword} error`);
    return `${ERR}(${pathCode(path)}, ${stringLiteral(`${schemaPath}/`)}, ${stringLiteral(keyword)}, ${params})`;
  }
  const worded = schemaErrors([{ instancePath: "", schemaPath: "", keyword, params: constant }])[0]!;
  const text = worded.message.slice(DOCUMENT.length);
  if (worded.message !== DOCUMENT + text) throw new Error(`worded collector: a ${keyword} message that does not start with its place`);
  const site = `${stringLiteral(`${schemaPath}/${keyword}`)}, ${stringLiteral(worded.code)}`;
  // A place known at build time: the whole message is a literal (no join at run time).
  if ("literal" in path) return `${ERR_MESSAGE}(${pathCode(path)}, ${site}, ${stringLiteral((path.literal === "" ? DOCUMENT : path.literal) + text)})`;
  return `${ERR_WORDED}(${path.code}, ${site}, ${stringLiteral(text)})`;
}

/** How a message names the root (src/runtime/errors.ts `rulesApplied`). */
export const DOCUMENT = "the document";

/** The statement that records one error (params: code built through escape.ts) and stops past the cap. */
export function report(ctx: FastContext, at: At, keyword: string, params: string, constant?: Readonly<Record<string, JsonValue>>): string {
  return `if (${record(ctx, at.path, at.schemaPath, keyword, params, constant)}) break ${STOP};`;
}

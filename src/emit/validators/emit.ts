import type { Draft, JsonObject } from "../../ir/json.js";
import { docComment } from "../codegen/escape.js";
import { type AjvInstance, standaloneCode } from "./ajv.js";
import { inlineRuntime } from "./inline.js";
import { createAjv, createCheckingAjv, createLoggingAjv } from "./options.js";
import { subschemas } from "./walk.js";
import { maskLiterals } from "./lexer.js";
import { fastOwnProperties } from "./own-properties.js";
import { sideEffectFree } from "./pure.js";
import { withAjv } from "./reuse.js";
import { hoistSchemaValues } from "./schema-values.js";
import { FAST_EXPORT, emitFast, type FastResult } from "../fast/index.js";
import { capErrors } from "./hostile/max-errors.js";
import { dropMessages } from "./messages.js";
import { linearPatterns } from "./hostile/patterns.js";

export interface ValidatorInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Strict mode (default true). Only the conformance suite turns it off: the suite uses unknown keywords on purpose. */
  readonly strict?: boolean;
  /** Further schemas made available by `$id` (conformance remotes). Contracts are bundled and pass none. */
  readonly extraSchemas?: readonly JsonObject[];
  /** Validate against the meta-schema while compiling (default false: see `compileValidator`). */
  readonly validateSchema?: boolean;
  /**
   * The strictness policy's path (compileValidator): strict-mode problems go to `warn` instead of being thrown,
   * and formats nobody implements are accepted unchecked (the policy reports them), so one compile yields both
   * the code and every finding.
   */
  readonly warn?: (message: string) => void;
  /** Custom formats from the config: name → regex source ("u" flag). */
  readonly formats?: Readonly<Record<string, string>>;
  /**
   * Code only loaded in this process, never written out (drift's witness confirmation): compiled with
   * `createAjv`'s `inMemory` options (refs not inlined, no optimisation pass): the same answers, compiled faster.
   */
  readonly inMemory?: boolean;
}

/** Name of the first-failure validator's export (what `is<Contract>` calls). */
export const FIRST_FAILURE_EXPORT = "validateFirst";

/**
 * ESM JavaScript source with zero imports and no top-level side effects, exporting two ajv standalone validators
 * of the same schema that share one set of helpers, and the fast path:
 * - `validate` (also the default export): every error, for `parse<Contract>` and repair prompts;
 * - `validateFirst`: stops at the first failure, the safe path of `is<Contract>`: the fast path itself when the
 *   schema has no recursion, else ajv's `allErrors: false` code;
 * - `validateFast`: our own straight-line checks (src/emit/fast), true/false as ajv answers, or undefined for
 *   "ask `validateFirst`" (too deep, or a schema the fast path does not cover: then it always says undefined).
 */
export function emitValidator(input: ValidatorInput): string {
  const fast = fastOrError(input);
  // ajv's all-errors compile runs either way: it is what reports strict-mode problems and refuses bad schemas. Where
  // our collector covers the schema, ajv's module is not emitted, so that compile only checks (`checkOnly`): the
  // same findings and refusals, without the code ajv would write, tidy and throw away (a third of a worker's time).
  const covered = !("error" in fast) && fast.kind === "fast" && "code" in fast.collector ? fast.collector.code : undefined;
  if (covered !== undefined) checkWithAjv(input);
  // Our own all-errors code where the fast path covers the schema without recursion (fast/collect), else ajv's,
  // tidied only here: its post-passes (each a scan of the module) were about a tenth of a compile worker's time.
  const all = covered ?? dropMessages(capErrors(tidy(ajvModule(input, false))));
  // The fast path is written after ajv's compile had its say: a schema both refuse is refused with ajv's reason.
  if ("error" in fast) throw fast.error;
  // Without recursion, the fast path called without a depth limit always answers, and agrees with the all-errors
  // validator (test/emit/fast, test/conformance): it is the first-failure validator, and ajv's second copy of the
  // schema's checks is not emitted (smaller modules; `is…` and `parse…` share one set of checks).
  const first =
    fast.kind === "fast" && !fast.recursive
      ? `${docComment("The first-failure answer is the fast path's: without recursion it always answers true or false when given no depth limit. Exported under a second name, not wrapped: a bundle then carries no wrapper.")}export { ${FAST_EXPORT} as ${FIRST_FAILURE_EXPORT} };\n`
      : dropMessages(renameFirstFailure(standalone(input, true)));
  const fastCode =
    fast.kind === "fast"
      ? fast.code
      : `${docComment(`The fast path does not cover ${fast.feature}: always ask validateFirst.`)}export function ${FAST_EXPORT}(data) {\n  return undefined;\n}\n`;
  // Every regex of the three (the fast path's too) is proven safe or becomes a linear-time automaton.
  return linearPatterns(inlineRuntime(`${all}\n${first}\n${fastCode}`, input.formats ?? {}));
}

/** The fast path, or what it threw (kept until ajv's compile has run: see `emitValidator`). */
function fastOrError(input: ValidatorInput): FastResult | { readonly error: unknown } {
  try {
    return emitFast({ schema: input.schema, draft: input.draft, formats: input.formats ?? {} });
  } catch (error) {
    return { error };
  }
}

/**
 * ajv's all-errors module alone (error cap, helpers inlined, regexes made linear): what `validate` is where our
 * collector (src/emit/fast/collect) does not cover the schema. Tests compare the two error lists, cap included.
 */
export function emitAjvAllErrors(input: ValidatorInput): string {
  return linearPatterns(inlineRuntime(dropMessages(capErrors(standalone(input, false))), input.formats ?? {}));
}

/**
 * A module exporting `validate` that answers true or false exactly as `emitValidator`'s `validate` does, and lists
 * no errors to speak of: ajv's first-failure compile alone (the same options, helpers inlined, every regex made
 * linear). For callers that only ask yes or no of many schemas (drift's witness confirmation): it costs less than
 * half of `emitValidator`, which compiles twice and adds the fast path.
 */
export function emitDecider(input: ValidatorInput): string {
  return linearPatterns(inlineRuntime(standalone(input, true), input.formats ?? {}));
}

/** One validator as ajv writes it, made cheaper, smaller and tree-shakable (before its helpers are inlined). */
function standalone(input: ValidatorInput, firstFailure: boolean): string {
  return tidy(ajvModule(input, firstFailure));
}

/** ajv's module made cheaper, smaller and tree-shakable. */
function tidy(code: string): string {
  return sideEffectFree(hoistSchemaValues(fastOwnProperties(code)));
}

/**
 * One validator's module exactly as ajv's standalone writes it (strict-mode findings go to `input.warn`). Exported
 * for the tests that hold `checkWithAjv` to it (test/emit/validators/check-only.test.ts).
 */
export function ajvModule(input: ValidatorInput, firstFailure: boolean): string {
  return ajvCompile(input, firstFailure, false);
}

/**
 * ajv's all-errors compile of `input` on a check-only instance (options.ts `createCheckingAjv`): the strict-mode
 * findings go to `input.warn` (or the first is thrown) and a bad schema throws, exactly as in `ajvModule`; no code.
 */
export function checkWithAjv(input: ValidatorInput): void {
  // Only the compile itself is check-only. A meta-schema check (`validateSchema`) runs the draft's meta-schema as a
  // validator, which a check-only instance does not have; `inMemory` compiles refs apart, which can change what
  // strict mode reports. Either way the module is written and dropped, as before.
  if (input.validateSchema === true || input.inMemory === true) ajvModule(input, false);
  else ajvCompile(input, false, true);
}

function ajvCompile(input: ValidatorInput, firstFailure: boolean, checkOnly: false): string;
function ajvCompile(input: ValidatorInput, firstFailure: false, checkOnly: true): undefined;
function ajvCompile(input: ValidatorInput, firstFailure: boolean, checkOnly: boolean): string | undefined {
  // Callers check the meta-schema first (`compileValidator`, `schemaDiagnostics`) with a shared instance.
  const validateSchema = input.validateSchema ?? false;
  // Strict-mode findings come from the all-errors compile only: the first-failure one would repeat them.
  const warn = input.warn === undefined ? undefined : firstFailure ? () => undefined : input.warn;
  const compile = (ajv: AjvInstance): string | undefined => {
    for (const extra of input.extraSchemas ?? []) ajv.addSchema(extra);
    registerFormats(ajv, input.schema, input.formats ?? {}, input.warn !== undefined);
    const validate = ajv.compile(input.schema);
    return checkOnly ? undefined : standaloneCode(ajv, validate);
  };
  const create = (): AjvInstance =>
    checkOnly
      ? createCheckingAjv(input.draft, warn === undefined ? undefined : forwardWarning, input.strict ?? true)
      : warn !== undefined
        ? createLoggingAjv(input.draft, forwardWarning, validateSchema, firstFailure)
        : createAjv(input.draft, { strict: input.strict ?? true, validateSchema, firstFailure, inMemory: input.inMemory ?? false });
  // An instance per option set, reset between compiles (reuse.ts), so generated names are those of a new instance
  // whatever else the build compiles. Extra schemas (conformance remotes only) get an instance of their own.
  const mode = checkOnly ? "check" : String(input.inMemory ?? false);
  const key = `${input.draft} ${warn !== undefined ? "log" : String(input.strict ?? true)} ${validateSchema} ${firstFailure} ${mode}`;
  warning = warn;
  try {
    return (input.extraSchemas ?? []).length > 0 ? compile(create()) : withAjv(key, create, compile);
  } finally {
    warning = undefined;
  }
}

/** Where the logging instances' strict-mode messages go: the `warn` of the compile under way. */
let warning: ((message: string) => void) | undefined;
function forwardWarning(message: string): void {
  warning?.(message);
}

/** Custom formats as functions (inline.ts writes their code); with `acceptUnknown`, unknown formats as unchecked. */
function registerFormats(
  ajv: AjvInstance,
  schema: JsonObject,
  custom: Readonly<Record<string, string>>,
  acceptUnknown: boolean,
): void {
  for (const [name, source] of Object.entries(custom)) {
    const re = new RegExp(source, "u");
    ajv.addFormat(name, (str: string) => re.test(str));
  }
  if (!acceptUnknown) return;
  for (const { node } of subschemas(schema)) {
    const format = node["format"];
    if (typeof format === "string" && !Object.hasOwn(ajv.formats, format)) ajv.addFormat(format, true);
  }
}

/**
 * The first-failure validator lives in the same module as the all-errors one, so its top-level names (ajv's
 * numbered `validate0`, `schema0v1`, `func0`, `pattern0`...) get an `f` suffix, and it is exported as
 * `validateFirst` only. Every numbered identifier outside literals and not after a `.` is renamed, locals too,
 * which is a consistent renaming because ajv's own names are the only identifiers ending in a digit.
 */
function renameFirstFailure(code: string): string {
  const exports = /^"use strict";\s*export const validate = (validate\d+);\s*export default \1;/.exec(code);
  if (exports === null) throw new Error("unexpected ajv standalone module header");
  const body = `export const ${FIRST_FAILURE_EXPORT} = ${exports[1]};${code.slice(exports[0].length)}`;
  const masked = maskLiterals(body);
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*\d(?![\w$])/g)) {
    if (match[0].startsWith("llmc")) continue;
    out += `${body.slice(last, match.index + match[0].length)}f`;
    last = match.index + match[0].length;
  }
  return out + body.slice(last);
}

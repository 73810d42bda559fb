/**
 * The one place where ajv is configured. Both the generated standalone validators and every in-memory validator
 * (golden examples, drift checks, the conformance comparison) come from `createAjv`, so they cannot disagree because
 * of an option.
 */
import type { Logger, Options } from "ajv";
import type { Draft } from "../../ir/json.js";
import { draftFacts } from "../../ir/drafts.js";
import { AJV_CLASSES, EXTRA_META_SCHEMAS, type AjvInstance, Name, addFormats } from "./ajv.js";
import { LINEAR_FORMATS } from "./format-regexes.js";

/** Identifier of the formats object that generated code reads function formats from (defined by `inline.ts`). */
export const FORMATS_IDENTIFIER = "llmcFormats";

/**
 * What `checkOnly` changes (`CHECK_ONLY`, `CHECK_ONLY_CODE`), and only that: ajv's strict-mode problems and
 * refusals are raised while it writes the validator's code tree (`validateFunctionCode`, lib/compile/index.ts),
 * which error messages take no part in, and before any of the three code steps skipped here runs. A check-only
 * compile yields the same messages and throws the same errors; its function is never called.
 */
const CHECK_ONLY = {
  // No error messages are written into code that never runs (ajv only adds them to error objects: compile/errors.ts).
  messages: false,
} as const;
const CHECK_ONLY_CODE = {
  // No source kept for `standaloneCode`: the schema is not stringified into the scope.
  source: false,
  // No optimisation pass over a code tree that is thrown away (about a third of ajv's compile time).
  optimize: 0,
  // The text is not handed to `new Function` to be parsed: a function that is never called stands in for it.
  process: () => "return function checkOnly() { return false; };",
} as const;

function pinnedOptions(strict: boolean | "log", logger: Logger | false, validateSchema = true, firstFailure = false, inMemory = false, checkOnly = false): Options {
  const options: Options = {
    // Unknown keywords, ignored keywords and type/keyword mismatches are schema bugs: refuse to compile them.
    strict,
    // `required` may name keys that `properties` does not describe (e.g. with `additionalProperties: {...}`).
    strictRequired: false,
    // `type: ["string", "number"]` is ordinary JSON Schema; only ambiguity *within* keywords is a bug.
    allowUnionTypes: true,
    // Return every error: an LLM repair loop fixes them all in one round, and LLM outputs are bounded in size.
    // `firstFailure` is for type guards (`is<Contract>`), which only need the answer.
    allErrors: !firstFailure,
    // A property named `toString` or `constructor` must be looked up on the object, never on its prototype.
    ownProperties: true,
    // Validation must not change the data it checks.
    useDefaults: false,
    coerceTypes: false,
    removeAdditional: false,
    // `$data` makes patterns data-driven (`new RegExp(data)`, CVE-2025-69873); contracts are static.
    $data: false,
    // OpenAPI's discriminator is not JSON Schema; contracts use plain `oneOf`/`const`.
    discriminator: false,
    // `format` is an assertion in our contracts (ajv-formats full mode is added below).
    validateFormats: true,
    // `pattern` follows JSON Schema's ECMA-262 semantics with full Unicode (the "u" flag).
    unicodeRegExp: true,
    // Error objects carry a readable `message` for the repair prompt...
    messages: true,
    // ...but not the schema and data (`verbose`), which would leak large values into logs.
    verbose: false,
    // Compile refuses a schema that fails its draft's meta-schema.
    validateSchema,
    // A library never writes to the console; problems come back as diagnostics.
    logger,
    // A `$ref`'d schema without refs of its own is inlined at each use (ajv's default) in code we write out. For
    // `inMemory` it is compiled once as a function, and ajv's optimisation pass is skipped: the same answers, a
    // smaller module, and 40% less compile time on large schemas (paired measurement, issue 17).
    inlineRefs: !inMemory,
    code: {
      // Keep the generated source so `standaloneCode` can emit it.
      source: true,
      // Emit an ES module (`export const validate`), the project is ESM only.
      esm: true,
      // One line: the file is generated, not read, and smaller that way.
      lines: false,
      // ajv's default optimisation pass; pinned so output does not change with ajv's default. Off for `inMemory`.
      optimize: inMemory ? 0 : 1,
      // Modern syntax (const, arrow functions); Node 20 is the floor.
      es5: false,
      // Function formats are read from our own inlined object instead of `require("ajv-formats/...")`.
      formats: new Name(FORMATS_IDENTIFIER),
    },
  };
  return checkOnly ? { ...options, ...CHECK_ONLY, code: { ...options.code, ...CHECK_ONLY_CODE } } : options;
}

function newAjv(draft: Draft, options: Options): AjvInstance {
  const { ajvClass, extraMetaSchema } = draftFacts(draft);
  const meta = extraMetaSchema === undefined ? undefined : EXTRA_META_SCHEMAS[extraMetaSchema];
  // A schema without `$schema` (the conformance suite's) is checked against the draft's own meta-schema.
  const ajv = new AJV_CLASSES[ajvClass](meta === undefined ? options : { ...options, defaultMeta: meta.id });
  if (meta !== undefined) ajv.addMetaSchema(meta.schema);
  // Full mode is what the inlined formats reproduce. The `formatMinimum`-style keywords stay off: they are not
  // JSON Schema, so strict mode reports them as unknown keywords instead of silently validating them.
  addFormats(ajv, { mode: "full", keywords: false });
  // ajv-formats' regexes that backtrack in quadratic time, as linear ones matching the same strings.
  for (const [name, regex] of Object.entries(LINEAR_FORMATS)) ajv.addFormat(name, regex);
  return ajv;
}

/**
 * An ajv instance with the pinned options for `draft`. `strict: false` is for the conformance suite only;
 * `firstFailure: true` stops at the first error (`allErrors: false`); `inMemory: true` is for validators that are
 * only run in this process and never written out (drift's deciders, test oracles): refs compiled once instead of
 * inlined, no optimisation pass. Everything else unchanged.
 */
export function createAjv(
  draft: Draft,
  opts: { readonly strict?: boolean; readonly validateSchema?: boolean; readonly firstFailure?: boolean; readonly inMemory?: boolean } = {},
): AjvInstance {
  return newAjv(draft, pinnedOptions(opts.strict ?? true, false, opts.validateSchema ?? true, opts.firstFailure ?? false, opts.inMemory ?? false));
}

const metaValidators = new Map<Draft, AjvInstance>();

/**
 * One instance per draft for meta-schema validation only. Why shared: each new instance compiles the draft's
 * meta-schema on first use, which cost more than compiling the user's schema itself. Sharing is safe here because
 * this instance never generates code that ends up in an output file.
 */
export function metaAjv(draft: Draft): AjvInstance {
  let ajv = metaValidators.get(draft);
  if (ajv === undefined) {
    ajv = createAjv(draft);
    metaValidators.set(draft, ajv);
  }
  return ajv;
}

/**
 * The same instance, except that strict-mode problems are handed to `warn` instead of thrown, so diagnostics can
 * report all of them in one pass rather than only the first.
 */
export function createLoggingAjv(draft: Draft, warn: (message: string) => void, validateSchema = true, firstFailure = false, checkOnly = false): AjvInstance {
  const ignore = (): void => undefined;
  return newAjv(draft, pinnedOptions("log", { log: ignore, warn, error: ignore }, validateSchema, firstFailure, false, checkOnly));
}

/**
 * An instance that only checks (`CHECK_ONLY_CODE`): its compile reports strict-mode problems (to `warn`, else thrown
 * as `createAjv` throws them) and refuses bad schemas exactly as the instance that writes code, but writes none.
 * For schemas whose shipped code is our own (src/emit/fast/collect). Never used to validate anything.
 */
export function createCheckingAjv(draft: Draft, warn: ((message: string) => void) | undefined, strict = true): AjvInstance {
  // Never a meta-schema check: that runs the meta-schema's own validator, which a check-only instance never writes.
  if (warn !== undefined) return createLoggingAjv(draft, warn, false, false, true);
  return newAjv(draft, pinnedOptions(strict, false, false, false, false, true));
}

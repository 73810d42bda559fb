import type { ContractKind } from "../../discover/discover.js";
import type { Draft, JsonObject } from "../../ir/json.js";
import { jsonLiteral, stringLiteral } from "../codegen/escape.js";
import { renderModule } from "../codegen/module.js";
import { renderKeywordRules } from "./keyword-rules.js";
import { versionNames } from "./names.js";
import { runtimeSpecifier } from "./runtime.js";
import { hasWordedCollector, WORDED_EXPORT } from "../fast/collect/worded.js";

export interface VersionModuleInput {
  readonly contract: string;
  readonly version: number;
  readonly kind: ContractKind;
  readonly draft: Draft;
  readonly source: string;
  readonly schema: JsonObject;
  readonly hash: string;
  /** Declarations from the types emitter; its root type is named `versionNames(...).type`. */
  readonly types: string;
  /** Config `limits`: written into the module as the defaults of its `is…`/`parse…`/`parse…Text`. */
  readonly limits?: { readonly maxDepth?: number; readonly maxErrors?: number; readonly maxBytes?: number };
  /** Whether `v<N>.validate.ts` has our collector's `validateWorded` (src/emit/fast/collect): `parse…` then runs it. */
  readonly worded?: boolean;
}

/**
 * The type names a version module imports: a `$defs` type may not take them (the types emitter suffixes it), or
 * the module would fail with TS2440 (import conflicts with a local declaration).
 */
export const VERSION_MODULE_TYPE_IMPORTS = ["ParseResult", "RawValidator", "TextParseOptions", "DeepMutable"] as const;

/**
 * The validators of `v<N>.validate.ts` as the runtime takes them, cast where they are passed: a module-level
 * alias (`const validator = validateRaw as …`) would survive minification as one more variable in every bundle.
 */
const ALL = "(validateRaw as unknown as RawValidator)";
const FIRST = "(validateFirstRaw as unknown as RawValidator)";
const FAST = "(validateFast as (data: unknown, maxDepth: number) => boolean | undefined)";

/** `v<N>.ts`: the types, the schema constant and hash, and typed wrappers around `v<N>.validate.ts`. */
export function renderVersionModule(input: VersionModuleInput): string {
  const n = versionNames(input.contract, input.version);
  const validateFile = stringLiteral(`./v${input.version}.validate.js`);
  // With config `limits`, every wrapper passes them as defaults under the caller's own options.
  const limits = Object.entries(input.limits ?? {}).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const opts = limits.length > 0 ? "{ ...limits, ...options }" : "options";
  const rules = renderKeywordRules(input.schema, input.worded === true);
  return renderModule({
    source: input.source,
    notes: [`contract ${input.contract} v${input.version} (${input.kind}, JSON Schema ${input.draft}), ${input.hash}`],
    imports: [
      // Each runtime part on its own, so a bundle of `parse…` alone never carries the text classifier.
      `import type { ParseResult, RawValidator, TextParseOptions, ValidateOptions } from ${stringLiteral(runtimeSpecifier("types", 1))};`,
      `import { isValidFast } from ${stringLiteral(runtimeSpecifier("limits", 1))};`,
      `import { ${["runContract", ...rules.imports].join(", ")} } from ${stringLiteral(runtimeSpecifier("errors", 1))};`,
      `import { parseContractText } from ${stringLiteral(runtimeSpecifier("text", 1))};`,
      `import { ${input.worded === true ? WORDED_EXPORT : "validate"} as validateRaw, validateFast, validateFirst as validateFirstRaw } from ${validateFile};`,
      // i12a (issue 12): the schema constant is a mutable literal type, assignable to the SDKs' JSON Schema types.
      `import type { DeepMutable } from "../_json-schema.js";`,
    ],
    body: [
      input.types,
      [
        `const canonical = ${jsonLiteral(input.schema)} as const;`,
        `/** The canonical JSON Schema of this version (bundled: every $ref is local), typed as its mutable literal. */`,
        `export const ${n.schema}: DeepMutable<typeof canonical> = canonical as DeepMutable<typeof canonical>;`,
        ``,
        `/** sha256 of the canonical JSON of the schema: changes exactly when the schema's bytes-that-matter change. */`,
        `export const ${n.hash} = ${stringLiteral(input.hash)};`,
        ``,
        `export const ${n.meta} = {`,
        `  contract: ${stringLiteral(input.contract)},`,
        `  version: ${input.version},`,
        `  kind: ${stringLiteral(input.kind)},`,
        `  draft: ${stringLiteral(input.draft)},`,
        `  hash: ${stringLiteral(input.hash)},`,
        `} as const;`,
      ].join("\n"),
      [
        ...(limits.length > 0
          ? [`/** Defaults from the config's \`limits\`; per-call options override them. */`, `const limits: TextParseOptions = ${jsonLiteral(Object.fromEntries(limits))};`, ``]
          : []),
        rules.declaration,
        ``,
        `/**`,
        ` * True when \`value\` satisfies ${n.type}. Stops at the first failure: use ${n.parse} for the errors.`,
        ` * The generated fast path answers first; ajv\'s code decides where it cannot tell.`,
        ` * Never throws: false for values nested deeper than \`maxDepth\` (default 1000).`,
        ` */`,
        `export function ${n.is}(value: unknown, options?: ValidateOptions): value is ${n.type} {`,
        `  return isValidFast(${FAST}, ${FIRST}, value, ${opts});`,
        `}`,
        ``,
        `/**`,
        ` * Validates a parsed value; errors carry a stable \`code\`, \`instancePath\` and \`schemaPath\`. Never throws:`,
        ` * \`json.too_deep\` past \`maxDepth\` (default 1000); at most \`maxErrors\` errors (default 100, then \`cut: true\`).`,
        ` */`,
        `export function ${n.parse}(value: unknown, options?: ValidateOptions): ParseResult<${n.type}> {`,
        `  return runContract<${n.type}>(rules, ${ALL}, ${FIRST}, ${FAST}, value, ${opts});`,
        `}`,
        ``,
        `/**`,
        ` * Parses raw model output, then validates it. Text failures come first, each with its own code:`,
        ` * \`json.invalid\`, \`json.truncated\` (cut off, e.g. at the token limit), \`json.wrapped\` (fences or prose).`,
        ` */`,
        `export function ${n.parseText}(text: string, options?: TextParseOptions): ParseResult<${n.type}> {`,
        `  return parseContractText<${n.type}>(rules, ${ALL}, ${FIRST}, ${FAST}, text, ${opts});`,
        `}`,
      ].join("\n"),
    ],
  });
}

/**
 * `v<N>.validate.ts`: the ajv standalone validators (`validate`: all errors, `validateFirst`: first failure), zero
 * imports and no top-level side effects. Type-checking is off: it is generated JS.
 */
export function renderValidatorModule(contract: string, version: number, source: string, code: string): string {
  return renderModule({
    source,
    notes: [`ajv standalone validators for contract ${contract} v${version}: no imports, no eval, no side effects`],
    directives: ["// @ts-nocheck"],
    body: [code],
  });
}

/**
 * The declarations of `v<N>.validate.ts` for the JavaScript flavour, from the module's code. Declarations emitted
 * from the module itself come from untyped ajv code under `@ts-nocheck` and do not type-check in a project without
 * `skipLibCheck` (destructured options that their own type lacks), so the module's shape is declared here instead;
 * `validateWorded` only where the module has it (an import of an export a module lacks fails to link).
 */
export function validatorDeclarations(code: string): string {
  return [
    `import type { RawValidator } from ${stringLiteral(runtimeSpecifier("types", 1))};`,
    `export declare const validate: RawValidator;`,
    `export default validate;`,
    ...(hasWordedCollector(code) ? [`/** \`validate\`'s errors as parse… reports them where it can word them itself. */`, `export declare const ${WORDED_EXPORT}: RawValidator;`] : []),
    `export declare const validateFirst: RawValidator;`,
    `/** true or false as ajv answers (true only within \`maxDepth\` levels when given), or undefined: ask validateFirst. */`,
    `export declare function validateFast(data: unknown, maxDepth?: number): boolean | undefined;`,
  ].join("\n");
}

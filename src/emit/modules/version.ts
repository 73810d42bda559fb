import type { ContractKind } from "../../discover/discover.js";
import type { Draft, JsonObject } from "../../ir/json.js";
import { jsonLiteral, stringLiteral } from "../codegen/escape.js";
import { renderModule } from "../codegen/module.js";
import { versionNames } from "./names.js";

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
}

/** `v<N>.ts`: the types, the schema constant and hash, and typed wrappers around `v<N>.validate.ts`. */
export function renderVersionModule(input: VersionModuleInput): string {
  const n = versionNames(input.contract, input.version);
  const validateFile = stringLiteral(`./v${input.version}.validate.js`);
  return renderModule({
    source: input.source,
    notes: [`contract ${input.contract} v${input.version} (${input.kind}, JSON Schema ${input.draft}), ${input.hash}`],
    imports: [
      `import { parseText, runValidator, type ParseResult, type RawValidator, type TextParseOptions } from "../_runtime.js";`,
      `import { validate as validateRaw } from ${validateFile};`,
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
        `  hash: ${n.hash},`,
        `} as const;`,
      ].join("\n"),
      [
        `const validator = validateRaw as unknown as RawValidator;`,
        ``,
        `/** True when \`value\` satisfies ${n.type}. */`,
        `export function ${n.is}(value: unknown): value is ${n.type} {`,
        `  return validator(value);`,
        `}`,
        ``,
        `/** Validates a parsed value; errors carry a stable \`code\`, \`instancePath\` and \`schemaPath\`. */`,
        `export function ${n.parse}(value: unknown): ParseResult<${n.type}> {`,
        `  return runValidator<${n.type}>(validator, value);`,
        `}`,
        ``,
        `/**`,
        ` * Parses raw model output, then validates it. Text failures come first, each with its own code:`,
        ` * \`json.invalid\`, \`json.truncated\` (cut off, e.g. at the token limit), \`json.wrapped\` (fences or prose).`,
        ` */`,
        `export function ${n.parseText}(text: string, options?: TextParseOptions): ParseResult<${n.type}> {`,
        `  return parseText<${n.type}>(validator, text, options);`,
        `}`,
      ].join("\n"),
    ],
  });
}

/** `v<N>.validate.ts`: the ajv standalone validator, zero imports. Type-checking is off: it is generated JS. */
export function renderValidatorModule(contract: string, version: number, source: string, code: string): string {
  return renderModule({
    source,
    notes: [`ajv standalone validator for contract ${contract} v${version}: no imports, no eval`],
    directives: ["// @ts-nocheck"],
    body: [code],
  });
}

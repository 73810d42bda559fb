/*
 * llm-contracts Standard Schema adapter: copied verbatim into `generated/_standard.ts` by every build.
 *
 * Every contract version exports `<Contract>V<N>Standard`, an object implementing Standard Schema V1 and Standard
 * JSON Schema V1, so libraries that take "any Standard Schema" (Vercel AI SDK `Output.object`, OpenAI Agents SDK
 * `outputType`, form libraries) accept the contract as is. The interfaces are declared here structurally instead
 * of imported from `@standard-schema/spec`: generated code imports nothing, and consumers compile without that
 * package. They match the published spec member for member (a test checks assignability both ways).
 * @see https://standardschema.dev/
 * @see https://github.com/standard-schema/standard-schema
 */
import type { ContractError, ParseResult } from "./runtime.js";

/** A key of an issue path, as the spec allows it: a property key, or an object holding one. */
export type StandardPathSegment = PropertyKey | { readonly key: PropertyKey };

export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<StandardPathSegment> | undefined;
}

export type StandardResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/** `"draft-2020-12" | "draft-07" | "openapi-3.0"`, or any other target name (refused with an error). */
export type StandardJsonSchemaTarget = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);

export interface StandardJsonSchemaOptions {
  readonly target: StandardJsonSchemaTarget;
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

export interface StandardProps<T> {
  readonly version: 1;
  readonly vendor: "llm-contracts";
  readonly validate: (value: unknown, options?: { readonly libraryOptions?: Record<string, unknown> | undefined } | undefined) => StandardResult<T>;
  readonly jsonSchema: {
    readonly input: (options: StandardJsonSchemaOptions) => Record<string, unknown>;
    readonly output: (options: StandardJsonSchemaOptions) => Record<string, unknown>;
  };
  /** Type-level only (never set at run time): what `StandardSchemaV1.InferOutput` reads. */
  readonly types?: { readonly input: T; readonly output: T } | undefined;
}

/** A contract version as a Standard Schema V1 + Standard JSON Schema V1 object. */
export interface StandardContract<T> {
  readonly "~standard": StandardProps<T>;
}

/** Per target: the JSON Schema, or why this version cannot be written in that target. */
export type StandardTargets = Readonly<Record<string, Readonly<Record<string, unknown>> | string>>;

/** Builds the Standard Schema object around a generated parser and the schemas computed at build time. */
export function standardContract<T>(parse: (value: unknown) => ParseResult<T>, targets: StandardTargets): StandardContract<T> {
  const convert = (options: StandardJsonSchemaOptions): Record<string, unknown> => {
    const target: unknown = options?.target;
    const entry = typeof target === "string" && Object.prototype.hasOwnProperty.call(targets, target) ? targets[target] : undefined;
    if (entry === undefined) {
      throw new Error(`llm-contracts: unsupported JSON Schema target ${JSON.stringify(target)} (supported: ${Object.keys(targets).join(", ")})`);
    }
    if (typeof entry === "string") throw new Error(`llm-contracts: this contract cannot be written as ${String(target)}: ${entry}`);
    // A fresh copy per call: consumers rewrite the schemas they are given (e.g. adding `additionalProperties`).
    return JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
  };
  const props: StandardProps<T> = {
    version: 1,
    vendor: "llm-contracts",
    validate(value: unknown): StandardResult<T> {
      const result = parse(value);
      return result.ok ? { value: result.value } : { issues: result.errors.map((e) => toIssue(e, value)) };
    },
    jsonSchema: { input: convert, output: convert },
  };
  return { "~standard": props };
}

/**
 * A `ContractError` as a Standard Schema issue: the message, and the instance path split into keys. A token is
 * a number where the value at that place is an array, so `/tags/0` reads `["tags", 0]`.
 */
export function toIssue(error: ContractError, value: unknown): StandardIssue {
  if (error.instancePath === "") return { message: error.message, path: [] };
  const path: PropertyKey[] = [];
  let node: unknown = value;
  for (const raw of error.instancePath.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^(?:0|[1-9][0-9]*)$/.test(token)) {
      path.push(Number(token));
      node = node[Number(token)];
    } else {
      path.push(token);
      node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[token] : undefined;
    }
  }
  return { message: error.message, path };
}

/** Generated validator modules loaded in memory, and ajv compiled beside them, for the fast-path differential tests. */
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import type { RawValidator } from "../../../src/runtime/types.js";
import { createAjv, emitValidator } from "../../../src/emit/validators/index.js";

/** An error as ajv lists it (the generated modules drop `message`). */
export interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: unknown;
  readonly message?: string;
}

export interface Loaded {
  readonly validate: ((data: unknown) => boolean) & { readonly errors?: readonly AjvError[] | null };
  /** Where the collector is ours: `validate`'s errors as parse… reports them, some left raw (src/emit/fast/collect). */
  readonly validateWorded?: RawValidator;
  readonly validateFirst: (data: unknown) => boolean;
  /** `limit`: the `maxDepth` its `true` must be proven within (none: no depth claim). */
  readonly validateFast: (data: unknown, limit?: number) => boolean | undefined;
}

export async function loadModule(code: string): Promise<Loaded> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as Loaded;
}

/**
 * The generated module and ajv's all-errors validator for `schema` (what `parse…` answers, so `is…` must answer
 * the same), or undefined when ajv refuses the schema. Not the first-failure one: ajv 8.20 with
 * `allErrors: false` accepts `[]` against a tuple (`prefixItems`, array `items`) beside `contains`, which its
 * all-errors validator and the spec reject.
 */
export async function pair(
  schema: JsonObject,
  draft: Draft,
  formats: Readonly<Record<string, string>> = {},
): Promise<{ module: Loaded; code: string; ajv: (data: unknown) => boolean; ajvErrors: () => readonly AjvError[] } | undefined> {
  let ajv: (data: unknown) => boolean;
  let ajvErrors: () => readonly AjvError[];
  try {
    const compiled = createAjv(draft, { strict: false }).compile(schema);
    ajv = (data) => compiled(data);
    ajvErrors = () => compiled.errors ?? [];
  } catch {
    return undefined;
  }
  const code = emitValidator({ schema, draft, strict: false, formats });
  return { module: await loadModule(code), code, ajv, ajvErrors };
}

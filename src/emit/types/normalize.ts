/**
 * Rewrites a bundled schema into the jsts dialect (`dialect.ts`): a synthetic holder object whose properties
 * `d0` (the root) … `dN` are the named defs, each with its final type name as `title`, referring to each other by
 * name.
 *
 * Why a holder: jsts declares `$defs` that the root does not reach only when the root is an object (jsts #439),
 * names a root `$ref` target twice (`Model`, `Model1`, jsts #635), and comments every unreachable def with its
 * parent's name. As properties of one closed object, all defs are reachable and named by their `title` alone;
 * `print.ts` then drops the holder's own declaration.
 *
 * Works on a copy: the caller's schema (the validator's copy) is only read. Linear in the schema size: each
 * subschema is visited a constant number of times (indexing refs, kind analysis, rewriting).
 */
import type { Draft, JsonObject } from "../../ir/json.js";
import type { DNode } from "./dialect.js";
import { breakAliasCycles } from "./cycles.js";
import { SchemaIndex } from "./refs.js";
import { Normalizer, PropertyKeys } from "./subschema.js";

/** Cannot collide: type names we assign are PascalCase without a leading underscore. */
export const HOLDER_NAME = "__Holder";

/** What `emitTypes` (index.ts) is given. */
export interface TypesInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Name of the root type, e.g. `TicketTriageV1`. */
  readonly rootName: string;
  /**
   * Names the module holding the types already declares or imports (`ParseResult`, `DeepMutable`): a `$defs` key
   * with such a name gets a suffixed name instead (`DeepMutable_2`), as distinct keys with one name do.
   */
  readonly reserved?: readonly string[];
}

export interface NormalizedTypes {
  /** The schema to hand to jsts. */
  readonly holder: DNode;
  /** Declared type names in output order, the root first. */
  readonly names: readonly string[];
  /** Property names by placeholder index: `$k<i>` stands for `propertyKeys[i]`. */
  readonly propertyKeys: readonly string[];
}

export function normalizeForTypes(input: TypesInput): NormalizedTypes {
  const index = new SchemaIndex(input.schema, input.rootName, input.draft, input.reserved);
  const propertyKeys = new PropertyKeys();
  const normalizer = new Normalizer(index, input.draft, propertyKeys);
  const bodies = new Map(index.entries.map((entry) => [entry.name, normalizer.entryBody(entry)] as const));
  breakAliasCycles(bodies);
  const keys = [...bodies.keys()].map((_, i) => `d${i}`);
  const holder: DNode = {
    title: HOLDER_NAME,
    type: "object",
    properties: Object.fromEntries([...bodies.values()].map((body, i) => [keys[i], body])),
    required: keys,
    additionalProperties: false,
  };
  return { holder, names: [...bodies.keys()], propertyKeys: propertyKeys.keys };
}

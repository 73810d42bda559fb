import { HOLDER_NAME, normalizeForTypes, type NormalizedTypes, type TypesInput } from "./normalize.js";
import { anonymous, named, shapeMemo } from "./shape-memo.js";
import { fillSkeleton, skeletonHash, skeletonOf } from "./skeleton.js";

export type { TypesInput } from "./normalize.js";

/**
 * Printed skeletons by `skeletonHash` (skeleton.ts), kept by the caller (the compile's cache). `get` may answer
 * anything, even a damaged text: a text that does not fill is printed anew.
 */
export interface SkeletonStore {
  get(hash: string): string | undefined;
  set(hash: string, printed: string): void;
}

/**
 * TypeScript declarations (`export type` / `export interface`, no imports, no banner) for a bundled schema.
 *
 * Pipeline: `normalize.ts` rewrites a copy of the schema into the dialect jsts prints correctly, with every name
 * decided; `skeleton.ts` puts tokens in place of the comment lines; json-schema-to-typescript prints that (one call,
 * options pinned in `options.ts`); `print.ts` restores property names, checks the syntax and lays it out; the
 * tokens are filled with the comment lines. The types accept every value the validator accepts: where a keyword
 * has no TypeScript counterpart the type is wider, never narrower.
 *
 * With `store`, a skeleton printed before (same schema but for its descriptions) is not printed again: neither
 * json-schema-to-typescript nor TypeScript is loaded.
 *
 * Throws for a `$ref` that is not an in-document JSON pointer, and for a root name that is not PascalCase.
 */
export async function emitTypes(input: TypesInput, store?: SkeletonStore): Promise<string> {
  const skeleton = skeletonOf(normalizeForTypes(input));
  const hash = store === undefined ? undefined : skeletonHash(skeleton);
  const cached = hash === undefined ? undefined : store!.get(hash);
  const filled = cached === undefined ? undefined : fillSkeleton(cached, skeleton.lines);
  if (filled !== undefined) return filled;
  const printed = await printShape(skeleton.normalized);
  if (hash !== undefined) store!.set(hash, printed);
  const out = fillSkeleton(printed, skeleton.lines);
  if (out === undefined) throw new Error("printed types hold a comment token they were not given");
  return out;
}

/**
 * The printed skeleton through this thread's memo of shapes (shape-memo.ts): printed with placeholder names once,
 * then named. Anything unexpected there gives the direct print (its result, or its error).
 */
async function printShape(normalized: NormalizedTypes): Promise<string> {
  const anon = anonymous(normalized);
  if (anon === undefined) return printTypes(normalized);
  let shape = shapeMemo.get(anon.key);
  if (shape === undefined) {
    try {
      shape = await printTypes(anon.normalized);
    } catch {
      return printTypes(normalized);
    }
    shapeMemo.set(anon.key, shape);
  }
  return named(shape, normalized.names) ?? printTypes(normalized);
}

/**
 * The printed form of normalized types, with the printing libraries loaded on first use (a cached skeleton needs
 * neither). Exported for the test that prints the descriptions directly and compares.
 */
export async function printTypes(normalized: NormalizedTypes): Promise<string> {
  const [{ compile }, { JSTS_OPTIONS }, { finalizeTypes }] = await printingLibraries();
  const raw = await compile(normalized.holder as Parameters<typeof compile>[0], HOLDER_NAME, JSTS_OPTIONS);
  return finalizeTypes(raw, normalized);
}

let libraries: Promise<[typeof import("json-schema-to-typescript"), typeof import("./options.js"), typeof import("./print.js")]> | undefined;

/** The printing libraries (json-schema-to-typescript, TypeScript), loaded once, on first use or when preloaded. */
export function printingLibraries(): NonNullable<typeof libraries> {
  libraries ??= Promise.all([import("json-schema-to-typescript"), import("./options.js"), import("./print.js")]);
  return libraries;
}

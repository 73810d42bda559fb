/**
 * Prints types both ways: the normalized schema with its descriptions as they are (the printer's direct output,
 * as before skeletons), and through the skeleton (tokens printed, then filled). Shared by skeleton.test.ts and
 * skeleton-corpus.test.ts.
 */
import assert from "node:assert/strict";
import { emitTypes, printTypes, type SkeletonStore, type TypesInput } from "../../../src/emit/types/index.js";
import { normalizeForTypes } from "../../../src/emit/types/normalize.js";

/** A store over a Map that counts hits and misses. */
export function mapStore(): SkeletonStore & { readonly map: Map<string, string>; hits: number; misses: number } {
  const map = new Map<string, string>();
  const store = {
    map,
    hits: 0,
    misses: 0,
    get(hash: string) {
      const text = map.get(hash);
      if (text === undefined) store.misses++;
      else store.hits++;
      return text;
    },
    set(hash: string, text: string) {
      map.set(hash, text);
    },
  };
  return store;
}

/**
 * Asserts that the skeleton route, without a store and with `store`, gives the direct print. Returns false when
 * the schema cannot be printed at all (both routes throw the same error).
 */
export async function samePrint(input: TypesInput, label: string, store = mapStore()): Promise<boolean> {
  let direct: string;
  try {
    direct = await printTypes(normalizeForTypes(input));
  } catch (error) {
    await assert.rejects(emitTypes(input), { message: (error as Error).message }, label);
    return false;
  }
  assert.equal(await emitTypes(input), direct, `${label}: skeleton, printed`);
  assert.equal(await emitTypes(input, store), direct, `${label}: skeleton, store`);
  assert.equal(await emitTypes(input, store), direct, `${label}: skeleton, from the store`);
  return true;
}

/**
 * `schema.ref-cycle`: a bundle holding a `$ref` cycle through in-place applicators only (src/ir/in-place-cycle.ts)
 * is refused here, before anything follows its references: ajv's resolver would recurse out of stack on a
 * `$ref`-only chain, and validating through any other such cycle never ends. One line, at the node where the cycle
 * was entered, in the file that holds it (a cycle between `_shared` files is reported in the first of them), with
 * the cycle's path.
 */
import { inputError, type Location } from "../errors.js";
import { inPlaceCycle } from "../ir/in-place-cycle.js";
import type { JsonObject } from "../ir/json.js";

export function refuseRefCycle(schema: JsonObject, sourceOf: (bundlePointer: string) => Location): void {
  const cycle = inPlaceCycle(schema);
  if (cycle === undefined) return;
  const places = cycle.map(sourceOf);
  const entry = places[0]!;
  // Each step as a reference the user can follow: `#/…` in the entry's file, `file#/…` in another.
  const path = places.map((p) => `${p.file === entry.file ? "" : p.file}#${p.pointer ?? ""}`).join(" → ");
  throw inputError(
    "schema.ref-cycle",
    entry,
    `$ref cycle that never descends into the value: ${path}; each step applies a schema to the same value ` +
      `($ref, allOf, anyOf, oneOf, not, if/then/else, dependentSchemas), so validating would never end; ` +
      `break it, or make one step go through properties or items`,
  );
}

import { test } from "node:test";
import assert from "node:assert/strict";
import { closest, didYouMean, editDistance } from "../../src/suggest/did-you-mean.js";

test("edit distance counts inserts, deletes, substitutions and neighbour swaps as one edit each", () => {
  assert.equal(editDistance("minimum", "minimun"), 1);
  assert.equal(editDistance("required", "requierd"), 1);
  assert.equal(editDistance("properties", "proprties"), 1);
  assert.equal(editDistance("abc", "abc"), 0);
  assert.equal(editDistance("", "abc"), 3);
});

test("closest: case-only differences first, few edits for long names, none for short ones", () => {
  const keywords = ["maxItems", "minItems", "minimum", "maximum", "if", "id", "$id", "additionalProperties"];
  assert.equal(closest("MaxItems", keywords), "maxItems");
  assert.equal(closest("minimun", keywords), "minimum");
  assert.equal(closest("additonalPropertes", keywords), "additionalProperties");
  assert.equal(closest("of", keywords), undefined, "two letters never guess");
  assert.equal(closest("local", keywords), undefined);
  assert.equal(didYouMean("outdir", ["outDir", "schemasDir"]), '; did you mean "outDir"?');
  assert.equal(didYouMean("compat", ["compatibility"]), "");
});

import { test } from "node:test";
import type { JsonValue } from "../../src/ir/json.js";
import { MAX_BUNDLE_NODES, MAX_FILES } from "../../src/load/index.js";
import { project, throwsInput } from "./helpers.js";

test("more referenced files than the limit is an error at the ref that goes over", () => {
  const files: Record<string, JsonValue> = {};
  for (let i = 0; i <= MAX_FILES; i++) files[`chain/f${i}.json`] = { $ref: `f${i + 1}.json` };
  files[`chain/f${MAX_FILES + 1}.json`] = { type: "string" };
  const p = project(files);
  throwsInput(() => p.load("chain/f0.json"), {
    code: "input.too-many-files",
    file: `schemas/chain/f${MAX_FILES - 1}.json`,
    pointer: "/$ref",
  });
});

test("hoisting overlapping targets cannot blow the output up past the node limit", () => {
  // One 4 MB file of about 2 million nodes, referenced three times at nested points: three copies.
  const count = Math.ceil(MAX_BUNDLE_NODES / 2.5);
  const p = project({
    "big/v1.json": {
      allOf: [
        { $ref: "../_shared/data.json" },
        { $ref: "../_shared/data.json#/$defs/A" },
        { $ref: "../_shared/data.json#/$defs/A/not" },
      ],
    },
    "_shared/data.json": `{"$defs": {"A": {"not": {"enum": [${"0,".repeat(count)}0]}}}}`,
  });
  throwsInput(() => p.load("big/v1.json"), { code: "input.bundle-too-large", file: "schemas/big/v1.json" });
});

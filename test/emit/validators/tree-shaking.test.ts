/**
 * Bundles the committed generated/ with esbuild, as a frontend would, and reads esbuild's metafile: importing one
 * function from the root index must bring that contract version's validator only (issue 8 point 4), and a
 * validator module nobody calls must add nothing to a bundle.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, type Metafile } from "esbuild";
import { REPO_ROOT, tempDir } from "../../util/project.js";

const GENERATED = path.join(REPO_ROOT, "generated");

interface Bundle {
  readonly code: string;
  /** Input files (relative to generated/) that contributed bytes to the output. */
  readonly inputs: readonly string[];
}

async function bundle(source: string): Promise<Bundle> {
  const dir = tempDir("llmc-treeshake-");
  const entry = path.join(dir, "entry.ts");
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
    outfile: path.join(dir, "out.js"),
    logLevel: "silent",
  });
  const meta: Metafile = result.metafile;
  const output = Object.values(meta.outputs)[0]!;
  const inputs = Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => path.relative(GENERATED, path.resolve(file)).split(path.sep).join("/"))
    .filter((file) => !file.startsWith(".."))
    .sort();
  return { code: result.outputFiles[0]!.text, inputs };
}

const index = JSON.stringify(path.join(GENERATED, "index.js"));

if (!existsSync(path.join(GENERATED, "index.ts"))) {
  test("tree-shaking", (t) => t.skip("generated/ has not been built in this checkout (run `npm start`)"));
} else {
  test("tree-shaking › one parse function from the root index bundles that contract version only", async () => {
    const { inputs, code } = await bundle(`import { parseTicketTriageV3 } from ${index};\nexport const run = parseTicketTriageV3;\n`);
    // limits.ts: the depth walk and error cap every parse runs (issue 23), so hostile input never throws.
    assert.deepEqual(inputs, ["_runtime/errors.ts", "_runtime/limits.ts", "ticket-triage/v3.ts", "ticket-triage/v3.validate.ts"]);
    assert.doesNotMatch(code, /needs_human/, "ticket-triage v1's validator would name needs_human");
  });

  test("tree-shaking › the latest-version alias bundles the same single validator", async () => {
    const { inputs } = await bundle(`import { parseIssueRefund } from ${index};\nexport const run = parseIssueRefund;\n`);
    assert.deepEqual(inputs, ["_runtime/errors.ts", "_runtime/limits.ts", "issue-refund/v2.ts", "issue-refund/v2.validate.ts"]);
  });

  test("tree-shaking › a type guard carries neither the error mapping nor the text classifier", async () => {
    const { inputs } = await bundle(`import { isTicketTriageV2 } from ${index};\nexport const run = isTicketTriageV2;\n`);
    assert.deepEqual(inputs, ["_runtime/limits.ts", "ticket-triage/v2.ts", "ticket-triage/v2.validate.ts"]);
  });

  test("tree-shaking › the text parser adds the text classifier and nothing else", async () => {
    const { inputs } = await bundle(`import { parseDocumentOutlineV1Text } from ${index};\nexport const run = parseDocumentOutlineV1Text;\n`);
    // numbers.ts: integers beyond 2^53 and overflowing doubles are classified, not silently rounded (issue 23).
    assert.deepEqual(inputs, ["_runtime/errors.ts", "_runtime/limits.ts", "_runtime/numbers.ts", "_runtime/text.ts", "document-outline/v1.ts", "document-outline/v1.validate.ts"]);
  });

  test("tree-shaking › importing the whole index for its side effects bundles nothing", async () => {
    const { code, inputs } = await bundle(`import ${index};\n`);
    assert.deepEqual(inputs, []);
    assert.equal(code.trim(), "");
  });
}

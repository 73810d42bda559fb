import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Draft } from "../../src/ir/json.js";
import { EXPECTED_FAILURES } from "./expected-failures.js";
import { caseKey, runDraft } from "./suite.js";

/** The repository root: the nearest folder above this file (source or compiled) with a package.json. */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the test file");
    dir = parent;
  }
  return dir;
}

const SUITE_DIR = path.resolve(repoRoot(), "../shared/json-schema-test-suite");
const DRAFTS: readonly (readonly [string, Draft])[] = [
  ["draft4", "draft-04"],
  ["draft6", "draft-06"],
  ["draft7", "draft-07"],
  ["draft2019-09", "2019-09"],
  ["draft2020-12", "2020-12"],
];

for (const [folder, draft] of DRAFTS) {
  test(`generated validators pass JSON-Schema-Test-Suite ${folder} except listed failures, and agree with ajv`, async (t) => {
    const draftDir = path.join(SUITE_DIR, "tests", folder);
    if (!fs.existsSync(draftDir)) {
      t.skip(`JSON-Schema-Test-Suite not found at ${draftDir} (it lives in shared/, beside the repository)`);
      return;
    }
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "llmc-conformance-"));
    try {
      const outcomes = await runDraft(SUITE_DIR, folder, draft, tmpDir);
      const expected = new Map(
        EXPECTED_FAILURES.filter((f) => f.draft === folder).map((f) => [
          caseKey(folder, f.file, f.group, f.test),
          f.reason,
        ]),
      );
      const seen = new Set(outcomes.map((o) => o.key));
      const required = outcomes.filter((o) => o.required);
      const optional = outcomes.filter((o) => !o.required);
      const count = (list: typeof outcomes): string => `${list.filter((o) => o.passed).length}/${list.length}`;
      const fastCases = outcomes.filter((o) => o.fast).length;
      const summary = `${folder}: required ${count(required)}, optional ${count(optional)}, expected failures ${expected.size}, answered by the fast path ${fastCases}/${outcomes.length}`;
      t.diagnostic(summary);

      const disagreements = outcomes.filter((o) => o.disagreement).map((o) => `${o.key}: ${o.detail}`);
      const unexpected = outcomes.filter((o) => !o.passed && !expected.has(o.key)).map((o) => `${o.key}: ${o.detail}`);
      const nowPassing = outcomes.filter((o) => o.passed && expected.has(o.key)).map((o) => o.key);
      const unknown = [...expected.keys()].filter((key) => !seen.has(key));
      assert.deepEqual(disagreements, [], "generated and in-memory validators must give the same answers");
      assert.deepEqual(unexpected, [], "failures not listed in test/conformance/expected-failures.ts");
      assert.deepEqual(nowPassing, [], "listed as expected failures but passing now: remove them from the list");
      assert.deepEqual(unknown, [], "expected failures that name no case of the suite");
    } finally {
      fs.rmSync(tmpDir, { recursive: true, force: true });
    }
  });
}

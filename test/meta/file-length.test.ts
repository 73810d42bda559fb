import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../src/write/plan.js";
import { REPO_ROOT } from "../util/project.js";

/** STYLE.md: one unit per file; giant files are where rules hide. A budget, checked on every run. */
const MAX_LINES = 400;

/** Files allowed over the budget, each with its reason. */
const EXEMPT: Readonly<Record<string, string>> = {};

test(`source files stay within ${MAX_LINES} lines`, () => {
  const over: string[] = [];
  for (const dir of ["src", "cli"]) {
    for (const rel of listFiles(path.join(REPO_ROOT, dir))) {
      if (!rel.endsWith(".ts")) continue;
      const file = `${dir}/${rel}`;
      const lines = readFileSync(path.join(REPO_ROOT, file), "utf8").split("\n").length;
      if (lines > MAX_LINES && EXEMPT[file] === undefined) over.push(`${file}: ${lines} lines`);
    }
  }
  assert.deepEqual(over, []);
});

test("every exemption still names an existing file", () => {
  for (const file of Object.keys(EXEMPT)) assert.ok(readFileSync(path.join(REPO_ROOT, file), "utf8").length > 0, file);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportVersion } from "../../src/export/export.js";
import { PROFILE_IDS } from "../../src/lint/profiles/index.js";
import { typecheckFiles } from "../util/typecheck-dir.js";
import { REPO_ROOT } from "../util/project.js";
import { examples } from "./helpers.js";

/** Golden export per example contract version and provider: fragment + loss manifest, or the refusing rules. */
const GOLDEN = path.join(REPO_ROOT, "test", "export", "golden");
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

test("golden › every example contract version exports to every provider exactly as recorded", async () => {
  const compiled = await examples();
  if (UPDATE) mkdirSync(GOLDEN, { recursive: true });
  for (const v of compiled.versions) {
    for (const profile of PROFILE_IDS) {
      const e = exportVersion(v, profile);
      const got = e.fragment !== undefined ? { fragment: e.fragment, losses: e.changes } : { refused: e.errors.map((f) => `${f.ruleId} ${f.pointer}`) };
      const file = path.join(GOLDEN, `${v.contract.name}@v${v.source.version}.${profile}.json`);
      const text = `${JSON.stringify(got, null, 2)}\n`;
      if (UPDATE) writeFileSync(file, text);
      assert.ok(existsSync(file), `missing golden ${path.basename(file)} (run with UPDATE_GOLDEN=1)`);
      assert.equal(text, readFileSync(file, "utf8"), path.basename(file));
    }
  }
});

test("golden › semantic checks: strict profiles close every object and require every property", async () => {
  const compiled = await examples();
  for (const v of compiled.versions) {
    const e = exportVersion(v, "openai-strict");
    if (e.fragment === undefined) continue;
    const walk = (s: unknown): void => {
      if (Array.isArray(s)) return s.forEach(walk);
      if (typeof s !== "object" || s === null) return;
      const o = s as Record<string, unknown>;
      if (o["properties"] !== undefined) {
        assert.equal(o["additionalProperties"], false);
        assert.deepEqual([...(o["required"] as string[])].sort(), Object.keys(o["properties"] as object).sort());
      }
      for (const k of ["uniqueItems", "minLength", "maxLength", "$schema"]) assert.ok(!(k in o), `${k} left in openai-strict wire schema`);
      Object.values(o).forEach(walk);
    };
    walk(e.fragment);
    for (const c of e.changes) assert.ok(c.why.length > 10 && c.pointer.startsWith(""), "every change says why");
  }
});

test("generated › v<N>.providers.ts compile under the strict flags and import nothing at run time", () => {
  const dir = path.join(REPO_ROOT, "generated");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".providers.ts")).map((f) => path.join(dir, f));
  assert.ok(files.length >= 6);
  for (const f of files) {
    // The one import allowed is type-only (erased): the constants' mutable literal type from generated/_json-schema.ts.
    const imports = readFileSync(f, "utf8").split("\n").filter((l) => /^\s*import\s/.test(l));
    assert.deepEqual(imports, ['import type { DeepMutable } from "../_json-schema.js";'], `${f} imports`);
  }
  for (const mode of ["NodeNext", "Bundler"] as const) assert.deepEqual(typecheckFiles(files, mode), []);
});
